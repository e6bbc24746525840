"""OFD (GB/T 33190, the national fixed-layout format): text and ruling lines by position, read as a PDF is.

An OFD is a ZIP package of XML: ``OFD.xml`` names the document (``DocRoot``), the document lists its pages
(``Pages/Page@BaseLoc``) and the templates they draw on, and each page's ``Content.xml`` holds layers of
``TextObject`` (a box, a font size, and ``TextCode`` runs of characters with their advances, ``DeltaX``,
where ``g 4 3.5`` means four advances of 3.5), ``PathObject`` (lines and shapes, ``AbbreviatedData``:
``M x y L x y ... C``) and ``ImageObject``, in millimetres from the page's top left, each object's
coordinates within its ``Boundary`` and optionally transformed by its ``CTM``.

What this module does is only that: it places each character and each straight line of a page in points,
as pdfplumber would for a PDF, and hands the page to the PDF reader's own page logic, so tables are found
from ruling lines (pdfplumber's table finder, fed these lines) or from the layout of the text, running
headers and page numbers are dropped, and wrapped lines are joined, exactly as for a PDF. A page's
template (``TemplatePage``: what a PDF export prints on every page) is read with it.

Refused with a clear message: a file that is not an OFD package, a package that would unpack to more than a
report's size (a zip bomb), XML that declares a DTD or entities, and an OFD without text (a scan).

Places: as for a PDF, ``page N`` for text and ``page N, table T, row R, column C`` for a cell, with the box
of the figure in points from the page's top left.
"""

from __future__ import annotations

import math
import posixpath
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

from ..model import Document
from ..regex import lazy
from . import pdf
from .layout import MOST_CHARS, PageTooFull, parse_part, read_part, refuse_bomb
from .text import ReadError

_PT = 72 / 25.4  # points per millimetre
_PAGES = 5_000
_ASCENT, _DESCENT = 0.88, 0.12  # of the font size, above and below the baseline
_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
_TOKEN = lazy(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def read(path: str | Path, display: str | None = None) -> Document:
    name = display or str(path)
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ReadError(f"{name}: not an OFD file (not a ZIP package)") from None
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    with package:
        refuse_bomb(package, name)
        try:
            pages = [pdf.page_of(page) for page in _Package(package, name).pages()]
        except PageTooFull as exc:
            raise exc.refusal(name) from None
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ReadError(f"{name}: a damaged OFD ({type(exc).__name__}: {exc})") from None
    return pdf.finish(name, pages, "OFD")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element | None, name: str) -> list[ET.Element]:
    return [e for e in element if _local(e.tag) == name] if element is not None else []


def _child(element: ET.Element | None, name: str) -> ET.Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _numbers(text: str | None) -> list[float]:
    out = []
    for token in (text or "").split():
        try:
            out.append(float(token))
        except ValueError:
            return []
    return out if all(math.isfinite(v) for v in out) else []


class _Package:
    def __init__(self, package: zipfile.ZipFile, name: str):
        self.package, self.name = package, name
        self.names = set(package.namelist())

    def part(self, name: str) -> ET.Element:
        try:
            data = read_part(self.package, name, self.name)
        except KeyError:
            raise ReadError(f"{self.name}: a damaged OFD (its part {name} is missing)") from None
        return parse_part(data, self.name, name, "an OFD never holds")

    def locate(self, folder: str, loc: str) -> str:
        """The part ``loc`` names, from a part in ``folder`` (relative to it, else to the package root)."""
        loc = loc.strip().replace("\\", "/")
        for base in ("" if loc.startswith("/") else folder, ""):
            candidate = posixpath.normpath(posixpath.join(base, loc.lstrip("/")))
            if candidate in self.names:
                return candidate
        return posixpath.normpath(posixpath.join(folder, loc.lstrip("/")))

    def pages(self):
        if "OFD.xml" not in self.names:
            raise ReadError(f"{self.name}: not an OFD file (no OFD.xml in the package)")
        roots = [e.text for e in self.part("OFD.xml").iter() if _local(e.tag) == "DocRoot" and e.text]
        if not roots:
            raise ReadError(f"{self.name}: a damaged OFD (OFD.xml names no document)")
        doc_path = self.locate("", roots[0])
        folder = posixpath.dirname(doc_path)
        document = self.part(doc_path)
        common = _child(document, "CommonData")
        size = _box(_child(_child(common, "PageArea"), "PhysicalBox")) or (210.0, 297.0)
        templates = {t.get("ID"): self.locate(folder, t.get("BaseLoc", ""))
                     for t in _children(common, "TemplatePage") if t.get("BaseLoc")}
        listed = _children(_child(document, "Pages"), "Page")
        if len(listed) > _PAGES:
            raise ReadError(f"{self.name}: lists {len(listed)} pages, more than a report's {_PAGES}; "
                            "not read")
        seen: set[str] = set()  # the pages' content parts read: each page has its own
        parsed: dict[str, list] = {}  # a template's layers, parsed once however many pages use it
        for number, entry in enumerate(listed, start=1):
            page_path = self.locate(folder, entry.get("BaseLoc", ""))
            if page_path in seen:
                continue  # (5,000 pages naming one Content.xml: a crafted package, its page read once)
            seen.add(page_path)
            content = self.part(page_path)
            own = _box(_child(_child(content, "Area"), "PhysicalBox")) or size
            layers = []
            for used in _children(content, "Template"):
                where = templates.get(used.get("TemplateID"))
                if where is not None:
                    if where not in parsed:
                        parsed[where] = _layers(self.part(where))
                    layers += parsed[where]
            layers += _layers(content)
            yield _Page(number, own, layers)


