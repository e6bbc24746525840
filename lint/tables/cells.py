"""Tables flattened one cell per line (``pdftotext`` without ``-layout``, text copied from a web page's grid).

Under a header of one name per line — an optional code column (科目编码), a label column (项目, 科目名称)
and one or more amount columns (预算数, 决算数, 合计, 基本支出) — each body row is an optional code line, a
label line (a label wrapped onto a second line is joined to it) and exactly as many amount lines as the
header has amount columns (a dash standing for nothing counts as one). A converter that drops empty cells
leaves rows with fewer amounts, and then no row can be placed under its columns: the whole list is left
unread rather than guessed. The list is read only when every row is whole, it has at least three rows, and
either a total row (合计, 总计) or codes say it is a table of amounts.

The funds part of the national 项目支出绩效自评表 is read the same way (:func:`fund_forms`): its header
(年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分, each name maybe broken over two lines) right above
年度资金总额, then that row's cells, one per line, as many as the header names (a money unit written after
every amount, 4753.66万元, taken off), and the rows under it (其中：当年财政拨款, 上年结转资金, 其他资金) as
long as each is whole.
"""

from __future__ import annotations

from ..model import Block, Cell, Document, Span, Table
from ..regex import lazy
from . import code, empty, number

_CODE_HEAD = lazy(r"^(?:(?:支出)?(?:功能|经济)分类)?(?:科目)?(?:编码|代码)$")
_LABEL_HEAD = lazy(r"^(?:(?:支出)?(?:功能|经济)分类)?(?:科目)?名称$|^项目(?:名称)?$|^科目$|^资金来源$"
                   r"|^单位名称$")
_MEASURE_HEAD = lazy(r"^[^\d\s。，；：:]{0,10}?(?:数|额|合计|小计|总计|支出|收入|经费|结余|结转)$")
_UNIT_SUFFIX = lazy(r"\s*[（(]\s*(?:万元|元|亿元)\s*[）)]\s*$")
_TOTAL = lazy(r"^(?:合\s*计|总\s*计|本年(?:收入|支出)合计|(?:收入|支出)总计)$")
_NUMBERED = lazy(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,2}[）)]"
                 r"|\d{1,2}[.．、](?!\d)|\d{3,7}\s)")
_SENTENCE = lazy(r"[。；;！？]|[，,].*[，,]")
_LABEL_MAX = 30


def cell_lists(doc: Document) -> list[Table]:
    tables = []
    blocks = [b for b in doc.blocks if b.kind != "row"]
    index = 0
    while index < len(blocks):
        header = _header(blocks, index)
        if header is None:
            index += 1
            continue
        names, has_code, width = header
        table, used = _read(blocks, index + width, names, has_code)
        if table is not None:
            tables.append(table)
        index += width + used
    return tables


def _text(block: Block) -> str:
    return block.text.strip()


def _single(block: Block) -> bool:
    """A block of one source line (a cell), not a paragraph joined from several."""
    return len({origin[1] for origin in block.origins}) == 1


def _header(blocks: list[Block], start: int) -> tuple[tuple[str, ...], bool, int] | None:
    """The column names starting at ``start``: [code name], a label name, then amount names (at least
    one), each alone on its line; with whether a code column leads and how many lines they take."""
    names: list[str] = []
    k = start
    if start and _head_name(_text(blocks[start - 1])):
        return None  # the second half of a header (项目 | 决算数 | 项目 | 决算数), not one of its own
    has_code = bool(k < len(blocks) and _CODE_HEAD.match(_text(blocks[k])) and _single(blocks[k]))
    if has_code:
        names.append(_text(blocks[k]))
        k += 1
    if k >= len(blocks) or not _single(blocks[k]) or not _LABEL_HEAD.match(_text(blocks[k])):
        return None
    names.append(_text(blocks[k]))
    k += 1
    while k < len(blocks) and _single(blocks[k]) and blocks[k].line - blocks[k - 1].line <= 2:
        name = _UNIT_SUFFIX.sub("", _text(blocks[k]))
        if not _MEASURE_HEAD.match(name) or _LABEL_HEAD.match(name) or name in names:
            break  # a body row's label (合计 again under a 合计 column) ends the header
        names.append(name)
        k += 1
    if k < len(blocks) and _amount(_text(blocks[k])) and len(names) > 2 + has_code:
        names.pop()  # the first row's label (合计 over its amounts), not a column
        k -= 1
    amounts = len(names) - 1 - has_code
    after = _text(blocks[k]) if k < len(blocks) else ""
    if amounts < 1 or _LABEL_HEAD.match(after) or _CODE_HEAD.match(after):
        return None  # no amounts, or a second panel (项目 | 决算数 | 项目 | 决算数): its rows interleave
    return tuple(names), has_code, k - start


