"""Recovering tables from text that a PDF/DOCX converter flattened.

Two shapes are read here, and a third, a table written one cell per line, in :mod:`crossfoot.tables.cells`:

* **tab rows** — each table row on one line, cells split by tabs (the text reader keeps such lines as
  ``row`` blocks). Consecutive row lines form a table; a short non-row line between them (a page
  number, a unit note) does not end it. The header is the first row when fewer than half of its
  filled cells are numbers, plus up to two lines continuing it (every cell short and without digits),
  and a third when it names every column (预算数 | 决算数 | 预算数 | …), merged cell by cell: a header
  wrapped onto a second line (``预算调整`` / ``率``) reads ``预算调整率``, and a merged cell's name goes to
  each column it spans (合计 over 预算数 | 决算数 reads 合计预算数 | 合计决算数; the lines are kept in
  ``Table.levels``).
  The table's own unit line (编制单位：… 单位：元) printed again over its next page does not end it, nor
  does its caption printed again marked （续）, or as it was before the table's total row, nor a short line
  of words right over its header printed again at a page break (本年支出 over 小计 | 基本支出 | 项目支出);
  the header printed again after a line of words and no page's furniture (its number, the running header,
  续表) starts another table (区城市管理局 over the same columns as 区档案馆's: a unit's own).
  A note drawn inside the grid under the body, across it (注：本表反映… | | |), no rows of figures after it,
  ends the table: no row.
  A header repeated after a page break (a row made only of header words, or its first line again right
  under the header when the break fell there, or a whole header row that matches the header in most
  columns: 一级指标 under a garbled 指标) is dropped with the lines continuing it, and the body row after
  it is recorded in ``Table.breaks``. A row carried onto a page of its own with fewer cells than the
  table (合计 drawn across the code columns, the page giving no grid to split it by) is put back under
  the columns its cells stand under on the pages before (PDF: by their x positions); when they cannot
  be placed so, the row is left as read. Any other header-like row right after a non-row line starts the
  next table, and so does a whole header row under a header that names fewer
  than half of the columns (a page the converter misread). Cells are cut from the source line itself, so
  empty leading cells keep columns aligned and every cell keeps its own span.
* **score lists** — a score table flattened one cell per line under a header line of score words separated
  by blanks (``一级指标 二级指标 得分 合计``): ``name score`` lines are items, a lone name opens a group, a
  lone number is the group's total, and ``总分 X`` ends the list. It becomes a table with the columns of its
  header, the group name and total on the group's first row, like a score table written with tabs.

Nothing is guessed silently: each table carries notes on what recovery merged or dropped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import partial

from ..ingest.text import ALIGNMENT, FOLIO, FOLIO_ALONE
from ..model import Block, Cell, Document, Span, Table
from ..regex import lazy
from . import CLASS_COLUMN, NOTHING, QUALIFIER, code, empty, last_line, levels, number
from .cells import cell_lists, fund_forms

_GAP_MAX = 20  # a non-row line up to this long between table rows does not end the table (unless a caption)
_SCORE_WORDS = "[一二三]级指标|指标名称|指标|项目|分值|权重|得分|自评得分|合计|小计"
_SCORE_HEADER = lazy(rf"^(?:(?:{_SCORE_WORDS})\s*){{3,}}$")
_GRAND = ("总分", "合计", "总计", "总得分")
_CODES = lazy(rf"编码|代码|编号|{CLASS_COLUMN}")
_UNIT_LINE = ("编制单位", "编制部门", "单位：", "单位:")
_PAGE_MARK = lazy(rf"{FOLIO}\s*$")  # a page's number ending a line (…绩效评价报告　第6页)
_CONTINUED = lazy(r"[（(]续(?:表)?\s*\d*[）)]\s*$|^\s*续表\s*\d*\s*$|^\s*[（(]?续表\s*\d*[）)]?\s*[：:]")


def recover(doc: Document) -> list[Table]:
    found = []
    heads = {k + 1 for k in range(len(doc.lines) - 1) if not doc.places and _aligning(doc.lines[k + 1])}
    for run in _row_runs(doc.blocks, heads, partial(_grid, doc)):
        found += _tab_tables(doc, run)
    found += _score_lists(doc)
    found += cell_lists(doc)
    found += fund_forms(doc)
    split = [panel for table in found for panel in panels(table)]
    lines = [b.line for b in doc.blocks]
    split = [replace(t, rounded=True) if _rounded_note(doc, t, lines) else t for t in split]
    return sorted((_captioned(doc, t, lines) for t in split), key=lambda t: (t.span.line, t.span.column))


def _rounded_note(doc: Document, table: Table, lines: list[int]) -> bool:
    """Whether a note right under the table (its next few lines of text, before another row) says its
    whole-yuan amounts were rounded (本表以元为单位，金额按四舍五入取整，…可能存在尾差), not a note about
    万元 figures elsewhere."""
    at = bisect.bisect_right(lines, last_line(table))
    for block in doc.blocks[at : at + 3]:
        if block.kind == "row":
            return False
        if _ROUNDED.search(block.text) and "万元" not in block.text:
            return True
    return False


# a note that the tables' amounts were rounded to whole yuan, their totals and parts apart by it
_ROUNDED = lazy(r"尾差|四舍五入[^。]{0,6}取整|取整[^。]{0,10}四舍五入")


_UNIT = lazy(r"单位\s*[:：]\s*(?:人民币)?(亿元|万元|千元|元)")
_CAPTION_LOOKBACK = 4  # lines of text above a table where its caption and unit line sit
_NUMBERED_TABLE = lazy(r"[\u4e00-\u9fff]{0,6}表\s*[0-9０-９]{1,3}(?:[-－][0-9０-９]{1,2})?")
_TAG = lazy(r"(?:(?<=\s)|^)(?:公开|附)?"
                  r"(?:表\s*[0-9０-９一二三四五六七八九十]{1,3}|[0-9０-９]{1,3}\s*表)$")


def _captioned(doc: Document, table: Table, lines: list[int]) -> Table:
    """``table`` with the caption and the unit written just above it (a 单位 line, or the caption's end),
    not above the figures of the table before it; failing those, the unit in a row of its own under the header
    (金额单位：万元 | | |), or the one unit the header names in brackets (决算数（元）, 合计（万元）)."""
    above: list[Block] = []
    at = bisect.bisect_left(lines, table.span.line)
    for b in reversed(doc.blocks[:at]):  # from the table up, not beyond the figures of the table before it
        if b.kind == "row" and not _caption_row(b):
            if any(number(c) for c in b.text.split("\t")):
                break
            continue  # a row of names (a header line above the grid): passed over, as before
        above.append(b)
        if len(above) == _CAPTION_LOOKBACK:
            break
    title = unit = ""
    for block in above:
        text = block.text.replace("\t", " ").strip()
        m = _UNIT.search(text)
        if m and not unit:
            unit = m.group(1)
            text = text[: m.start()].strip()
        text = re.split(r"[。；;：:]", text)[-1].strip()  # a note above it may have run into the caption
        text = _TAG.sub("", text).strip()  # 公开05表, 附表5: the table's number, on its own line or after it
        if not title and QUALIFIER.sub("", text).endswith("表") and len(text) <= 40:
            title = re.sub(r"\s+", "", text)
    if not unit:
        unit = _own_unit(doc, table, lines) or _note_unit(doc, table, lines)
    return replace(table, title=title, unit=unit) if title or unit else table


_BRACKETED = lazy(r"[（(](?:(?:金额)?单位\s*[:：]\s*)?(?:人民币)?(亿元|万元|千元|元)[）)]")
# a note under a table that gives its unit (注：本表金额单位为万元。)
_NOTE_UNIT = lazy(r"^\s*(?:注|说明)\s*\d?\s*[:：]\s*(?:本表|表中|本表中)?\s*(?:金额|数据|数字)?\s*"
                        r"(?:计量)?单位\s*(?:为|是|[:：])\s*(?:人民币)?(亿元|万元|千元|元)")
_MONEY_UNITS = lazy(r"亿元|万元|千元|元")


def _note_unit(doc: Document, table: Table, lines: list[int]) -> str:
    """The unit a note just under a table states (注：本表金额单位为万元), when no unit is above it."""
    last = max((c.span.line for row in table.rows for c in row if c.span is not None),
               default=table.span.line)
    after = doc.blocks[bisect.bisect_right(lines, last):][:2]
    for b in after:
        if b.kind == "row":
            return ""
        m = _NOTE_UNIT.match(b.text)
        if m and len(_MONEY_UNITS.findall(b.text.split("。")[0])) == 1:
            return m.group(1)  # (not a note giving one column its unit and others another)
    return ""


def _own_unit(doc: Document, table: Table, lines: list[int]) -> str:
    """The unit a table states within itself: in a row of its own between the header and the body, or in
    brackets in its header, one unit only."""
    body = next((c.span.line for row in table.rows for c in row if c.span is not None), table.span.line)
    for b in doc.blocks[bisect.bisect_right(lines, table.span.line) : bisect.bisect_left(lines, body)]:
        if b.kind == "row" and _unit_row(b):
            return _UNIT.search(b.text).group(1)
    said = {m.group(1) for name in (*table.header, *(n for line in table.levels for n in line))
            for m in _BRACKETED.finditer(name)}
    return said.pop() if len(said) == 1 else ""


def panels(table: Table) -> list[Table]:
    """A table printed as side-by-side panels, split into one table per panel.

    Budget tables put 收入 beside 支出, or three 科目编码 | 科目名称 | 决算数 panels across a page: the first
    column's name comes back further right (the same name, or ending alike: 收入项目 / 支出项目) after a
    column of amounts, over cells like the first column's (text, or codes), and each panel starts there.
    Each panel is read as its own table, so its totals foot down its own columns.
    """
    names = table.header
    first = names[0] if names else ""
    if len(first) < 2 and not _CODES.match(first) or levels.across(names):
        return [table]  # 一级指标 | 分值 | 二级指标 | 分值: an indicator sheet's levels, not panels
    # (类 | 款 | 科目名称 | 决算数 | 类 | 款 | … is: a 基本支出 table's two panels, named by code columns)
    def numeric(j: int) -> bool:
        if _CODES.search(names[j]):
            return False  # classification codes (201 | 06 | 01) are numbers, never amounts
        filled = [row[j].text for row in table.rows if j < len(row) and row[j].text]
        return sum(1 for t in filled if number(t) is not None or empty(t)) * 2 > len(filled) > 0

    def bare(name: str) -> str:  # 项目（按支出性质和经济分类）names the column 项目
        return re.sub(r"[（(][^（()）]*[）)]$", "", name.strip()) or name

    starts = [0, *(j for j in range(2, len(names))
                   if (bare(names[j]) == bare(first) or bare(names[j])[-2:] == bare(first)[-2:])
                   and numeric(j - 1) and numeric(j) == numeric(0))]
    if len(starts) < 2 or any(b - a < 2 for a, b in zip(starts, starts[1:])):
        return [table]
    bounds = list(zip(starts, [*starts[1:], len(names)]))

    def own(row, a, b):  # a total row drawn across the panels keeps its name in each (合计 | 100 | | 92)
        if a and not row[a].text and row[0].text.replace(" ", "") in _GRAND:
            return (row[0], *row[a + 1:b])
        return row[a:b]

    def rows(group):  # a panel's rows, or those of panels whose codes go on from the one before
        if len(group) == 1:
            a, b = group[0]
            return tuple(own(row, a, b) for row in table.rows if any(c.text for c in row[a:b]))
        def total(cells) -> bool:  # 公用经费合计 under the code column or the name column beside it
            return any(c.text.replace(" ", "").endswith(_GRAND) for c in cells[:2])

        out, totals = [], []
        for row in table.rows:
            cells = [own(row, a, b) for a, b in group]
            if any(total(part) for part in cells):
                totals.append(tuple(next((part[k] for part in cells if part[k].text), part_k)
                                    for k, part_k in enumerate(cells[0])))  # 公用经费合计 | | … | 3.00
        for a, b in group:
            out += [own(row, a, b) for row in table.rows if any(c.text for c in row[a:b])
                    and not any(total(row[c:d]) for c, d in group)]
        return tuple(out + totals)

    groups = _continuing(table, bounds)
    return [Table(header=names[g[0][0]:g[0][1]], rows=rows(g), span=table.span, shape=table.shape,
                  notes=(*table.notes, f"panel {m + 1} of {len(groups)} side by side"), breaks=table.breaks,
                  levels=tuple(line[g[0][0]:g[0][1]] for line in table.levels))
            for m, g in enumerate(groups)]


def _spans_on(row, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """A total named in one panel whose amount stands in the next (公用经费合计 | | | … | 3.00): the total
    of both panels."""
    (pa, pb), (a, b) = left, right
    if b > len(row) or not row[pa].text.replace(" ", "").endswith(_GRAND):
        return False
    return not any(c.text for c in row[pa + 1:pb]) and not row[a].text and any(c.text for c in row[a + 1:b])


def _continuing(table: Table, bounds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The panels, those that go on from the panel before put with it: a panel opening with 30216 under no
    302 of its own, after a panel holding 302, or holding the amount of a total named in the panel before
    (the 公用经费 of a 基本支出 table over two panels), or standing under one group's name with it while
    other panels stand under others (人员经费 over one panel, 公用经费 over the next two: 302 in one, 310
    opening the other, the 公用经费合计 at the foot of the last), the panel before holding no total of its
    own (支出 over 本年 and over 上年, each with its 支出合计: two lists)."""
    groups = [[bounds[0]]]
    top = [re.sub(r"\s+", "", name) for name in table.levels[0]] if len(table.levels) > 1 else []
    named = len({top[a] for a, _ in bounds}) > 1 if top else False
    for a, b in bounds[1:]:
        pa, pb = groups[-1][-1]
        mine = [c for c in (code(row[a].text) for row in table.rows if a < len(row)) if c]
        before = {c for c in (code(row[pa].text) for row in table.rows if pa < len(row)) if c}
        parent = mine[0][:-2] if mine and len(mine[0]) > 3 else ""
        goes_on = b - a == pb - pa and (parent in before and parent not in mine
                                        or _items_go_on(table, a, before)
                                        or any(_spans_on(row, (pa, pb), (a, b)) for row in table.rows)
                                        or named and top[a] and top[a] == top[pa] and not any(
                                            c.text.replace(" ", "").endswith(_GRAND)
                                            for row in table.rows for c in row[pa:min(pa + 2, pb)]))
        if goes_on:
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    return groups


_SUB_CODE = lazy(r"\d{1,2}")  # a 款 or 项 code in a column of its own (01, 28, 5)


def _items_go_on(table: Table, a: int, before: set) -> bool:
    """Whether a panel coded in two columns (类 | 款) opens with an item of a group the panel before holds
    and it does not (302 | 28 工会经费 under no 302 row of its own, after a panel holding 302): the group's
    items going on, as 30228 would under one code column."""
    names = table.header
    if a + 1 >= len(names) or not (_CODES.match(names[a]) and _CODES.match(names[a + 1])):
        return False
    first = next((row for row in table.rows if a + 1 < len(row) and (row[a].text or row[a + 1].text)), None)
    if first is None or not _SUB_CODE.fullmatch(first[a + 1].text.strip()):
        return False
    group = code(first[a].text)
    own = {code(row[a].text) for row in table.rows if a + 1 < len(row) and not row[a + 1].text.strip()}
    return not group or group in before and group not in own


def _aligning(line: str) -> bool:
    """Whether a line is a Markdown table's alignment row (| --- | :--: |), tested only when it may be."""
    text = line.strip()
    return bool(text) and text[0] in "|:-" and "-" in text and ALIGNMENT.match(text) is not None


def _grid(doc: Document, block: Block) -> tuple[str, str] | None:
    """The page and the grid a row was drawn in, as the reader placed it (``page 2``, ``table 3``), or None
    (text files)."""
    if not doc.places or not 0 < block.line <= len(doc.places) or not doc.places[block.line - 1]:
        return None
    m = _GRID.match(doc.places[block.line - 1][0].where)
    return (m.group(1) or "", m.group(2)) if m else None


_GRID = lazy(r"(?:.*?(page \d+), )?.*?(table \d+), row")


def _row_runs(blocks: tuple[Block, ...], heads=frozenset(), grid=None) -> list[list[tuple[Block, bool]]]:
    """Runs of row blocks, each with whether a tolerated non-row line came just before it. A Markdown
    table's header (a row on one of the lines ``heads``, over its alignment row) other than the current
    run's opens a run of its own: another table (its own header printed again goes on with the run); so
    does a header row of another grid on the same page than the row before (``grid``: DOCX, HTML, PDF tell
    which table of the original a row was drawn in)."""
    runs: list[list[tuple[Block, bool]]] = []
    current: list[tuple[Block, bool]] = []
    gap = 0
    # the last unit line (编制单位：… 单位：元) and caption seen, and those over the current run
    unit, own, title, named = (-9, ""), "", (-9, ""), ""
    inside = ""  # the caption drawn inside the current table's grid, as its first row
    # the report's title, printed again at the head of each page as a running header
    # (or split over two lines at the head of the first page: # 某市2023年某项目资金 / # 绩效评价报告)
    heads_ = [re.sub(r"\s+", "", b.text) for b in blocks[:3] if b.kind != "row" and len(b.text) <= 60]
    running = {*heads_, *(a + b for a, b in zip(heads_, heads_[1:]))}
    marked = False  # the line before was a page's number: the next short one is the page's header
    headed = False  # a section's heading (（二）…) since the last row: the next table is another one
    furnished = False  # a page's number or running header since the last row: a page break
    for k, block in enumerate(blocks):
        key = re.sub(r"\s+", "", block.text) if _UNIT.search(block.text) else ""
        said = re.sub(r"\s+", "", block.text) if block.kind != "row" and _caption(block.text) else ""
        if current and (key and key == own or said and said == named and not _closed(current, blocks, k)):
            continue  # the table's own unit line or caption printed again over its next page: it goes on
        if current and block.kind != "row" and _CONTINUED.search(block.text) and len(block.text) <= 60:
            furnished = True
            continue  # its caption again, marked （续）: the table goes on
        if current and block.kind != "row" and len(block.text) <= _GAP_MAX and k + 1 < len(blocks) \
                and blocks[k + 1].kind == "row" and _same_cells(blocks[k + 1], current[0][0]) \
                and not _OUTLINE_HEAD.match(block.text) and not _UNIT.search(block.text) \
                and not _caption(block.text) and not _closed(current, blocks, k) and furnished:
            continue  # a header's upper line (本年支出 over 小计 | 基本支出 | …) over the header again, at a
            # page break (a unit's name over the same header is another table's title)
        if not current and runs and block.kind != "row" and _CONTINUED.search(block.text) \
                and len(block.text) <= 60 and not _closed(runs[-1], blocks, k) \
                and _header_next(blocks, k, "\t".join(b.text for b, _ in runs[-1][:3])):
            current, gap, furnished = runs.pop(), 1, True  # 续表 over its header again, page furniture (a
            continue  # running header longer than a short line) between: the table before goes on
        headed = headed or bool(current) and block.kind != "row" and bool(_OUTLINE_HEAD.match(block.text))
        if current and key and own and len(block.text) <= _GAP_MAX and _UNIT.search(own) and not headed \
                and _UNIT.search(block.text).group(1) == _UNIT.search(own).group(1) \
                and _header_next(blocks, k, "\t".join(b.text for b, _ in current[:3])):
            continue  # its unit alone again (金额单位：万元) over its header again: it goes on
        if key:
            unit = (k, key)
        elif said:
            title = (k, said)
        if block.kind == "row" and not current and not _caption_row(block):
            own = unit[1] if k - unit[0] <= _CAPTION_LOOKBACK else ""
            named = title[1] if k - title[0] <= _CAPTION_LOOKBACK else ""
        if block.kind == "row" and _note_row(block) and not _figures_follow(blocks, k):
            if current:  # 注：本表反映… drawn inside the grid, across it: the table's end, no row of it
                runs.append(current)
            current, gap = [], 0
            continue
        if block.kind == "row" and current and _unit_row(block) and not any(
                number(c) for b, _ in current for c in b.text.split("\t")):
            continue  # the header, then a row of its unit (金额单位：万元 | | |): the table goes on
        if block.kind == "row" and _caption_row(block):
            drawn = re.sub(r"\s+", "", block.text)
            if current and drawn == inside and not headed and not _closed(current, blocks, k):
                continue  # the caption drawn inside the grid again, a page on (Word repeats a table's
                # header rows, its title row among them), before its total: the table goes on
            if current:
                runs.append(current)
            current, gap, inside = [], 0, drawn  # a caption drawn inside the grid (…收支预算总表 | | |)
            # starts a table
        elif block.kind == "row" and current and block.line in heads and block.text != current[0][0].text \
                and not any(number(c) for c in block.text.split("\t")):
            runs.append(current)  # another Markdown table's header (one of amounts is a page's first row)
            current, gap = [(block, gap > 0)], 0
        elif block.kind == "row" and current and grid is not None and _new_header(block, current[0][0]) \
                and (mine := grid(block)) and (last := grid(current[-1][0])) and mine[0] == last[0] \
                and mine[1] != last[1] and not any(_same_cells(block, b) for b, _ in current):
            runs.append(current)  # 三级指标 | 分值 | 得分 … then, a grid of its own right below, 项目 |
            current, gap = [(block, False)], 0  # 预算数 | 支出数: another table, no caption between
        elif block.kind == "row" and current and gap and headed and _new_header(block, current[0][0]):
            runs.append(current)  # another table's header after a section's heading (三、…), short as it
            current, gap = [(block, False)], 0  # is: not this one's
        elif block.kind == "row" and current and gap and not furnished and len(current) > 1 \
                and _same_cells(block, current[0][0]) and not any(number(c) for c in block.text.split("\t")):
            runs.append(current)  # 区档案馆 ⏎ 项目 | 预算数 … ⏎ 区城市管理局 ⏎ 项目 | 预算数 …: the header
            current, gap = [(block, False)], 0  # again after a line of words, no page's number or running
            # header: another table of the same columns (a unit's), not this one's next page
        elif block.kind == "row":
            current.append((block, gap > 0))
            gap, marked, headed, furnished = 0, False, False, False
        elif current and _EMPTY_ITEM.fullmatch(block.text.strip()) and gap < _EMPTY_ITEMS \
                and not _caption(block.text) and not block.text.strip().endswith(_NOT_ITEM) \
                and _rows_resume(blocks, k):
            gap += 1  # 五、事业收入 ⏎ 六、经营收入: items of no amount, their blank cells dropped
        elif current and gap < 2 and not _caption(block.text) and (
                len(block.text) <= _GAP_MAX or len(block.text) <= 80 and _PAGE_MARK.search(block.text)
                or (_FOLIO.sub("", re.sub(r"\s+", "", block.text)) in running
                    or marked and len(block.text) <= 60)
                and not headed and (_header_next(blocks, k, "\t".join(b.text for b, _ in current[:3]))
                                    or marked and _rows_go_on(blocks, k, current[-1][0])
                                    and not _closed(current, blocks, k))):
            gap += 1  # a short line, a running footer (…绩效评价报告　第6页) or header at a page break
            marked = bool(_PAGE_MARK.search(block.text))
            furnished = furnished or marked or _FOLIO.sub("", re.sub(r"\s+", "", block.text)) in running \
                or _BARE_FOLIO.fullmatch(block.text) is not None
        else:
            if current:
                runs.append(current)
            current, gap = [], 0
    if current:
        runs.append(current)
    return runs


_OUTLINE_HEAD = lazy(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]"
                           r"|\d{1,2}[、.．](?!\d))")


