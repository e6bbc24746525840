"""The few types every room of crossfoot shares.

Data flows one way: a reader turns a file into a :class:`Document` of :class:`Block`\\ s; the figure
extractor turns a block's text into :class:`Figure`\\ s; check kinds relate figures and judge them into
:class:`Finding`\\ s; writers print findings. All types here are plain frozen dataclasses.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import IntEnum


class Severity(IntEnum):
    """Finding severities, ordered so that ``a >= b`` means *a is at least as serious as b*."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """A place in a source file: 1-based lines, 1-based columns counted in Unicode code points.

    ``end_column`` is exclusive (the column just after the last character), as in SARIF.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    where: str = ""
    """For DOCX, PDF and HTML: the place in the original a user can find ('page 3', 'paragraph 12',
    'table 2, row 4, column 3', 'line 40'); line and column then count in the text crossfoot read."""
    page: int = 0
    box: tuple[float, float, float, float] | None = None
    """PDF only: ``(x0, top, x1, bottom)`` in points from the page's top left corner."""
    snippet: str = ""
    """The words around the figure, as a user would search for them in the original."""

    def __str__(self) -> str:
        return self.where or f"{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text (a paragraph, heading or table row) with the source position of every character.

    ``origins`` is a sorted tuple of ``(offset, line, column)``: the character at ``offset`` in
    ``text`` sits at ``line:column`` of the source, and the characters after it follow on the same line
    until the next origin. Readers that join wrapped lines add one origin per source line.
    """

    text: str
    origins: tuple[tuple[int, int, int], ...]
    kind: str = "paragraph"
    _offsets: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_offsets", tuple(o[0] for o in self.origins))

    def position(self, offset: int) -> tuple[int, int]:
        """Source ``(line, column)`` of the character at ``offset`` of this block's text."""
        i = bisect.bisect_right(self._offsets, offset) - 1
        start, line, column = self.origins[max(i, 0)]
        return line, column + (offset - start)

    def span(self, start: int, end: int) -> Span:
        """Source span of ``text[start:end]`` (``end`` exclusive, ``end > start``)."""
        if len(self.origins) == 1:  # a block read from one line (most): no search
            origin, line, column = self.origins[0]
            return Span(line, column + start - origin, line, column + end - origin)
        line, column = self.position(start)
        end_line, last_column = self.position(end - 1)
        return Span(line, column, end_line, last_column + 1)

    @property
    def line(self) -> int:
        return self.origins[0][1]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a stretch of a read line sits in the original file (DOCX, PDF, HTML).

    A place covers its line from ``column`` (1-based) up to the next place of the line. ``xs`` are the
    left edges of its characters and then the right edge of the last one, when the reader knows them
    (PDF), so a figure's own box can be cut out of ``box``.
    """

    column: int
    where: str
    page: int = 0
    box: tuple[float, float, float, float] | None = None
    xs: tuple[float, ...] = ()
    merged: str = ""
    """For a table cell covered by a merged cell: ``left`` (the cell spans from its left) or ``up``
    (from above); '' otherwise. The readers of DOCX, PDF and HTML know it; table recovery uses it."""
    rounded: bool = False
    """A number shown with fewer digits than the file holds (a workbook's 2370957.05 formatted
    ``#,##0``): what is shown is a rounding, never a whole amount exactly."""


@dataclass(frozen=True, slots=True)
class Document:
    """What every reader returns: the file's path, its blocks in reading order, and reading notes."""

    path: str
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    notes: tuple[Finding, ...] = ()
    """Findings raised while reading (undecodable bytes, ...), reported with the check findings."""

    lines: tuple[str, ...] = ()
    """The source lines as decoded, for writers that quote the line of a finding."""

    places: tuple[tuple[Place, ...], ...] = ()
    """Per line of ``lines``, where its stretches sit in the original (empty for text files)."""

    def source_line(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def cite(self, span: Span) -> str:
        """How a message names the place of ``span``: ``line N`` in a text file, the place in the
        original (``page 4``, ``paragraph 12``, ``table 2, row 3, column 4``) otherwise."""
        return self.locate(span).where or f"line {span.line}"

    def locate(self, span: Span) -> Span:
        """``span`` with the place in the original filled in (unchanged for text files)."""
        if not self.places or not 0 < span.line <= len(self.places) or not self.places[span.line - 1]:
            return span
        marks = self.places[span.line - 1]
        i = bisect.bisect_right([m.column for m in marks], span.column) - 1
        place = marks[max(i, 0)]
        box = place.box
        if box and len(place.xs) > 1 and span.end_line == span.line:
            first = span.column - place.column
            last = min(span.end_column - place.column, len(place.xs) - 1)
            if 0 <= first < last:
                box = (place.xs[first], box[1], place.xs[last], box[3])
        text = self.source_line(span.line)
        start, end = span.column - 1, span.end_column - 1 if span.end_line == span.line else len(text)
        end = min(end, start + 60)  # the words around a figure, never a whole long line
        lo = max(0, start - 12)
        hi = min(len(text), end + 12)
        snippet = ("…" if lo else "") + text[lo:hi].replace("\t", " | ") + ("…" if hi < len(text) else "")
        return replace(span, where=place.where, page=place.page, box=box, snippet=snippet)


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text as written (stripped) and where it is; empty cells have no span."""

    text: str
    span: Span | None = None
    merged: str = ""
    """``left`` or ``up`` when a merged cell to the left or above covers this one (see :class:`Place`)."""
    indent: int = 0
    """Blanks written before the text (a row's level shown by indentation, in text exports)."""
    rounded: bool = False
    """Shown with fewer digits than the file holds (see :class:`Place`)."""


@dataclass(frozen=True)
class Table:
    """A table recovered from a document: merged header names, body rows padded to the header's width.

    ``shape`` says how it was written: ``tabs`` (one row per line, cells split by tabs) or ``lines`` (a
    score list written one item per line). ``notes`` records what recovery had to guess (dropped repeated
    headers, merged header lines), so a reader of a finding can judge the table it came from.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    span: Span
    shape: str = "tabs"
    notes: tuple[str, ...] = ()
    breaks: tuple[int, ...] = ()
    """Body row indices where a page break fell (a repeated header was dropped just before that row)."""
    rounded: bool = False
    """The document says its tables' whole amounts were rounded to the yuan (金额按四舍五入取整, 合计数与
    分项之和可能存在尾差): a whole-yuan cell is then a rounding (±0.5), not an exact amount."""
    unplaced: tuple[int, ...] = ()
    """Body row indices of rows a PDF gave fewer cells than the table has, whose cells could not be put
    under their columns by position: their columns are not known, so no total is judged over them."""
    title: str = ""
    """The caption above it (收入支出决算总表), when one of the few lines before it names a table."""
    unit: str = ""
    """The unit its amounts are in (元, 万元, 亿元), from a 单位：万元 line above it; '' when not said."""
    levels: tuple[tuple[str, ...], ...] = ()
    """A header written over several lines, line by line, a name per column (a merged cell's name in each
    column it spans): ``header`` joins them. Empty for a one-line header."""
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    """What table helpers read once per table and column (which columns hold codes, whole yuan)."""

    def once(self, key, compute):
        """``compute()``, once per table and ``key``."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def column(self, *words: str) -> int | None:
        """The first column whose header holds one of ``words``, or None."""
        for i, name in enumerate(self.header):
            if any(w in name for w in words):
                return i
        return None

    def frame(self):
        """The table as a pandas DataFrame of cell texts (header as column names), for table tooling."""
        import pandas as pd

        names = [h or f"column {i + 1}" for i, h in enumerate(self.header)]
        return pd.DataFrame([[c.text for c in row] for row in self.rows], columns=names)


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated quantity.

    ``value`` is the exact number as written, scaled by any magnitude written inside it (1.2万家 has
    value 12000 and unit 家); ``decimals`` is the number of decimals *as written* (-4 for 1.2万: the
    stated precision is in units of 10^-decimals of ``value``). ``unit`` is the unit symbol from the
    definitions file ('万元', '%', '个百分点', '分', '家', ...) or '' for a bare number.
    """

    value: Decimal
    text: str
    decimals: int
    unit: str
    start: int
    end: int
    block: int
    span: Span
    qualifier: str = ""
    """'' for a point; 'ge' (超/逾/以上/不少于/≥), 'le' (近/以内/不超过/≤), 'about' (约/左右)."""
    label: str = ""
    """The words before the figure in its clause: what it measures."""
    exact: bool = False
    """True for figures that are exact by nature (Chinese numerals, counts of items)."""

    @property
    def empty(self) -> bool:
        """An amount's slot left empty (事业收入 /万元): none, as a template writes it."""
        return self.text[:1] in ("/", "／")

    @property
    def is_point(self) -> bool:
        return self.qualifier == ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a reviewer should look at."""

    code: str
    name: str
    severity: Severity
    message: str
    path: str
    span: Span
    related: tuple[Span, ...] = ()
    stated: str = ""
    computed: str = ""
    tolerance: str = ""
    suggestion: str = ""
    figures: tuple[str, ...] = ()
    """The text of the figures used, primary first: what a baseline fingerprint hashes."""

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict:
        """The finding as plain data: one object of the JSON format's ``findings`` (its schema is
        ``report/schema/findings-v1.json``); :meth:`from_dict` reads it back."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
            **_span_dict(self.span),
            "related": [_span_dict(s) for s in self.related],
            "stated": self.stated,
            "computed": self.computed,
            "tolerance": self.tolerance,
            "suggestion": self.suggestion,
            "figures": list(self.figures),
        }

    @classmethod
    def from_dict(cls, d: dict) -> Finding:
        """The finding :meth:`to_dict` wrote (for outputs built from stored results)."""

        def span(s: dict) -> Span:
            box = tuple(s["box"]) if s.get("box") else None
            return Span(s["line"], s["column"], s["end_line"], s["end_column"], s.get("where", ""),
                        s.get("page", 0), box, s.get("snippet", ""))

        return cls(code=d["code"], name=d["name"], severity=Severity.parse(d["severity"]),
                   message=d["message"], path=d["path"], span=span(d),
                   related=tuple(span(r) for r in d["related"]), stated=d["stated"], computed=d["computed"],
                   tolerance=d["tolerance"], suggestion=d["suggestion"], figures=tuple(d["figures"]))


def _span_dict(s: Span) -> dict:
    out = {"line": s.line, "column": s.column, "end_line": s.end_line, "end_column": s.end_column}
    if s.where:  # DOCX, PDF, HTML: the place in the original; line and column count in the text read
        out.update(where=s.where, snippet=s.snippet)
        if s.page:
            out.update(page=s.page, box=[round(v, 2) for v in s.box] if s.box else None)
    return out
