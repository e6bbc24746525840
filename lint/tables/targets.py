"""Indicator tables read as rows of target/actual pairs, read once per document for the target kinds.

Selects tables with a ``target`` column (年度目标值, 指标值, 年度目标) and an ``actual`` column (实际完成值,
年度实现值, 实际完成; not last year's, 上年实际值, shown as a budget's baseline), and reads them as records
(:mod:`crossfoot.tables.records`), so a cell wrapped over several lines is read whole. The figures of a
record's target cell and actual cell are paired in order when both hold the same number of comparable
quantities (several sub-targets in one cell pair up one by one); bare numbers (list markers, 3档) are not
quantities, unless a target cell and its actual cell each hold one and nothing else (6.5 | 6.2, the unit in
the indicator's name or a 单位 column: a stated rate is judged, but a miss is not, its direction unsaid).
A target's comparator sets its direction: ≥/不少于/以上 (and a plain number) ask for at least the target,
≤/不超过/以内 (and rows whose label holds an ``upper`` word such as 成本指标) for at most, 约 for roughly
(an actual within ``about`` percent of it meets it).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from functools import partial

from ..figures.labels import YEAR
from ..figures.precision import COUNT_UNITS, family, interval
from ..interval import Interval
from ..model import Figure, Table
from ..regex import lazy
from ..vocabulary import Words
from . import cell_figure, cell_figures, number, row_label
from .records import records


@dataclass(frozen=True)
class Spec:
    """The words an indicator table is read by (the options every target kind reads, with defaults)."""

    target: Words = Words(["目标值", "指标值", "年度目标", "计划值"])
    actual: Words = Words(["实现值", "完成值", "实际值", "实际完成"])
    rate: Words = Words(["完成率", "成率"])
    key: Words = Words(["序号"])
    upper: Words = Words(["成本指标", "成本", "上限", "时限", "工作日", "办结时间", "办理时间", "用时",
                          "时长", "耗时", "差错", "事故"])
    """Lower is better (成本, 时限, 用时; not 办结率 or 投诉处理率), unless the target says ≥."""
    missed: Words = Words(["未完成", "未达到", "未实现", "未达", "无法", "基本完成", "基本达到", "部分完成",
                           "接近"])
    """A row's words saying its target was missed (基本完成 admits a shortfall)."""
    about: Decimal = Decimal("5")
    """Percent an actual may fall short of a target written with 约 and still meet it."""


@dataclass(frozen=True)
class Row:
    """One indicator: its name, target/actual pairs, the pairs it misses, its stated rate, all its words."""

    label: str
    pairs: list[tuple[Figure, Figure]]
    missed: list[tuple[Figure, Figure]]
    rate: Figure | None
    upper: bool
    words: str
    explained: bool = False
    """Its 偏差原因 (deviation and its cause) cell is filled: the row says why it differs."""
    context: str = ""
    """Its name with the names of the groups it stands under (产出指标 数量指标, from merged cells above)."""
    judged: bool = True
    """Whether met or missed is known: False for two bare numbers whose direction is not said (6.5 | 6.2)."""


@dataclass(frozen=True)
class Sheet:
    """An indicator table: its readable rows, and the first lines of pages laid out centred (not read)."""

    table: Table
    target: int
    rows: list[Row]
    centred: list[int]


_EARLIER = lazy(r"上年|上一年|往年|历史|基期|基数")


def _earlier(analysis, table: Table, target: int, col: int) -> bool:
    """Whether an actual column is of a year before the target's (上年实际值; 2024年实际值 beside a
    2025年指标值, or in a 2025 budget when the target names no year)."""
    name = table.header[col]
    if _EARLIER.search(name):
        return True
    said = YEAR.findall(name)
    aimed = YEAR.findall(table.header[target]) or [analysis.year() or ""]
    return bool(said) and bool(aimed[0]) and aimed[0] > said[0]


def sheets(analysis, options) -> list[Sheet]:
    """The indicator tables of a document, read once per :class:`Spec` (``options`` holds its fields)."""
    spec = Spec(**{f.name: getattr(options, f.name) for f in fields(Spec)})
    return analysis.memo(_sheets, spec)


def _sheets(analysis, spec: Spec) -> list[Sheet]:
    return list(_read(analysis, spec))


