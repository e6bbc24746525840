"""year: a figure of the report's own budget or execution attributed to an earlier year.

The report's year is the year its title names (the first year in its opening ``head`` paragraphs), or else
the year most of its dated figures are attributed to. A figure is attributed to a year when its sentence
names exactly one year before it (2021 年度市本级指标 56.83亿元). It is a finding when that year is earlier
than the report's, the figure's label is about the budget or its execution (``subjects``: 预算, 决算, 支出,
指标, 执行率, 结转, 结余, 得分, 收入), and nothing in the sentence before it compares or spans years
(``contexts``: 比, 较, 同比, 上年, 上一年, 增长, 相比, 至, 截至, 由, 从, 延续, 近三年, ...), nor does the rest
of its sentence name a later year (2023年为92.15%，2024年为96.99%; 2022年…；2023年…；2024年…), nor do its
sentence's clauses before it (2024年为 a；2023年为 b; 比上年提高 d 个百分点；2023年…为 b), nor is it quoted
after a colon (审计报告指出：“2023年度…”: another's words), nor is it told under a label of that year before
it in its paragraph (（2023年度情况：…）, 【2023年度情况】), nor does the next sentence compare (与上年相比,
同比增长), nor, when it ends its paragraph, does a later paragraph compare the same measure with the year
before (its base, stated first), nor does the heading of its section look back (（三）上年支出情况) or name
that year (一、2019年转移支付情况), nor does the rest of its sentence put it to this year's use
(2023年超收收入 a，…，需调入预算稳定调节基金 d), nor does the next sentence or paragraph open with the
report's year telling of the same thing compared with last year (2023年度…预算 a，实际支出 b。 ⏎ 2024年度…支出
c，比上年减少 d; or a bare change after its first figure: 2024年…支出 a。2025年…支出 c，减少 d，下降 p): that
is how a paragraph copied from last year's report reads.
One finding per sentence, on its first such figure. A title that names a budget (``ahead``: 预算) and no look
back (``behind``: 决算, 自评, 执行情况) is a budget for the year to come, which reports the current year's
execution: figures of the year before the title's are its own.
"""

from __future__ import annotations

import bisect
from collections import Counter
from decimal import Decimal

from ...figures import growth, labels, quantities
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "year"
FIELDS = ("stated", "computed", "said", "year", "source")


@options
class Options:
    head: int = 8
    subjects: Words = Words(["预算", "决算", "支出", "指标", "执行率", "结转", "结余", "得分", "收入"])
    ahead: Words = Words(["预算"])
    behind: Words = Words(["决算", "自评", "评价", "执行情况", "绩效"])
    contexts: Words = Words(["比", "较", "同比", "上年", "上一年", "前一年", "去年", "增长", "下降", "增加",
                             "减少", "相比", "与", "至", "到", "—", "-", "~", "累计", "以来", "截至", "截止",
                             "期间", "连续", "由", "从", "延续", "以前年度", "此前", "近三年", "近两年",
                             "近五年", "近几年", "近年", "历年", "逐年"])


