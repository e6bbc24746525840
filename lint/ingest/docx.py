"""DOCX (Word, WPS): paragraphs and tables in document order, read from the package's XML.

The XML is read directly (``zipfile`` and ElementTree) rather than through python-docx, because
python-docx's ``Paragraph.text`` drops text inside tracked insertions, content controls and simple fields
(numbers lost) and its ``row.cells`` repeats a merged cell once per grid column. Here:

* a paragraph's text is every ``w:t`` under it (runs, insertions, hyperlinks, fields, content controls),
  never deleted text (``w:delText``), hidden text (``w:vanish`` on the run, or on its character style or
  one that style is based on) or field codes; line breaks inside it
  join with nothing;
* a paragraph with automatic list numbering (``w:numPr``) gets its label computed from
  ``numbering.xml`` (``（一）``, ``1.``, ``①``) and put before its text, as Word shows it; its place says
  so, because the label cannot be searched for in the document;
* a table is read on its grid: a cell spanning columns (``w:gridSpan``) gives its text once and empty
  cells for the rest, a vertically merged cell (``w:vMerge``) gives its text in its first row only;
* a table of one cell framing other content is read as the body is (its paragraphs, its tables), and a
  table inside a cell of a larger one after that table, placed ``table 2, row 3, column 1, table 1, …``;
  a text box in a cell gives its text to the cell;
* a text box (``w:txbxContent``; its VML fallback copy skipped) is read after the paragraph it is anchored
  in, its paragraphs and tables as the body's, placed ``text box N, paragraph M``;
* three body paragraphs or more laid out with tabs, two of them or more with an amount after their first
  cell, are a table's rows (a table pasted as text), a cell between each two tabs, as a text file's tab
  lines are read; a contents list (…部门概况⇥3) holds no amount and stays prose;
* footnotes, endnotes, headers and footers are read after the body, apart from it.

Places: ``paragraph N`` (the N-th paragraph of the body, as python-docx counts ``document.paragraphs``),
``table T, row R, column C`` (grid column), ``footnote N``, ``header``, ``footer``.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from contextvars import ContextVar
from pathlib import Path
from xml.etree import ElementTree as ET

from ..model import Document
from ..regex import lazy
from .layout import Line, Piece, assemble, clean, clean_cell, parse_part, read_part, refuse_bomb
from .text import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", f"{W}txbxContent", _FALLBACK,
         f"{W}footnoteReference", f"{W}endnoteReference", f"{W}pPr", f"{W}rPr"}
_PROSE = lazy(r"[，。；;]")  # a sentence's punctuation: a cell of prose, no table's
_AMOUNT = lazy(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+\.\d+|[-−]?\d{4,}")
_TEXT = {f"{W}t": None, f"{W}tab": " ", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
_OLE = b"\xd0\xcf\x11\xe0"
_GRID = 64  # columns a table may span: Word's own limit is 63
_LARGEST_NUMBER = 10_000  # where an automatic list may start
_NESTING = 8  # tables inside tables read as tables, this deep; deeper, as their cells' text


def read(path: str | Path, display: str | None = None) -> Document:
    name = display or str(path)
    try:
        package = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        with open(path, "rb") as handle:
            head = handle.read(4)
        what = ("an encrypted DOCX or a legacy .doc file (save it as .docx without a password)"
                if head == _OLE else "a damaged or truncated DOCX (its ZIP package cannot be read)"
                if head.startswith(b"PK") else "not a DOCX file (not a ZIP package)")
        raise ReadError(f"{name}: {what}") from None
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    with package:
        refuse_bomb(package, name)
        try:
            return _Reader(package, name).read()
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ReadError(f"{name}: a damaged DOCX ({type(exc).__name__}: {exc})") from None


class _Reader:
    def __init__(self, package: zipfile.ZipFile, name: str):
        self.package, self.name = package, name
        self.main = self._main_part()
        self.rels = self._rels(self.main)
        self.headings, self.hidden_styles = self._styles()
        self.numbering = _Numbering(self._part(self.rels.get("numbering")))
        self.lines: list[Line] = []
        self.boxes = 0
        self.tabbed: dict[int, list[str]] = {}  # body paragraphs laid out with tabs: line index → cells

    def read(self) -> Document:
        token = _HIDING.set(frozenset(self.hidden_styles))
        try:
            return self._read()
        finally:
            _HIDING.reset(token)

    def _read(self) -> Document:
        root = self._part(self.main)
        if root is None:
            raise ReadError(f"{self.name}: not a DOCX file (no document part)")
        body = root.find(f"{W}body")
        for kind, number, element in blocks(body if body is not None else root):
            if kind == "paragraph":
                self._paragraph(element, f"paragraph {number}", body=True)
            else:
                self._table(element, number)
        self._tab_rows()
        for kind in ("footnotes", "endnotes"):
            part = self._part(self.rels.get(kind))
            for note in part.iter(f"{W}{kind[:-1]}") if part is not None else ():
                if note.get(f"{W}type") in (None, "normal"):
                    for p in note.iter(f"{W}p"):
                        self._paragraph(p, f"{kind[:-1]} {note.get(f'{W}id')}")
        for kind in ("header", "footer"):
            seen = set()
            for target in self.rels.get("all " + kind, ()):
                part = self._part(target)
                for p in part.iter(f"{W}p") if part is not None else ():
                    text = clean(_text(p))
                    if text and text not in seen:
                        seen.add(text)
                        self.lines.append(Line([Piece(text, kind)]))
        return assemble(self.name, self.lines, encoding="docx")

    def _paragraph(self, p: ET.Element, where: str, body: bool = False) -> None:
        text = clean(_text(p))
        label = self.numbering.label(p)
        if label:
            where += " (its number is automatic)"
            text = label + text
        if text:
            style = p.find(f"{W}pPr/{W}pStyle")
            heading = style is not None and style.get(f"{W}val") in self.headings
            self.lines.append(Line([Piece(text, where)], kind="heading" if heading else "paragraph"))
            cells = [clean(c) for c in _text(p, tab="\t").split("\t")]  # (a tab before nothing: a blank
            # last cell, 2012601⇥行政运行⇥874.15⇥847.15⇥ with no 项目支出)
            if body and not heading and sum(1 for c in cells if c) >= 2 \
                    and not any(_PROSE.search(c) for c in cells):  # (…⇥万元，占72.00%；: prose aligned)
                cells[0] = label + cells[0]
                self.tabbed[len(self.lines) - 1] = cells
        for box in _boxes(p):  # a text box anchored in the paragraph (评价结论 in a frame): after it
            self.boxes += 1
            for kind, number, element in blocks(box):
                if kind == "paragraph":
                    self._paragraph(element, f"text box {self.boxes}, paragraph {number}")
                else:
                    self._table(element, number, f"text box {self.boxes}, ")

    def _tab_rows(self) -> None:
        """Runs of three paragraphs or more laid out with tabs, the first a header (no amount), two or more
        holding an amount after their first cell, no cell of prose (，。；) (项目⇥预算数 ⏎ 一、财政拨款收入⇥
        12,971,836⇥…): a table's rows, a cell between each two tabs, as a text file's tab lines are read. A
        contents list (…部门概况⇥3) holds no amount."""
        run: list[int] = []
        for k in [*sorted(self.tabbed), -2]:
            if run and k == run[-1] + 1:
                run.append(k)
                continue
            amounts = sum(1 for i in run if any(_AMOUNT.fullmatch(c) for c in self.tabbed[i][1:]))
            headed = run and not any(_AMOUNT.fullmatch(c) for c in self.tabbed[run[0]])
            if len(run) >= 3 and amounts >= 2 and headed:  # (a header first: not the rest of a table whose
                # row name wrapped onto a line of its own, 加工⇥137.20, nor a list of amounts)
                for i in run:
                    where = self.lines[i].pieces[0].where
                    self.lines[i] = Line([Piece(c, where) for c in self.tabbed[i]], kind="row")
            run = [k]

    def _table(self, table: ET.Element, number: int, box: str = "", depth: int = 0) -> None:
        grid = list(rows(table))
        if len(grid) == 1 and len(grid[0][2]) == 1 and depth < _NESTING:
            # a one-cell table framing its content (a caption, a table inside): read as the body is
            ((_, _, ((_, cell, _),)),) = grid
            self._content(cell, f"{box}table {number}, ", depth + 1)
            return
        inner = []
        for r, before, cells in grid:
            pieces = [Piece("", f"{box}table {number}, row {r}, column {c}") for c in range(1, before + 1)]
            for column, cell, span in cells:
                props = cell.find(f"{W}tcPr")
                merge = props.find(f"{W}vMerge") if props is not None else None
                continued = merge is not None and merge.get(f"{W}val", "continue") == "continue"
                own = [e for kind, _, e in blocks(cell) if kind == "paragraph"] if depth < _NESTING \
                    else list(cell.iter(f"{W}p"))
                text = "" if continued else clean_cell("".join(_boxed(p) for p in own))
                where = f"{box}table {number}, row {r}, column {column}"
                pieces.append(Piece(text, where, merged="up" if continued else ""))
                pieces.extend(Piece("", where, merged="left") for _ in range(span - 1))
                inner += [(k, e, f"{where}, ") for kind, k, e in blocks(cell) if kind == "table"]
            self.lines.append(Line(pieces, kind="row"))
        for k, element, where in inner if depth < _NESTING else ():
            self._table(element, k, where, depth + 1)  # a table inside a cell: after its table

    def _content(self, element: ET.Element, prefix: str, depth: int) -> None:
        for kind, k, child in blocks(element):
            if kind == "paragraph":
                self._paragraph(child, f"{prefix}paragraph {k}")
            else:
                self._table(child, k, prefix, depth)

    # -- the package ------------------------------------------------------------------------------------
    def _part(self, name: str | None) -> ET.Element | None:
        if not name:
            return None
        try:
            data = read_part(self.package, name, self.name)
        except KeyError:
            return None
        return parse_part(data, self.name, name, "Word never writes")

    def _main_part(self) -> str:
        rels = self._part("_rels/.rels")
        for rel in rels.iter(f"{_REL}Relationship") if rels is not None else ():
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/")
        return "word/document.xml"

    def _rels(self, part: str) -> dict:
        folder, base = posixpath.split(part)
        rels = self._part(posixpath.join(folder, "_rels", base + ".rels"))
        found: dict = {}
        for rel in rels.iter(f"{_REL}Relationship") if rels is not None else ():
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found.setdefault(kind, target)
            found.setdefault("all " + kind, []).append(target)
        return found

    def _styles(self) -> tuple[set[str], set[str]]:
        """The paragraph styles that make headings, and the character styles that hide their runs (their own
        ``w:vanish``, or one a style they are based on sets)."""
        styles = self._part(self.rels.get("styles"))
        found, based, vanish = set(), {}, {}
        for style in styles.iter(f"{W}style") if styles is not None else ():
            name = style.find(f"{W}name")
            label = (name.get(f"{W}val", "") if name is not None else "").lower()
            outline = style.find(f"{W}pPr/{W}outlineLvl") is not None
            if label.startswith(("heading", "title", "标题")) or outline:
                found.add(style.get(f"{W}styleId"))
            if style.get(f"{W}type") == "character":
                sid = style.get(f"{W}styleId")
                parent = style.find(f"{W}basedOn")
                based[sid] = parent.get(f"{W}val") if parent is not None else None
                vanish[sid] = _vanish(style)
        hidden = set()
        for sid in based:
            at, steps = sid, 0
            while at is not None and vanish.get(at) is None and steps < 20:  # (a loop of basedOn: given up)
                at, steps = based.get(at), steps + 1
            if at is not None and vanish.get(at):
                hidden.add(sid)
        return found, hidden


def blocks(body: ET.Element):
    """The body's paragraphs and tables in order, numbered as places name them: ``("paragraph", N, p)``
    and ``("table", T, tbl)``. The annotated copy (:mod:`crossfoot.annotate`) finds places by it."""
    count = {"p": 0, "tbl": 0}
    for element in _children(body, "p", "tbl"):
        tag = "p" if element.tag == f"{W}p" else "tbl"
        count[tag] += 1
        yield ("paragraph" if tag == "p" else "table"), count[tag], element


def rows(table: ET.Element):
    """A table's rows as ``(R, before, cells)``: ``before`` grid columns left empty (``w:gridBefore``),
    then each cell as ``(C, tc, span)`` with the grid column it starts at and the columns it spans, a span
    never reaching past a real grid's width."""
    declared = len(table.findall(f"{W}tblGrid/{W}gridCol"))  # (the table's own grid, when it says one)
    for r, row in enumerate(_children(table, "tr"), start=1):
        node = row.find(f"{W}trPr/{W}gridBefore")
        before = _int(node, 0, 0, _GRID) if node is not None else 0
        cells, column = [], before + 1
        found = list(_children(row, "tc"))
        width = min(_GRID, max(declared, before + len(found))) if declared else _GRID
        for k, cell in enumerate(found):
            props = cell.find(f"{W}tcPr")
            node = props.find(f"{W}gridSpan") if props is not None else None
            room = width - column + 1 - (len(found) - k - 1)  # (the cells after it keep a column each)
            span = max(_int(node, 1, 1, max(room, 1)), 1) if node is not None else 1
            cells.append((column, cell, span))
            column += span
        yield r, before, cells


