"""Records: a table's rows regrouped where a converter wrapped one row's cells over several lines.

Indicator tables (年度目标值 / 实际完成值 / 完成率) hold sentences, and a PDF converter writes each wrapped
line of them as a row of its own. A record starts at a *key row* (one whose 序号, completion rate or
indicator name is filled) and takes the rows after it whose key is empty: the lines its cells wrapped onto.

Converters lay such rows out in two ways. Top-aligned: the key on the first line, the wrapped text below;
rows above the first key of a page are then the tail of the last record of the page before. Centred: the
key halfway down its text, lines above and below; rows above the first key of a page then already carry a
label (text in a label column) of their own record. Centred pages cannot be cut into records reliably, so
:func:`records` leaves them out and returns where they start, for an ``info`` finding rather than garbage.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from ..model import Cell, Table


@dataclass(frozen=True, slots=True)
class Record:
    """One logical row: the key row and the rows its cells wrapped onto, as body row indices."""

    rows: tuple[int, ...]

    @property
    def row(self) -> int:
        return self.rows[0]

    def cells(self, table: Table, col: int) -> list[Cell]:
        """The filled cells of column ``col`` over the record's lines, top to bottom."""
        return [table.rows[r][col] for r in self.rows if table.rows[r][col].text]


def records(table: Table, is_key: Callable[[tuple[Cell, ...]], bool],
            labels: Collection[int]) -> tuple[list[Record], list[int]]:
    """The records of ``table`` and the first source line of every page that reads as centred."""
    out: list[list[int]] = []
    centred: list[int] = []
    starts = sorted({0, *table.breaks})
    for page, start in enumerate(starts):
        end = starts[page + 1] if page + 1 < len(starts) else len(table.rows)
        rows = range(start, end)
        first = next((r for r in rows if is_key(table.rows[r])), end)
        head = range(start, first)
        if any(table.rows[r][j].text for r in head for j in labels):
            line = next(c.span.line for r in rows for c in table.rows[r] if c.span is not None)
            centred.append(line)
            continue
        if out:
            out[-1].extend(head)  # the tail of the record the page before ended with
        for r in range(first, end):
            if is_key(table.rows[r]):
                out.append([r])
            else:
                out[-1].append(r)
    return [Record(tuple(r)) for r in out], centred
