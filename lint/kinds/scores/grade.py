"""grade: the grade a report gives itself (自评为优秀) fits its total score in the grading bands.

Finds a grade word (option ``bands``: grade → lowest score, default the national 优秀 (优) ≥ 90, 良好 (良) ≥
80, 中 ≥ 60, 差 below) after 评为/评价为/自评为/等级为/评级为 or 自评等级：/评价等级：, and the total score it
rests on: the nearest score in 分 before it, within a few paragraphs (option ``within``; table rows not
counted), whose label names a total (option ``totals``: 自评得分, 总分, 综合得分, 评价得) and that is not
listed under another (其中…得分10分), nor an average of several projects (平均得分), nor the points a score is
out of (满分, or 总分为100分 before 得分为86.5分), one labelled as the whole (``overall``: 整体, 总体) first;
with none in the prose, the total row (总分, 合计) of the document's only score table, for a grade named as
the evaluation's (评价等级). A score table may state the grade in a row of its own (自评等级 | 良, under
总分 | 100 | 99.72): judged against the nearest 总分 (合计) row above it, its score under the table's 得分
column (the self-assessed one; a table without one is not a score table); or in the 总分 row's own last
cell (总分 | 100 | 99.41 | 自评等级：优, the national 自评表's way), of that row's score. Bands the report
states for itself
(85分（含）以上为“优”，75分（含）至85分为“良”…) take the place of the option's. A score whose interval lies
wholly outside the grade's band is a finding on the grade word, naming the grade whose band holds the score
(in the stated grade's style: 良好 beside 优秀, 良 beside 优).
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal

from ...figures import labels, precision
from ...regex import lazy
from ...tables import cell_figure, row_label, scores
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "grade"
FIELDS = ("stated", "computed", "label", "score", "fits")


@options
class Options:
    bands: dict[str, float] = field(default_factory=lambda: {"优秀": 90, "优": 90, "良好": 80, "良": 80,
                                                              "中": 60, "差": 0})
    """Each grade word → the lowest score it allows."""
    totals: Words = Words(["自评得分", "自评", "总分", "综合得分", "综合评分", "评价得分", "评价得", "得分",
                           "评分"])
    overall: Words = Words(["整体", "总分", "总得分", "综合", "部门", "总体"])
    within: int = 6

    def validate(self) -> str | None:
        return None if self.bands else "option bands maps each grade word to the lowest score it allows"


def run(analysis, check: Check):
    given = {k: Decimal(str(v)) for k, v in check.options.bands.items()}
    bands = sorted(((v, k) for k, v in {**given, **_stated_bands(analysis, given)}.items()), reverse=True)
    words = "|".join(re.escape(k) for k in sorted(check.options.bands, key=len, reverse=True))
    lead = "(?:评为|评价为|自评为|等级为|等次为|评定为|评级为|(?:自评|评价|绩效)(?:等级|等次|评级)\\s*[:：])"
    pattern = re.compile(rf"{lead}\s*[“\"]?({words})[”\"]?(?:等级|等次|级|。|，|；|[（(]|\s|$)")
    items = {(i.score.block, i.score.start) for i in scores.prose_items(analysis)}
    for b, block in enumerate(analysis.doc.blocks):
        for m in pattern.finditer(block.text):
            grade = m.group(1)
            score = _total(analysis, check, b, m.start(1), items)
            if score is None and re.search("自评|评价", m.group()):
                score = _table_total(analysis)  # 评价等级：优 under the score table: its 总分
            if score is None:
                continue
            found = _judged(analysis, check, bands, block.span(m.start(1), m.end(1)), grade, score)
            if found is not None:
                yield found
    for cell, grade, score in _grade_rows(analysis, set(check.options.bands)):
        found = _judged(analysis, check, bands, cell.span, grade, score)
        if found is not None:
            yield found


def _judged(analysis, check, bands, span, grade: str, score):
    """The finding on a grade whose band ``score`` lies wholly outside, or None."""
    low = next(v for v, k in bands if k == grade)
    higher = [v for v, _k in bands if v > low]
    high = min(higher) if higher else None
    iv = precision.interval(score)
    if iv.hi < low or (high is not None and iv.lo >= high):
        band = f">= {low}" + (f" and < {high}" if high is not None else "")
        return report(check, analysis, span, grade, related=(score.span,), computed=band,
                      figures=(grade, score.text), label=score.label, score=score.text,
                      fits=_fitting(bands, score.value, grade))
    return None


def _fitting(bands, value, grade: str) -> str:
    """The grade whose band holds ``value``, named as ``grade`` is (优秀 beside 优秀, 优 beside 优), or ''."""
    lows = [v for v, _k in bands if v <= value]
    if not lows:
        return "—"  # (below every band a pack's bands state)
    words = [k for v, k in bands if v == max(lows)]
    return next((k for k in words if len(k) == len(grade)), words[0])


def _grade_rows(analysis, grades: set[str]):
    """``(cell, grade, score)`` for each grade a score table states in a row of its own (自评等级 | 良, the
    row after 总分 | 100 | 99.72 in a 自评表): the score the last figure of the nearest 总分 (合计) row above
    it, in the same table."""
    for table in analysis.tables:
        for r, row in enumerate(table.rows):
            cells = [c for c in row if c.text and c.span is not None]
            inline = [(c, m) for c in cells[1:] if (m := _INLINE_GRADE.fullmatch(_BLANKS.sub("", c.text)))
                      and _QUOTES.sub("", m.group(1)) in grades] if cells else []
            col = _score_column(table) if inline else None
            if inline and _GRAND.match(_BLANKS.sub("", cells[0].text)) and col is not None:
                # 总分 | 100 | 99.41 | 自评等级：优: the grade in the 总分 row's own last cell, of its score
                score = cell_figure(table, r, col, "分")
                if score is not None and score.unit != "%" and 0 <= score.value <= 120:
                    yield inline[0][0], _QUOTES.sub("", inline[0][1].group(1)), score
                continue
            if not cells or not _GRADE_ROW.fullmatch(_BLANKS.sub("", cells[0].text)):
                continue
            said = next((c for c in cells[1:] if _QUOTES.sub("", c.text) in grades), None)
            total = next((k for k in range(r - 1, -1, -1)
                          if _GRAND.match(_BLANKS.sub("", row_label(table, k)))), None)
            col = _score_column(table)
            if said is None or total is None or col is None:
                continue  # (no 得分 column: a table of amounts or of facts, not the scores graded)
            if r - total > 4 or any(cell_figure(table, k, j, "分") is not None for k in range(total + 1, r)
                                    for j in range(len(table.rows[k]))):
                continue  # (the grade right under the 总分 row, or rows of notes between, no scores)
            score = cell_figure(table, total, col, "分")
            shown = [f for j in range(len(table.rows[total])) if (f := cell_figure(table, total, j, "分"))]
            if score is None and len(shown) >= 2 and not any(
                    cell_figure(table, total, j, "分") for j in range(col + 1, len(table.rows[total]))):
                score = shown[-1]  # 总分 | 100 | 99.72 short of the columns (merged): its score the last
            if score is not None and score.unit != "%" and 0 <= score.value <= 120:
                yield said, _QUOTES.sub("", said.text), score


def _score_column(table) -> int | None:
    """The column of the scores graded: the self-assessed (自评得分) first, else a plain 得分; never a rate,
    a deduction or a review's (复核得分)."""
    heads = [(j, h.replace(" ", "")) for j, h in enumerate(table.header)]
    plain = [j for j, h in heads if _SCORE_HEAD.search(h) and not _NOT_SCORE.search(h)]
    own = [j for j in plain if "自评" in table.header[j]]
    scored = [j for j in plain if "得分" in table.header[j]]  # (得分 before 评分 where both head columns)
    return (own or scored or plain or [None])[0]


