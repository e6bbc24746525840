"""listed_tables: a table the report says it holds is not in it.

Two lists say which tables a budget or final-accounts disclosure holds. Its own contents (目录): the short
lines after a line reading 目录, up to the first sentence or the first line that repeats one of them (the
body starting), each entry ending with 表 naming a table (list markers, a leading year and page numbers
aside: 1. 2025年预算单位财务收支预算总表 names 预算单位财务收支预算总表; the heading of a part,
第二部分…部门决算表 or 五、单位预算表, names the tables under it, not a table). And its family's standard set
(option ``families``: for a report whose title holds one of ``report``, the ``tables`` it must hold: a
部门决算 has nine; ``A|B`` when templates name one table two ways, ``A+B`` for any name holding A then B,
as templates word 基本支出经济分类预算表 every way; ``funds``, a fund's table that many provinces leave
out when the unit has none of that fund, missing only when a table gives the fund an amount), checked only
when most of that set is there (``enough``, default 7), so a province whose template differs is left
alone, and only when the contents do not list ``enough`` tables of their own: a report that lists its
tables is judged by its list.

A table is there when a recovered table's caption ends with its name, or any line after the contents
names it (an empty table drawn as text, a note 本表无数据), or either names it itemised (…决算明细表
for …决算表). A report most of whose listed tables cannot be found (tables printed as images) is not
judged. One finding per missing table, on its contents entry (or on the title, for a table of the
standard set the contents do not list). An entry's leader and page number (……4) are no part of its length.

With ``unlisted`` the other way round: a table of the family's set captioned in the body that the contents,
listing all the rest of the set but one at most (``enough`` − 1 of its tables) in fewer entries than the
set has tables, leave out, one finding on its
caption; each name is of the set whose name it ends with longest (一般公共预算财政拨款支出决算表 is not
支出决算表).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...figures import labels
from ...regex import lazy
from ...tables import locate, number
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "listed_tables"
FIELDS = ("stated", "computed", "source")

_MARKER = lazy(r"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]"
                     r"|[一二三四五六七八九十]{1,3}\s*[、.．]"
                     r"|\d{1,2}\s*[.．、](?:(?!\d)|(?=(?:19|20)\d{2}\s*年))"
                     r"|(?:附表|表)\s*\d{1,2}(?:(?=\s*(?:19|20)\d{2}\s*年)|(?!\d))\s*[：:.．、]?)")
_YEAR = lazy(r"^(?:19|20)\d{2}\s*年度?")
_BLANKS = lazy(r"\s+")
_CONTENTS = lazy(r"^目\s*录$")
_PART = lazy(r"^第[一二三四五六七八九十]{1,2}部分|(?:^|年度?)(?:部门|单位)?(?:预算|决算)表$")
_LONGEST = 60
_LEADERS = lazy(r"[.…·．\-]{3,}\s*\d*\s*$")  # an entry's leader and page number (…决算总表........4)


@dataclass(frozen=True)
class Family:
    report: Words = Words()
    tables: Words = Words()
    funds: Words = Words()
    """``table=fund``: a table of the set that templates leave out when that fund has nothing (many
    provinces print no 国有资本经营 table when the unit has no such budget): reported missing only when
    some table of the report gives the fund an amount other than zero."""


@options
class Options:
    families: tuple[Family, ...] = ()
    enough: int = 7
    unlisted: bool = False
    """Report the other way round: a table of the family's set printed in the report (captioned) that its
    contents, listing most of the set, leave out."""


def name(text: str) -> str:
    """A table's name as the contents and captions write it alike: no blanks, quotation marks, list
    marker, leading year or trailing page number."""
    text = _MARKER.sub("", locate.unquote(text.strip()))
    text = _BLANKS.sub("", text).rstrip("0123456789").rstrip(".…·-")  # a page number and its leader
    return _YEAR.sub("", text)


def run(analysis, check: Check):
    blocks = analysis.doc.blocks
    start = next((i for i, b in enumerate(blocks[:200])
                  if b.kind != "row" and _CONTENTS.match(b.text.strip())), None)
    entries, end = _entries(blocks, start) if start is not None else ([], 0)
    body = "\n".join(_BLANKS.sub("", locate.canonical(b.text)) for b in blocks[end:])
    captions = [locate.canonical(name(t.title)) for t in analysis.tables if t.title]
    short = [line for line in body.split("\n") if len(line) <= _LONGEST and "。" not in line]  # a name

    def there(wanted: str) -> bool:  # names as locate.canonical writes them (no 财政拨款 after a fund)
        if "+" in wanted:  # 基本支出+经济分类: a caption or a short line holding each word, in this order
            words = "[^\n]*?".join(re.escape(locate.canonical(w)) for w in wanted.split("+"))
            return any(re.search(words, c) for c in (*captions, *short))
        wanted = locate.canonical(wanted)
        detailed = wanted[:-1] + "明细表"  # 基本支出决算明细表 is the 基本支出决算表, itemised
        return any(_captions(c, w) for c in captions for w in (wanted, detailed)) \
            or wanted in body or detailed in body \
            or any(_loose(line).endswith(_loose(wanted)) for line in short)  # (…支出表 for …支出决算表)

    def printed(names: list[str]) -> int:  # how many of the tables are printed, a caption counted once
        used, count = set(), 0
        for alts in names:
            wanted = [locate.canonical(name(a)) for a in alts.split("|")]
            hit = next((k for k, c in enumerate(captions) if k not in used
                        and any("+" not in w and _captions(c, w) for w in wanted)), None)
            if hit is not None:
                used.add(hit)
            if hit is not None or any(line.endswith(w) or _loose(line).endswith(_loose(w))
                                      for line in short for w in wanted):
                count += 1
        return count

    listed = [(b, n) for b, n in entries if n.endswith("表") and len(n) >= 4 and not _PART.search(n)]
    if check.options.unlisted:
        yield from _unlisted(analysis, check, listed)
        return
    found = [n for _, n in listed if there(n)]
    if listed and len(found) * 2 > len(listed):
        for block, wanted in listed:
            if not there(wanted):
                yield report(check, analysis, block.span(0, len(block.text)), wanted, computed="absent",
                             source="its contents (目录)")
    if len(listed) < check.options.enough:  # a report that lists its own tables is judged by its list
        yield from _family(analysis, check, there, printed, {_loose(n) for _, n in listed})


def _unlisted(analysis, check: Check, listed):
    """The tables of the report's family set captioned in its body that its contents, listing at least
    ``enough`` − 1 tables of that set, leave out: one finding each, on its caption."""
    title = analysis.title()
    if title is None or not listed:
        return
    names = {locate.canonical(n) for _, n in listed}
    for family in check.options.families:
        if not family.report.within(title.text):
            continue
        sets = [[f(locate.canonical(name(a))) for a in t.split("|") if "+" not in a for f in (str, _loose)]
                for t in family.tables]  # (each name as written and without its 决算)
        on_list = {k for n in names for k in _listed_as(n, sets)}
        if len(on_list) < check.options.enough - 1:
            return  # (a contents listing few of the set: its own template, not one left out)
        if len(listed) >= len(sets):
            return  # as many entries as the set has tables: each listed, some by another name
        for table in analysis.tables:
            own = _which(locate.canonical(name(table.title)), sets) if table.title else None
            if own is not None and own not in on_list:
                yield report(check, analysis, table.span, name(table.title), computed="unlisted",
                             source="its contents (目录)")
                on_list.add(own)  # (once, though it goes on over pages)
        return


def _listed_as(entry: str, sets: list[list[str]]) -> set[int]:
    """The sets a contents entry may stand for: those sharing the longest ending with it, a set's name ending
    the entry or the entry ending a set's name (基本支出决算表 for 一般公共预算财政拨款基本支出决算表, not for
    支出决算表: a shortened name; …决算明细表 for …决算表: itemised)."""
    entry = entry.replace("明细表", "表")
    exact = {k for k, alts in enumerate(sets) for a in alts if a in (entry, _loose(entry))}
    if exact:
        return exact  # (支出决算表: that set's, though 一般公共预算财政拨款支出决算表 ends so too)
    fits = _fits(entry, sets)
    fits += [(len(own), k) for k, alts in enumerate(sets) for a in alts for own in (entry, _loose(entry))
             if len(own) >= 5 and a.endswith(own)]  # (a shortened name: the longest alike wins)
    longest = max((n for n, _ in fits), default=0)
    return {k for n, k in fits if n == longest}


def _which(table: str, sets: list[list[str]]) -> int | None:
    """The set a table's name is of: the one with the longest name it ends with (一般公共预算财政拨款支出
    决算表 is of that set, not of 支出决算表's)."""
    fits = _fits(table, sets)
    return max(fits)[1] if fits else None


