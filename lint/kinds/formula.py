"""formula: a derived column equals the formula the pack declares over the other columns, row by row.

The check selects tables by header words and names the columns it uses (option ``columns``: a name → the
header words that pick the column, e.g. ``plan: [年初预算]``); ``formula`` is arithmetic over those names
(``+ - * /``, parentheses, numbers) and ``result`` names the column that states the outcome::

    columns: {initial: [年初预算], adjusted: [全年预算], rate: [调整率]}
    formula: (adjusted - initial) / initial * 100
    result: rate

The name ``elapsed`` is built in: the share of the year elapsed by the row's period (``1-3月`` → 25, for
progress that should keep pace with the calendar). A table lacking any named column is not this check's
table. Rows with a blank or non-numeric cell, or a zero divisor, are skipped.

Judged as intervals: the formula is evaluated on the cells' rounding intervals (a whole number in a
column that shows decimals is taken at the column's precision) and must meet the result cell's interval;
a result that only truncation explains is ``info``.
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal

from ..interval import Interval
from ..tables import cell_figure, row_label
from . import _prose
from ._base import Check, judge

KIND = "formula"
OPTIONS = {"columns": {}, "formula": "", "result": ""}

_OPS = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__"}
_PERIOD = re.compile(r"(?:\d{1,2}\s*[-－—~至到]\s*)?(\d{1,2})\s*月")


def validate(options: dict) -> str | None:
    """Why the options cannot work, or None (the engine reports it with the pack's file and line)."""
    columns, result = options.get("columns") or {}, options.get("result")
    if not isinstance(columns, dict) or not columns:
        return "option columns must map names to header words"
    if result not in columns:
        return f"option result {result!r} is not one of the columns"
    try:
        tree = ast.parse(str(options.get("formula", "")), mode="eval")
    except SyntaxError:
        return f"formula {options.get('formula')!r} is not arithmetic"
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in columns and node.id != "elapsed":
            return f"formula names {node.id!r}, which is not a column"
        if not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Name, ast.Load,
                                 ast.Constant, *_OPS)):
            return f"formula {options['formula']!r} may use only + - * / and parentheses"
    return None


def run(prose: _prose.Prose, check: Check):
    columns = {name: _words(words) for name, words in check.options["columns"].items()}
    tree = ast.parse(check.options["formula"], mode="eval").body
    result = check.options["result"]
    for table in prose.tables:
        where = {}
        for name, words in columns.items():
            col = table.column(*words)
            if col is None:
                break
            where[name] = col
        else:
            if len(set(where.values())) != len(where):
                continue  # two names on one column: the header words are ambiguous here
            for row in range(len(table.rows)):
                finding = _row(prose, check, table, row, where, tree, result)
                if finding is not None:
                    yield finding


def _words(words) -> tuple[str, ...]:
    return (words,) if isinstance(words, str) else tuple(words)


def _row(prose, check, table, row, where, tree, result):
    figures = {name: cell_figure(table, row, col) for name, col in where.items()}
    if any(f is None for f in figures.values()):
        return None
    env = {name: _prose.interval(f) for name, f in figures.items() if name != result}
    if _uses(tree, "elapsed"):
        m = _PERIOD.search(row_label(table, row))
        if not m or not 1 <= int(m.group(1)) <= 12:
            return None
        env["elapsed"] = Interval.point(Decimal(int(m.group(1))) * 100 / 12)
    stated = figures[result]
    related = tuple(f for name, f in figures.items() if name != result)
    expression = ast.unparse(tree)
    for name, f in figures.items():
        expression = re.sub(rf"\b{name}\b", f.text, expression)
    if "elapsed" in env:
        shown = f"{env['elapsed'].lo.quantize(Decimal('0.01')).normalize():f}"
        expression = re.sub(r"\belapsed\b", f"{shown} (share of the year elapsed)", expression)
    return judge(check, prose, stated, related, lambda: _eval(tree, env), expression=expression)


def _uses(tree, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(tree))


def _eval(node, env) -> Interval | None:
    if isinstance(node, ast.Constant):
        return Interval.point(Decimal(str(node.value)))
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.UnaryOp):
        inner = _eval(node.operand, env)
        return None if inner is None else Interval(-inner.hi, -inner.lo)
    left, right = _eval(node.left, env), _eval(node.right, env)
    if left is None or right is None:
        return None
    return getattr(left, _OPS[type(node.op)])(right)
