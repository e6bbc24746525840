"""sequence: enumeration markers that skip a number or repeat one.

Headings and list items are read at the start of paragraphs, by style, from the outermost level in: 一、,
（一）, 1. (or 1、), (1), ①; an item in brackets (（八）) also right after a full stop within a paragraph
(…会计准则。（八）负责…), where a converter ran two items together: it carries the count on (（九） in the
next paragraph follows it) but is itself never judged, as lists restart in such runs. A marker resets every
deeper level (（一） under a new 一、 starts again); a first item right after a paragraph ending in a colon
(…主要职责是： ⏎ （一）…), or in a form's field label cell (…取得的成绩 |), starts a list of its own,
whatever its style, and a title numbered next after the outer count (（二）机构设置情况) goes on from it. A
part or chapter (第二部分, 第三章) starts every level again. Within a level, a number is expected to follow
the one before it by one; 1 starts a new list. It is a finding when the number repeats the one before it (2.
then 2.) or skips one or two (（七） then （九）); other jumps (a 15 from a page number, 3 after an inner
list numbered to 7 in the same style) are not judged, as a reviewer could not tell which number is wrong.
Inline enumerations (一是…二是…四是) are read the same way within one paragraph; 一是 starts a list wherever
it stands (原因一是), except inside a word (统一是, 唯一是). Table row numbers are the numbering kind's
business; two short lines of a page in a row repeating a number (a table's two panels, not recovered; in a
text, two short names with no digit and no title's ending within two lines of a row of figures: 一、一般公共 ⏎
一、社会保障 ⏎ 预算财政拨款 4400.26 1076.98) are two lists side by side, and so are two lines
in a row numbered alike whose first stops mid-sentence (two cells' lists interleaved by a converter), unless
they open with the same words; a list run on inside its paragraph (1.…；2.…；3.…) counts to its last item. A
table's notes (注：1.… 2.…) are a list of their own, started again under each table. The entries under a 目录
(a title, then its page number) are not read: the body's headings are; entries with no page number (a web copy
dropped them) run up to the first line that repeats one of them, or that is a sentence or too long for an
entry. A line of a form field's options (1、部门预算项目 □ 2、县直专项 ☑) is numbered for that field alone,
not read; nor is a workbook's sheet name (1.收支总表 over its title 1. 2025年…总表: the tab, no heading), nor
a table's caption repeated over its continuation (3.支出决算表（续）: its number rightly again).
"""

from __future__ import annotations

import bisect
import re

from ...figures import numbers
from ...regex import lazy
from ..base import Check, report
from ..options import options

KIND = "sequence"
_CONTENTS = lazy(r"\s*目\s*录\s*")
_SENTENCE_MARK = lazy(r"[，。；;：:]")
_LAID_OUT = lazy(r"\S {3,}\S")  # cells apart by runs of spaces (pdftotext -layout)
_SPACED_AMOUNT = lazy(r"(?<=\s)[-+]?[\d,]+(?:\.\d+)?%?(?=\s|$)")
# an amount alone on its line, or a cell a web copy closed with a bar (675.82 |, or | for an empty one)
_BARE_NUMBER = lazy(r"\s*[-+]?[\d,]+(?:\.\d+)?%?\s*\|?\s*|\s*\|\s*")
# a line of a form field's options, numbered, ticked or not (not （二）资金来源：A ☑ B □, a heading's)
_MARK = r"(?:\d{1,2}[、.．]|[（(]?[一二三四五六七八九十\d]{1,3}[)）、])"
_OPTION_MARK = r"\d{1,2}[、.．]"  # options are numbered 1、 2、 (a heading （二） is no option)
_TEXT = r"[^□☐☑☒■✓✔：:\d（(]{1,30}"  # an option's text
_OPTIONS = lazy(rf"\s*(?:{_MARK}{_TEXT}[□☐☑☒■✓✔]\s*{_MARK}"  # 1、部门预算项目 □ 2、…
                rf"|{_OPTION_MARK}{_TEXT}[□☐☑☒■]\s*$"  # 1、部门预算项目 ☑ (its field's one option)
                rf"|{_MARK}\s*[□☐☑☒■]{_TEXT}(?:{_MARK}|$))")  # 1、□部门预算项目 2、…
