"""The national 项目支出绩效自评表: one grid holding the project's name, its funds part (年度资金总额 and the
sources under 其中, 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) and its indicator part
(一级指标 … | 分值 | 得分, closed by 总分, which counts the funds part's 10 points too).

A consistent form gives nothing; one figure changed gives exactly the findings on it: the funds' 执行率
(TAB013) and the score 执行率 × 分值 (TAB014), a source that no longer adds up to 年度资金总额 (TAB001),
and an indicator's score that no longer adds up to 总分 with the funds' score (TAB001)."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from helpers import brief
from hypothesis import given
from hypothesis import strategies as st

CENT = Decimal("0.01")


def _r(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def form(current: tuple[int, int], carried: tuple[int, int], scores: list[tuple[int, Decimal]]) -> str:
    """A form whose current-year funds budget/spend ``current`` (in cents), carried-over funds ``carried``,
    and indicators ``(分值, 得分)``; every derived figure computed and rounded as a drafter would."""
    budget = Decimal(current[0] + carried[0]) / 100
    spent = Decimal(current[1] + carried[1]) / 100

    def rate(b: int, s: int) -> str:
        return f"{_r(Decimal(s) / Decimal(b) * 100)}%" if b else "—"

    share = Decimal(current[1] + carried[1]) / Decimal(current[0] + carried[0])
    fund_score = _r(min(share * 10, Decimal(10)))
    lines = [
        "项目支出绩效自评表",
        "项目名称\t校舍维修改造项目",
        "主管部门\t某区教育局\t实施单位\t某区教育局",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        f"\t年度资金总额\t{budget:.2f}\t{budget:.2f}\t{spent:.2f}\t10\t"
        f"{rate(current[0] + carried[0], current[1] + carried[1])}\t{fund_score}",
        f"\t其中：当年财政拨款\t{Decimal(current[0]) / 100:.2f}\t{Decimal(current[0]) / 100:.2f}\t"
        f"{Decimal(current[1]) / 100:.2f}\t—\t{rate(*current)}\t—",
        f"\t上年结转资金\t{Decimal(carried[0]) / 100:.2f}\t{Decimal(carried[0]) / 100:.2f}\t"
        f"{Decimal(carried[1]) / 100:.2f}\t—\t{rate(*carried)}\t—",
        "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—",
        "年度总体目标\t预期目标\t实际完成情况",
        "\t完成校舍维修改造。\t已完成校舍维修改造。",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分",
    ]
    for k, (points, score) in enumerate(scores):
        lines.append(f"\t产出指标\t数量指标\t指标{k + 1}\t完成\t完成\t{points}\t{score}")
    total_points = 10 + sum(p for p, _ in scores)
    lines.append(f"总分\t\t\t\t\t\t{total_points}\t{fund_score + sum(s for _, s in scores)}")
    return "\n".join(lines) + "\n"


FUNDS = st.tuples(st.integers(10_000, 9_000_000), st.integers(0, 100)).map(
    lambda t: (t[0], t[0] * t[1] // 100))
SCORES = st.lists(st.tuples(st.sampled_from([10, 15, 20]), st.integers(0, 20)), min_size=2, max_size=6).map(
    lambda items: [(p, Decimal(min(s, p)) - (Decimal("0.5") if s % 3 == 0 and s else 0)) for p, s in items])

FUND_LINE, CURRENT_LINE, TOTAL_OFFSET = 5, 6, 12


def _replace_cell(text: str, line: int, column: int, new: str) -> str:
    lines = text.split("\n")
    cells = lines[line - 1].split("\t")
    cells[column] = new
    lines[line - 1] = "\t".join(cells)
    return "\n".join(lines)


@given(FUNDS, FUNDS, SCORES)
def test_a_consistent_form_gives_nothing(lint_text, current, carried, scores):
    assert brief(lint_text(form(current, carried, scores))) == []


@given(FUNDS, FUNDS, SCORES)
def test_a_wrong_execution_rate_is_found(lint_text, current, carried, scores):
    text = form(current, carried, scores)
    rate = Decimal(text.split("\n")[FUND_LINE - 1].split("\t")[6].rstrip("%"))
    wrong = _replace_cell(text, FUND_LINE, 6, f"{rate + (1 if rate < 50 else -1):.2f}%")
    found = {(f.code, f.span.line) for f in lint_text(wrong)}
    assert ("TAB013", FUND_LINE) in found
    assert found <= {("TAB013", FUND_LINE), ("TAB014", FUND_LINE)}


@given(FUNDS, FUNDS, SCORES)
def test_a_wrong_source_is_found_against_the_total(lint_text, current, carried, scores):
    text = form(current, carried, scores)
    spent = Decimal(text.split("\n")[CURRENT_LINE - 1].split("\t")[4])
    wrong = _replace_cell(text, CURRENT_LINE, 4, f"{spent + 100:.2f}")
    found = {(f.code, f.span.line) for f in lint_text(wrong)}
    assert ("TAB001", FUND_LINE) in found
    assert found <= {("TAB001", FUND_LINE), ("TAB013", CURRENT_LINE)}


@given(FUNDS, FUNDS, SCORES, st.data())
def test_a_wrong_indicator_score_is_found_against_the_total(lint_text, current, carried, scores, data):
    text = form(current, carried, scores)
    k = data.draw(st.integers(0, len(scores) - 1))
    line = TOTAL_OFFSET + k
    points, score = scores[k]
    lower = score - 1 if score >= 1 else score + Decimal("0.5")
    wrong = _replace_cell(text, line, 7, f"{lower}")
    total_line = TOTAL_OFFSET + len(scores)
    assert [(f.code, f.span.line) for f in lint_text(wrong)] == [("TAB001", total_line)]


def test_the_funds_score_is_the_rate_times_its_points_capped(lint_text):
    text = form((20_000_000, 19_000_000), (0, 0), [(20, Decimal(20)), (70, Decimal(65))])
    assert lint_text(text) == []
    wrong = _replace_cell(text, FUND_LINE, 7, "9.60")
    found = lint_text(wrong)
    assert [(f.code, f.span.line, f.computed) for f in found] == [
        ("TAB014", FUND_LINE, "[9.4995, 9.5005]"), ("TAB001", TOTAL_OFFSET + 2, "[94.5950, 94.6050]")]
    assert "min(95.00% / 100 * 10, 10)" in found[0].message


def test_a_rate_rounded_to_one_decimal_is_not_an_error(lint_text):
    text = form((30_000_000, 28_650_000), (0, 0), [(90, Decimal(88))])  # 95.50% shown as 95.5%
    assert lint_text(_replace_cell(text, FUND_LINE, 6, "95.5%")) == []


def test_a_score_column_under_a_name_merged_over_two_grid_columns_is_read(tmp_path):
    """Word copies of the national form merge 得分 over two grid columns: the empty second column under
    the merged name is no second 得分, so the funds' score is still checked (DOCX)."""
    from render import parse, to_docx

    from crossfoot import engine, ingest

    def document(score: str) -> str:
        return ("项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t\n"
                f"年度资金总额\t100.00\t100.00\t90.00\t10\t90.00%\t{score}\t\n"
                "其中：当年财政拨款\t100.00\t100.00\t90.00\t—\t90.00%\t—\t\n")

    checks = engine.load()
    found = {}
    for score in ("9", "8"):
        path = tmp_path / f"form-{score}.docx"
        to_docx(parse(document(score)), path)
        found[score] = [f.code for f in engine.run(ingest.read(path), checks)]
    assert found == {"9": [], "8": ["TAB014"]}