def run(analysis, check: Check):
    dated = list(_dated(analysis))
    year, source = _report_year(analysis, check, dated)
    if year is None:
        return
    subjects, contexts = check.options.subjects, check.options.contexts
    if source.startswith("its title") and _ahead(analysis, check):
        year -= 1  # a budget for next year reports this year's execution
    done = set()
    for fig, before, years in dated:
        said = int(years[0])
        if len(set(years)) != 1 or said >= year or (fig.block, fig.start - len(before)) in done:
            continue
        if not any(w in fig.label for w in subjects) or any(w in before for w in contexts):
            continue
        text = analysis.doc.blocks[fig.block].text
        if _later_after(text, fig.end, said):
            continue  # 2023年执行率为92.15%，2024年为96.99%: the years set side by side
        if _compared_next(text, fig.end) or _compared_below(analysis, fig):
            done.add((fig.block, fig.start - len(before)))  # (a look back: its other figures too)
            continue  # 2022年度收入总计1,050.00万元。与上年相比，…: stated to be compared with
        if _YEAR_NAMES.match(before, before.rfind(years[-1])):
            continue  # 2017年“平安村居”奖励金项目…得分; 2016年省级预算内投资项目区级配套，项目预算资金
        if _THEN.search(before, before.rfind(years[-1])):
            continue  # 对2014年末结余资金进行清理，清理后上缴国库4.2亿元: what came of it afterwards
        if _PUT_TO_USE.search(text, fig.end, labels.stop_after(text, fig.end)) \
                or _PUT_TO_USE.search(before, max(before.rfind("，"), before.rfind(","), 0)):
            continue  # 2023年超收收入 a，…，需调入…基金 d: last year's result, put to this year's use
        opened = max(text.rfind(c, 0, fig.start) for c in "。！？!?") + 1
        earlier = text[opened : fig.start - len(before)]  # the sentence's clauses before the figure's
        own = [int(y) for y in labels.YEAR.findall(earlier)]
        this = year in own or _THIS_YEAR.search(earlier) is not None
        if said == year - 1 and _AGAINST_LAST.search(earlier) and this \
                or year in own and not _PLAN_AHEAD.search(earlier):
            continue  # 2024年执行率 a，比上年提高 d 个百分点；2023年执行率为 b: the base compared with (and
            # 2024年为 a；2023年为 b: the years side by side, the later first)
        if _THIS_YEAR.search(labels.clause(text, fig.start)):
            continue  # 2023年…决算 a，本年决算 b: b is the report's year's
        if _quoted(text, fig.start):
            continue  # 审计报告指出：“2023年度公用经费超预算支出15.60万元。”: another's words, quoted
        if _looking_back(analysis, fig.block, said):
            continue  # under a heading （三）上年支出情况 or 一、2019年转移支付情况: about that year
        labelled = list(_LABELLED.finditer(text, 0, fig.start))
        if labelled and not labelled[-1].group(2) and (labelled[-1].group(1) or str(year - 1)) == str(said):
            continue  # （2023年度情况：…）, 【2023年度情况】…: told under a label of that year
        if said == year - 1 and _after_own(analysis, fig, before):
            continue  # （三）公务接待费1.95万元。2014年度公务接待费1.29万元: last year's, beside this year's
        if said == year - 1 and _before_own(analysis, fig, year):
            continue  # 2023年度机关运行经费… ⏎ 2024年度机关运行经费支出 X，比上年…: set before this year's
        done.add((fig.block, fig.start - len(before)))
        yield report(check, analysis, fig.span, fig.text, computed=str(year), figures=(fig.text,),
                     said=str(said), year=str(year), source=source)


# a sentence opening with a label of the year it tells of (（2023年度情况：…）, 上年情况：…)
_LABELLED = lazy(r"(?:((?:19|20)\d\d)\s*年度?|上年度?|去年|上一年度?|(本年度?|今年))"
                 r"[\u4e00-\u9fff]{0,16}(?:情况|回顾|数据|对比)(?:如下)?\s*[：:】\]]")
_AGAINST_LAST = lazy(r"比上年|较上年|同比|与上年|比去年|较去年")


def _quoted(text: str, at: int) -> bool:
    """Whether ``at`` is inside a quotation of another's words (审计报告指出：“…”), not a name in quotes."""
    opened = text.rfind("“", 0, at)
    return opened > text.rfind("”", 0, at) and _SAID.search(text, max(0, opened - 8), opened) is not None


# a quotation of another's words (审计报告指出：“…”), not a target or a plan quoted (绩效目标为：“…”)
_SAID = lazy(r"(?:指出|反映|提出|认为|表示|要求|强调|发现|称|写道|载明)\s*[：:]\s*$")
_PLAN_AHEAD = lazy(r"到\s*20\d\d|计划|规划|目标|力争|预计")  # (到2025年…: a plan's year, not a figure's)


def _dated(analysis):
    """``(figure, sentence text before it, years named there)`` for every figure with a unit."""
    for block, fig in analysis.in_prose():
        if fig.unit:
            before, years = labels.dated(block.text, fig.start)
            if years:
                yield fig, before, years


# a year that opens a project's or a campaign's name (2017年“平安村居”奖励金项目; 2016年省级预算内投资项目区级
# 配套，项目预算资金 X: the figure's clause names the project again), not the year of the figure
_YEAR_NAMES = lazy(r"20\d\d\s*年度?\s*(?:[“\"][^”\"]{1,20}[”\"][^，,。；;]{0,12}项目"
                   r"|[^，,。；;]{2,30}项目[^，,。；;]*[，,]\s*(?:该|本)?项目)")
