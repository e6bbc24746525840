"""narrative_columns: the amounts the narrative gives for the items of a one-line table agree with its
columns (the 三公 table: 合计, 因公出国（境）费, 公务用车购置及运行费 with its 购置费 and 运行费, 公务接待费,
each as 预算数 and 决算数).

The table is named by caption words (option ``tables``, as in the cross_table kind). A prose money
figure names an item when its label (the words before it in its clause) holds one of an item's ``label``
words and none of its ``not`` words; items are tried in order. A label that names nothing but the measure
(支出决算为 0.39万元: only ``filler`` words are left) takes the item named last before it in its sentence,
or the ``topic`` (“三公”经费 …) as the first item. Labels with ``skip`` words (增加, 减少, 比, 持平) state
changes, not amounts, and are left alone.

A table printed down the page (a row per item, under 项目 | 预算数 | 决算数; not a row a year, 2016年预算数
over 2017年预算数, whose report year's row is read) is read as the one-line table across it (of this year's
columns when several years' are printed: the undated ones, 本年预算数 beside 2025年预算数, but not
上年预算数, else the latest year's, 2025年预算数 | 2026年预算数 | 增减额). A bare 合计
column is the topic's total only beside its parts alone (not beside 机关运行经费 or 会议费). The item's column
is the one whose own name (the deepest line of the header that is neither a measure nor a total word; see
``Table.levels``) holds the item's ``column`` words, and whose header holds the measure the label names
(``measures``: 决算 → 决算数, 年初预算 → 预算数), or else the measure of the table's caption (a 决算表's
决算数). A blank cell is 0. The figure and the cell, converted to one unit, must agree (equal when stated to
the same decimals, else meeting within rounding: :func:`crossfoot.tables.locate.agreement`); the finding is on
the prose figure, with the cell as the related place.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from ...figures import labels
from ...model import Cell, Table
from ...regex import lazy
from ...tables import last_line, locate, number
from ...vocabulary import Words
from ..base import Check, differs
from ..options import options

KIND = "narrative_columns"
FIELDS = ("stated", "computed", "label", "other", "table", "where")


@dataclass(frozen=True)
class Item:
    """An item of the table: how the narrative names it (``label``, ``not``) and its column's words."""

    label: Words = Words()
    column: Words = Words()
    not_: Words = Words()

    ALIASES = {"not": "not_"}


@options
class Options:
    tables: Words = Words()
    topic: Words = Words()
    items: tuple[Item, ...] = ()
    measures: dict[str, str] = field(default_factory=dict)
    """A word of the label (决算) → the header word of its column (决算数)."""
    totals: Words = Words(["合计", "小计"])
    skip: Words = Words(["增加", "减少", "增长", "下降", "增减", "持平", "比", "上年"])
    filler: Words = Words(["支出", "财政拨款", "经费", "为", "数", "是", "全年", "共计", "金额", "年初",
                           "本年", "，", "：", ":"])

    def validate(self) -> str | None:
        if not self.tables or not self.items:
            return "options tables (caption words) and items (each with label and column words) are needed"
        if any(not i.label or not i.column for i in self.items):
            return "each item has label words (how the narrative names it) and column words (its column)"
        return None


