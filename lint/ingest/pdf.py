"""PDF with a text layer: text lines and ruled tables, page by page, through pdfplumber (MIT).

pdfplumber was the extractor that inserted no spaces between CJK characters and recovered every cell of
ruled tables in the measurements behind this reader. What this module adds on top of its characters:

* **Tables** are found from ruling lines (pdfplumber's ``lines`` strategy), and where a page has none,
  from the layout of its text: three or more lines in a row cut by wide gaps into the same three or more
  columns, with figures in them (:func:`_unruled`); a cell's words wrapped onto lines of their own, around
  its row's figures or below them, go back into that cell; a line of one cell starting where an inner
  column's cells start, as far from its neighbours as rows stand apart, is a row of its own (a two-panel
  table's spending items going on after its income items ran out). A two-column list (name and amount)
  is left as text,
  as a contents page with its page numbers must be. A ruled table cell's text is its
  characters line by line, joined with nothing, so a number wrapped inside a narrow cell
  (``1240.5`` / ``0``) is whole again; a merged cell gives its text once and empty cells elsewhere. A table
  that goes on over a page break comes out as consecutive rows with its repeated header, which table
  recovery drops as it does for text exports. A sheet wider than its page, exported without fitting it,
  prints the columns that did not fit on the next page at its rows' heights, ruled or not: they are put
  back at the right of the table (:func:`_carry_columns`; not a grid holding words in the row of the
  table's caption, nor names beside its figures: a table of its own).
* **Text** outside tables is grouped into lines by position. A line goes on in the next when the next
  line's first word (a number, or one character) would not have fitted in the room left at its end and
  the next line is not indented (a paragraph's first line is) nor opens a list item (二、, （三）, 4.,
  as contents pages and lists do): the lines are joined with nothing, again
  keeping wrapped numbers whole, across page breaks too.
* **Running headers and footers** are dropped: lines at the top or bottom edge of a page that are page
  numbers (``— 3 —``, ``第 3 页 共 9 页``, ``3/9``) or that repeat, digits aside, at the same edge of
  several pages (not the last line of a page and a like one opening the next, nor a table's rows); a
  table's unit line (单位：元) repeated at the top of its pages is kept (table recovery lets a table go on
  under its own unit line printed again).
* A PDF without a text layer (a scan: page images), or whose fonts lack character maps (``(cid:N)``
  glyphs), is refused with a clear message rather than read as an empty report; so is an encrypted one,
  and a damaged one (nothing left, or only drawings: no text and no images).

Places: ``page N`` for text, ``page N, table T, row R, column C`` for a cell, with the box of the figure
(``(x0, top, x1, bottom)`` in points from the page's top left) so a report could draw on the page.
"""

from __future__ import annotations

import bisect
import math
import os
import re
import statistics
from collections import Counter
from contextlib import closing
from pathlib import Path

from ..model import Document
from ..regex import lazy
from .layout import MOST_CHARS, Line, PageTooFull, Piece, assemble, clean
from .text import LIST_ITEM, NEVER_FIRST, ReadError

_PAGE_NUMBER = lazy(
    r"^[-—–－_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?\s*(?:(?:/|共)\s*\d{1,4}\s*页?)?[-—–－_\s]*$"
    r"|^[-—–－\s]*[Pp]age\s*\d+(?:\s*of\s*\d+)?[-—–－\s]*$")
_EDGE = 0.1  # the top and bottom tenth of a page is where running headers and footers sit
_SENTENCE_END = "。！？；：!?;:"
_UNIT_LINE = lazy(r"单位\s*[:：]")
# a table's unit line and the caption opening a page: lines of their own, never part of a paragraph
_UNIT_ONLY = lazy(r"^\s*(?:(?:编制|金额)?单位|编制部门)\s*[:：].{0,40}$")
_CAPTION = lazy(r"^.{0,38}表\s*$|^[（(]?续表")
# a line ending in a table's unit (部门（单位）名称：某局 单位：元)
_UNIT_END = lazy(r"单位\s*[:：]\s*(?:人民币)?(?:亿元|万元|千元|元)\s*$")
_ITEM = lazy(rf"^\s*(?:{LIST_ITEM})")
_CUT_FIGURE, _GOES_ON = lazy(r"\d[,.]?$|\d[万亿]$"), lazy(r"[,.]?\d|元|[%％](?![\d.])")
_UNIT_CUT, _UNIT_REST = lazy(r"\d[万亿千]$"), lazy(r"元[，,。；;、）)]")  # (9.90万 ⏎ 元，…)
_WHOLE_GROUPS = lazy(r"\d,\d{3}$")  # a figure ending in a whole group of three (28,084,220) is whole
_WORD = lazy(r"[0-9A-Za-z.,%％]+")
# a figure and its unit, which typesetting moves to the next line whole (…其他用车 | 2辆，…)
_FIGURE_WORD = lazy(r"\d[\d.,%％]*[\u4e00-\u9fff]?[、，,。；;：:）)]*")
# a character with the punctuation that may not start a line after it (费、 moves to the next line whole)
_CJK_WORD = lazy(r"[\u4e00-\u9fff][、，,。；;：:？！?!）)」』”’%％]*")
# an opening mark, which may not end a line, with the character after it, its closing marks, and a figure
# glued to them (（项）”2,621.41 of …机构 | （项）”2,621.41万元: moved to the next line whole)
_OPENED_WORD = lazy(r"[（(“‘「『]+[\u4e00-\u9fff][、，,。；;：:？！?!）)」』”’%％]*(?:\d[\d,.]*)?")
_FIGURE = lazy(r"^[-+(（]?\d[\d,.]*[%％)）]?$")
SLANT = 5  # degrees a character may lean off the page's axes and still be text, not a slanted watermark
_PROSE_LINES = 4  # text lines a page needs for its own right margin to be trusted
_WIDE = 0.6  # a gap between words at least this many character heights wide separates columns
_COLUMN_GAP = 3.0  # character heights: a gap so wide only columns of a table leave it
_FLUSH = 0.1  # character heights: the least gap between two cells' words in a line of such columns


