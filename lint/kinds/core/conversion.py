"""conversion: an amount restated in another unit right after it (0.70万元（7,000元）; 11,267,360.63元，折合
1,126.74万元) is the same amount.

Read only where nothing but an opening bracket, or a ``links`` word (折合, 即, 相当于) after an optional
comma, stands between two money amounts in different units; a bound (近, 以上) is not judged, and an
approximation (约合, （约3.13亿元）, 左右) is held to a place before its last digit
(:func:`crossfoot.figures.precision.rough`). Converted to one unit, the two agree as a table's cell and
its restatement in prose do (:func:`crossfoot.tables.locate.agreement`): equal when stated to the same
place, else their rounding intervals meet; digits cut rather than rounded are information. The finding
is on the restatement, with the amount it restates as the related place.
"""

from __future__ import annotations

import re

from ...figures import precision, units
from ...regex import lazy
from ...tables.locate import agreement
from ...vocabulary import Words
from ..base import Check, report, truncation
from ..options import options

KIND = "conversion"
FIELDS = ("stated", "computed", "other")
_ROUGH = lazy(r"约|近|左右|大约|大概|以上|以下|多")
_ABOUT = lazy(r"约|大约|大概")  # 约合, （约3.13亿元）: an approximation, held to its last digit
_ABOUT_AFTER = lazy(r"\s*左右\s*[）)]?")

# where the restatement ends: its bracket closes, or its clause
_CLOSED = {True: lazy(r"\s*[）)]"), False: lazy(r"\s*(?:[，,。；;）)]|$)")}


@options
class Options:
    links: Words = Words(["折合", "即", "相当于"])


def run(analysis, check: Check):
    links = "|".join(map(re.escape, check.options.links))
    about = r"(?:约|大约)?"
    linked = rf"\s*[（(]?\s*[，,]?\s*(?:约合|{about}(?:{links}))\s*{about}\s*"  # ，折合 / （折合 / 约合
    between = re.compile(rf"{linked}|\s*[（(]\s*{about}\s*")
    for b, figures in enumerate(analysis.figures):
        text = analysis.doc.blocks[b].text
        for first, then in zip(figures, figures[1:]):
            money = first.unit in units.MONEY and then.unit in units.MONEY and first.unit != then.unit
            if not (money and first.is_point and (then.is_point or then.qualifier == "about")) \
                    or not between.fullmatch(text, first.end, then.start):
                continue
            about = _ABOUT.search(text, max(first.end, then.start - 4), then.start) \
                or _ABOUT_AFTER.match(text, then.end)
            if not about and (_ROUGH.search(text, max(first.end, then.start - 4), then.start)
                              or _ROUGH.match(text, then.end)):
                continue  # 近7,000元, 3亿元以上: a bound, no amount to hold it to
            bracketed = text[first.end:then.start].strip().startswith(("（", "("))
            if not (_CLOSED[bracketed].match(text, then.end) or about and _ABOUT_AFTER.match(text, then.end)):
                continue  # （1,480.00万元÷12,360人）: a computation in brackets, not a restatement
            held = precision.rough(then) if about else then
            said = agreement(held.value, held.decimals, held.unit, precision.number_text(first), first.unit,
                             analysis.rounding)
            if said == "agree":
                continue
            factor = units.factor(first.unit, then.unit)
            shown = f"{first.value * factor:,.{max(then.decimals, 0)}f}{then.unit}"
            found = report(check, analysis, then.span, then.text, related=(first.span,), computed=shown,
                           figures=(then.text, first.text), other=first.text)
            yield truncation(found, check.lang) if said == "truncated" else found