# a numbered section (1.2部门支出描述), not an amount opening a line (1.5亿元…)
_SECTION_NUMBER = lazy(r"\s*(\d{1,2})[.．]\d{1,2}(?:[.．]\d{1,2})*\s*(?![万亿千百元个人次倍])[\u4e00-\u9fff]")
# a number whose item stop a converter lost (8负责…), not a date's or a count's (3月, 3名)
_BARE_MARKER = lazy(rf"\s*(\d{{1,2}})(?![{numbers.COUNTERS}])(?=[\u4e00-\u9fff])")
_DOTTED = 2  # the level numbered 1. 2. (or 1、), which a numbered section's own list starts again
_PAGED = lazy(r"(?:\s|\.{3,}|…{2,}|·{3,})\d{1,3}\s*$")
FIELDS = ("stated", "computed", "problem")


@options
class Options:
    inline: bool = True
    """Read inline enumerations (一是…二是…) too."""
_CN = "[一二三四五六七八九十]{1,3}"
# matched at a paragraph's start (or a place in it) with .match(text, at): no ^, which pins to 0
_LEVELS = (
    lazy(rf"\s*(?P<n>{_CN})\s*、"),
    lazy(rf"\s*[（(]\s*(?P<n>{_CN})\s*[）)]"),
    lazy(r"\s*\**\s*(?P<n>(?!0(?!\d))\d{1,2})\s*(?:[.．](?!\d)|、)"),  # (no 0: (0) is a counter, no item)
    lazy(r"\s*[（(]\s*(?P<n>(?!0(?!\d))\d{1,2})\s*[）)]"),
    lazy(r"\s*(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
)
# the lookahead lets the scan skip to a numeral in C
_INLINE = lazy(rf"(?=[一二三四五六七八九十])"
                     rf"(?:(?:^|(?<=[。；;，,：:\s]))(?P<n>{_CN})|(?<![统唯第之同万单])(?P<one>一))是")
_CN_DIGITS = "〇一二三四五六七八九十"
_SUB_ITEM = lazy(r"[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]")  # a numbered item between two markers
# the missing numeral (written #) opening an item in another style: 一是…；二、…；三是
_RESTYLED = lazy(r"(?:^|[。；;，,：:\s])#\s*[、.．]")
_PART = lazy(r"^\s*第[一二三四五六七八九十\d]{1,3}(?:部分|章|篇|编)")
_CELLED = 10
_STOPS = lazy(r"[。；;：:！？!?，,]")
_ROW_LABEL = lazy(r"(?:支出|收入|拨款|经费|结余|结转|下年|合计|总计|款|项|类|资金|基金|预算)$")
_SHEET_NAME = lazy(r"sheet [^,]*")  # where a workbook's sheet name is (no cell)
_LEAD_MARK = lazy(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．])")  # 1、 of 1、一般公共预算
_TITLE_END = lazy(r"(?:情况|说明|分析|概况|简介|总结|措施|问题|建议|评价|结论|目标|成效|做法)\s*$")
_ROW_GAP = 3  # blocks a row may stand after the item before it and carry its count on (四、上级补助 ⏎
# 320.58 ⏎ 收入 ⏎ 五、事业收入 40.55: the name's wrapped end and a cell between)
_ITEMS_UNDER = lazy(r"\s*1\s*[.、．](?!\d)[^。]{0,20}[。：:]")  # 1.项目概况。 opening a heading's items
_PANEL_INDENT = 8  # characters of indentation that put a line in a table's right-hand panel
_AMOUNT_LEAD = lazy(r"\s*[-−]?[\d,]+\.\d+\s+(?=\S)")  # an amount with decimals, then the line goes on
_NOTE = lazy(r"\s*(?:注|备注|说明|注释)\s*[:：]\s*")
# a table's caption repeated over its continuation (3.支出决算表（续）, 表（续1）, 表 续, 表(续表); not
# 手续表, nor a heading of the text's own: 二、收入决算情况说明（续表）, its number repeated)
_CONTINUED = lazy(r"表\s*(?:[（(]\s*续\s*(?:表|\d{1,2})?\s*[）)]|续\s*(?:$|[（(]))|^\s*续表")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_OPENERS = frozenset("一二三四五六七八九十（(" + _CIRCLED)


