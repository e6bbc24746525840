"""table_unread: a table's caption with no table rebuilt under it, figures standing alone on the lines after.

Some converters (pdftotext without ``-layout``, a copy from a PDF viewer) write a table's cells one per line,
in an order no reader can rebuild into rows and columns; others lay a table out in a way the readers do not
understand (a header over three lines, a code wrapped onto a line of its own). Finds a caption (a short line
naming a table: …决算表, …预算表, …情况表, 表3 …; not a sentence) under which no table was recovered within a
few lines, and after which, before the next heading or a sentence of prose, stand at least
``figures`` figures alone on their lines or spaced out as a row's cells (一、财政拨款收入 58,504,520
一、社会保障和就业支出 2,231,261: figures as words of their own, no sentence's marks): the table was there
and its figures were not checked. One finding per caption (an
``info`` in the shipped pack): a reviewer knows what crossfoot did not check, rather than reading silence as
agreement.
"""

from __future__ import annotations

import bisect

from ...regex import lazy
from ...tables import number
from ..base import Check, report
from ..options import options

KIND = "table_unread"
FIELDS = ("stated", "computed", "count")


@options
class Options:
    figures: int = 6
    reach: int = 60  # blocks after the caption looked at


_CAPTION = lazy(r"^(?:(?:公开|附)?表\s*[0-9０-９一二三四五六七八九十]{1,3}\s*)?[^，。；;：:！？]{2,38}表"
                r"(?:\s*[（(][^）)]{0,12}[）)])?$")
_HEADING = lazy(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、"
                r"|[（(][一二三四五六七八九十]{1,3}[)）])")
_CONTENTS = lazy(r"\s*目\s*录\s*$")
_NEAR = 8  # source lines under a caption within which its table starts when it was recovered


def _spaced_row(words: str) -> int:
    """The figures of a line that reads as a table's row laid out by spaces, not prose: figures standing as
    words of their own (一、财政拨款收入 58,504,520 一、社会保障和就业支出 2,231,261: 2), no sentence's
    marks; else 0."""
    if _PROSE_MARKS.search(words) or len(words.split()) < 2:
        return 0
    return sum(1 for w in words.split() if _AMOUNT.fullmatch(w))


_AMOUNT = lazy(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+\.\d+|-?\d{4,}")  # (not a page number: 7)
_PROSE_MARKS = lazy(r"[，。；;！？]")


def run(analysis, check: Check):
    blocks = analysis.doc.blocks
    starts = sorted(t.span.line for t in analysis.tables)
    for b, block in enumerate(blocks):
        text = block.text.strip()
        if block.kind != "paragraph" or not _CAPTION.match(text) or _HEADING.match(text) \
                or any(_CAPTION.match(blocks[k].text.strip()) and not _HEADING.match(blocks[k].text)
                       or _CONTENTS.match(blocks[k].text) for k in range(max(0, b - 3), b)):
            continue  # (a contents page's list of tables, its page numbers after them)
        k = bisect.bisect_right(starts, block.line)
        if k < len(starts) and starts[k] - block.line <= _NEAR:
            continue  # its table was read
        alone = 0
        for after in blocks[b + 1 : b + 1 + check.options.reach]:
            words = after.text.strip()
            if after.kind == "row" or _HEADING.match(words) and not _spaced_row(words) \
                    or _CAPTION.match(words) \
                    or len(words) > 40 and "。" in words:
                break  # (a table read, the next section or caption, or prose: the caption's run is over)
            value = number(words.replace(",", ""))
            alone += 1 if value is not None and ("." in words or abs(value.value) >= 1000) \
                else _spaced_row(words)  # (not a page number alone: 7)
        if alone >= check.options.figures:
            yield report(check, analysis, block.span(0, len(block.text)), text, count=str(alone))
