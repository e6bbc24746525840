"""HTML: paragraphs, headings, list items and ``<table>`` elements, with the standard library's parser.

Block elements (``p``, ``div``, ``li``, ``h1``–``h6``, ``br`` ...) end a paragraph; ``script``, ``style``,
``head`` and ``template`` are skipped, and so is the text of an inline element no reader sees (``hidden``,
its style's last word ``display:none`` or ``visibility:hidden``, or a class a ``<style>`` before it hides so,
outside ``@media``; a hidden block is read, as one left open would hide the rest). A table is read
on its grid: a cell with ``colspan``/``rowspan`` gives its text once, in its first grid position, and empty
cells in the positions it covers, so a row comes out as a DOCX or PDF row does. Text inside a cell joins
its lines with nothing.

Places: ``line L`` of the HTML source where the text (or the cell) starts, as a browser's view-source shows.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from ..model import Document
from ..regex import lazy
from .layout import Line, Piece, assemble, clean, clean_cell
from .text import decode, read_bytes

_BLOCKS = {"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "section", "article", "header", "footer", "caption", "title", "ul", "ol", "body", "br", "hr",
           "figcaption", "main", "nav", "aside", "address"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# an inline style's last say on showing (display:none;display:block shows), case aside
_SHOWING = lazy(r"(?i)(display\s*:\s*[\w-]+|visibility\s*:\s*[\w-]+)")
_HIDING_RULE = lazy(r"(?:^|(?<=[},]))\s*\.([\w-]+)\s*\{([^{}]*)\}")  # .cls { … }: a class alone, no more
_MEDIA = lazy(r"(?is)@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")  # print-only rules and the like: aside
_INLINE = {"span", "font", "b", "i", "em", "strong", "small", "sup", "sub", "a", "label", "mark", "u", "s",
           "del", "ins", "code", "abbr", "cite", "q", "big", "strike"}  # (hidden: their text alone left out)
_STYLE_READ = 200_000  # characters of a <style> read for the classes it hides
_ENDS_HIDING = {"p", "div", "td", "th", "tr", "table", "li", "body", "html", "section", "article"}
_WIDEST = 1000  # columns a table's grid may reach (and a span's rows, as browsers clamp them)
_SPREAD = 200_000  # grid places a table's merged cells may cover beyond their own: more is no report's
_SKIPPED = {"script", "style", "head", "template", "noscript", "svg"}


def read(path: str | Path, display: str | None = None) -> Document:
    name = display or str(path)
    text, encoding, _ = decode(read_bytes(path, name))
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser.finish()
    return assemble(name, parser.lines, encoding=encoding)


def _hides(declarations: str) -> bool | None:
    """Whether CSS declarations hide an element (their last display or visibility), or None (say nothing)."""
    said = _SHOWING.findall(declarations)
    if not said:
        return None
    last = said[-1].lower().replace(" ", "")
    return last in ("display:none", "visibility:hidden")


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.skip = 0
        self.text: list[str] = []
        self.start: int | None = None  # source line where the current paragraph's text starts
        self.kind = "paragraph"
        # open tables: {"rows": n, "covered": {(r, c)}, "grid": {(r, c): (text, line)},
        # "merged": {(r, c): left | up}, "cell": {...}}
        self.tables: list[dict] = []
        self.count = 0
        # an element shown to no reader (hidden, display:none, a class a <style> hides): its tag and how
        # deep the same tag nests inside it, its text skipped until it ends
        self.hiding: tuple[str, int] | None = None
        self.hidden_classes: set[str] = set()
        self.styling = False  # inside a <style>: its rules read for classes it hides

    # -- text -------------------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.styling:
            rules = _MEDIA.sub("", data[:_STYLE_READ])
            for m in _HIDING_RULE.finditer(rules):  # a later rule for the class has the last say
                shown = _hides(m.group(2))
                if shown is True:
                    self.hidden_classes.add(m.group(1))
                elif shown is False:
                    self.hidden_classes.discard(m.group(1))
        if self.skip or self.hiding:
            return
        if self.tables and self.tables[-1]["cell"] is not None:
            cell = self.tables[-1]["cell"]
            cell["text"].append(data)
            cell["at"].append((*self.getpos(), data))
            return
        if self.start is None and data.strip():
            self.start = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
        self.text.append(data)

    def finish(self) -> None:
        """What the file leaves open at its end read as if closed (a page cut off inside its last table, a
        truncated download: its rows are read, not dropped)."""
        self.skip = 0  # (a <script> left open too: its end never comes)
        self.hiding = None  # (a hidden element left open: the tables still end)
        while self.tables:
            self.handle_endtag("table")
        self.end_paragraph()

    def end_paragraph(self) -> None:
        text = ""
        for part in "".join(self.text).split("\n"):
            part = part.strip()
            wide = text and part and (text[-1] > "\u2e80" or part[0] > "\u2e80")
            text += part if wide or not text else " " + part
        text = clean(text)
        if text and self.start is not None:
            self.lines.append(Line([Piece(text, f"line {self.start}")], kind=self.kind))
        self.text, self.start, self.kind = [], None, "paragraph"

    # -- tags -------------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self.skip += 1
            self.styling = tag == "style"
            return
        if self.skip:
            return
        if self.hiding and (tag in _ENDS_HIDING or tag in _BLOCKS):
            self.hiding = None  # (an inline element left open: a block's, a cell's or a row's start ends it)
        if self.hiding:
            if tag == self.hiding[0]:
                self.hiding = (tag, self.hiding[1] + 1)
            return
        if tag in _INLINE and self._hidden(dict(attrs)) or tag == "sup":  # (a block left open would hide
            # the rest; a <sup> is a note's mark or an exponent, never run into the figure after it)
            self.hiding = (tag, 1)
            return
        if tag == "table":
            self.end_paragraph()
            self.tables.append({"rows": 0, "covered": set(), "grid": {}, "merged": {}, "cell": None})
        elif self.tables and tag == "tr":
            self._end_cell()
            self.tables[-1]["rows"] += 1
        elif self.tables and tag in ("td", "th"):
            self._end_cell()
            table = self.tables[-1]
            table["rows"] = max(table["rows"], 1)
            values = dict(attrs)
            table["cell"] = {"text": [], "at": [], "line": self.getpos()[0],
                             "colspan": _int(values.get("colspan")), "rowspan": _int(values.get("rowspan"))}
        elif tag in _BLOCKS and not (self.tables and self.tables[-1]["cell"] is not None):
            self.end_paragraph()
            if tag in _HEADINGS:
                self.kind = "heading"

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self.handle_endtag(tag)

    def _hidden(self, attrs: dict) -> bool:
        """Whether an element's attributes hide it from every reader (``hidden``, a style of display:none or
        visibility:hidden, or a class a <style> before it hides so)."""
        own = _hides(attrs.get("style") or "")
        if own is not None:
            return own
        return "hidden" in attrs or bool(self.hidden_classes & set((attrs.get("class") or "").split()))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
            self.styling = False
            return
        if self.hiding:
            name, depth = self.hiding
            if tag == name:
                self.hiding = (name, depth - 1) if depth > 1 else None
            elif tag in _ENDS_HIDING and name not in _ENDS_HIDING:
                self.hiding = None  # (an inline element left open: its block's end ends it)
            if self.hiding or tag == name:
                return
        if self.skip:
            return
        if tag == "table" and self.tables:
            self._end_cell()
            table = self.tables.pop()
            self.count += 1
            self._emit(table, self.count)
        elif self.tables and tag in ("td", "th"):
            self._end_cell()
        elif tag in _BLOCKS and not (self.tables and self.tables[-1]["cell"] is not None):
            self.end_paragraph()

    def _end_cell(self) -> None:
        table = self.tables[-1] if self.tables else None
        if not table or table["cell"] is None:
            return
        cell, table["cell"] = table["cell"], None
        r, c = table["rows"] - 1, 0
        while (r, c) in table["covered"]:
            c += 1
        if c >= _WIDEST:
            return  # (a row past any report's width: spans that pushed it there)
        tall, wide = cell["rowspan"], min(cell["colspan"], _WIDEST - c)
        if tall * wide > 1 and table.get("spread", 0) + tall * wide > _SPREAD:
            tall = wide = 1  # (merges beyond any report's: a few cells of rowspan=colspan=1000, 1 KB)
        table["spread"] = table.get("spread", 0) + tall * wide - 1
        for dr in range(tall):
            for dc in range(wide):
                table["covered"].add((r + dr, c + dc))
                if dr or dc:
                    table["merged"][(r + dr, c + dc)] = "left" if dc else "up"
        table["grid"][(r, c)] = (clean_cell("".join(cell["text"])), cell["line"], cell["at"])

    def _emit(self, table: dict, number: int) -> None:
        grid = table["grid"]
        width = max((c + 1 for _, c in table["covered"]), default=0)
        for r in range(table["rows"]):
            pieces = []
            for c in range(width):
                text, line, _ = grid.get((r, c), ("", None, ()))
                where = f"line {line}" if line else f"table {number}, row {r + 1}"
                pieces.append(Piece(text, where, merged=table["merged"].get((r, c), "")))
            if any(p.text for p in pieces):
                self.lines.append(Line(pieces, kind="row"))


class _Cells(_Parser):
    """The tables of an HTML fragment, each row a list of cells, each cell its text as ``(line, 0-based
    column, text)`` runs of the fragment's source (a run never spans a line)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[list[tuple[int, int, str]]]] = []

    def _emit(self, table: dict, number: int) -> None:
        grid = table["grid"]
        width = max((c + 1 for _, c in table["covered"]), default=0)
        for r in range(table["rows"]):
            cells = [_runs(grid[(r, c)][2]) if (r, c) in grid else [] for c in range(width)]
            if any(text.strip() for cell in cells for _, _, text in cell):
                self.rows.append(cells)


def _runs(chunks) -> list[tuple[int, int, str]]:
    out = []
    for line, column, data in chunks:
        for k, part in enumerate(data.split("\n")):
            out.append((line + k, column if k == 0 else 0, part))
    return out


def table_rows(fragment: str) -> list[list[list[tuple[int, int, str]]]]:
    """The rows of the ``<table>`` elements in ``fragment`` (HTML inside a Markdown file, as MinerU and
    other converters leave tables), merged cells on their grid as :func:`read` places them: a covered
    position is an empty cell. Lines count from 1 at the fragment's first line."""
    parser = _Cells()
    parser.feed(fragment)
    parser.close()
    parser.finish()
    return parser.rows


def _int(value) -> int:
    try:
        return max(1, min(int(value), _WIDEST))
    except (TypeError, ValueError):
        return 1
