"""Tables: recovery of every flattened shape, and what the footing checks' case files (``tests/cases/``) cannot
say (properties, findings in part)."""

from __future__ import annotations

from decimal import Decimal

from helpers import brief
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crossfoot.ingest.text import parse
from crossfoot.tables import recover

BUDGET = (
    "表1 预算执行情况\n"
    "\t项目\t年初预算数\t决算数\t控制\n"
    "序号\t\t(万元)\t(万元)\t率\n"
    "1\t一、基本支出\t300.00\t290.00\t96.67%\n"
    "14\n"
    "序号\t项目\t年初预算数\t决算数\t控制\n"
    "\t\t(万元)\t(万元)\t率\n"
    "2\t(1)人员经费\t200.00\t195.00\t97.50%\n"
    "3\t(2)公用经费\t100.00\t95.00\t95.00%\n"
    "4\t二、项目支出\t500.00\t480.00\t96.00%\n"
    "5\t其中:基本建设\t80.00\t79.00\t98.75%\n"
    "6\t合计\t800.00\t770.00\t96.25%\n"
    "以上为全部支出。\n"
)


def test_tab_table_with_wrapped_header_repeated_after_a_page_break():
    [table] = recover(parse(BUDGET, "t.txt"))
    assert table.header == ("序号", "项目", "年初预算数(万元)", "决算数(万元)", "控制率")
    assert [r[1].text for r in table.rows] == ["一、基本支出", "(1)人员经费", "(2)公用经费", "二、项目支出",
                                               "其中:基本建设", "合计"]
    assert table.notes == ("header merged from 2 lines", "header repeated at line 6 dropped")
    cell = table.rows[5][3]
    assert (cell.text, cell.span.line, cell.span.column) == ("770.00", 12, 13)
    assert list(table.frame().columns)[:2] == ["序号", "项目"]


def test_a_total_printed_above_the_rows_it_sums_wrong_in_a_row(lint_text):
    text = ("科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
            "合计\t\t991.39\t991.39\t0.00\n"
            "208\t社会保障和就业支出\t754.75\t754.75\t0.00\n"
            "20805\t行政事业单位养老支出\t754.75\t754.75\t0.00\n"
            "210\t卫生健康支出\t236.64\t236.64\t0.00\n"
            "21011\t行政事业单位医疗\t236.64\t236.64\t0.00\n")
    # the table, and a total above it footing neither across nor down, are in cases/TAB001.yaml; here the
    # positions alone, in any order and of any check, which a case cannot say
    found = lint_text(text.replace("236.64\t236.64\t0.00\n21011", "263.64\t263.64\t0.00\n21011"), ["TAB"])
    assert sorted((f.span.line, f.span.column) for f in found) == [(2, 5), (2, 12), (5, 12), (5, 19)]


SCORE_LIST = ("自评得分97.49分，各项得分如下：\n\n一级指标 二级指标 得分 合计\n\n履职效能\n整体效能 24.49\n\n48.99\n"
              "专项效能 24.50\n\n管理效能\n预算编制 3.00\n\n48.50\n预算执行 3.00\n 信息公开 4.00\n绩效管理 15.00\n"
              "采购管理 10.00\n资产管理 9.50\n运行成本 4.00\n\n总分 97.49\n\n从得分情况来看，我局较好完成了任务。\n")


def test_score_list_written_one_cell_per_line():
    [table] = recover(parse(SCORE_LIST, "t.txt"))
    assert table.shape == "lines"
    assert table.header == ("一级指标", "二级指标", "得分", "合计")
    assert [tuple(c.text for c in r) for r in table.rows[:3]] == [
        ("履职效能", "整体效能", "24.49", "48.99"), ("", "专项效能", "24.50", ""),
        ("管理效能", "预算编制", "3.00", "48.50")]
    assert tuple(c.text for c in table.rows[-1]) == ("总分", "", "97.49", "")


cents = st.integers(min_value=1, max_value=10**7)


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(cents, min_size=2, max_size=8), which=st.data())
def test_property_one_corrupted_cell_one_finding(lint_text, parts, which):
    def money(c):
        return f"{Decimal(c) / 100:.2f}"

    total = sum(parts)
    rows = "".join(f"{i + 1}\t项目{i + 1}\t{money(p)}\n" for i, p in enumerate(parts))
    table = f"序号\t名称\t金额（万元）\n{rows}{len(parts) + 1}\t合计\t{money(total)}\n"
    assert lint_text(table, ["TAB"]) == []
    k = which.draw(st.integers(min_value=0, max_value=len(parts) - 1))
    # beyond what rounding explains: half a cent on each part and on the total
    delta = which.draw(st.integers(min_value=len(parts) + 2, max_value=10**5))
    # parts that come to two, three or four times their total within their rounding read as a hierarchy
    # counted over (a group and its items): that layout is left unjudged by design, so it is no case here
    assume(all(abs(total + delta - m * total) > len(parts) + 1 for m in (2, 3, 4)))
    # so do a part that the corruption makes the sum of two or more rows right after it (0.20 over 0.01 and
    # 0.19): an unmarked group row over its items (上级补助收入 over 返还性收入, 一般性转移支付收入), the rest
    # adding up to the total as printed
    assume(all(sum(parts[k + 1 : j + 1]) != parts[k] + delta for j in range(k + 2, len(parts))))
    bad = table.replace(f"\t项目{k + 1}\t{money(parts[k])}\n", f"\t项目{k + 1}\t{money(parts[k] + delta)}\n")
    found = lint_text(bad, ["TAB"])
    assert brief(found) == [("TAB001", len(parts) + 2, len(str(len(parts) + 1)) + 5, "error")]
    assert found[0].related[k].line == k + 2
    # re-stating one part one decimal coarser (not a tie) is within rounding: no finding
    if parts[k] % 10 != 5:
        coarse = f"{(Decimal(parts[k]) / 100).quantize(Decimal('0.1'))}"
        fine = table.replace(f"\t项目{k + 1}\t{money(parts[k])}\n", f"\t项目{k + 1}\t{coarse}\n")
        assert lint_text(fine, ["TAB"]) == []