#: where an item may start within a paragraph: right after a full stop (…规则。（八）负责…)
_AFTER_STOP = lazy(r"(?<=[。；;！？!?])[ \u3000]*(?=[（(])")


def _starts(text: str) -> list[int]:
    """The paragraph's start, and each place right after a full stop where an item may begin."""
    return [0, *(m.end() for m in _AFTER_STOP.finditer(text))] if "（" in text or "(" in text else [0]


def run(analysis, check: Check):
    last: list[tuple[int, object] | None] = [None] * len(_LEVELS)
    heads: list[tuple[int, object] | None] = [None] * len(_LEVELS)  # each level's last outside tables' rows
    saved: list[tuple[int, object] | None] = [None] * len(_LEVELS)  # a level's count before a nested list
    marked_at = [-1] * len(_LEVELS)  # the block whose marker set each level's last number
    fragment = -2  # the index of the last block that was a short fragment opening with a marker
    contents = False  # within a 目录's entries (一、部门基本情况 …… 1, or 一、部门基本情况 1)
    entries: set[str] = set()  # the entries' titles when they have no page numbers
    paged = False  # whether an entry had its page number
    # a text whose tables came a cell a line: amounts alone on their lines, many
    sectioned = -1  # the last block opening with a numbered section (1.2部门支出描述)
    celled_text = sum(1 for b in analysis.doc.blocks if _BARE_NUMBER.fullmatch(b.text)) >= _CELLED
    # a text laid out in columns (pdftotext -layout): a row label indented into a right-hand panel
    laid_text = not analysis.doc.places and sum(
        1 for b in analysis.doc.blocks if b.kind != "row" and _LAID_OUT.search(b.text)) >= _CELLED
    for index, block in enumerate(analysis.doc.blocks):
        if block.kind == "row" or block.kind == "heading" and _SHEET_NAME.fullmatch(
                analysis.doc.locate(block.span(0, 1)).where):
            continue  # (a workbook's sheet named 1.收支总表 over its title 1. 2025年…总表: a tab, no heading)
        if _CONTENTS.fullmatch(block.text):
            contents, entries, paged = True, set(), False
            continue
        if contents and _PAGED.search(block.text):
            paged = True
            continue  # an entry of the contents: its numbers are the body's, read there
        if contents and not paged and block.text.strip() not in entries \
                and len(block.text) <= _ENTRY and not _SENTENCE_END.search(block.text):
            entries.add(block.text.strip())
            continue  # a contents' entry with no page number (a web copy's): until the body repeats one
        if contents:
            contents, last = False, [None] * len(_LEVELS)
        if _BARE_NUMBER.fullmatch(block.text):
            continue  # a cell of its own (one per line): the fragments around it are still side by side
        if _OPTIONS.match(block.text):
            continue  # 1、部门预算项目 □ 2、县直专项 ☑: a form field's options, numbered for that field alone
        if _CONTINUED.search(block.text):
            continue  # 3.支出决算表（续）: a table's caption again after a page break, its number too
        laid_out = _laid(block)
        # 一、…收入 28,416,380.00 一、…; 二、政府性基金收入    二、公共安全支出: a row, not judged, but its
        # number carries the count on when it follows the item right before it (七、 ⏎ 八、社会保障和就业支出
        # 115,948,694 ⏎ 九、)
        row = bool(laid_out) and not _SENTENCE_MARK.search(block.text)
        blocks = analysis.doc.blocks
        around = blocks[index - 1 : index + 2 : 2] if index else []  # the blocks before and after
        row = row or len(around) == 2 and len(block.text) <= 20 and not _STOPS.search(block.text) \
            and all(_laid(b) and not _SENTENCE_MARK.search(b.text) for b in around)
        # (二、事业收入 1,286,400 ⏎ 三、事业单位经营收入 ⏎ 四、其他收入 85,000: a row, its cells blank)
        celled = index + 1 < len(blocks) and _BARE_NUMBER.fullmatch(blocks[index + 1].text) is not None
        short = _fragment(analysis, block, celled)
        beside = fragment == index - 1 and short  # 三、国有资本经营 ⏎ 三、国防支出
        # 一、收入 ⏎ 1,200.00 ⏎ 一、卫生健康支出: a table written a cell a line, its two panels side by side
        beside = beside or short and fragment == index - 2 and _BARE_NUMBER.fullmatch(blocks[index - 1].text)
        fragment = index if short else -2
        if _PART.match(block.text):
            last = [None] * len(_LEVELS)  # 第二部分 starts its numbering again
            continue
        section = _SECTION_NUMBER.match(block.text)
        if section:  # 1.2部门支出描述: item 1 of the 1. level goes on; a list under it (1.基本支出), its own
            span = block.span(section.start(1), section.end(1))
            last[_DOTTED] = (int(section.group(1)), span, section.group(1) + ".")
            last[_DOTTED + 1 :] = [None] * (len(_LEVELS) - _DOTTED - 1)
            sectioned = index
            continue
        if laid_text and block.span(0, 1).column > _PANEL_INDENT and len(block.text) <= 20 \
                and _ROW_LABEL.search(block.text.rstrip()) \
                and not (index + 1 < len(blocks) and _ITEMS_UNDER.match(blocks[index + 1].text)):
            continue  # 十、节能环保支出 or 二、结转下年 alone, far right: a cell of a panel, no heading (not
            # （三）食品安全监督抽检经费 ⏎ 1.项目概况。…: a project's title over its numbered items)
        if laid_text and index + 1 < len(blocks) and _left_cell(block, blocks[index + 1]):
            continue  # 三、国有资本经营预算财政拨 ⏎ 三、国防支出 (far right) ⏎ 款: a row's label, wrapped
        lead = _AMOUNT_LEAD.match(block.text)
        if lead:  # 8.62 八、社会保障和就业支出: a cell of the row before, then the next row's label
            for level, pattern in enumerate(_LEVELS):  # (pdftotext without -layout): carries the count on
                m = pattern.match(block.text, lead.end())
                if m:
                    span = block.span(m.start("n"), m.end("n"))
                    last[level] = (_value(m.group("n")), span, m.group(0).strip())
                    last[level + 1:] = [None] * (len(_LEVELS) - level - 1)
                    marked_at[level] = index
                    break
            continue
        note = _NOTE.match(block.text)
        if note:  # 注：1.本表反映… ⏎ 2.本表金额单位…: a table's own notes, a list of their own
            last[2:] = [None] * (len(_LEVELS) - 2)
            m = _LEVELS[2].match(block.text, note.end())
            if m:
                last[2] = (_value(m.group("n")), block.span(m.start("n"), m.end("n")), m.group(0).strip())
                marked_at[2] = index
            continue
        bare = _BARE_MARKER.match(block.text)
        if bare and last[_DOTTED] is not None and last[_DOTTED][0] is not None \
                and int(bare.group(1)) == last[_DOTTED][0] + 1:
            # 7.负责… ⏎ 8负责… ⏎ 9.承办…: the item whose stop a converter lost carries the count on
            last[_DOTTED] = (last[_DOTTED][0] + 1, block.span(bare.start(1), bare.end(1)), bare.group(1))
            marked_at[_DOTTED] = index
            continue
        for at in _starts(block.text):
            first = block.text[at:].lstrip().lstrip("*").lstrip()[:1]
            marked = first in _OPENERS or first.isdecimal()  # what every level's marker starts with
            for level, pattern in enumerate(_LEVELS if marked else ()):
                m = pattern.match(block.text, at)
                if m and (at == 0 or level == 1):  # mid-paragraph, only （八）: 1. or 一、 may be anything
                    span = block.span(m.start("n"), m.end("n"))
                    marker = m.group(0).strip()
                    n = _value(m.group("n"))
                    found = _step(check, analysis, last[level], n, marker, span)
                    repeat = last[level] is not None and last[level][0] == n
                    if row and not (last[level] is not None and n == last[level][0] + 1
                                    and marked_at[level] >= index - _ROW_GAP
                                    and all(_cell_like(b.text)
                                            for b in blocks[marked_at[level] + 1 : index])):
                        break  # a row numbered on its own (一、二、三、 of a table under a heading 二、)
                    cell = celled_text and level == 0 and 4 <= len(block.text[m.end():].strip()) \
                        and len(block.text) <= 20 and not _STOPS.search(block.text) \
                        and _ROW_LABEL.search(block.text.rstrip()) is not None  # 三、国防支出 alone in a
                    # text of a cell a line (pdftotext without -layout): a row label, its panels interleaved
                    heading = not row and not cell
                    # 五、 ⏎ a table's rows 一、…四、 ⏎ 六、: the heading follows the heading before
                    after_head = heads[level] is not None and heads[level][0] is not None \
                        and n == heads[level][0] + 1
                    above = blocks[index - 1].text
                    side = repeat and marked_at[level] == index - 1 and not _ENDED.search(above) \
                        and (celled_text or min(len(above), len(block.text)) >= _WRAPPED) \
                        and not _alike(above, block.text)  # (a title printed twice: a repeat)
                    # 1.新建…13处 ⏎ 1.巩固提升…: two cells' lists a line each, interleaved (pdftotext without
                    # -layout), the first cut mid-sentence
                    # …主要职责是： ⏎ （一）…: a list the paragraph before opens, inside the item (一) was
                    # already used at: a list of its own, started again
                    # (or a form's field label cell: …取得的成绩 | ⏎ 一、群文活动出成效; …, the cell's list)
                    nested = n == 1 and at == 0 and (above.rstrip().endswith(("：", ":", "|"))
                                                     or level == _DOTTED and sectioned >= marked_at[level])
                    # …（二）负责… ⏎ （二）机构设置: the outer list going on after the nested one
                    resumed = saved[level] is not None and saved[level][0] is not None and repeat \
                        and n == saved[level][0] + 1 and len(block.text) <= 24 \
                        and not _SENTENCE_MARK.search(block.text.rstrip("：:"))  # (a title, not a duty)
                    if found is not None and at == 0 and not (beside and repeat) and heading \
                            and not after_head and not side and not nested and not resumed:
                        yield found  # one run into a paragraph only carries the count on
                    saved[level] = last[level] if nested else None if resumed else saved[level]
                    saved[level + 1:] = [None] * (len(_LEVELS) - level - 1)
                    last[level] = (n, span, marker)
                    last[level + 1:] = [None] * (len(_LEVELS) - level - 1)
                    if heading:
                        heads[level] = last[level]
                        heads[level + 1:] = [None] * (len(_LEVELS) - level - 1)
                    marked_at[level] = index
                    break
        if marked_at[2] == index and last[2] is not None and last[2][0] is not None:
            for m in _RUN_ON.finditer(block.text):  # 1.…；2.…；3.…: the list runs on inside the paragraph
                if _value(m.group(1)) != last[2][0] + 1:
                    break
                last[2] = (last[2][0] + 1, block.span(m.start(1), m.end(1)), m.group(0).lstrip("；;。 "))
        if check.options.inline:
            before, last_end, outer = None, 0, None
            for m in _INLINE.finditer(block.text):
                group = "n" if m.group("n") else "one"
                span = block.span(m.start(group), m.end())
                marker = block.text[m.start(group):m.end()]
                opened = block.text[max(0, m.start(group) - 4) : m.start(group)].rstrip()
                n = _value(m.group(group))
                if n == 1 and before is not None \
                        and _COUNTED.search(block.text, max(last_end, m.start() - 40), m.start()):
                    outer, before = before, None  # 一是…“三个之最”。一是…三是…。二是…: a list inside an item
                if n == 1 and opened.endswith(("：", ":")) \
                        or _SUB_ITEM.search(block.text, last_end, m.start()):
                    before = None  # 如下：一是…; （3）…，二是: a list of its own, under its colon or item
                if outer is not None and n == outer[0] + 1 and before is not None and n != before[0] + 1:
                    before, outer = outer, None  # the item's own list over, the outer one goes on
                found = _step(check, analysis, before, n, marker, span)
                skipped = range(before[0] + 1, n) if found is not None and n and before[0] else range(0)
                if skipped and all(k < len(_CN_DIGITS) and _RESTYLED.search(
                        block.text[last_end : m.start()].replace(_CN_DIGITS[k], "#")) for k in skipped):
                    found = None  # 一是…；二、…；三是…: the item is there, numbered in another style
                if found is not None:
                    yield found
                before, last_end = (n, span, marker), m.end()


