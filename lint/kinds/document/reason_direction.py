"""reason_direction: the reason a report gives for a change points the other way (支出减少2.98%。
主要原因是…经费增加).

A reason is the text after 主要原因 (原因是, 原因为, 原因：, 主要是因为) to the end of its sentence. The
change it explains is the direction word in the ``reach`` characters before it, from its own item on (not past
a （九） or 2. after a stop): ``up`` (增加, 增长, 大于, 高于 …) or ``down`` (减少, 下降, 小于, 低于 …); when
both stand side by side (增长（下降）, a template's choice) it is not judged, and when both stand there apart,
the word of the change amount decides (减少0.51万元，增长45.94%: a decrease, the rate's word being GRW003's).
A rise of a quality (提高…质量, 效率, 水平) is no spending's. It is a finding when the reason names only the
opposite direction (``reason_up``: 增加, 新增, 追加 …; ``reason_down``: 减少, 压减, 调减, 节约, 未完成 …), and
none of the change's own, and both speak of spending (``subjects``: 经费, 支出, 费用, 总计, 预算数 … in the
change's sentence; ``spent``: the same, 项目, 补助, 资金, 业务量 …, right before any of the reason's direction
words or right after it, as a verb's object: 压减公用经费; 结转 not), or both of income (收入 in the change's
words, ``income`` words before the reason's: 补助资金增加 for a fall in 收入, not a balance carried over): a
reason that spending rose for a fall in spending. A reason that names no direction, or both, another kind of
thing (结转增加 for a fall in spending is sound), or last year's amount (``past``: 上年, 去年, in the clause
of its direction word, or before it with nothing between saying this year: 本年, 今年, a year; 比上年 and
已于上年 no past words), or a change of a balance (结转和结余 rises as spending falls), is left alone.
"""

from __future__ import annotations

from ...figures import labels
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "reason_direction"
FIELDS = ("stated", "computed", "change", "said")
_REASON = lazy(r"(?:主要原因(?:是|为|在于)?|原因主要(?:是|为|在于)|原因(?:是|为|在于)|原因(?=\s*[：:])"
               r"|主要(?:是)?(?:因为|由于)|(?<=[，,])主要是(?!用于|指|为了|以|在|对|按|根据|围绕|通过))\s*[：:]?")
_CARRIED = lazy(r"结转|结余")
_AMOUNT_WORD = lazy(r"([\u4e00-\u9fff]{2})\s*([-−－])?[\d,.]+\s*(?:万元|元|亿元)")  # 减少0.51万元
_NEGATIVE = lazy(r"[\u4e00-\u9fff]{2}\s*[-−－][\d,.]+\s*(?:万元|元|亿元)")
_QUALITY = lazy(r"[^，,。；;]{0,10}?(?:质量|效率|效益|水平|能力|标准|效果|满意度|绩效|使用率|利用率|精准度)")
_ITEM = lazy(r"[。；;]\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))")  # an item's start


@options
class Options:
    up: Words = Words(["增加", "增长", "上升", "提高", "大于", "高于", "超过", "增幅"])
    down: Words = Words(["减少", "下降", "降低", "小于", "低于", "节约", "减幅", "降幅"])
    reason_up: Words = Words(["增加", "增长", "上升", "提高", "新增", "调增", "追加", "扩大", "增多", "增高",
                              "增设", "多支", "恢复安排"])
    reason_down: Words = Words(["减少", "下降", "降低", "压减", "调减", "缩减", "节约", "未完成", "未开展",
                                "未能", "未实施", "取消", "缩小", "少支", "暂缓", "不再安排", "上缴", "调出"])
    subjects: Words = Words(["经费", "支出", "费用", "开支", "费", "总计", "预算数", "执行数", "决算数"])
    spent: Words = Words(["经费", "支出", "费用", "开支", "费", "项目", "补助", "资金", "投入", "业务量",
                          "业务需要", "业务需求", "工作量"])
    """What a spending's reason speaks of (支出减少，主要原因是…运转补助增加: the other way), 结转 apart."""
    income: Words = Words(["收入", "拨款", "补助", "补贴", "资金"])
    """What an income's reason speaks of (收入减少，主要原因是上级补助资金增加: the other way)."""
    past: Words = Words(["上年", "去年", "上一年", "同期"])
    reach: int = 40