def _fits(table: str, sets: list[list[str]]) -> list[tuple[int, int]]:
    """``(length, set)`` for each of a set's names that ``table`` (or it without its 决算) ends with."""
    return [(len(a), k) for k, alts in enumerate(sets) for a in alts for own in (table, _loose(table))
            if a and own.endswith(a)]


def _entries(blocks, start: int):
    """The contents' entries after the 目录 line at ``start`` (block, name), and where the body begins."""
    entries, seen = [], set()
    i = start + 1
    while i < len(blocks) and i - start <= 120:
        block = blocks[i]
        pieces = _JOINED.split(block.text.strip())  # 附表7 …支出表附表8 …支出表: two entries a reader joined
        if block.kind == "row" or not pieces[0] or any(
                len(_LEADERS.sub("", t)) > _LONGEST or "。" in t or name(t) in seen for t in pieces):
            break
        for text in pieces:
            seen.add(name(text))
            entries.append((block, name(text)))
        i += 1
    return entries, i


def _captions(caption: str, wanted: str) -> bool:
    """Whether a caption names the table ``wanted`` (both as :func:`crossfoot.tables.locate.canonical`
    writes them): ending with its name, or its name ending with a caption of six characters or more (a
    三公 or 基本支出 table's 财政拨款 aside: 财政拨款“三公”经费支出决算表 for 一般公共预算财政拨款
    “三公”经费支出决算表, which the canonical name writes without the 财政拨款 after its fund; not
    财政拨款收入支出决算表 for the 政府性基金 one)."""
    bare = caption.removeprefix("财政拨款") if any(w in caption for w in ("三公", "基本支出")) else caption
    return caption.endswith(wanted) or any(wanted.endswith(c) and len(c) >= 6 for c in (caption, bare))


