"""narrative_table: an amount the narrative (情况说明) states agrees with the table cell it restates.

A prose figure qualifies when its unit is money and its label (the words before it in its clause, years
taken out, and a closing 均为 or 为; the whole clause when a 、 cut the label: 收、支总计, 收入、支出总计均为)
ends with one of the ``label`` words (收入支出总计) and holds none of the ``not`` words (财政拨款), nor do
the words before a 、 (财政拨款收入、支出总计均为); its label and its clause's opening name no unit but the
report's own (示范管理事务中心本年支出合计, a unit's in a 部门决算 consolidating several:
:func:`crossfoot.figures.labels.another_unit`); with ``under``, it must also be listed under a total
(…，其中：), or stand in a paragraph opening with one, whose label ends with one of those words (基本支出
under 本年支出合计). Its cell is named as in the cross_table kind (option ``cell``: ``tables`` caption
words, ``not``, ``row`` label words, ``column`` header words, ``plus`` further cells to add). The figure
and the cell, converted to one unit (a 万元 narrative over 元 tables), must agree: to the same decimals in
the same unit they must be equal, else meet within rounding (:func:`crossfoot.tables.locate.agreement`;
cells added with ``plus`` must meet within rounding). The finding is on the prose figure, with the cell as
the related place. A document without the table has nothing to check.
"""

from __future__ import annotations

from dataclasses import field

from ...figures import labels
from ...interval import stated as interval
from ...regex import lazy
from ...tables import locate
from ...tables.locate import CellSpec
from ...vocabulary import Words
from ..base import Check, report, truncation
from ..options import options

KIND = "narrative_table"
FIELDS = ("stated", "computed", "label", "other", "table", "where")


@options
class Options:
    label: Words = Words()
    not_: Words = Words()
    under: Words = Words()
    cell: CellSpec = field(default_factory=CellSpec)

    ALIASES = {"not": "not_"}

    def validate(self) -> str | None:
        if not self.label:
            return "option label lists the words a prose figure's label ends with"
        if not self.cell.tables or not self.cell.row:
            return ("option cell names a cell: tables (caption words), row (label words), "
                    "column (header words)")
        return None


def run(analysis, check: Check):
    every = locate.cells(analysis.tables, check.options.cell)
    if not every:
        return  # a document without the table has nothing to check
    parts: dict[int, list | None] = {}
    words, unwanted = check.options.label, check.options.not_
    year = analysis.year()
    for block, fig in analysis.amounts():
        if labels.said_for_earlier(block.text, fig.start, year) \
                or labels.listed_respectively(block.text, fig.start):
            continue  # …由2023年度的 a 减少至 b, 比上年（a）减少, 2023年度为 a: last year's; 分别为 a、b、c
        if labels.LAST_YEARS.search(fig.label):
            continue  # 上年政府性基金拨款支出预算为 a, 使用上年结转的 b: last year's (the core drops 上年)
        label = _TAIL.sub("", labels.core(fig.label))
        whole = _TAIL.sub("", labels.core(labels.clause(block.text, fig.start)))
        if not label.endswith(words):  # a label cut at 、 (收、支总计, 收入、支出总计均为): its whole clause
            label = whole
        if not label.endswith(words) or any(w in label for w in unwanted) or not _under(analysis, check, fig):
            continue
        part = analysis.part(block.line)
        if part not in parts:
            parts[part] = _own_cells(analysis, check, part, every)
        cells = parts[part]
        if not cells:
            continue  # 档案局本级 ⏎ 2025年单位预算 ⏎ …支出预算 X, its tables not holding that one
        if "、" in whole and any(w in whole.split("、")[0] for w in unwanted):
            continue  # 财政拨款收入、支出总计均为: the 支出总计 is the 财政拨款's
        if label in words and _carried(analysis, block.text, fig, words, unwanted):
            continue  # 财政拨款收入总计 X，支出总计 Y: the 支出总计 is the 财政拨款's too
        own = analysis.own_names()
        if cells is every and analysis.consolidates() and (
                labels.another_unit(label, own, next((w for w in words if label.endswith(w)), None))
                or labels.another_unit(labels.opening(block.text, fig.start), own)):
            continue  # 事务中心本年支出合计 100.00万元: one unit's of several, not the department's (unless
            # said in the unit's own report, against its own tables)
        truncated = False
        if len(cells) == 1:
            (_, cell, table), = cells
            said = locate.agreement(fig.value, fig.decimals, fig.unit, cell.text, table.unit,
                                    analysis.rounding)
            if said == "agree":
                continue
            truncated = said == "truncated"
        else:
            theirs = locate.total(cells, fig.unit)
            if theirs is None:
                return
            if interval(fig.value, fig.decimals).meets(theirs):
                continue
            truncated = analysis.rounding != "strict" \
                and interval(fig.value, fig.decimals, "truncate").meets(theirs)
            if truncated and analysis.rounding == "either":
                continue  # 800.27万元 of 8,002,796.09元 added: its digits cut, as for one cell
        shown = " + ".join(c.text if c.text.strip() not in "-—－–" else "0" for _, c, _ in cells) \
            + (cells[0][2].unit or fig.unit)  # (a dash: a 0 printed)
        found = report(check, analysis, fig.span, fig.text, related=tuple(c.span for _, c, _ in cells),
                       computed=shown, figures=(fig.text, *(c.text for _, c, _ in cells)),
                       label=label, other=shown, table=cells[0][2].title,
                       where=analysis.doc.cite(cells[0][1].span))
        yield truncation(found, check.lang) if truncated else found