def run(analysis, check: Check):
    groups = _groups(check, analysis)
    if not groups:
        return  # a document without the one-line table has nothing to check
    panels = [t for group in groups for t in group]
    starts = [group[0].span.line for group in groups]
    tables_first = None
    skip = check.options.skip
    for block, fig in analysis.amounts():
        shown_label = labels.core(fig.label)
        label = locate.unquote(shown_label)
        if any(w in label or w in fig.label for w in skip):
            continue  # a change, or last year's amount (上年预算为7.90万元: core labels drop 上年)
        if labels.said_for_earlier(block.text, fig.start, analysis.year()) \
                or labels.listed_respectively(block.text, fig.start):
            continue  # …由2023年度的 a 减少至 b, 2023年度为 a: last year's; A、B、C分别为 a、b、c
        item = _item(check, label) or (_named_before(check, block.text, fig.start) if _bare(check, label)
                                        else None)
        if item is None or _elsewhere(check, analysis, fig, item):
            continue
        plain = labels.FUNDS.sub("", label)  # 一般公共预算财政拨款“三公”经费: a fund, not the 预算 measure
        measured = plain + _measure_before(check, block.text, fig.start, plain)
        year = (labels.dated(block.text, fig.start)[1] or [analysis.year() or ""])[-1]
        if tables_first is None:  # the document's layout, by its first item said: 决算 tables, then 说明
            tables_first = block.line > starts[0]
        either = _either(check, block.text, fig.start, plain)  # 预算 a，实际支出 b，其中 …: either's parts
        found = []
        for words in [plain + w for w in either] or [measured]:
            table, cell = _panel(check, _own(groups, starts, block.line, tables_first), item, words, year)
            if cell is None:
                table, cell = _panel(check, panels, item, words, year)
            if cell is None or analysis.part(block.line) != analysis.part(table.span.line):
                continue  # (a unit's own report after the department's: not the department's table)
            row_year = labels.YEAR.match(table.rows[0][0].text.strip()) if table.rows and table.rows[0] \
                else None
            dated = labels.dated(block.text, fig.start)[1]
            if row_year and dated and dated[-1] != row_year.group(1):
                continue  # 2025年“三公”经费预算58.00万元 against the table's 2026年预算数 row: another year's
            if locate.other_period(block.text, fig, analysis.year(), table.title, table.header):
                continue  # 上年决算 a; 2025年预算 a; 年初预算 a，年中调减为 b: not the table's
            found.append((locate.agreement(fig.value, fig.decimals, fig.unit, cell.text, table.unit,
                                           analysis.rounding), table, cell))
        if found and all(said != "agree" for said, _t, _c in found):
            said, table, cell = found[-1]  # (either's: on the outturn's cell, the nearest said)
            yield differs(check, analysis, fig, cell, table, shown_label, truncated=said == "truncated")


_MARKER = lazy(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[（(]?[一二三四五六七八九十]{1,2}[)）、]"
                     r"|其中[:：]?)\s*")


def _groups(check: Check, analysis) -> list[list[Table]]:
    """The one-line tables, in runs printed side by side (tables next to each other, on the same lines or
    the next: 预算数 | 决算数), all of the first one's caption; else each table of that caption printed down
    the page, read across. A file holding several units' reports has a run for each."""
    found = [(k, _outturn_named(check, t)) for k, t in enumerate(analysis.tables)
             if locate.titled(t, check.options.tables)]
    if not found:
        return []
    title = found[0][1].title
    groups: list[list[Table]] = []
    last = None
    for k, table in ((k, t) for k, t in found if t.title == title and len(t.rows) == 1):
        if last is None or k != last[0] + 1 or table.span.line > last_line(last[1]) + 2:
            groups.append([])
        groups[-1].append(table)
        last = k, table
    if not groups:
        groups = [[t] for t in (_across(check, t) for _, t in found if t.title == title) if t is not None]
    if not groups:  # 2026年预算数 | … over 2025年预算数 | …: a row a year, the report's own read as the table
        groups = [[t] for t in (_year_row(t, analysis.year()) for _, t in found if t.title == title) if t]
    return groups


def _year_row(table: Table, year: str | None) -> Table | None:
    """A table of a row a year (2026年预算数, then 2025年预算数) as the one-line table of the report's year's
    row, or of the latest year's when the report names none; None when the rows are not so labelled."""
    years = [labels.YEAR.match(row[0].text.strip()) for row in table.rows if row]
    if len(years) < 2 or not all(years):
        return None
    wanted = year or max(m.group(1) for m in years)
    rows = [row for row, m in zip(table.rows, years) if m.group(1) == wanted]
    return replace(table, rows=(rows[0],), memo={}) if len(rows) == 1 else None



def _own(groups: list[list[Table]], starts: list[int], line: int, tables_first: bool) -> list[Table]:
    """The run of tables a narrative line is about, in a file holding several units' reports: the last
    run before it where the document puts its tables before their 说明, else the first after it (and the
    other side's nearest when there is none on this one)."""
    at = bisect.bisect_right(starts, line)
    before, after = groups[at - 1] if at else [], groups[at] if at < len(groups) else []
    return (before or after) if tables_first else (after or before)


def _outturn_named(check: Check, table: Table) -> Table:
    """``table`` with a column of the year's actual spending named as the outturn measure (预算数 |
    实际支出数 | 上年支出数: 实际支出数 is the 决算数) when no header names the outturn's own measure word."""
    outturn = next((col for word, col in check.options.measures.items() if "决算" in col), "")
    if not outturn or any(outturn in h for h in table.header) \
            or not any(_ACTUAL_HEAD.search(h) for h in table.header):
        return table
    rename = lambda h: _ACTUAL_HEAD.sub(outturn, h)  # noqa: E731
    return replace(table, header=tuple(rename(h) for h in table.header),
                   levels=tuple(tuple(rename(h) for h in line) for line in table.levels), memo={})


