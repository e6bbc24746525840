"""A project evaluation states each group's score (决策, 过程, 产出, 效益) three times: in the summary, in a
summary table laid across, and at the head of the group's analysis. Consistent, it gives nothing; one of the
analysis's statements changed beyond its rounding gives exactly SCO008 on it, and a change within rounding
(a score restated with one decimal fewer) gives nothing."""

from decimal import ROUND_HALF_UP, Decimal

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
