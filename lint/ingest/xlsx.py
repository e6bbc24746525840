"""XLSX (Excel, WPS): each visible sheet's cells as shown, read with openpyxl.

预算/决算 tables are exchanged as workbooks, one table a sheet (or several, one under another). A sheet
becomes its name as a heading, then its rows in order over the columns it uses:

* a cell reads as Excel shows it: its number format gives the decimals, the thousands separator and the
  percent sign (1234.5 under ``#,##0.00`` is ``1,234.50``; 0.125 under ``0.0%`` is ``12.5%``), so a figure
  keeps the precision the reader sees; ``General`` shows up to 11 significant digits, as Excel does. A
  formula's cached value is read (a workbook saved by Excel or WPS has one; a formula never calculated
  reads empty, and a note says how many);
* a merged cell gives its text once, in its top-left cell, the rest empty (as DOCX tables are read);
* rows and columns hidden in Excel are left out, as they are from the sheet shown or printed (a stale row
  hidden rather than deleted is not summed), and so is a column blank in every row and under no merged cell
  (a spacer between a 收支总表's halves);
* a row with a single filled cell above or below the sheet's rows of several cells (the title, 编制单位,
  单位：万元, a 注：) is a paragraph, as is one merged across most of the table's width; any other row is a
  table row, so a table is recovered from the sheet as from any other format.

Hidden sheets are not read (a template's lookup lists). Places: ``sheet 表3, cell D12``.
"""

from __future__ import annotations

import datetime
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from ..model import Document
from ..regex import lazy
from .layout import UNPACKED_LIMIT, Line, Piece, assemble, clean
from .text import ReadError

CELLS_LIMIT = 2_000_000  # cells a workbook may have: a report's have thousands
# a formula with no value saved: nothing, or an empty <v>, between it and the end of its cell
_NO_VALUE = lazy(rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*"
                       rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")
_QUOTED = lazy(r'"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.')
_CELL_LONGEST = 32_767  # characters of a cell kept: as many as Excel holds in one
TEXT_LIMIT = 32 << 20  # characters a workbook's cells may hold: a shared string in 200,000 cells is 48 G
_SHOWN_PLACES = 15  # decimals a cell can show that mean anything (Excel keeps 15 significant digits)


def read(path: str | Path, display: str | None = None) -> Document:
    name = display or str(path)
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(i.file_size for i in package.infolist())
            if unpacked <= UNPACKED_LIMIT:
                uncalculated = sum(len(_NO_VALUE.findall(package.read(i))) for i in package.infolist()
                                   if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml"))
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError):
        with open(path, "rb") as handle:
            head = handle.read(4)
        what = ("an encrypted workbook or a legacy .xls file (save it as .xlsx without a password)"
                if head == b"\xd0\xcf\x11\xe0" else "not an XLSX file (not a ZIP package)")
        raise ReadError(f"{name}: {what}") from None
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    if unpacked > UNPACKED_LIMIT:
        raise ReadError(f"{name}: unpacks to {unpacked // 2**20} MB, more than a report's "
                        f"{UNPACKED_LIMIT // 2**20} MB (a zip bomb?); not read")
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged package
        raise ReadError(f"{name}: a damaged XLSX ({type(exc).__name__}: {exc})") from None
    lines: list[Line] = []
    held = 0  # characters the sheets' cells hold so far
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        grid = _grid(sheet, TEXT_LIMIT - held)
        if grid is None:
            raise ReadError(f"{name}: its cells hold more than {TEXT_LIMIT >> 20} M characters, more than a "
                            "report's (one long text repeated in every cell?); not read")
        rows = {r for r, _ in grid.cells}
        columns = {c for _, c in grid.cells}
        tall = max(rows) - min(rows) + 1 if rows else 0
        wide = max(columns) - min(columns) + 1 if columns else 0
        if tall * wide > CELLS_LIMIT:  # (of the cells that hold something)
            raise ReadError(f"{name}: sheet {sheet.title} spans {tall} rows × {wide} columns, more than a "
                            "report's tables; not read")
        held += grid.held
        lines += sheet_lines(grid)
    notes = ()
    if uncalculated:
        from ..model import Finding, Severity, Span

        notes = (Finding(code="ENC003", name="formula-without-value", severity=Severity.WARNING,
                         message=f"{uncalculated} formula cell(s) have no saved value (the workbook was "
                         "never calculated): they read empty; open and save it in Excel or WPS first",
                         path=name, span=Span(1, 1, 1, 2)),)
    return assemble(name, lines, notes=notes)


@dataclass
class Grid:
    """One visible sheet as read: its title, the text of its shown cells by ``(row, column)`` (from 1), its
    merged ranges ``(first row, first column, last row, last column)``, and its hidden rows and columns."""

    title: str
    cells: dict[tuple[int, int], str]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    rounded: set[tuple[int, int]] = field(default_factory=set)
    """Cells whose stored number has digits its format does not show (2370957.05 shown 2,370,957)."""
    held: int = 0
    """Characters its cells hold."""

    def put(self, row: int, column: int, value, number_format: str) -> None:
        """Record a cell as Excel shows it, and whether its format hides digits of its value."""
        text = shown(value, number_format)[:_CELL_LONGEST]
        self.cells[(row, column)] = text
        self.held += len(text)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and _hides(value, text):
            self.rounded.add((row, column))


def _grid(sheet, room: int) -> Grid | None:
    """An openpyxl worksheet as a :class:`Grid`, or None when its cells hold more than ``room`` characters
    (told as soon as they do)."""
    hidden = _hidden_columns(sheet)
    merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
    grid = Grid(sheet.title, {}, merged, set(), hidden)
    # the cells the sheet holds, not every place up to its farthest one: an empty cell carrying only a
    # format at IV65536 (a converted .xls's corner) makes max_row × max_column 16 million places
    cells = getattr(sheet, "_cells", None)
    found = sorted(cells.items()) if isinstance(cells, dict) else \
        (((c.row, c.column), c) for row in sheet.iter_rows() for c in row)
    for (row, column), cell in found:
        if sheet.row_dimensions[row].hidden:
            grid.hidden_rows.add(row)
            continue
        if cell.value is not None and column not in hidden:
            grid.put(row, column, cell.value, cell.number_format)
            if grid.held > room:
                return None
    return grid


def sheet_lines(grid: Grid) -> list[Line]:
    """The lines of one sheet: its title as a heading, then its rows as paragraphs or table rows."""
    covered: dict[tuple[int, int], str] = {}
    width_of: dict[tuple[int, int], int] = {}
    for r0, c0, r1, c1 in grid.merged:
        width_of[(r0, c0)] = c1 - c0 + 1
        for r in range(r0, min(r1, r0 + 10_000) + 1):
            for c in range(c0, min(c1, c0 + 16_384) + 1):
                if (r, c) != (r0, c0):
                    covered[(r, c)] = "left" if r == r0 else "up"
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), value in sorted(grid.cells.items()):
        if (r, c) in covered or r in grid.hidden_rows or c in grid.hidden_columns:
            continue  # a row or column hidden in Excel is not part of the report as shown or printed
        text = clean(value)
        if text:
            by_row.setdefault(r, []).append((c, text))
    rows = sorted(by_row.items())
    if not rows:
        return []
    first = min(c for _, cells in rows for c, _ in cells)
    last = max(c for _, cells in rows for c, _ in cells)
    several = [i for i, (_, cells) in enumerate(rows) if len(cells) > 1]
    # a column blank in every row and under no merged cell: a spacer between a table's halves, not a column
    wide = {r for r, cells in rows if len(cells) > 1}  # (a title merged across the sheet is no column)
    shown = {c for _, cells in rows for c, _ in cells} | {c for r, c in covered if r in wide}
    title = grid.title
    lines = [Line([Piece(title, f"sheet {title}")], kind="heading")]
    for i, (r, cells) in enumerate(rows):
        if len(cells) == 1:
            (c, text), = cells
            spread = width_of.get((r, c), 1)
            if not several or i < several[0] or i > several[-1] or spread * 2 > last - first + 1:
                lines.append(Line([Piece(text, f"sheet {title}, cell {_name(c)}{r}")]))
                continue
        texts = dict(cells)
        lines.append(Line([Piece(texts.get(c, ""), f"sheet {title}, cell {_name(c)}{r}",
                                 merged=covered.get((r, c), ""), rounded=(r, c) in grid.rounded)
                           for c in range(first, last + 1) if c not in grid.hidden_columns and c in shown],
                          kind="row"))
    return lines


