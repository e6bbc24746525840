"""contents: the table of contents against the headings of the body.

A contents entry is a line of a title, a leader (..... or ……) and a page number. Each entry is looked for
among the paragraphs after the contents, from the heading of the entry before it on: the heading whose title
(list marker, blanks and bracket widths aside) is the entry's first, else one that starts nearly like it
(``likeness``, a similarity ratio from 0 to 1, default 0.85). It is a finding when the heading found carries
another list marker than the entry (the contents says 3., the body 4.), or when no paragraph after the
contents starts with anything like the entry's title. An entry marked as a table (附表1：, 表3) is found by an
unnumbered caption too: bodies print captions without the contents' numbers; an entry naming a table (…决算表)
is found first by a caption of its whole name, before a heading only like it (七、…基本支出决算情况说明). A
template's generic entry is found by the heading it stands for: 单位主要职能 by 上海市某中心主要职能 (the
unit's name for 单位), 单位预算表 by the captions of the tables that follow.
"""

from __future__ import annotations

import difflib

from ...regex import lazy
from ..base import Check, report
from ..options import options

KIND = "contents"
FIELDS = ("stated", "computed", "problem")


@options
class Options:
    likeness: float = 0.85
_LONGEST = 160  # a contents entry is one short line; longer text is never tried (bounded matching work)
_ENTRY = lazy(r"^(?:[-*+]\s+)?(?P<title>.+?)\s*(?:\.{3,}|…{2,}|·{3,}|-{4,})[\s\t]*(?P<page>\d{1,3})\s*$")
# (a Markdown list's bullet before an entry is no part of its title: - 一、部门基本情况 …… 1)
# 附表3 and 表3 before a year run into it once blanks are gone (附表32025年…): the number ends before the year
_TABLE_NUMBER = r"\d{1,2}(?:(?=(?:19|20)\d{2}年)|(?!\d))"
_MARKER = lazy(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|"
                     rf"\d{{1,2}}\s*[.．、](?:(?!\d)|(?=(?:19|20)\d{{2}}年))"  # (1．2025年…表: a marker)
                     rf"|(?:附表|附件|表)\s*{_TABLE_NUMBER}\s*[：:.．、]?)\s*")
_CAPTIONED = ("附表", "附件", "表")  # markers of tables' captions, which the body prints without them
_WORD = lazy(r"[\u4e00-\u9fffA-Za-z0-9]")
# a caption's unit and year before its name (某局2025年度收入支出决算总表)
_DATED = lazy(r"^(?:[\u4e00-\u9fff（）()]{2,30}?)?(?:19|20)\d{2}年度?(?=[\u4e00-\u9fff]{4})")
_BLANKS = lazy(r"[\s*]+")
_PROSE = lazy(r"[，,。；;、]")
# 单位主要职能, 部门机构设置; 单位预算表, 部门决算公开表: a template's words for a unit's heading or tables
_GENERIC = lazy(r"^(单位|部门|本单位|本部门)"
                r"(?:.{0,4}?(预算|决算)(?:公开)?表|(?:的)?([\u4e00-\u9fff]{3,10}))$")


def run(analysis, check: Check):
    blocks = analysis.doc.blocks
    entries = [(i, m) for i, b in enumerate(blocks)  # an entry ends with its page number: test that first
               if len(b.text) <= _LONGEST and b.text.rstrip()[-1:].isdigit() and (m := _ENTRY.match(b.text))]
    if len(entries) < 3:
        return
    last = entries[-1][0]
    reach = max(len(m.group("title")) for _, m in entries) + 1
    body = [(i, _head(blocks[i].text, reach))
            for i in range(last + 1, len(blocks)) if blocks[i].kind != "row"]
    at = {j: k for k, (j, _) in enumerate(body)}
    cursor = 0
    for i, m in entries:
        marker, title = _split(m.group("title"))
        if len(title) < 2:
            continue
        like = check.options.likeness
        numbered = bool(marker) and not marker.startswith(_CAPTIONED)
        table = title.endswith("表")
        named = _find(title, False, body[cursor:], 1.0) or _find(title, False, body, 1.0) \
            or _ending(title, body) if table else None
        # (a table's entry: its caption printed whole first, not a heading alike, …基本支出决算情况说明)
        found = named or _find(title, numbered, body[cursor:], like) or _find(title, numbered, body, like) \
            or (_find(title, False, body, 1.0) if numbered else None) \
            or _generic(title, body)  # 一、收入支出决算总表: a caption
        if table and found is not None and not named and not _heading(blocks[found[0]].text).endswith("表"):
            found = None  # (a table's entry is no section's heading: 七、…基本支出决算情况说明)
        if found is not None:
            cursor = at[found[0]] + 1
        block = blocks[i]
        span = block.span(0, len(m.group("title")))
        if found is None:
            yield report(check, analysis, span, m.group("title"), computed="",
                         problem="has no heading like it in the body")
        elif marker and found[1] and _number(marker) != _number(found[1]):
            head = blocks[found[0]].span(0, len(blocks[found[0]].text))
            yield report(check, analysis, span, m.group("title"), related=(head,), computed=found[1],
                         problem=f"is numbered {found[1]} in the body ({analysis.doc.cite(head)})")


