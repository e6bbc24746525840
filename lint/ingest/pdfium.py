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
  height swapped at 90°, every point carried by the same view), so a landscape table reads left to right.
* **Ruling lines** from every painted path, in forms too (each object's matrix composed with its form's):
  each straight axis-aligned segment, closing segments included, is an edge for pdfplumber's table
  finder, as pdfplumber makes edges of rectangles, lines and curves.
* What the refusals look at: images, drawings, and characters without a Unicode mapping (PDFium's own
  flag), written ``(cid:N)`` as pdfminer writes them.
"""

from __future__ import annotations

import ctypes
import math

DAMAGED = -1
_FLAT = 0.001  # points: PDFium gives single-precision coordinates
_SKIPPED = {"\r", "\n", "\x02", "\ufffe", "\ufeff"}


class PdfiumError(Exception):
    """PDFium could not open the file or a page: ``code`` is its error (2 = file, 3 = format, 4 = password;
    :data:`DAMAGED` for a page)."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


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
        left, bottom, right, top = page.get_mediabox()
        turned = page.get_rotation() % 360
        # as pdfminer views a page: turned as it is shown, its lower left corner the origin
        self._view = {90: (0.0, -1.0, 1.0, 0.0, -bottom, right),
                      180: (-1.0, 0.0, 0.0, -1.0, right, top),
                      270: (0.0, 1.0, -1.0, 0.0, top, -left)}.get(turned,
                                                                  (1.0, 0.0, 0.0, 1.0, -left, -bottom))
        wide, high = right - left, top - bottom
        self.width, self.height = (high, wide) if turned in (90, 270) else (wide, high)
        self.bbox = (0.0, 0.0, self.width, self.height)
        self.edges: list[dict] = []
        self.images: list = []
        self.curves: list = []
        self.rects: list = []
        self.lines: list = []
        self.unplaced = False
        """A CJK font the PDF does not embed and no installed font stands in for: PDFium gives its glyphs
        no height and drops lines it then takes for duplicates (pdfminer reads such a page whole)."""
        self.chars = self._chars(page, raw)
        self._walk(raw, page.raw, None, self._view)

    def find_tables(self):
        from pdfplumber.table import TableFinder

        return TableFinder(self, {}).tables

    def _chars(self, page, raw) -> list[dict]:
        text = page.get_textpage()
        try:
            out, spaces = self._read_chars(raw, text.raw)
        finally:
            text.close()
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
        once per font."""
        a, b, c, d, e, f = self._view
        box, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        x, y, descent, width = ctypes.c_double(), ctypes.c_double(), ctypes.c_float(), ctypes.c_float()
        edges = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        objects: dict = {}
        glyphs: dict = {}
        out: list[dict] = []
        spaces: dict = {}
        last = None
        count = raw.FPDFText_CountChars(handle)
        for i in range(count):
            code = raw.FPDFText_GetUnicode(handle, i)
            if 0xDC00 <= code <= 0xDFFF:
                continue  # the second half of a character outside the BMP, read with the first
            if 0xD800 <= code <= 0xDBFF:  # UTF-16 halves: one character, or none when broken
                low = raw.FPDFText_GetUnicode(handle, i + 1) if i + 1 < count else 0
                whole = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                code = whole if 0xDC00 <= low <= 0xDFFF else 0
            ch = chr(code) if code else ""
            if not ch or ch in _SKIPPED:
                continue
            if ch.isspace():
                if raw.FPDFText_IsGenerated(handle, i) != 1:  # PDFium's own spaces: the gaps say those
                    spaces[len(out)] = last
                    out.append({"text": " "})
                continue
            obj = raw.FPDFText_GetTextObject(handle, i)
            key = ctypes.addressof(obj.contents) if obj else None
            shape = objects.get(key)
            if shape is None:
                if not self.unplaced and code >= 0x2E80:  # a CJK glyph: has PDFium a font to place it?
                    raw.FPDFText_GetCharBox(handle, i, *map(ctypes.byref, edges))
                    # its glyph box, however turned, flat in one direction: a hundredth of the other or less
                    # (一 stands a sixth of its width; a glyph without a font, a thousandth)
                    sides = sorted((edges[1].value - edges[0].value, edges[3].value - edges[2].value))
                    self.unplaced = sides[0] <= 0.01 * sides[1]
                raw.FPDFText_GetMatrix(handle, i, matrix)
                points = raw.FPDFText_GetFontSize(handle, i)
                size = points * math.hypot(matrix.c, matrix.d)
                font = raw.FPDFTextObj_GetFont(obj) if obj else None
                low = descent.value if font and raw.FPDFFont_GetDescent(font, size, descent) else 0.0
                shape = (font, ctypes.addressof(font.contents) if font else None, points, size, low,
                         math.hypot(matrix.a, matrix.b))
                if key is not None:
                    objects[key] = shape
            font, face, points, size, low, stretch = shape
            raw.FPDFText_GetCharOrigin(handle, i, x, y)
            glyph = glyphs.get((face, code, points))
            if glyph is None:
                wide = width.value if font and raw.FPDFFont_GetGlyphWidth(font, code, points, width) else 0.0
                glyph = (wide, raw.FPDFText_HasUnicodeMapError(handle, i) == 1)
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
        count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(handle)
        matrix = raw.FS_MATRIX()
        for k in range(count):
            obj = raw.FPDFFormObj_GetObject(form, k) if form else raw.FPDFPage_GetObject(handle, k)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                self.images.append(k)
            elif kind in (raw.FPDF_PAGEOBJ_FORM, raw.FPDF_PAGEOBJ_PATH):
                raw.FPDFPageObj_GetMatrix(obj, matrix)
                mine = _then((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), ctm)
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    self._walk(raw, handle, obj, mine)
                else:
                    self._path(raw, obj, mine)

    def _path(self, raw, obj, m) -> None:
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        if not fill.value and not stroke.value:
            return  # not painted (a clipping path)
        self.curves.append(obj)
        x, y = ctypes.c_float(), ctypes.c_float()
        start = here = None
        for s in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, s)
            raw.FPDFPathSegment_GetPoint(segment, x, y)
            point = (x.value * m[0] + y.value * m[2] + m[4],
                     self.height - (x.value * m[1] + y.value * m[3] + m[5]))
            if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO:
                start = point
            elif here is not None:
                self._edge(here, point)
            here = point
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
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


def _then(a: tuple, b: tuple) -> tuple:
    """The matrix applying ``a`` and then ``b`` (PDF's row-vector order)."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])
