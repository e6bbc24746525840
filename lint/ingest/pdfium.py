"""PDF pages read through pypdfium2 (PDFium, BSD/Apache), shaped like the pdfplumber pages the PDF reader's
:func:`~.pdf.page_of` reads: the whole reader is about five times faster than through pdfminer's
content-stream parser (19 against 101 ms a page on the shared PDFs).

What is collected, page by page, and released as soon as the page is done:

* **Characters** with pdfminer's boxes: the left edge is the character's origin and the right one the
  origin plus the width the PDF declares for the glyph (PDFium's loose box only where it declares none);
  the top and bottom are the origin's baseline less the font's descent and the font size scaled by the
  text matrix, as pdfminer places them. A text object's font, size, matrix and descent are read once, a
  glyph's width and mapping once per font. The spaces the content stream draws are kept (PDFium keeps
  fewer than pdfminer), placed on their neighbours' line; the spaces PDFium adds of its own are dropped:
  the reader spaces words by their gaps, as it does for pdfplumber's characters.
* **The page as shown**: a page turned by its /Rotate is read turned, as pdfminer reads it (its width and
  height swapped at 90°, every point carried by the same view), so a landscape table reads left to right;
  so is a page whose text mostly runs sideways with no /Rotate saying so (a landscape table printed turned
  on a portrait page), turned the way its text runs (:func:`shown_turn`, which the HTML report's page
  images follow).
* **Ruling lines** from every painted path, in forms too (each object's matrix composed with its form's):
  each straight axis-aligned segment, closing segments included, is an edge for pdfplumber's table
  finder, as pdfplumber makes edges of rectangles, lines and curves.
* **Not read**: characters set at a slant to the page's axes (a watermark across the page: 公开, the
  department's name), which would run into the cells and lines they cross.
* What the refusals look at: images, drawings, and characters without a Unicode mapping (PDFium's own
  flag), written ``(cid:N)`` as pdfminer writes them.
"""

from __future__ import annotations

import ctypes
import math

from .layout import MOST_CHARS, PageTooFull
from .pdf import slanted

DAMAGED = -1
_FLAT = 0.001  # points: PDFium gives single-precision coordinates
_SKIPPED = {"\r", "\n", "\ufffe", "\ufeff"}
# PDFium's mark for a hyphen ending a line, taken for a word's break: in these reports a minus or a range's
# dash (增长- ⏎ 4.7%, 2024- ⏎ 2025年), never a word hyphenated, so the character printed
_LINE_END_HYPHEN = "\x02"


class PdfiumError(Exception):
    """PDFium could not open the file or a page: ``code`` is its error (2 = file, 3 = format, 4 = password;
    :data:`DAMAGED` for a page)."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code

    def __reduce__(self):  # (handed back from the reader's child process as it was)
        return PdfiumError, (str(self), self.code)


def pages(path: str):
    """The pages of the PDF at ``path``, each a :class:`Page`, released after use."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise PdfiumError(str(exc), getattr(exc, "err_code", 0) or 0) from None
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                raise PdfiumError(f"page {index + 1} could not be loaded", DAMAGED) from None
            try:
                yield Page(page, index + 1)
            finally:
                page.close()
    finally:
        document.close()