# a count of what follows, closing the sentence before a 一是 (“三个全国之最”。一是…): its items, nested
_COUNTED = lazy(r"[一二两三四五六七八九十\d]+\s*(?:个|项|条|方面|大|点)[^。；;]{0,12}[。：:；;]\s*$")
_ENTRY = 80  # characters of a contents' entry at most
_SENTENCE_END = lazy(r"[。；;！？!?]")
_WRAPPED = 20  # characters of two lines cut mid-sentence at a cell's width, not two short headings
_ENDED = lazy(r"[。；;！？!?：:]\s*$")  # a line ending its sentence
_RUN_ON = lazy(r"[；;。]\s*(\d{1,2})\s*[.．](?!\d)")  # ；2. inside a paragraph: its list going on


def _alike(one: str, two: str) -> bool:
    """Whether two numbered lines open with the same words after their markers (a title printed twice)."""
    a, b = (t[m.end():].strip()[:6] if (m := _LEVELS[2].match(t)) else t for t in (one, two))
    return a == b


def _laid(block) -> bool:
    """Whether a block is a table's row laid out with spaces (two amounts, or cells apart by runs of them)."""
    return block.kind != "row" and (len(_SPACED_AMOUNT.findall(block.text)) >= 2
                                    or _LAID_OUT.search(block.text) is not None
                                    or _ROW_END.search(block.text) is not None)