def _read(analysis, spec: Spec) -> Iterator[Sheet]:
    for table in analysis.tables:
        target, actual = table.column(*spec.target), table.column(*spec.actual)
        if target is None or actual is None or target == actual or _earlier(analysis, table, target, actual):
            continue  # 2025年指标值 | 上年实际值: last year's result as a baseline, no outturn of the target
        rate = table.column(*spec.rate)
        key = rate if rate is not None else table.column(*spec.key)
        if key is None:
            key = max(target - 1, 0)
            scored = _scored(table)
            is_key = partial(_named, key, scored if scored and key > 0 else (), (target, actual))
        else:
            is_key = partial(_numbered, key, _scored(table))
        labels = [j for j in range(min(target, actual)) if j != key]
        units = next((j for j in labels if _UNIT_HEAD.fullmatch(table.header[j].strip())), None)
        found, centred = records(table, is_key, labels)
        causes = [j for j, name in enumerate(table.header) if "偏差" in name or "原因" in name]
        # the last 分值: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 gives the row's own points last
        points = next((j for j, h in reversed(list(enumerate(table.header))) if "分值" in h or "权重" in h),
                      None)
        got = next((j for j, h in enumerate(table.header) if "得分" in h and "率" not in h), None)
        rows = []
        for record in found:
            cells = record.cells(table, target), record.cells(table, actual)
            pairs = _pairs(*map(cell_figures, cells))
            bare = not pairs  # 6.5 | 6.2: which way the target is met is not said (办结时限 5 → 3.5 is met)
            pairs = pairs or _bare(*cells)
            if not pairs:
                continue
            first = min(target, actual)
            name = next((j for j in range(first - 1, -1, -1) if j != units  # (not 计量单位 nor 分值)
                         and not any(number(c.text) for c in record.cells(table, j))), -1)
            named = [c.text for c in record.cells(table, name)] if name >= 0 else []
            label = "".join(named) or row_label(table, record.row)
            context = label + " " + " ".join(c.text for j in labels for c in _above(table, record.row, j))
            counted = _counted(table, record, units, label) if bare else ""
            if counted:  # 新建养老服务站 | 个 | 6 | 5: counts of the unit its column or name gives, exact
                pairs = [(replace(t, unit=counted), replace(a, unit=counted)) for t, a in pairs]
                marked = any(_DIRECTION.fullmatch(c.text.strip()) for j in range(len(table.header))
                             for c in record.cells(table, j)) \
                    or any("性质" in h or "方向" in h for h in table.header)
                bare = "数量指标" not in context or marked  # 数量指标 ask for at least the target
            upper = spec.upper.within(context)
            slack = spec.about / 100
            missed = [] if bare else [(t, a) for t, a in pairs if not meets(t, a, upper, slack)]
            stated = cell_figure(table, record.row, rate) if rate is not None else None
            if stated is not None:
                stated = replace(stated, label=label)
            words = " ".join(c.text for j in range(len(table.header)) for c in record.cells(table, j))
            explained = any(c.text.strip() and not _NO_CAUSE.fullmatch(c.text.strip())
                            for j in causes for c in record.cells(table, j)) \
                or _scored_down(table, record, points, got)  # 50 | ≥24000 | 23417 | 48.5: points taken
            rows.append(Row(label, pairs, missed, stated, upper, words, explained, context, not bare))
        yield Sheet(table, target, rows, centred)


# a 偏差原因 cell saying there is none (无偏差, 无, —, 已完成): no explanation of a miss
_NO_CAUSE = lazy(r"(?:无|没有)(?:偏差|差异)?(?:原因)?[。.]?|[—\-－/／\\]+"
                 r"|(?:已|全部|均已)?完成(?:目标)?[。.]?")


def _scored(table: Table) -> tuple[int, ...]:
    """The 分值 and 得分 columns, when the table has just those two."""
    scored = tuple(j for j, name in enumerate(table.header)
                   if any(w in name for w in ("分值", "权重", "满分", "标准分", "得分")))
    return scored if len(scored) == 2 else ()


def _named(col: int, scored: tuple[int, ...], values: tuple[int, int], cells) -> bool:
    """Whether a row starts a record: its indicator name is filled, or its first column names a row of its
    own and its target, outturn, 分值 and 得分 are all filled (预算执行率 | | | 100% | 97.20% | 10 |
    9.72: the national form's row with no 二级 or 三级; not a line the indicator above wrapped onto, its
    一级 name and points set there, centred, its target and outturn on the line above)."""
    return bool(cells[col].text) or bool(scored) and bool(cells[0].text.strip()) \
        and all(cells[j].text.strip() for j in values) \
        and all(number(cells[j].text) is not None for j in scored)


