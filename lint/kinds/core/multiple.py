"""multiple: a multiple stated with the two amounts it compares (收入500.00万元，是上年200.00万元的2.5倍;
支出500.00万元，比上年200.00万元增长1.5倍).

Finds, in each sentence, a bare number right before 倍 and, before it in the sentence, exactly two amounts of
one unit family: the current one, then the prior, whose label opens with a comparison (比, 较, 是, 为, 相当于)
or names the year before (上年, 去年, 同期). ``是/为/相当于 … 的 N 倍`` says current / prior = N. ``增长
(增加, 提高) N 倍`` says (current − prior) / prior = N, and is often written for current / prior = N: it holds
when either reading does. A change stated before it (30万元，较上年增加28.56万元，增长20倍) is read against
the prior it leaves (current − change): the same two ways, but after 是…的, which says current over it
(45.60万元，比上年增加8.30万元，是上年的1.2倍), or the change over it when the change is what it compares
(增加额是上年的2倍). Any other wording (翻了N倍, 近N倍) is left alone.

Judged as an interval: the amounts' quotient, from their stated precision, must meet N's rounding interval.
"""

from __future__ import annotations

import bisect

from ...figures import labels, precision
from ...interval import Interval
from ...regex import lazy
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "multiple"
FIELDS = JUDGED


@options
class Options:
    """No options: the wordings are the relation's own."""


_TIMES = lazy(r"\s*倍")
_PRIOR = lazy(r"^\s*(?:比|较|是|为|相当于)|上年|去年|上一年|同期")
_OF = lazy(r"的\s*$")
_GREW = lazy(r"(?:增长|增加|提高|上升)(?:了)?\s*$")
_LOOSE = lazy(r"[近约超逾翻]")


def run(analysis, check: Check):
    for block in range(len(analysis.doc.blocks)):
        text = analysis.doc.blocks[block].text
        if "倍" not in text:
            continue
        for _start, _end, figs in analysis.sentences(block):
            held = [k for k, f in enumerate(figs) if f.is_point and _amount(f)]  # (read once a sentence)
            for i, times in enumerate(figs):
                if times.unit or not times.is_point or not _TIMES.match(text, times.end) \
                        or _LOOSE.search(text, max(0, times.start - 2), times.start):
                    continue
                if bisect.bisect_left(held, i) != 2:
                    continue  # two amounts before it in its sentence, no more
                amounts = [figs[k] for k in held[:2]]
                if len({precision.family(f.unit) for f in amounts}) != 1:
                    continue
                current, prior = amounts
                if not _PRIOR.search(prior.label) or labels.inside(text, current.start, [prior.start])[0]:
                    continue
                between = text[prior.end : times.start]
                if _CHANGE.search(prior.label):  # 30万元，较上年增加28.56万元，增长20倍: a change, the prior
                    readings = _by_change(current, prior)  # 1.44 (current − change) unsaid
                    if _OF.search(between):  # …，是上年的1.2倍: current over that prior, only; the change
                        # over it when the change is what is compared (增加额是上年的2倍)
                        readings = readings[:1] if _CHANGE_COMPARED.search(between) else readings[1:]
                elif _OF.search(between):
                    readings = [_quotient(current, prior, 0)]
                elif _GREW.search(between):
                    readings = [_quotient(current, prior, 1), _quotient(current, prior, 0)]
                else:
                    continue
                verdicts = [judge(check, analysis, times, (current, prior), compute, expression=shown)
                            for compute, shown in readings]
                verdicts = [v for v in verdicts if v is not None]
                if verdicts:
                    yield next((v for v in verdicts if v.holds), verdicts[0])


_CHANGE = lazy(r"(?:增加|增长|提高|上升|增)了?\s*$")
_CHANGE_COMPARED = lazy(r"增加额|增长额|增量|增额|增加部分|增长部分|增加的部分|增幅|增加值|增长量")


def _by_change(current, change):
    """A growth N 倍 after the change: change / (current − change) = N, or current / (current − change)."""
    def reading(less: int):
        def compute():
            cur = precision.interval(current, "round", change.unit)
            base = cur - precision.interval(change)
            if base.lo <= 0:
                return None
            ratio = (cur if not less else precision.interval(change)) / base
            return ratio
        whole = f"({current.text} − {change.text})"
        return compute, f"{change.text} / {whole}" if less else f"{current.text} / {whole}"
    return [reading(1), reading(0)]


def _amount(figure) -> bool:
    return precision.family(figure.unit) not in ("ratio", "")


def _quotient(current, prior, less: int):
    """current / prior, less ``less`` (1 for a growth: (current − prior) / prior), with its expression."""
    def compute():
        base = precision.interval(prior, "round", current.unit)
        ratio = precision.interval(current) / base
        return None if ratio is None else Interval(ratio.lo - less, ratio.hi - less)
    shown = f"{current.text} / {prior.text}"
    return compute, f"{shown} − 1" if less else shown
