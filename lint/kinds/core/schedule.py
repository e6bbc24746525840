"""schedule: a completion rate and how far it stands from the time elapsed (序时进度) say one thing
(1-10月…完成预算76.0%，低于序时进度7.3个百分点: 10/12 = 83.3%, less 76.0%).

Finds, in each sentence, a percentage point figure whose label is a direction and 序时进度 (or 时间进度,
均衡进度; ``behind``: 低于, 落后, 滞后, 慢于; ``ahead``: 高于, 超过, 超出, 超, 快于, 领先), or 较…进度 and a
direction after it (较均衡进度慢 g, g in % too: points, or a share of the time itself; 时间进度 and 均衡进度
only for a rate of the budget, 完成预算…, not a project's own schedule), right after a completion rate (a
percentage, only a comma between); rates and gaps stated 分别 (A、B分别完成 a% 和 b%，分别超序时进度 g 和
h 个百分点) pair in order, and a gap after such rates without 分别 is nobody's. The time elapsed is the
months of the period the report states before it, nearest first: 1-N月 (1-10月份), 截至N月底 (or its last
day), 上半年 (6), 前三季度 (9), 一季度 (3), 全年 (12; not 全年预算), in the rate's paragraph, the few
before, or the document's opening lines; with none, or a period ending mid-month, there is no relation.

Judged as intervals: the gap stands for its rounding interval, the rate for its own, and the time elapsed
for N/12 or that share rounded as the rate is written (reports round 83.33% to 83.3% before subtracting).
"""

from __future__ import annotations

from decimal import Decimal

from ...figures import precision
from ...interval import Interval
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "schedule"
FIELDS = JUDGED


@options
class Options:
    behind: Words = Words(["低于", "落后", "滞后", "慢于", "慢"])
    ahead: Words = Words(["高于", "超过", "超出", "超", "快于", "领先", "快"])


# the gap's whole label: a direction and 序时进度, no subject of its own (总收入落后序时进度: another rate's)
# but the rate's own progress (支出完成预算的 P%，支出进度低于序时进度 g)
_GAP = lazy(r"[\s，,]*(?:(?P<own>支出|执行|预算执行)?进度)?(?:已|仍|均|分别)?"
            r"(?:(?P<way>[\u4e00-\u9fff]{1,2})(?:序时(?:进度)?|时间进度|均衡进度)(?:要求)?"
            r"|较(?:序时|时间|均衡)进度(?P<pace>[快慢]))\s*")  # 低于序时进度 g; 超时间进度 g; 较均衡进度慢 g
# a period opening a sentence (1-10月，…; 2023年上半年…; 截至10月底，…), as a report's time adverbial
_PERIOD = lazy(r"(?:(?:19|20)\d\d\s*年\s*)?(?:(?<!\d)1\s*[-－—~～至到]\s*(\d{1,2})\s*月份?"
               r"|截[至止]\s*(?:(?:19|20)\d\d\s*年\s*)?(\d{1,2})\s*月(?:底|末|份|(?:30|31)\s*日)"
               r"|(上半年)|(前三季度|1\s*[-－—~至到]\s*3\s*季度)|(一季度))")
_SCHEDULE = lazy(r"序时|时间进度|均衡进度")
_OPENS = lazy(r"(?:^|[。；;！!]|\s)\s*$")  # what stands before a period that opens its sentence
# any other word of time in the rate's own sentence: its period is not one read here
_OTHER = lazy(r"全年(?!预算|计划|任务|目标|收入预算|支出预算)|截[至止]|前\s*[\d一二三四五六七八九十]+\s*个?月"
              r"|季度|半年|\d{1,2}\s*月")
_MONTHS = {2: 6, 3: 9, 4: 3}  # 上半年, 前三季度, 一季度
_BLOCKS_BACK = 6
_REACH = 3000  # how far back in a block the period is looked for (a page on one line stays linear)
_HUNDRED = Decimal(100)