def _head_name(text: str) -> bool:
    name = _UNIT_SUFFIX.sub("", text)
    return bool(_CODE_HEAD.match(name) or _LABEL_HEAD.match(name) or _MEASURE_HEAD.match(name))


def _amount(text: str) -> bool:
    return number(text) is not None or empty(text)


def _figure(blocks: list[Block], k: int, has_code: bool) -> bool:
    """Whether block ``k`` is an amount cell, not the next row's code (a code line before a label)."""
    text = _text(blocks[k])
    if not _single(blocks[k]) or not _amount(text):
        return False
    return not (has_code and code(text) is not None and k + 1 < len(blocks) and _label(blocks[k + 1]))


def _label(block: Block) -> bool:
    text = _text(block)
    return (_single(block) and 0 < len(text) <= _LABEL_MAX and not _amount(text) and code(text) is None
            and not _SENTENCE.search(text))


def _read(blocks: list[Block], start: int, header: tuple[str, ...],
          has_code: bool) -> tuple[Table | None, int]:
    """The table under ``header`` and the number of blocks its rows take (0 when it is not read)."""
    amounts = len(header) - 1 - has_code
    rows: list[list[Cell]] = []
    used = 0  # blocks consumed by whole rows
    k = start
    previous = blocks[start - 1].line
    while k < len(blocks):
        first = k
        if blocks[k].line - previous > 2:
            break  # a blank gap of more than one line ends the list
        code_cell = Cell("")
        if has_code and code(_text(blocks[k])) is not None and _single(blocks[k]):
            code_cell = _cell(blocks[k])
            k += 1
        if k >= len(blocks) or not _label(blocks[k]):
            k = first
            break
        label = [blocks[k]]
        k += 1
        if k + 1 < len(blocks) and _label(blocks[k]) and not _NUMBERED.match(_text(blocks[k])) \
                and not _TOTAL.match(_text(blocks[k])) and _amount(_text(blocks[k + 1])):
            label.append(blocks[k])  # a label wrapped onto a second line
            k += 1
        figures = []
        while k < len(blocks) and len(figures) < amounts and _figure(blocks, k, has_code):
            figures.append(_cell(blocks[k]))
            k += 1
        if len(figures) != amounts:
            if not figures and not rows:
                return None, 0
            if figures or (k < len(blocks) and _label(blocks[k])):
                return None, 0  # a row short of its amounts: empty cells were dropped, columns unknown
            k = first
            break
        if k < len(blocks) and _figure(blocks, k, has_code):
            return None, 0  # more amounts than columns
        row = ([code_cell] if has_code else []) + [_joined(label)] + figures
        rows.append(row)
        previous = blocks[k - 1].line
        used = k - start
    if len(rows) < 3:
        return None, 0
    labels = [row[1 if has_code else 0].text for row in rows]
    coded = has_code and any(r[0].text for r in rows)
    if not coded and not any(_TOTAL.match(t.replace(" ", "")) for t in labels):
        return None, 0
    head = blocks[start - len(header)]
    anchor = Span(head.line, head.origins[0][2], head.line, head.origins[0][2] + len(head.text))
    return Table(header=header, rows=tuple(tuple(r) for r in rows), span=anchor, shape="lines",
                 notes=("read from a table written one cell per line",)), used


def _cell(block: Block) -> Cell:
    text = block.text
    lead = len(text) - len(text.lstrip())
    return Cell(text.strip(), block.span(lead, lead + len(text.strip())))


def _joined(blocks: list[Block]) -> Cell:
    first, last = _cell(blocks[0]), _cell(blocks[-1])
    if len(blocks) == 1:
        return first
    span = Span(first.span.line, first.span.column, last.span.end_line, last.span.end_column)
    return Cell("".join(b.text.strip() for b in blocks), span)


