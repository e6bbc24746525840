"""What every prose kind needs: a document's figures, its sentences, and finding a figure by its label.

Not a kind itself (the leading underscore keeps it out of the kind registry).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import islice

from ..figures import units
from ..figures.extract import extract
from ..interval import Interval, stated
from ..interval import total as sum_intervals
from ..model import Block, Document, Figure

_SENTENCE_END = re.compile(r"[。！？!?\n\t|]")
_YEARISH = re.compile(r"\d{4}\s*年度?|本年度?|上年度?|当年|全年|\s+")
GENERIC = ("年初", "预算", "决算", "合计", "总计", "共计", "支出", "收入", "资金", "经费", "本部门", "部门",
           "全年", "年度", "本年", "其中", "为", "的", "数")

#: units whose integer figures are exact counts, not rounded amounts
_MEASURES = frozenset({"个百分点", "分", "", "万平方米", "平方米", "吨", "公里"})
COUNT_UNITS = frozenset(s for s in units.symbols() if s not in units.MONEY | units.PERCENT_LIKE | _MEASURES)


@dataclass(frozen=True)
class Relation:
    """One relation a check judged: the stated figure, the figures it was computed from, and whether
    the two could meet."""

    code: str
    stated: Figure
    related: tuple[Figure, ...]
    holds: bool


@dataclass
class Prose:
    """A document with its figures extracted once and shared by every kind."""

    doc: Document
    figures: list[list[Figure]]  # per block
    parents: dict[int, Figure] = field(default_factory=dict)
    """id(part) → total, filled in by the sum kind so other kinds can read a part's full label."""
    checked: list[Relation] = field(default_factory=list)
    """Every relation judged, whether it held or not (read by ``engine.run`` and the recall harness)."""
    defer: list | None = None
    """When a list, relations of ``defer_kinds`` are appended to it undecided (see ``_base.Deferred``)."""
    defer_kinds: frozenset = frozenset()
    rounding: str = "round"
    """How stated figures were rounded (``engine.ROUNDING``): what a gap only truncation explains is."""
    memo: dict = field(default_factory=dict, repr=False)
    """What helpers read once per document and several kinds share (score items, indicator sheets)."""
    _sentences: dict = field(default_factory=dict, repr=False)
    _tables: list | None = field(default=None, repr=False)

    @property
    def tables(self) -> list:
        """The document's tables (:func:`crossfoot.tables.recover`), recovered once on first use."""
        if self._tables is None:
            from ..tables import recover

            self._tables = recover(self.doc)
        return self._tables

    @classmethod
    def of(cls, doc: Document) -> Prose:
        return cls(doc, [extract(block, i) for i, block in enumerate(doc.blocks)])

    def once(self, key, compute):
        """``compute()``, computed once per document and ``key``: what several kinds share."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def text(self, figure: Figure) -> str:
        return self.doc.blocks[figure.block].text

    def stating(self, *units_: str) -> list[int]:
        """The blocks that state a point figure in one of ``units_``, in order (found once per unit set):
        a kind that needs a percentage skips the blocks without one."""
        return self.once(("stating", units_), lambda: [b for b, figs in enumerate(self.figures)
                                                       if any(f.unit in units_ and f.is_point for f in figs)])

    def in_prose(self):
        """``(block, figure)`` for every figure outside table rows, in reading order."""
        for b, figures in enumerate(self.figures):
            block = self.doc.blocks[b]
            if block.kind != "row":
                for fig in figures:
                    yield block, fig

    def amounts(self):
        """``(block, figure)`` for every amount of money stated as a point (not a bound) outside tables."""
        for block, fig in self.in_prose():
            if fig.unit in units.MONEY and fig.is_point:
                yield block, fig

    def sentences(self, block: int) -> list[tuple[int, int, list[Figure]]]:
        """``(start, end, figures)`` of each sentence of a block, figures in text order (computed once)."""
        found = self._sentences.get(block)
        if found is None:
            found = self._sentences[block] = self._split(block)
        return found

    def _split(self, block: int) -> list[tuple[int, int, list[Figure]]]:
        text = self.doc.blocks[block].text
        bounds, start = [], 0
        for m in _SENTENCE_END.finditer(text):
            bounds.append((start, m.end()))
            start = m.end()
        if start < len(text):
            bounds.append((start, len(text)))
        figs = self.figures[block]  # in text order: each sentence takes the next run of them
        out, k = [], 0
        for a, b in bounds:
            first = k
            while k < len(figs) and figs[k].start < b:
                k += 1
            out.append((a, b, figs[first:k]))
        return out

    def before(self, figure: Figure, limit_blocks: int = 40, limit_figures: int = 300):
        """Figures before ``figure``, nearest first, within ``limit_blocks`` preceding blocks and at most
        ``limit_figures`` of them (a paragraph of a whole report on one line is not searched end to end)."""
        return islice(self._before(figure, limit_blocks), limit_figures)

    def _before(self, figure: Figure, limit_blocks: int):
        block = figure.block
        starts = self.once(("starts", block), lambda: [f.start for f in self.figures[block]])
        yield from reversed(self.figures[block][: bisect.bisect_left(starts, figure.start)])
        for b in range(block - 1, max(-1, block - 1 - limit_blocks), -1):
            yield from reversed(self.figures[b])

    def core_label(self, figure: Figure) -> str:
        """:func:`core` of :meth:`full_label`, computed once per figure and total it is listed under."""
        key = ("core label", id(figure), id(self.parents.get(id(figure))))
        return self.once(key, lambda: core(self.full_label(figure)))

    def full_label(self, figure: Figure) -> str:
        """The figure's label, after the label of the total it is listed under and its paragraph's topic
        (the label of the paragraph's first figure): 2023年年初预算支出 基本支出 人员经费."""
        parent = self.parents.get(id(figure))
        own = f"{parent.label} {figure.label}" if parent is not None else figure.label
        first = self.figures[figure.block][0]
        return own if first is figure or first is parent else f"{first.label} {own}"


def members(fam: str) -> frozenset[str]:
    """The units of the family ``fam`` (see :func:`family`)."""
    return units.MONEY if fam == "money" else units.PERCENT_LIKE if fam == "ratio" else frozenset((fam,))


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


def total(figures, unit: str | None = None, mode: str = "round") -> Interval:
    """The interval the sum of ``figures`` can take (in ``unit``, default each figure's own)."""
    return sum_intervals(interval(f, mode, unit) for f in figures)


YEAR = re.compile(r"(20\d\d)\s*年")

_SENTENCE_REACH = 400  # characters looked back for a sentence's start: bounded work on text without stops


def dated(text: str, at: int) -> tuple[str, list[str]]:
    """The sentence before ``at`` and the years it names (2021 年度市本级指标 → ['2021']), in order."""
    lo = max(0, at - _SENTENCE_REACH)
    before = text[max(lo - 1, *(text.rfind(c, lo, at) for c in "。；;")) + 1 : at]
    return before, YEAR.findall(before)


def title(prose: Prose, head: int = 8) -> Block | None:
    """A report's title: the first short line of text (60 characters at most) among its first ``head``
    blocks that names a year (上海市普陀区财政局2024年度部门决算), or None."""
    return next((b for b in prose.doc.blocks[:head]
                 if b.kind != "row" and len(b.text) <= 60 and YEAR.search(b.text)), None)


def report_year(prose: Prose) -> str | None:
    """The year a report's title names, or None."""
    block = title(prose)
    return YEAR.search(block.text).group(1) if block is not None else None


def clause(text: str, at: int) -> str:
    """The text of the clause that ``at`` ends: from the last comma, full stop, semicolon or colon (looked
    for within a sentence's reach, so text without stops costs no more than text with them)."""
    lo = max(0, at - _SENTENCE_REACH)
    return text[max(lo - 1, *(text.rfind(c, lo, at) for c in "，,。；;：:")) + 1 : at]


# list markers (一、 （二） 3. ①), not the first character of a word (一般公共预算 keeps its 一)
_MARKER = re.compile(r"^(?:[①-⑳]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                     r"|[一二三四五六七八九十\d]{1,3}[、.．]\s*)+")


@lru_cache(maxsize=1 << 16)
def core(label: str) -> str:
    """A label without years, blanks and list markers: what to compare labels by."""
    label = _YEARISH.sub("", label)
    return _MARKER.sub("", label)


@lru_cache(maxsize=1 << 14)
def _specific(label: str) -> str:
    """``label`` with each generic word, in turn, replaced by a bar."""
    for word in GENERIC:
        label = label.replace(word, "|")
    return label


def without(label: str, words) -> str:
    """``label`` with each of ``words``, in the order given, taken out wherever it occurs."""
    for word in words:
        label = label.replace(word, "")
    return label


def overlap(a: str, b: str) -> int:
    """Length of the longest common substring of two labels, generic words removed."""
    a, b = _specific(a), _specific(b)
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


_OPPOSITES = (("收入", "支出"), ("支出", "收入"))
_KIND_WORDS = ("收入", "支出", "基本", "项目", "人员", "公用", "财政拨款", "事业", "经营")


def resolve(
    prose: Prose, anchor: Figure, wanted: str, subject: str, fam: str, blocks: int = 40
) -> Figure | None:
    """The figure before ``anchor`` that the words ``wanted`` name (e.g. 年初预算, 总收入).

    Candidates are point figures of unit family ``fam`` whose full label (own label plus the label of
    the total they are part of) contains ``wanted`` (with 总 removed, and 合计/总计 standing for 总).
    When several qualify, the one whose label shares the longest specific phrase with ``subject`` wins;
    a tie means the reference is ambiguous and nothing is returned.
    """
    wanted = core(wanted)
    if not wanted:
        return None
    own_keys = set()
    if wanted.startswith("总"):
        own_keys = {wanted[1:] + "合计", wanted[1:] + "总计", wanted[1:] + "总额", wanted[1:] + "总"}
    scored: list[tuple[int, int, Figure]] = []
    kin = members(fam)
    for rank, cand in enumerate(prose.before(anchor, blocks)):
        if cand.unit not in kin or not cand.is_point:
            continue
        label = prose.core_label(cand)
        own = core(cand.label)
        if wanted not in label and not any(k in own for k in own_keys):
            continue
        if any(a in subject and b in label and a not in label for a, b in _OPPOSITES):
            continue  # 收入 is never measured against 支出
        kind = sum(1 for w in _KIND_WORDS if w in subject and w in label)
        scored.append((overlap(core(subject), label), wanted in own, kind, -rank, cand))
    if not scored:
        return None
    scored.sort(key=lambda t: t[:4], reverse=True)
    scored = [(t[0], t[4]) for t in scored]
    if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][0] > 0:
        if scored[0][1].value != scored[1][1].value:
            return None
    return scored[0][1]


