"""empty_table: a table said to be empty (本部门无…，故本表无数据) holds no amounts, and a captioned table
with no amounts says why.

Only standard tables are considered: a caption ending in one of ``tables`` (决算表, 预算表). A statement is
a line of text among the ``near`` lines after a table, before the next one, holding one of the ``statements``
(本表无数据, 本表为空, …). A table *holds amounts* when a body cell outside its code columns is a non-zero
number (a column is one of codes when its header names them, ``codes``: 编码, 序号, or is a ``levels``
word: 类, 款, 项, or when it holds whole numbers of 2 to 7 digits all the way down): codes are never
amounts.
A table said to be empty that holds amounts is a finding on its first amount; a table with a caption
(a standard table such as 政府性基金预算财政拨款收入支出决算表) that holds none, with no statement, is a
finding on the table (its check a warning: a reviewer asks for the note, the figures may be fine).
"""

from __future__ import annotations

import re

from ..tables import number
from . import _prose
from ._base import Check, report

KIND = "empty_table"
OPTIONS = {"statements": ["本表无数据", "本表为空", "本表无内容", "此表无数据", "此表为空", "故本表无",
                          "本表数据为空", "以空表列示", "为空表"],
           "tables": ["决算表", "预算表"], "codes": ["编码", "代码", "序号"], "levels": ["类", "款", "项"],
           "near": 4, "claim": "empty"}
_CODE = re.compile(r"^\d{2,7}$")


def validate(options: dict) -> str | None:
    if options.get("claim") not in ("empty", "statement"):
        return "option claim is empty (a table said to be empty holds amounts) or statement (an empty " \
               "table says nothing)"
    return None


def run(prose: _prose.Prose, check: Check):
    blocks = prose.doc.blocks
    for table in prose.tables:
        if not any(table.title.endswith(w) for w in check.words("tables")):
            continue
        last = max((c.span.end_line for row in table.rows for c in row if c.span), default=table.span.line)
        following = min((t.span.line for t in prose.tables if t.span.line > last), default=None)
        after = [b for b in blocks if b.kind != "row" and b.line > last
                 and (following is None or b.line < following)][: check.options["near"]]
        statements = check.words("statements")
        said = next((b for b in after if any(w in b.text for w in statements)), None)
        amounts = _amounts(table, check)
        if check.options["claim"] == "empty" and said is not None and amounts:
            first = amounts[0]
            yield report(check, prose, first.span, first.text, related=(said.span(0, len(said.text)),),
                         computed="empty", figures=(first.text,), title=table.title,
                         statement=said.text.strip()[:40])
        elif check.options["claim"] == "statement" and said is None and not amounts and table.rows:
            yield report(check, prose, table.span, table.title, computed="a statement", title=table.title)


def _amounts(table, check: Check) -> list:
    """The body cells holding a non-zero amount, outside the columns of codes (类/款/项, 科目编码, 序号,
    or whole numbers of 2 to 7 digits all the way down): codes are never amounts."""
    out = []
    for j, name in enumerate(table.header):
        cells = [row[j] for row in table.rows if j < len(row) and row[j].text.strip() and row[j].span]
        coded = any(w in name for w in check.words("codes")) or name in check.words("levels")
        if coded or cells and all(_CODE.match(c.text.strip()) for c in cells):
            continue
        for cell in cells:
            value = number(cell.text)
            if value is not None and not value.percent and value.value != 0:
                out.append(cell)
    return sorted(out, key=lambda c: (c.span.line, c.span.column))

