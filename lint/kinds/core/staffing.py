"""staffing: a staffing gap stated with its establishment and its actual headcount (核定编制45人，实有40人，
空编5人; 比核定编制少5名; 超编2人).

Finds, in each sentence, a count of people (人, 名, or 个 of posts) whose label states a gap: a vacancy
(空编, 缺编, 空缺编制, 编制缺额, 比(核定)编制少, 低于编制数) is the establishment less the headcount, an
excess (超编, 比编制多, 超出编制) the headcount less the establishment. Before it in the same sentence, and
after any gap stated before it there (行政编制20人，实有18人，空编2人；事业编制25人，…), stand the
establishment (a count labelled 编制, 编制数, 核定编制, 人员编制: a quota) and the headcount (实有, 在编,
在职, 在岗, 现有 人员/人数). When several of either are stated (核定编制45人，其中行政编制20人、事业编制25人),
or the establishment summed after its parts (事业编制24名、参公编制28名，合计57名), the gap holds when any
establishment and headcount give it; when none does, it is a finding against the largest of each (the
wholes, not their parts in brackets), unless they differ the other way than the gap says (a headcount over
an establishment called vacant: the two are not the ones the gap is of). Left alone: a sentence that also
counts retirees (实有人员52人（含离退休12人）: a headcount that is not the staff the establishment counts)
where no pair gives the gap, and a gap with no establishment or no headcount before it.

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
_RETIRED = lazy(r"退休")
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
                sign = 1 if _VACANT.search(core) else -1 if _OVER.search(core) else 0
                if not sign:
                    continue
                window = [f for f in figs[after:i] if f.unit in _HEADS and f.is_point]
                after = i + 1
                quotas = [f for k, f in enumerate(window) if _QUOTA.search(labels.core(f.label))
                          or _SUMMED.fullmatch(labels.core(f.label)) and any(
                              _QUOTA.search(labels.core(g.label)) for g in window[:k])]  # 事业编制24名、
                # 雇员3名，合计57名: the whole
                heads = [f for f in window if _HEADCOUNT.search(labels.core(f.label))]
                if not quotas or not heads:
                    continue
                verdicts = [v for q in quotas for h in heads
                            if (v := _judged(check, analysis, gap, q, h, sign))]
                held = next((v for v in verdicts if v.holds), None)
                quota, head = max(quotas, key=lambda f: f.value), max(heads, key=lambda f: f.value)
                if held:
                    yield held
                elif (quota.value - head.value) * sign > 0 and not _RETIRED.search(text, start, gap.start):
                    yield _judged(check, analysis, gap, quota, head, sign)  # (the wholes: the largest)


def _judged(check: Check, analysis, gap, quota, head, sign: int):
    """The gap against one establishment and headcount: heads are heads, in 人, 名 or 个 of posts."""
    one, other = (quota, head) if sign > 0 else (head, quota)
    return judge(check, analysis, gap, (quota, head),
                 lambda: precision.interval(one) - precision.interval(other),
                 expression=f"{one.text} − {other.text}")