_NOT_SCORE = lazy(r"率|扣|复核|核定|评审|专家|上年|标准|依据|说明|细则|方法")
_SCORE_HEAD = lazy(r"得分|评分|自评分")  # (得分, 自评得分, 评分, 自评分数)
_GRADE_ROW = lazy(r"(?:自评|评价|绩效|综合|考核)?(?:等级|等次|评级)")
_QUOTES = lazy(r"[“”\"‘’\s]")
_BLANKS = lazy(r"\s+")


_BAND = lazy(r"(?:为|是|评为|定为)\s*[“\"‘]?(优秀|优|良好|良|中等|中|较差|差)[”\"’]?"
                   r"(?=等|级|档|[，,。；;、）)]|$)")  # 为“优”, never 其中 or 优化
_BOUND = lazy(r"(\d{2,3}(?:\.\d+)?)\s*分?")
_OPENS = lazy(r"[，,：:]|[（(](?=\s*\d)")  # where a band's clause opens (not （含）)


def _stated_bands(analysis, given: dict[str, Decimal]) -> dict[str, Decimal]:
    """The bands a report states for itself (综合得分85分（含）以上为“优”，75分（含）至85分为“良”，60分（含）
    至75分为“中”，60分以下为“差”; 90-100分为优、80-89分为良…; 优（85分及以上）、良（70-84分）…): each
    grade's lowest score is the first number before it since the grade before (or in the brackets right
    after it), 以下 meaning none; read when three grades or more are so
    named in one sentence, their lows falling in order. Every grade word of ``given`` sharing a grade's
    first character (优 and 优秀) takes its low. {} when the report states none."""
    for block in analysis.doc.blocks:
        text = block.text
        if text.count("分") < 3 or not ("以上" in text or "以下" in text or "-" in text or "至" in text):
            continue
        for sentence in re.split(r"[。；;\n]", text):
            found, since = [], 0
            for m in _BAND.finditer(sentence):
                segment = sentence[since : m.start()]
                cut = max((k.end() for k in _OPENS.finditer(segment)), default=0)
                segment, since = segment[cut:], m.end()  # （90分以上为优: from its clause
                bound = _BOUND.search(segment)
                if bound is None and not found:
                    continue  # 等级为“优”，90分以上为优…: the claim before the bands
                if bound is None:
                    found = []  # a grade named without its bound: not a statement of the bands
                    break
                low = Decimal(0) if "以下" in segment or "以内" in segment else Decimal(bound.group(1))
                if found and low >= found[-1][1]:
                    found = []  # 得分88.35分，等级为“优”（90分以上为优，…）: a claim before its bands
                found.append((m.group(1), low))
            if len(found) < 3:  # 分为优（85分及以上）、良（70-84分）…: bounds in brackets after each grade
                found = [(m.group(1), Decimal(0) if re.search(r"以下|以内|<|＜|不足|低于", m.group(2))
                          else Decimal(b.group(1)))
                         for m in _BRACKETED.finditer(sentence) if (b := _BOUND.search(m.group(2)))
                         and _BANDED.search(m.group(2))]  # 优（95.00分）: a project's score, no band
            lows = [low for _, low in found]
            if len(found) >= 3 and all(a > b for a, b in zip(lows, lows[1:])) and lows[0] <= 100:
                return {word: low for grade, low in found for word in given if word[0] == grade[0]}
    return {}


