"""table_year: a table caption that names a year (2026年部门收入预算总表) names the report's year, a year
its title names (the first short line of its opening ``head`` lines with a year, and the line it goes on
into: 2024年预算执行情况 | 和2025年预算草案的报告 names both).

A caption naming another year is a finding on the table, with the title as the related place. A title
whose year names the funds it evaluates (2021年中央…补助资金绩效自评, evaluated the year after) says no
report's year: nothing is judged.
"""

from __future__ import annotations

from ...figures import labels
from ...regex import lazy
from ..base import Check, report
from ..options import options

KIND = "table_year"
FIELDS = ("stated", "computed", "said", "year")


# a title whose year names the funds it evaluates (2021年中央化肥减量增效示范县项目补助资金绩效自评)
_FUNDS_YEAR = lazy(r"(?:19|20)\d\d\s*年(?!度)[^，,。；;]*?(?:资金|项目)[^，,。；;]*?绩效")


@options
class Options:
    head: int = 8


def run(analysis, check: Check):
    title = analysis.title(check.options.head)
    if title is None:
        return
    if _FUNDS_YEAR.search(title.text):
        return  # 2021年中央…补助资金绩效自评: the funds' year, evaluated in a year the title does not say
    year = labels.YEAR.search(title.text).group(1)
    titled = analysis.title_years(check.options.head)  # 2024年预算执行情况和2025年预算草案: both years
    for table in analysis.tables:
        m = labels.YEAR.search(table.title)
        if m and m.group(1) not in titled:
            yield report(check, analysis, table.span, table.title, related=(title.span(0, len(title.text)),),
                         computed=year, figures=(m.group(1), year), said=m.group(1), year=year)
