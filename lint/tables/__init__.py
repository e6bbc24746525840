"""Tables: recovering them from flattened text, and reading their cells as numbers.

``recover(doc)`` finds every table of a document (see :mod:`crossfoot.tables.recovery`); the helpers here read
a cell as a number and name a row, for the table kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..model import Block, Cell, Figure, Table
from ..regex import lazy

__all__ = ["Value", "cell_figure", "cell_figures", "classified", "code", "code_column", "number", "row_label"]

_CJK_GAP = lazy(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")
_CODE = lazy(r"^\d{2,7}$")
_LEVEL_DIGIT = lazy(r"^\d$")
_LEVEL_HEAD = lazy(r"(?:科目编码)?[款项]")  # a column of the code's 款 or 项 alone


def _levelled(table) -> bool:  # noqa: N802 - read as the condition it names
    """Whether the table's header has a 款 column and a 项 column (类 | 款 | 项: 项 alone may be a count)."""
    heads = {h.strip()[-1:] for h in table.header[:4]}
    return "款" in heads and "项" in heads
#: a classification code as printed: 201, 20101, 2010101, or with its parts spaced (201 01 01; 301 2, a 款
#: printed without its leading zero)
_PRINTED_CODE = lazy(r"^(\d{3})(?:\s+(\d{1,2}))?(?:\s+(\d{1,2}))?$")
#: a column of a classification code's parts: 类 | 款 | 项, alone or under a merged name (支出功能分类类,
#: 科目款, 项目项)
CLASS_COLUMN = r"^[类款项]$|(?:分类|科目|项目)\s*[类款项]$"
_CODE_HEADER = lazy(rf"编码|代码|{CLASS_COLUMN}")
_OUTLINE = lazy(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
                      r"|\d{1,2}[、．](?!\d))\s*")
_NUMBER = lazy(r"^([-−－+＋]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(%|％|分)?$")  # +5.45: a rise


@dataclass(frozen=True, slots=True)
class Value:
    value: Decimal
    decimals: int
    percent: bool


_BRACKETED = lazy(r"^[（(]\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\s*[）)]$")
"""A negative amount as accounting prints it: ``(0.52)``, ``(1,234)``; a bare ``(1)`` is a list marker."""


NOTHING = " -—－–/¥￥"
"""What a cell holding no amount shows: a dash or slash, or Excel's 会计专用 zero (¥ -)."""


def number(text: str) -> Value | None:
    """A cell's number (``19904.36``, ``-8.27%``, ``+5.45``, ``1,234.5``, ``3分``, ``(17.69)`` as
    accountants print −17.69, ``¥1,234.00`` or ``1,234.00元`` as a currency format shows it), or None if
    the cell is not one."""
    text = text.strip()
    if text[:1] in "¥￥" or text.endswith("元") and not text.endswith(("万元", "亿元", "千元")):
        text = text.strip("¥￥元").strip()  # ¥1,234.00, 1,234.00元: Excel's 货币 format, written out
    bracketed = _BRACKETED.match(text) if text[:1] in "(（" else None
    if bracketed is not None:
        text = "-" + bracketed.group(1)
    m = _NUMBER.match(text)
    if not m:
        return None
    sign, whole, frac, unit = m.groups()
    digits = whole.replace(",", "") + (frac or "")
    value = Decimal(digits)
    negative = sign in ("-", "−", "－")
    return Value(-value if negative else value, len(frac) - 1 if frac else 0, unit in ("%", "％"))


def last_line(table: Table) -> int:
    """The last line the table's cells stand on."""
    return max((c.span.end_line for row in table.rows for c in row if c.span), default=table.span.line)


def row_label(table: Table, row: int) -> str:
    """A row's label: its non-numeric cells, joined (a dash or slash standing for nothing left out); read once
    per table and row (each cell's figure is labelled by it: a wide table's rows were read once a cell)."""
    return table.once(("row-label", row), lambda: " ".join(
        c.text for c in table.rows[row] if c.text and number(c.text) is None and c.text.strip(NOTHING) != ""))


def code(text: str) -> str | None:
    """A classification code, however printed, as its digits (301 2 → 30102, 201 01 01 → 2010101,
    201 0101 → 2010101), or None. One-part codes are 3, 5 or 7 digits (类, 款, 项)."""
    text = text.strip()
    if len(text) in (3, 5, 7) and text.isdigit():
        return text
    m = _PRINTED_CODE.match(text)
    if m is not None and m.group(2):
        return m.group(1) + "".join(part.zfill(2) for part in m.groups()[1:] if part)
    parts = text.split()  # two pairs run together (201 0101), or a 款 code and its 项 (20101 01)
    if len(parts) == 2 and all(p.isdigit() for p in parts) and tuple(map(len, parts)) in ((3, 4), (5, 2)):
        return parts[0] + parts[1]
    return None


def code_column(table: Table, col: int) -> bool:
    """Whether a column holds classification codes, not amounts: its header says so (科目编码, 类, 款, 项),
    or most of its cells are codes that nest (201 over 20101 over 2010101), as amounts never do."""
    return table.once(("codes", col), lambda: _code_column(table, col))