def _ending(title: str, body):
    """The ``(block, marker)`` of a caption ending with a table entry's shortened name (基本支出决算表 for
    一般公共预算财政拨款基本支出决算表), or None."""
    return next(((i, marker) for i, (marker, text) in body
                 if len(title) >= 5 and text.endswith(title) and len(text) <= 40), None)


def _heading(text: str) -> str:
    """A heading's words, its marker and trailing marks aside."""
    return _split(text)[1].rstrip("。：:")


def _number(marker: str) -> str:
    """A list marker as its number: 1. and 表1 (附表1) are one number, a contents' 1．2025年…表 printed
    表1 2025年…表 in the body."""
    return _TABLE_MARK.sub("", marker).rstrip(":.、")


_TABLE_MARK = lazy(r"^(?:附表|附件|表)\s*")


def _generic(title: str, body):
    """The ``(block, '')`` of the body heading a template's generic entry stands for: 单位主要职能 for
    上海市某中心主要职能 (the unit's name for 单位 or 部门), 单位预算表 for the run of table captions
    (2026年预算单位财务收支预算总表 …)."""
    m = _GENERIC.match(title)
    if m is None:
        return None
    tables, rest = m.group(2), m.group(3)
    for i, (_, text) in body:
        if tables and text.endswith("表") and tables in text \
                or not tables and len(rest) >= 3 and text.endswith(rest) and len(text) - len(rest) >= 4 \
                and len(text) <= 40 and not _PROSE.search(text):  # a heading, not a sentence ending so
            return i, ""
    return None


def _head(text: str, reach: int) -> tuple[str, str]:
    """:func:`_split` of a paragraph's opening, as far as an entry's title (at most ``reach`` characters)
    is compared with it and beyond; of its whole text when blanks fill that opening."""
    cut = 2 * reach + 16
    if len(text) > cut:
        marker, title = _split(text[:cut])
        if len(title) > reach:
            return marker, title
    return _split(text)


def _split(text: str) -> tuple[str, str]:
    """``(marker, title)`` of a heading, both normalised (no blanks, ASCII brackets, no bold marks)."""
    text = _BLANKS.sub("", text.replace("（", "(").replace("）", ")").replace("：", ":").replace("．", "."))
    m = _MARKER.match(text)
    marker, title = (m.group().strip(), text[m.end():]) if m else ("", text)
    return marker, _DATED.sub("", title, count=1)  # 2025年度收入支出决算总表 is 收入支出决算总表


def _find(title: str, numbered: bool, body, likeness: float):
    """The ``(block, marker)`` of the body heading for ``title``: one whose title is ``title`` (followed by
    nothing or punctuation) first, else one whose title starts nearly like it; numbered if ``numbered``
    (a paragraph that merely opens with the words is not the heading)."""
    body = [(i, (marker, text)) for i, (marker, text) in body if marker or not numbered]
    for i, (marker, text) in body:
        if text.startswith(title) and (len(text) == len(title) or not _WORD.match(text[len(title)])):
            return i, marker
    for i, (marker, text) in body:
        matcher = difflib.SequenceMatcher(None, title, text[:len(title) + 1])
        if matcher.real_quick_ratio() >= likeness and matcher.quick_ratio() >= likeness \
                and matcher.ratio() >= likeness:
            return i, marker
    return None
