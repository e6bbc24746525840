"""score_sum: a score group stated in prose equals the sum of the numbered items under it.

A paragraph that states an item without a list number (管理效率反映……该指标分值50分，自评得分39.56分),
followed by paragraphs numbered from 1 that state items of their own (1. 预算编制情况。该指标分值5分，自评得分
1分。 …), is a group of at least two items, ending at the next unnumbered item. Option ``relation`` picks what
a check judges: ``score`` (the group's 得分 is the sum of its items' 得分) or ``max`` (its 分值 is the sum of
their 分值). A group's figures are read like a table column: a score written with decimals stands for what
rounds to it (39.6 may sum 39.56), and a whole score among scores with decimals is read at their precision
(1分 beside 3.42分 is 1.00); a group written in whole points only is exact (points awarded).
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import _prose, _scores
from ._base import Check, judge

KIND = "score_sum"
OPTIONS = {"relation": "score"}
_NUMBER = re.compile(r"^\s*\**\s*(\d+)\s*[.．、]")


def validate(options: dict) -> str | None:
    return None if options.get("relation") in ("score", "max") else "option relation is score or max"


def run(prose: _prose.Prose, check: Check):
    found = [i for i in _scores.prose_items(prose) if i.maximum is not None]
    numbers = [_number(prose, item) for item in found]
    for i, group in enumerate(found):
        if numbers[i] is not None or i + 1 >= len(found) or numbers[i + 1] != 1:
            continue
        members = []
        for item, n in zip(found[i + 1:], numbers[i + 1:]):
            if n is None:
                break
            members.append(item)
        if len(members) < 2:
            continue
        field = "score" if check.options["relation"] == "score" else "maximum"
        figures = [getattr(group, field), *(getattr(m, field) for m in members)]
        places = max(f.decimals for f in figures)
        stated, *rest = [replace(f, exact=not places, decimals=f.decimals or places) for f in figures]
        stated = replace(stated, label=group.name or "the group")
        parts = tuple(rest)
        finding = judge(check, prose, stated, parts, lambda p=parts: _prose.total(p),
                        expression=" + ".join(p.text for p in parts))
        if finding is not None:
            yield finding


def _number(prose: _prose.Prose, item: _scores.Item) -> int | None:
    m = _NUMBER.match(prose.doc.blocks[item.score.block].text)
    return int(m.group(1)) if m else None
