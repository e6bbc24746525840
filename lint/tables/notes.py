"""What the text says about a standard table, and whether the table holds amounts.

A standard table has a caption ending in one of ``tables`` (决算表, 预算表). Its statement is a line of
text among the ``near`` lines after it, before the next table, holding one of the ``statements`` (本表无数据,
本表为空, …). An empty table is also explained by a paragraph anywhere that says what it is about (its
``subjects`` word: 政府性基金, 三公) is nil (政府性基金拨款支出预算为0, 本部门无国有资本经营预算拨款):
:func:`nil`. A table *holds amounts* when a body cell outside its code columns is a non-zero number (a
column is one of codes when its header names them, ``codes``: 编码, 序号, or is a ``levels`` word: 类, 款,
项, or when its cells are codes that nest: 201 over 20101): codes are never amounts.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from ..regex import lazy
from ..vocabulary import Words
from . import code_column, last_line, number


@dataclass(frozen=True)
class Spec:
    statements: Words = Words(["本表无数据", "本表为空", "本表无内容", "此表无数据", "此表为空", "故本表无",
                               "本表数据为空", "以空表列示", "为空表"])
    tables: Words = Words(["决算表", "预算表"])
    codes: Words = Words(["编码", "代码", "序号"])
    levels: Words = Words(["类", "款", "项"])
    near: int = 4
    subjects: Words = Words(["政府性基金", "国有资本经营", "三公", "机关运行经费", "财政专户管理资金",
                             "事业收入"])
    """What a table is about, as the text names it where it says it is nil (政府性基金…支出预算为0)."""


def standard(analysis, spec: Spec):
    """``(table, statement block or None, amount cells)`` for each standard table, in order."""
    blocks, lines = analysis.doc.blocks, analysis.block_lines
    starts = sorted(t.span.line for t in analysis.tables)
    for table in analysis.tables:
        if not any(table.title.endswith(w) for w in spec.tables):
            continue
        last = last_line(table)
        at = bisect.bisect_right(starts, last)
        following = starts[at] if at < len(starts) else None
        later = itertools.takewhile(lambda b, end=following: end is None or b.line < end,
                                    (blocks[i] for i in range(bisect.bisect_right(lines, last), len(blocks))))
        after = list(itertools.islice((b for b in later if b.kind != "row"), spec.near))
        caption = next((k for k, b in enumerate(after) if _names_table(b.text)), len(after))
        after = after[:caption]  # a statement under another table's caption is that table's
        own = blocks[bisect.bisect_left(lines, table.span.line) : bisect.bisect_right(lines, last)]
        after = [b for b in after if not _others_named(b.text, table.title)]  # (…故《政府性基金…决算表》
        # 为空表 under the 三公 table: those tables' nil, not this one's)
        said = next((b for b in after if spec.statements.within(b.text)), None) \
            or next((b for b in after[:1] if _NONE_HERE.fullmatch(b.text)), None) \
            or next((b for b in own if b.kind == "row" and (spec.statements.within(b.text)
                     or _NONE_HERE.fullmatch(b.text.replace("\t", "")))), None)
        # (本单位无此项支出 right under the table; under an item's heading it is that item's)
        yield table, said, amounts(table, spec)


# the whole table's nil, said alone in a line or its one row (本单位无此项支出。), not an item's
# (因公出国费无此项支出)
_NONE_HERE = lazy(r"\s*(?:注[:：])?\s*本(?:单位|部门)(?:\d{4}年度?)?(?:无此项|没有此项)"
                        r"(?:收入|支出|收支|经费|资金)?[。.]?\s*")


_BOOK_TITLE = lazy(r"[《“\"]([^《》“”\"]{4,40}?表)[》”\"]")


def _others_named(text: str, title: str) -> bool:
    """Whether a note names tables by their titles (《政府性基金预算财政拨款收入支出决算表》), none of them
    ``title`` (its caption, 表7 and quotes left out)."""
    named = [re.sub(r"[“”\"]", "", m.group(1)) for m in _BOOK_TITLE.finditer(text)]
    own = re.sub(r"^\s*(?:附表|表)\s*\d{1,2}\s*|[“”\"\s]", "", title)
    return bool(named) and not any(n in own or own in n for n in named)


def _names_table(text: str) -> bool:
    """A caption line: short, ending with 表 (表7 政府性基金预算财政拨款收入支出决算表), not a sentence."""
    text = re.sub(r"\s*单位\s*[:：].*$", "", text.strip())  # the unit line read into the caption's
    return 4 <= len(text) <= 40 and text.endswith("表") and "。" not in text and "，" not in text


def nil(analysis, table, spec: Spec):
    """A paragraph elsewhere that says what the table is about is nil (政府性基金拨款支出预算为0; 本部门无
    国有资本经营预算拨款), or None."""
    subject = next((w for w in spec.subjects if w in table.title), None)
    if subject is None:
        return None
    pattern = analysis.memo(_nil_pattern, subject)
    return next((b for b in analysis.doc.blocks if b.kind != "row" and subject in b.text
                 and pattern.search(b.text)), None)


def _nil_pattern(analysis, subject: str) -> re.Pattern:
    word = re.escape(subject)
    return re.compile(rf"{word}[^，,。；;]{{0,20}}?(?:为\s*0(?![.\d])|为零|为\s*0\.00|0万元|0元)"
                      rf"|(?:无|没有|未安排|不涉及)[^，,。；;]{{0,12}}{word}|{word}[^，,。；;]{{0,12}}(?:无|没有)")


def amounts(table, spec: Spec) -> list:
    """The body cells holding a non-zero amount, outside the columns of codes (类/款/项, 科目编码, 序号,
    or codes that nest: 201 over 20101): codes are never amounts."""
    out = []
    for j, name in enumerate(table.header):
        cells = [row[j] for row in table.rows if j < len(row) and row[j].text.strip() and row[j].span]
        coded = spec.codes.within(name) or name in spec.levels
        if coded or code_column(table, j):
            continue
        for cell in cells:
            value = number(cell.text)
            if value is not None and not value.percent and value.value != 0:
                out.append(cell)
    return sorted(out, key=lambda c: (c.span.line, c.span.column))