_ROW_END = lazy(r"[\u4e00-\u9fff）)]\s+[-−]?[\d,]+(?:\.\d+)?$")  # 二、事业收入 1,286,400: a label, its cell


def _left_cell(block, after) -> bool:
    """Whether a short line opening with 一、 is the left-hand cell of a two-panel table's row that a text
    laid out in columns wrapped: the next line is the right-hand panel's cell (indented far, its amount
    maybe before it) opening with the same marker, and the label stops short of a sentence."""
    m = _LEVELS[0].match(block.text)
    if m is None or len(block.text) > 20 or _STOPS.search(block.text):
        return False
    if after.span(0, 1).column <= _PANEL_INDENT:
        return False
    right = _LEVELS[0].match(after.text, _AMOUNT_LEAD_ANY.match(after.text).end())
    return right is not None and right.group("n") == m.group("n")


_AMOUNT_LEAD_ANY = lazy(r"\s*(?:[-−]?[\d,]+(?:\.\d+)?\s+)?")  # a cell's amount, if any, before a label


def _fragment(analysis, block, celled: bool = False) -> bool:
    """Whether a block is a short line of a page (a PDF's, an OFD's; a text's, alone between blank lines), or
    a label followed by its amount on a line of its own (``celled``: a table written a cell a line), with no
    stop in it: a label of a table not recovered, its two panels' 三、国有资本经营 and 三、国防支出 on lines
    of their own; two in a row repeating a number are two lists side by side, not one list repeating it."""
    return len(block.text) <= 16 and not re.search(r"[。；;：:！？!?]", block.text) \
        and (celled or _cell_alone(analysis.doc, block) or bool(analysis.doc.locate(block.span(0, 1)).page)
             or _among_figures(analysis.doc, block))


