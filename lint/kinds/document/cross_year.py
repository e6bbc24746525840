"""cross_year: a department's report restates figures about the year before, and the year before's own report
said otherwise.

Works across documents (``crossfoot check`` of several files, ``crossfoot batch``), in two steps. First, each
document's **facts**: its series (its title with the year taken out: 某局{Y}年度自评报告; a title that names
no department takes the department from a line of its own, and a report whose department cannot be told is not
compared), its year, and every figure in prose keyed as the restatement kind keys quantities
(:mod:`crossfoot.figures.quantities`: label without years, at least ``shortest`` characters and more than a
``bare`` column word; its unit family), here with rates in % too when the label names one (option ``rates``:
率), and dated: the last year named before it in its sentence (上年 for the year before the report's, 本年 for
its own), else the report's own year. Then, for two reports of one series a year apart, the later report's
figures about the earlier year are compared with the earlier report's figures of the same key and year:
rounding intervals (widened by qualifiers) that cannot meet are a finding on the later report's figure, naming
the earlier file and place. Budgets (a title with a ``plans`` word and no ``lookbacks`` word) are not
compared: next year's budget states what was executed, this year's what was planned.

The examples hold two reports, the earlier first, separated by a line ``---- next report ----``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from ...figures import labels, precision, quantities
from ...model import Figure, Finding, Span
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, render
from ..options import options

KIND = "cross_year"
MULTI = True
FIELDS = ("stated", "computed", "label", "year", "other", "file", "where")
SEPARATOR = "---- next report ----"


@options
class Options:
    shortest: int = 5
    about: Decimal = Decimal("10")
    changes: Words = Words(["增", "减", "比", "较", "下降", "上升", "节约", "超支", "差", "变动", "其中",
                            "分别", "每"])
    bare: Words = Words(["支出决算", "年初预算", "预算数", "决算数", "调整预算", "预算", "决算", "金额",
                         "资金", "经费", "合计", "总计", "共计", "总额", "数量", "人数", "个数"])
    rates: Words = Words(["率"])
    head: int = 8
    plans: Words = Words(["预算"])
    lookbacks: Words = Words(["决算", "自评", "评价", "执行情况", "绩效"])
_THIS = lazy(r"本年度?|今年|当年")
_RELATIVE = lazy(r"上一?年度?|去年|本年度?|当年|今年")
_YEAR = lazy(r"(?:19|20)\d{2}")
_ORG = lazy(r"[\u4e00-\u9fff（）()]{2,30}?"
                  r"(?:委员会|办公室|工作部|协会|学会|中心|局|委|厅|院|馆|所|站|社|部)(?!门)")


def run(analysis, check: Check):
    """Nothing within one document: see :func:`facts` and :func:`compare`."""
    return ()


def facts(analysis, check: Check) -> dict | None:
    """The document's series, year and dated facts (plain data, to keep in batch results), or None when
    its title names no year."""
    head = [b.text for b in analysis.doc.blocks[: check.options.head] if b.kind != "row"]
    title = next((t for t in head if len(t) <= 60 and _YEAR.search(t)), None)
    if title is None:
        return None
    plan = any(w in title for w in check.options.plans)
    if plan and not any(w in title for w in check.options.lookbacks):
        return None  # a budget plans its year; next year's report states what was done, not the plan
    if not _ORG.search(title):  # 上海市普陀区2025年区级部门预算: the department is named on its own line
        department = next((t for t in head if len(t) <= 40 and not _YEAR.search(t) and _ORG.fullmatch(t)), "")
        if not department:
            return None  # which department's report it is cannot be told: nothing to compare it with
        title = department + title
    year = int(_YEAR.search(title).group())
    series = re.sub(r"\s+", "", _YEAR.sub("{Y}", title, count=1))
    items = []
    for block, fig in analysis.in_prose():
        key = _key(analysis, check, block.text, fig)
        if key is None:
            continue
        when = _when(labels.dated(block.text, fig.start)[0], year)
        span = analysis.doc.locate(fig.span) if analysis.doc.places else fig.span
        items.append({"key": list(key), "year": when, "text": fig.text, "value": str(fig.value),
                      "decimals": fig.decimals, "unit": fig.unit, "qualifier": fig.qualifier,
                      "exact": fig.exact, "label": fig.label, "line": span.line, "column": span.column,
                      "end_column": span.end_column, "where": span.where})
    return {"series": series, "year": year, "items": items}


def _when(before: str, year: int) -> int:
    """The year a figure is about: the last of a year, 上年 or 本年 named before it in its sentence."""
    marks = [(m.end(), int(m.group(1))) for m in labels.YEAR.finditer(before)]
    marks += [(m.end(), year - 1) for m in labels.LAST_YEARS.finditer(before)]
    marks += [(m.end(), year) for m in _THIS.finditer(before)]
    return max(marks)[1] if marks else year


def _key(analysis, check: Check, text: str, fig: Figure) -> tuple | None:
    """``(label, unit family)``, the label without years, 上年 or 本年 (they date it, they do not name it)."""
    if fig.unit == "%" and any(w in fig.label for w in check.options.rates):
        label = _RELATIVE.sub("", labels.core(fig.label))
        if len(label) >= check.options.shortest and not any(w in label for w in check.options.changes):
            return (label, "ratio")
        return None
    o = check.options
    key = quantities.key(analysis, fig, o.shortest, o.changes, o.bare)
    return None if key is None else (_RELATIVE.sub("", key[1]), key[2])


def well_formed(found) -> bool:
    """Whether ``found`` is facts as :func:`facts` writes them (or None): a results store or cache file edited
    or torn elsewhere holds anything, and its document is checked again rather than compared."""
    if found is None:
        return True
    if not isinstance(found, dict) or not isinstance(found.get("series"), str) \
            or type(found.get("year")) is not int or not isinstance(found.get("items"), list):
        return False
    texts, numbers = ("text", "value", "unit", "qualifier", "label", "where"), ("year", "decimals", "line",
                                                                                "column", "end_column")
    for item in found["items"]:
        if not isinstance(item, dict) or not isinstance(item.get("key"), list) \
                or not all(isinstance(k, str) for k in item["key"]) \
                or not all(isinstance(item.get(k), str) for k in texts) \
                or not all(type(item.get(k)) is int for k in numbers) or type(item.get("exact")) is not bool:
            return False
        try:
            if not Decimal(item["value"]).is_finite():
                return False
        except ArithmeticError:
            return False
    return True


def _figure(item: dict) -> Figure:
    span = Span(item["line"], item["column"], item["line"], item["end_column"], item.get("where", ""))
    return Figure(value=Decimal(item["value"]), text=item["text"], decimals=item["decimals"],
                  unit=item["unit"], start=0, end=0, block=0, span=span, qualifier=item["qualifier"],
                  label=item["label"], exact=item["exact"])


def compare(documents: dict[str, dict], check: Check) -> list[Finding]:
    """Findings for every pair of documents (path → facts) of one series a year apart."""
    by_series: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path, found in documents.items():
        if found:
            by_series[found["series"]][found["year"]].append(path)
    out = []
    for years in by_series.values():
        for year, newer_paths in sorted(years.items()):
            for newer in newer_paths:
                for older in years.get(year - 1, ()):
                    out += _pair(older, documents[older], newer, documents[newer], check)
    return sorted(out, key=Finding.sort_key)


def _pair(older: str, old: dict, newer: str, new: dict, check: Check) -> list[Finding]:
    own = {}
    for item in old["items"]:
        if item["year"] == old["year"]:
            own.setdefault((tuple(item["key"]), item["year"]), item)
    out = []
    for item in new["items"]:
        first = own.get((tuple(item["key"]), item["year"]))
        if first is None or item["year"] != old["year"]:
            continue
        fig, earlier = _figure(item), _figure(first)
        unit = earlier.unit if precision.family(fig.unit) == "money" else None
        about = check.options.about
        if quantities.span(fig, about, unit).meets(quantities.span(earlier, about, unit)):
            continue
        place = earlier.span.where or f"line {earlier.span.line}"
        message = render(check, stated=fig.text, computed=earlier.text, label=item["key"][0],
                         year=str(item["year"]), other=earlier.text, file=older, where=place)
        out.append(Finding(code=check.code, name=check.name, severity=check.severity, message=message,
                           path=newer, span=fig.span, stated=fig.text, computed=earlier.text,
                           figures=(fig.text, earlier.text)))
    return out