_BARE_FOLIO = lazy(FOLIO_ALONE)  # a page's number alone (5, — 7 —, 第6页)
_FOLIO = lazy(r"^(?:第?\d{1,3}页?)|(?:第?\d{1,3}页?)$")  # a page's number run into its running header


def _new_header(row: Block, header: Block) -> bool:
    """Whether a row is another table's header: three names or more, no figure, and not the run's first
    row (its header) printed again."""
    cells = [c.strip() for c in row.text.split("\t") if c.strip()]
    if len(cells) < 3 or any(number(c) or not c.strip(NOTHING) for c in cells):
        return False  # (因公出国（境）费 | — | —: a row of nothing, no header)
    return cells != [c.strip() for c in header.text.split("\t") if c.strip()]


def _same_cells(row: Block, other: Block) -> bool:
    """Whether two rows hold the same cells (a header repeated over a table's next grid: 续表)."""
    return [c.strip() for c in row.text.split("\t") if c.strip()] \
        == [c.strip() for c in other.text.split("\t") if c.strip()]


def _header_next(blocks, k: int, header: str) -> bool:
    """Whether the next row within three blocks after ``k`` is ``header`` printed again (a page's header
    line or title between a table and its header repeated on the next page)."""
    ahead = blocks[k + 1 : k + 4]
    at = next((i for i, b in enumerate(ahead) if b.kind == "row"), None)
    if at is None or any(_OUTLINE_HEAD.match(b.text) for b in ahead[:at]):
        return False  # (a section's heading before it: another table)
    row = ahead[at]
    if any(number(c) for c in row.text.split("\t")):
        return False
    cells = {c.strip() for c in row.text.split("\t") if c.strip()}
    return row.text == header or bool(cells) and cells <= {c.strip() for c in header.split("\t")}