_THEN = lazy(r"[，,]\s*[\u4e00-\u9fff]{0,4}(?<!以)后")  # a clause opening with what came after (清理后)
_NEXT_COMPARES = ("相比", "比上年", "较上年", "同比", "比去年")
_HEADING = lazy(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                      r"|\d{1,2}\s*[.．、](?!\d)|第[一二三四五六七八九十]{1,3}[部章节])[^。；;]{0,30}$")
_RUN_IN = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
               r"|\d{1,2}\s*[.．、](?!\d))([^。；;：:，,\d]{2,20})[。：:]")  # （三）上年收支回顾。…
_COMPARING = lazy(r"对比|比较|相比|与上年|较上年")
_BACK = ("上年", "上一年", "去年", "以前年度", "往年", "历年", "前三年", "近三年", "上年度", "近两年",
         "近五年", "近几年")
# 近年以来, 近年间 (not 临近年底, 接近年末, 最近年度)
_RECENT_YEARS = lazy(r"(?<![临接最靠])近年(?![底末终])")


def _looking_back(analysis, block: int, said: int) -> bool:
    """Whether the heading of the section ``block`` is in names the years before (（三）上年支出情况) or the
    year ``said`` alone (一、2019年转移支付情况 in a report of 2020: the section is that year's)."""
    blocks = analysis.doc.blocks
    run_in = _RUN_IN.match(blocks[block].text)
    if run_in and (any(w in run_in.group(1) for w in _BACK) or _RECENT_YEARS.search(run_in.group(1))) \
            and not _COMPARING.search(run_in.group(1)):
        return True  # （三）上年收支回顾。2023年度…: a title run into its paragraph (not 与上年对比分析)
    for k in range(block - 1, max(-1, block - 40), -1):
        text = blocks[k].text
        if blocks[k].kind != "row" and _HEADING.match(text):
            return any(w in text for w in _BACK) or _RECENT_YEARS.search(text) is not None \
                or set(labels.YEAR.findall(text)) == {str(said)}
    return False


# what the sentence goes on to do with a figure of an earlier year: moving it this year (需调入, 拟补充)
_PUT_TO_USE = lazy(r"[，,]\s*(?:按规定|依法)?(?:需|拟|将|应)(?:要)?(?:全部)?"
                   r"(?:调入|调出|补充|弥补|动用|统筹)")
# (moved between funds: not 拟用于, 将安排, a copied paragraph's plans read the same)


_THIS_YEAR = labels.THIS_YEAR
_THIS_YEAR_OPENS = lazy(r"\s*(?:本年度?|今年)")


def _later_after(text: str, end: int, said: int) -> bool:
    """Whether the rest of the sentence after ``end`` names a year later than ``said``, or this year
    against the last (…84.00分，本年度较上年提高7.50分)."""
    reach = min(len(text), end + labels.REACH)  # (a sentence's reach: text without stops costs no more)
    stop = text.find("。", end, reach)  # (2022年…；2023年…；2024年…: a series over its clauses)
    stop = stop if stop >= 0 else reach
    clause = text.find("；", end, stop)
    clause = stop if clause < 0 else clause
    return any(int(m.group(1)) > said for m in labels.YEAR.finditer(text, end, stop)) \
        or _THIS_YEAR.search(text, end, clause) is not None \
        or _THIS_YEAR_OPENS.match(text, clause + 1) is not None  # (本年度较上年; …；本年度未安排…减少;
    # not …；当年无结转: that year's)


def _after_own(analysis, fig, before: str) -> bool:
    """Whether ``fig``'s sentence opens with its year (2014年度支出 X) right after a sentence stating an
    undated amount (公务用车运行费4.72万元，…。2014年度支出4.63万元): the item's last-year figure set
    beside this year's, not a paragraph copied from last year's report."""
    if not _OPENS_DATED.match(before):
        return False
    text = analysis.doc.blocks[fig.block].text
    opened = fig.start - len(before)
    sentences = analysis.sentences(fig.block)
    k = bisect.bisect_right(analysis.memo(_ends, fig.block), opened) - 1  # the sentence ending before it
    if k < 0:
        return False
    last, _end, figs = sentences[k]
    return any(f.unit == fig.unit and not labels.YEAR.search(text[last : f.start]) for f in figs)