_TAIL = lazy(r"[均各]?(?:为|是|达)?$")


def _own_cells(analysis, check: Check, part: int, every: list) -> list | None:
    """The cells a prose figure of a part of the file restates (:meth:`crossfoot.analysis.Analysis.part`: a
    unit's own report after the department's): its own tables' (None when they lack the one named, or it
    holds none: which tables it restates is not said); every table's in a file of one part."""
    own = [t for t in analysis.tables if analysis.part(t.span.line) == part]
    if len(own) == len(analysis.tables):
        return every
    return locate.cells(own, check.options.cell) or None  # (none of its own: whose it restates is unsaid)


def _carried(analysis, text: str, fig, words, unwanted) -> bool:
    """Whether a bare label (支出总计) carries on the subject of the figure before it in its sentence, one
    the check leaves alone (财政拨款收入总计 4,766.86万元，支出总计 4,766.86万元)."""
    figs = analysis.figures[fig.block]
    k = next((i for i, f in enumerate(figs) if f is fig), 0)
    if k == 0 or "。" in text[figs[k - 1].end : fig.start]:
        return False
    before = labels.core(figs[k - 1].label)
    return before.endswith(words) and any(w in before for w in unwanted)
def _under(analysis, check: Check, fig) -> bool:
    """With option ``under``: whether ``fig`` is listed under a total whose label ends with one of its
    words (基本支出 after 本年支出合计 9759.38万元，其中：), or else its paragraph opens with such a figure
    (公用经费 after 人员经费 …，主要包括：…；in a paragraph on the 基本支出), or its sentence opens naming it
    without an amount (一般公共预算基本支出中，人员经费 X)."""
    words = check.options.under
    if not words:
        return True
    total = analysis.parent(fig) or analysis.figures[fig.block][0]
    if total is not fig and labels.core(total.label).endswith(words):
        return True
    # 一般公共预算基本支出中，人员经费 X，公用经费 Y: the total named without its amount, opening the clause
    text = analysis.doc.blocks[fig.block].text
    start = max(text.rfind(c, 0, fig.start) for c in "。；;") + 1
    opening = _NAMED_IN.match(text, start)
    return opening is not None and any(opening.group(1).endswith(w) for w in words) \
        and labels.BUDGETS.search(opening.group(1)) is not None  # (本年基本支出中: all funds)


_NAMED_IN = lazy(r"\s*([^。；;，,\d]{2,30})中[，,：:]")