def test_budget_adjustment_rate_mismatch(lint_text):
    text = ("项目\t年初预算数\t全年预算数\t决算数\t预算调整率\t预算控制率\n"
            "基本支出\t19904.36\t20392.39\t20341.08\t2.45%\t99.74%\n")
    # the truncated rate is in cases/TAB003.yaml; here the first finding alone, which a case cannot say
    assert brief(lint_text(text.replace("2.45%", "2.54%"), ["TAB"]))[0] == ("TAB002", 2, 33, "error")


def test_formula_pack_errors_name_the_file_and_line(tmp_path):
    import pytest

    from crossfoot import engine

    pack = tmp_path / "mine.yaml"
    pack.write_text("checks:\n  - code: ZZZ001\n    name: my-rate\n    kind: formula\n    severity: error\n"
                    "    message: m\n    options:\n      columns: {a: [甲], r: [率]}\n"
                    "      formula: a / b\n      result: r\n", encoding="utf-8")
    with pytest.raises(engine.PackError, match=r"mine.yaml:2: ZZZ001: formula names 'b', which is not a column"):
        engine.load([pack])


SCORES = ("（三）管理效率分析\n管理效率反映预算编制等情况。该指标分值10分，自评得分6.5分。\n"
          "1. 预算编制情况。该指标分值5分，自评得分2分，扣3分。\n"
          "2. 信息公开情况。该指标分值3分，自评得分3分。\n"
          "3. 资产管理情况。该指标分值2分，自评得分1.5分。\n"
          "部门整体自评得分为89.56分，信息公开、资产管理的自评得满分。\n综上所述，整体绩效自评为**优秀**等级。\n")


def test_score_items_deduction_and_over_the_maximum(lint_text):
    # the claims, the grade and the fixed report are in cases/SCO003.yaml; here the first findings alone,
    # which a case cannot say
    assert brief(lint_text(SCORES.replace("扣3分", "扣2分"), ["SCO"]))[0] == ("SCO002", 3, 27, "error")
    # 4 of 3 points is over the item's maximum, and breaks the group's sum (2 + 4 + 1.5 is not 6.5)
    over = brief(lint_text(SCORES.replace("自评得分3分", "自评得分4分"), ["SCO"]))
    assert over[:2] == [("SCO005", 2, 28, "error"), ("SCO001", 4, 23, "error")]


def test_table_score_items_do_not_leak_into_the_prose_items():
    from crossfoot.analysis import Analysis
    from crossfoot.tables import scores

    text = "1. 预算编制情况。该指标分值5分，自评得分4分。\n指标\t分值\t得分\n预算执行\t10\t8.50\n"
    analysis = Analysis(parse(text, "t.txt"))
    assert [i.name for i in scores.items(analysis, ("分值",), ("得分",))] == ["预算编制", "预算执行"]
    assert [i.name for i in scores.prose_items(analysis)] == ["预算编制"]