def parenthesised(text: str, start: int, at: int) -> bool:
    """True if position ``at`` is inside a parenthesis opened after ``start``."""
    return open_paren(text, start, at) is not None


def open_paren(text: str, start: int, at: int) -> int | None:
    """Offset of the innermost parenthesis still open at ``at`` (searching from ``start``), or None."""
    if text.find("（", start, at) < 0 and text.find("(", start, at) < 0:
        return None
    stack: list[int] = []
    for m in _PARENS.finditer(text, start, at):
        if m.group() in "（(":
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack[-1] if stack else None


_PARENS = re.compile(r"[（()）]")


def direction(check, label: str) -> int:
    """+1 when a label ends in one of the check's ``up`` words (增加), -1 for ``down`` (减少), else 0."""
    tail = label[-4:]
    if tail.endswith(check.words("up")):
        return 1
    if tail.endswith(check.words("down")):
        return -1
    return 0


def number_text(figure: Figure) -> str:
    """The digits of a figure as written, with its grouping commas and decimal point (no unit)."""
    return "".join(c for c in figure.text if c.isdigit() or c in ",.").strip(",.")


def one_digit_fix(figure: Figure, target: Interval) -> str | None:
    """The figure's digits as written (:func:`number_text`) with one digit changed so that they could stand
    for a value in ``target`` (in the figure's unit), else None; of several, the nearest the middle of
    ``target``. A leading digit is never made 0 (05 is not how a number is written)."""
    written = number_text(figure)
    if figure.decimals < 0 or not written:
        return None
    half = Decimal(0) if exact(figure) else Decimal(1).scaleb(-figure.decimals) / 2
    best: tuple[Decimal, str] | None = None
    for at, old in enumerate(written):
        if not old.isdigit():
            continue
        leading = at == 0 and written[1:2] not in ("", ".")
        for new in "0123456789":
            if new == old or new == "0" and leading:
                continue
            spelled = written[:at] + new + written[at + 1:]
            value = Decimal(spelled.replace(",", ""))
            if value - half <= target.hi and target.lo <= value + half:
                gap = abs(value - target.mid)
                if best is None or gap < best[0]:
                    best = (gap, spelled)
    return best[1] if best else None