# a table's row whose cells were all blank, left as its label alone (五、事业收入, （三）其他收入)
_EMPTY_ITEM = lazy(r"(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]"
                   r"|\d{1,2}[.．、])[\u4e00-\u9fff（）()“”]{2,24}")
_EMPTY_ITEMS = 8  # such lines in a run, before the table's rows go on
_NOT_ITEM = ("表", "情况", "说明", "分析")  # (二、支出明细表: a caption; （三）…情况: a heading)


def _rows_resume(blocks, k: int) -> bool:
    """Whether a row holding a figure comes again within the next few blocks, past more such item lines
    (not a header: a section's heading (二)… over another table)."""
    for block in blocks[k + 1 : k + 1 + _EMPTY_ITEMS]:
        if block.kind == "row":
            return any(number(c) for c in block.text.split("\t"))
        if not _EMPTY_ITEM.fullmatch(block.text.strip()):
            return False
    return False


def _rows_go_on(blocks, k: int, last: Block) -> bool:
    """Whether the next block after ``k`` is a row of about as many cells as ``last`` (a blank first cell
    may be dropped) holding a figure: the page's number, then the report's title as a running header, then
    the table going on without its header (unless the table was closed by its 合计: the rows after the
    break are another's)."""
    ahead = blocks[k + 1 : k + 2]
    return bool(ahead) and ahead[0].kind == "row" \
        and abs(ahead[0].text.count("\t") - last.text.count("\t")) <= 1 \
        and any(number(c) for c in ahead[0].text.split("\t"))


