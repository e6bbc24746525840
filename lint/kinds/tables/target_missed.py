"""target_missed: an actual value misses a target written with an explicit comparator (≥700家, then 105家), no
completion rate is stated, and the row does not say so (a ``missed`` word such as 未完成, or any text in its
偏差原因 cell but one saying there is none: 无偏差, 无, —, 已完成). A score sheet of a printed document (PDF,
OFD, or its text) whose columns stop at its 分值, its last, with no 得分 nor 偏差原因 column (a form printed
wider than its page, the rest on the next), is left alone: how a row explains its miss is not in that table.

Tables and pairs are read as :mod:`crossfoot.tables.targets` describes. The finding is on the actual.
"""

from __future__ import annotations

from ...tables import targets
from ..base import Check, report

KIND = "target_missed"
FIELDS = ("stated", "computed", "label", "target")
Options = targets.Spec


def run(analysis, check: Check):
    for sheet in targets.sheets(analysis, check.options):
        if _cut(sheet.table.header) and analysis.doc.path.lower().endswith(_PRINTED):
            continue  # 三级指标 | 年度指标值 | 实际完成值 | 分值, its 得分 and 偏差原因 on the next page: a
            # form printed wider than its page, how the row explains a miss is not in this table
        for row in sheet.rows:
            if row.rate is not None or not row.missed:
                continue
            t, a = row.missed[0]
            said = check.options.missed.within(row.words) or row.explained
            if t.qualifier in ("ge", "le") and not said:
                yield report(check, analysis, a.span, a.text, related=(t.span,), figures=(a.text, t.text),
                             label=row.label, target=targets.shown(t))


_PRINTED = (".pdf", ".ofd", ".txt", ".text")  # (pages printed, or their text: a grid may run off a page)


def _cut(header) -> bool:
    """Whether a score sheet's columns stop at its points (分值, 权重, the last column): no 得分 and no
    偏差原因 column."""
    last = next((h for h in reversed(header) if h.strip()), "")
    return ("分值" in last or "权重" in last) \
        and not any("得分" in h or "评分" in h or "偏差" in h or "原因" in h for h in header)