_AMOUNT_HEADER = lazy(r"[（(]\s*(?:(?:金额)?单位\s*[:：]\s*)?(?:亿元|万元|千元|元)\s*[）)]"
                            r"|金额|预算数|决算数|执行数")


def _padded_column(table: Table, col: int) -> bool:
    """Whether most of a column's cells are two digits with a leading 0 (05, 06: a 款 or 项 code column
    of its own; no amount is written so)."""
    if col >= len(table.header):
        return False
    filled = [r[col].text.strip() for r in table.rows if col < len(r) and r[col].text.strip()]
    padded = sum(1 for c in filled if _PADDED.fullmatch(c))
    return padded >= 2 and padded * 2 > len(filled)


_CLASS_CODE = lazy(r"2[0-3]\d|3[019]\d")  # a 类 of the function classes (201…234), an economic one (301…)


def _code_column(table: Table, col: int) -> bool:
    if _CODE_HEADER.search(re.sub(r"\s+", "", table.header[col])):
        return True
    own = table.levels[-1][col] if table.levels and col < len(table.levels[-1]) else ""
    if _CODE_HEADER.search(re.sub(r"\s+", "", own)):
        return True  # 类 | 款 under a panel's name (公用经费 over 类 | 款 | 科目名称 | 决算数)
    filled = [r[col].text.strip() for r in table.rows if col < len(r) and r[col].text.strip()]
    if _padded_column(table, col):
        return True  # 05, 06: a 款 or 项 code column of its own (no amount is written with a leading 0)
    codes = [c for c in map(code, filled) if c]
    if len(codes) * 2 <= len(filled) or len(codes) < 2:
        return False
    if all(_CLASS_CODE.fullmatch(c) for c in codes) and _padded_column(table, col + 1) \
            and not _AMOUNT_HEADER.search(table.header[col]):
        return True  # 212 | 01 | 01 under one 科目 header, no 类 | 款 | 项 line: the 类 beside its 款
    known = set(codes)
    parents = {c[:n] for c in codes for n in (3, 5) if len(c) > n}  # 201 and 20101 of 2010101
    if _AMOUNT_HEADER.search(table.header[col]):  # 执行数（万元）: amounts, unless they nest
        return sum(1 for c in codes if c in parents or any(c[:n] in known for n in (3, 5) if len(c) > n)) \
            * 2 > len(codes)
    nested = sum(1 for c in codes if c in parents or any(c[:n] in known for n in (3, 5) if len(c) > n))
    return nested * 2 > len(codes)


def classified(table: Table, column: int | None) -> list[tuple[str, str, Cell | None]]:
    """Each row as ``(code, name, cell)``: its classification code (201, 20805, 2080501; 201 | 13 | 01
    in 类 款 项 columns, joined, a 款 or 项 of one digit under its header read as two, 5 as 05; a 款 or 项
    whose 类 or 款 cell is left blank or merged under the row above, under that row's code), its name (the
    first text cell, an outline number such as 八、 left out), and its cell in ``column`` (codes and name
    read left of it; with None, from the whole row, and no cell). Rows without a code have code ''. With a
    ``column``, a row holding no figure after its name is left out: a heading over its items, its amount in
    the 小计 under them, not an amount of 0."""
    rows, last = [], ""
    for row in table.rows:
        digits, name, blanks, at = "", "", 0, len(row)
        for k, cell in enumerate(row[:column]):
            text = re.sub(r"\s+", "", cell.text)
            printed = code(cell.text) if not digits else None
            if not name and printed:
                digits = printed
            elif not name and digits and len(text) <= 2 and (
                    _CODE.match(text) or _LEVEL_DIGIT.match(text) and _levelled(table)
                    and _LEVEL_HEAD.fullmatch(table.header[k].strip())):
                digits += text.zfill(2)  # the 款 or 项 of the code, in a column of its own (5 under 款: a
                # sheet's number cell, its leading zero not shown)
            elif not name and _CODE.match(text) and not digits:
                digits = text
                width = 3 + 2 * (blanks - 1)  # | 38 | under 201, | | 01 under 20138: the parent's left blank
                if len(text) <= 2 and blanks and len(last) >= width:
                    digits = last[:width] + text.zfill(2)
            elif text and number(text) is None and not name:
                name, at = _OUTLINE.sub("", text), k
            elif not text and not digits and not name:
                blanks += 1
        last = digits if len(digits) >= 3 else last
        if column is not None and name and not any(number(c.text) for c in row[at + 1 :] if c.text.strip()):
            continue  # 一般公共服务支出 | | | (its 小计 below): a heading
        rows.append((digits, name, row[column] if column is not None else None))
    return rows