def run(analysis, check: Check):
    o = check.options
    for block in analysis.stating("个百分点", "%"):
        text = analysis.doc.blocks[block].text
        if not _SCHEDULE.search(text):
            continue
        for start, _end, figs in analysis.sentences(block):
            for k, (rate, gap) in enumerate(zip(figs, figs[1:])):
                m = _GAP.fullmatch(gap.label)
                if gap.unit not in ("个百分点", "%" if m and m.group("pace") else "") or rate.unit != "%" \
                        or not (rate.is_point and gap.is_point) \
                        or m is None or text[rate.end : gap.start].strip(" ，,") != gap.label.strip(" ，,"):
                    continue
                pairs = _respective(figs, k) if "分别" in gap.label else [(rate, gap)]
                if rate.label.strip() in _JOINS and "分别" not in gap.label:
                    continue  # A、B分别完成 a% 和 b%，超序时进度 G: whose gap is not said
                if m.group("own") and m.group("own") not in rate.label:
                    continue  # 收入完成预算的 P%，支出进度低于序时进度 g: another rate's (支出完成…: its own)
                word = m.group("way") or m.group("pace")
                sign = -1 if word in o.behind else 1 if word in o.ahead else 0
                if "序时" not in gap.label and "预算" not in rate.label:
                    continue  # 项目资金支出率60%，低于时间进度: a project's own schedule, not the year's
                months = _elapsed(analysis, block, start, rate.start)
                if not sign or months is None:
                    continue
                for rate, gap in pairs:
                    verdict = _judge(check, analysis, rate, gap, months, sign)
                    if verdict:
                        yield verdict


def _judge(check, analysis, rate, gap, months: int, sign: int):
    elapsed = Decimal(months) * _HUNDRED / Decimal(12)
    shown = round(elapsed, rate.decimals)
    time = Interval(min(elapsed, shown), max(elapsed, shown))
    said = f"{months}/12 ({elapsed:.2f}%)"
    expression = f"{said} − {rate.text}" if sign < 0 else f"{rate.text} − {said}"

    def compute():
        return time - precision.interval(rate) if sign < 0 else precision.interval(rate) - time

    verdict = judge(check, analysis, gap, (rate,), compute, expression=expression)
    if verdict is not None and not verdict.holds and gap.unit == "%" and time.lo > 0:
        relative = judge(check, analysis, gap, (rate,), lambda: compute() / time, scale=_HUNDRED)
        if relative is not None and relative.holds:
            return None  # 较时间进度慢8.8%: (83.33 − 76.0)/83.33, a gap in % may be of the time itself
    return verdict


_JOINS = ("和", "、", "及", "与")


def _respective(figs, k: int) -> list:
    """The rates and gaps of A、B分别完成 a% 和 b%，分别超序时进度 g 和 h 个百分点, paired in order
    (``figs[k]`` the last rate, ``figs[k + 1]`` the first gap); none when the lists differ in length."""
    gaps = [figs[k + 1]]
    for f in figs[k + 2 :]:
        if f.label.strip() not in _JOINS or not f.is_point:
            break
        gaps.append(f)
    rates = [figs[k]]
    j = k
    while len(rates) < len(gaps) and j > 0 and figs[j].label.strip() in _JOINS:
        j -= 1
        rates.insert(0, figs[j])
    if len(rates) != len(gaps) or len(gaps) < 2 or any(r.unit != "%" or not r.is_point for r in rates):
        return []
    return list(zip(rates, gaps))


def _elapsed(analysis, block: int, start: int, at: int) -> int | None:
    """The months of the period the rate at ``at`` (its sentence starting at ``start``) is of: the one its
    sentence opens with; else, when the sentence names no other time, the nearest that opens a sentence
    before it in its paragraph or the few before; else the one the document's opening lines (its title)
    name. None when none is stated, or its own sentence names another time (截至10月25日, 前10个月, 全年)."""
    blocks = analysis.doc.blocks
    text = blocks[block].text
    start = max(start, text.rfind("；", start, at) + 1, text.rfind(";", start, at) + 1)  # (its own clause)
    said = text[start:at]
    own = _PERIOD.match(text, start + len(said) - len(said.lstrip(" （(一二三四五六七八九十、)）")))
    if own is not None:
        return _months(own)
    if _OTHER.search(text, start, at):
        return None
    before = range(block - 1, max(-1, block - 1 - _BLOCKS_BACK), -1)
    for b, end in [(block, start), *((b, len(blocks[b].text)) for b in before)]:
        said = blocks[b].text
        found = None
        for m in _PERIOD.finditer(said, max(0, end - _REACH), end):
            if _OPENS.search(said, max(0, m.start() - 4), m.start()):
                found = m
        if found is not None:
            return _months(found)
    for b in range(min(3, block)):  # the title: 2017年1-10月财政预算执行情况
        found = _PERIOD.search(blocks[b].text)
        if found is not None:
            return _months(found)
    return None


def _months(found) -> int | None:
    k = next(i for i, g in enumerate(found.groups()) if g is not None)
    months = _MONTHS.get(k) or int(found.group(k + 1))
    return months if 1 <= months <= 12 else None