def test_a_pdf_rows_cells_that_stand_under_no_known_column_leave_its_totals_unjudged():
    """A three-line score table whose reader lost a run of its rows' columns (a wrapped note with a figure
    in it ended the run): the rows after it come with fewer cells than the table, and their x positions
    fall under no column of the rows above. Their columns are not known, so no total over them is judged
    (二级指标 | 三级指标 would have been summed as 分值 | 得分)."""
    from crossfoot import engine
    from crossfoot.ingest.layout import Line, Piece, assemble
    from crossfoot.model import Severity

    xs = (40, 100, 170, 265, 300, 360)

    def row(y, cells):
        return Line([Piece(text, "", page=1, box=(x, y, x + 7 * len(text) + 6, y + 10)) for x, text in cells],
                    kind="row")

    lines = [Line([Piece("某县2025年度农田建设补助资金绩效评价得分表", "", 1, (150, 20, 450, 34))]),
             row(50, list(zip(xs, ("一级指标", "二级指标", "三级指标", "分值", "得分", "扣分说明")))),
             row(70, list(zip(xs, ("", "项目立项", "立项依据充分性", "5", "5.00", "")))),
             row(90, list(zip(xs, ("决策（15）", "绩效目标", "绩效目标合理性", "10", "9.00", "")))),
             Line([Piece("初步设计概算与施工图预算差异较大，2", "", 1, (360, 104, 560, 114))]),
             row(110, [(170, "预算编制科学性"), (265, "5"), (300, "3.00")]),
             row(130, [(40, "决策小计"), (265, "20"), (300, "17.00")]),
             row(150, [(40, "总 计"), (265, "100"), (300, "88.00")])]
    doc = assemble("scores.pdf", lines)
    (table,) = [t for t in recover(doc) if t.header[0] == "一级指标"]
    assert table.unplaced == (2, 3, 4)
    found = [f for f in engine.run(doc, engine.load()) if f.severity >= Severity.WARNING]
    assert found == [], [f"{f.code} {f.message}" for f in found]


def test_a_lettered_column_numbering_row_is_no_header_line():
    """A 栏次 row lettering the columns (栏次 | A | B | C, no numbers) under the header is the template's
    numbering, dropped as 栏次 1 | 2 | 3 is: it neither joins the header (合计A) nor makes the code columns
    under it look like 行次 columns."""
    text = ("支出决算表\n单位：万元\n类\t款\t项\t科目名称\t合计\t基本支出\t项目支出\n栏次\t\t\t\tA\tB\tC\n"
            "201\t\t\t一般公共服务支出\t300.00\t200.00\t100.00\n201\t03\t\t政府办公厅（室）及相关机构事务\t300.00\t200.00\t100.00\n")
    (table,) = recover(parse(text, "t.txt"))
    assert table.header == ("类", "款", "项", "科目名称", "合计", "基本支出", "项目支出")
    assert len(table.rows) == 2


def test_rows_a_page_break_split_are_rejoined_and_the_breaks_follow():
    """Two rows each split by a page break (Word breaking a row: a wrapped name's and figure's first line at
    the page's foot, the rest under the header repeated) come back whole, and each break then falls before
    the row after the rejoined one."""
    header = "科目编码\t科目名称\t合计\t财政拨款收入\n"
    text = ("2025年部门收入预算总表\n单位：元\n" + header
            + "221\t住房保障支\t13,118,07\t13,118,07\n" + header + "\t出\t8.00\t8.00\n"
            + "22102\t住房改革支出\t13,118,078.00\t13,118,078.00\n"
            + "222\t粮油物资储备支\t1,234,56\t1,234,56\n" + header + "\t出\t7.00\t7.00\n"
            + "22201\t粮油物资事务\t1,234,567.00\t1,234,567.00\n")
    (table,) = recover(parse(text, "t.txt"))
    assert [[c.text for c in r][:3] for r in table.rows] == [
        ["221", "住房保障支出", "13,118,078.00"], ["22102", "住房改革支出", "13,118,078.00"],
        ["222", "粮油物资储备支出", "1,234,567.00"], ["22201", "粮油物资事务", "1,234,567.00"]]
    assert table.breaks == (1, 3)


def _grids_docx(path, grids, between: str = "") -> str:
    """A DOCX of one Word table per grid (rows of cell texts), ``between`` a paragraph before each but the
    first (none: the grids drawn touching)."""
    import docx

    document = docx.Document()
    for k, rows in enumerate(grids):
        if k and between:
            document.add_paragraph(between)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.save(path)
    return str(path)


def test_two_grids_of_a_docx_one_under_the_other_are_two_tables(tmp_path):
    """A score sheet and a money table drawn as two grids with nothing between (Word shows them touching):
    two tables, the second's header not a row of the first (wave w61k)."""
    import crossfoot
    from crossfoot.ingest import read

    path = _grids_docx(tmp_path / "two.docx", (
        [("三级指标", "分值", "得分"), ("配送演出场次", "15", "15"), ("按期完成率", "10", "9")],
        [("项目", "预算数", "支出数"), ("设备购置", "800.00", "860.00"), ("培训", "400.00", "370.00")]))
    assert [t.header for t in recover(read(path))] == [("三级指标", "分值", "得分"), ("项目", "预算数", "支出数")]
    assert crossfoot.check(path) == []


def test_a_docx_table_continued_in_a_second_grid_under_its_header_again_is_one_table(tmp_path):
    """A form continued in a grid of its own (续表), its header repeated: one table, its 总分 the sum of the
    rows of both grids (code review of wave w61k's split)."""
    import crossfoot
    from crossfoot.ingest import read

    head = ("三级指标", "分值", "得分")
    path = _grids_docx(tmp_path / "continued.docx", (
        [head, ("配送演出场次", "15", "15"), ("按期完成率", "10", "9")],
        [head, ("满意度", "20", "19"), ("总分", "45", "43")]), between="续表")
    assert [t.header for t in recover(read(path))] == [head]
    assert crossfoot.check(path) == []
