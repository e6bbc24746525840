"""target_count: how many indicators the prose says were met or missed (本年度共设置6个绩效指标，完成5个，一项
未完成) agrees with the indicator tables, and with itself.

The sentence states the indicators in all (共设置 N 个绩效指标, 共 N 项指标) and, after it, how many were met
(完成 M 个, 达到 M 项) and/or missed (K 项未完成, K 个指标未达到). Said both, N must be M + K. Against the
tables (:mod:`crossfoot.tables.targets`): judged only when their indicators number N and each one's target
and actual were compared (none of two bare numbers whose direction is not said): then K must be the number
missed, and M the rest. Left alone: completion in grades (基本完成, 超额完成), last year's counts, and the
counts of a part named between (其中产出指标4个，完成3个). A finding on the count that disagrees: when M + K
is not N, on the one the tables contradict (on N when M and K agree with them; on M when the tables cannot
tell).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import labels, numbers
from ...regex import lazy
from ...tables import targets
from ..base import Check, report

KIND = "target_count"
FIELDS = ("stated", "computed", "what", "why")


@dataclass(frozen=True)
class Options(targets.Spec):
    pass


_NUM = numbers.COUNT
_ALL = lazy(rf"共(?:设置|设定|设|有|计)?\s*(?P<n>{_NUM})\s*(?:个|项|条)(?:绩效|三级)?(?:目标)?指标")
# 完成5个, 达到5项指标 (not 完成3个项目: another noun counted)
_MET = lazy(rf"(?<!未)(?:完成|达到|实现|达标)(?:了)?\s*(?P<m>{_NUM})\s*(?:个|项|条)(?:指标)?"
            r"(?=[，,。；;、）)]|$)")
_MET_AFTER = lazy(rf"(?P<m>{_NUM})\s*(?:个|项|条)(?:指标)?(?:已|均|全部)?(?:完成|达到|实现|达标)")
_GRADED = lazy(r"基本完成|部分完成|超额完成|大部分完成|基本达到|部分达到|超额实现")  # completion in grades
_OTHERS = lazy(r"上年|去年|上一年|同期")
_COUNT = lazy(rf"(?:{_NUM})\s*(?:个|项|条)")
_MISSED = lazy(rf"(?P<k>{_NUM})\s*(?:个|项|条)(?:指标)?(?:未|没有)(?:能)?(?:完成|达到|实现|达标)")


def run(analysis, check: Check):
    rows = [row for sheet in targets.sheets(analysis, check.options) for row in sheet.rows]
    known = bool(rows) and all(row.judged for row in rows)
    missed = sum(1 for row in rows if row.missed)
    year = analysis.year()
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or "指标" not in block.text:
            continue
        for start, end, _ in analysis.sentences(b):
            counted = _ALL.search(block.text, start, end)
            if counted is None:
                continue
            if _GRADED.search(block.text, start, end) or _OTHERS.search(block.text, start, counted.start()) \
                    or labels.earlier(block.text[max(start, counted.start() - 80) : counted.start()], year):
                continue  # (全部完成4个，基本完成1个; 超额完成; last year's counts)
            n = numbers.whole(counted.group("n"))
            met, lost = _met(block.text, counted.end(), end), _MISSED.search(block.text, counted.end(), end)
            first = min((m.start() for m in (met, lost) if m), default=end)
            if _COUNT.search(block.text, counted.end(), first):
                continue  # 共设置6个指标，其中产出指标4个，完成3个: the counts of a part
            m = numbers.whole(met.group("m")) if met else None
            k = numbers.whole(lost.group("k")) if lost else None
            if n is None or m is None and k is None:
                continue
            whole = known and len(rows) == n  # (the tables read whole: the same indicators counted)
            if m is not None and k is not None and m + k != n:
                if known and (m, k) == (len(rows) - missed, missed):  # the two agree with the tables
                    yield _found(check, analysis, b, counted, "n", m + k, "indicators in all",
                                 f"{m} met and {k} missed said")
                elif whole and k != missed:
                    yield _found(check, analysis, b, lost, "k", missed, "indicators missed", _TABLES)
                else:
                    yield _found(check, analysis, b, met, "m", n - k, "indicators met",
                                 f"of {n} in all, {k} said missed")
            elif whole and k is not None and k != missed:
                yield _found(check, analysis, b, lost, "k", missed, "indicators missed", _TABLES)
            elif whole and m is not None and m != n - missed:
                yield _found(check, analysis, b, met, "m", n - missed, "indicators met", _TABLES)


_TABLES = "the indicator tables"


def _met(text: str, start: int, end: int):
    """The count of met indicators after the total (完成5个; 5个指标已完成), not a count of missed ones."""
    for pattern in (_MET, _MET_AFTER):
        for m in pattern.finditer(text, start, end):
            if not text.startswith(("未", "没有"), m.end()) and not _MISSED.match(text, m.start("m"), end):
                return m
    return None


def _found(check: Check, analysis, b: int, match, group: str, computed: int, what: str, why: str):
    at, text = match.start(group), match.group(group)
    return report(check, analysis, analysis.doc.blocks[b].span(at, at + len(text)), text,
                  computed=str(computed), figures=(text,), what=what, why=why)
