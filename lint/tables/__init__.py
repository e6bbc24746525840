"""Tables: recovering them from flattened text, and reading their cells as numbers.

``recover(doc)`` finds every table of a document (see :mod:`crossfoot.tables.recovery`); the helpers here read
a cell as a number and name a row, for the table kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Block, Cell, Figure, Table

__all__ = ["Value", "cell_figure", "cell_figures", "classified", "number", "parts", "precision", "row_label"]

_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_CODE = re.compile(r"^\d{2,7}$")
_OUTLINE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                      r"|\d{1,2}[、．](?!\d))\s*")
_NUMBER = re.compile(r"^([-−－]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%|％|分)?$")


@dataclass(frozen=True, slots=True)
class Value:
    value: Decimal
    decimals: int
    percent: bool


def number(text: str) -> Value | None:
    """A cell's number (``19904.36``, ``-8.27%``, ``1,234.5``, ``3分``), or None if the cell is not one."""
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    sign, whole, frac, unit = m.groups()
    digits = whole.replace(",", "") + (frac or "")
    value = Decimal(digits)
    return Value(-value if sign else value, len(frac) - 1 if frac else 0, unit in ("%", "％"))


def row_label(table: Table, row: int) -> str:
    """A row's label: its non-numeric cells, joined."""
    return " ".join(c.text for c in table.rows[row] if c.text and number(c.text) is None)


def parts(table: Table, col: int, totals) -> list[int] | None:
    """The columns that column ``col`` adds up, as the header's lines declare it, or None.

    ``col`` is a total column when one of its header lines below the first is a ``totals`` word
    (合计, 小计) under a spanning name: 财政拨款“三公”经费 over 合计 | 因公出国（境）费 | 公务用车购置及运行费
    | 公务接待费. Its parts are its siblings under that name, one column each, matching its own names on
    the lines below (预算数 beside 预算数); a sibling that spans several columns counts through its own
    total or the column with no name of its own there (公务用车购置及运行费 through its 小计, not its 购置费).
    None when the header does not say, or a sibling has no single such column.
    """
    lines = table.levels
    path = [re.sub(r"\s+", "", line[col]) for line in lines]
    k = next((m for m in range(1, len(path)) if path[m] in totals and path[m] != path[m - 1]), None)
    if k is None:
        return None
    above = [line[col] for line in lines[:k]]
    under = [c for c in range(len(table.header)) if [line[c] for line in lines[:k]] == above]
    found: dict[str, list[int]] = {}
    for c in under:
        name = re.sub(r"\s+", "", lines[k][c])
        if name == path[k] or not _amounts(table, c):
            continue  # the total itself (预算数 beside 决算数), or a column of labels (支出项目)
        if all((lines[m][c] in ("", *totals)) if not path[m] else re.sub(r"\s+", "", lines[m][c]) == path[m]
               for m in range(k + 1, len(lines))):
            found.setdefault(name, []).append(c)
    if len(found) < 2 or any(len(cs) != 1 or not name for name, cs in found.items()):
        return None
    return [cs[0] for cs in found.values()]


def _amounts(table: Table, col: int) -> bool:
    """A column whose filled cells are mostly numbers (or that is blank: an empty part is 0)."""
    filled = [r[col].text for r in table.rows if r[col].text]
    return sum(1 for t in filled if number(t) is not None) * 2 >= len(filled)


def classified(table: Table, column: int | None) -> list[tuple[str, str, Cell | None]]:
    """Each row as ``(code, name, cell)``: its classification code (201, 20805, 2080501; 201 | 13 | 01
    in 类 款 项 columns, joined), its name (the first text cell, an outline number such as 八、 left out),
    and its cell in ``column`` (codes and name read left of it; with None, from the whole row, and no
    cell). Rows without a code have code ''."""
    rows = []
    for row in table.rows:
        code, name = "", ""
        for cell in row[:column]:
            text = re.sub(r"\s+", "", cell.text)
            if not name and _CODE.match(text) and (not code or len(text) == 2):
                code += text
            elif text and number(text) is None and not name:
                name = _OUTLINE.sub("", text)
        rows.append((code, name, row[column] if column is not None else None))
    return rows


def precision(table: Table, col: int) -> int:
    """The decimals a column is written to: the most any of its numbers shows."""
    found = [v.decimals for v in (number(r[col].text) for r in table.rows if r[col].text) if v is not None]
    return max(found, default=0)


def cell_figure(table: Table, row: int, col: int, unit: str = "") -> Figure | None:
    """A numeric cell as a :class:`Figure` (so table kinds judge through the same interval machinery).

    Converters and spreadsheets drop trailing zeros (``10`` beside ``9.95``), so a whole number in a column
    that shows decimals elsewhere is taken at the column's precision: ``10`` there is ``10.00``, not
    ``[9.5, 10.5]``. A cell that shows decimals keeps its own (``1.7`` may be 1.69 rounded).
    """
    cell: Cell = table.rows[row][col]
    parsed = number(cell.text) if cell.text else None
    if parsed is None or cell.span is None:
        return None
    return Figure(value=parsed.value, text=cell.text, decimals=parsed.decimals or precision(table, col),
                  unit="%" if parsed.percent else unit, start=0, end=len(cell.text), block=-1,
                  span=cell.span, label=f"{row_label(table, row)} {table.header[col]}".strip())


def cell_figures(cells: list[Cell]) -> list[Figure]:
    """The figures of a cell's text wrapped over several cells (one per line), each with its own span.

    The lines are read as one text, and a blank next to a Chinese character is dropped first: converters
    break words and numbers across lines and blanks (``不少 于20个``, ``2800 亿 元``).
    """
    from ..figures.extract import extract

    text, origins = "", []
    for cell in cells:
        if cell.span is None:
            continue
        at = 0
        for piece in _CJK_GAP.split(cell.text):
            at = cell.text.index(piece, at)
            if piece:
                origins.append((len(text), cell.span.line, cell.span.column + at))
                text += piece
            at += len(piece)
    if not origins:
        return []
    return extract(Block(text, tuple(origins), kind="cell"), -1)


def recover(doc):
    """Every table of a document, in reading order."""
    from .recovery import recover as _recover

    return _recover(doc)