def _closed(run: list[tuple[Block, bool]], blocks=(), k: int = 0) -> bool:
    """Whether a run of rows already holds its total (合计 …): a caption printed again after it opens
    another table of the same name (one per project or unit), not the next page of this one. A total
    printed first, over its rows (as 决算 forms print it), closes nothing: the table under the caption
    printed again at ``k`` is another one only when it opens on a total of its own."""
    def label(block: Block) -> str:  # its first cell of words (合计 under a blank code cell: | 合计 | …)
        cells = [c.replace(" ", "").replace("\u3000", "") for c in block.text.split("\t")]
        return next((c for c in cells if c and not code(c) and not number(c)), "")

    totals = [i for i, (b, _) in enumerate(run) if label(b).endswith(_GRAND)]
    if not totals:
        return False
    body = next((i for i, (b, _) in enumerate(run) if label(b) not in _COUNTING_ROWS
                 and any(number(c) for c in b.text.split("\t")[1:])), None)
    if totals != [body]:
        return True
    if _complete([b for b, _ in run[body:]]):
        return True  # its rows already add up to the total printed over them: the table is whole
    ahead = (b for b in blocks[k + 1 : k + 9] if b.kind == "row" and label(b) not in _COUNTING_ROWS
             and any(number(c) for c in b.text.split("\t")[1:]))
    first = next(ahead, None)
    return first is None or label(first).endswith(_GRAND)


def _complete(rows: list[Block]) -> bool:
    """Whether the rows under a total printed first add up to it in its first column of figures: its
    classes (3-digit codes) when the rows carry codes, else every row."""
    cells = rows[0].text.split("\t")
    j = next((k for k, c in enumerate(cells) if k and number(c)), None)
    if j is None:
        return False
    total = number(cells[j])
    under = [b.text.split("\t") for b in rows[1:]]
    coded = [c for c in under if code(c[0])]
    # a class row: a 3-digit code, no 款 or 项 code after it (201 | | 一般公共服务支出, not 201 | 01 | …)
    top = [c for c in coded if len(code(c[0])) == 3 and not (len(c) > 1 and code(c[1]))] if coded else under
    figures = [number(c[j]) for c in top if j < len(c) and c[j].strip()]
    if not top or any(f is None for f in figures):
        return False
    gap = abs(sum(f.value for f in figures) - total.value)
    return gap <= Decimal(1).scaleb(-total.decimals) * len(top) / 2


_COUNTING_ROWS = ("栏次", "行次", "栏目")  # a row numbering the columns, over the body: not its first row


def _caption_row(block: Block) -> bool:
    """A row of a wide grid holding nothing but a caption, or the line of its unit (编制单位：… | 单位：元):
    a caption drawn inside the table's ruling (a list of table names, one a row, is no such row)."""
    cells = block.text.split("\t")
    filled = [t.strip() for t in cells if t.strip()]
    if 0 < len(filled) <= 3 and any(_UNIT.search(t) for t in filled):
        # 部门：某局 | 单位：元, 公开03表 | 单位：元, 单位：元 with empty cells after it
        return all(_UNIT.search(t) or t.endswith("表") or re.search(r"^[^\d]{1,8}[：:]", t)
                   or _NUMBERED_TABLE.fullmatch(t) for t in filled)  # 部门公开表02 | 单位：万元
    return len(cells) >= 3 and bool(filled) and len(filled) <= 2 and all(
        _caption(t) and len(t) >= 6 or t.startswith(_UNIT_LINE) for t in filled)


def _note_row(block: Block) -> bool:
    """A row of a grid of several columns holding nothing but a note in its first cell (注：本表反映…;
    说明：…; 备注：…), drawn inside the table's ruling under its body."""
    cells = block.text.split("\t")
    return len(cells) >= 2 and _NOTE.match(cells[0]) is not None and not any(c.strip() for c in cells[1:])


def _figures_follow(blocks, k: int) -> bool:
    """Whether rows holding figures come right after the row at ``k`` (a note between rows, the body going
    on under it: not the table's end)."""
    for block in blocks[k + 1 : k + 4]:
        if block.kind != "row":
            return False
        if any(number(c) for c in block.text.split("\t")):
            return True
    return False


_NOTE = lazy(r"\s*(?:注|说明|备注|资料来源|数据来源)\s*\d?\s*[：:．.、]\s*\S{4,}")


def _unit_row(block: Block) -> bool:
    """A row holding the unit and nothing else (金额单位：万元 | | |, or with 编制单位：… beside it)."""
    filled = [t.strip() for t in block.text.split("\t") if t.strip()]
    return 0 < len(filled) <= 2 and any(_UNIT.search(t) for t in filled) and all(
        _UNIT.search(t) or re.search(r"^[^\d]{1,8}[：:]", t) for t in filled)


def _caption(text: str) -> bool:
    """A line that names a table (…预算总表, …支出表（按功能分类）) or its unit (单位：元): the next table's,
    never a gap in one."""
    text = QUALIFIER.sub("", text.strip())
    if re.fullmatch(r"[（(]?续表\s*\d*[）)]?", text) or re.match(r"[（(]?续表\s*\d*[）)]?\s*[：:]", text):
        return False  # 续表, 续表：…预算表: the table before goes on after a page break
    return text.endswith("表") or _UNIT.search(text) is not None


def _unspaced(text: str) -> str:
    """A cell's words as they read: characters spread out one by one (合 计, 人 员 经 费: 分散对齐 in WPS and
    Excel) closed up, words apart (北京 上海) left so; an amount grouped by spaces (57 553 581.00, 5 848 216,
    as some number formats print it) grouped by commas instead, one character for another."""
    if _SPREAD.fullmatch(text):
        return text.replace(" ", "").replace("\u3000", "")
    if _SPACE_GROUPED.fullmatch(text):
        return re.sub(r"[ \u00a0\u202f]", ",", text)
    return text


_SPREAD = lazy(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+")
# 57 553 581.00, 5 848 216: grouped with decimals, or in two groups and more (not 500 300, two columns'
# amounts run together, nor 021 528 888, a telephone number)
_SPACE_GROUPED = lazy(r"-?[1-9]\d{0,2}(?:(?:[ \u00a0\u202f]\d{3})+\.\d+|(?:[ \u00a0\u202f]\d{3}){2,})")


def _cells(doc: Document, block: Block) -> list[Cell]:
    """A row's cells: cut from its source line when that is tab-separated (empty leading cells keep the
    columns aligned), else from the row as read (a Markdown table's ``|`` row, whose cells the reader
    separated by tabs)."""
    line = block.line
    raw = doc.source_line(line)
    if "\t" not in raw:
        cells, at = [], 0
        for piece in block.text.split("\t"):
            text = _unspaced(piece.strip())
            lead = len(piece) - len(piece.lstrip())
            indent = len(piece[:lead].replace("\u3000", "  "))  # (a layout's levels, put in by its reader)
            cells.append(Cell(text, block.span(at + lead, at + lead + len(text)), indent=indent) if text
                         else Cell(""))
            at += len(piece) + 1
        return _unglued(cells)
    places = {p.column: p for p in doc.places[line - 1]} if doc.places else {}
    cells, column = [], 1
    for piece in raw.split("\t"):
        text = _unspaced(piece.strip())
        merged = places[column].merged if column in places else ""
        if text:
            lead = len(piece) - len(piece.lstrip())
            start = column + lead
            indent = len(piece[:lead].replace("\u3000", "  "))  # a full-width blank is two
            rounded = column in places and places[column].rounded
            cells.append(Cell(text, Span(line, start, line, start + len(text)), merged, indent, rounded))
        else:
            cells.append(Cell("", None, merged))
        column += len(piece) + 1
    return _unglued(cells)


# a cell run into its neighbours where an unruled layout left less than a blank between them: an amount
# and the next column's numbered label (30436924.00一、社会保障和就业支出), with the label before it too
# (1、一般公共预算资金30436924.00二、卫生健康支出), a dash for nothing and the label after it (- 三、城乡社区
# 支出); split only into the neighbours' own cells, when they are empty
_OUTLINED = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])[\u4e00-\u9fff]"
_AMOUNT_GLUED = lazy(rf"^(?:(.*?[\u4e00-\u9fff）)])(?=[-+]?\d))?([-+]?\d[\d,]*\.\d{{2}})\s*({_OUTLINED}.*)$")
_DASH_GLUED = lazy(rf"^()([-—–])\s+({_OUTLINED}.*)$")