def _box(element: ET.Element | None) -> tuple[float, float] | None:
    values = _numbers(element.text if element is not None else None)
    return (values[2], values[3]) if len(values) == 4 and values[2] > 0 and values[3] > 0 else None


def _layers(root: ET.Element) -> list[ET.Element]:
    content = _child(root, "Content")
    return _children(content, "Layer")


class _Page:
    """A page as much like a pdfplumber page as the PDF reader's :func:`~.pdf.page_of` asks: its number
    and height, its characters (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size`` in points from the
    top left), its drawings and images, and its tables found from its straight lines."""

    def __init__(self, number: int, size: tuple[float, float], layers: list[ET.Element]):
        self.page_number = number
        self.width, self.height = size[0] * _PT, size[1] * _PT
        self.bbox = (0.0, 0.0, self.width, self.height)
        self.chars: list[dict] = []
        self.edges: list[dict] = []
        self.images: list = []
        self.rects: list = []
        self.curves: list = []
        self.lines: list = []
        for layer in layers:
            for element in layer.iter():
                kind = _local(element.tag)
                if kind == "TextObject":
                    self._text(element)
                elif kind == "PathObject":
                    self._path(element)
                elif kind == "ImageObject":
                    self.images.append(element)

    def find_tables(self):
        from pdfplumber.table import TableFinder

        return TableFinder(self, {}).tables

    def _text(self, element: ET.Element) -> None:
        box = _numbers(element.get("Boundary"))
        size = _numbers(element.get("Size"))
        if len(box) != 4 or len(size) != 1 or size[0] <= 0:
            return
        ctm = _ctm(element.get("CTM"))
        scale = math.sqrt(abs(ctm[0] * ctm[3] - ctm[1] * ctm[2])) or 1.0
        height = size[0] * scale
        x = y = 0.0
        for code in _children(element, "TextCode"):
            text = code.text or ""
            if len(self.chars) + len(text) > MOST_CHARS:
                raise PageTooFull(self.page_number, len(self.chars) + len(text))
            x = _float(code.get("X"), x)
            y = _float(code.get("Y"), y)
            advances = _advances(code.get("DeltaX"))
            for i, ch in enumerate(text):
                # the advance after a character is its width (the last one's: the font size, half for Latin)
                own = advances[i] if i < len(advances) else size[0] * (1.0 if ord(ch) > 0x2E80 else 0.5)
                gx, gy = _apply(ctm, x, y)
                x0, baseline = (box[0] + gx) * _PT, (box[1] + gy) * _PT
                self.chars.append({"text": ch, "x0": x0, "x1": x0 + own * scale * _PT, "size": height * _PT,
                                   "top": baseline - _ASCENT * height * _PT,
                                   "bottom": baseline + _DESCENT * height * _PT})
                x += own

    def _path(self, element: ET.Element) -> None:
        box = _numbers(element.get("Boundary"))
        if len(box) != 4:
            return
        ctm = _ctm(element.get("CTM"))
        data = _child(element, "AbbreviatedData")
        tokens = _TOKEN.findall(data.text or "") if data is not None else []
        start = here = None
        straight = curved = 0
        i = 0
        while i < len(tokens):
            command = tokens[i].upper()
            if command not in _ARGS:
                break
            n = _ARGS[command]
            try:
                args = [float(t) for t in tokens[i + 1:i + 1 + n]]
            except ValueError:
                break
            if len(args) < n:
                break
            i += 1 + n
            point = (args[-2], args[-1]) if n else start
            if command in ("S", "M"):
                start = here = point
                continue
            if command in ("L", "C") and here is not None and point is not None:
                straight += self._edge(box, ctm, here, point)
            elif command in ("Q", "B", "A"):
                curved += 1
            here = point
        if straight:
            self.lines.append(element)
        elif curved:
            self.curves.append(element)

    def _edge(self, box, ctm, a, b) -> bool:
        (ax, ay), (bx, by) = _apply(ctm, *a), _apply(ctm, *b)
        x0, x1 = sorted(((box[0] + ax) * _PT, (box[0] + bx) * _PT))
        top, bottom = sorted(((box[1] + ay) * _PT, (box[1] + by) * _PT))
        if abs(top - bottom) < 0.5 and x1 - x0 >= 1:
            orientation = "h"
        elif abs(x1 - x0) < 0.5 and bottom - top >= 1:
            orientation = "v"
        else:
            return False
        self.edges.append({"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1,
                           "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top})
        return True


def _float(text: str | None, default: float) -> float:
    values = _numbers(text)
    return values[0] if len(values) == 1 else default


def _advances(text: str | None) -> list[float]:
    """``DeltaX``: advances between characters, ``g N d`` standing for N advances of d."""
    tokens = (text or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens) and len(out) < 100_000:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count, step = _float(tokens[i + 1], 0.0), _float(tokens[i + 2], 0.0)
            out += [step] * max(0, min(int(count), 100_000))
            i += 3
        else:
            out.append(_float(tokens[i], 0.0))
            i += 1
    return out


def _ctm(text: str | None) -> tuple[float, ...]:
    values = _numbers(text)
    return tuple(values) if len(values) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _apply(ctm: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = ctm
    return a * x + c * y + e, b * x + d * y + f