def read(path: str | Path, display: str | None = None) -> Document:
    name = display or str(path)
    if os.environ.get("CROSSFOOT_PDF_READER", "pdfium") == "pdfplumber":
        return _read_pdfplumber(path, name)
    from . import pdfium

    pages: list[_Page] = []
    try:
        with closing(pdfium.pages(str(path))) as read_pages:
            for page in read_pages:
                if page.unplaced:  # a CJK font neither embedded nor installed: PDFium loses lines of it
                    return _read_pdfplumber(path, name)
                pages.append(page_of(page))
    except PageTooFull as exc:
        raise exc.refusal(name) from None
    except pdfium.PdfiumError as exc:
        if exc.code == 4:
            raise ReadError(f"{name}: the PDF is encrypted; save an unprotected copy to check it") from None
        if exc.code == pdfium.DAMAGED:
            raise ReadError(f"{name}: a damaged PDF ({exc}); not read") from None
        raise ReadError(f"{name}: not a readable PDF ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - any failure of the parser is reported, named
        raise _refusal(name, exc, "a page could not be read") from None
    return finish(name, pages)


def _read_pdfplumber(path: str | Path, name: str) -> Document:
    """The same pages through pdfplumber (``CROSSFOOT_PDF_READER=pdfplumber``): pdfminer's parser, about
    ten times slower, kept while the two readers' parity is tested."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a core dependency
        raise ReadError(f"{name}: reading PDF needs pdfplumber (pip install pdfplumber)") from None
    try:
        pdf = pdfplumber.open(path)
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises its own types for encrypted and broken files
        raise _refusal(name, exc, "not a readable PDF") from None
    read = False
    try:
        pages = []
        for page in pdf.pages:
            if len(page.chars) > MOST_CHARS:
                raise PageTooFull(page.page_number, len(page.chars))
            pages.append(page_of(page))
            page.close()  # its layout and object caches: pages left open are most of the memory
        read = True
    except PageTooFull as exc:
        raise exc.refusal(name) from None
    except Exception as exc:  # noqa: BLE001 - any failure of the parser is reported, named
        raise _refusal(name, exc, "a page could not be read") from None
    finally:
        try:
            if read:
                pdf.close()
            elif not pdf.stream_is_external:
                pdf.stream.close()  # pdf.close() walks the pages again: a damaged page tree loops forever
        except Exception:  # noqa: BLE001 - closing a damaged file fails as reading it did: said above
            pass
    return finish(name, pages)


def finish(name: str, pages: list[_Page], kind: str = "PDF") -> Document:
    """The document on ``pages`` (read by :func:`page_of` from a ``kind`` of file): refused when there is
    no text to read, running lines dropped, unruled tables found, lines joined."""
    _refuse_unreadable(name, pages, kind)
    _drop_running_lines(pages)
    for page in pages:
        page.items = _unruled(page.items)
    for before, page in zip(pages, pages[1:]):
        _carry_columns(before, page)
        _carry_header(before, page)
        _carry_rows(before, page)
        _carry_back(before, page)
    return assemble(name, _lines(pages), encoding=kind.lower())


def _carry_back(before: _Page, page: _Page) -> None:
    """The header and first rows of a table closing the page ``before`` (too few lines to be found as a
    table of their own) whose header is printed again over the unruled table opening ``page``: cut by that
    table's columns and put at its head, so its 合计 is footed over all its rows."""
    if not page.items or not isinstance(page.items[0], list) or not before.items:
        return
    table = page.items[0]
    if any(isinstance(c, str) for row in table for c in row):
        return  # a ruled table: its rows are found by its ruling
    boxes = [[row[j][1] for row in table if row[j][1]] for j in range(len(table[0]))]
    if not all(boxes):
        return
    bands = [(min(b[0] for b in col), max(b[2] for b in col)) for col in boxes]
    header = "".join(c[0] for c in table[0])
    k = len(before.items)
    while k > 0 and isinstance(before.items[k - 1], _Text) and len(before.items[k - 1].segments()) >= 2 \
            and len(before.items) - k < 5:
        k -= 1
        if before.items[k].text.replace(" ", "") == header:
            rows = [_cut(line, bands, outside=True) for line in before.items[k + 1 :]]
            if rows and all(r is not None for r in rows):
                page.items = [[*rows, *table[1:]], *page.items[1:]]
                before.items = before.items[:k] + [[_cut(before.items[k], bands, outside=True) or table[0]]]
            return


def _carry_columns(before: _Page, page: _Page) -> None:
    """The columns of the table closing the page ``before`` that did not fit it, printed on ``page`` (a sheet
    wider than the page, exported without fitting it to the width): when that table is captioned inside its
    grid (its first row one cell across it), a grid opening ``page`` whose rows sit at the heights of that
    table's rows, blank in its caption's row and holding no names where figures are (its rows' names are on
    the page before) is put back at the right of that table, row by row, a row it lacks (under a cell
    spanning two) spanned from above; the words of that table's merged cells printed again on ``page`` are
    dropped. With no grid there, the lines at those heights are that column (:func:`_carry_column_lines`)."""
    last = max((k for k, item in enumerate(before.items) if isinstance(item, list)), default=None)
    first = next((k for k, item in enumerate(page.items) if isinstance(item, list)), None)
    if last is None:
        return
    table = before.items[last]
    tops = [_row_top(row) for row in table]
    if first is None or any(isinstance(t, _Text) and not _FOLIO_LINE.match(t.text)
                            for t in page.items[:first]):
        _carry_column_lines(before.items, last, page, tops)
        return
    more = page.items[first]
    if len(more) < 2 or len(more) > len(tops) or _row_top(more[0]) is None \
            or abs(_row_top(more[0]) - (tops[0] or -99)) > _SAME_HEIGHT:
        return
    at = []
    for row in more:
        top = _row_top(row)
        k = next((k for k, t in enumerate(tops) if top is not None and t is not None
                  and abs(t - top) <= _SAME_HEIGHT), None)
        if k is None or (at and k <= at[-1]):
            return
        at.append(k)
    body = [row for row in more if any(isinstance(c, tuple) and _FIGURE.match(c[0]) for c in row)]
    if not body or any(isinstance(c, tuple) and c[0].strip() and not _FIGURE.match(c[0])
                       for row in body for c in row):
        return  # (a table of its own at the same heights: its names beside its figures)
    width = len(more[0])
    placed = dict(zip(at, more))
    full = _full_rows(table)
    if 0 not in full or any(isinstance(c, tuple) and c[0].strip() for k in full for c in placed.get(k, [])):
        return  # a table captioned inside its grid, that row blank on the next page (not words there: a
        # table of its own; nor a table whose only row across it is a note at its foot)
    for k, row in placed.items():  # a cell merged to the page's edge goes on over the cut columns
        if table[k][-1] == "left" and not any(isinstance(c, tuple) and c[0].strip() for c in row):
            placed[k] = ["left"] * width
    before.items[last] = [[*row, *placed.get(k, ["up"] * width)] for k, row in enumerate(table)]
    said = _merged_words(table)
    lowest = max((t for t in tops if t is not None), default=0.0) + _SAME_HEIGHT
    page.items = [item for k, item in enumerate(page.items) if k != first and not (
        isinstance(item, _Text) and item.top <= lowest and item.text.replace(" ", "") in said)]


def _carry_column_lines(items: list, last: int, page: _Page, tops: list) -> None:
    """The column of the table ``items[last]`` that did not fit its page, printed on ``page`` unruled: the
    lines opening ``page`` down to that table's last row, each one cell at the height of one of its rows (a
    line between two rows' tops belongs to the upper), two figures among them at least, put back as the
    table's last column; the words of its merged cells printed again are dropped."""
    known = [(k, t) for k, t in enumerate(tops) if t is not None]
    if len(known) < 2:
        return
    step = min(b - a for (_, a), (_, b) in zip(known, known[1:]))
    lowest = known[-1][1] + step
    lines = []
    for item in page.items:
        if not isinstance(item, _Text) or item.top >= lowest:
            break
        lines.append(item)
    said = _merged_words(items[last])
    kept = [t for t in lines if not _FOLIO_LINE.match(t.text) and t.text.replace(" ", "") not in said]
    if sum(1 for t in kept if _FIGURE.match(t.text.strip())) < 2 or any(len(t.segments()) > 1 for t in kept):
        return
    cells: dict[int, tuple] = {}
    full = _full_rows(items[last])
    body = {k for k, row in enumerate(items[last]) if any(isinstance(c, tuple) and _FIGURE.match(c[0])
                                                          for c in row)}
    for t in kept:
        k = max((k for k, top in known if top <= t.top + _SAME_HEIGHT), default=None)
        if k is None or k in cells or k in full or 0 not in full \
                or k in body and not _FIGURE.match(t.text.strip()):
            return  # (two lines in one row, one above the table, words beside its caption or a name
            # beside its figures: a list of its own, no column of it)
        cells[k] = (t.text.strip(), (t.x0, t.top, t.x1, t.bottom), t.xs)
    items[last] = [[*row, cells.get(k, ("", None, None) if tops[k] is not None else "up")]
                   for k, row in enumerate(items[last])]
    page.items = page.items[len(lines):]


def _full_rows(table) -> set[int]:
    """The rows of a grid that are one cell merged across it (its caption, a group's name over all)."""
    return {k for k, row in enumerate(table) if len(row) >= 2 and isinstance(row[0], tuple) and row[0][0]
            and all(c == "left" for c in row[1:])}


def _merged_words(table) -> set[str]:
    """The words of a grid's cells merged across columns (a caption, a group's name): a sheet's printer
    writes them again on the page its cut columns go on."""
    return {c[0].replace(" ", "") for row in table for c, after in zip(row, row[1:])
            if isinstance(c, tuple) and c[0] and after == "left"}


def _row_top(row) -> float | None:
    """The top of a grid row's own cells (None when every cell spans from another)."""
    return min((c[1][1] for c in row if isinstance(c, tuple) and c[1]), default=None)


_SAME_HEIGHT = 2.0  # points apart at most for two rows on two pages to be printed at one height


def _carry_header(before: _Page, page: _Page) -> None:
    """The first header rows of a ruled table left alone at the foot of the page ``before`` (a grid of a
    row or two, no figure in it), the rest of its header and its body opening ``page`` in a grid as wide:
    put back at the head of that grid, cut by its columns (a name over several columns spans them), so
    the header printed whole again on later pages is known as the same table's."""
    at = len(before.items) - 1
    while at > 0 and isinstance(before.items[at], _Text) and _FOLIO_LINE.match(before.items[at].text):
        at -= 1  # the page's number under it
    if not before.items or not page.items or not isinstance(before.items[at], list) \
            or not isinstance(page.items[0], list):
        return
    head, table = before.items[at], page.items[0]
    if len(head) > 2 or any(isinstance(c, tuple) and (any(ch.isdigit() for ch in c[0]) or len(c[0]) > 20
                                                      or c[0].startswith(("注", "说明")))
                            for row in head for c in row):
        return  # (figures, or a note's words: not a header's names)
    if any(isinstance(c, tuple) and _FIGURE.match(c[0]) for c in table[0]):
        return  # the grid opens on figures: rows going on, not a header's last lines
    names = [[c[0] for c in row if isinstance(c, tuple) and c[0]] for row in head]
    if any(names[0] == [c[0] for c in row if isinstance(c, tuple) and c[0]] for row in table[:3]):
        del before.items[at]  # its header printed again whole over the grid: the rows left behind are a
        return  # copy of that header's first, read there
    body = [row for row in table if any(isinstance(c, tuple) and _FIGURE.match(c[0]) for c in row)]
    if not body:
        return  # a grid of names only: no table's body to put a header over
    boxes = [c[1] for c in head[0] if isinstance(c, tuple) and c[1]]
    width = len(table[0])
    bands = []
    for k in range(width):
        column = [row[k][1] for row in body if k < len(row) and isinstance(row[k], tuple) and row[k][1]]
        if not column:
            return
        bands.append((min(b[0] for b in column), max(b[2] for b in column)))
    if not boxes or abs(min(b[0] for b in boxes) - bands[0][0]) > 2 \
            or abs(max(b[2] for b in boxes) - bands[-1][1]) > 2:
        return  # not as wide as the grid below: another table's, or a caption's box
    rows = []
    for row in head:
        cells: list = []
        for k, band in enumerate(bands):
            cover = _covering(row, band)
            if cover is None:
                return  # a gap in the row: not the header of this grid
            cells.append("left" if k and cover is _covering(row, bands[k - 1]) else cover)
        rows.append(cells)
    page.items[0] = [*rows, *table]
    del before.items[at]


_FOLIO_LINE = lazy(r"\s*(?:[-—－]?\s*\d{1,4}\s*[-—－]?|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)\s*$")


def _covering(row: list, band: tuple[float, float]):
    """The cell of a ruled row over the middle of ``band``."""
    middle = (band[0] + band[1]) / 2
    return next((c for c in row if isinstance(c, tuple) and c[1] and c[1][0] <= middle <= c[1][2]), None)


def _carry_rows(before: _Page, page: _Page) -> None:
    """The lines opening ``page`` that are rows of the table closing the page ``before`` (too few to be
    found as a table of their own, or not found as one: rows filled in too few columns to show them all;
    its header lines printed again over them dropped, a group's name over the header too): cut by that
    table's columns and made a table, which table recovery joins to it as rows after a page break."""
    if not before.items or not isinstance(before.items[-1], list):
        return
    bands = _bands(before.items[-1])
    if bands is None:
        return
    heads = {"".join(c[0] for c in row).replace(" ", "") for row in before.items[-1][:3]}
    heads |= {t.text.replace(" ", "") for t in before.items[-4:-1] if isinstance(t, _Text)}
    names = {c[0].replace(" ", "") for row in before.items[-1][:3] for c in row if c[0]}

    def again(item) -> bool:  # a header line printed again: as before, or its names (a group's name apart)
        return isinstance(item, _Text) and (item.text.replace(" ", "") in heads
                                            or all(word in names for word in item.text.split()))

    skip = 0  # its header lines printed again over them are dropped, as a ruled table's are
    while skip < min(3, len(page.items)) and again(page.items[skip]):
        skip += 1
    lines = []
    for item in page.items[skip : skip + 60]:
        if not isinstance(item, _Text) or len(item.segments()) < 2 \
                or not _FIGURE.match(item.text.split()[-1]):
            break
        lines.append(item)
    rows = [row for row in (_cut(line, bands) for line in lines) if row is not None]
    if rows and len(rows) == len(lines):
        page.items = [rows, *page.items[skip + len(lines):]]


def _bands(table: list) -> list[tuple[float, float]] | None:
    """The x extents of an unruled table's columns, each from its cells in rows holding a figure (a header's
    name spans columns), or from any of its cells; None for a ruled grid, or a column without boxes."""
    merged = any(isinstance(c, str) for row in table for c in row)
    if merged and all(c[1] for row in table for c in row if not isinstance(c, str)):
        return None  # a ruled grid (every cell a box of it): its merged cells, not a header's names spanning

    def boxes(k: int, rows) -> list:
        return [row[k][1] for row in rows if k < len(row) and not isinstance(row[k], str) and row[k][1]]

    body = [row for row in table if any(not isinstance(c, str) and _FIGURE.match(c[0]) for c in row)]
    bands = []
    for k in range(len(table[0])):
        column = boxes(k, body) or boxes(k, table)
        if not column:
            return None
        bands.append((min(b[0] for b in column), max(b[2] for b in column)))
    return bands


def _cut(line: _Text, bands, outside: bool = False):
    """A line's stretches as a row of ``bands``' cells (each in the band it overlaps most), or None when two
    fall in one column, or one in none unless ``outside`` lets it go to the nearest."""
    cells: list = [("", None, ())] * len(bands)
    for a, b in line.segments():
        x0, x1 = line.xs[a], line.xs[b]
        overlap = [min(x1, hi) - max(x0, lo) for lo, hi in bands]
        k = max(range(len(bands)), key=lambda k: overlap[k])
        if overlap[k] <= 0 and not outside or cells[k][0]:
            return None
        cells[k] = (line.text[a:b], (x0, line.top, x1, line.bottom), line.xs[a:b + 1])
    return cells


def _refusal(name: str, exc: Exception, what: str) -> ReadError:
    """The reading error to report for a parser failure (pdfplumber wraps pdfminer's in its own)."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    kind = type(cause).__name__
    if "Password" in kind or "Encrypt" in kind:
        return ReadError(f"{name}: the PDF is encrypted; save an unprotected copy to check it")
    if isinstance(cause, RecursionError) or "recursion" in str(cause):
        return ReadError(f"{name}: a damaged PDF (its page tree or objects nest too deeply or refer to "
                         "themselves); not read")
    return ReadError(f"{name}: {what} ({kind}{': ' if str(cause) else ''}{str(cause)[:200]})")


class _Text:
    """One line of text outside tables: its characters' text and left edges, and its box."""

    __slots__ = ("text", "xs", "x0", "x1", "top", "bottom", "size")

    def segments(self) -> list[tuple[int, int]]:
        """``(start, end)`` of the stretches of text between wide gaps (the cells of an unruled table)."""
        wide = _WIDE * self.size
        cuts, start = [], 0
        for i, ch in enumerate(self.text):
            if ch != " ":
                continue
            note = _cjk(self.text[i + 1 : i + 2]) and self.text[i + 1] not in _UNIT_FIRST \
                and _SCORE_THEN_WORDS.fullmatch(self.text, start, i)
            if self.xs[i + 1] - self.xs[i] >= wide or note:
                cuts.append(i)  # (2.50 部分指标未量化: a score one space from its note, two cells)
                start = i + 1
        starts, ends = [0, *(i + 1 for i in cuts)], [*cuts, len(self.text)]
        return list(zip(starts, ends))

    def __init__(self, chars: list[dict]):
        chars.sort(key=lambda c: c["x0"])
        solid = [c for c in chars if not c["text"].isspace()]
        size = statistics.median(c["size"] for c in solid) or 10.0
        spread = _spread(solid, size)
        # a line of an unruled table (two gaps as wide as columns' or more): a figure set flush right against
        # the next cell's words is cut from them by any gap at all (58,504,520 一、社会保障和就业支出)
        columns = sum(1 for a, b in zip(solid, solid[1:]) if b["x0"] - a["x1"] >= _COLUMN_GAP * size) >= 2
        text, xs = [], []
        previous = None
        for c in chars:
            if c["text"].isspace():
                if text and text[-1] != " " and not spread:
                    text.append(" ")
                    xs.append(previous["x1"])  # the words before it end there, not where it starts
                continue
            if previous is not None and text[-1] != " ":
                gap = c["x0"] - previous["x1"]
                flush = columns and previous["text"][-1:].isdigit() and _cjk(c["text"]) \
                    and gap > _FLUSH * size and c["text"][:1] not in _UNITS_AFTER
                # (not 2.5 小时, 2023 年: a figure and its unit, a word processor's space between them)
                apart = size * (0.6 if _cjk(previous["text"]) and _cjk(c["text"]) else 0.3)
                if flush or gap > max(spread, apart):
                    text.append(" ")
                    xs.append(previous["x1"])
            width = (c["x1"] - c["x0"]) / len(c["text"])  # (cid:12) for a glyph without a character map
            for k, ch in enumerate(c["text"]):
                text.append(ch)
                xs.append(c["x0"] + k * width)
            previous = c
        while text and text[-1] == " ":
            text.pop()
            xs.pop()
        xs.append(solid[-1]["x1"])
        self.text, self.xs = "".join(text), tuple(xs)
        self.x0, self.x1 = solid[0]["x0"], solid[-1]["x1"]
        self.top, self.bottom = min(c["top"] for c in solid), max(c["bottom"] for c in solid)
        self.size = size


def _spread(solid: list[dict], size: float) -> float:
    """For a line set spread out (分散对齐: its characters spaced evenly to fill the width, a paragraph's
    last line among them), the widest gap that is that spacing, not a word's end; else 0. The line's
    characters are mostly 汉字, and most of its gaps are alike and under twice the type size (a row of
    an unruled table, 栏次 1 2 3 …, is spaced by its columns, wider and uneven)."""
    if len(solid) < 6 or sum(_cjk(c["text"]) for c in solid) < 0.5 * len(solid):
        return 0.0
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(solid, solid[1:]))
    wide = [g for g in gaps if g > 0.3 * size]
    if len(wide) < 0.5 * len(gaps):
        return 0.0
    middle = wide[len(wide) // 2]
    if middle > 2 * size or wide[0] < 0.6 * middle or wide[-1] > 1.6 * middle:
        return 0.0
    return wide[-1] + 0.1 * size


class _Page:
    __slots__ = ("number", "height", "items", "chars", "cids", "drawn", "images")

    def __init__(self, number: int, height: float):
        self.number, self.height = number, height
        self.items: list = []  # _Text and tables (rows of (text, box, xs) | left | up), by top
        self.chars = self.cids = self.drawn = self.images = 0


_SCORE_THEN_WORDS = lazy(r"-?[\d,]*\d\.\d+%?")  # an amount with decimals opening a stretch of text
_UNIT_FIRST = frozenset("万亿千百元分个人家项次件台辆套所名户")  # (9746.50 万元: one figure, no two cells)
# a unit's first character after a figure (2.5小时, 2023年, 12.6公里): no next cell's words
_UNITS_AFTER = _UNIT_FIRST | frozenset("年月日时小公倍米吨亩平天周秒点期批场篇种座间部册本")


def _cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def _tables(page) -> list:
    """The page's ruled tables; on pdfplumber's own page (the fallback reader) with the rules that close a
    grid a page break cut (:func:`crossfoot.ingest.pdfium.closing_rules`), as the PDFium reader finds them."""
    if not hasattr(page, "debug_tablefinder"):
        return page.find_tables()
    from pdfplumber.table import TableFinder

    from .pdfium import closing_rules

    closing = closing_rules(TableFinder(page).get_edges(), float(page.height))
    return page.find_tables({"explicit_horizontal_lines": closing} if closing else None)


def page_of(page) -> _Page:
    """A page's text lines and tables, by position; ``page`` a pdfplumber page (or one with what is used of
    it: ``page_number``, ``height``, ``chars``, ``images``, ``rects``, ``curves``, ``lines``,
    ``find_tables()``)."""
    out = _Page(page.page_number, float(page.height))
    chars = [c for c in page.chars if c["text"] and not _slanted(c)]
    marks = _footnote_marks(chars)
    chars = [c for c in chars if id(c) not in marks] if marks else chars
    visible = [c for c in chars if not c["text"].isspace()]
    out.chars = len(visible)
    out.cids = sum(1 for c in visible if c["text"].startswith("(cid:") or ord(c["text"][0]) < 32)
    if not visible:  # what else the page holds: images (a scan), drawings only, or nothing (damage)
        out.images = len(page.images)
        out.drawn = len(page.rects) + len(page.curves) + len(page.lines)
    # a grid of one column is a box around lines (a table boxed with no inner rules, a framed note): its
    # lines are read as the page's own, a table among them from its layout
    tables = [t for t in _tables(page) if len(t.rows) >= 1 and max(len(r.cells) for r in t.rows) >= 2]
    owned: list[list[dict]] = [[] for _ in tables]
    free: list[dict] = []
    boxes = [t.bbox for t in tables]  # (a property pdfplumber computes from the cells at each call)
    for c in chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        for i, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= cx <= x1 and top <= cy <= bottom:
                owned[i].append(c)
                break
        else:
            free.append(c)
    for t, box, mine in zip(tables, boxes, owned):
        out.items.append((box[1], _table(t, mine)))
    for line in _group_lines(free):
        out.items.append((line.top, line))
    out.items.sort(key=lambda item: item[0])
    out.items = [item for _, item in out.items]
    return out


_SPACED_FIGURE = lazy(r"[-(（]?(?:\d{1,3}(?: ?, ?\d{3})+(?: ?\. ?\d+)?|\d+ ?\. ?\d+)[)）%％]?")
"""A figure of a cell, its runs (digits, separators, decimals) set apart by blanks: grouped by three, or
its decimals apart (1120 .00), so that two figures a blank apart (2 150, 10 13) are never read as one."""


def _footnote_marks(chars: list[dict]) -> set[int]:
    """The ids of footnote marks set right after a figure or a word (9¹ in a score cell, 7,802 read for
    780²): a digit (or *, †) in a smaller type than the character it touches on its left, raised well above
    that one's baseline. Not after a letter (m², a unit's power)."""
    ends: dict[int, list[dict]] = {}
    for c in chars:
        if not c["text"].isspace():
            ends.setdefault(round(c["x1"]), []).append(c)
    marks = set()
    for c in chars:
        if c["text"] not in _MARKS or not c.get("size"):
            continue
        at = round(c["x0"])
        for n in (n for x in (at - 1, at, at + 1) for n in ends.get(x, ())):
            if n is not c and n.get("size") and c["size"] < 0.85 * n["size"] \
                    and c["bottom"] < n["bottom"] - 0.3 * n["size"] and c["bottom"] > n["top"] \
                    and (n["text"].isdigit() or _cjk(n["text"]) or n["text"] in "%％"):
                marks.add(id(c))
                break
    return marks


_MARKS = set("0123456789*＊†")


def _slanted(char: dict) -> bool:
    """Whether pdfminer's character is set at a slant to the page's axes (:func:`slanted`)."""
    matrix = char.get("matrix")
    return bool(matrix) and slanted(matrix[0], matrix[1])


def slanted(a: float, b: float) -> bool:
    """Whether text whose matrix starts ``a b`` runs at a slant to the page's axes, more than :data:`SLANT`
    degrees off them (a watermark across the page: not the page's text, in either reader)."""
    slant = math.degrees(math.atan2(b, a)) % 90
    return SLANT < slant < 90 - SLANT


def _group_lines(chars: list[dict]) -> list[_Text]:
    lines: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (c["top"] + c["bottom"]) / 2
        if lines:
            last = lines[-1]
            top, bottom = last[0]["top"], last[0]["bottom"]
            if top <= middle <= bottom:
                last.append(c)
                continue
        lines.append([c])
    return [_Text(line) for line in lines if any(not c["text"].isspace() for c in line)]


def _table(table, chars: list[dict]) -> list[list[tuple[str, tuple] | str]]:
    """Rows of cells ``(text, box, xs)``; where a merged cell covers the grid position, ``left`` or ``up``:
    the direction the covering cell spans from."""
    rows = [list(row.cells) for row in table.rows]
    lefts = [min((row[k][0] for row in rows if k < len(row) and row[k]), default=None)
             for k in range(max(map(len, rows), default=0))]
    found: dict[tuple[int, int], list[dict]] = {}
    cells = sorted((box[1], r, k, box) for r, row in enumerate(rows) for k, box in enumerate(row) if box)
    tops = [top for top, *_ in cells]
    tallest = max((box[3] - box[1] for *_, box in cells), default=0.0)
    for c in chars:  # the cell whose box holds the character's middle (the first, on a shared edge): of
        # those starting above it, no further up than the tallest cell
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        hit = None
        for at in range(bisect.bisect_right(tops, cy) - 1, -1, -1):
            _, r, k, box = cells[at]
            if box[0] <= cx <= box[2] and cy <= box[3] and (hit is None or (r, k) < hit):
                hit = (r, k)
            if tops[at] < cy - tallest:
                break
        if hit is not None:
            found.setdefault(hit, []).append(c)
    out = []
    for r, row in enumerate(rows):
        cells = []
        for k, box in enumerate(row):
            if box is None:
                before = next((b for b in reversed(row[:k]) if b), None)
                spans_left = before is not None and lefts[k] is not None and before[2] > lefts[k] + 1
                cells.append("left" if spans_left else "up")
                continue
            mine = found.get((r, k), [])
            lines = _group_lines(mine) if mine else []
            text = clean("".join(line.text for line in lines))
            if " " in text and _SPACED_FIGURE.fullmatch(text):
                text = text.replace(" ", "")  # a figure drawn in runs set apart (102 , 399 , 473 .00): one
            xs = lines[0].xs if len(lines) == 1 and len(lines[0].text) == len(text) else ()
            cells.append((text, tuple(box), xs))
        out.append(cells)
    return out


def _unruled(items: list) -> list:
    """``items`` with each run of text lines laid out as a table (see the module notes) made a table. A
    line of words alone between two lines of the run (a long 项 name wrapped above and below its row's
    figures) is part of the run, and goes into its row's cell."""
    out, run, held = [], [], []
    pulled = []  # a group's name set above the run's header, taken into it

    def close() -> None:
        enough = len(run) - sum(len(t.segments()) < 2 for t in run) >= 3
        table = _layout_table(run) if enough else None
        if pulled and run and run[0] is pulled[0] and enough:
            without = _layout_table(run[1:])
            if table is None or without is not None and not _grouped(table, without):
                out.append(run.pop(0))  # (its names under it are not all under that name: a title)
                table = without
        if table and _one_row(table) and out and isinstance(out[-1], _Text) \
                and not (_CAPTION.match(out[-1].text) or _UNIT_LINE.search(out[-1].text)):
            table = None  # a one-row table with words above its header the run left out (2026年“三公”经费
            # 预算数 over six columns, 机关运行经费 over the seventh): its header not read whole
        pulled.clear()
        out.extend([table] if table else run)
        out.extend(held)
        run.clear()
        held.clear()

    for item in [*items, None]:
        if isinstance(item, _Text) and (_CAPTION.match(item.text) or _UNIT_LINE.search(item.text)) \
                and not _amounts(item, item.segments()) \
                and not (run and len(item.segments()) < 2 and len(held) < 4
                         and _wrapped_words(item, run)):
            close()  # a caption (表4 …预算表) or a unit line (公开02表 部门：某局  单位：万元) ends a
            # table: the next run is another table, never more rows
            out.append(item)  # (a cell's words wrapped onto a line ending in 表, 统计报表, go on with it)
            continue
        if isinstance(item, _Text) and (len(item.segments()) >= 2 or run and _sparse_row(item, run)):
            if not run and out and isinstance(out[-1], _Text) and _over_header(out[-1], item):
                run.append(out.pop())  # 公务用车购置及运行费 over 小计 | 购置费 | 运行费, set above
                pulled.append(run[0])
            if not run or run == pulled:
                while out and isinstance(out[-1], _Text) and len(run) < 3 and _cell_above(out[-1], item):
                    run.insert(0, out.pop())  # 机关运行经费预 ⏎ 算数: a header cell's first line, wrapped
            run.extend(held)
            held.clear()
            run.append(item)
            continue
        if isinstance(item, _Text) and run and len(held) < 4 and (_wrapped_words(item, run)
                                                                  or _group_label(item, run)):
            held.append(item)
            continue
        close()
        if item is not None:
            out.append(item)
    return out


def _one_row(table: list) -> bool:
    """Whether a table read from lines holds one row of figures only."""
    return sum(1 for row in table if any(not isinstance(c, str) and _FIGURE.match(c[0]) for c in row)) == 1


def _over_header(line: _Text, header: _Text) -> bool:
    """Whether ``line`` is a group's name set above a header line (a merged cell over two header rows, its
    name at the top): words alone, short, no figure, right above the header and over a stretch of it
    where the header has no words (between two of its cells), not its first."""
    if len(line.segments()) != 1 or len(line.text) > 16 or any(ch.isdigit() for ch in line.text) \
            or not 0 < header.top - line.top <= 2.5 * line.size or line.x0 <= header.x0 + 2 * line.size:
        return False
    return not any(min(line.x1, header.xs[b]) - max(line.x0, header.xs[a]) > 1 for a, b in header.segments())


def _cell_above(line: _Text, header: _Text) -> bool:
    """Whether ``line`` is the first line of a header cell wrapped onto the header line below it (机关运行
    经费预 ⏎ 算数): words alone, short, no figure, right above it, over one of its cells only and set as
    that cell is (centred on it, or flush with its left edge)."""
    if len(line.segments()) != 1 or len(line.text) > 16 or any(ch.isdigit() for ch in line.text) \
            or not 0 < header.top - line.top <= 1.6 * line.size:
        return False
    over = [(header.xs[a], header.xs[b]) for a, b in header.segments()
            if min(line.x1, header.xs[b]) - max(line.x0, header.xs[a]) > 0]
    if len(over) != 1:
        return False
    x0, x1 = over[0]
    return abs((x0 + x1) / 2 - (line.x0 + line.x1) / 2) <= 0.5 * line.size or abs(x0 - line.x0) <= 2


def _grouped(table: list, without: list) -> bool:
    """Whether the name taken into a header's first row (``table``, against ``without`` it) heads the
    header's blank cells from its own on, and the second header row names those columns and no other (小计 |
    购置费 | 运行费 under 公务用车购置及运行费): a group's name, not a title over the columns."""
    if len(without) < 2 or len(table) != len(without):
        return False
    first, second = [c[0] for c in without[0]], [c[0] for c in without[1]]
    k = next((j for j, (a, b) in enumerate(zip(table[0], without[0])) if a[0] != b[0]), None)
    if k is None or first[k]:
        return False
    end = k
    while end + 1 < len(first) and not first[end + 1]:
        end += 1
    named = {j for j, text in enumerate(second) if text and not _FIGURE.match(text)}
    return bool(named) and named <= set(range(k, end + 1))


def _wrapped_words(line: _Text, run: list[_Text]) -> bool:
    """Whether a line may be a cell's wrapped words: one stretch of words, short, with no figure, in an
    inner column (a heading between two tables starts where the rows do), and within one column: a line
    over two cells of a row is the next table's caption, centred over it."""
    if len(line.text) > 30 or any(ch.isdigit() for ch in line.text) \
            or line.x0 <= min(t.x0 for t in run) + 2 * line.size:
        return False
    return all(sum(1 for a, b in t.segments() if min(line.x1, t.xs[b]) - max(line.x0, t.xs[a]) > 1) < 2
               for t in run[-3:])  # (the rows just above it: linear in a long table)


def _sparse_row(line: _Text, run: list[_Text], after: _Text | None = None) -> bool:
    """Whether a line of one stretch is a row whose other cells are blank (the right panel's item of a
    two-panel 收入支出决算总表 whose left panel has run out: 十、节能环保支出), not words wrapped from a
    cell: it starts where an inner column's cells start in two lines of the run or more, within a point or
    two, a column that comes after amounts in one of them at least (a panel's, not the names' after the
    codes), and stands as far below the line before it (and above the line ``after`` it) as rows of cells
    stand apart (a name's wrapped line stands nearer its row, above or below)."""
    if len(line.segments()) != 1 or len(run) < 2:
        return False
    first = min(t.x0 for t in run)
    if line.x0 <= first + 2 * line.size:
        return False  # (the first column's: a heading or a note after the table, set at the margin)
    recent = run[-_SPARSE_REACH:]
    starts = [(t, k) for t in recent if len(t.segments()) >= 2
              for k, (a, _) in enumerate(t.segments()) if k and abs(t.xs[a] - line.x0) <= 2]
    if len(starts) < 2 or not any(_AMOUNT_CELL.fullmatch(t.text[slice(*t.segments()[k - 1])].strip())
                                  for t, k in starts):
        return False  # (a column after amounts, a panel's: not the names' column after the codes')
    cells = [t.text[slice(*t.segments()[k])].strip() for t, k in starts]
    if sum(1 for c in cells if _NUMBERED.match(c)) >= 2 and not _NUMBERED.match(line.text.strip()):
        return False  # 四、灾害防治及应急管理 ⏎ 支出: the column's items are numbered, this line is no item
    closed = next((t for t in reversed(recent) if len(t.segments()) >= 2), None)
    if closed is not None and _CLOSED.match(closed.text):
        return False  # (填表人：… under 总计: the table has closed)
    rows = [t.top for t in recent if len(t.segments()) >= 2]
    pitch = min((b - a for a, b in zip(rows, rows[1:]) if b > a), default=0.0)
    return pitch > 0 and line.top - run[-1].top >= pitch - 1 \
        and (after is None or after.top - line.top >= pitch - 1)


def _sparse_at(cut, i: int) -> bool:
    """Whether line ``i`` of ``cut`` (lines with their segments) is a row of one cell (:func:`_sparse_row`),
    judged against the lines above it and the line after."""
    return _sparse_row(cut[i][0], [t for t, _ in cut[max(0, i - _SPARSE_REACH):i]],
                       cut[i + 1][0] if i + 1 < len(cut) else None)


_SPARSE_REACH = 30  # the run's last lines looked at for a column's start (linear in a long table)
_NUMBERED = lazy(r"[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]")  # a two-panel table's numbered items
_CLOSED = lazy(r"\s*总\s*计")  # the last row of a 收支总表: nothing after it is its row
_AMOUNT_CELL = lazy(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+")  # an amount (grouped, decimals): no code


def _group_label(line: _Text, run: list[_Text]) -> bool:
    """Whether ``line`` is a group's name set in the first column between the rows of its group (效益（20）
    centred down a 一级指标 column whose rows leave it blank): one short stretch of words (a weight in
    brackets at most), under the header's first name, the rows just above starting right of it."""
    if len(line.segments()) != 1 or len(line.text) > 16 or not _GROUP_NAME.fullmatch(line.text.strip()) \
            or len(run) < 2:
        return False
    head = run[0]
    a, b = head.segments()[0]
    left, right = head.xs[a], head.xs[b]
    return min(line.x1, right) - max(line.x0, left) > 1 and all(t.x0 > max(right, line.x1) for t in run[-2:])


_GROUP_NAME = lazy(r"[^\d]{2,12}(?:[（(]\d{1,3}(?:\.\d+)?\s*分?[)）])?")


def _layout_table(run: list[_Text]):
    """The rows of cells ``(text, box, xs)`` of lines cut into aligned columns (as `_table`), or None.

    The columns are the x extents of the fullest lines' cells, merged; else those of the fullest lines of
    amounts (a header centred over amounts set flush right); else the columns the cells line up in, amounts
    by their right edges and words by their left (rows with a blank cell or two, under a header that lines
    up with nothing)."""
    cut = [(line, line.segments()) for line in run]
    widest = max(len(segments) for _, segments in cut)
    if widest < 3:
        return None
    fullest = [(line, segments) for line, segments in cut if len(segments) == widest]
    tried: list[list[list[float]]] = []
    for merged in (_extents(fullest),
                   _extents([(line, s) for line, s in fullest if _amounts(line, s) * 2 > len(s)])):
        if len(merged) == widest and merged not in tried and _holds_amounts(cut, merged):
            tried.append(merged)
            rows = _rows_in(cut, merged)
            if rows is not None:
                return rows
    aligned = _aligned(cut)
    rows = _rows_in(cut, aligned) if aligned and aligned not in tried else None
    if rows is None and fullest and not any(_amounts(line, s) for line, s in fullest):
        # names centred over their columns, amounts set flush right beside them, some cells blank (a 三线表
        # 三公 table: 预算数 | 决算数 ×6 over one row of ten amounts): each column reaches halfway to the next
        shares = _shares(_extents(fullest))
        if len(shares) == widest and _within(cut, shares):
            rows = _rows_in(cut, shares)
    figured = [(line, s) for line, s in cut if _amounts(line, s)]
    if rows is None and len(figured) >= 3:  # a header naming columns no row fills (事业单位经营收入 | 其他
        # 收入, blank in every row): those columns added, empty, to the columns of the header's fullest lines
        # or of the rows' (not two rows left at a page's foot: the rest of a table the next page goes on with)
        most = max((len(s) for _, s in figured), default=0)
        for merged in (*tried, _extents([(line, s) for line, s in figured if len(s) == most])):
            wider = _blank_columns(cut, merged) if merged else None
            if wider is not None and (rows := _rows_in(cut, wider)) is not None:
                break
    return rows


def _shares(bands) -> list[list[float]]:
    """``bands`` widened each to halfway to its neighbours (the first and last by as much outwards)."""
    out = []
    for k, (lo, hi) in enumerate(bands):
        left = (bands[k - 1][1] + lo) / 2 if k else lo - (bands[1][0] - hi) / 2 if len(bands) > 1 else lo
        right = (hi + bands[k + 1][0]) / 2 if k + 1 < len(bands) else hi + (lo - bands[k - 1][1]) / 2 \
            if k else hi
        out.append([left, right])
    return out


def _within(cut, bands) -> bool:
    """Whether every amount of the lines stands wholly inside one of ``bands``."""
    return all(any(lo <= line.xs[a] and line.xs[b] <= hi for lo, hi in bands)
               for line, segments in cut for a, b in segments if _FIGURE.match(line.text[a:b]))


def _holds_amounts(cut, bands) -> bool:
    """Whether every amount of the lines of cells stands in one of ``bands`` (columns taken from a header's
    fullest line, its other names on lines above: amounts standing between them are under a column that
    line does not name)."""
    return all(any(min(line.xs[b], hi) > max(line.xs[a], lo) for lo, hi in bands)
               for line, segments in cut if len(segments) >= 2
               for a, b in segments if _FIGURE.match(line.text[a:b]))


def _blank_columns(cut, bands) -> list[list[float]] | None:
    """``bands`` with the header's cells that stand right of all of them (lines of words only, before the
    first line of figures: 事业收入 | 其他收入 after the last column filled), or between two of them on a
    line naming two filled columns or more (合计 | 财政拨款收入 | 事业收入 | 其他收入, 事业收入 blank in every
    row), added as columns of their own, in order; None when there are none. (A header's cell between two
    columns on a line naming fewer is a group's name over them, 收入 over 项目 | 决算数, not a column.)"""
    extra: list[list[float]] = []
    right = max(hi for _, hi in bands)

    def over(x0: float, x1: float, spans) -> bool:
        return any(min(x1, hi) - max(x0, lo) > 0 for lo, hi in spans)

    def middle(lo: float, hi: float) -> float:
        return (lo + hi) / 2

    header, lines_of_header = [], []  # the header's lines (words only, before the first line of figures)
    for line, segments in cut:
        if _amounts(line, segments):
            break
        header.append([(line.xs[a], line.xs[b]) for a, b in segments])
        lines_of_header.append(line)
    names = [cell for cells in header for cell in cells]
    for line, cells in zip(lines_of_header, header):
        named = sum(over(x0, x1, bands) for x0, x1 in cells)
        words = [w for w in line.text.split() if w]
        panels = len(words) != len(set(words))  # 项目 | 决算数 | 项目 | 决算数: two panels' names, centred
        for x0, x1 in cells:
            if over(x0, x1, extra):
                continue
            if x0 > right:
                extra.append([x0, x1])
                continue
            if named < 2 or panels or over(x0, x1, bands):
                continue
            # between filled columns: a column of its own when the column nearest it is named by another
            # cell of the header, over it or nearer it (事业收入 beside 财政拨款收入); else that column's
            # own name set off its amounts (合计 centred left of its figures set flush right)
            near = min(bands, key=lambda band: abs(middle(*band) - middle(x0, x1)))
            mine = abs(middle(*near) - middle(x0, x1))
            if any(over(c0, c1, [near]) or abs(middle(*near) - middle(c0, c1)) < mine
                   for c0, c1 in names if (c0, c1) != (x0, x1)):
                extra.append([x0, x1])
    return sorted([*map(list, bands), *extra]) if extra else None


def _amounts(line: _Text, segments) -> int:
    return sum(1 for a, b in segments if _FIGURE.match(line.text[a:b]))


def _aligned(cut) -> list[list[float]]:
    """Columns from how cells line up: an amount's right edge, a word's left edge, each shared by two
    rows or more; each column spans its cells, overlapping ones merged ([] when fewer than three)."""
    anchors: list[tuple[float, str, float, float]] = []
    for line, segments in cut:
        if len(segments) < 2:
            continue
        for a, b in segments:
            x0, x1 = line.xs[a], line.xs[b]
            right = bool(_FIGURE.match(line.text[a:b]))
            anchors.append((x1 if right else x0, "R" if right else "L", x0, x1))
    groups: list[list[tuple[float, str, float, float]]] = []
    last: dict[str, list] = {}  # the latest group of each side: anchors come sorted, so it is the one to join
    for anchor in sorted(anchors):
        same = last.get(anchor[1])
        if same is not None and anchor[0] - same[-1][0] <= 2:
            same.append(anchor)
        else:
            last[anchor[1]] = [anchor]
            groups.append(last[anchor[1]])
    merged = _merge([min(a[2] for a in g), max(a[3] for a in g), g[0][1]] for g in groups if len(g) >= 2)
    for left, right in zip(merged, merged[1:]):  # the gap between two columns: the flush-right one's,
        if right[2] == "R":                      # else the flush-left one's (where a header may sit)
            right[0] = left[1] + 0.01
        elif left[2] == "L":
            left[1] = right[0] - 0.01
    return [[x0, x1] for x0, x1, _ in merged] if len(merged) >= 3 else []


def _rows_in(cut, merged):
    """The rows of ``cut`` in the columns ``merged``, with lines of one stretch put into the cells they
    wrapped from; None when the lines do not read as a table in them."""
    widest = len(merged)
    rows, figures, lines, wrapped = [], 0, [], []
    parents: list | None = None  # for each column, which name of the header line above stands over it
    for i, (line, segments) in enumerate(cut):
        if len(segments) < 2 and not (lines and _sparse_at(cut, i)):
            wrapped.append(line)  # (words wrapped from a cell, unless a row of one cell: a panel's item)
            continue
        lines.append(line)
        cells = _cut(line, merged, outside=True)
        if cells is None:
            return None  # two cells of one line in one column: not a table
        if not figures and not any(_FIGURE.match(text) for text, _, _ in cells):
            cells = _spanning(line, _names_below(cut[i + 1:], merged), cells, parents)
            parents = _parents(cells)
        figures += sum(1 for cell in cells if not isinstance(cell, str) and _FIGURE.match(cell[0])) >= 2
        rows.append(cells)
    figured = [t for t, row in zip(lines, rows)
               if any(not isinstance(c, str) and _FIGURE.match(c[0]) for c in row)]
    closest = min((b.top - a.top for a, b in zip(figured, figured[1:])), default=0.0)  # rows' least spacing
    took: set[tuple[int, int]] = set()  # cells that wrapped words went into (the rest of them may follow)
    glued = False  # whether a line of words went onto a header cell holding a name already
    pieces: dict[tuple[int, int], list[tuple[float, str]]] = {}  # each such cell's lines, by their tops
    for line in wrapped:
        # into the nearest row whose cell in its column is empty (words wrapped around the row's figures),
        # else the nearer of the rows just above it (words wrapped below their first line) and just below
        k = max(range(widest), key=lambda k: min(line.x1, merged[k][1]) - max(line.x0, merged[k][0]))
        if lines and line.top < lines[0].top and not rows[0][k][0]:  # a group's name over the header, centred
            while k and not rows[0][k - 1][0]:  # over its columns: it spans the header's blank cells there,
                k -= 1  # from the first (公务用车购置及运行费 over 小计 | 购置费 | 运行费)
        above = max((r for r, row_line in enumerate(lines) if row_line.top < line.top), default=None,
                    key=lambda r: lines[r].top)
        below = min((r for r, row_line in enumerate(lines) if row_line.top >= line.top + 0.9 * line.size),
                    default=None, key=lambda r: lines[r].top)
        # words wrapped above a row's figures (set by its middle line), stacked over them, never overlapping
        near = [(0 if not rows[r][k][0] or (r, k) in took and _goes_on(pieces[(r, k)], line) else 1,
                 abs(line.top - row_line.top), r)
                for r, row_line in enumerate(lines)
                if not isinstance(rows[r][k], str)  # (a column a centred name spans: its cell is that name's)
                and (not rows[r][k][0] or (r, k) in took or r in (above, below))
                and abs(line.top - row_line.top) <= 2.5 * line.size]
        # the line right under a cell's lowest line so far, that cell already gone on below its row's line
        # (its figures beside its first), as far under it as each of its lines is under the one before
        # and nearer it than any row's line: its next line (灾害防治及 ⏎ 应急管理支 ⏎ 出: the third line its
        # second's neighbour, not the next row's; not a line a row's gap further down, the next row's first
        # line of a name whose figures stand beside its last), where rows stand further apart than lines
        # (rows set a line apart: a name's lines and the next row's are told apart by nothing)
        under = []
        for (r, col), stacked in pieces.items():
            tops = sorted(top for top, _ in stacked if top >= lines[r].top)
            steps = [b - a for a, b in zip(tops, [*tops[1:], line.top])]
            if col == k and len(tops) >= 2 and 0 < steps[-1] <= _PITCH * line.size \
                    and max(steps) - min(steps) <= 0.2 * line.size and closest > max(steps) + 0.2 * line.size:
                under.append((steps[-1], r))
        if under and min(under)[0] < min((abs(line.top - row_line.top) for row_line in lines), default=0):
            near = [(0, 0.0, min(under)[1])]
        if not near:
            return None  # words that belong to no row: not a table read right
        r = min(near)[2]
        if line.top < lines[0].top and any(row == 0 for _, _, row in near):
            r = 0  # words above the first row: its cell's first line (机关运行经费预 ⏎ 算数), stacked on it
        text, box, _ = rows[r][k]
        glued = glued or bool(text) and (r, k) not in took and not any(
            not isinstance(c, str) and _FIGURE.match(c[0]) for c in rows[r])  # (a name put onto another's)
        stacked = pieces.setdefault((r, k), [(lines[r].top, text)] if text else [])
        stacked.append((line.top, line.text))  # top to bottom, however the lines came
        joined = "".join(t for _, t in sorted(stacked, key=lambda piece: piece[0]))
        rows[r][k] = (joined, box or (line.x0, line.top, line.x1, line.bottom), ())
        took.add((r, k))
    some = sum(1 for row in rows if any(not isinstance(c, str) and _FIGURE.match(c[0]) for c in row))
    full = [row for row in rows
            if all(not isinstance(c, str) and (_FIGURE.match(c[0]) or not c[0]) for c in row)
            and sum(1 for c in row if c[0]) * 2 > len(row)]
    return rows if figures >= 2 or widest >= 4 and some >= 3 \
        or widest >= 4 and len(full) == some == 1 and len(rows) >= 3 and not glued else None  # (a two-panel
    # table's rows hold one amount each, its left panel's run out: 九、卫生健康支出 64.33; a 三公 table of one
    # row under its header's lines, a figure in every column, no group's name over them put onto one of
    # their names: 公务用车购置及运行费 over 小计 | 购置费 | 运行费 is not the 购置费's)


_PITCH = 1.9  # the farthest apart, in type sizes, two lines of one cell are set (Word's 1.5 lines: 1.74)


def _goes_on(stacked: list[tuple[float, str]], line: _Text) -> bool:
    """Whether ``line`` may be the next line of a cell whose lines so far stand at ``stacked``'s tops: as far
    under the lowest as they stand apart (a cell of names centred on its row, 行政事业单位养 ⏎ 老支出 around
    its figures, is whole: a line further down opens the next row's name), or, one line known, any."""
    tops = sorted(top for top, _ in stacked)
    steps = [b - a for a, b in zip(tops, tops[1:])]
    return not steps or line.top - tops[-1] <= max(steps) + 0.2 * line.size


def _names_below(cut, bands) -> list | None:
    """Each column's name on the header lines after a line (the first line naming it) with that line's
    number, up to the first line of figures: the cells a name set above them may span. A name centred over
    two columns (公务用车运行费 over 预算数 | 决算数), though cut into one, names both."""
    below: list = [(("", None, ()), -1)] * len(bands)
    found = []
    for n, (line, segments) in enumerate(cut):
        if len(segments) < 2:
            continue
        cells = _cut(line, bands, outside=True)
        if cells is None or any(_FIGURE.match(text) for text, _, _ in cells):
            break
        found.append((n, cells))
    centres = [(box[0] + box[2]) / 2 if box else None for _, box, _ in found[-1][1]] if found else []
    for n, cells in found:
        for j, (text, box, xs) in enumerate(cells):
            for m in (j - 1, j + 1):
                if text and 0 <= m < len(bands) and not cells[m][0] and _centred(box, centres, j, m):
                    cells[m] = (text, box, xs)
        below = [seen if seen[0][0] else (cell, n) for seen, cell in zip(below, cells)]
    return below if any(cell[0] for cell, _ in below) else None


def _centred(box, centres: list, j: int, m: int) -> bool:
    """Whether a name's box is centred over columns ``j`` and ``m``, the deepest header line's names giving
    their middles."""
    if centres[j] is None or centres[m] is None:
        return False
    middle, between = (box[0] + box[2]) / 2, (centres[j] + centres[m]) / 2
    return abs(middle - between) <= 0.25 * abs(centres[m] - centres[j])


def _parents(cells: list) -> list:
    """For each cell of a header line, the index of the name standing over it (a name's own column, or the
    columns its span marks ``left``), None where none does."""
    out: list = []
    for j, cell in enumerate(cells):
        out.append(out[-1] if isinstance(cell, str) and out else j if not isinstance(cell, str) and cell[0]
                   else None)
    return out


def _spanning(line: _Text, below: list | None, cells: list, above: list | None = None) -> list:
    """A header line's cells, a name centred over several columns (基本支出 over 小计 | 人员经费 | 公用经费;
    公务用车购置及运行费 over 小计 | 购置费 | 运行费; a table without rules) put in the first of them, the
    others marked ``left``: the columns around the one it stands over whose names below are on one line
    (not a column named on a line between, its cell merged down: 合计, 项目支出) and whose cells on its own
    line are blank, two or more, its middle between their names'."""
    if below is None:
        return cells
    out = list(cells)
    named = [(k, cell, n) for k, (cell, n) in enumerate(below) if cell[0] and cell[1]]
    segments = line.segments()
    middles = [(line.xs[a] + line.xs[b]) / 2 for a, b in segments]
    for i, (a, b) in enumerate(segments):
        x0, x1 = line.xs[a], line.xs[b]
        middle = middles[i]
        if not named:
            break
        # a name centred over its columns spans no column nearer the middle of another name of its line
        # (项目 | 年初预算数 | 决算数 over 编码 | 名称 | 小计 | 基本 | 项目 | 小计 | 基本 | 项目: each
        # over its own three); a name not centred on the columns so reached (set flush left) is placed as
        # before
        k, _, row = min(named, key=lambda item: abs((item[1][1][0] + item[1][1][2]) / 2 - middle))
        bounded = ((middles[i - 1] + middle) / 2 if i else float("-inf"),
                   (middle + middles[i + 1]) / 2 if i + 1 < len(middles) else float("inf"))
        for reach in (bounded, (float("-inf"), float("inf"))):
            fits = [bool(cell[0]) and n == row and (above is None or above[j] is None or above[j] == above[k])
                    and (not out[j][0] or out[j][0] == line.text[a:b])
                    and reach[0] <= (cell[1][0] + cell[1][2]) / 2 <= reach[1]
                    for j, (cell, n) in enumerate(below)]
            lo = hi = k
            while lo - 1 >= 0 and fits[lo - 1]:
                lo -= 1
            while hi + 1 < len(below) and fits[hi + 1]:
                hi += 1
            first, last = below[lo][0][1], below[hi][0][1]
            if abs((first[0] + first[2] + last[0] + last[2]) / 4 - middle) <= 0.6 * line.size:
                break  # centred on the columns the nearer reach gives: those
        if hi == lo or not fits[k] or not (first[0] + first[2]) / 2 < middle < (last[0] + last[2]) / 2:
            continue
        out[lo] = (line.text[a:b], (x0, line.top, x1, line.bottom), line.xs[a:b + 1])
        for j in range(lo + 1, hi + 1):
            out[j] = "left"
    return out


def _extents(lines) -> list[list[float]]:
    """The x extents of the cells of ``lines`` (each with its segments), overlapping ones merged."""
    return _merge([line.xs[a], line.xs[b]] for line, segments in lines for a, b in segments)


def _merge(spans) -> list[list]:
    """``[x0, x1, …]`` spans sorted and overlapping ones merged (each keeping its first span's rest)."""
    merged: list[list] = []
    for span in sorted(spans):
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(list(span))
    return merged


def _refuse_unreadable(name: str, pages: list[_Page], kind: str) -> None:
    chars = sum(p.chars for p in pages)
    many = f"{len(pages)} page{'s' if len(pages) != 1 else ''}"
    if not chars and not any(p.drawn or p.images for p in pages):
        raise ReadError(f"{name}: a damaged or empty {kind}: nothing could be read from its {many} "
                        "(no text, no images, no drawings)")
    if not chars and not any(p.images for p in pages):  # a scan is images; lines alone are what is left
        raise ReadError(f"{name}: a damaged {kind}, or one whose text was drawn as outlines: its {many} hold "
                        "ruling lines and shapes but no text and no images; export it again with its text")
    if not chars:
        raise ReadError(f"{name}: the {kind} has no text layer (a scan?); run OCR on it first, "
                        "crossfoot reads text, not images")
    if sum(p.cids for p in pages) > chars * 0.1:
        raise ReadError(f"{name}: the {kind}'s fonts have no character map, so its text comes out as glyph "
                        "numbers; export it again with fonts embedded as text, or run OCR on it")


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove page numbers and running headers/footers from the top and bottom edges of pages; a table's
    unit line (单位：元) repeated at the top of each page is the table's, and stays."""
    def edge(page: _Page) -> list[_Text]:
        texts = [i for i in page.items if isinstance(i, _Text)]
        picked = texts[:2] + texts[-2:]
        return [t for t in picked if (t.top < page.height * _EDGE or t.bottom > page.height * (1 - _EDGE))
                and sum(1 for a, b in t.segments() if _FIGURE.match(t.text[a:b])) < 2]  # not a table's row

    def shape(page: _Page, t: _Text) -> tuple:
        """The line's text, digits aside, and the edge it sits at (a body line that ends one page and one
        that opens the next may read alike, digits aside, but sit at opposite edges)."""
        return re.sub(r"\d+", "#", t.text.replace(" ", "")), t.top < page.height * _EDGE

    seen = Counter(s for page in pages for s in {shape(page, t) for t in edge(page)})
    repeated = max(2, int(len(pages) * 0.4 + 0.999))
    for page in pages:
        drop = {id(t) for t in edge(page) if _PAGE_NUMBER.match(t.text)
                or seen[shape(page, t)] >= repeated and not _UNIT_LINE.search(t.text)}
        page.items = [i for i in page.items if id(i) not in drop]


def _lines(pages: list[_Page]) -> list[Line]:
    """Text lines and table rows in reading order, wrapped text lines marked as going on."""
    margins = {}
    for page in pages:
        long = [t for t in page.items if isinstance(t, _Text) and len(t.text) >= 8]
        margins[page.number] = (min((t.x0 for t in long), default=0.0),
                                max((t.x1 for t in long), default=0.0), len(long))
    # a page with hardly any text (captions over tables) takes the usual right margin of the pages of prose:
    # its own widest line ends short of the margin, and would read as wrapped
    prose = sorted(right for _, right, n in margins.values() if n >= _PROSE_LINES)
    usual = prose[len(prose) // 2] if prose else None
    margins = {k: (left, right if n >= _PROSE_LINES or usual is None else max(right, usual))
               for k, (left, right, n) in margins.items()}
    out: list[Line] = []
    sequence = [(page, item) for page in pages for item in page.items]
    tables: Counter = Counter()  # tables seen so far per page
    for i, (page, item) in enumerate(sequence):
        if isinstance(item, _Text):
            box = (item.x0, item.top, item.x1, item.bottom)
            piece = Piece(item.text, f"page {page.number}", page.number, box, item.xs)
            following = sequence[i + 1] if i + 1 < len(sequence) else (None, None)
            joins = _joins(item, page.number, margins[page.number], following, margins)
            out.append(Line([piece], joins=joins))
            continue
        tables[page.number] += 1
        number = tables[page.number]
        for r, row in enumerate(item, start=1):
            pieces = []
            for c, cell in enumerate(row, start=1):
                where = f"page {page.number}, table {number}, row {r}, column {c}"
                if isinstance(cell, str):
                    pieces.append(Piece("", where, page.number, merged=cell))
                else:
                    pieces.append(Piece(cell[0], where, page.number, cell[1], cell[2]))
            out.append(Line(pieces, kind="row"))
    return out


_REPORT_HEAD = lazy(r"20\d\d\s*年度?\s*(?:区级|市级|县级|省级)?\s*(?:部门|单位)\s*(?:预算|决算)\s*$")


_LEADERS = lazy(r"(?:…{2,}|\.{4,}|·{4,}|．{4,}|-{4,})\s*\d{1,4}\s*$")  # 一、主要职能……………3


_MID_WORD = "的和与及在对为是比较由从向把被将以于至等"  # characters after which a sentence never ends
# a line ending on a verb that wants its figure after it (分别占, 增长, 达到, 为): the figures moved on whole
_BEFORE_FIGURE = lazy(r"(?:分别占|分别为|占比为|占|增长|下降|增加|减少|达到|达|约为|共计|为)$")
# a quantity opening the next line (13.7%、, 4420.70万元, 12个), not a year opening a paragraph (2024年度…)
_QUANTITY_FIRST = lazy(r"[\d,.]+\s*(?:%|％|万|亿|元|个|人|家|项|次|辆|台|套|所|名|户|场|天|平方米|公里)")


_BODY_LARGEST = 16  # points: body text is set no larger (三号 in official documents), a cover's title is
_CLAUSED = lazy(r"[，,。；;：:]")  # a line of prose, not a heading


def _joins(line: _Text, at: int, margin: tuple[float, float], following, margins) -> bool:
    """Whether a paragraph goes on from ``line`` into the next: the line reaches the right margin and the
    next (on this page or the next) starts at the left margin, not indented as a first line is. A
    table's unit line is a line of its own (under a caption on a page holding little else, the caption is
    the widest line, so it seems to reach the margin), also with the unit at its end (部门（单位）名称：某局
    单位：元), and so is a caption opening a page.
    ``at`` is the number of ``line``'s page."""
    page, nxt = following
    if not isinstance(nxt, _Text) or any(_UNIT_ONLY.match(t.text) or _UNIT_END.search(t.text)
                                         for t in (line, nxt)) \
            or page.number != at and (_CAPTION.match(nxt.text) or _REPORT_HEAD.search(nxt.text)):
        return False  # (a caption or a report's title opening a page: 某图书馆2025年单位预算)
    if _LEADERS.search(line.text):
        return False  # a contents entry: its dot leaders reach the margin, its page number ends it
    if nxt.text[:1] in NEVER_FIRST and not _WHOLE_GROUPS.search(line.text):
        return True  # (、离退休干部用车0辆: no paragraph opens on a closing mark; its line was ragged)
    if _UNIT_CUT.search(line.text) and _UNIT_REST.match(nxt.text):
        return True  # 2026年预算9.90万 ⏎ 元，…: a figure's unit cut by the line's end, wherever it ended
    if line.size > 1.2 * nxt.size and nxt.size <= _BODY_LARGEST and page.number == at \
            and not _CLAUSED.search(line.text) and not _CUT_FIGURE.search(line.text):
        return False  # a heading set larger (目 录 over the entries: on a page of short lines, the widest;
        # not a cover's lines, both large, nor prose whose figures are set larger)
    left = margins[page.number][0]
    word = _FIGURE_WORD.match(nxt.text) or _WORD.match(nxt.text) or _CJK_WORD.match(nxt.text) \
        or _OPENED_WORD.match(nxt.text)
    width = nxt.xs[word.end()] - nxt.xs[0] if word and word.end() < len(nxt.xs) else nxt.size
    slack = 0.5 if _WORD.match(nxt.text) else 1.0  # CJK lines are justified by spreading the characters
    room = margin[1] - line.x1  # the next line's first word did not fit here: the line was wrapped
    if nxt.x0 > left + 0.8 * nxt.size or _ITEM.match(nxt.text):
        return False
    if _WHOLE_GROUPS.search(line.text) and nxt.text[:1].isdigit():
        return False  # 住房公积金 28,084,220 | 221 02 03 购房补贴: rows of an unruled table, not a paragraph
    # a figure cut by the line's end (2, | 560.00; 7. | 19万元; 增长2 | .95%; 4.38万 | 元) goes on, wherever
    # a line of prose ended (a line wrapped at a character count ends short of the margin)
    cut = _CUT_FIGURE.search(line.text) and _GOES_ON.match(nxt.text) and not (
        line.text[-1] in ",." and nxt.text[0] in ",.")
    if room < width + slack * line.size or bool(cut) and line.x1 - left >= 0.6 * (margin[1] - left):
        return True
    # a line set ragged (left-aligned) ending short by a word too long to fit (…比2023年度的 | 4420.70万元),
    # mid-sentence: a particle or a name, no mark closing anything, and most of the line's width
    if _BEFORE_FIGURE.search(line.text) and _QUANTITY_FIRST.match(nxt.text) \
            and line.x1 - left >= 0.5 * (margin[1] - left) \
            and not _CAPTION.match(line.text) and not _ITEM.match(line.text):
        return True  # …分别占 | 13.7%、27.5%、57.6%。: a verb wanting its figure, the figures kept whole
    return line.text[-1] in _MID_WORD and line.x1 - left >= 0.8 * (margin[1] - left) \
        and nxt.text[:1].isdigit() and not _CAPTION.match(line.text) and not _ITEM.match(line.text)