def _unglued(cells: list[Cell]) -> list[Cell]:
    def empty(k: int) -> bool:
        return 0 <= k < len(cells) and not cells[k].text

    for j, cell in enumerate(cells):
        amount = _AMOUNT_GLUED.match(cell.text)
        m = amount or _DASH_GLUED.match(cell.text)
        if m is None:
            continue
        if m.group(1):  # a label, an amount, a label: one to each side
            if empty(j - 1) and empty(j + 1):
                cells[j - 1], cells[j], cells[j + 1] = (_part(cell, m, k) for k in (1, 2, 3))
        elif empty(j + 1) and amount:  # (a dash for nothing is the cell before the label's)
            cells[j], cells[j + 1] = _part(cell, m, 2), _part(cell, m, 3)
        elif empty(j - 1):
            cells[j - 1], cells[j] = _part(cell, m, 2), _part(cell, m, 3)
    return cells


def _part(cell: Cell, m: re.Match, group: int) -> Cell:
    """The cell of ``m``'s ``group`` out of ``cell``, its span narrowed to it on its line."""
    span = cell.span
    if span is not None and span.line == span.end_line:
        span = replace(span, column=span.column + m.start(group), end_column=span.column + m.end(group))
    return Cell(m.group(group), span, indent=cell.indent if group == 1 else 0, rounded=cell.rounded)


_NUMBERING = ("行次", "栏次", "行号")


_LETTERS = "甲乙丙丁戊己庚辛"
_FORMULA = r"\d{1,3}(?:\s*=\s*\d{1,3}(?:\s*[+\-－]\s*\d{1,3})+)?"  # 1, or 1=2+3
_COLUMN_NUMBER = lazy(rf"^(?:{_FORMULA}|[A-N]|[{_LETTERS}])$")


def _column_numbers(cells: list[Cell]) -> bool:
    """A 栏次 row: the template's numbering of the columns (栏次 | | 1 | 2 | 3, or 1 2 3 under 行次), its
    name columns lettered (甲 | 乙 | 1 | 2 | 3) and its numbers maybe with their formulas (1=2+3)."""
    filled = [c.text.strip() for c in cells if c.text.strip()]
    while len(filled) > 3 and filled[0] in ("类", "款", "项"):
        filled = filled[1:]  # 类 | 款 | 项 | 栏次 | 1 | 2 | 3: the code columns' names on the 栏次 row
    if len(filled) < 3 or filled[0] not in _NUMBERING and filled[0] not in _LETTERS:
        return False
    return all(_COLUMN_NUMBER.match(t) or t in _NUMBERING or t in "-—" for t in filled[1:]) \
        and (filled[0] in _NUMBERING or any(t[0].isdigit() for t in filled))  # (栏次 | A | B | C: lettered)


def _unlabeled_column_numbers(cells: list[Cell], counted: bool = False) -> bool:
    """A 栏次 row without its word, right under the header: three or more cells counting up by one
    (1 2 3 … 12 under a 预算数 | 决算数 header), as no row of amounts does; or 1 | 2 alone under a header
    with a 栏次 or 行次 column (``counted``), its word merged into the header cell above."""
    filled = [c.text.strip() for c in cells if c.text.strip()]
    if len(filled) < (2 if counted else 3) \
            or not all(_COLUMN_NUMBER.match(t) and t[0].isdigit() for t in filled):
        return False
    firsts = [int(re.match(r"\d+", t).group()) for t in filled]
    return all(b == a + 1 for a, b in zip(firsts, firsts[1:])) and (len(filled) > 2 or firsts[0] == 1)


def _row_numbers(header: tuple[str, ...], rows) -> set[int]:
    """Columns headed 行次 (or 栏次) whose cells are whole numbers or blank: they number the rows."""
    out = set()
    for k, name in enumerate(header):
        if name.replace(" ", "").endswith(_NUMBERING):
            cells = [r[k].text.strip() for r in rows if k < len(r) and r[k].text.strip()]
            if cells and all(t.isdigit() and len(t) <= 3 for t in cells):
                out.add(k)
    return out


_HEADER_CELLS = {"一级指标", "二级指标", "三级指标", "分值", "得分", "权重", "年度指标值", "年度目标值",
                 "实际完成值", "实际值", "目标值", "完成率", "偏差原因分析及改进措施", "指标值",
                 "年初预算数", "全年预算数", "全年执行数", "执行率", "预算执行率", "调整后预算数"}


def _inner_header(cells: list[Cell]) -> bool:
    """A row naming a form's columns anew in the middle of a table (a 项目支出绩效自评表's funds part under
    its 项目名称 and 主管部门 lines, its indicator part under its funds part): three cells or more that are
    column names of such forms, no number."""
    filled = [c.text.strip() for c in cells if c.text.strip()]
    return len(filled) >= 4 and all(number(t) is None for t in filled) \
        and sum(_FORMULA_MARK.sub("", t) in _HEADER_CELLS for t in filled) >= 3


_FORMULA_MARK = lazy(r"\s*[（(]\s*[A-Z](?:\s*[/+\-×*]\s*[A-Z])*\s*[）)]$")  # 全年预算数（A）, 执行率(B/A)


_GROUP_CELLS = {"评价指标", "绩效指标", "指标值", "评分", "指标", "偏差原因分析及改进措施", "偏差原因"}


def _over_inner(cells: list[Cell]) -> bool:
    """Whether a line names the groups of a form part's columns (评价指标 | 指标值 | 评分 | 偏差原因分析及改进
    措施, over 一级指标 | … | 年度指标值 | 实际完成值 | 分值 | 得分 |): no number, two such names or more."""
    filled = [c.text.strip() for c in cells if c.text.strip()]
    return all(number(t) is None for t in filled) and sum(t in _GROUP_CELLS for t in filled) >= 2


def _names_only(cells: list[Cell]) -> bool:
    """Three names or more and nothing else: no figure, no digit, no dash standing for nothing (a header's
    line; not 因公出国（境）费 | — | —, a row of nothing)."""
    filled = [c.text.strip() for c in cells if c.text.strip()]
    return len(filled) >= 3 and not any(ch.isdigit() for t in filled for ch in t) \
        and all(t.strip(NOTHING) for t in filled)


def _header_like(cells: list[Cell]) -> bool:
    filled = [c for c in cells if c.text]
    numeric = sum(1 for c in filled if number(c.text) is not None)
    return bool(filled) and numeric * 2 < len(filled)