_BANDED = lazy(r"分.*(?:以上|以下|以内)|[≥≤<>＜＞]|不足|低于|\d\s*分?\s*[-－—~～至到]\s*\d")
_BRACKETED = lazy(r"[“\"‘]?(优秀|优|良好|良|中等|中|合格|较差|差)[”\"’]?\s*[（(]([^（()）]{2,20})[）)]")


def _total(analysis, check, block, at, items):
    """The score the grade rests on: the one its own sentence states, else the nearest total before it,
    one labelled as the whole (整体, 总分) first; the scores of single items (``items``: 该指标分值…自评得分)
    never count."""
    found = []
    paragraphs = 0
    for b in range(block, -1, -1):
        if analysis.doc.blocks[b].kind == "row":
            continue  # a score table between the total and the grade does not put the total out of reach
        paragraphs += 1
        if paragraphs > check.options.within:
            break
        for fig in reversed(analysis.figures[b]):
            if b == block and fig.start >= at or (fig.block, fig.start) in items:
                continue
            if b == block and fig.start < at - labels.REACH:
                break  # in a paragraph without end, the total is near the grade or not at all
            several = "平均" in fig.label and _SEVERAL.search(analysis.doc.blocks[b].text, 0, fig.start)
            # (项目9个，平均得分93.60分: several projects' mean, no grade's; 专家组平均得分 is the project's)
            if fig.unit == "分" and fig.is_point and 0 <= fig.value <= 120 and not several \
                    and any(w in fig.label for w in check.options.totals) and analysis.parent(fig) is None:
                found.append(fig)  # a part listed under a total (其中…资金执行得分10分) is no total
    scored: dict[int, int] = {}  # block → the last start of a score said 得 there
    for f in found:
        if "得" in f.label:
            scored[f.block] = max(scored.get(f.block, -1), f.start)
    found = [f for f in found if not _maximum(f, scored)]
    text = analysis.doc.blocks[block].text
    year = analysis.year()
    own = [f for f in found if f.block == block and not re.search(r"[。；;]", text[f.end:at])
           and labels.open_paren(text, 0, f.start) is None  # not （含预算执行率得分10分）
           and not labels.earlier(f.label, year)]  # nor last year's score quoted beside it
    if own:
        whole = [f for f in own if any(w in f.label for w in check.options.overall)]
        return (whole or own)[0]  # 某项目绩效评价得分88分，评价等级为“良”: the score its own sentence gives
    whole = [f for f in found if any(w in f.label for w in check.options.overall)]
    return (whole or found or [None])[0]


def _maximum(fig, scored: dict[int, int]) -> bool:
    """Whether ``fig`` is the points a score is out of: 满分, or a 总分 right before a 得分
    (绩效评价总分为100分，得分为86.5分; ``scored``: each block's last start of a score said 得)."""
    if "满分" in fig.label:
        return True
    return "总分" in fig.label and "得" not in fig.label and scored.get(fig.block, -1) > fig.start


_SEVERAL = lazy(r"\d+\s*个(?:项目|单位)|(?:项目|单位)\s*\d+\s*个")
_GRAND = lazy(r"^(?:总分|总得分|合计|总计|得分合计)$")
_INLINE_GRADE = lazy(r"(?:自评|评价|综合|绩效)?等级\s*[：:为]\s*(\S{1,4})")  # 自评等级：优, in a cell


def _table_total(analysis):
    """The total row's score of the document's only score table (总分 | 100 | 92.50), or None."""
    tables = [t for t in analysis.tables if t.column("得分") is not None and t.column("执行率") is None]
    if len(tables) != 1:
        return None
    table = tables[0]
    col = next((j for j, h in reversed(list(enumerate(table.header))) if "得分" in h and "率" not in h), None)
    if col is None:
        return None  # (指标 | 得分率: rates, no score column)
    rows = [r for r in range(len(table.rows)) if _GRAND.match(row_label(table, r).replace(" ", ""))]
    return cell_figure(table, rows[-1], col, "分") if rows else None