def _cell_like(text: str) -> bool:
    """Whether a block between a row and the item before it is a piece of the row (an amount alone, the
    end of a wrapped name: 320.58, 收入 支出), not prose."""
    return len(text) <= 16 and not _SENTENCE_MARK.search(text)


def _among_figures(doc, block) -> bool:
    """Whether a text's one-line block stands within two lines of a short line holding a figure a blank
    apart and no sentence (预算财政拨款 4400.26 1076.98): a table's cell a converter set on a line of its
    own, its name wrapped (一、一般公共 ⏎ 一、社会保障 ⏎ 预算财政拨款 4400.26 1076.98)."""
    name = _LEAD_MARK.sub("", block.text)
    if any(c.isdigit() for c in name) or len(block.text) > 12 or _TITLE_END.search(block.text):
        return False  # (a row of its own, 公用经费 50.00; a heading, （一）总体情况)
    lines, at = doc.lines, block.line - 1
    return len(block.origins) == 1 and any(
        len(lines[n]) <= 40 and _SPACED_AMOUNT.search(" " + lines[n]) and not _SENTENCE_MARK.search(lines[n])
        for n in range(max(0, at - 2), min(len(lines), at + 3)) if n != at)


def _cell_alone(doc, block) -> bool:
    """Whether a text's block is one line between blank ones (pdftotext without -layout writes a table a cell
    a paragraph)."""
    lines, at = doc.lines, block.line - 1
    return len(block.origins) == 1 and 0 < at < len(lines) - 1 and not lines[at - 1].strip() \
        and not lines[at + 1].strip()