# a column of this year's actual spending (实际支出数, 本年实际数, 执行数; not 上年支出数)
_ACTUAL_HEAD = lazy(r"(?<!上年)(?<!去年)(?:本年|全年|当年)?(?:实际支出|实际|执行)数?$")


def _across(check: Check, table: Table) -> Table | None:
    """The table printed down the page (a row per item: 因公出国（境）费 | 1.00 | 0.00, under 项目 | 预算数 |
    决算数) read as the one-line table across it: a column per item and measure, named by the row's label
    (its list number left out; the 合计 row as the topic's total) over the measure, of the latest year's
    columns when several years' are printed (2025年预算数 | 2026年预算数 | 增减额). None when its header
    names no measure."""
    measures = [j for j, name in enumerate(table.header) if j and any(m in name for m in
                                                                     check.options.measures.values())]
    if not measures or _year_row(table, None) is not None:
        return None  # (2016年预算数 | … over 2017年预算数 | …: a row a year, not a row an item)
    years = {j: max(map(int, labels.YEAR.findall(table.header[j])), default=0) for j in measures}
    undated = [j for j in measures if not years[j] and not labels.LAST_YEARS.search(table.header[j])]
    # (本年预算数 | 2025年预算数: the undated one; not 上年预算数, 去年决算数)
    measures = undated or [j for j in measures if years[j] == max(years.values())]  # 2025年… | 2026年…
    names, heads, cells = [], [], []
    for row in table.rows:
        label = _MARKER.sub("", row[0].text).strip()
        if not label or number(label) is not None:
            continue
        if label in check.options.totals:
            label = locate.unquote(check.options.topic[0] if check.options.topic else "") + label
        for j in measures:
            names.append(label)
            heads.append(table.header[j])
            cells.append(row[j] if j < len(row) else Cell(""))
    if not cells:
        return None
    return replace(table, header=tuple(f"{a}{b}" for a, b in zip(names, heads)), rows=(tuple(cells),),
                   levels=(tuple(names), tuple(heads)), memo={})


def _item(check: Check, label: str) -> Item | None:
    for item in check.options.items:
        if any(w in label for w in item.label) and not any(w in label for w in item.not_):
            return item
    return None


def _elsewhere(check: Check, analysis, fig, item: Item) -> bool:
    """Whether ``fig`` is listed under a total that is not its item's own (机关运行经费…，主要用于办公费 a、
    公务用车运行维护费 b: a use of 机关运行经费, not the 三公 item): a total naming no item, or an item that
    is neither the topic nor one opening with the same words (公务用车购置及运行费 over its 运行费)."""
    parent = analysis.parent(fig)
    if parent is None:
        return False
    own = _item(check, locate.unquote(labels.core(parent.label)))
    if own is None:  # (支出决算为 X。其中：…: named by its paragraph's topic)
        named = locate.unquote(analysis.full_label(parent))
        return not any(w in named or w.removesuffix("经费") in named  # (“三公”支出)
                       for w in check.options.topic)
    first = check.options.items[0] if check.options.items else None
    return own is not first and own is not item and not any(
        a[:4] == b[:4] for a in own.label for b in item.label)


def _bare(check: Check, label: str) -> bool:
    """A label that names only a measure (支出决算, 年初预算为): nothing is left once measure and filler
    words are taken out."""
    return not labels.without(label, (*check.options.measures, *check.options.filler)).strip()


def _named_before(check: Check, text: str, at: int) -> Item | None:
    """The item named last before ``at`` in its sentence, the first item when that is the topic."""
    sentence = locate.unquote(labels.dated(text, at)[0])
    best, last = None, -1
    for item in check.options.items:
        for word in item.label:
            k = sentence.rfind(word)
            if k > last and not any(w in sentence[k:] for w in item.not_):
                best, last = item, k
    for word in check.options.topic:
        k = sentence.rfind(word)
        if k > last:
            best, last = check.options.items[0], k
    return best


