"""sum: parts stated after 其中/包括/分别为 add up to the total stated before them.

Finds, in each sentence, a parts word (option ``parts``: 其中, 包括, 主要用于, 分别为, ...). The total is the
nearest point figure before it in the same sentence whose label holds a total word (option ``totals``:
合计, 共, 总额, ...), else the first figure of that sentence; when the parts word opens its sentence, the
previous sentence is searched the same way. Figures in parentheses and figures that state a change
(增加/减少/为…的, option ``not_parts``) are neither total nor parts. The parts are the point figures of
the total's unit family after the parts word, up to the end of the sentence or a nested parts word.

Judged with interval arithmetic: four parts to 0.01 may miss their total by 0.02. Parts that exceed the
total are an error whatever the wording. A listing after 其中 may name only some parts, so parts that fall
short are reported only when the listing is declared complete (option ``complete``: 分别为, ...) or when
one digit of one figure explains the whole gap (a typo, reported at ``warning``).
"""

from __future__ import annotations

from decimal import Decimal

from ..interval import Interval
from ..model import Figure, Finding, Severity
from . import _prose
from ._base import Check, judge

KIND = "sum"
OPTIONS = {
    "parts": ["其中", "包括", "主要用于", "分别为", "主要包括", "具体为"],
    "complete": ["分别为", "分别是"],
    "totals": ["合计", "总计", "共计", "总额", "总数", "总共", "共", "累计", "总"],
    "not_parts": ["增加", "减少", "增长", "下降", "节约", "超支", "比", "较", "同比", "为年初", "占"],
}


def run(prose: _prose.Prose, check: Check):
    for block in range(len(prose.doc.blocks)):
        yield from _block(prose, check, block)


def relations(prose: _prose.Prose, check: Check, block: int):
    """``(total, parts, complete)`` for each parts listing in a block."""
    text = prose.doc.blocks[block].text
    sentences = prose.sentences(block)
    for index, (start, end, figs) in enumerate(sentences):
        for word in check.words("parts"):
            pos = text.find(word, start, end)
            while pos != -1:
                found = _relation(prose, check, text, sentences, index, pos, word)
                if found:
                    yield found
                pos = text.find(word, pos + len(word), end)


def _relation(prose, check, text, sentences, index, pos, word):
    start, end, figs = sentences[index]
    # a longer parts word already covers this occurrence (主要包括 holds 包括)
    for longer in check.words("parts"):
        if len(longer) > len(word) and word in longer:
            at = longer.index(word)
            if text[pos - at : pos - at + len(longer)] == longer:
                return None
    usable = [f for f in figs if f.is_point and not _parenthesised(text, start, f.start)]
    before = [f for f in usable if f.end <= pos and not _changes(check, f)]
    if not before or text[start:pos].strip(" ：:，,①②③④⑤") == "":
        if index == 0:
            return None
        p_start, _, p_figs = sentences[index - 1]
        before = [f for f in p_figs if f.is_point and not _parenthesised(text, p_start, f.start)
                  and not _changes(check, f)]
    if not before:
        return None
    totals = check.words("totals")
    with_word = [f for f in before if any(t in f.label for t in totals)]
    total = with_word[-1] if with_word else before[0]
    fam = _prose.family(total.unit)
    if fam == "ratio" or total.unit == "":
        return None
    parts: list[Figure] = []
    stop = end
    for other in check.words("parts"):
        nested = text.find(other, pos + len(word), end)
        if nested != -1:
            stop = min(stop, nested)
    for f in usable:
        if f.start <= pos or f.start >= stop or _prose.family(f.unit) != fam:
            continue
        if _changes(check, f) or _parenthesised(text, pos, f.start):
            continue
        parts.append(f)
    if not parts:
        return None
    complete = word in check.words("complete")
    return total, parts, complete


def _block(prose: _prose.Prose, check: Check, block: int):
    for total, parts, complete in relations(prose, check, block):
        for part in parts:
            prose.parents.setdefault(id(part), total)
        finding = _judge(prose, check, total, parts, complete)
        if finding is not None:
            yield finding


def _judge(prose, check: Check, total: Figure, parts: list[Figure], complete: bool) -> Finding | None:
    unit = total.unit

    def parts_sum(mode: str = "round") -> Interval:
        acc = Interval.point(0 * total.value)
        for p in parts:
            acc = acc + _prose.interval(p, mode, unit)
        return acc

    expression = " + ".join(p.text for p in parts)
    found = judge(check, prose, total, tuple(parts), parts_sum, expression=expression)
    if found is None:
        return None
    over = parts_sum().lo > _prose.interval(total).hi
    if over or (complete and len(parts) > 1):
        return found
    # the parts fall short: a partial listing, unless one digit of one figure explains the gap
    if found.suggestion:
        return _lower(found)
    for part in parts:
        others = Interval.point(0 * total.value)
        for p in parts:
            if p is not part:
                others = others + _prose.interval(p, "round", unit)
        factor = _prose.units.factor(part.unit, unit) or Decimal(1)
        need = (_prose.interval(total) - others).scale(Decimal(1) / factor)
        if _prose.one_digit_fix(_digits(part), need.mid, part.decimals):
            related = (total, *[p for p in parts if p is not part])
            return judge(check, prose, part, related, lambda need=need: need,
                         expression=expression, severity=Severity.WARNING)
    return None


def _lower(finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=min(finding.severity, Severity.WARNING))


def _digits(figure: Figure) -> str:
    return "".join(c for c in figure.text if c.isdigit() or c in ",.").strip(",.")


def _changes(check: Check, figure: Figure) -> bool:
    return any(w in figure.label for w in check.words("not_parts"))


def _parenthesised(text: str, start: int, at: int) -> bool:
    """True if position ``at`` is inside a parenthesis opened after ``start``."""
    depth = 0
    for ch in text[start:at]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0
