"""alternative: a template's choice left in the text (下降（增长）27.78%, 增加/减少 X万元).

Report templates offer opposite words side by side for the drafter to keep one: 增加（减少）, 增长（下降）,
上升/下降. Finds each pair of ``pairs`` (either order) written as ``A（B）``, ``A(B)`` or ``A/B`` in prose,
right before the figure whose direction it states (a few characters, no clause break, between). Not in
table rows, and not before a negative figure: there 增加（减少） is the accounting convention and the sign
chooses. When the sentence states the direction elsewhere (比上年度减少 0.15 万元，下降（增长）27.78%:
减少 is a decrease), the message says which of the two to keep; the direction words are ``up`` and
``down``. The finding is on the pair.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...figures import labels
from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "alternative"
FIELDS = ("stated", "computed", "hint", "label")


@options
class Options:
    pairs: tuple[tuple[str, str], ...] = (("增加", "减少"), ("增长", "下降"), ("增长", "减少"),
                                          ("上升", "下降"), ("提高", "降低"), ("增加", "下降"),
                                          ("超支", "节约"), ("增", "减"))
    up: Words = Words(["增加", "增长", "上升", "提高", "超支"])
    down: Words = Words(["减少", "下降", "降低", "节约"])


def run(analysis, check: Check):
    pairs = {(a, b) for a, b in check.options.pairs} | {(b, a) for a, b in check.options.pairs}
    words = sorted({w for pair in pairs for w in pair}, key=lambda w: (-len(w), w))
    pattern = _pattern(tuple(words))
    for b, block in enumerate(analysis.doc.blocks):
        if block.kind == "row":
            continue  # a table's 增（减） header is the accounting convention, its sign says which
        text = block.text
        for m in pattern.finditer(text):  # the second word, after its bracket or slash
            at = m.start()
            one = next((w for w in words if at >= len(w) and text.startswith(w, at - len(w))), None)
            other, start = m.group("b"), at - len(one or "")
            if (m.group("open") in "/／") == bool(m.group("close")):
                continue  # a bracket left open, or a slash with a bracket after it
            figs, k = analysis.figures[b], analysis.first(b, m.end())
            figure = figs[k] if k < len(figs) else None
            if (one, other) not in pairs or figure is None or _GAP.match(text, m.end(), figure.start) is None:
                continue  # the pair states the direction of no figure here
            if figure.empty:
                continue  # 增加（减少）/万元: a row of the template left unfilled, no change stated
            if figure.value < 0:
                continue  # 增加（减少）-5.00 万元: the sign chooses, as in accounts
            keep = _keep(check, text, start, m.end(), one, other)
            hint = f"; the sentence says {keep[1]}: keep {keep[0]}" if keep else ""
            pair = text[start:m.end()]
            yield report(check, analysis, block.span(start, m.end()), pair, related=(figure.span,),
                         computed=keep[0] if keep else "", figures=(pair, figure.text), hint=hint,
                         label=labels.clause(text, start).strip())


#: what may stand between the pair and its figure: a few words (额, 了, 为) but no clause break
_GAP = lazy(r"[^，,。；;：:、\n]{0,6}$")


@lru_cache(maxsize=32)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """A word after a bracket (（B）, (B)) or a slash (/B), the first word of the pair before it being
    looked up by the caller. It opens with a character class, which the scan skips to in C."""
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?P<open>[（(/／])\s*(?P<b>{alt})(?P<close>\s*[）)])?")


def _keep(check: Check, text: str, start: int, end: int, one: str, other: str) -> tuple[str, str] | None:
    """``(word to keep, the word that says so)`` when the rest of the sentence states one direction."""
    first, last = max(0, start - labels.REACH), min(len(text), end + labels.REACH)
    lo = max(first - 1, *(text.rfind(c, first, start) for c in "。；;！？!?")) + 1
    hi = min((k for k in (text.find(c, end, last) for c in "。；;！？!?") if k != -1), default=last)
    rest = text[lo:start] + "\u3000" + text[end:hi]
    said = [(rest.rfind(w), w, +1) for w in check.options.up if w in rest]
    said += [(rest.rfind(w), w, -1) for w in check.options.down if w in rest]
    signs = {s for _, _, s in said}
    if len(signs) != 1:
        return None
    sign = signs.pop()
    word = max(said)[1]
    up_words, down_words = set(check.options.up), set(check.options.down)
    for candidate in (one, other):
        if (candidate in up_words and sign > 0) or (candidate in down_words and sign < 0):
            return candidate, word
    return None