def _run_in(analysis, where, span, markers: list[str]) -> bool:
    """Whether each of ``markers`` stands run into the text from the marker at ``where`` to ``span``, after
    a stop (…规定》；2、《…》): the list written in a paragraph, its lines wrapped; or after a short title
    of its own marker (一、基本情况二、收支预算总表说明: two headings a converter ran into one line)."""
    lines = analysis.block_lines
    first, last = bisect.bisect_right(lines, where.line) - 1, bisect.bisect_right(lines, span.line) - 1
    blocks = [b.text for b in analysis.doc.blocks[max(first, 0) : last + 1]]
    text = "".join(blocks)
    return all(re.search(r"[；;。]\s*" + re.escape(m), text)
               or any(re.match(r"\s*" + _TITLED + re.escape(m), b) for b in blocks) for m in markers)


_TITLED = (r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．])"
           r"[\u4e00-\u9fff“”\"]{2,24}?")  # (七、“三公”经费支出决算表八、…: a table's title, quotes in it)


def _step(check, analysis, previous, n: int | None, marker: str, span):
    if previous is None or n is None or previous[0] is None:
        return None
    m, where, shown = previous
    if n == m:
        return report(check, analysis, span, marker, related=(where,), computed=str(m + 1),
                      figures=(marker, shown), problem=f"repeats {shown} ({analysis.doc.cite(where)})")
    if n in (m + 2, m + 3):
        if _run_in(analysis, where, span, [_restyle(marker, n, k) for k in range(m + 1, n)]):
            return None  # 1、…；2、…；⏎3、…: the list run into its lines, wrapped before 3、
        missing = "、".join(_restyle(marker, n, k) for k in range(m + 1, n))
        problem = f"follows {shown} ({analysis.doc.cite(where)}): {missing} missing"
        return report(check, analysis, span, marker, related=(where,), computed=str(m + 1),
                      figures=(marker, shown), problem=problem)
    return None


def _restyle(marker: str, n: int, k: int) -> str:
    """``marker`` (written for ``n``) written for ``k``: （九） → （八）, 六是 → 五是, 3. → 2."""
    circled = (_CIRCLED[n - 1] if n <= 20 else "", _CIRCLED[k - 1] if k <= 20 else "")  # (①…⑳ only)
    for old, new in ((str(n), str(k)), circled):
        if old and old in marker:
            return marker.replace(old, new, 1)
    m = re.search(_CN, marker)
    return marker[:m.start()] + _chinese(k) + marker[m.end():] if m else str(k)


def _chinese(v: int) -> str:
    """1–99 as a Chinese numeral (八, 十一, 二十)."""
    digits = "零一二三四五六七八九"
    tens = ("" if v < 20 else digits[v // 10]) + ("十" if v >= 10 else "")
    return tens + (digits[v % 10] if v % 10 or v < 10 else "")


def _value(text: str) -> int | None:
    return _CIRCLED.index(text) + 1 if text in _CIRCLED else numbers.whole(text)
