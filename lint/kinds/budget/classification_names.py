"""classification_names: the narrative names a 款 or 项 that is no row of the table under the 类 or 款 it
puts it in (住房保障支出（类）住房保障支出（款）, where the table's 221 holds 住房改革支出).

Figures and the row names before them are read as :mod:`crossfoot.tables.classes` describes (option
``cell``: the table's caption and column words; ``topic``: the headings whose text speaks of the table).
Each name is looked up under the code of the one before it; a 款 or 项 that matches no row there, when the
table has codes, is a finding on that name, with the figure and the row it was looked up under as the
related places, and the names the table does list there.
"""

from __future__ import annotations

from ...tables import classes
from ..base import Check, report

KIND = "classification_names"
FIELDS = ("stated", "computed", "label", "missing", "parent", "known", "table", "where")
Options = classes.Spec


def run(analysis, check: Check):
    o = check.options
    rows = classes.rows(analysis, o.cell.tables, o.cell.column)
    if not rows:
        return  # a document without the table has nothing to check
    named, table = rows
    for block, fig in analysis.amounts():
        if not classes.marked(analysis, fig.block):
            continue
        names = classes.chain(block.text, fig, o.measures, o.filler, analysis.year())
        if not names or not classes.on_topic(analysis, fig, o.topic):
            continue
        _found, missing, parent = classes.resolve(named, names)
        if missing is None:
            continue
        label = classes.label(names)
        code, name, cell = named[parent]
        known = "、".join(n for c, n, _ in named if len(c) == len(code) + 2 and c.startswith(code))
        yield report(check, analysis, block.span(missing.start(1), missing.end()), missing[0],
                     related=(fig.span, *((cell.span,) if cell.span else ())), computed=known,
                     figures=(missing[0], fig.text), label=label, missing=missing[0], parent=f"{code} {name}",
                     known=known, table=table.title,
                     where=analysis.doc.cite(cell.span) if cell.span else table.title)
