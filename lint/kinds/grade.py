"""grade: the grade a report gives itself (自评为优秀) fits its total score in the grading bands.

Finds a grade word (option ``bands``: grade → lowest score, default the national 优秀 ≥ 90, 良好 ≥ 80,
中 ≥ 60, 差 below) after 评为/评价为/自评为/等级为, and the total score it rests on: the nearest score in 分
before it, within a few paragraphs (option ``within``; table rows not counted), whose label names a
total (option ``totals``: 自评得分, 总分, 综合得分), one labelled as the whole (``overall``: 整体)
first.
A score whose interval lies wholly outside the grade's band is a finding on the grade word.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import _prose, _scores
from ._base import Check, report

KIND = "grade"
OPTIONS = {"bands": {"优秀": 90, "良好": 80, "中": 60, "差": 0},
           "totals": ["自评得分", "自评", "总分", "综合得分", "评价得分", "得分"],
           "overall": ["整体", "总分", "总得分", "综合", "部门"], "within": 6}


def validate(options: dict) -> str | None:
    bands = options.get("bands")
    if not isinstance(bands, dict) or not all(isinstance(v, (int, float)) for v in bands.values()):
        return "option bands maps each grade word to the lowest score it allows"
    return None


def run(prose: _prose.Prose, check: Check):
    bands = sorted(((Decimal(str(v)), k) for k, v in check.options["bands"].items()), reverse=True)
    words = "|".join(re.escape(k) for k in sorted(check.options["bands"], key=len, reverse=True))
    lead = "(?:评为|评价为|自评为|等级为|等次为|评定为)"
    pattern = re.compile(rf"{lead}\s*[“\"]?({words})[”\"]?(?:等级|等次|。|，|$)")
    for b, block in enumerate(prose.doc.blocks):
        for m in pattern.finditer(block.text):
            grade = m.group(1)
            score = _total(prose, check, b, m.start(1))
            if score is None:
                continue
            low = next(v for v, k in bands if k == grade)
            higher = [v for v, _k in bands if v > low]
            high = min(higher) if higher else None
            iv = _prose.interval(score)
            if iv.hi < low or (high is not None and iv.lo >= high):
                band = f">= {low}" + (f" and < {high}" if high is not None else "")
                yield report(check, prose, block.span(m.start(1), m.end(1)), grade, related=(score.span,),
                             computed=band, figures=(grade, score.text), label=score.label, score=score.text)


def _total(prose, check, block, at):
    """The score the grade rests on: the nearest total before it, one labelled as the whole (整体, 总分)
    first; the scores of single items (该指标分值…自评得分) never count."""
    items = {(i.score.block, i.score.start) for i in _scores.prose_items(prose)}
    found = []
    paragraphs = 0
    for b in range(block, -1, -1):
        if prose.doc.blocks[b].kind == "row":
            continue  # a score table between the total and the grade does not put the total out of reach
        paragraphs += 1
        if paragraphs > check.options["within"]:
            break
        for fig in reversed(prose.figures[b]):
            if b == block and fig.start >= at or (fig.block, fig.start) in items:
                continue
            if fig.unit == "分" and fig.is_point and 0 <= fig.value <= 120 \
                    and any(w in fig.label for w in check.words("totals")):
                found.append(fig)
    whole = [f for f in found if any(w in f.label for w in check.words("overall"))]
    return (whole or found or [None])[0]