def _tab_tables(doc: Document, run: list[tuple[Block, bool]]) -> list[Table]:
    rows = [_cells(doc, b) for b, _ in run]
    after_gap = [gap for _, gap in run]
    tables: list[Table] = []
    i = 0
    lead: list[Cell] | None = None  # the upper line of the next part's header, taken from a part's end
    while i < len(rows):
        header_rows: list[list[Cell]] = [lead] if lead else []
        lead = None
        if _header_like(rows[i]):
            header_rows.append(rows[i])
            i += 1
            while i < len(rows) and not _column_numbers(rows[i]) and (  # (栏次 | A | B | C: no name)
                    _continues_header(rows[i], header_rows) and (
                        len(header_rows) < 3 or len(header_rows) == 3 and (
                            _full_header(rows[i], len(rows[i])) or _over_figures(rows, i)))
                    or _spanned(rows[i])):
                if _inner_header(rows[i]) and not {c.text for r in header_rows for c in r} & _HEADER_CELLS:
                    header_rows = []  # a form's part header (项目资金 | 年初预算数) under 项目名称 | 主管部门
                header_rows.append(rows[i])
                i += 1
        words = {c.text for r in header_rows for c in r if c.text}
        body: list[list[Cell]] = []
        notes: list[str] = []
        breaks: list[int] = []
        turns: list[int] = []
        if len(header_rows) > 1:
            notes.append(f"header merged from {len(header_rows)} lines")
        first = {c.text for c in header_rows[0] if c.text} if header_rows else set()
        width = max((len(r) for r in header_rows), default=0)  # the widest row so far
        while i < len(rows):
            filled = {c.text for c in rows[i] if c.text}
            if words and filled and (body and filled <= words and all(number(t) is None for t in filled)
                                     or not body and filled == first  # the break fell under the header
                                     or body and _repeats(rows[i], header_rows)):
                line = next(c.span.line for c in rows[i] if c.span)
                notes.append(f"header repeated at line {line} dropped")
                if body:
                    breaks.append(len(body))
                i += 1  # a header repeated after a page break, with the lines continuing it
                while i < len(rows) and _continues_header(rows[i], header_rows):
                    i += 1
                continue
            counted = any(w in t for t in words for w in ("栏次", "行次"))
            if _column_numbers(rows[i]) or _unlabeled_column_numbers(rows[i], counted) and not any(
                    number(c.text) is not None for r in body for c in r):  # (under a header's second line)
                line = next(c.span.line for c in rows[i] if c.span)
                notes.append(f"栏次 row at line {line} dropped")
                i += 1  # the template's row numbering its columns (栏次 1 2 3): header, not amounts
                continue
            if _inner_header(rows[i]) and (body or header_rows and not words & _HEADER_CELLS):
                if len(body) > 1 and _over_inner(body[-1]) and len(body[-1]) == len(rows[i]):
                    lead = body.pop()  # 绩效指标 | 评价指标 | 指标值 | 评分 | 偏差原因… over 一级指标 | …
                    # | 得分 | (merged): the upper line of the next part's header, not a row of this part
                break  # a form's next part under its own header (一级指标 | 二级指标 | … | 分值 | 得分)
            if body and after_gap[i] and _header_like(rows[i]):
                break  # a new header after a caption line (二、支出进度): the next table
            if body and _TOTAL_LABEL.match(next((c.text for c in body[-1] if c.text), "")) \
                    and _names_only(rows[i]) and not filled <= words:
                break  # …| 总分 | 25 | 24, then 项目 | 预算数 | 支出数: the next table, drawn touching it
            if body and _weak(header_rows, width) and _full_header(rows[i], width):
                break  # a whole header row under a garbled one (a page the converter misread)
            if body and _page_of(doc, rows[i]) != _page_of(doc, body[-1]):
                turns.append(len(body))  # a page break, its header repeated or not
            body.append(rows[i])
            width = max(width, len(rows[i]))
            i += 1
        if not body or _compacted(header_rows, width) or _weak(header_rows, width) and _header_in_body(body):
            continue  # (a header whose merged cells were written once, or whose lines were not all taken
            # for it: its names fit no column, so the table is left unread)
        levels = _levels(header_rows, width)
        header = _merge(header_rows, width)
        body, breaks = _rejoined(body, breaks, turns)
        body = [_placed(doc, r, body[:k], width) if k and len(r) < width else r for k, r in enumerate(body)]
        full = [r for r in body if len(r) == width and not _TOTAL_LABEL.match(r[0].text)]
        body = [_merged_label(r, full, width) if len(r) < width else r for r in body]
        unplaced = tuple(k for k, r in enumerate(body) if len(r) < width and any(
            number(c.text) is not None for c in r) and any(_place(doc, c) for c in r))  # (PDF rows only)
        padded = tuple(tuple(r) + (Cell(""),) * (width - len(r)) for r in body)
        if _label_unnamed(header, padded):  # 全年预算数 | … | 得分 over 年度资金总额 | a | … | s
            header = ("", *header[:-1])
            levels = tuple(("", *level[:-1]) for level in levels)
        unplaced = tuple(sorted({*unplaced, *_shifted(header, padded)}))
        numbering = _row_numbers(header, padded)
        if numbering:  # 行次 columns number the rows (1 2 3 …): not amounts, and not read as such
            keep = [k for k in range(width) if k not in numbering]
            header = tuple(header[k] for k in keep)
            levels = tuple(tuple(level[k] for k in keep) for level in levels)
            padded = tuple(tuple(r[k] for k in keep) for r in padded)
            notes.append(f"{len(numbering)} 行次 column(s) dropped")
        anchor = next(c.span for r in [*header_rows, *body] for c in r if c.span is not None)
        if unplaced:
            notes.append(f"{len(unplaced)} row(s) of fewer cells not placed under their columns")
        tables.append(Table(header=header, rows=padded, span=anchor, shape="tabs", notes=tuple(notes),
                            breaks=tuple(breaks), levels=levels if len(levels) > 1 else (),
                            unplaced=unplaced))
    return tables


_TOTAL_LABEL = lazy(r"^\s*(?:合\s*计|总\s*计|总\s*分|总得分)\s*$")


def _rejoined(body: list, breaks: list[int], turns=()) -> tuple[list, list[int]]:
    """The rows with a row a page break split put back together: Word lets a row break across pages, so a
    cell wrapped onto two lines leaves its first line at the page's foot (住房保障支 | 13,118,07) and its
    second under the header repeated on the next page (出 | 8.00). Joined when each cell of the row after
    the break goes on a filled cell of the row before, and its joined figures are whole only so (13,118,07 +
    8.00 = 13,118,078.00): two or more, or one beside a name's last character, the name before it long
    enough to have wrapped (办公费 | 1,23 ⏎ 差旅费 | 4.56 are two rows, the first figure malformed). At any
    page turn (``turns``, a header repeated or not) a name alone goes on the row before (see
    :func:`_name_goes_on`)."""
    body, deleted = list(body), []
    for b in sorted({*breaks, *turns}, reverse=True):
        if not 0 < b < len(body) or len(body[b]) != len(body[b - 1]):
            continue
        before, after = body[b - 1], body[b]
        if not _name_goes_on(before, after) and not (b in breaks and _figure_cut(before, after)):
            continue  # (机关事业单位基本养老 | 125.28 ⏎ 保险缴费支出 | : a name alone goes on at any turn)
        body[b - 1] = [replace(x, text=x.text + y.text) if y.text.strip() else x
                       for x, y in zip(before, after)]
        del body[b]
        deleted.append(b)
    # each break where it now falls (one row fewer before it for each row rejoined before it; a rejoined
    # row's own break before the row after it)
    return body, [v - sum(1 for d in deleted if d < v) for v in breaks]


def _figure_cut(before, after) -> bool:
    """Whether the row after a break is the rest of the row before, a figure cut in two (see
    :func:`_rejoined`)."""
    if any(code(c.text) for c in after) or any(
            number(c.text) is None and len(c.text.strip()) > _WRAPPED_REST for c in after):
        return False  # a row of its own: a code, or a name longer than a cell's wrapped remainder
    pairs = [(x.text, y.text) for x, y in zip(before, after) if y.text.strip()]
    cut = [x + y for x, y in pairs if number(x) is None and _FIGURE_PART.fullmatch(x.strip())
           and number(x + y) is not None]
    rest = max((len(y.strip()) for x, y in pairs if number(y) is None), default=0)
    named = max((len(x.strip()) for x, y in pairs if number(y) is None), default=_WRAPPED_NAME)
    return bool(cut) and not (len(cut) < 2 and rest > 1) and named >= _WRAPPED_NAME \
        and all(x.strip() for x, _ in pairs) \
        and not any(number(y) is not None and number(x + y) is None for x, y in pairs)


def _page_of(doc: Document, row) -> str:
    """The page a row was drawn on (PDF, OFD), or "" (the other formats)."""
    line = next((c.span.line for c in row if c.span), 0)
    if not doc.places or not 0 < line <= len(doc.places) or not doc.places[line - 1]:
        return ""
    m = _GRID.match(doc.places[line - 1][0].where)
    return (m.group(1) or "") if m else ""


def _name_goes_on(before, after) -> bool:
    """Whether the row after a page break is the rest of the name of a classification row cut by it (a
    browser splits a row whose name wrapped over the break: 2080505 | 机关事业单位基本养老 | 125.28 ⏎ |
    保险缴费支出 | ): its one filled cell under the row before's name, no digit, list marker or total in it,
    the row before a code's, with figures."""
    filled = [k for k, c in enumerate(after) if c.text.strip()]
    if len(filled) != 1 or not any(code(c.text) for c in before) \
            or not any(number(c.text) is not None and not code(c.text) for c in before):
        return False
    k = filled[0]
    rest, name = after[k].text.strip(), before[k].text.strip()
    return bool(name) and number(name) is None and not code(name) and not _NOT_A_REST.search(rest)