def test_a_header_with_a_group_cell_before_its_columns_is_not_read_shifted(lint_text):
    # 四川's form: the header opens with the group's name and the unit's cell (预算执行情况(10分) |
    # 年度预算数(万元) | 年初预算 | …) while each row opens with its one label, so every amount stands one column
    # left of its header: 权重 10 under 预算执行率, 100.00% under 预算执行数. Nothing is read across.
    text = (
        "部门预算项目支出绩效自评表（2024年度） | |\n"
        "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
        "总额 | 0.00 | 4.80 | 4.80 | 100.00% | 10 | 10 | 无 |\n"
        "其中：财政资金 | 0.00 | 4.80 | 4.80 | 100.00% | / | / |\n"
        "单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / |\n")
    assert lint_text(text) == []


def test_rows_with_a_group_cell_repeated_before_their_label_are_not_read_shifted(lint_text):
    # A Markdown copy of the form whose rows repeat the merged group cell (| 项目资金 | 年度资金总额 | …) under
    # a header that has it once: every amount stands one column right of its header, 97.90% under 得分.
    text = (
        "2023年度部门整体支出绩效自评表\n\n"
        "| 预算资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| 预算资金 | 年度资金总额 | 560.5 | 600.8 | 588.2 | 10 | 97.90% | 9.79 |\n"
        "| 预算资金 | 基本支出 | 400.2 | 420.1 | 418.6 | — | 99.64% | — |\n"
        "| 预算资金 | 项目支出 | 160.3 | 180.7 | 169.6 | — | 93.86% | — |\n")
    assert [f for f in lint_text(text) if f.code in ("TAB013", "TAB014")] == []