def _word_start(text: str, lo: int, words) -> int:
    """``lo``, or earlier when it falls inside one of ``words`` or between one and the bracket after it: a
    window's start never parts a template's 增长（下降）, leaving （下降） alone to say a fall."""
    for word in words:
        for k in range(1, len(word) + (text[lo : lo + 1] in "（(")):
            if lo - k >= 0 and text.startswith(word, lo - k):
                return lo - k
    return lo


def run(analysis, check: Check):
    o = check.options
    for block in analysis.doc.blocks:
        text = block.text
        if block.kind == "row" or "原因" not in text and "主要" not in text:
            continue
        for m in _REASON.finditer(text):
            before = text[_word_start(text, max(0, m.start() - o.reach), (*o.up, *o.down)):m.start()]
            item = max((x.end() for x in _ITEM.finditer(before)), default=0)
            before = before[item:]  # (…导致该支出减少。（九）A 3616万元，主要原因是: the reason of (九))
            ups = [before.rfind(w) for w in o.up if w in before]
            downs = [before.rfind(w) for w in o.down if w in before]
            if not ups and not downs or ups and downs and abs(max(ups) - max(downs)) < 6:
                continue  # nothing changes here, or a template's 增长（下降）
            claimed = 1 if (max(ups) if ups else -1) > (max(downs) if downs else -1) else -1
            amounts = {(1 if any(m.group(1).endswith(w) for w in o.up) else -1) * (-1 if m.group(2) else 1)
                       for m in _AMOUNT_WORD.finditer(before)
                       if any(m.group(1).endswith(w) for w in (*o.up, *o.down))}  # (增加-21.60: a fall)
            if len(amounts) == 1 and (ups and downs or _NEGATIVE.search(before)):
                claimed = amounts.pop()  # 减少0.51万元，增长45.94%: the amount's own word, not the rate's
            elif ups and downs and amounts:
                continue
            listed = _FIRST_OF.match(text, m.end())  # (一是新增 a；二是压减 b: all its items)
            end = m.end() + _REASON_LONGEST
            stop = (_SENTENCE_END if listed else _CLAUSE_STOP).search(text, m.end(), end)
            reason = text[m.end(): stop.start() if stop else end]
            said_up, said_down = o.reason_up.first(reason), o.reason_down.first(reason)
            opposite, own = (said_down, said_up) if claimed > 0 else (said_up, said_down)
            told = _told(text, m.start(), o)
            earning = "收入" in told and not o.subjects.within(told)  # 收入总计减少…: income's reason
            if not opposite or own or not (earning or o.subjects.within(told)) \
                    or _BALANCE.match(_YEARS.sub("", labels.ASIDE.sub("", told))) or _BUDGET_GAP.search(told):
                continue  # (年末结转和结余增加，主要原因是支出减少: a balance rises as spending falls; 决算数
                # 小于预算数的主要原因是新增项目尚在实施中: an execution's reason, no change's)
            words = o.reason_down if claimed > 0 else o.reason_up
            found = next(((at, word) for at, word in _said(reason, words)
                          if _of(reason, at, word, o.income if earning else o.spent, analysis.year())), None)
            if found is None:
                continue  # the reason's rise is of something else than spending (结转结余增加, 提高…质量)
            at, opposite = found
            if o.past.within(_clause(reason, at)) or _said_of_past(reason, at, o):
                continue  # 上年一次性增加了设备购置; 上年开展换届工作，会议费增加较多，本年无此项支出: last
                # year's rise (not 部分项目已于上年完成，项目支出相应减少: this year's fall, 相应 between)
            change = "an increase" if claimed > 0 else "a decrease"
            yield report(check, analysis, block.span(m.end() + at, m.end() + at + len(opposite)),
                         opposite, computed=change, change=change, said=opposite)