def _numbered(col: int, scored: tuple[int, ...], cells) -> bool:
    """Whether a row starts a record: its rate is filled, or its 分值 and 得分 are (a 预算执行率 row after the
    indicators, its rate in another column, is a record of its own, not the lines the one above wrapped)."""
    return number(cells[col].text) is not None \
        or bool(scored) and all(number(cells[j].text) is not None for j in scored)


def _above(table, row: int, col: int):
    """The nearest filled cell at or above ``row`` in ``col``: a group label written once (成本指标)."""
    for r in range(row, -1, -1):
        if table.rows[r][col].text:
            return [table.rows[r][col]]
    return []


def _quantity(f: Figure) -> bool:
    return bool(f.unit) or f.decimals < 0  # 3档 and list markers are bare; 55万 has a magnitude


def _kind(f: Figure) -> str:
    fam = family(f.unit)
    return "count" if fam == "" or f.unit in COUNT_UNITS else fam


def _pairs(targets: list[Figure], actuals: list[Figure]) -> list[tuple[Figure, Figure]]:
    targets = [f for f in targets if _quantity(f)]
    actuals = [f for f in actuals if _quantity(f)]
    if not targets or len(targets) != len(actuals):
        return []
    pairs = list(zip(targets, actuals))
    if any(_kind(t) != _kind(a) for t, a in pairs):
        return []
    return pairs


_BARE = lazy(r"[≥≤>＞<＜]?\s*\d[\d,]*(?:\.\d+)?")


_UNIT_HEAD = lazy(r"(?:计量)?单位")
_DIRECTION = lazy(r"[≥≤><＞＜≧≦]|大于等于|小于等于|正向|反向")  # a 指标性质 column's marks
_NAMED_UNIT = lazy(r"[（(]([\u4e00-\u9fff]{1,2})[）)]\s*$")  # 新建社区养老服务站（个）


def _scored_down(table: Table, record, points: int | None, got: int | None) -> bool:
    """Whether a row's score (column ``got``) is below its points (column ``points``: 分值 50, 得分 48.5):
    the miss is said by the points it lost."""
    if points is None or got is None:
        return False
    read = [number("".join(c.text for c in record.cells(table, j))) for j in (points, got)]
    return all(v is not None for v in read) and read[1].value < read[0].value


def _counted(table: Table, record, units: int | None, label: str) -> str:
    """The count unit a row's bare figures are in: its 计量单位 cell, or the unit in brackets ending its
    indicator's name; empty when there is none, or it is no count (万元, %, 天)."""
    said = "".join(c.text.strip() for c in record.cells(table, units)) if units is not None else ""
    if not said and (m := _NAMED_UNIT.search(label)):
        said = m.group(1)
    return said if said in COUNT_UNITS else ""


def _bare(targets, actuals) -> list[tuple[Figure, Figure]]:
    """A target cell and an actual cell that each hold one bare number and nothing else (6.5 | 6.2, the
    unit in the indicator's name or a 单位 column): one pair, counted as written."""
    if len(targets) != 1 or len(actuals) != 1 \
            or not all(_BARE.fullmatch(c.text.strip()) for c in (*targets, *actuals)):
        return []
    figures = cell_figures(targets), cell_figures(actuals)
    return [(figures[0][0], figures[1][0])] if all(len(f) == 1 for f in figures) else []


def actual(t: Figure, a: Figure) -> Interval:
    """The actual's interval, in the target's unit when both are money (counts compare as written)."""
    return interval(a, unit=t.unit if _kind(t) == "money" else None)


def meets(t: Figure, a: Figure, upper: bool, slack: Decimal) -> bool:
    # a threshold written with its comparator is exactly what it says (≥5万人次 is 50,000, not 45,000 to
    # 55,000 as a rounded 5万 would be); the actual keeps its rounding
    want = interval(t, "exact" if t.qualifier in ("ge", "le") else "round")
    got = actual(t, a)
    if t.qualifier == "le" or upper and t.qualifier != "ge":
        return got.lo <= want.hi
    if t.qualifier == "about":
        return got.hi >= want.lo * (1 - slack)
    return got.hi >= want.lo


def shown(t: Figure) -> str:
    """A target as written with its comparator (≥700家, 约2000项)."""
    sign = {"ge": "≥", "le": "≤", "about": "约"}.get(t.qualifier, "")
    return sign + t.text
