"""breakdown: a count broken down in a later sentence (包括1个行政单位和10个事业单位) adds up to the count.

A breakdown is two or more counts in one measure word joined only by 和, 、, 及 or 以及, each naming what it
counts, all of them kinds of one thing: their nouns end alike (行政单位, 事业单位 → 单位). When its own
sentence states no total before it (that is the sum kind's business), the total is the nearest count
before it, in the same paragraph or the ``within`` paragraphs before, in the same measure word, whose noun
ends the same way (共10个单户单位). Counts are exact: the parts must add up to the total. Which side is
wrong the text cannot tell, so no single-digit fix is suggested.
"""

from __future__ import annotations

from dataclasses import replace

from ...figures import labels, precision
from ...lang import say
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "breakdown"
FIELDS = JUDGED


@options
class Options:
    within: int = 2
    """Paragraphs before the breakdown's own that are searched for its total."""
_JOINS = ("和", "、", "及", "以及")


def run(analysis, check: Check):
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row":
            continue
        for start, _end, figs in analysis.sentences(b):
            for parts, suffix in _breakdowns(block.text, figs):
                if any(_counts(f) and f.start < parts[0].start and f.unit == parts[0].unit
                       for f in figs):
                    continue  # a total in the sentence itself: the sum kind judges it
                total = _total(analysis, check, b, start, parts[0].unit, suffix)
                if total is None:
                    continue
                verdict = judge(check, analysis, total, tuple(parts),
                                lambda p=tuple(parts): precision.total(p),
                                expression=" + ".join(f"{p.text}{_noun(block.text, p)}" for p in parts))
                if verdict is None:
                    continue
                found = verdict.finding  # either side may be the wrong one: no single-digit suggestion
                fix = found.suggestion if found else ""
                message = found.message if found else ""
                for key in ("one digit", "swapped") if fix else ():
                    message = message.removesuffix(say(key, check.lang, fix=fix))
                yield verdict.with_finding(found and replace(found, suggestion="", message=message))


def _counts(f) -> bool:
    return f.unit in precision.COUNT_UNITS and f.is_point and f.decimals == 0


def _noun(text: str, f) -> str:
    return labels.noun_after(text, f.end)


def _breakdowns(text: str, figs):
    """Runs of counts joined only by 和/、/及, with nouns that end alike: ``(parts, common ending)``."""
    run: list = []
    for f in figs:
        noun = _noun(text, f)
        joined = run and f.unit == run[-1].unit and \
            text[run[-1].end + len(_noun(text, run[-1])):f.start].strip() in _JOINS
        if _counts(f) and noun and (joined or not run):
            run.append(f)
            continue
        if len(run) >= 2:
            yield from _ending(text, run)
        run = [f] if _counts(f) and noun else []
    if len(run) >= 2:
        yield from _ending(text, run)


def _ending(text: str, run):
    endings = {_noun(text, f)[-2:] for f in run}
    if len(endings) == 1:
        yield run, endings.pop()


def _total(analysis, check: Check, b: int, start: int, unit: str, suffix: str):
    """The nearest count before ``start`` of block ``b`` (or in the paragraphs before) naming ``suffix``."""
    for k in range(b, max(-1, b - 1 - check.options.within), -1):
        block = analysis.doc.blocks[k]
        if block.kind == "row":
            continue
        text = block.text
        for f in reversed(analysis.figures[k]):
            if k == b and f.start >= start:
                continue
            noun = _noun(text, f)
            if _counts(f) and f.unit == unit and noun.endswith(suffix) and len(noun) > len(suffix):
                return f
    return None


