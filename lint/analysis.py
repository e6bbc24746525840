"""The analysis of one document, computed lazily and once, read by every check and written by none.

It holds what several kinds need: the figures of each block, its sentences, its tables, its listings
(which total each figure is listed under), the report's title and year, and lookups by label. Derived views
that some kinds share (score items, indicator sheets, a row index) are pure functions of the analysis,
memoised by :meth:`Analysis.memo`. Kinds return findings and verdicts; nothing they do changes what another
kind reads, so checks run in any order.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cached_property
from itertools import islice

from .figures import labels, listings
from .figures.extract import extract
from .figures.precision import members
from .model import Block, Document, Figure
from .regex import lazy


def reports(doc: Document) -> list[Document]:
    """The reports a file binds one after another (a 部门预算 and its 单位预算 in one PDF), each a document of
    its own blocks: a new report opens at a 单位 report's title (上海市青浦区中心医院2025年单位预算) naming a
    unit (a name ending as units' do: 局, 中心, 医院, 学校, 街道…) that neither names nor is named by any
    title before it (a running title repeats its report's). A 部门 title after the first (an abbreviated
    running title), a cover's 2025年部门预算, a section's 二、2025年部门预算表 or 第二部分 2025年部门预算表
    opens none (第二部分 上海市某某馆2024年度单位决算, naming a unit not seen, does). One report, the file
    itself, otherwise."""
    titles = []
    for k, block in enumerate(doc.blocks):
        if block.kind == "row" or len(block.text) > 60:
            continue
        text = block.text.strip()
        m = _REPORT_TITLE.match(text)
        if m is None or m.end() < len(text) and (not text.endswith("表") or text[m.end():] == "表"):
            continue  # the title alone, or run into the first table's caption (not …单位决算表: its tables)
        titles.append((k, re.sub(r"\s+", "", m.group("unit")), re.sub(r"\s+", "", text)))
    cuts, seen = [0], []
    for i, (k, named, text) in enumerate(titles):
        if not _UNIT_NAME.search(_OWN_SCOPE.sub("", named)):
            continue  # a title naming no unit
        after = titles[i + 1][0] if i + 1 < len(titles) else len(doc.blocks)
        if seen and not any(b.kind == "row" or any(ch.isdigit() for ch in b.text) and len(b.text) > 30
                            or len(b.text) > 60 or b.text.rstrip().endswith(("。", "；", ";"))
                            for b in doc.blocks[k + 1 : min(after, k + 40)]):
            continue  # an entry of the contents (the book's own title before it), the next title under it:
            # short lines between, no figure, no table, no paragraph of prose
        scoped = bool(_OWN_SCOPE.search(named))  # 某局（本级） is not 某局's whole
        new = not any((n in named or named in n) and bool(_OWN_SCOPE.search(n)) == scoped
                      for n in seen)  # (a running title names a unit seen)
        if new and k > cuts[-1] and "单位" in text:  # (the first too: a cover before it is no report)
            cuts.append(k)
        if new:
            seen.append(named)
    if len(cuts) == 1:
        return [doc]
    ends = [*cuts[1:], len(doc.blocks)]
    return [replace(doc, blocks=doc.blocks[a:b], notes=() if a else doc.notes) for a, b in zip(cuts, ends)]


_REPORT_TITLE = lazy(r"(?![（(]?[一二三四五六七八九十\d]+[、.．)）])(?:第[一二三四五六七八九十\d]+部分\s*)?"
                     r"(?P<unit>[^，。；;：:]{0,40}?)\s*20\d\d\s*年度?\s*"
                     r"(?:区级|市级|县级|省级)?\s*(?:部门|单位)\s*(?:预算|决算)(?:公开)?")
_OWN_SCOPE = lazy(r"[（(]?(?:本级|机关本级|本部)[）)]?$")
_UNIT_NAME = lazy(r"[\u4e00-\u9fff]{2,}(?:局|委员会|委|办公室|办|中心|医院|院|学校|学院|大学|中学|小学|幼儿园"
                  r"|所|馆|站|队|处|街道|镇|乡|部|会|厅|室|社|团|场|园|公司)$")


_FUNDS = ("一般公共预算", "政府性基金", "国有资本经营", "社会保险基金")  # budgets never measured by another


class Analysis:
    """A document with its figures, sentences, tables and listings (see the module's documentation).

    ``listing_words`` are the words listings are read with (an object with ``parts``, ``complete``,
    ``totals``, ``stops`` and ``not_parts``; see :mod:`crossfoot.figures.listings`); ``rounding`` is how
    stated figures were rounded (``round``, ``either`` or ``strict``; see :func:`crossfoot.engine.run`).
    """

    def __init__(self, doc: Document, listing_words=None, rounding: str = "round"):
        self.doc = doc
        self.rounding = rounding
        self._listing_words = listing_words
        self._memo: dict = {}
        self._sentences: dict[int, list] = {}
        self._core_labels: dict[int, str] = {}

    @cached_property
    def figures(self) -> list[list[Figure]]:
        """The figures of each block, in text order."""
        return [extract(block, i) for i, block in enumerate(self.doc.blocks)]

    @cached_property
    def block_lines(self) -> list[int]:
        """The source line each block starts on, in order: a line's blocks are found by bisecting it."""
        return [b.line for b in self.doc.blocks]

    @cached_property
    def tables(self) -> list:
        """The document's tables (:func:`crossfoot.tables.recover`)."""
        from .tables import recover

        return recover(self.doc)

    def memo(self, compute, *args):
        """``compute(self, *args)``, computed once per document: a derived view several kinds share (score
        items, indicator sheets). ``compute`` must be a pure function of the analysis and ``args``."""
        key = (compute, args)
        if key not in self._memo:
            self._memo[key] = compute(self, *args)
        return self._memo[key]

    # -- blocks and sentences ---------------------------------------------------------------------------

    def text(self, figure: Figure) -> str:
        return self.doc.blocks[figure.block].text

    def stating(self, *units_: str) -> list[int]:
        """The blocks that state a point figure in one of ``units_``, in order: a kind that needs a
        percentage skips the blocks without one."""
        return self.memo(_stating, units_)

    def in_prose(self):
        """``(block, figure)`` for every figure outside table rows, in reading order."""
        for b, figures in enumerate(self.figures):
            block = self.doc.blocks[b]
            if block.kind != "row":
                for fig in figures:
                    yield block, fig

    def amounts(self):
        """``(block, figure)`` for every amount of money stated as a point (not a bound) outside tables."""
        from .figures import units

        for block, fig in self.in_prose():
            if fig.unit in units.MONEY and fig.is_point:
                yield block, fig

    def sentences(self, block: int) -> list[tuple[int, int, list[Figure]]]:
        """``(start, end, figures)`` of each sentence of a block, figures in text order."""
        found = self._sentences.get(block)
        if found is None:
            found = self._sentences[block] = _split(self.doc.blocks[block].text, self.figures[block])
        return found

    def sentence_of(self, figure: Figure) -> tuple[int, int, list[Figure]]:
        """The sentence (as :meth:`sentences` gives it) holding ``figure``."""
        sentences = self.sentences(figure.block)
        starts = self.memo(_sentence_starts, figure.block)
        return sentences[max(0, bisect.bisect_right(starts, figure.start) - 1)]

    def section(self, block: int) -> range:
        """The blocks of the section holding ``block``: from the heading or top-level item (一、…, 二、…)
        at or before it to the next one. A claim about "the targets" or "the score" is about its own
        section's tables when that section has any (a page of several projects, each under its 一、/二、)."""
        bounds = self.memo(_section_bounds)
        i = bisect.bisect_right(bounds, block)
        return range(bounds[i - 1] if i else 0, bounds[i] if i < len(bounds) else len(self.doc.blocks))

    def between(self, block: int, start: int, end: int) -> list[Figure]:
        """The figures of ``block`` that start at ``start`` or after and before ``end`` (by bisection: a
        check asking it of every figure of a page flattened onto one line stays linear)."""
        starts = self.memo(_starts, block)
        return self.figures[block][bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def index(self, figure: Figure) -> int:
        """Where ``figure`` stands among its block's figures (the first starting where it starts)."""
        return self.first(figure.block, figure.start)

    def first(self, block: int, at: int) -> int:
        """The index of the first figure of ``block`` starting at ``at`` or after (its count if none)."""
        return bisect.bisect_left(self.memo(_starts, block), at)

    def before(self, figure: Figure, limit_blocks: int = 40, limit_figures: int = 300):
        """Figures before ``figure``, nearest first, within ``limit_blocks`` preceding blocks and at most
        ``limit_figures`` of them (a paragraph of a whole report on one line is not searched end to end)."""
        return islice(self._before(figure, limit_blocks), limit_figures)

    def _before(self, figure: Figure, limit_blocks: int):
        block = figure.block
        figures = self.figures[block]
        yield from (figures[i] for i in range(self.index(figure) - 1, -1, -1))
        for b in range(block - 1, max(-1, block - 1 - limit_blocks), -1):
            yield from reversed(self.figures[b])

    # -- listings and labels ----------------------------------------------------------------------------

    @cached_property
    def _parents(self) -> dict[int, Figure]:
        """id(part) → the total it is listed under (the first listing that names it)."""
        parents: dict[int, Figure] = {}
        if self._listing_words is None:
            return parents
        for block in range(len(self.doc.blocks)):
            for listing in listings.find(self, block, self._listing_words):
                for part in listing.parts if listing.owns else ():
                    parents.setdefault(id(part), listing.total)
        return parents

    def parent(self, figure: Figure) -> Figure | None:
        """The total ``figure`` is listed under (…，其中：), or None."""
        return self._parents.get(id(figure))

    def full_label(self, figure: Figure) -> str:
        """The figure's label, after the label of the total it is listed under and its paragraph's topic
        (the label of the paragraph's first figure): 2023年年初预算支出 基本支出 人员经费."""
        parent = self.parent(figure)
        own = f"{parent.label} {figure.label}" if parent is not None else figure.label
        first = self.figures[figure.block][0]
        return own if first is figure or first is parent else f"{first.label} {own}"

    def core_label(self, figure: Figure) -> str:
        """:func:`crossfoot.figures.labels.core` of :meth:`full_label`, computed once per figure."""
        found = self._core_labels.get(id(figure))
        if found is None:
            found = self._core_labels[id(figure)] = labels.core(self.full_label(figure))
        return found

    def _share_of(self, figure: Figure, wanted: str) -> bool:
        """Whether the figure right after ``figure`` is its share of what ``wanted`` names (占…的 P%)."""
        figs = self.figures[figure.block]
        k = self.index(figure) + 1
        return k < len(figs) and figs[k].unit == "%" and figs[k].label.startswith("占") \
            and wanted in labels.core(figs[k].label)

    def resolve(self, anchor: Figure, wanted: str, subject: str, fam: str, blocks: int = 40,
                own_first: bool = False, strict: bool = False) -> Figure | None:
        """The figure before ``anchor`` that the words ``wanted`` name (e.g. 年初预算, 总收入).

        Candidates are point figures of unit family ``fam`` whose full label (own label plus the label of
        the total they are part of) contains ``wanted`` (with 总 removed, and 合计/总计 standing for 总).
        When several qualify, the one whose label shares the longest specific phrase with ``subject`` wins; a
        tie means the reference is ambiguous and nothing is returned. ``own_first``: a figure whose own label
        names ``wanted`` beats one listed under a total that does (占本年支出合计的: the 合计 itself, not the
        item of the same name listed under it); but a nearer figure the name fits only through its sentence
        (支出调整预算 X，全年完成 Y: Y), neither that figure's item nor the anchor's own total (unless the
        figure's own label ends with the name, no measure after it), makes the reference ambiguous; a balance
        (年末结转和结余, stated after the total's parts) never does. ``strict``: candidates of different names
        alike in all but nearness are ambiguous too.
        """
        wanted = labels.core(wanted)
        if not wanted:
            return None
        own_keys, plain = set(), ""
        if wanted.startswith("总"):
            own_keys = {wanted[1:] + "合计", wanted[1:] + "总计", wanted[1:] + "总额", wanted[1:] + "总"}
            plain = wanted[1:].removesuffix("的")  # 总支出: the year's 支出 named by nothing more (本年支出)
        scored: list[tuple[int, int, Figure]] = []
        plain_only: list[Figure] = []  # the candidates named the year's amount alone (本年支出 for 总支出)
        parts: list[Figure] = []  # the candidates naming a part before the name (机关本级本年支出合计)
        text = self.text(anchor)
        said = text[: anchor.start]  # (its paragraph's words before it: 市本级 X，A a，占 X 的)
        kin = members(fam)
        for rank, cand in enumerate(self.before(anchor, blocks)):
            if cand.unit not in kin or not cand.is_point:
                continue
            label = self.core_label(cand)
            own = labels.core(cand.label)
            if wanted not in label and not any(k in own for k in own_keys) \
                    and not (plain and _PLAIN_YEAR.sub("", own) == plain) or _CHANGE.search(own):
                continue  # a change (较上年增加 X) is never the quantity a name refers to
            if wanted not in own and self._share_of(cand, wanted):
                continue  # 基本支出 a，占支出总预算 p%: a part with its own share of it, never the whole
            if labels.compound(own, wanted):
                continue  # 税收返还和转移支付 X: two things together, not the 转移支付 of 占转移支付比重
            at = own.find(wanted)
            if at >= 0 and "中" in own[at + len(wanted) : at + len(wanted) + 4] and not own.endswith("中"):
                continue  # 实际采购金额中公开招标 X: a part of the 实际采购金额, never it
            if at > 0 and (part := labels.PART_OF.search(own, 0, at)) and part.group() not in subject \
                    and part.group() not in said:
                parts.append(cand)  # 机关本级本年支出合计 X: a part's, not the whole's if that is said too
            if any(a in subject and b in label and a not in label for a, b in labels.OPPOSITES):
                continue  # 收入 is never measured against 支出
            if any(a in subject and b in label and a not in label and b not in wanted
                   for a in _FUNDS for b in _FUNDS if a != b):
                continue  # 政府性基金…为调整预算的: not the 一般公共预算's 调整预算 (unless named so)
            kind = sum(1 for w in labels.KIND_WORDS if w in subject and w in label)
            scored.append((labels.overlap(labels.core(subject), label), wanted in own, kind, -rank, cand))
            if wanted not in label and not any(k in own for k in own_keys):
                plain_only.append(cand)
        if parts and len(parts) < len(scored):  # (and the items listed under a part's total)
            scored = [t for t in scored if t[4] not in parts and self.parent(t[4]) not in parts]
        if not scored:
            return None
        if plain_only and len({t[4].value for t in scored}) > 1:
            return None  # 支出总计 X …全年实际支出 Y: which is 总支出 is not said
        scored.sort(key=(lambda t: (t[1], *t[:1], *t[2:4])) if own_first else (lambda t: t[:4]), reverse=True)
        if own_first and scored[0][1]:
            top = scored[0][4]
            mine = self.parent(anchor)
            exact = labels.core(top.label).endswith(wanted.rstrip("的"))  # named so (…采购支出总额), no more
            if any(not t[1] and t[3] > scored[0][3] and t[4].value != top.value
                   and self.parent(t[4]) is not top and (t[4] is not mine or not exact)
                   and not _BALANCE.search(labels.core(t[4].label)) for t in scored):
                return None  # 支出调整预算 X，全年完成 Y，其中 A 占一般公共预算支出的: X or Y is not said
                # (…支出合计 X，其中：…。年末结转和结余 Y: a balance, never the 支出合计 itself)
            scored = [t for t in scored if t[1]]
        if strict and len(scored) > 1 and scored[0][:3] == scored[1][:3] \
                and scored[0][4].value != scored[1][4].value \
                and labels.core(scored[0][4].label) != labels.core(scored[1][4].label):
            return None  # 全年支出 X，其中基本支出 Y，项目支出 Z。…支出增加: which 支出 is not said
        scored = [(t[0], t[4]) for t in scored]
        if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][0] > 0:
            if scored[0][1].value != scored[1][1].value:
                return None
        return scored[0][1]

    # -- the report as a whole --------------------------------------------------------------------------

    def title(self, head: int = 8) -> Block | None:
        """The report's title: the first short line of text (60 characters at most) among its first
        ``head`` blocks that names a year (上海市普陀区财政局2024年度部门决算) other than in a day's date
        (——2019年9月2日在…会议上: when the report was given) and not numbered as a section is (一、2022年…
        执行情况表 in a contents list), or None."""
        return next((b for b in self.doc.blocks[:head]
                     if b.kind != "row" and len(b.text) <= 60 and labels.YEAR.search(b.text)
                     and not all(_DAY.match(b.text, m.end()) for m in labels.YEAR.finditer(b.text))
                     and not _NUMBERED.match(b.text)), None)

    def title_years(self, head: int = 8) -> set[str]:
        """The years the title names: both of 2024年预算执行情况和2025年预算草案的报告, also when it is
        wrapped over two lines (…2024年…执行情况 | 和2025年…草案的报告: a next line opening with 和, 及,
        与, 暨)."""
        block = self.title(head)
        if block is None:
            return set()
        text = block.text
        at = next(i for i, b in enumerate(self.doc.blocks) if b is block)
        nxt = self.doc.blocks[at + 1] if at + 1 < len(self.doc.blocks) else None
        if nxt is not None and nxt.kind != "row" and len(nxt.text) <= 60 and _TITLE_GOES_ON.match(nxt.text):
            text += nxt.text
        return set(labels.YEAR.findall(text))

    def own_names(self) -> list[str]:
        """What the report calls itself in its opening lines, longest first: the title's words before or after
        its year (2024年度上海市普陀区财政局部门决算), a name on a line of its own (上海市普陀区财政局 over
        2024年度部门决算), one after 预算单位：."""
        if "own names" not in self._memo:
            names = set()
            for block in self.doc.blocks[:12]:
                text = block.text.strip()
                if block.kind == "row" or len(text) > 40:
                    continue
                text = re.split(r"[:：]", text)[-1].strip()
                for name in re.split(r"20\d\d\s*年度?", text):  # before the year, or after it
                    name = _REPORT_WORDS.split(name)[0].strip()
                    if len(name) >= 2:
                        names.add(name)
            self._memo["own names"] = sorted(names, key=len, reverse=True)
        return self._memo["own names"]

    def consolidates(self) -> bool:
        """Whether the report speaks of units it consolidates (本级, 所属单位, 纳入…编制范围的单位, 分单位),
        or is a 部门's by its title: only then may a total in it be one unit's rather than its own."""
        if "consolidates" not in self._memo:
            title = self.title()
            report = _REPORT_TITLE.match(title.text.strip()) if title is not None else None
            self._memo["consolidates"] = report is not None and "部门" in report.group() \
                or any(_UNITS.search(b.text) for b in self.doc.blocks if b.kind != "row")
        return self._memo["consolidates"]

    def project(self, block: int) -> str:
        """The heading of the section ``block`` stands in when it names a project or a fund, ending with it
        (（二）校舍维修改造项目, （一）法律援助专项经费; not 一、部门预算资金执行情况), else ''."""
        section = self.section(block)
        head = self.doc.blocks[section.start].text
        return head if section.start != block and len(head) <= 40 and _PROJECT_HEAD.search(head) else ""

    def part(self, line: int) -> int:
        """The part of a file holding its units' own reports after the department's that source line ``line``
        is in: the line of the nearest unit report's heading at or before it (档案局本级 ⏎ 2025年单位预算;
        上海市某某馆2025年单位预算), or 0 (the department's own, or a file of one report). The narrative of
        one part restates the tables of its own part only."""
        heads = self.memo(_unit_heads)
        k = bisect.bisect_right(heads, line) - 1
        return heads[k] if k >= 0 else 0

    def year(self) -> str | None:
        """The year the report's title names, or None."""
        block = self.title()
        return labels.YEAR.search(block.text).group(1) if block is not None else None


def _unit_heads(analysis) -> list[int]:
    """The lines of the headings opening a unit's own report (…2025年单位预算, 单位决算), in order; a heading
    met again with the same words (and the same line before it) is a page's running header, not a new part."""
    out, seen = [], set()
    blocks = analysis.doc.blocks
    for k, b in enumerate(blocks):
        if b.kind == "row" or not unit_heading(b.text):
            continue
        named = (blocks[k - 1].text.strip() if k and len(blocks[k - 1].text) <= 40 else "", b.text.strip())
        if named not in seen:
            seen.add(named)
            out.append(b.line)
    return out


def unit_heading(text: str) -> bool:
    """Whether a line is the heading of a unit's own report (2025年单位预算, 上海市某某馆2025年单位决算),
    not a part's title (第三部分 单位预算: no year)."""
    return len(text) <= 40 and _UNIT_REPORT.fullmatch(text.strip()) is not None


_UNIT_REPORT = lazy(r"[^\d，,。；;：:]{0,30}?(?:19|20)\d\d\s*年度?\s*单位(?:预算|决算)(?:公开)?")
_PROJECT_HEAD = lazy(r"(?:项目|经费|资金|专项|工程)[\s：:]*$")
_UNITS = lazy(r"本级|所属单位|下属单位|二级单位|编制范围|单位构成|预算单位构成|决算单位构成|分单位")
_TITLE_GOES_ON = lazy(r"^\s*(?:和|及|与|暨|以及)")
_NUMBERED = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                 r"|\d{1,2}\s*[、.．](?!\d))")
_DAY = lazy(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")  # 2019年9月2日: a day's date
_REPORT_WORDS = lazy(r"(?:部门|单位|区级|市级|县级)?(?:整体)?(?:决算|预算|支出绩效|绩效|自评|评价)")
# what names the year's own amount and nothing narrower (2023年度支出决算, 本年支出, 全年实际收入)
_BALANCE = lazy(r"结转|结余")  # a balance carried in or out: no income or spending total itself
_PLAIN_YEAR = lazy(r"(?:19|20)\d\d\s*年度?|本年度?|全年|当年|年度|实际|决算数?$|^(?:共|累计)")
_CHANGE = lazy(r"(?:比|较|同比|相比).{0,10}(?:增加|减少|增长|下降|提高|降低|节约|超支|增收|减收|增支|减支)"
                     r"|(?:增加|减少|增长|下降|提高|降低|增收|减收|增支|减支)$")  # 收、支总计各增加 X: the
# change, not the total (同比减收 X)


_TOP_ITEM = lazy(r"\s*[一二三四五六七八九十]{1,3}、")
_PART_TITLE = lazy(r"(?:情况|方面|分析|结论|问题|建议|措施)\s*[。：:]?\s*$")  # a report's part, no project
_FIRST_ITEM = lazy(r"\s*\d{1,2}\s*[.、．](?!\d)")  # 1.项目概况 (3.绩效自评结论) under a project's title
_PROJECT = lazy(r"项目|资金|经费|补助|专项")  # （二）基本公共卫生服务补助项目: a project of its own
# （一）产出指标: a part within one section
_SUB_ITEM = lazy(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．])")


def _section_bounds(analysis: Analysis) -> list[int]:
    blocks = analysis.doc.blocks
    return [b for b, block in enumerate(blocks) if _opens_section(block, blocks[b + 1] if b + 1 < len(blocks)
                                                                 else None)]


def _opens_section(block: Block, after: Block | None = None) -> bool:
    """A top-level item (一、…), a heading that is no sub-item (（一）产出指标 is a part of one section), or a
    sub-item naming a project of its own (（二）基本公共卫生服务补助项目), or a short title numbered items
    of its own follow (（五）校园安全保卫服务购买 ⏎ 1.项目概况。…, or 3.绩效自评结论 when the others are
    left out)."""
    if block.kind not in ("heading", "paragraph"):
        return False
    if _TOP_ITEM.match(block.text):
        return True
    if not _SUB_ITEM.match(block.text):
        return block.kind == "heading"
    if len(block.text) > 40 or "指标" in block.text or block.text.rstrip().endswith("。"):
        return False
    return _PROJECT.search(block.text) is not None \
        or after is not None and after.kind == "paragraph" and _FIRST_ITEM.match(after.text) is not None \
        and not _PART_TITLE.search(block.text)  # (not （一）产出情况 ⏎ 1.数量指标: a part of one project's)


def _stating(analysis: Analysis, units_: tuple[str, ...]) -> list[int]:
    return [b for b, figs in enumerate(analysis.figures)
            if any(f.unit in units_ and f.is_point for f in figs)]


def _starts(analysis: Analysis, block: int) -> list[int]:
    return [f.start for f in analysis.figures[block]]


_SENTENCE_END = lazy(r"[。！？!?\n\t|]|\s(?=[一二三四五六七八九十]{1,3}、[^\s\d，,。；;：:]{2,20}\s"
                     r"(?![\d,.]+\s*(?:万元|元|亿元)))")
"""A sentence's end: its stop, or the blank before a section heading run into the text between blanks (a
web page's 正文 flattened onto one line: `…见下表: … 三、部门主要工作任务 2016年，…`)."""


def _split(text: str, figs: list[Figure]) -> list[tuple[int, int, list[Figure]]]:
    """The sentences of a block's text, each with the run of its figures (in text order) that falls in it."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.end()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    out, k = [], 0
    for a, b in bounds:
        first = k
        while k < len(figs) and figs[k].start < b:
            k += 1
        out.append((a, b, figs[first:k]))
    return out


def _sentence_starts(analysis: Analysis, block: int) -> list[int]:
    """Where each sentence of ``block`` starts (once per block, for :meth:`Analysis.sentence_of`)."""
    return [start for start, _end, _figs in analysis.sentences(block)]