def _loose(table: str) -> str:
    """A table's name as a contents entry may shorten it: without 决算 (一般公共预算财政拨款支出表 for
    …支出决算表), when eight characters or more are left (收入决算表 stays itself); a line not ending with 表
    (a heading: 五、一般公共预算财政拨款基本支出决算) names no table."""
    full = locate.canonical(table)
    short = full.replace("决算", "")
    return short if len(short) >= _LOOSE_SHORTEST and short.endswith("表") else full


_LOOSE_SHORTEST = 8


def _has_amount(analysis, fund: str) -> bool:
    """Whether the report gives ``fund`` an amount other than zero: a table, in a column headed with it or
    in the cells after one naming it in a row (either side of a two-sided 收支总表), or its prose
    (国有资本经营预算拨款收入20万元; not last year's, nor a change)."""
    year = analysis.year()
    if any(fig.value and fund in fig.label and not _NOT_OWN.search(labels.clause(block.text, fig.start))
           and all(y == year for y in labels.YEAR.findall(labels.dated(block.text, fig.start)[0]))
           for block, fig in analysis.amounts()):
        return True
    for table in analysis.tables:
        columns = {j for j, h in enumerate(table.header) if fund in h}
        for row in table.rows:
            named = False
            for j, cell in enumerate(row):
                value = number(cell.text) if cell.text else None
                if value is None:
                    named = fund in cell.text
                elif (named or j in columns) and not value.percent and value.value:
                    return True
    return False


# not the unit's own budget of the fund: last year's, a change, what its enterprises hand over (上缴收益)
_NOT_OWN = lazy(r"上年|去年|比|较|增加|减少|增长|下降|收益|上缴|预计")
_JOINED = lazy(r"(?<=表)\s*(?=(?:附表|表)\s*\d{1,2}(?!\d))")


def _family(analysis, check: Check, there, printed, listed: set[str]):
    title = analysis.title()
    if title is None:
        return
    for family in check.options.families:
        if not family.report.within(title.text):
            continue
        funds = dict(entry.split("=", 1) for entry in family.funds)
        missing = [t for t in family.tables if not any(there(name(alt)) for alt in t.split("|"))
                   and (t.split("|")[0] not in funds or _has_amount(analysis, funds[t.split("|")[0]]))]
        if missing and printed(list(family.tables)) >= check.options.enough:  # (most of the set printed,
            # each caption one table's, not only named in a sentence)
            for wanted in (t.split("|")[0] for t in missing):
                if not any(_loose(name(wanted)) in n or n in _loose(name(wanted)) for n in listed):
                    kind = family.report.first(title.text)
                    yield report(check, analysis, title.span(0, len(title.text)), name(wanted),
                                 computed="absent", source=f"the standard tables of a {kind}")
        return