_NOT_A_REST = lazy(r"\d|^[一二三四五六七八九十（(①-⑳]|^其中|合\s*计|总\s*计|小\s*计")
_WRAPPED_REST = 3  # characters a name's second line holds when its cell wrapped it (出, 支出, 缴费支出 no)
_WRAPPED_NAME = 4  # characters a name's first line holds at least when its cell wrapped it (办公费 fits)
_FIGURE_PART = lazy(r"[-−]?\d[\d,]*\.?\d*")  # a figure's first line: 13,118,07 or 2,6


def _label_unnamed(header: tuple[str, ...], rows) -> bool:
    """Whether the header names the figures' columns from the first, leaving the rows' labels unnamed (a
    form's 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over 年度资金总额 | 9.48 | 9.48 | 10 | 100% | 10):
    every name but the last column's given and none a label column's (项目, 名称, 科目, 指标), a label
    opening every row, a figure ending most. Columns empty throughout at the right (a web copy's trailing
    bars, | |||||) are left out first."""
    used = 1 + max((k for k in range(len(header)) if header[k].strip() or any(
        k < len(r) and r[k].text.strip() for r in rows)), default=-1)
    if 0 < used < len(header):
        header, rows = header[:used], [r[:used] for r in rows]
    if len(header) < 3 or header[-1].strip() or not all(h.strip() for h in header[:-1]) \
            or _LABEL_HEAD.search(header[0]) or not _MEASURE_HEAD.search(header[0]) or len(rows) < 2:
        return False  # (the first name a measure's, 全年预算数(A); not 支出功能分类, a label column's)
    labelled = all(r[0].text.strip() and number(r[0].text) is None for r in rows)
    ending = sum(1 for r in rows if number(r[-1].text) is not None)
    return labelled and (ending * 2 > len(rows) or _rates_one_right(header, rows))


def _rates_one_right(header: tuple[str, ...], rows) -> bool:
    """Whether the percentages stand one column right of the rate's name (执行率 over 10, 102.59% beside it:
    the 得分 left blank, the rows' cells each a column right of their names)."""
    rate = next((j for j, h in enumerate(header) if "率" in h), None)
    if rate is None or rate + 1 >= len(header):
        return False

    def percent(r, j) -> bool:
        value = number(r[j].text) if j < len(r) else None
        return value is not None and value.percent

    right = sum(1 for r in rows if percent(r, rate + 1))
    return right >= 1 and not any(percent(r, rate) for r in rows)


_LABEL_HEAD = lazy(r"项目|名称|科目|指标|内容|类别|分类|单位|部门|序号|^\s*$")
_MEASURE_HEAD = lazy(r"数|额|金|预算|决算|执行|分值|得分|率|合计|小计|总计")


def _shifted(header: tuple[str, ...], rows) -> set[int]:
    """Rows whose figures were set a column off (合计 | | | | 100 | 96.09 under 分值 | 得分, aligned with
    blanks in a layout without rules): one figure in a column no header names and no other row fills, its
    first figure a column or more right of where the other rows' begin."""
    lonely = [j for j in range(len(header)) if not header[j].strip()
              and sum(1 for r in rows if number(r[j].text) is not None) == 1]
    if not lonely:
        return set()
    firsts = [next((j for j, c in enumerate(r) if number(c.text) is not None), None) for r in rows]
    usual = Counter(f for f in firsts if f is not None).most_common(1)
    return {k for k, r in enumerate(rows) if any(number(r[j].text) is not None for j in lonely)
            and usual and firsts[k] is not None and firsts[k] > usual[0][0]}  # (its figures begin later
    # than the others': set off; a 合计 row with its rate beyond the last column begins where they do)


def _over_figures(rows: list[list[Cell]], i: int) -> bool:
    """Whether row ``i`` is the last line of a header of four (人员经费 | 公用经费 under 基本支出 under 预算数
    under 本年支出): right above a row of figures, and with empty cells where the names above span down."""
    return i + 1 < len(rows) and any(not c.text for c in rows[i]) \
        and sum(1 for c in rows[i + 1] if number(c.text) is not None) >= 2 \
        and not _column_numbers(rows[i + 1]) and not _unlabeled_column_numbers(rows[i + 1])


_COLUMN_NAMES = frozenset({"项目", "行次", "栏次", "金额", "合计", "小计", "预算数", "决算数", "科目名称",
                           "科目编码"})


def _header_in_body(body: list[list[Cell]]) -> bool:
    """Whether a line of the header was read as the table's first row: before any row with a figure,
    a row of words only naming two columns or more (项目 | 行次 | 金额 | 项目 | 行次 | 合计 under 收入 |
    支出, a header naming few of the columns)."""
    for row in body:
        if any(number(c.text) is not None for c in row):
            return False
        if sum(1 for c in row if c.text.strip() in _COLUMN_NAMES) >= 2:
            return True
    return False


def _compacted(header_rows: list[list[Cell]], width: int) -> bool:
    """A header of several lines, each short of the table's columns with no cell left empty: a merged
    cell was written once (项目 | 年初预算数 | 本年支出 | 决算数为年初预算数的% over 科目编码 | 科目名称 |
    小计 | 基本支出 | 项目支出, rows of seven cells), so which column a name stands over cannot be told."""
    return len(header_rows) >= 2 and all(
        len(r) < width and all(c.text and not c.merged for c in r) for r in header_rows)


def _merged_label(cells: list[Cell], full: list[list[Cell]], width: int) -> list[Cell]:
    """A total row short of cells because its label spanned the name columns (合计 over 科目编码 and 科目名称,
    exported as one cell): its figures moved under the amount columns, when the ``full`` rows (every cell,
    no total) hold names or codes in each column its label spans and a figure in each column its figures
    fill."""
    short = width - len(cells)
    if not _TOTAL_LABEL.match(cells[0].text) or len(cells) < 2 \
            or not all(number(c.text) is not None for c in cells[1:] if c.text):
        return cells
    if len(full) < 2 or any(number(r[j].text) is not None and code(r[j].text) is None
                            for r in full for j in range(short + 1)) \
            or not all(any(number(r[j].text) is not None for r in full) for j in range(short + 1, width)):
        return cells
    return [cells[0], *(Cell("") for _ in range(short)), *cells[1:]]


def _placed(doc: Document, cells: list[Cell], above: list[list[Cell]], width: int) -> list[Cell]:
    """A short row that opens a new page, its cells put under the columns of the rows above by their x
    positions (PDF), or the row as read when the page is the same or a cell falls under no column or out
    of order."""
    pages = [p.page for p in (_place(doc, c) for c in above[-1]) if p is not None]
    mine = [(c, p) for c, p in ((c, _place(doc, c)) for c in cells if c.text) if p is not None and p.box]
    if not pages or not mine or mine[0][1].page == pages[0]:
        return cells
    edges = []
    for j in range(width):
        boxes = [p.box for p in (_place(doc, r[j]) for r in above if j < len(r) and not r[j].merged)
                 if p is not None and p.box]
        edges.append((min(b[0] for b in boxes), max(b[2] for b in boxes)) if boxes else None)
    out, last = [Cell("")] * width, -1
    for cell, place in mine:
        x0, x1 = place.box[0], place.box[2]
        at = (x0 + x1) / 2 if number(cell.text) is not None else x0 + 2  # a label starts in its column
        hits = [j for j, e in enumerate(edges) if e and e[0] - 1 <= at <= e[1] + 1
                or e and cell is not mine[0][0] and abs(e[1] - x1) <= 2]
        j = next((j for j in hits if j > last), None)
        if j is None:
            return cells
        out[j], last = cell, j
    return out


def _place(doc: Document, cell: Cell):
    """Where a cell's text sits in the original (its page and box), when the reader knows it."""
    if cell.span is None or not doc.places or not 0 < cell.span.line <= len(doc.places):
        return None
    return next((p for p in reversed(doc.places[cell.span.line - 1]) if p.column <= cell.span.column), None)


def _repeats(cells: list[Cell], header_rows: list[list[Cell]]) -> bool:
    """A whole header row that matches the table's header in most columns (一级指标 over a garbled 指标)."""
    if not _full_header(cells, len(cells)):
        return False
    names = _merge(header_rows, max(len(r) for r in [cells, *header_rows]))
    alike = sum(1 for c, h in zip(cells, names) if h and (h in c.text or c.text in h))
    return alike * 2 > len(cells)


def _weak(header_rows: list[list[Cell]], width: int) -> bool:
    """A header that names fewer than half of the table's columns."""
    named = {j for row in header_rows for j, c in enumerate(row) if c.text}
    return len(named) * 2 < width


