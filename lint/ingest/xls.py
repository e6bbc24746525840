"""XLS (Excel 97–2003, and the .xls WPS saves): each visible sheet's cells as shown, read with xlrd.

The legacy workbook is read as an XLSX is (:mod:`.xlsx`, whose notes hold): xlrd (BSD) gives each cell's
value and, with ``formatting_info``, its number format, the merged ranges and the hidden rows and
columns, so a figure keeps the precision Excel shows (``1234.5`` under ``#,##0.00`` reads ``1,234.50``) and
a sheet becomes the same lines. A formula's value is the one Excel saved with it.

Refused with a reason: a file that is not a legacy workbook (an XLSX renamed ``.xls`` is read as the XLSX
it is), an encrypted one, a damaged one.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Document
from . import xlsx
from .layout import assemble
from .text import ReadError

_OLE = b"\xd0\xcf\x11\xe0"
_EMPTY = (0, 6)  # XL_CELL_EMPTY, XL_CELL_BLANK
_DATE, _BOOLEAN, _ERROR = 3, 4, 5


def read(path: str | Path, display: str | None = None) -> Document:
    name = display or str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    if head.startswith(b"PK"):
        return xlsx.read(path, name)  # an XLSX saved under the old name
    if head != _OLE:
        raise ReadError(f"{name}: not an XLS file (not an Excel 97–2003 workbook)")
    try:
        import xlrd
    except ImportError:  # pragma: no cover - a core dependency
        raise ReadError(f"{name}: reading XLS needs xlrd (pip install xlrd)") from None
    try:
        import io

        # (xlrd prints its warnings on a damaged file to stdout, where they would break a JSON or SARIF
        # output: they go to a log of its own, unread)
        book = xlrd.open_workbook(path, formatting_info=True, on_demand=True, logfile=io.StringIO())
    except Exception as exc:  # noqa: BLE001 - xlrd raises its own and struct errors on damaged files
        said = str(exc)
        if "encrypt" in said.lower():
            raise ReadError(f"{name}: the workbook is encrypted; save an unprotected copy to check it") \
                from None
        raise ReadError(f"{name}: a damaged XLS ({type(exc).__name__}: {said[:200]})") from None
    lines = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.visibility != 0:
                continue  # a hidden sheet (a template's lookup lists) is not read
            if sheet.nrows * sheet.ncols > xlsx.CELLS_LIMIT:
                raise ReadError(f"{name}: sheet {sheet.name} spans {sheet.nrows} rows × {sheet.ncols} "
                                "columns, more than a report's tables; not read")
            lines += xlsx.sheet_lines(_grid(book, sheet))
            book.unload_sheet(index)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet record
        raise ReadError(f"{name}: a damaged XLS ({type(exc).__name__}: {str(exc)[:200]})") from None
    finally:
        book.release_resources()
    return assemble(name, lines, encoding="xls")


def _grid(book, sheet) -> xlsx.Grid:
    """An xlrd sheet as a :class:`~.xlsx.Grid` (rows and columns counted from 1, as in Excel)."""
    import xlrd

    grid = xlsx.Grid(sheet.name, {}, [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells])
    grid.hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    grid.hidden_columns = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            if cell.ctype in _EMPTY or cell.ctype == _ERROR:
                continue
            value = cell.value
            if cell.ctype == _DATE:
                try:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    pass
            elif cell.ctype == _BOOLEAN:
                value = bool(value)
            elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
                value = int(value)
            grid.put(r + 1, c + 1, value, _format(book, cell.xf_index))
    return grid


def _format(book, xf_index: int | None) -> str:
    """The number format of a cell's style, ``General`` when it has none."""
    try:
        return book.format_map[book.xf_list[xf_index].format_key].format_str or "General"
    except (IndexError, KeyError, TypeError):
        return "General"