def _measure_before(check: Check, text: str, at: int, label: str) -> str:
    """For a label (its funds' names taken out) naming no measure (其中：因公出国（境）费 0.50万元), the
    measure word its sentence names last before it (支出决算为4.80万元，其中：…), or "" (as for a label naming
    an outturn: 预算5.20万元，支出4.86万元). Parts in a sentence opening with 其中 take the one measure the
    sentence before names (支出决算为 b。其中：A a；B b), none when it names a budget and an outturn (决算为
    b，年初预算为 c。其中：…: either's, :func:`_either`)."""
    measures = check.options.measures
    if any(w in label for w in measures) or _OUTTURN.search(label):
        return ""  # 公务用车运行费预算5.20万元，支出4.86万元: the 支出 is no 预算
    for clause in reversed(re.split(r"[，,；;：:]", labels.dated(text, at)[0])):
        if any(w in clause for w in _COMPARING) or re.search(r"[%％]", clause):
            continue  # 较年初预算减少…, 完成预算的89.53%: a comparison or a rate names no measure
        plain = labels.FUNDS.sub("", clause)  # 一般公共预算财政拨款 names a fund, not the 预算 measure
        found = max(((plain.rfind(w), w) for w in measures), default=(-1, ""))
        if found[0] >= 0:
            return found[1]
        if _ACTUAL.search(plain):  # 预算3.04万元，实际支出2.35万元，其中公务接待费 X: the outturn's, or
            return ""  # the budget's (their parts are listed after either): see _either
    named = _named_before_parts(check, text, at)
    return named[0] if len(named) == 1 else ""


def _named_before_parts(check: Check, text: str, at: int) -> list[str]:
    """The measure words (an outturn stated without one counted as the outturn's) of the sentence before,
    when the sentence holding ``at`` opens with 其中 (its clauses split by ；): the parts of what it stated
    (…实际支出 b，较预算节约 c。其中：A a；B b); [] otherwise."""
    opened = text.rfind("。", max(0, at - labels.REACH), at) + 1
    if not opened or not text[opened:at].lstrip().startswith("其中"):
        return []
    measures = check.options.measures
    outturn = next((w for w, column in measures.items() if "决算" in column), "")
    named: list[str] = []
    before = text[text.rfind("。", max(0, opened - 1 - labels.REACH), opened - 1) + 1 : opened - 1]
    for clause in re.split(r"[，,；;：:]", before):  # (the whole sentence before, its ；clauses too)
        if any(w in clause for w in _COMPARING) or re.search(r"[%％]", clause):
            continue
        plain = labels.FUNDS.sub("", clause)
        words = [w for w in measures if w in plain]
        words = words or ([outturn] if outturn and _ACTUAL.search(plain) else [])
        named += [w for w in words if w not in named]
    return named


def _either(check: Check, text: str, at: int, label: str) -> list[str]:
    """The budget's and the outturn's measure words when a label naming none follows a clause stating the
    outturn without its measure word, after one stating the budget (预算 a，实际支出 b，其中：公务接待费 X),
    or follows a sentence stating both then 其中 (决算为 b，年初预算为 c。其中：A a): drafters list either's
    parts so, the part must agree with one of them; else []."""
    measures = check.options.measures
    if any(w in label for w in measures) or _OUTTURN.search(label):
        return []
    clauses = re.split(r"[，,；;：:]", labels.dated(text, at)[0])
    for k in range(len(clauses) - 1, -1, -1):
        if any(w in clauses[k] for w in _COMPARING) or re.search(r"[%％]", clauses[k]):
            continue  # 较预算节约 c, 完成预算的 p%: a comparison or a rate names no measure
        plain = labels.FUNDS.sub("", clauses[k])
        if any(w in plain for w in measures):
            return []
        if _ACTUAL.search(plain):
            budget = next((w for w, column in measures.items() if "预算" in column), "")
            outturn = next((w for w, column in measures.items() if "决算" in column), "")
            earlier = any(budget and budget in labels.FUNDS.sub("", c) for c in clauses[:k])
            return [budget, outturn] if earlier and budget and outturn else []
    named = _named_before_parts(check, text, at)
    return named if len(named) >= 2 else []


_COMPARING = ("比", "较", "相比", "增加", "减少", "增长", "下降")
# a clause stating the outturn without its measure word (实际支出 X; not 结合工作实际, 根据实际需要)
_ACTUAL = lazy(r"(?:实际|执行)(?:发生)?(?:支出|执行|使用|发生|完成)?(?:数|额|金额)?(?:为|是|达到?|共)?"
               r"\s*[\d０-９]")
_OUTTURN = lazy(r"支出|实际|执行|使用")