def _before_own(analysis, fig, year: int) -> bool:
    """Whether ``fig``'s sentence opens with a year and the next sentence, or the next paragraph, opens
    with the report's year (or 本年) telling of the same thing (four characters alike before their first
    figures), compared with last year in its first sentence (2023年度…预算 a，实际支出 b。 ⏎ 2024年度…支出 c，
    比上年减少 d; 2024年…支出 a。2025年…支出 c，减少 d，下降 p: a bare change after its first figure): last
    year's figures set before this year's, its base, not a copy."""
    blocks = analysis.doc.blocks
    text = blocks[fig.block].text
    opened = max(text.rfind(c, 0, fig.start) for c in "。！？!?") + 1
    dated = _OPENS_YEAR.match(text, opened)
    if dated is None or dated.group(2):
        return False
    mine = labels.YEAR.sub("", text[opened : fig.start])
    ended = min((k for k in (text.find(c, fig.end) for c in "。！？!?") if k >= 0), default=-1)
    if ended >= 0 and _OPENS_YEAR.match(text, ended + 1):  # the next sentence, in the same paragraph
        later, start = fig.block, ended + 1
    else:  # (or, when that is a remark, 主要用于…, the next paragraph)
        later = next((k for k in range(fig.block + 1, min(fig.block + 3, len(blocks)))
                      if blocks[k].kind != "row"), None)
        start = 0
    if later is None:
        return False
    text = blocks[later].text
    opens = _OPENS_YEAR.match(text, start)
    if opens is None or opens.group(1) not in (str(year), None) and not opens.group(2):
        return False
    figs = [f for f in analysis.figures[later] if f.start >= opens.end()]
    theirs = text[opens.end() : figs[0].start if figs else min(len(text), opens.end() + 40)]
    stop = text.find("。", opens.end())
    stop = stop if stop >= 0 else len(text)
    compared = _AGAINST_LAST.search(text, opens.end(), stop) is not None \
        or bool(figs) and _BARE_CHANGE.match(text, figs[0].end) is not None
    return compared and any(mine[k : k + 4] in theirs for k in range(max(0, len(mine) - 3)))


_BARE_CHANGE = lazy(r"[，,]\s*(?:减少|增加|下降|增长|上升|降低|提高)\s*\d")
_OPENS_YEAR = lazy(r"\s*(?:((?:19|20)\d\d)\s*年度?|(本年度?|今年))")


def _ends(analysis, block: int) -> list[int]:
    """Where each sentence of ``block`` ends (once per block)."""
    return [end for _start, end, _figs in analysis.sentences(block)]


_OPENS_DATED = lazy(r"^\s*20\d\d\s*年度?[\u4e00-\u9fff“”（）()]{0,16}$")


def _compared_next(text: str, end: int) -> bool:
    """Whether the sentence after the one ending past ``end`` compares with the year before (与上年相比，…;
    2023年支出总额520.36万元，同比增长8.38%)."""
    stop = text.find("。", end)
    if stop < 0:
        return False
    after = text.find("。", stop + 1, stop + 121)
    return any(w in text[stop + 1 : after if after >= 0 else stop + 121] for w in _NEXT_COMPARES)