def test_a_score_sheet_split_over_two_word_tables_is_footed_as_one(tmp_path):
    """A drafter splits the indicators over two Word tables, the second captioned anew (表2-2, not 续表) under
    the header again, the 总分 closing both: its sum takes the rows of the first table too (wave w80b), so
    a sheet that adds up gives nothing and a wrong score in the first table is found at the 总分."""
    from render import parse, to_docx

    from crossfoot import engine, ingest

    def document(first: str) -> str:
        head = "一级指标\t三级指标\t分值\t得分\n"
        return (f"表2-1 绩效指标（产出指标）\n{head}产出指标\t培训人次\t25\t{first}\n产出指标\t合格率\t25\t25\n"
                f"表2-2 绩效指标（效益指标、满意度指标）\n{head}效益指标\t覆盖率\t40\t38\n"
                "满意度指标\t群众满意度\t10\t10\n总分\t\t100\t98\n")

    checks = engine.select(engine.load(), ["TAB001"])
    found = {}
    for first in ("25", "26"):
        path = tmp_path / f"sheet-{first}.docx"
        to_docx(parse(document(first)), path)
        found[first] = [(f.code, f.span.line, f.span.column) for f in engine.run(ingest.read(path), checks)]
    assert found == {"25": [], "26": [("TAB001", 9, 9)]}


@pytest.mark.parametrize("tables", [
    ("项目\t金额（万元）\n新建项目甲\t120.00\n新建项目乙\t45.50\n",
     "项目\t金额（万元）\n货物类\t80.00\n服务类\t130.00\n合计\t210.00\n"),
    ("一级指标\t三级指标\t分值\t得分\n产出指标\t养护里程\t60\t56\n效益指标\t群众出行\t40\t36\n",
     "一级指标\t三级指标\t分值\t得分\n产出指标\t饮水工程\t60\t58\n效益指标\t受益人口\t40\t40\n合计\t\t100\t98\n")])
def test_two_word_tables_under_one_header_are_not_joined_unless_points_say_so(tmp_path, tables):
    """Two lists under one header (项目 | 金额), or two projects' sheets of 100 points each, the first without
    a total: the second's total is its own rows' (code review 82k2)."""
    from render import parse, to_docx

    from crossfoot import engine, ingest

    first, second = tables
    path = tmp_path / "two.docx"
    to_docx(parse(f"表1 甲\n{first}表2 乙\n{second}"), path)
    assert [f.message for f in engine.run(ingest.read(path), engine.select(engine.load(), ["TAB001"]))] == []
