"""The levels of an indicator sheet laid out across (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值).

Each level is a name column headed by its level (一级指标, 二级指标, 三级指标) and the value columns after
it up to the next level's name (分值, 得分). A group's name and values stand on its first row, printed
once over its rows (a merged cell: the rows below it blank) or repeated on each of them (a text export of
merged cells). A new group starts where its name changes or a group of a level above starts, and holds the
groups of the level below that start within it: 决策 20 holds 项目立项 10 and 绩效目标 10.

A sheet is read so only when every group is whole: its name on its first row, with each of its values there
and, on its other rows, blank or the same. Anything else (a name centred in its merged cell lands on a middle
row, a value that changes within a group) is a layout not understood, and :func:`read` gives None.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Table
from ..regex import lazy
from . import number

_LEVEL = lazy(r"^\s*([一二三四])\s*级")
_RANKS = "一二三四"
_WORDS = ("分值", "得分")  # not 权重: a level's weights are often of its group, not of the whole
_TOTAL = lazy(r"^\s*(?:合\s*计|总\s*计|总\s*分|总得分|得分合计)")


@dataclass(frozen=True)
class Sheet:
    names: tuple[int, ...]
    """The name column of each level, top level first."""
    columns: dict[str, tuple[int | None, ...]]
    """A value word (分值, 得分) → its column at each level (None where a level has none)."""
    starts: tuple[frozenset[int], ...]
    """The rows where a group of each level starts."""
    end: int
    """The first row after the groups (a 合计 row, or the table's end)."""
    rows: tuple = field(repr=False, compare=False, default=())

    def level(self, col: int) -> int | None:
        """The level whose value column ``col`` is, or None."""
        return next((k for cols in self.columns.values() for k, c in enumerate(cols) if c == col), None)

    def name(self, row: int, col: int) -> str:
        """The name of the group whose value ``col`` holds on ``row`` (决策 for its 分值)."""
        return self.rows[row][self.names[self.level(col)]].text.strip()

    def first_rows(self, col: int) -> frozenset[int] | None:
        """The rows of ``col`` that state a group's value (the others repeat it or are blank), or None when
        ``col`` is no level's value column."""
        k = self.level(col)
        return None if k is None else self.starts[k]

    def nested(self):
        """``(row, col, [(row, col), ...])`` for each group's value and its groups' values one level down, of
        the same word (决策 分值 over 项目立项 分值 and 绩效目标 分值)."""
        for cols in self.columns.values():
            for k in range(len(cols) - 1):
                if cols[k] is None or cols[k + 1] is None:
                    continue
                starts = sorted(self.starts[k])
                for a, b in zip(starts, [*starts[1:], self.end]):
                    subs = sorted(r for r in self.starts[k + 1] if a <= r < b)
                    yield a, cols[k], [(r, cols[k + 1]) for r in subs]


def named(header: str) -> bool:
    """Whether a column's header names a level of indicators (一级指标, 二级 指标)."""
    return _LEVEL.match(header) is not None and "指标" in header


def across(headers) -> bool:
    """Whether headers name two levels of indicators or more, each deeper than the one before (一级指标 | … |
    二级指标: one sheet's levels; 一级指标 | … | 一级指标 are panels side by side)."""
    ranks = [_RANKS.index(_LEVEL.match(h).group(1)) for h in headers if named(h)]
    return len(ranks) >= 2 and all(a < b for a, b in zip(ranks, ranks[1:]))


def read(table: Table) -> Sheet | None:
    """The levels of ``table``, or None when it is no indicator sheet laid out across or a group is not
    whole."""
    return table.once("levels", lambda: _read(table))


def _read(table: Table) -> Sheet | None:
    names = tuple(j for j, h in enumerate(table.header) if named(h))
    if not across(table.header) or not table.rows:
        return None
    end = next((i for i, r in enumerate(table.rows) if r and _TOTAL.match(r[0].text)), len(table.rows))
    if end < 2:
        return None
    columns: dict[str, list[int | None]] = {}
    for k, name in enumerate(names):
        stop = names[k + 1] if k + 1 < len(names) else len(table.header)
        for word in _WORDS:
            col = next((j for j in range(name + 1, stop) if word in table.header[j]
                        and "率" not in table.header[j]), None)
            columns.setdefault(word, [None] * len(names))[k] = col
    columns = {w: cols for w, cols in columns.items() if sum(c is not None for c in cols) >= 2}
    if not columns:
        return None
    starts: list[frozenset[int]] = []
    above: frozenset[int] = frozenset({0})
    for name in names:
        texts = [table.rows[i][name].text.strip() for i in range(end)]
        mine = frozenset(i for i in range(end)
                         if texts[i] and (i == 0 or texts[i] != texts[i - 1] or i in above))
        if not above <= mine or 0 not in mine:
            return None  # a group above starts where this level names nothing: not whole
        starts.append(mine)
        above = mine
    for cols in columns.values():
        for k, col in enumerate(cols):
            if col is not None and not _whole(table, starts[k], end, col):
                return None
    return Sheet(names, {w: tuple(c) for w, c in columns.items()}, tuple(starts), end, table.rows)


def _whole(table: Table, starts: frozenset[int], end: int, col: int) -> bool:
    """Whether each group's value in ``col`` is a number on its first row, blank or repeated on the rest."""
    first = ""
    for i in range(end):
        text = table.rows[i][col].text.strip()
        if i in starts:
            if number(text) is None:
                return False
            first = text
        elif text and text != first:
            return False
    return True