def _compared_below(analysis, fig) -> bool:
    """Whether a figure's sentence ends its paragraph and a sentence of a later paragraph compares the same
    measure with the year before (2020年度本部门实际支出 X，主要用于…。 ⏎ … ⏎ 2021年度实际支出 Y，比上年增加
    C: its base, stated first: its numbers fit, whatever the later sentence calls it, or it is that amount's
    last year's by name)."""
    blocks = analysis.doc.blocks
    text = blocks[fig.block].text
    stop = text.find("。", fig.end)
    measure = labels.core(fig.label)[-4:]
    if stop >= 0 and text[stop + 1 :].strip() or len(measure) < 4:
        return False
    for b in range(fig.block + 1, min(fig.block + _BASE_REACH, len(blocks))):
        if blocks[b].kind != blocks[fig.block].kind:
            continue
        later = blocks[b].text
        sentences = analysis.sentences(b)
        for k, sentence in enumerate(sentences):
            said = later[sentence[0] : sentence[1]]
            if not any(w in said for w in _NEXT_COMPARES):
                continue
            if _based_on(fig, [f for f in (*(sentences[k - 1][2] if k else ()), *sentence[2])
                               if _same_kind(fig, f)]):
                return True  # its numbers fit, the amount of its kind (全年支出 Y for 部门支出，比上年增加
                # C), maybe in the sentence before (2024年支出决算 Y。支出决算比上年增加 C，增长 R%)
            if measure not in said:
                continue
            if any(
                    prior is fig for unit in ("%", None)
                    for _, prior, _, _ in growth.against_earlier(analysis, _SPEC, later, sentence, unit)) \
                    or _ADJUSTED_BASE.search(said) and any(quantities.prior_of(analysis, f) is fig
                                                           for f in sentence[2]):
                return True  # (the change judged against it: its own finding; or the
                # comparison on a base adjusted from it, 剔除…因素，比上年同口径增加: its base, unsaid)
    return False


def _same_kind(base, figure) -> bool:
    """Whether an amount is of the kind of ``base`` (收入, 支出, 经费, 资金: the first each label names,
    when both name one), or names nothing (a change or a rate is judged by its numbers)."""
    a, b = (_KIND_NAMED.search(labels.core(f.label)) for f in (base, figure))
    return a is None or b is None or _CHANGED.search(figure.label) is not None or a.group() == b.group()


_KIND_NAMED = lazy(r"收入|支出|经费|资金")


_SPEC = growth.Spec()
_ADJUSTED_BASE = lazy(r"剔除|扣除|同口径|可比口径")


def _based_on(base, figures) -> bool:
    """Whether an amount and its change stated in a sentence (Y，比上年增加 C; or 增长 R%) go back to
    ``base``: Y − C (or Y + C for a fall) is ``base`` to its last digit, or Y / base − 1 is R."""
    money = [f for f in figures if f.unit == base.unit and f.is_point]
    rates = [f for f in figures if f.unit == "%" and f.is_point and _CHANGED.search(f.label)]
    for amount in money:
        for rate in rates if base.value else ():
            sign = -1 if _FELL.search(rate.label) else 1
            slack = Decimal(1).scaleb(-rate.decimals)  # (a rate to its last digit, the amounts rounded too)
            if abs((amount.value / base.value - 1) * 100 - sign * rate.value) <= slack:
                return True  # 本年 Y，比上年增长 R%: Y / base − 1 is R
        for change in money:
            if change is amount or not _CHANGED.search(change.label):
                continue
            sign = -1 if _FELL.search(change.label) else 1
            slack = Decimal(1).scaleb(-min(amount.decimals, change.decimals, base.decimals))
            if abs(amount.value - sign * change.value - base.value) <= slack:
                return True
    return False


_CHANGED = lazy(r"增加|减少|增长|下降|增|减")
_FELL = lazy(r"减少|下降|减")


_BASE_REACH = 40  # paragraphs after last year's amount where this year's may be compared with it


def _ahead(analysis, check: Check) -> bool:
    """Whether the title names a budget (预算) for a year to come rather than a look back (决算, 自评)."""
    block = analysis.title(check.options.head)
    title = block.text if block is not None else ""
    ahead, behind = check.options.ahead, check.options.behind
    return any(w in title for w in ahead) and not any(w in title for w in behind)


_SPAN = lazy(r"20\d\d\s*年?\s*[—–\-－~～至到]\s*20\d\d\s*年")


def _report_year(analysis, check: Check, dated) -> tuple[int | None, str]:
    block = analysis.title(check.options.head)
    if block is not None and _SPAN.search(block.text) and not labels.YEAR.search(_SPAN.sub("", block.text)):
        return None, ""  # 2017—2019年预算编制说明: a report of several years, each figure's its own
    if block is not None:
        year = labels.YEAR.search(block.text).group(1)
        return int(year), f"its title, {analysis.doc.cite(block.span(0, len(block.text)))}"
    counts = Counter(years[0] for _, _, years in dated if len(set(years)) == 1)  # (not 2024年9月至2025年8月)
    if not counts:
        return None, ""
    year, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return (int(year), f"the year of {n} of its dated figures") if n >= 3 else (None, "")
