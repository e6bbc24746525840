"""sum: parts stated after 其中/包括/分别为 add up to the total stated before them.

Finds, in each sentence, a parts word (option ``parts``: 其中, 包括, 主要用于, 分别为, ...). The total is the
nearest point figure before it in the same sentence whose label holds a total word (option ``totals``:
合计, 共, 总额, ...), else the first figure of that sentence; when the parts word opens its sentence, the
previous sentence is searched the same way. Figures in parentheses and figures that state a change
(增加/减少/为…的, option ``not_parts``) are neither total nor parts. The parts are the point figures of
the total's unit family after the parts word, up to the end of the sentence or a nested parts word, or
up to a semicolon when two parts or more come before it (其中：A 1，B 2；C 3 lists A and B) or a list of
names does (人员经费 X，主要包括：基本工资、津贴补贴；公用经费 Y lists no amounts).

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
    "parts": ["其中", "包括", "主要用于", "主要包括", "具体为"],
    "complete": [],
    "totals": ["合计", "总计", "共计", "总额", "总数", "总共", "共", "累计", "总"],
    "stops": ["合计", "总计", "共计", "总额"],
    "not_parts": ["增加", "减少", "增长", "下降", "节约", "超支", "比上年", "较上年", "比年初", "较年初",
                  "同比", "相比", "为年初", "占"],
}


def run(prose: _prose.Prose, check: Check):
    for block in range(len(prose.doc.blocks)):
        yield from _block(prose, check, block)


def relations(prose: _prose.Prose, check: Check, block: int):
    """``(total, parts, complete)`` for each parts listing in a block."""
    text = prose.doc.blocks[block].text
    words = check.words("parts")
    if not any(w in text for w in words):
        return
    sentences = prose.sentences(block)
    for index, (start, end, _figs) in enumerate(sentences):
        for word in words:
            pos = text.find(word, start, end)
            while pos != -1:
                yield from _relation(prose, check, text, sentences, index, pos, word)
                pos = text.find(word, pos + len(word), end)


def _relation(prose, check, text, sentences, index, pos, word):
    start, end, figs = sentences[index]
    # a longer parts word already covers this occurrence (主要包括 holds 包括)
    for longer in check.words("parts"):
        if len(longer) > len(word) and word in longer:
            at = longer.index(word)
            if text[pos - at : pos - at + len(longer)] == longer:
                return ()
    after = [f for f in figs if f.start > pos and f.is_point and _prose.family(f.unit) not in ("ratio", "")]
    if not after:
        return ()
    fam = _prose.family(after[0].unit)
    # the parts: same-family figures after the word, up to another family, a total word or a nested list
    stop = end
    for other in (*check.words("parts"), *check.words("stops")):
        at = text.find(other, pos + len(word), end)
        if at != -1 and not text.startswith("其中", at - 3):
            stop = min(stop, at)
    semicolon = min((k for k in (text.find(c, pos, stop) for c in "；;") if k != -1), default=-1)
    if semicolon != -1:
        before = sum(1 for f in after if f.start < semicolon and _prose.family(f.unit) == fam)
        if before > 1 or before == 0 and "、" in text[pos:semicolon]:
            stop = semicolon  # a list split by commas, or a list of names, ends at a semicolon
    parts: list[Figure] = []
    for f in after:
        if f.start >= stop:
            break
        if _prose.family(f.unit) != fam:
            break
        if _changes(check, f) or _prose.parenthesised(text, pos, f.start):
            continue
        parts.append(f)
    if not parts:
        return ()

    inside = _prose.open_paren(text, start, pos)
    if inside is not None:
        start = inside  # a list inside parentheses belongs to a total inside them

    def candidates(s_start, s_figs, upto):
        return [f for f in s_figs if s_start <= f.start and f.end <= upto and f.is_point
                and _prose.family(f.unit) == fam and not _prose.parenthesised(text, s_start, f.start)
                and not _changes(check, f)]

    before = candidates(start, figs, pos)
    if not before and text[start:pos].strip(" ：:，,①②③④⑤") == "" and index > 0:
        p_start, p_end, p_figs = sentences[index - 1]
        before = candidates(p_start, p_figs, p_end)
        series = _series(before[-2:], parts) if len(before) >= 2 else None
        totals = [f for f in before if any(t in f.label for t in check.words("totals"))]
        before = totals[-1:] or before[:1]
    else:
        series = _series(before[-2:], parts) if len(before) >= 2 else None
    if not before:
        return ()
    complete = word in check.words("complete")
    if series:
        return tuple((total, group, complete) for total, group in series)
    return ((before[-1], parts, complete),)


def _series(totals: list[Figure], parts: list[Figure]):
    """Two totals before the list (预算 X，支出 Y，其中 A 预算 a1 支出 a2 …) split the parts by label."""
    tails = [_prose.core(t.label)[-2:] for t in totals]
    if len(set(tails)) != len(tails) or not all(tails):
        return None
    groups: list[list[Figure]] = [[] for _ in totals]
    for part in parts:
        hits = [i for i, tail in enumerate(tails) if tail in part.label]
        if len(hits) != 1:
            return None
        groups[hits[0]].append(part)
    if not all(groups):
        return None
    return list(zip(totals, groups))


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
        return _prose.total(parts, unit, mode)

    expression = " + ".join(p.text for p in parts)
    found = judge(check, prose, total, tuple(parts), parts_sum, expression=expression)
    if found is None:
        return None
    over = parts_sum().lo > _prose.interval(total).hi
    if over and parts_sum().lo > _prose.interval(total).hi * Decimal("1.5") and not found.suggestion:
        return None  # far too much to be one relation: the listing was misread, not misadded
    if over or (complete and len(parts) > 1):
        return found
    # the parts fall short: a partial listing, unless one digit of one figure explains the gap
    if len(parts) < 2:
        return None
    if found.suggestion and _significant(total):
        return _lower(found)
    for part in parts:
        others = _prose.total((p for p in parts if p is not part), unit)
        factor = _prose.units.factor(part.unit, unit) or Decimal(1)
        need = (_prose.interval(total) - others).scale(Decimal(1) / factor)
        if _significant(part) and _prose.one_digit_fix(part, need):
            related = (total, *[p for p in parts if p is not part])
            return judge(check, prose, part, related, lambda need=need: need,
                         expression=expression, severity=Severity.WARNING)
    return None


def _lower(finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=min(finding.severity, Severity.WARNING))


def _changes(check: Check, figure: Figure) -> bool:
    return any(w in figure.label for w in check.words("not_parts"))


def _significant(figure: Figure) -> bool:
    """Enough digits (three or more) that one changed digit is telling, not a coincidence."""
    return len(_prose.number_text(figure).replace(",", "").replace(".", "").lstrip("0")) >= 3