_FUND_HEADER = lazy(r"(?:项目资金[（(]?万?元?[)）]?)?(?P<first>年初预算数)?"
                    r"全年预算数全年执行数分值执行率得分")
_FUND_ROW = lazy(r"(?:年度资金总额|(?:其中[：:]?)?(?:当年)?财政拨款|上年结转资金|其他资金)[：:]?")
_FUND_GROUP = lazy(r"项目资金\s*[（(]\s*万?元\s*[)）]")  # the form's side label, merged down its rows
_MONEY_SUFFIX = lazy(r"(?<=\d)\s*(?:万元|万|元)$")
_HEADER_LINES = 16  # the form's header, each name maybe broken in two (年初 ⏎ 预算数), within these lines


def fund_forms(doc: Document) -> list[Table]:
    """The funds part of each 项目支出绩效自评表 written one cell per line, as a table."""
    blocks = [b for b in doc.blocks if b.kind != "row"]
    tables = []
    for k, block in enumerate(blocks):
        if not _FUND_ROW.fullmatch(_text(block)) or not _text(block).startswith("年度资金总额"):
            continue
        header = _fund_header(blocks, k)
        if header is None:
            continue
        rows, at = [], k
        while at + 1 < len(blocks) and _FUND_GROUP.fullmatch(_text(blocks[at])) \
                or at < len(blocks) and _single(blocks[at]) and _FUND_ROW.fullmatch(_text(blocks[at])):
            if _FUND_GROUP.fullmatch(_text(blocks[at])):
                at += 1  # (the form's side label written again before each row, 项目资金（万元）)
                continue
            if at + len(header) > len(blocks):
                break  # (a form cut short at the end of the text: its row is not whole)
            cells = _fund_cells(blocks[at + 1 : at + len(header)])
            after = at + len(header)
            if cells is None or after < len(blocks) and _amount(_text(blocks[after])):
                break  # (a cell more than the header names: the columns are not these)
            rows.append((_cell(blocks[at]), *cells))
            at += len(header)
        if rows:
            head = blocks[k]
            anchor = Span(head.line, head.origins[0][2], head.line, head.origins[0][2] + len(head.text))
            tables.append(Table(header=header, rows=tuple(rows), span=anchor, shape="lines",
                                notes=("read from a 项目支出绩效自评表 written one cell per line",)))
    return tables


def _fund_header(blocks: list[Block], k: int) -> tuple[str, ...] | None:
    """The form's column names over 年度资金总额 at block ``k``: the short lines right above it that join
    into them, or None."""
    joined, found = "", None
    k -= 1 if k and _FUND_GROUP.fullmatch(_text(blocks[k - 1])) else 0  # (项目资金（万元） again, over the
    # row: the side label a converter writes in each row of its merged cell)
    for j in range(k - 1, max(-1, k - 1 - _HEADER_LINES), -1):
        text = "".join(_text(blocks[j]).split())
        if not _single(blocks[j]) or not text or len(text) > 12:
            break
        joined = text + joined
        found = _FUND_HEADER.fullmatch(joined) or found  # the longest: 年初预算数 may lead
    if found is None:
        return None
    names = ("全年预算数", "全年执行数", "分值", "执行率", "得分")
    return ("项目资金", *(("年初预算数",) if found.group("first") else ()), *names)


def _fund_cells(blocks: list[Block]) -> list[Cell] | None:
    """A row's cells, one per block, every one a number (a money unit after it taken off when every
    amount before the 分值 carries the same one), or None."""
    cells = []
    for block in blocks:
        if not _single(block):
            return None
        cell = _cell(block)
        suffix = _MONEY_SUFFIX.search(cell.text)
        if suffix is not None and cell.span is not None:
            line, column = cell.span.line, cell.span.column
            cell = Cell(cell.text[: suffix.start()], Span(line, column, line, column + suffix.start()))
        if number(cell.text) is None and not empty(cell.text):
            return None
        cells.append((cell, suffix.group().strip() if suffix else ""))
    amounts = len(cells) - 3  # the amounts before 分值, 执行率, 得分
    if len({unit for _, unit in cells[:amounts]}) != 1 or any(unit for _, unit in cells[amounts:]):
        return None
    return [cell for cell, _ in cells]
