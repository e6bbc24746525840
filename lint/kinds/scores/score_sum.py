"""score_sum: a score group stated in prose equals the sum of the numbered items under it.

A paragraph that states an item without a list number (管理效率反映……该指标分值50分，自评得分39.56分),
followed by paragraphs numbered from 1 that state items of their own (1. 预算编制情况。该指标分值5分，自评得分
1分。 …), is a group of at least two items, ending at the next unnumbered item (a paragraph stating more
than one item gives the group its first only, the rest being its sub-items, or all of them, whichever adds up
to the group's 分值; the group is not judged when neither or both do); so is a numbered item
followed by items numbered （1）（2）… (1. 履职效能。该指标分值30分… ⏎ （1）重点工作完成率。分值10分…).
Option ``sums`` says which column of the items is summed: ``score`` (the group's 得分 is the sum of its
items' 得分) or ``max`` (its 分值 is the sum of their 分值). So is an item followed in its paragraph by 其中
and items of their own (满分100分，自评得分94.5分。其中：决策指标分值20分，得分19分；…). A group's figures
are read like a table column: a score written with decimals stands for what rounds to it (39.6 may sum
39.56), and a whole score among scores with decimals is read at their precision (1分 beside 3.42分 is
1.00); a group written in whole points only is exact (points awarded).

Headings state a tree of scores too, each in brackets after its title (三、绩效目标完成情况(自评得分90分) ⏎
（一）产出指标(自评得分50分) ⏎ 1.数量指标(自评得分20分)：…): a heading's points are the sum of its
sub-headings' when every one of them states points of the same kind (得分 for ``score``; 分值, 满分 or bare
points after an indicator's name for ``max``), as :func:`crossfoot.tables.scores.outline_groups` reads them.
"""

from __future__ import annotations

from dataclasses import replace

from ...figures import precision
from ...regex import lazy
from ...tables import scores
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "score_sum"
FIELDS = JUDGED
_NUMBER = lazy(r"^\s*\**\s*(\d+)\s*[.．、]")


@options
class Options:
    sums: str = "score"
    """What the group sums: its items' ``score`` (得分) or their ``max`` (分值)."""

    def validate(self) -> str | None:
        return None if self.sums in ("score", "max") else "option sums is score or max"


def run(analysis, check: Check):
    found = [i for i in scores.prose_items(analysis) if i.maximum is not None]
    numbers = [_number(analysis, item) for item in found]
    for i, group in enumerate(found):
        members = _listed(analysis, found, i) or _mine(_numbered(found, numbers, i), group)
        if members and _headed_between(analysis, group, members[0]):
            members = []  # （一）预算执行…分值20分…（二）产出指标（40分） 1. … : the next group's items
        if len(members) < 2 or not _whole(analysis, group, members, found):
            members = _sub_numbered(analysis, found, numbers, i)
        if len(members) >= 2:
            yield _verdict(check, analysis, group, members)
    read = {(f.block, f.start) for i in found for f in (i.score, i.maximum)}
    for node, children in scores.outline_groups(analysis, check.options.sums):
        if not any((n.points.block, n.points.start) in read for n in (node, *children)):
            yield _points(check, analysis, node.points, [n.points for n in children])


def _points(check: Check, analysis, stated, figures):
    """A heading's points against its sub-headings' (三、…(自评得分90分) ⏎ （一）…(自评得分50分) ⏎ （二）…
    (自评得分40分)): exact when all are whole points, else each read at the group's decimals."""
    places = max(f.decimals for f in (stated, *figures))
    stated, *rest = [replace(f, exact=not places, decimals=f.decimals or places) for f in (stated, *figures)]
    parts = tuple(rest)
    return judge(check, analysis, stated, parts, lambda: precision.total(parts),
                 expression=" + ".join(p.text for p in parts))


def _mine(members: list, group) -> list:
    """The group's own items among those of its numbered paragraphs: every one, or when a paragraph
    states more than one (2.质量指标（15分），得分14分。…规范率指标分值5分，得分4分), its first only (the
    rest its sub-items), whichever's points make the group's; [] when neither or both do."""
    own = [m for k, m in enumerate(members) if k == 0 or m.score.block != members[k - 1].score.block]
    if len(own) == len(members):
        return members
    fits = [m for m in (members, own) if sum(x.maximum.value for x in m) == group.maximum.value]
    return fits[0] if len(fits) == 1 else []


