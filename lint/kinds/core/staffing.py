"""staffing: a staffing gap stated with its establishment and its actual headcount (核定编制45人，实有40人，
空编5人; 比核定编制少5名; 超编2人).

Finds, in each sentence, a count of people (人, 名, or 个 of posts) whose label states a gap: a vacancy (空编,
缺编, 空缺编制, 编制缺额, 比(核定)编制少, 低于编制数) is the establishment less the headcount, an excess
(超编, 比编制多, 超出编制) the headcount less the establishment. Before it in the same sentence, and after any
gap stated before it there (行政编制20人，实有18人，空编2人；事业编制25人，…), stand the establishment (a
count labelled 编制, 编制数, 核定编制, 人员编制: a quota) and the headcount (实有, 在编, 在职, 在岗, 现有
人员/人数). When several of either are stated (核定编制45人，其中行政编制20人、事业编制25人), or the
establishment summed after its parts (事业编制24名、参公编制28名，合计57名), the gap holds when any
establishment and headcount give it; when none does, it is a finding against the largest of each (the wholes,
not their parts in brackets), unless they differ the other way than the gap says (a headcount over an
establishment called vacant: the two are not the ones the gap is of). Left alone: a gap with no establishment
or no headcount before it; a gap of another time, plan or part (上年空编, 计划补充空编, 其中行政编制空编: only
现, 尚, 目前, 本年, 另, 共, 截至年底 and the like may stand before the gap word); one after a semicolon, or
after another count following the establishment and headcount (实有40人，新进3人后，空编2人; their own parts
after 其中 or in brackets aside); and, unless a pair gives it, a headcount that also counts staff outside the
establishment (实有人员52人（含离退休12人）; 其中编外聘用2人; 借调人员).

Judged as an interval: counts are exact, so the gap must equal the difference.
"""

from __future__ import annotations

from ...figures import labels, precision
from ...regex import lazy
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "staffing"
FIELDS = JUDGED


@options
class Options:
    """No options: the wordings are the relation's own."""


_HEADS = (*precision.PEOPLE, "个")
# a vacancy (quota − headcount) or an excess (headcount − quota), as the gap's label ends
_VACANT = lazy(r"(?:空编|缺编|空缺编制|编制空缺|空余编制|编制缺额|(?:比|较)(?:核定)?(?:人员)?编制(?:数|人数)?"
               r"(?:少|减少|缺)|(?:低于|少于)(?:核定)?编制(?:数|人数)?)(?:人数|数)?(?:了|为|共|有|是)?$")
_OVER = lazy(r"(?:超编|(?:比|较)(?:核定)?(?:人员)?编制(?:数|人数)?(?:多|超出?|增加)|(?:超出|超过|高于|多于)"
             r"(?:核定)?编制(?:数|人数)?)(?:人数|数)?(?:了|为|共|有|是)?$")
_QUOTA = lazy(r"编制(?:数|人数|总数|总额)?(?:为|共|有|是)?$")
_HEADCOUNT = lazy(r"(?:实有|在编|在职|在岗|现有)(?:在编|在职|在岗)?(?:人员|人数|职工|干部职工|干部)?"
                  r"(?:总数|数)?(?:为|共|有|是)?$")
# staff the establishment does not count, in a headcount (含离退休12人, 其中编外聘用2人, 借调人员5人)
_OUTSIDE = lazy(r"退休|离休|编外|借调|聘用|劳务派遣|外聘|临时|返聘")
# what may stand before the gap word in its label: the gap said now, not another year's, plan's or part's
_OWN = lazy(r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．])?\s*"
            r"(?:截至年底|截至年末|本年度?|今年|年末|目前仍|目前|现|尚|仍|实际|共|合计|总体|全局|单位|编制内|造成|另)*"
            r"(?:有|存在)?\s*")
_SUMMED = lazy(r"(?:合计|共计|总计|共)(?:为|是)?")


def run(analysis, check: Check):
    for block, figures in enumerate(analysis.figures):
        text = analysis.doc.blocks[block].text
        if not figures or "编" not in text:
            continue
        for start, _end, figs in analysis.sentences(block):
            after = 0  # the figures after the last gap stated in the sentence
            for i, gap in enumerate(figs):
                if gap.unit not in _HEADS or not gap.is_point:
                    continue
                core = labels.core(gap.label)
                vacant = _VACANT.search(core)
                m = vacant or _OVER.search(core)
                if m is None:
                    continue
                sign = 1 if vacant else -1
                window = [f for f in figs[after:i] if f.unit in _HEADS and f.is_point]
                after = i + 1
                said = gap.label[: len(gap.label) - len(core) + m.start()]  # (core drops 上年, 2023年)
                if not _OWN.fullmatch(said) or not window \
                        or any(c in text[window[-1].end : gap.start] for c in "；;"):
                    continue  # (上年空编6人, 其中行政编制空编2人, 计划补充空编3人: another gap's;
                    # …；截至3月，空编2人: another date's)
                quotas = [f for k, f in enumerate(window) if _QUOTA.search(labels.core(f.label))
                          or _SUMMED.fullmatch(labels.core(f.label)) and any(
                              _QUOTA.search(labels.core(g.label)) for g in window[:k])]  # 事业编制24名、
                # 雇员3名，合计57名: the whole
                heads = [f for f in window if _HEADCOUNT.search(labels.core(f.label))]
                if not quotas or not heads or not _right_after(text, window, (*quotas, *heads)):
                    continue  # (实有40人，新进3人后，空编2人: a count between, the gap after it)
                verdicts = [v for q in quotas for h in heads
                            if (v := _judged(check, analysis, gap, q, h, sign))]
                held = next((v for v in verdicts if v.holds), None)
                quota, head = max(quotas, key=lambda f: f.value), max(heads, key=lambda f: f.value)
                if held:
                    yield held
                elif (quota.value - head.value) * sign > 0 and not _OUTSIDE.search(text, start, gap.start):
                    yield _judged(check, analysis, gap, quota, head, sign)  # (the wholes: the largest)


def _right_after(text: str, window: list, named: tuple) -> bool:
    """Whether the gap follows the last establishment or headcount, or the parts it breaks down into (其中
    行政18人、事业22人; in brackets), with no other count between (新进3人后)."""
    shut = labels.inside(text, window[0].start, [f.start for f in window])
    outside = [f for f, bracketed in zip(window, shut) if not bracketed]  # (a breakdown in brackets: aside)
    if not any(f in named for f in outside):
        return False
    last = max(k for k, f in enumerate(outside) if f in named)
    rest = outside[last + 1 :]
    return not rest or _BROKEN_DOWN.match(text, outside[last].end, rest[0].start) is not None


_BROKEN_DOWN = lazy(r"\s*[，,]?\s*(?:其中|含|包括)|\s*[（(]")


def _judged(check: Check, analysis, gap, quota, head, sign: int):
    """The gap against one establishment and headcount: heads are heads, in 人, 名 or 个 of posts."""
    one, other = (quota, head) if sign > 0 else (head, quota)
    return judge(check, analysis, gap, (quota, head),
                 lambda: precision.interval(one) - precision.interval(other),
                 expression=f"{one.text} − {other.text}")