def cell_figure(table: Table, row: int, col: int, unit: str = "") -> Figure | None:
    """A numeric cell as a :class:`Figure` (so table kinds judge through the same interval machinery).

    Each cell stands for what its own printing allows: ``10`` beside ``9.95`` is ``[9.5, 10.5]``, a whole yuan
    ``22,118,861`` in a column of cents is ±0.5 (a reader cannot know that a converter dropped its zeros, and
    a false error is worse than a missed one), ``1.7`` may be 1.69 rounded. A column of whole yuan in a table
    in 元 is exact: amounts budgeted in yuan are whole yuan, so a total one yuan off its parts is wrong; so is
    a column of whole points headed 分值, 得分, 扣分 or 分数 (points are allotted, awarded and deducted, not
    measured; a 得分率 is a rate), a column of whole counts (项目数（个）, 指标个数 and the 达到 | 未达到
    beside it), and an item's whole score among decimal ones (``13`` beside ``9.51`` is 13 points; a total
    row's whole score, 总分 ``96``, may be its decimal parts rounded). A cell whose file holds more digits
    than it shows (a workbook's cents under ``#,##0``) is a rounding all the same.
    """
    cell: Cell = table.rows[row][col]
    parsed = number(cell.text) if cell.text else None
    if parsed is None or cell.span is None or _PADDED.fullmatch(cell.text.strip()):
        return None  # (05: a 款 or 项 code in a column not its own; no amount is written with a leading 0)
    scores = _SCORES.search(table.header[col]) is not None and "率" not in table.header[col] \
        and not parsed.percent  # a 得分率 of 90% is 89.5% to 90.5%, not a whole point
    counted = table.once(("counted", col), lambda: _counted(table, col))
    exact = parsed.decimals == 0 and (table.unit == "元" and not table.rounded or scores or counted) \
        and not cell.rounded \
        and (table.once(("whole", col), lambda: _whole_column(table, col))
             or scores and not TOTAL_LABEL.search(row_label(table, row)))
    return Figure(value=parsed.value, text=cell.text, decimals=parsed.decimals, exact=exact,
                  unit="%" if parsed.percent else unit, start=0, end=len(cell.text), block=-1,
                  span=cell.span, label=f"{row_label(table, row)} {table.header[col]}".strip())


QUALIFIER = lazy(r"(?<=表)\s*[（(][^（()）]{1,12}[）)]$")
"""A qualifier in brackets ending a table's caption (…支出表（按功能分类）): the caption names the table."""
_SCORES = lazy(r"分值|得分|分数|满分|标准分|扣分")
TOTAL_LABEL = lazy(r"合计|总计|小计|总分|总得分|得分合计")
"""The words that name a table's total row (合计, 小计, 总分)."""


_COUNT_HEAD = lazy(r"个数|项目数|人数|户数|次数|件数|家数|份数|条数|台数|辆数|套数"
                         r"|[（(](?:个|项|人|户|家|次|件|所|辆)[)）]")
_STATUS_HEAD = lazy(r"(?:未|没有)?(?:达到|完成|达标|实现)(?:目标)?(?:数|个数)?"
                          r"|优秀?|良好?|中|差|合格|不合格")
_MEASURED_HEAD = lazy(r"元|金额|资金|预算|支出|收入|面积|重量|产量|率|%|％|分")


def _counted(table: Table, col: int) -> bool:
    """Whether a column counts things (项目数（个）, 指标个数, or a status column of whole numbers beside one,
    达到 | 未达到; never a measure, nor 万人): its whole numbers are exact, so a 合计 one off its parts is
    wrong."""
    head = table.header[col]
    if _MEASURED_HEAD.search(head) or "万" in head:
        return False
    return bool(_COUNT_HEAD.search(head)) or bool(_STATUS_HEAD.fullmatch(head.strip())) and any(
        _COUNT_HEAD.search(h) and _whole_column(table, j) for j, h in enumerate(table.header) if j != col)


def _whole_column(table: Table, col: int) -> bool:
    values = [v for v in (number(r[col].text) for r in table.rows if col < len(r) and r[col].text) if v]
    return bool(values) and all(v.decimals == 0 and not v.percent for v in values)


EMPTY = ("", "-", "—", "－", "–", "/")
"""What a cell holding no amount shows: nothing, a dash, a slash (a zero, or nothing to state)."""


def empty(text: str) -> bool:
    """Whether a cell holds no amount: :data:`EMPTY`, or Excel's 会计专用 zero (``¥ -``)."""
    return text.strip().lstrip("¥￥").strip() in EMPTY
_PADDED = lazy(r"0\d{1,3}")


def cell_figures(cells: list[Cell]) -> list[Figure]:
    """The figures of a cell's text wrapped over several cells (one per line), each with its own span.

    The lines are read as one text, and a blank next to a Chinese character is dropped first: converters
    break words and numbers across lines and blanks (``不少 于20个``, ``2800 亿 元``).
    """
    from ..figures.extract import extract

    text, origins = "", []
    for cell in cells:
        if cell.span is None:
            continue
        at = 0
        for piece in _CJK_GAP.split(cell.text):
            at = cell.text.index(piece, at)
            if piece:
                origins.append((len(text), cell.span.line, cell.span.column + at))
                text += piece
            at += len(piece)
    if not origins:
        return []
    return extract(Block(text, tuple(origins), kind="cell"), -1)


def recover(doc):
    """Every table of a document, in reading order."""
    from .recovery import recover as _recover

    return _recover(doc)
