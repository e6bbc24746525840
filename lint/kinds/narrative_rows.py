"""narrative_rows: amounts the narrative gives for a table's rows, named by their classification, agree
with those rows of the table: 社会保障和就业支出（类）754.75万元; “一般公共服务支出（类）商贸事务（款）
行政运行（项）”938.99万元; or an item 1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休
（项）… 支出决算为54.53万元.

The table and its column are named as in the cross_table kind (option ``cell``: ``tables`` caption words,
``column`` header words, e.g. 合计). A money figure is read when the words right before it (its clause)
name a row by class, 款 and 项, or when its label is only a measure (option ``measures``: 支出决算) and
the numbered item it is in names the row. Names resolve through the table's classification codes (201 |
13 | 01 in 类 款 项 columns, or 2080501 in one): the 款 is looked up under its 类, the 项 under its 款; a
name that does not resolve to exactly one row is left alone. Only figures in a part of the report about
the table (option ``topic``: a word of the heading above them, or of the text between it and the
figure) are read: a 类 of all funds is not a 类 of the general budget.

With option ``names`` the check reports names instead: a 款 or 项 that is no row under the 类 or 款
the narrative puts it in (住房保障支出（类）住房保障支出（款）, where the table's 221 holds 住房改革支出),
the finding on that name. Otherwise the figure and the cell, converted to one unit, must agree: stated
to the same decimals in the same unit they must be equal (two roundings of one amount to the same place
cannot differ), otherwise their rounding intervals must meet (:func:`crossfoot.kinds.cross_table.restates`).
The finding is on the prose figure, with the cell as the related place.
"""

from __future__ import annotations

import re

from ..tables import classified
from . import _prose, cross_table
from ._base import Check, report

KIND = "narrative_rows"
OPTIONS = {"cell": {}, "topic": [], "measures": ["支出决算", "决算"], "names": False,
           "filler": ["支出", "为", "数", "是", "全年", "本年", "其中", "，", "：", ":"]}

_LEVELS = {"类": 0, "款": 1, "项": 2}
_NAMED = re.compile(r"([^（）()，,。；;：:、“”\"'\s\d]+?)\s*[（(]\s*([类款项])\s*[）)]")
_MARKED = re.compile(r"[（(]\s*[类款项]\s*[）)]")
_ITEM = re.compile(r"(?:^|[。；;\s])\s*\d{1,2}\s*[、.．]\s*(?!\d)")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_HEADING_REACH = 60  # blocks looked back for the heading a figure sits under


def validate(options: dict) -> str | None:
    cell = options.get("cell")
    if not isinstance(cell, dict) or not cell.get("tables") or not cell.get("column"):
        return "option cell names the table (tables: caption words) and its column (column: header words)"
    if not options.get("topic"):
        return "option topic lists the words of the headings whose text speaks of the table"
    return None


def run(prose: _prose.Prose, check: Check):
    rows = _rows(prose, check)
    if not rows:
        return  # a document without the table has nothing to check
    for block, fig in prose.amounts():
        if not prose.once(("narrative_rows", fig.block), lambda t=block.text: bool(_MARKED.search(t))):
            continue  # no 类/款/项 named in this block
        chain = _chain(check, block.text, fig)
        if not chain or not _on_topic(check, prose, fig):
            continue
        (found, missing, parent), table = _resolve(rows[0], chain), rows[1]
        label = "".join(f"{m[1]}（{m[2]}）" for m in chain)
        if check.options.get("names"):
            if missing is not None:
                yield _unnamed(check, prose, block, fig, rows[0], parent, missing, label, table)
            continue
        if found is None:
            continue
        cell = rows[0][found][2]
        if cross_table.restates(prose, fig, cell.text, table.unit):
            continue
        yield cross_table.differs(check, prose, fig, cell, table, label)


def _unnamed(check, prose, block, fig, rows, parent: int, missing: re.Match, label: str, table):
    """A finding on the ``missing`` name of a chain: no row under the row ``parent`` is called that."""
    code, name, cell = rows[parent]
    known = "、".join(n for c, n, _ in rows if len(c) == len(code) + 2 and c.startswith(code))
    return report(check, prose, block.span(missing.start(1), missing.end()), missing[0],
                  related=(fig.span, *((cell.span,) if cell.span else ())), computed=known,
                  figures=(missing[0], fig.text), label=label, missing=missing[0], parent=f"{code} {name}",
                  known=known, table=table.title,
                  where=prose.doc.cite(cell.span) if cell.span else table.title)


def _chain(check: Check, text: str, fig) -> list[re.Match]:
    """The row names that ``fig`` is stated for (matches of name and 类/款/项 in the block's text), or []."""
    at = fig.start - len(_prose.clause(text, fig.start))
    named = list(_NAMED.finditer(text, at, fig.start))
    if named and not re.sub(r"[“”\"'\s]", "", text[named[-1].end():fig.start]):
        return named
    label = _prose.without(_prose.core(fig.label), (*check.words("measures"), *check.words("filler")))
    if label.strip() or not any(_prose.core(fig.label).endswith(w) for w in check.words("measures")):
        return []
    starts = [m.end() for m in _ITEM.finditer(text, 0, fig.start)]
    return list(_NAMED.finditer(text, starts[-1], fig.start)) if starts else []


def _on_topic(check: Check, prose: _prose.Prose, fig) -> bool:
    """Whether a ``topic`` word comes before ``fig`` in its block, or in the blocks back to the heading
    above it (the heading included)."""
    blocks = prose.doc.blocks
    for b in range(fig.block, max(-1, fig.block - _HEADING_REACH), -1):
        first = prose.once((check.code, "topic", b), lambda b=b: min(
            (k for k in (blocks[b].text.find(w) for w in check.words("topic")) if k != -1), default=-1))
        if first != -1 and (b != fig.block or first < fig.start):
            return True
        if b != fig.block and _HEADING.match(blocks[b].text):
            return False
    return False


def _rows(prose: _prose.Prose, check: Check):
    """``([(code, name, cell)], table)`` for the table ``cell`` names, or None."""
    spec = check.options["cell"]
    table = next((t for t in prose.tables if cross_table.titled(t, spec)), None)
    if table is None:
        return None
    column = cross_table.header(table, spec["column"])
    if column is None:
        return None
    return classified(table, column), table


def _resolve(rows, chain: list[re.Match]) -> tuple[int | None, re.Match | None, int | None]:
    """``(row, missing, parent)``: the index of the row ``chain`` names, each name looked up under the code
    of the one before; else the first 款 or 项 that matches no row there, and the row it was looked up under
    (only when the table has codes). A name matching several rows gives nothing."""
    coded = any(code for code, _, _ in rows)
    parent, found = "", None
    for m in chain:
        name, width = m[1], 3 + 2 * _LEVELS[m[2]]
        hits = [i for i, (code, row_name, _) in enumerate(rows) if row_name == name
                and (not coded or len(code) == width and code.startswith(parent))]
        if not hits and coded and found is not None and len(rows[found][0]) + 2 == width:
            return None, m, found
        if len(hits) != 1:
            return None, None, None
        found = hits[0]
        parent = rows[found][0]
    return found, None, None