def _hidden_columns(sheet) -> set[int]:
    """The columns hidden in Excel (each dimension may stand for a range of columns)."""
    out: set[int] = set()
    for dim in sheet.column_dimensions.values():
        if dim.hidden and dim.min and dim.max:
            out.update(range(dim.min, min(dim.max, dim.min + 16384) + 1))
    return out


def _name(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def shown(value, number_format: str = "General") -> str:
    """``value`` as Excel shows it under ``number_format`` (decimals, thousands separator, percent, quoted
    literal text); dates as ISO dates; text as it is."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if not isinstance(value, (int, float)):
        return str(value)
    sections = (number_format or "General").split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    literal = "".join(m.group(1) or m.group(2) or "" for m in _QUOTED.finditer(section))
    plain = _QUOTED.sub("", section)
    if plain.strip().lower() in ("general", "@", "") or not re.search(r"[0#?]", plain):
        text = _general(value)
        return text + literal if "general" in plain.lower() or not plain.strip() else text
    digits = re.search(r"[0#?,.]*[0#?][0#?,.]*", plain).group()
    decimals = len(re.sub(r"[^0#?]", "", digits.split(".", 1)[1])) if "." in digits else 0
    grouped = "," in digits.split(".")[0].strip(",")
    # Excel rounds the decimal it shows (15 significant digits) half away from zero: 1.005 shows 1.01
    exact = Decimal(repr(abs(value)) if isinstance(value, float) else abs(value))
    exact *= 100 if "%" in plain else 1
    try:  # (a format of 30 decimals, or a value of 1e300, is past what Decimal quantizes: shown as General)
        scaled = exact.quantize(Decimal(1).scaleb(-min(decimals, _SHOWN_PLACES)), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return _general(value) + literal
    body = f"{scaled:,f}" if grouped else f"{scaled:f}"
    if "%" in plain:
        body += "%"
    head, _, tail = plain.partition(digits)
    wrap = ("(", ")") if value < 0 and "(" in head and ")" in tail else ("", "")
    sign = "-" if value < 0 and not wrap[0] else ""
    prefix = literal if literal and section.find('"') < section.find(digits[0]) else ""
    suffix = literal if literal and not prefix else ""
    return f"{sign}{wrap[0]}{prefix}{body}{suffix}{wrap[1]}"


def _hides(value, text: str) -> bool:
    """Whether ``text`` (a number as shown) leaves out digits of ``value``: 2370957.05 shown 2,370,957."""
    plain = text.replace(",", "").strip("()%").lstrip("-")
    try:
        shown_value = Decimal(plain)
    except ArithmeticError:
        return False
    exact = abs(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
    return shown_value != (exact * 100 if text.endswith(("%", "%)")) else exact)


def _general(value) -> str:
    if isinstance(value, int) or float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.11g}"
    return text if "e" not in text else f"{value:.5E}"