def _panel(check: Check, panels: list[Table], item: Item, label: str, year: str = ""):
    """The table (of the panels printed side by side: 预算数 | 决算数) and the cell of ``item`` there: the
    panel whose header names the measure the label (funds' names taken out, its sentence's measure
    added) names, else the measure of the caption (a 决算表's 决算数; its 一般公共预算 names a fund), the one
    of ``year`` first (2024年预算 | 2025年预算 blocks), else the first that has the item."""
    measures = check.options.measures
    wanted = [col for word, col in measures.items() if word in label] \
        or [col for word, col in measures.items() if word in labels.FUNDS.sub("", panels[0].title)]
    ordered = sorted(panels, key=lambda t: (not any(w in h for h in t.header for w in wanted),
                                            bool(year) and not any(year in h for h in t.header)))
    for table in ordered:
        named = {col for word, col in measures.items() if any(word in h for h in table.header)}
        if wanted and named and not named & set(wanted):
            continue  # 年初预算 X against a table of 决算数 alone: its budget is not in it
        cell = _column(check, table, item, label)
        if cell is not None:
            return table, cell
    return panels[0], None


def _column(check: Check, table: Table, item: Item, label: str) -> Cell | None:
    measures = check.options.measures
    wanted = [col for word, col in measures.items() if word in label]
    wanted = wanted or [col for word, col in measures.items() if word in labels.FUNDS.sub("", table.title)]
    found = []
    for j in range(len(table.header)):
        own = locate.unquote(_own_name(check, table, j))
        if any(w in own for w in item.column) and not any(w in own for w in item.not_):
            found.append(j)
    if wanted and (len(found) > 1 or found and _measured(check, table.header[found[0]])):
        words = [word for word, col in measures.items() if col in wanted]  # (年初预算 is a 预算数 column;
        found = [j for j in found if any(w in table.header[j] for w in (*wanted, *words))]  # not 决算数)
    if len(found) > 1:  # 年初预算数 | 调整预算数: the one whose own words the label says, else none
        found = [j for j in found if _qualifier(check, table.header[j]) in label]
    if len(found) == 1 and locate.unquote(_own_name(check, table, found[0])) in check.options.totals \
            and not _items_only(table, found[0], item, check):
        return None  # 合计 beside 机关运行经费 or 会议费: a total of more than the topic's items
    return table.rows[0][found[0]] if len(found) == 1 else None


def _items_only(table: Table, total: int, item: Item, check: Check) -> bool:
    """Whether every column of amounts beside a bare total's (合计) is one of the parts the total's item
    names as not its own (因公出国, 公务用车, 公务接待) or the total again in another measure (合计预算数
    beside 合计决算数): the total is the topic's then, not of more (机关运行经费, 会议费 beside them)."""
    own = locate.unquote(_own_name(check, table, total))
    return all(any(w in locate.unquote(_own_name(check, table, j)) for w in item.not_)
               for j in range(len(table.header)) if j != total and table.header[j].strip()
               and locate.unquote(_own_name(check, table, j)) != own  # (合计预算数 beside 合计决算数)
               and (number(table.rows[0][j].text) is not None or not table.rows[0][j].text.strip()))


def _measured(check: Check, name: str) -> bool:
    """Whether a header names a measure (预算数, 决算数, 年初预算数)."""
    return any(w in name for w in (*check.options.measures, *check.options.measures.values()))


def _qualifier(check: Check, name: str) -> str:
    """The words a header puts before its measure (年初 of 年初预算数, 调整 of 调整预算数), the measure with
    them; the whole name when it names no measure."""
    m = _QUALIFIED.search(name)
    return m.group(0).removesuffix("数") if m else name


_QUALIFIED = lazy(r"(?:年初|调整后?|全年|变动|追加)?(?:预算|决算)数?$")
_DATED = lazy(r"^(?:19|20)\d\d\s*年度?")


def _own_name(check: Check, table: Table, col: int) -> str:
    """A column's own name: its deepest header line that is not a measure (决算数, 2026年预算数) or a total
    word."""
    names = [line[col] for line in table.levels] or [table.header[col]]
    plain = set(check.options.measures.values()) | set(check.options.totals)
    for name in reversed(names):
        bare = _DATED.sub("", name)  # (2026年预算数: a measure of its year)
        if name and bare not in plain and not _QUALIFIED.fullmatch(bare):  # (年初预算数: a measure)
            return name
    return names[0]
