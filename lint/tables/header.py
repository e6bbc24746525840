"""A table's header as a tree of columns, and the sums it declares.

The header's lines (``Table.levels``, a name per column and line, a merged cell's name in each column it
spans) make a tree: on each line, consecutive columns under one parent that carry the same name are one
node, the node's children are read from the lines below within its columns, and an empty name (a cell
spanning down from above) adds no node on that line. 本年支出 over 预算数 over 合计 | 基本支出 (人员经费 |
公用经费) | 项目支出 is such a tree.

A node with a **total** child (its name is, or ends with, a ``totals`` word: 合计, 小计, 本年支出合计)
declares that the total's column is the sum of its siblings: each sibling through its own total when it has
one (公务用车购置及运行费 through its 小计), else through its leaf columns (基本支出 through 人员经费 and 公用
经费). When the total has columns of its own below it (合计 over 预算数 | 决算数), the sum holds for each of
them, against the siblings' columns of the same name. Columns of labels (科目名称) are no parts: only columns
of amounts count, a blank one as 0; a total naming its measure (决算数合计) adds no sibling naming another
(年初预算数 beside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..interval import Interval, stated
from ..interval import total as interval_total
from ..model import Table
from ..regex import lazy
from . import CLASS_COLUMN, NOTHING, number

_BLANKS = lazy(r"\s+")


@dataclass
class Node:
    name: str
    start: int
    end: int
    """Past the node's last column."""
    children: list[Node] = field(default_factory=list)

    @property
    def leaf(self) -> bool:
        return not self.children

    def leaves(self) -> list[Node]:
        return [self] if self.leaf else [n for c in self.children for n in c.leaves()]


def tree(table: Table) -> list[Node]:
    """The header's top-level nodes, left to right."""
    lines = [tuple(_BLANKS.sub("", n) for n in line) for line in (table.levels or (table.header,))]
    return _build(lines, 0, 0, len(table.header))


def _build(lines, depth: int, a: int, b: int) -> list[Node]:
    if depth >= len(lines):
        return []
    line, out, j = lines[depth], [], a
    while j < b:
        name = line[j] if j < len(line) else ""
        k = j + 1
        while k < b and (line[k] if k < len(line) else "") == name:
            k += 1
        if name:
            out.append(Node(name, j, k, _build(lines, depth + 1, j, k)))
        else:
            out += _build(lines, depth + 1, j, k)  # nothing on this line: the columns go on below
        j = k
    return out


def sums(table: Table, totals) -> list[tuple[int, list[int]]]:
    """``(total column, part columns)`` for every sum the header declares (see the module's notes)."""
    amounts = [_amounts(table, j) for j in range(len(table.header))]
    out: list[tuple[int, list[int]]] = []

    def visit(nodes: list[Node]) -> None:
        found = _sums(nodes, totals, amounts, table)
        out.extend(found)
        for node in nodes:
            visit(node.children)

    visit(tree(table))
    return out


def _is_total(node: Node, totals) -> bool:
    return any(node.name == w or node.name.endswith(w) for w in totals)


def _sums(siblings: list[Node], totals, amounts, table: Table) -> list[tuple[int, list[int]]]:
    cut = [n for n in siblings if _FRAGMENT.fullmatch(n.name)]
    if cut:  # (a sibling named by one character, 数: the rest of its name printed above an unruled grid,
        # 机关运行经费预算 / 数, so what the column is the header does not say: the sum without it, when a
        # row adds up so and none with it, and it stands after the parts, not among them)
        rest = [n for n in siblings if n not in cut]
        extra = [c.start for n in cut for c in n.leaves()]
        return [(total, parts) for total, parts in _sums(rest, totals, amounts, table)
                if min(extra) > max(parts) and _rows_add_up(table, total, parts, extra)]
    marked = [n for n in siblings if _is_total(n, totals)]
    if len(marked) != 1:
        return []
    total = marked[0]
    own = set(_MEASURE.findall(total.name))
    others = [n for n in siblings if n is not total and any(amounts[c.start] for c in n.leaves())
              and not (own and set(_MEASURE.findall(n.name)) - own)]
    # (决算数合计 beside 年初预算数 | 基本支出 | 项目支出: another measure's column is none of its parts)
    if not others:
        return []
    if total.leaf:
        if not amounts[total.start]:
            return []
        parts = [c for n in others for c in _value(n, totals, amounts)]
        return [(total.start, parts)] if len(parts) >= 2 or len(others) >= 2 else []
    out = []
    for measure in total.leaves():  # 合计 over 预算数 | 决算数: one sum per measure
        parts = []
        for n in others:
            same = [c for c in _value(n, totals, amounts, measure.name)]
            if len(same) != 1:
                return []  # a sibling without exactly one column of this measure: the header does not say
            parts += same
        if amounts[measure.start] and len(parts) >= 2:
            out.append((measure.start, parts))
    return out


def _value(node: Node, totals, amounts, measure: str = "") -> list[int]:
    """The columns that add up to ``node`` (of the named ``measure``, when given)."""
    if node.leaf:
        return [node.start] if amounts[node.start] and (not measure or node.name == measure) else []
    inner = [c for c in node.children if _is_total(c, totals)]
    if len(inner) == 1:
        return _value(inner[0], totals, amounts, measure) if not inner[0].leaf or not measure \
            else [c.start for c in inner[0].leaves() if amounts[c.start]]
    if measure and all(c.leaf for c in node.children):
        return [c.start for c in node.children if c.name == measure and amounts[c.start]]
    return [col for child in node.children for col in _value(child, totals, amounts, measure)]


_CODES = lazy(rf"编码|代码|编号|序号|{CLASS_COLUMN}")
_MEASURE = lazy(r"年初|调整|预算|决算|执行|上年|本年")  # what a column measures, beside what it is of
_FRAGMENT = lazy(r"[数费额金率]")  # the last character of a column's name, cut from the rest of it


def _rows_add_up(table: Table, total: int, parts: list[int], extra: list[int]) -> bool:
    """Whether some row's ``parts`` make its ``total`` (within their rounding) and no row's do with the
    ``extra`` columns added (a blank cell, or a dash, is 0)."""
    alone = added = 0
    for row in table.rows:
        cells = [row[c].text.strip() if c < len(row) else "" for c in (total, *parts, *extra)]
        cells = [t if t.strip(NOTHING) else "" for t in cells]  # (a dash fills nothing; −3.00 keeps its sign)
        values = [number(t) if t else None for t in cells]
        if values[0] is None or any(v is None and t for v, t in zip(values, cells)):
            continue
        shown = [stated(v.value, v.decimals) if v else Interval.point(Decimal(0)) for v in values]
        whole, own, more = shown[0], shown[1 : len(parts) + 1], shown[len(parts) + 1 :]
        alone += interval_total(own).meets(whole)
        added += interval_total([*own, *more]).meets(whole)
    return alone > 0 and added == 0


def _amounts(table: Table, col: int) -> bool:
    """A column of amounts: not one of codes (科目编码, 类 | 款 | 项, 序号), most of its filled cells
    numbers (a blank column is one: an empty part is 0; a dash or slash fills nothing), none of them a
    percentage."""
    if _CODES.search(_BLANKS.sub("", table.header[col])):
        return False
    filled = [r[col].text for r in table.rows if col < len(r) and r[col].text.strip(NOTHING)]
    values = [number(t) for t in filled]
    numeric = sum(1 for v in values if v is not None)
    return numeric * 2 >= len(filled) and not any(v and v.percent for v in values)