def _verdict(check: Check, analysis, group, members):
    field = "score" if check.options.sums == "score" else "maximum"
    figures = [getattr(group, field), *(getattr(m, field) for m in members)]
    places = max(f.decimals for f in figures)
    stated, *rest = [replace(f, exact=not places, decimals=f.decimals or places) for f in figures]
    stated = replace(stated, label=group.name or "the group")
    parts = tuple(rest)
    return judge(check, analysis, stated, parts, lambda: precision.total(parts),
                 expression=" + ".join(p.text for p in parts))


def _headed_between(analysis, group, first) -> bool:
    """Whether a heading (二、, （二）, or a heading block) stands between a group's paragraph and its
    first item: the items are another group's."""
    blocks = analysis.doc.blocks
    return any(blocks[b].kind == "heading" or _OUTLINE.match(blocks[b].text)
               for b in range(group.score.block + 1, first.score.block))


_OUTLINE = lazy(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）])")


def _numbered(found: list, numbers: list, i: int) -> list:
    """The items of the paragraphs numbered from 1 right after an unnumbered ``found[i]``, or []."""
    if numbers[i] is not None or i + 1 >= len(found) or numbers[i + 1] != 1:
        return []
    members = []
    for item, n in zip(found[i + 1:], numbers[i + 1:]):
        if n is None:
            break
        members.append(item)
    return members


_SUB = lazy(r"^\s*[（(]\s*(\d+)\s*[)）]")


def _sub_numbered(analysis, found: list, numbers: list, i: int) -> list:
    """The items of the paragraphs numbered （1）（2）… right after a numbered ``found[i]`` (1. 履职效能。
    该指标分值30分，自评得分28.50分。 ⏎ （1）重点工作完成率。分值10分，得分9.5分。 …), one item each, the
    paragraphs between them all items, or []."""
    if numbers[i] is None:
        return []
    members, expect = [], 1
    blocks = analysis.doc.blocks
    for item in found[i + 1 :]:
        m = _SUB.match(blocks[item.score.block].text)
        if m is None or int(m.group(1)) != expect:
            break
        members.append(item)
        expect += 1
    if len(members) < 2 or len({m.score.block for m in members}) != len(members):
        return []  # two items in one paragraph: which are the group's is not said
    mine = {m.score.block for m in members}
    for b in range(found[i].score.block + 1, members[-1].score.block + 1):
        if blocks[b].kind != "row" and _SUB.match(blocks[b].text) and b not in mine:
            return []  # a （n） paragraph stating no item: the group is read in part only
    after = members[-1].score.block + 1
    if after < len(blocks) and (m := _SUB.match(blocks[after].text)) and int(m.group(1)) == expect:
        return []  # the next （n） states no item
    return members


def _whole(analysis, group, members, found) -> bool:
    """Whether every numbered paragraph of the group states an item: those up to its last item's, and the
    one numbered next after it (1. …得10分 with its 分值, then 2.质量指标：…得10分 with none leaves the group
    partly read; a later list numbered afresh is another's)."""
    after = found.index(members[-1]) + 1
    end = found[after].score.block if after < len(found) else len(analysis.doc.blocks)
    mine = {m.score.block for m in members}
    last, number = members[-1].score.block, _number(analysis, members[-1])
    for b in range(group.score.block + 1, end):
        m = _NUMBER.match(analysis.doc.blocks[b].text)
        if m is None or b in mine:
            continue
        if b < last or number is not None and int(m.group(1)) == number + 1:
            return False
        if b > last:
            break
    return True


def _listed(analysis, found: list, i: int) -> list:
    """The items listed after ``found[i]`` in its paragraph under a 其中 (满分100分，自评得分94.5分。其中：
    决策指标分值20分，得分19分；…), or []."""
    group, block = found[i], found[i].score.block
    text = analysis.doc.blocks[block].text
    members = [m for m in found[i + 1:] if m.score.block == block]
    if not members:
        return []
    between = text[group.score.end : members[0].maximum.start]
    if "其中" not in between or len(between) > 12:
        return []
    stop = text.find("。", members[0].maximum.start)  # the listing ends with its sentence
    return [m for m in members if stop == -1 or m.score.start < stop]


def _number(analysis, item: scores.Item) -> int | None:
    m = _NUMBER.match(analysis.doc.blocks[item.score.block].text)
    return int(m.group(1)) if m else None
