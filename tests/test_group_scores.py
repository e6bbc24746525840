"""A project evaluation states each group's score (决策, 过程, 产出, 效益) three times: in the summary, in a
summary table laid across, and at the head of the group's analysis. Consistent, it gives nothing; one of the
analysis's statements changed beyond its rounding gives exactly SCO008 on it, and a change within rounding
(a score restated with one decimal fewer) gives nothing."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

GROUPS = ("决策", "过程", "产出", "效益")
CENT = Decimal("0.01")


def report(points: list[int], scores: list[Decimal], shown: list[str] | None = None) -> str:
    """The report; ``shown`` replaces the scores written in the analysis (line 8 onwards, two lines each)."""
    total = sum(scores)
    rates = [(s / p * 100).quantize(CENT, rounding=ROUND_HALF_UP) for s, p in zip(scores, points)]
    summary = "；".join(f"{g}指标{s:.2f}分，得分率{r}%" for g, s, r in zip(GROUPS, scores, rates))
    lines = [
        "高标准农田建设项目绩效评价报告",
        f"项目总体评价得{total:.2f}分，其中：{summary}。",
        "评价得分情况表",
        "一级指标\t" + "\t".join(GROUPS) + "\t合计",
        "分值\t" + "\t".join(f"{p:.2f}" for p in points) + f"\t{sum(points):.2f}",
        "得分\t" + "\t".join(f"{s:.2f}" for s in scores) + f"\t{total:.2f}",
        "",
    ]
    for k, (g, p, s) in enumerate(zip(GROUPS, points, scores)):
        said = shown[k] if shown else f"{s:.2f}"
        lines += [f"{k + 1}.{g}指标绩效分析", f"{g}指标共{p}分，评价得分{said}分。"]
    return "\n".join(lines) + "\n"


POINTS = st.sampled_from([[15, 25, 25, 35], [20, 20, 40, 20], [10, 30, 30, 30]])
SHARES = st.lists(st.integers(40, 100), min_size=4, max_size=4)


def _scores(points, shares):
    return [(Decimal(p) * share / 100).quantize(CENT, rounding=ROUND_HALF_UP) for p, share in zip(points, shares)]


@given(POINTS, SHARES)
def test_consistent_statements_give_nothing(lint_text, points, shares):
    assert [f.code for f in lint_text(report(points, _scores(points, shares)))] == []


@given(POINTS, SHARES, st.integers(0, 3), st.sampled_from(["1", "0.1", "10"]))
def test_one_statement_changed_is_found_on_it(lint_text, points, shares, k, step):
    scores = _scores(points, shares)
    shown = [f"{s:.2f}" for s in scores]
    changed = scores[k] - Decimal(step) if scores[k] >= Decimal(step) else scores[k] + Decimal(step)
    shown[k] = f"{changed:.2f}"
    found = [(f.code, f.span.line, f.stated) for f in lint_text(report(points, scores, shown), ["SCO008"])]
    assert found == [("SCO008", 9 + 2 * k, f"{changed:.2f}分")]


@given(POINTS, SHARES)
def test_statements_rounded_to_one_decimal_give_nothing(lint_text, points, shares):
    scores = _scores(points, shares)
    shown = [f"{s.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}" for s in scores]
    assert [f.code for f in lint_text(report(points, scores, shown), ["SCO008"])] == []


SHEET = [  # a 部门整体支出绩效自评表's indicators, the 一级 name merged down over its group's rows
    ("产出指标", "数量指标", "送戏下乡场次", "8", "8.00"),
    ("", "", "农村公益电影放映场次", "6", "6.00"),
    ("", "", "文物修缮项目数", "6", "4.50"),
    ("", "质量指标", "文物修缮验收合格率", "8", "8.00"),
    ("", "时效指标", "活动按计划完成率", "8", "8.00"),
    ("效益指标", "社会效益指标", "接待游客人次", "20", "19.00"),
    ("", "可持续影响指标", "公共文化设施开放率", "10", "10.00"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "10", "10.00"),
    ("总分", "", "", "76", "73.50"),
]


def _sheet_report(output: str) -> str:
    prose = f"经自评，其中：产出指标分值36分，得分{output}分；效益指标分值30分，得分29.00分；满意度指标分值10分，得分10.00分。"
    rows = ["一级指标\t二级指标\t三级指标\t分值\t得分"] + ["\t".join(r) for r in SHEET]
    return "\n".join(["一、自评结论", prose, "部门整体支出绩效自评表", *rows]) + "\n"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_ruled_sheets_merged_groups_are_summed_in_a_pdf_as_in_a_docx(tmp_path, fmt):
    """A PDF's ruled grid keeps a merged 一级 cell's name on its group's first row, as a DOCX does: the
    group's rows are summed against the prose (SCO008), where a sheet laid out without rules is not."""
    from render import parse, to_docx, to_pdf

    from crossfoot import engine, ingest

    found = {}
    for said in ("34.50", "35.50"):
        path = tmp_path / f"r{said}.{fmt}"
        (to_pdf if fmt == "pdf" else to_docx)(parse(_sheet_report(said)), path)
        found[said] = [f.code for f in engine.run(ingest.read(path), engine.load()) if f.code == "SCO008"]
    assert found == {"34.50": [], "35.50": ["SCO008"]}