def _children(parent: ET.Element, *tags: str):
    """The children with one of ``tags``, in order, looking through content controls and custom XML
    (without recursion, however deeply they nest)."""
    wanted = {f"{W}{tag}" for tag in tags}
    stack = [iter(parent)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in wanted:
            yield child
        elif child.tag in (f"{W}sdt", f"{W}customXml"):
            content = child.find(f"{W}sdtContent")
            stack.append(iter(content if content is not None else child))


def _boxes(element: ET.Element):
    """The text boxes (``w:txbxContent``) inside an element, outermost only, never a VML fallback's copy of
    one (read without recursion)."""
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == f"{W}txbxContent":
            yield child
        elif child.tag != _FALLBACK:
            stack.append(iter(child))


def _text(element: ET.Element, tab: str = " ") -> str:
    """The text of an element's runs, in document order (read without recursion: a part nested
    100,000 elements deep is read like any other), a tab read as ``tab``."""
    out: list[str] = []
    stack = [iter(element)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in _SKIP or child.tag == f"{W}r" and _hidden(child, _HIDING.get()):
            continue
        elif child.tag in _TEXT:
            fixed = tab if child.tag == f"{W}tab" else _TEXT[child.tag]
            out.append((child.text or "") if fixed is None else fixed)
        elif child.tag == f"{W}sym":
            out.append(_symbol(child))
        else:
            stack.append(iter(child))
    return "".join(out)


def _symbol(sym: ET.Element) -> str:
    """The character a ``w:sym`` shows (插入→符号: ≥ written as Symbol font's F0B3), or nothing when its
    font's code is not one known here."""
    code = (sym.get(f"{W}char") or "").upper()
    font = (sym.get(f"{W}font") or "").lower()
    table = _SYMBOL if font == "symbol" else _WINGDINGS if font.startswith("wingdings") else {}
    return table.get(code[-2:], "") if len(code) == 4 and code[:2] in ("F0", "00") else ""


# the Symbol font's characters a report uses, by their code's last byte (F0B3 or 00B3)
_SYMBOL = {"B3": "≥", "A3": "≤", "B1": "±", "B4": "×", "B8": "÷", "B9": "≠", "BB": "≈", "3C": "<", "3E": ">",
           "3D": "=", "2B": "+", "2D": "−", "25": "%", "B0": "°", "D6": "√"}
_WINGDINGS = {"A8": "□", "6F": "□", "FE": "☑", "FD": "☒", "FC": "✓", "A1": "○", "6C": "●", "9F": "•"}


def _boxed(p: ET.Element) -> str:
    """A cell paragraph's text, with that of the text boxes anchored in it (a figure set in a box)."""
    return _text(p) + "".join(_text(q) for box in _boxes(p) for q in box.iter(f"{W}p"))


_LABEL_LONGEST = 40  # characters of a list level's text kept (5,000 × %1 in 4 KB: written out in full)
_HIDING: ContextVar[frozenset] = ContextVar("hidden character styles", default=frozenset())
"""The character styles of the document being read that hide their runs."""


def _hidden(run: ET.Element, styles: set[str] = frozenset()) -> bool:
    """Whether a run is hidden text (``w:vanish``, not switched off, on the run or its character style in
    ``styles``): Word neither shows nor prints it (a drafter's note 初稿为…万元 kept out of the report)."""
    own = _vanish(run)
    if own is not None:
        return own
    style = run.find(f"{W}rPr/{W}rStyle")
    return style is not None and style.get(f"{W}val") in styles


def _vanish(element: ET.Element) -> bool | None:
    """An element's own ``w:vanish`` in its run properties: on, off, or None (not said)."""
    vanish = element.find(f"{W}rPr/{W}vanish")
    return None if vanish is None else vanish.get(f"{W}val", "true").lower() not in ("0", "false", "off")


class _Numbering:
    """Word's automatic list numbers: counters per list and level, formatted as ``numbering.xml`` says."""

    def __init__(self, root: ET.Element | None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {}
        for node in root.iter(f"{W}abstractNum"):
            abstract[node.get(f"{W}abstractNumId")] = {
                _number(lvl.get(f"{W}ilvl"), 0, -1, 9): (  # Word's levels are 0 to 8; others never match
                    _number(_val(lvl, "start", "1"), 1, 0, _LARGEST_NUMBER), _val(lvl, "numFmt", "decimal"),
                    _val(lvl, "lvlText", "")[:_LABEL_LONGEST])  # (a label is short: 第%1章, （%1）)
                for lvl in node.iter(f"{W}lvl")}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is not None and ref.get(f"{W}val") in abstract:
                levels = dict(abstract[ref.get(f"{W}val")])
                for override in num.iter(f"{W}lvlOverride"):  # 设置编号值: this list starts at 3
                    k = _number(override.get(f"{W}ilvl"), -1, -1, 9)
                    start = override.find(f"{W}startOverride")
                    if start is not None and k in levels:
                        levels[k] = (_int(start, 1, 0, _LARGEST_NUMBER), *levels[k][1:])
                self.levels[num.get(f"{W}numId")] = levels

    def label(self, p: ET.Element) -> str:
        props = p.find(f"{W}pPr/{W}numPr")
        if props is None:
            return ""
        num = _val(props, "numId", "0")
        levels = self.levels.get(num)
        level = _number(_val(props, "ilvl", "0"), -1, -1, 9)
        if not levels or level not in levels or not 0 <= level <= 8:
            return ""
        counts = self.counters.setdefault(num, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, len(counts)):
            counts[deeper] = 0
        text = levels[level][2]
        for k in range(level + 1):
            start, fmt, _ = levels.get(k, (1, "decimal", ""))
            value = start + max(counts[k], 1) - 1
            text = text.replace(f"%{k + 1}", _format(value, fmt))
        return "" if levels[level][1] in ("bullet", "none") else text


def _number(text: str | None, default: int, lo: int, hi: int) -> int:
    """A whole number Word wrote, kept between ``lo`` and ``hi`` (``default`` when it is none): a grid
    span of 2,000,000,000 or a list starting at 10^9 is never worked through."""
    try:
        return min(max(int(text), lo), hi)
    except (TypeError, ValueError):
        return default


def _int(node: ET.Element, default: int, lo: int, hi: int) -> int:
    return _number(node.get(f"{W}val"), default, lo, hi)


def _val(node: ET.Element, tag: str, default: str) -> str:
    found = node.find(f"{W}{tag}")
    return found.get(f"{W}val", default) if found is not None else default


_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _format(n: int, fmt: str) -> str:
    if fmt.startswith("chinese") or fmt in ("ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return _chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(n)


def _chinese(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out