def _told(text: str, at: int, o) -> str:
    """The sentence of the change a reason at ``at`` explains, and the one before it when it names no
    subject of its own (…“三公”经费预算24.64万元。与2024年预算相比，减少4.72万元)."""
    lo = max(0, at - 4 * o.reach)  # (looked for this far back only, however long the line)
    opening = max(text.rfind(c, lo, max(0, at - 1)) for c in "。；;") + 1
    told = text[max(opening, at - 3 * o.reach):at]
    if not o.subjects.within(told) and opening > lo + 1:
        before = max(text.rfind(c, lo, opening - 1) for c in "。；;") + 1
        told = text[max(before, lo):at]
    return told


# the change is of a balance carried over (年末结转和结余 X，较上年增加), said before its first figure
_BALANCE = lazy(r"[^\d。；;]*(?:结转|结余)[^\d。；;]*\d")
_YEARS = lazy(r"(?:19|20)\d\d\s*年度?")
_BUDGET_GAP = lazy(r"决算数?[^。；;]{0,6}(?:小于|大于|低于|高于|超过|未达到)[^。；;]{0,6}预算")
_SENTENCE_END = lazy(r"[。！？!?]")
_REASON_LONGEST = 300  # characters of a reason read (a sentence's, however long its line)
_CLAUSE_STOP = lazy(r"[。；;！？!?]")  # (…主要原因是 A;项目支出…减少: the next item's own change)
_FIRST_OF = lazy(r"\s*[：:]?\s*(?:一是|[（(]?[一1][）)、.．])")


def _said(reason: str, words) -> list[tuple[int, str]]:
    """Where each of ``words`` stands in ``reason``, in order (新增重点工作任务，相应经费增加: both)."""
    found = []
    for w in words:
        k = reason.find(w)
        while k != -1:
            found.append((k, w))
            k = reason.find(w, k + 1)
    return sorted(found)


def _of(reason: str, at: int, word: str, things, year: str | None = None) -> bool:
    """Whether the direction ``word`` at ``at`` is said of one of ``things`` (spending: 经费增加, or a
    verb before its object: 压减公用经费, 追加项目资金), not of a quality (提高…质量) or a balance carried
    over (结转结余增加)."""
    if _QUALITY.match(reason, at + len(word)):
        return False  # 着力提高招商引资的质量: a quality raised, no spending
    near = reason[max(0, at - 8):at]
    now = _NOT_NOW.search(near)
    if now and not (year and now.group().startswith(year)):
        return False  # 无新增, 不再追加, 2024年新增的: none now, or another year's (not the report's own)
    after = _CLAUSE_END.split(reason[at + len(word): at + len(word) + 8])[0]
    return (things.within(near) or things.within(after)) and not _CARRIED.search(near + after)


_CLAUSE_END = lazy(r"[，,、；;。]")


def _said_of_past(reason: str, at: int, o) -> bool:
    """Whether a word of the year before (``past``: 上年, 去年; not 比上年, 较上年, 与上年相比) stands before
    ``at`` in the reason with nothing between them saying this year (本年, 今年, a year's number), nor said
    done then (已于上年完成: its effect this year's): the direction told of last year."""
    for word in o.past:
        k = reason.rfind(word, 0, at)
        while k >= 0:
            if not _COMPARING_PAST.search(reason, max(0, k - 2), k + len(word) + 2) \
                    and not _NOW_SAID.search(reason, k + len(word), at):
                return True
            k = reason.rfind(word, 0, k)
    return False


_COMPARING_PAST = lazy(r"(?:比|较|与|同)(?:上年|去年|上一年|同期)|(?:上年|去年)相比|已(?:于|在)(?:上年|去年)"
                       r"|(?:上年|去年)(?:已|即)")  # (已于上年完成: done then, its effect now)
_NOW_SAID = lazy(r"本年|今年|(?:19|20)\d\d\s*年")  # (not 当年: that year, as often last year)


def _clause(reason: str, at: int) -> str:
    """The clause of ``reason`` holding ``at``: between the commas (or stops) around it."""
    opened = max(reason.rfind(c, 0, at) for c in "，,；;。") + 1
    ended = _CLAUSE_END.search(reason, at)
    return reason[opened : ended.start() if ended else len(reason)]
_NOT_NOW = lazy(r"(?:无|未|不再|没有|停止|(?:19|20)\d\d\s*年度?)\s*$")