def _full_header(cells: list[Cell], width: int) -> bool:
    """A row that names every column and holds no number: a table's header."""
    filled = [c for c in cells if c.text]
    return len(filled) >= max(width, 3) and all(number(c.text) is None for c in filled)


def _continues_header(cells: list[Cell], header_rows: list[list[Cell]]) -> bool:
    """A header line wrapped onto the next: every filled cell short (率, (万元), 制率) and without digits;
    under a header with merged (empty) cells, the next level of its names (功能分类科目编码 | 类 款 项); or
    a row of years alone, rising (| 2024 | 2025 | under 决算数 | 预算数)."""
    years = [c.text.strip() for c in cells if c.text.strip()]
    if len(years) >= 2 and all(_BARE_YEAR.fullmatch(t) for t in years) and years == sorted(set(years)):
        return True  # | 2024 | 2025 | under 决算数 | 预算数: each column's year
    filled = [_NAMED_YEAR.sub("", _QUALIFIED.sub("", c.text)) for c in cells if c.text]  # 2025年预算数,
    # 项目（按支出性质和经济分类）: a year and a qualifier in brackets are part of a column's name
    # (under a header with merged, empty cells, or one narrower than this line, whose label cell is blank:
    # 项目 | 2016年预算数 over | 小计 | 其中:一般公共预算安排数, the merged name written once)
    longest = 12 if header_rows and (any(not c.text for c in header_rows[-1]) or len(cells) > len(
        header_rows[-1]) and cells and not cells[0].text) else 5
    return bool(filled) and all(len(t) <= longest and not any(ch.isdigit() for ch in t) for t in filled)


_NAMED_YEAR = lazy(r"^(?:19|20)\d\d年度?(?=\D|$)")  # 2023年 alone: a year over its column
_BARE_YEAR = lazy(r"(?:19|20)\d\d")
_QUALIFIED = lazy(r"(?<=\D)[（(][^（()）\d]{1,16}[）)]$")


def _spanned(cells: list[Cell]) -> bool:
    """A header line the reader saw merged cells reach into from above (DOCX, PDF, HTML tell), naming
    columns and holding no number: 人员经费 | 公用经费 under a 基本支出 that spans them."""
    filled = [c.text for c in cells if c.text]
    return (bool(filled) and any(c.merged == "up" for c in cells)
            and not any(number(t) is not None or any(ch.isdigit() for ch in t) for t in filled))


def _merge(header_rows: list[list[Cell]], width: int) -> tuple[str, ...]:
    if not header_rows:
        return ("",) * width
    return tuple("".join(names) for names in zip(*_levels(header_rows, width)))


def _levels(header_rows: list[list[Cell]], width: int) -> tuple[tuple[str, ...], ...]:
    """The header's lines, each with a name per column, merged cells spread over the columns they span.

    A name whose cell spans several columns leaves the cells to its right empty on its line, while a lower
    line names those columns (合计 over 预算数 | 决算数): each of them takes the spanning name, within the
    span of the name above it (公务接待费 starts a new span, so 运行费's does not reach it), and not past a
    column named on a line above the first naming the name's own column (项目 | | | 基本支出 | | over | | 合计
    | | | 项目支出 over 科目编码 | 科目名称 | | 人员经费 | 公用经费 |: 合计 and 项目支出, named on the line
    between, their cells merged down, are no part of a span). An empty cell
    with nothing named under it stays empty: the cell above spans down instead (a wrapped header). Where
    the reader saw the merged cells (DOCX, PDF, HTML: ``Cell.merged``), that is followed exactly.
    """
    lines = [[row[j].text if j < len(row) else "" for j in range(width)] for row in header_rows]
    merged = [[row[j].merged if j < len(row) else "" for j in range(width)] for row in header_rows]
    for k in range(1, len(lines)):
        lines[k] = _under_last(lines[k - 1], lines[k], merged[k])
    spans = [0] * width  # where the spanning name of the line above each column starts
    for k, line in enumerate(lines):
        # the first line below naming each column (None: named on no line below)
        named_below = [next((d for d, lower in enumerate(lines[k + 1:]) if lower[j]), None)
                       for j in range(width)]
        owner, starts = None, list(spans)
        seen = "left" in merged[k]  # the reader saw this line's spans: no other name spreads on it
        for j in range(width):
            if line[j]:
                owner = starts[j] = j
            elif merged[k][j] == "left" and owner is not None:  # the reader saw the span: exact
                line[j], starts[j] = line[owner], owner
            elif merged[k][j] == "up":
                owner = None  # the cell above spans down into this line: nothing named here
            elif owner is not None and named_below[j] is not None and named_below[owner] is not None \
                    and named_below[j] < named_below[owner] \
                    and not any(lower[j] for lower in lines[k + 2 + named_below[j]:]):
                owner = None  # 基本支出 | | over 人员经费 | 公用经费, then 项目支出 named on a line between
                # (its cell merged down, nothing under it): a column of its own, beyond the span (not 基本支出
                # under 年初预算数, over 人员经费 | 公用经费: a group within the measure's span)
            elif owner is not None and named_below[j] is not None and spans[j] == spans[owner] and not seen:
                line[j], starts[j] = line[owner], owner
        spans = starts
    return tuple(tuple(line) for line in lines)


def _under_last(above: list[str], line: list[str], merged: list[str]) -> list[str]:
    """A header line written from the left that names the columns the last name above spans: 2020年执行数
    over 金额 | 占调整预算% | 比上年增长%, its merged cell exported once and the names under it moved to
    the first columns (a web page's table as text). Every column before the last name named above, no more
    names than the columns from it to the table's end, none twice (合计 | 一般公共预算 | 合计 | 一般公共预算:
    the sub-columns of several names), and no merged cell the reader saw: they go under those columns, from
    the last name's on."""
    width = len(line)
    filled = [j for j, t in enumerate(line) if t]
    last = max((j for j, t in enumerate(above) if t), default=-1)
    names = [line[j] for j in filled]
    if any(merged) or len(filled) < 2 or filled != list(range(len(filled))) or last < 1 \
            or not all(above[:last]) or width - last < len(filled) or len(set(names)) < len(names):
        return line  # (本年收入 | | 本年支出 over 项目 | 预算数 | 项目 | 预算数; 预算数 | 决算数 over 合计 |
        # 一般公共预算 | 合计 | 一般公共预算: names under several spans, not the last's alone)
    return ([""] * last + line[: len(filled)] + [""] * width)[:width]


def _score_lists(doc: Document) -> list[Table]:
    tables = []
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        if block.kind == "row" or not _SCORE_HEADER.match(block.text) or "得分" not in block.text:
            continue
        header = tuple(block.text.split())
        if len(header) < 3:
            continue
        table = _read_list(blocks, index + 1, header, block)
        if table is not None:
            tables.append(table)
    return tables


def _read_list(blocks, start: int, header: tuple[str, ...], head: Block) -> Table | None:
    width = len(header)
    score_col = next((j for j, h in enumerate(header) if "得分" in h), width - 1)
    total_col = next((j for j, h in enumerate(header) if h in ("合计", "小计") and j != score_col), None)
    name_col = max(score_col - 1, 0)
    rows: list[list[Cell]] = []
    group_row: int | None = None
    pending_group: Cell | None = None
    for block in blocks[start:]:
        tokens = _tokens(block)
        if not tokens or len(tokens) > 2 or len(block.text) > 40:
            break
        values = [number(t.text) for t in tokens]
        if len(tokens) == 2 and values[0] is None and values[1] is not None:
            row = [Cell("")] * width
            if tokens[0].text in _GRAND:
                row[0], row[score_col] = tokens[0], tokens[1]
                rows.append(row)
                break
            row[name_col], row[score_col] = tokens
            if pending_group is not None:
                row[0] = pending_group
                pending_group = None
                group_row = len(rows)
            rows.append(row)
        elif len(tokens) == 1 and values[0] is not None and total_col is not None and group_row is not None:
            if rows[group_row][total_col].text:
                break
            rows[group_row][total_col] = tokens[0]
        elif len(tokens) == 1 and values[0] is None:
            pending_group = tokens[0]
        else:
            break
    if len(rows) < 2:
        return None
    anchor = Span(head.line, head.origins[0][2], head.line, head.origins[0][2] + len(head.text))
    return Table(header=header, rows=tuple(tuple(r) for r in rows), span=anchor, shape="lines",
                 notes=("read from a score list written one item per line",))


def _tokens(block: Block) -> list[Cell]:
    """A short block's blank-separated words, each with its span."""
    out = []
    for m in re.finditer(r"\S+", block.text):
        out.append(Cell(m.group(), block.span(m.start(), m.end())))
    return out
