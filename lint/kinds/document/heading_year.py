"""heading_year: a section heading names another year than the report's (2023年度收入支出决算总体情况说明
in the 2024 决算).

A heading is a block read as one, or a short line (``longest`` characters at most) opening with a list
marker (一、 （二） 3.) or a part's number (第三部分, 第二章), or a part's title alone on its line,
words only (上海市某局2023年度部门决算情况说明), holding no figure but its year and not ending as a
sentence does (。); so is a score form's caption with the year printed under it (项目支出绩效自评表 ⏎
（2023年度）, a page's number maybe between) or in its Word table's title row (部门整体支出绩效自评表（2023
年度）), a batch of forms with no title of its own titled by its first.
It names a year the report's title does not (a title may name two: 2024年预算执行情况和2025年预算草案) while
naming what the report is (决算 in a 决算, 预算 in a 预算: the title's kind words, option ``kinds``) and no
look back or ahead (``contexts``: 执行, 上年, 比较, 对比, 结转, 与, 较, 相比, 完成情况, 整改情况 of last
year's findings; for a form's caption, none in its section's heading either): a heading copied from another
year's report.
"""

from __future__ import annotations

from ...figures import labels
from ...ingest.text import FOLIO_ALONE
from ...regex import lazy
from ...tables import scores
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "heading_year"
FIELDS = ("stated", "computed", "said", "year")
_MARKED = lazy(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                     r"|\d{1,2}\s*[、.．]|第\s*[一二三四五六七八九十\d]{1,3}\s*(?:部分|章|篇))")


# a part's title on a line of its own, unnumbered (上海市某局2023年度部门决算情况说明): words only, ending so
_TITLE_LINE = lazy(r"\s*[\u4e00-\u9fff“”（）()\d]{4,}(?:情况说明|编制说明|决算说明|预算说明)\s*")


@options
class Options:
    kinds: Words = Words(["决算", "预算", "自评", "绩效评价"])
    contexts: Words = Words(["执行", "上年", "上一年", "比较", "对比", "结转", "以来", "至", "—", "-",
                             "与", "较", "持平", "相比", "整改情况", "整改落实", "整改结果", "整改的情况",
                             "完成情况"])
    # (2022年度绩效自评问题整改情况: last year's findings, put right; not …问题及整改措施, this year's;
    # 2024年度…绩效目标完成情况 in a 2025 budget: last year's targets looked back on)
    longest: int = 40


def run(analysis, check: Check):
    title = analysis.title()
    if title is None:
        return
    year = labels.YEAR.search(title.text).group(1)
    titled = analysis.title_years()  # 2024年预算执行情况和2025年预算草案的报告: both years
    blocks = analysis.doc.blocks
    at = next((b for b, block in enumerate(blocks) if block is title), None)
    named = (_form_title(blocks, at) if at is not None else None) or title.text  # (a batch of forms: the
    kinds = [w for w in check.options.kinds if w in named]  # first one's caption and year its title)
    if not kinds:
        return
    for b, block in enumerate(blocks):
        said = _form_title(blocks, b)  # 项目支出绩效自评表 ⏎ （2023年度）: the form's caption and its year
        if said is None and (block is title or block.kind == "row"
                             or len(block.text) > check.options.longest):
            continue
        if said is None and block.kind != "heading" and not _MARKED.match(block.text) \
                and not _TITLE_LINE.fullmatch(block.text):
            continue
        said = said or block.text
        years = labels.YEAR.findall(said)
        if len(set(years)) != 1 or years[0] in titled or not any(w in said for w in kinds):
            continue
        sentence = said.rstrip().endswith("。")
        if said is not block.text and check.options.contexts.within(blocks[analysis.section(b).start].text):
            continue  # 二、上年度自评结果应用 ⏎ …自评表（2022年度）: last year's form, as its section says
        if check.options.contexts.within(said) or analysis.figures[b] or sentence:
            continue  # a comparison, or a sentence with figures (与2024年预算持平), is no copied heading
        at = labels.YEAR.search(block.text)
        if at is None:
            continue
        yield report(check, analysis, block.span(at.start(), at.end()), said.strip(), computed=year,
                     said=years[0], year=year)


def _form_title(blocks, b: int) -> str | None:
    """A form's caption with the year printed under it (项目支出绩效自评表 ⏎ （2023年度）, as a converter
    leaves the form's title) or in its title row (部门整体支出绩效自评表（2024年度） atop a Word table): its
    words, the year's block being ``b``; else None."""
    text = blocks[b].text.replace("\t", "").strip()
    if blocks[b].kind == "row":
        return text if _FORM_TITLE.fullmatch(text) else None
    if not _YEAR_ALONE.fullmatch(text) or not b:
        return None
    k = b - 1
    while k > 0 and k >= b - 2 and _FOLIO.fullmatch(blocks[k].text.strip()):
        k -= 1  # (a page's number between: the caption at one page's foot, its year atop the next)
    before = blocks[k].text.strip()
    return before + text if blocks[k].kind != "row" and _FORM_NAME.fullmatch(before) else None


_FOLIO = lazy(FOLIO_ALONE)
_FORM_NAME = lazy(scores.FORM_CAPTION)
_YEAR = r"[（(]\s*(?:19|20)\d\d\s*年度?\s*[)）]"
_YEAR_ALONE = lazy(_YEAR)
_FORM_TITLE = lazy(rf"{scores.FORM_CAPTION}\s*{_YEAR}")
