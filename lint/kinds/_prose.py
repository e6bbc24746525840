"""What every prose kind needs: a document's figures, its sentences, and finding a figure by its label.

Not a kind itself (the leading underscore keeps it out of the kind registry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..figures import units
from ..figures.extract import extract
from ..interval import Interval, stated
from ..model import Document, Figure

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_YEARISH = re.compile(r"\d{4}\s*年度?|本年度?|上年度?|当年|全年|\s+")
GENERIC = ("年初", "预算", "决算", "合计", "总计", "共计", "支出", "收入", "资金", "经费", "本部门", "部门",
           "全年", "年度", "本年", "其中", "为", "的", "数")

#: units whose integer figures are exact counts, not rounded amounts
COUNT_UNITS = frozenset(
    s for s in units.symbols() if s not in units.MONEY | units.PERCENT_LIKE | {"个百分点", "分", "", "万平方米",
                                                                              "平方米", "吨", "公里"}
)


@dataclass
class Prose:
    """A document with its figures extracted once and shared by every kind."""

    doc: Document
    figures: list[list[Figure]]  # per block
    parents: dict[int, Figure] = field(default_factory=dict)
    """id(part) → total, filled in by the sum kind so other kinds can read a part's full label."""

    @classmethod
    def of(cls, doc: Document) -> Prose:
        return cls(doc, [extract(block, i) for i, block in enumerate(doc.blocks)])

    def text(self, figure: Figure) -> str:
        return self.doc.blocks[figure.block].text

    def sentences(self, block: int) -> list[tuple[int, int, list[Figure]]]:
        """``(start, end, figures)`` of each sentence of a block, figures in text order."""
        text = self.doc.blocks[block].text
        bounds, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.end()))
            start = m.end()
        if start < len(text):
            bounds.append((start, len(text)))
        figs = self.figures[block]
        return [(a, b, [f for f in figs if a <= f.start < b]) for a, b in bounds]

    def before(self, figure: Figure, limit_blocks: int = 3):
        """Figures before ``figure``, nearest first, within ``limit_blocks`` preceding blocks."""
        block = figure.block
        yield from (f for f in reversed(self.figures[block]) if f.start < figure.start)
        for b in range(block - 1, max(-1, block - 1 - limit_blocks), -1):
            yield from reversed(self.figures[b])

    def full_label(self, figure: Figure) -> str:
        parent = self.parents.get(id(figure))
        return f"{parent.label} {figure.label}" if parent is not None else figure.label


def family(unit: str) -> str:
    """Units that compare: all money is one family, %/‰/bare numbers another, each count its own."""
    if unit in units.MONEY:
        return "money"
    if unit in units.PERCENT_LIKE:
        return "ratio"
    return unit


def exact(figure: Figure) -> bool:
    return figure.exact or figure.unit in COUNT_UNITS and figure.decimals == 0


def interval(figure: Figure, mode: str = "round", unit: str | None = None) -> Interval:
    """The interval a figure stands for, in ``unit`` (default its own)."""
    iv = stated(figure.value, figure.decimals, "exact" if exact(figure) else mode)
    if unit is not None and unit != figure.unit:
        factor = units.factor(figure.unit, unit)
        if factor is None:
            raise ValueError(f"{figure.unit} does not convert to {unit}")
        iv = iv.scale(factor)
    return iv


def core(label: str) -> str:
    """A label without years, blanks and list markers: what to compare labels by."""
    label = _YEARISH.sub("", label)
    return re.sub(r"^[①-⑳\d.、()（）一二三四五六七八九十]+", "", label)


def overlap(a: str, b: str) -> int:
    """Length of the longest common substring of two labels, generic words removed."""
    for word in GENERIC:
        a, b = a.replace(word, "|"), b.replace(word, "|")
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            piece = a[i:j]
            if "|" in piece:
                break
            if piece in b:
                best = j - i
            else:
                break
    return best


def resolve(prose: Prose, anchor: Figure, wanted: str, subject: str, fam: str) -> Figure | None:
    """The figure before ``anchor`` that the words ``wanted`` name (e.g. 年初预算, 总收入).

    Candidates are point figures of unit family ``fam`` whose full label (own label plus the label of
    the total they are part of) contains ``wanted`` (with 总 removed, and 合计/总计 standing for 总).
    When several qualify, the one whose label shares the longest specific phrase with ``subject`` wins;
    a tie means the reference is ambiguous and nothing is returned.
    """
    wanted = core(wanted)
    if not wanted:
        return None
    keys = {wanted}
    if wanted.startswith("总"):
        keys |= {wanted[1:] + "合计", wanted[1:] + "总计", wanted[1:] + "总额", wanted[1:] + "总"}
    scored: list[tuple[int, int, Figure]] = []
    for rank, cand in enumerate(prose.before(anchor)):
        if not cand.is_point or family(cand.unit) != fam:
            continue
        label = core(prose.full_label(cand))
        if not any(k and k in label for k in keys):
            continue
        scored.append((overlap(core(subject), label), -rank, cand))
    if not scored:
        return None
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][0] > 0:
        if scored[0][2].value != scored[1][2].value:
            return None
    return scored[0][2]


def one_digit_fix(stated_text: str, target: Decimal, decimals: int) -> str | None:
    """If ``target`` rounded to ``decimals`` differs from the stated digits in exactly one digit,
    the corrected spelling (keeping the stated grouping), else None."""
    if decimals < 0:
        return None
    want = f"{target.quantize(Decimal(1).scaleb(-decimals)):f}"
    digits = [c for c in stated_text if c.isdigit()]
    want_digits = [c for c in want if c.isdigit()]
    if len(digits) != len(want_digits):
        return None
    diff = [i for i, (a, b) in enumerate(zip(digits, want_digits)) if a != b]
    if len(diff) != 1:
        return None
    out, k = [], 0
    for c in stated_text:
        if c.isdigit():
            out.append(want_digits[k])
            k += 1
        else:
            out.append(c)
    return "".join(out)