class Page:
    """A page as much like a pdfplumber page as :func:`~.pdf.page_of` asks (see :mod:`.ofd` for the
    other one): ``page_number``, ``width``, ``height``, ``bbox``, ``chars``, ``edges``, ``images``,
    ``rects``, ``curves``, ``lines`` and :meth:`find_tables`."""

    def __init__(self, page, number: int):
        import pypdfium2.raw as raw

        self.page_number = number
        self.edges: list[dict] = []
        self.images: list = []
        self.curves: list = []
        self.rects: list = []
        self.lines: list = []
        self.unplaced = False
        """A CJK font the PDF does not embed and no installed font stands in for: PDFium gives its glyphs
        no height and drops lines it then takes for duplicates (pdfminer reads such a page whole)."""
        text = page.get_textpage()
        try:
            count = raw.FPDFText_CountChars(text.raw)
            if count > MOST_CHARS:
                raise PageTooFull(number, count)
            self.turned = _shown_turn(raw, text.raw, page.get_rotation() % 360)
            self._turn(page, self.turned)
            self.chars = self._chars(raw, text.raw)
        finally:
            text.close()
        self._walk(raw, page.raw, None, self._view)

    def _turn(self, page, turned: int) -> None:
        """View the page turned by ``turned`` degrees, as pdfminer views a page: turned as it is shown,
        its lower left corner the origin."""
        left, bottom, right, top = page.get_mediabox()
        self._view = {90: (0.0, -1.0, 1.0, 0.0, -bottom, right),
                      180: (-1.0, 0.0, 0.0, -1.0, right, top),
                      270: (0.0, 1.0, -1.0, 0.0, top, -left)}.get(turned,
                                                                  (1.0, 0.0, 0.0, 1.0, -left, -bottom))
        wide, high = right - left, top - bottom
        self.width, self.height = (high, wide) if turned in (90, 270) else (wide, high)
        self.bbox = (0.0, 0.0, self.width, self.height)

    def find_tables(self) -> list:
        """pdfplumber's tables of the page's ruling lines, with its default settings: its own edges,
        intersections and tables, the cells between the intersections found by :func:`_cells`."""
        from pdfplumber.table import (
            Table,
            TableFinder,
            TableSettings,
            cells_to_tables,
            edges_to_intersections,
        )

        finder = TableFinder.__new__(TableFinder)
        finder.page, finder.settings = self, TableSettings.resolve({})
        edges = finder.get_edges()
        edges += closing_rules(edges, self.height)
        points = edges_to_intersections(edges, finder.settings.intersection_x_tolerance,
                                        finder.settings.intersection_y_tolerance)
        return [Table(self, group) for group in cells_to_tables(_cells(points))]

    def _chars(self, raw, handle) -> list[dict]:
        out, spaces = self._read_chars(raw, handle)
        following = None  # each space between the characters before and after it, on their line
        for at in range(len(out) - 1, -1, -1):
            if at in spaces:
                before = spaces[at]
                near = before or following
                if near is not None:
                    x0 = before["x1"] if before else following["x0"]
                    x1 = following["x0"] if following and before and following["x0"] > x0 else x0
                    out[at].update(x0=x0, x1=x1, top=near["top"], bottom=near["bottom"], size=near["size"])
            else:
                following = out[at]
        return [c for c in out if "x0" in c]

    def _read_chars(self, raw, handle) -> tuple[list[dict], dict]:
        """The page's characters (spaces without a place yet) and, by index, the character before each
        space. A text object's font, size, matrix and descent are read once, a glyph's width and mapping
        once per font; the calls made for every character go through :func:`_calls`."""
        a, b, c, d, e, f = self._view
        (unicode, text_object, origin, font_of, font_size, text_matrix, font_descent, glyph_width,
         unmapped) = _calls(raw)
        address = ctypes.cast(handle, ctypes.c_void_p).value
        box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        x, y, descent, width = ctypes.c_double(), ctypes.c_double(), ctypes.c_float(), ctypes.c_float()
        at_x, at_y, at_matrix, at_descent, at_width = map(ctypes.addressof, (x, y, matrix, descent, width))
        edges = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        objects: dict = {}  # a text object's shape by its address
        forms: dict = {}  # the same, by font, size and matrix: most objects hold a character or two
        tried: set = set()  # the fonts whose placing was looked at
        glyphs: dict = {}
        out: list[dict] = []
        spaces: dict = {}
        last = None
        count = raw.FPDFText_CountChars(handle)
        for i in range(count):
            code = unicode(address, i)
            if 0xDC00 <= code <= 0xDFFF:
                continue  # the second half of a character outside the BMP, read with the first
            if 0xD800 <= code <= 0xDBFF:  # UTF-16 halves: one character, or none when broken
                low = unicode(address, i + 1) if i + 1 < count else 0
                whole = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                code = whole if 0xDC00 <= low <= 0xDFFF else 0
            ch = chr(code) if code else ""
            if not ch or ch in _SKIPPED:
                continue
            if ch == _LINE_END_HYPHEN:
                ch = "-"
            if ch.isspace():
                if raw.FPDFText_IsGenerated(handle, i) != 1:  # PDFium's own spaces: the gaps say those
                    spaces[len(out)] = last
                    out.append({"text": " "})
                continue
            key = text_object(address, i)
            shape = objects.get(key)
            if shape is None:  # a new text object: its font, size and matrix
                face = font_of(key) if key else None
                points = font_size(address, i)
                text_matrix(address, i, at_matrix)
                form = (face, points, matrix.a, matrix.b, matrix.c, matrix.d)
                shape = forms.get(form)
                if shape is None:
                    size = points * math.hypot(matrix.c, matrix.d)
                    low = descent.value if face and font_descent(face, size, at_descent) else 0.0
                    shape = forms[form] = (face, points, size, low, math.hypot(matrix.a, matrix.b),
                                           slanted(matrix.a, matrix.b))
                if key is not None:
                    objects[key] = shape
                if not self.unplaced and code >= 0x2E80 and face not in tried:  # can PDFium place the font?
                    tried.add(face)
                    raw.FPDFText_GetCharBox(handle, i, *map(ctypes.byref, edges))
                    # its glyph box, however turned, flat in one direction: a hundredth of the other or less
                    # (一 stands a sixth of its width; a glyph without a font, a thousandth)
                    sides = sorted((edges[1].value - edges[0].value, edges[3].value - edges[2].value))
                    self.unplaced = sides[0] <= 0.01 * sides[1]
            face, points, size, low, stretch, oblique = shape
            if oblique:
                continue  # a watermark set across the page (公开, the department's name): not the text
            origin(address, i, at_x, at_y)
            glyph = glyphs.get((face, code, points))
            if glyph is None:
                wide = width.value if face and glyph_width(face, code, points, at_width) else 0.0
                glyph = (wide, unmapped(address, i) == 1)
                glyphs[(face, code, points)] = glyph
            across = a * x.value + c * y.value + e  # the origin, on the page as shown
            baseline = self.height - (b * x.value + d * y.value + f + low)
            if glyph[0] > 0:
                right = across + glyph[0] * stretch  # the width the PDF declares, as pdfminer reads it
            else:
                raw.FPDFText_GetLooseCharBox(handle, i, box)
                right = max(a * px + c * py + e for px in (box.left, box.right)
                            for py in (box.bottom, box.top))
            if glyph[1]:
                ch = f"(cid:{code})"  # as pdfminer writes a glyph it cannot map, and is refused for
            last = {"text": ch, "x0": across, "x1": right,
                    "top": baseline - size, "bottom": baseline, "size": size}
            out.append(last)
        return out, spaces

    def _walk(self, raw, handle, form, ctm) -> None:
        page_object, form_object, kind_of = _walk_calls()
        count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(handle)
        owner = ctypes.cast(form or handle, ctypes.c_void_p).value
        each = form_object if form else page_object
        matrix = raw.FS_MATRIX()
        for k in range(count):
            obj = each(owner, k)
            kind = kind_of(obj)
            if kind == _IMAGE:
                self.images.append(k)
            elif kind == _FORM or kind == _PATH:
                obj = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
                raw.FPDFPageObj_GetMatrix(obj, matrix)
                mine = _then((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
                if kind == _FORM:
                    self._walk(raw, handle, obj, mine)
                else:
                    self._path(raw, obj, mine)

    def _path(self, raw, obj, m) -> None:
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            return  # not painted (a clipping path)
        self.curves.append(obj)
        segments, segment_at, point_of, kind_of, closes = _path_calls()
        x, y = ctypes.c_float(), ctypes.c_float()
        at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
        path = ctypes.cast(obj, ctypes.c_void_p).value
        start = here = None
        for s in range(segments(path)):
            segment = segment_at(path, s)
            point_of(segment, at_x, at_y)
            point = (x.value * m[0] + y.value * m[2] + m[4],
                     self.height - (x.value * m[1] + y.value * m[3] + m[5]))
            if kind_of(segment) == _MOVETO:
                start = point
            elif here is not None:
                self._edge(here, point)
            here = point
            if closes(segment) and start is not None:
                self._edge(point, start)
                here = start

    def _edge(self, a, b) -> None:
        (ax, ay), (bx, by) = a, b
        if abs(ay - by) < _FLAT and abs(ax - bx) >= _FLAT:
            orientation = "h"
        elif abs(ax - bx) < _FLAT and abs(ay - by) >= _FLAT:
            orientation = "v"
        else:
            return
        x0, x1 = sorted((ax, bx))
        top, bottom = sorted((ay, by))
        self.edges.append({"object_type": "curve_edge", "orientation": orientation, "x0": x0, "x1": x1,
                           "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
                           "height": bottom - top})


def shown_turn(page) -> int:
    """The degrees a pypdfium2 ``page`` is turned when read (see :func:`_shown_turn`)."""
    import pypdfium2.raw as raw

    text = page.get_textpage()
    try:
        return _shown_turn(raw, text.raw, page.get_rotation() % 360)
    finally:
        text.close()


def _shown_turn(raw, handle, rotation: int) -> int:
    """The page's /Rotate, or the way most of its characters run (three in four) when that is another (a
    landscape table printed turned on a portrait page carrying no /Rotate): the page is then read as its
    text runs, as it would be shown turned (an upright caption or note beside a turned table is lost; a
    page of upright text beside a small turned one is read upright). Up to 200 characters are looked at."""
    count = raw.FPDFText_CountChars(handle)
    runs: dict = {}
    for i in range(0, count, max(1, count // 200)):
        if raw.FPDFText_IsGenerated(handle, i) == 1 or chr(raw.FPDFText_GetUnicode(handle, i)).isspace():
            continue  # (the breaks and spaces PDFium adds run no way)
        angle = raw.FPDFText_GetCharAngle(handle, i)  # radians, clockwise; -1 for none
        if angle < 0:
            continue
        turn = (360 - math.degrees(angle)) % 360
        quarter = round(turn / 90) % 4 * 90
        if abs((turn - quarter + 180) % 360 - 180) <= 2:
            runs[quarter] = runs.get(quarter, 0) + 1
    most = max(runs, key=runs.get, default=rotation)
    return most if most != rotation and runs[most] > 0.75 * sum(runs.values()) else rotation


_CALLS: tuple = ()


def _calls(raw) -> tuple:
    """PDFium's functions called for every character or text object, bound once to plain addresses, without
    pypdfium2's typed pointers and their checks (which took more time than PDFium itself): the character's
    code, text object, origin, font size and matrix; the object's font; the font's descent and a glyph's
    width; whether a glyph has no Unicode mapping. Results are written to the addresses given."""
    global _CALLS
    if not _CALLS:
        pointer, index, flag, size = ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_float
        _CALLS = (_bound(raw, "FPDFText_GetUnicode", ctypes.c_uint, pointer, index),
                  _bound(raw, "FPDFText_GetTextObject", pointer, pointer, index),
                  _bound(raw, "FPDFText_GetCharOrigin", flag, pointer, index, pointer, pointer),
                  _bound(raw, "FPDFTextObj_GetFont", pointer, pointer),
                  _bound(raw, "FPDFText_GetFontSize", ctypes.c_double, pointer, index),
                  _bound(raw, "FPDFText_GetMatrix", flag, pointer, index, pointer),
                  _bound(raw, "FPDFFont_GetDescent", flag, pointer, size, pointer),
                  _bound(raw, "FPDFFont_GetGlyphWidth", flag, pointer, ctypes.c_uint, size, pointer),
                  _bound(raw, "FPDFText_HasUnicodeMapError", flag, pointer, index))
    return _CALLS


_PATH_CALLS: tuple = ()
_WALK_CALLS: tuple = ()
_MOVETO = 2  # FPDF_SEGMENT_MOVETO
_PATH, _IMAGE, _FORM = 2, 3, 5  # FPDF_PAGEOBJ_PATH, _IMAGE, _FORM


def _walk_calls() -> tuple:
    """PDFium's functions called for every object of a page, bound as :func:`_calls` binds its own: a
    page's object, a form's object, an object's kind."""
    global _WALK_CALLS
    if not _WALK_CALLS:
        import pypdfium2.raw as raw

        pointer, index = ctypes.c_void_p, ctypes.c_int
        _WALK_CALLS = (_bound(raw, "FPDFPage_GetObject", pointer, pointer, index),
                       _bound(raw, "FPDFFormObj_GetObject", pointer, pointer, ctypes.c_ulong),
                       _bound(raw, "FPDFPageObj_GetType", index, pointer))
    return _WALK_CALLS


def _path_calls() -> tuple:
    """PDFium's functions called for every segment of a path, bound as :func:`_calls` binds its own: the
    path's segments, a segment, its point, its kind and whether it closes the figure."""
    global _PATH_CALLS
    if not _PATH_CALLS:
        import pypdfium2.raw as raw

        pointer, index, flag = ctypes.c_void_p, ctypes.c_int, ctypes.c_int
        _PATH_CALLS = (_bound(raw, "FPDFPath_CountSegments", index, pointer),
                       _bound(raw, "FPDFPath_GetPathSegment", pointer, pointer, index),
                       _bound(raw, "FPDFPathSegment_GetPoint", flag, pointer, pointer, pointer),
                       _bound(raw, "FPDFPathSegment_GetType", index, pointer),
                       _bound(raw, "FPDFPathSegment_GetClose", flag, pointer))
    return _PATH_CALLS


def _bound(raw, name: str, result, *arguments):
    """PDFium's function ``name`` taking and giving plain addresses where pypdfium2 gives typed pointers."""
    return ctypes.CFUNCTYPE(result, *arguments)(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)


_CUT_BAND = 60.0  # points from a page's top or bottom edge where a browser's page break leaves a row's rules


def closing_rules(edges: list[dict], height: float) -> list[dict]:
    """The ruling lines that close a grid cut by a page break: a row a browser or a word processor splits
    over two pages is drawn with its column rules running on to the page's foot (or down from its head) and
    no rule across their ends, so its cells would stay open and the row be lost between two tables. Where
    two column rules or more of a grid end level past its last rule (below it, or above its first), one is
    drawn across their ends, when they end in the page's top or bottom margin band (where a page break
    cuts: rules running on past a table ending mid-page, over a note below it, are left as they are, and
    so are rules ending inside a grid, a merged header's)."""
    across = [e for e in edges if e["orientation"] == "h"]
    down = [e for e in edges if e["orientation"] == "v"]
    out = []
    for end in ("bottom", "top"):
        ends: dict = {}
        for e in down:
            ends.setdefault(round(e[end]), []).append(e)
        for y, rules in ends.items():
            left, right = min(e["x0"] for e in rules), max(e["x1"] for e in rules)
            near = [h["top"] for h in across if h["x0"] < right - 1 and h["x1"] > left + 1]
            beyond = [t for t in near if (t >= y - 1 if end == "bottom" else t <= y + 1)]
            edge = y >= height - _CUT_BAND if end == "bottom" else y <= _CUT_BAND
            if len(rules) >= 2 and near and not beyond and edge:  # past the grid's last rule, at a page break
                out.append({"x0": left, "x1": right, "top": float(y), "bottom": float(y),
                            "width": right - left, "height": 0.0, "orientation": "h", "object_type": "line"})
    return out


def _cells(intersections: dict) -> list[tuple]:
    """The cells pdfplumber's ``intersections_to_cells`` finds, in its order: from each point, the nearest
    point below and then right of it joined to it by a ruling line, whose corner opposite is a point joined
    to both. Its own search looks through every later point for each point (most of a ruled page's reading
    time); this one looks along the point's own column and row."""
    lines = {point: ({(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges["v"]},
                     {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges["h"]})
             for point, edges in intersections.items()}
    columns: dict = {}
    rows: dict = {}
    for point in sorted(intersections):  # by x, then top: a column top down, a row left to right
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    in_column = {point: k for column in columns.values() for k, point in enumerate(column)}
    in_row = {point: k for row in rows.values() for k, point in enumerate(row)}
    cells = []
    for point in sorted(intersections):
        down, across = lines[point]
        right = rows[point[1]][in_row[point] + 1:]
        for below in columns[point[0]][in_column[point] + 1:]:
            if down.isdisjoint(lines[below][0]):
                continue
            corner = next((c for c in ((p[0], below[1]) for p in right if not across.isdisjoint(lines[p][1]))
                           if c in lines and not lines[c][0].isdisjoint(lines[(c[0], point[1])][0])
                           and not lines[c][1].isdisjoint(lines[below][1])), None)
            if corner is not None:
                cells.append((point[0], point[1], corner[0], corner[1]))
                break
    return cells


def _then(a: tuple, b: tuple) -> tuple:
    """The matrix applying ``a`` and then ``b`` (PDF's row-vector order)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])
