"""numbering: a table's row numbers (序号) run on without gaps or repeats.

Selects the columns whose header holds one of the ``columns`` words and reads their whole numbers down the
table (a header repeated after a page break was already dropped, so numbering may continue across pages).
A number that skips ahead (5 then 8) or goes back (7 then 4) is a finding on the later number; when
the row after it carries on the old sequence (2, 5, 4), the one number was mistyped and it alone is
reported. The same number on the next row is one row wrapped onto two lines by the converter, not a
repeat; a number alone on its row (3 |, every other cell empty) may be a wrapped row's last cell as well
as a number, and the sequence is not judged across it; a number that restarts at 1 starts a new
sequence; cells that are not whole numbers are skipped. A column where most rows do not count on by one
is not a numbering at all and gives nothing.
"""

from __future__ import annotations

from ...tables import number
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "numbering"
FIELDS = ("stated", "computed", "label", "problem")


@options
class Options:
    columns: Words = Words(["序号"])


def run(analysis, check: Check):
    for table in analysis.tables:
        for col, name in enumerate(table.header):
            if any(w in name for w in check.options.columns):
                yield from _column(analysis, check, _numbers(table, col), name)


def _numbers(table, col) -> list[tuple[int | None, object]]:
    """``(number, span)`` down a column; a number repeated on the very next row (a wrapped row) once."""
    out: list[tuple[int, object]] = []
    adjacent = False
    for row in table.rows:
        cell = row[col]
        value = number(cell.text) if cell.text else None
        if value is None or value.decimals or value.percent or cell.span is None:
            adjacent = False
            continue
        if not any(c.text.strip() for j, c in enumerate(row) if j != col):
            out.append((None, None))  # 3 | alone: a wrapped row's last cell as likely as a number (no call)
            adjacent = False
            continue
        n = int(value.value)
        if not (adjacent and out and out[-1][0] == n):
            out.append((n, cell.span))
        adjacent = True
    return out


def _column(analysis, check, numbers, name):
    values = [n for n, _ in numbers if n is not None]
    steps = sum(1 for i in range(1, len(values))  # counts on from the row before, or the one before that
                if values[i] in (values[i - 1] + 1, 1) or i > 1 and values[i] == values[i - 2] + 2)
    if len(values) > 3 and steps * 2 < len(values) - 1:
        return  # most rows do not count on by one: not a row numbering (codes, amounts under 序号)
    expected = None
    for i, (n, span) in enumerate(numbers):
        if n is None:
            expected = None
            continue
        if expected is None or n == 1 or n == expected:
            expected = n + 1
            continue
        following = numbers[i + 1][0] if i + 1 < len(numbers) else None
        if following == expected + 1:
            what = f"{n} stands where {expected} belongs"  # one mistyped number: the sequence goes on
            resume = expected + 1
        else:
            missing = f"{expected}" if n == expected + 1 else f"{expected}–{n - 1}"
            what = f"{n} follows {expected - 1}" + (f" ({missing} missing)" if n > expected else "")
            resume = n + 1
        yield report(check, analysis, span, str(n), related=(numbers[i - 1][1],), computed=str(expected),
                     label=name, problem=what)
        expected = resume
