"""Tables: recovery of every flattened shape, and the footing checks on them (exact findings, properties)."""

from __future__ import annotations

from decimal import Decimal

from helpers import brief
from hypothesis import given, settings
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


def test_consistent_budget_table_passes(lint_text):
    assert lint_text(BUDGET, ["TAB"]) == []


def test_total_row_and_hierarchical_subtotal(lint_text):
    found = lint_text(BUDGET.replace("6\t合计\t800.00\t770.00", "6\t合计\t800.00\t760.00"), ["TAB"])
    assert brief(found) == [("TAB001", 12, 13, "error")]
    assert found[0].computed == "[769.9900, 770.0100]"
    assert [(s.line, s.column) for s in found[0].related] == [(4, 17), (10, 17)]
    found = lint_text(BUDGET.replace("195.00", "185.00"), ["TAB"])
    assert brief(found) == [("TAB001", 4, 17, "error")]  # 一、基本支出 over (1) and (2)


def test_other_rows_are_summed_when_unnumbered_and_breakdowns_are_not(lint_text):
    text = "名称\t金额\n甲\t1.50\n乙\t2.50\n其中：丙\t1.00\n合 计\t4.00\n"
    assert lint_text(text, ["TAB"]) == []
    assert brief(lint_text(text.replace("4.00", "5.00"), ["TAB"])) == [("TAB001", 5, 5, "error")]


def test_a_total_printed_above_the_rows_it_sums(lint_text):
    text = ("科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
            "合计\t\t991.39\t991.39\t0.00\n"
            "208\t社会保障和就业支出\t754.75\t754.75\t0.00\n"
            "20805\t行政事业单位养老支出\t754.75\t754.75\t0.00\n"
            "210\t卫生健康支出\t236.64\t236.64\t0.00\n"
            "21011\t行政事业单位医疗\t236.64\t236.64\t0.00\n")
    assert lint_text(text, ["TAB"]) == []
    found = lint_text(text.replace("合计\t\t991.39\t991.39", "合计\t\t991.39\t981.39"), ["TAB"])
    assert [(f.code, f.span.line, f.span.column, f.computed) for f in found] == [
        ("TAB001", 2, 5, "[981.3800, 981.4000]"),  # across: 本年支出合计 = 基本支出 + 项目支出
        ("TAB001", 2, 12, "[991.3800, 991.4000]")]  # down: 基本支出 = 754.75 + 236.64, the 类 rows below
    found = lint_text(text.replace("236.64\t236.64\t0.00\n21011", "263.64\t263.64\t0.00\n21011"), ["TAB"])
    assert sorted((f.span.line, f.span.column) for f in found) == [(2, 5), (2, 12), (5, 12), (5, 19)]


SCORE_TABS = ("一级指标\t二级指标\t得分\t合计\n"
              "管理效能\t资金管理\t13.932\t42.122\n"
              "\t采购管理\t1.69\t\n"
              "\t信息公开\t4.00\t\n"
              "\t绩效管理\t22.50\t\n"
              "履职效能\t重点工作\t50.00\t52.50\n"
              "\t工作表现加减分\t2.50\t\n")


def test_score_table_group_totals(lint_text):
    assert lint_text(SCORE_TABS, ["TAB"]) == []
    found = lint_text(SCORE_TABS.replace("1.69", "1.79"), ["TAB"])
    assert brief(found) == [("TAB001", 2, 18, "error")]
    assert found[0].computed == "[42.20650, 42.23750]"


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


def test_score_list_totals(lint_text):
    assert lint_text(SCORE_LIST, ["TAB"]) == []
    found = lint_text(SCORE_LIST.replace("资产管理 9.50", "资产管理 8.50"), ["TAB"])
    assert brief(found) == [("TAB001", 14, 1, "error"), ("TAB001", 22, 4, "error")]


def test_row_crossfoot_only_when_the_table_shows_it():
    from crossfoot import engine

    checks = engine.select(engine.load(), ["TAB"])
    text = "项目\t合计\t财政拨款\t其他\n甲\t10.00\t6.00\t4.00\n乙\t20.00\t15.00\t5.00\n丙\t31.00\t20.00\t10.00\n"
    assert brief(engine.run(parse(text, "t"), checks)) == [("TAB001", 4, 3, "error")]
    unrelated = "项目\t合计\t人数\t面积\n甲\t10.00\t6.00\t9.00\n乙\t20.00\t15.00\t1.00\n丙\t31.00\t20.00\t10.00\n"
    assert engine.run(parse(unrelated, "t"), checks) == []


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
    bad = table.replace(f"\t项目{k + 1}\t{money(parts[k])}\n", f"\t项目{k + 1}\t{money(parts[k] + delta)}\n")
    found = lint_text(bad, ["TAB"])
    assert brief(found) == [("TAB001", len(parts) + 2, len(str(len(parts) + 1)) + 5, "error")]
    assert found[0].related[k].line == k + 2
    # re-stating one part one decimal coarser (not a tie) is within rounding: no finding
    if parts[k] % 10 != 5:
        coarse = f"{(Decimal(parts[k]) / 100).quantize(Decimal('0.1'))}"
        fine = table.replace(f"\t项目{k + 1}\t{money(parts[k])}\n", f"\t项目{k + 1}\t{coarse}\n")
        assert lint_text(fine, ["TAB"]) == []


MONTHLY = ("序号\t时期\t年度预算\t累计实际支出\t支出进度\t支出执行率\n"
           "\t\t(万元)\t(万元)\t(%)\t(%)\n"
           "1\t1-3月\t45456\t12408\t27.30\t109.19\n"
           "2\t1-6月\t45816\t24273\t52.98\t105.96\n"
           "3\t1-9月\t47031\t34888\t74.18\t98.91\n"
           "4\t1-12月\t44280\t43792\t98.90\t98.90\n")


def test_progress_table_formulas_monotonic_and_numbering(lint_text):
    assert lint_text(MONTHLY, ["TAB"]) == []
    found = lint_text(MONTHLY.replace("52.98\t105.96", "52.98\t115.96"), ["TAB"])
    assert brief(found) == [("TAB005", 4, 26, "error")]
    assert found[0].message.startswith("execution rate 115.96 (1-6月 支出执行率(%)) does not match 52.98 / 50 (share of the year elapsed) * 100 = [105.9500, 105.9700]")
    found = lint_text(MONTHLY.replace("34888\t74.18\t98.91", "23888\t50.79\t67.72"), ["TAB"])
    assert brief(found) == [("TAB006", 5, 14, "error")]
    assert [(s.line, s.column) for s in found[0].related] == [(4, 14)]
    found = lint_text(MONTHLY.replace("3\t1-9月", "5\t1-9月"), ["TAB"])
    assert brief(found) == [("TAB007", 5, 1, "warning")]
    assert found[0].message == "row number 5 breaks the sequence: 5 stands where 3 belongs"
    found = lint_text(MONTHLY.replace("3\t1-9月", "5\t1-9月").replace("4\t1-12月", "6\t1-12月"), ["TAB"])
    assert [f.message for f in found] == ["row number 5 breaks the sequence: 5 follows 2 (3–4 missing)"]


def test_budget_rates_with_truncation_as_info(lint_text):
    text = ("项目\t年初预算数\t全年预算数\t决算数\t预算调整率\t预算控制率\n"
            "基本支出\t19904.36\t20392.39\t20341.08\t2.45%\t99.74%\n")
    found = lint_text(text, ["TAB"])
    assert brief(found) == [("TAB003", 2, 39, "info")]
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


def test_score_items_claims_and_grade(lint_text):
    found = lint_text(SCORES, ["SCO"])
    assert brief(found) == [("SCO003", 6, 29, "error"), ("SCO004", 7, 15, "error")]
    assert found[0].message.endswith("these items lost points: 资产管理 1.5/2")
    assert [(s.line, s.column) for s in found[0].related] == [(5, 23)]
    assert found[1].message == "grade 优秀 needs a score >= 90, but the total is 89.56分"
    fixed = SCORES.replace("资产管理的自评得满分", "的自评得满分").replace("89.56分", "90.56分")
    assert lint_text(fixed, ["SCO"]) == []
    assert brief(lint_text(SCORES.replace("扣3分", "扣2分"), ["SCO"]))[0] == ("SCO002", 3, 27, "error")
    # 4 of 3 points is over the item's maximum, and breaks the group's sum (2 + 4 + 1.5 is not 6.5)
    over = brief(lint_text(SCORES.replace("自评得分3分", "自评得分4分"), ["SCO"]))
    assert over[:2] == [("SCO005", 2, 28, "error"), ("SCO001", 4, 23, "error")]


def test_score_table_item_over_its_maximum_except_bonus_rows(lint_text):
    text = "二级指标\t分值\t得分\n资金管理\t10\t9.5\n采购管理\t5\t5.5\n工作表现加减分\t0\t2\n"
    assert brief(lint_text(text, ["SCO"])) == [("SCO001", 3, 8, "error")]


GROUP = ("（三）管理效率分析\n管理效率反映预算管理情况。该指标分值10分，自评得分7.42分。\n"
         "1. 预算编制情况。该指标分值5分，自评得分4分。\n2. 预算执行情况。该指标分值5分，自评得分3.42分。\n")


def test_score_group_stated_in_prose_sums_its_numbered_items(lint_text):
    assert lint_text(GROUP, ["SCO"]) == []
    found = lint_text(GROUP.replace("7.42分", "7.52分"), ["SCO"])
    assert brief(found) == [("SCO005", 2, 27, "error")]
    assert found[0].message.startswith("group score 7.52分 (管理效率) does not match the sum of its items "
                                       "4分 + 3.42分 = [7.4100, 7.4300]")
    assert lint_text(GROUP.replace("7.42分", "7.4分"), ["SCO"]) == []  # a rounded summary
    assert brief(lint_text(GROUP.replace("分值10分", "分值12分"), ["SCO"])) == [("SCO006", 2, 19, "error")]
    # whole points only: exact
    whole = GROUP.replace("7.42分", "8分").replace("3.42分", "3分")
    assert brief(lint_text(whole, ["SCO"])) == [("SCO005", 2, 27, "error")]


OVERALL = ("部门整体自评得分为41.50分，整体效能得分28分。\n一级指标\t二级指标\t分值\t得分\n"
           "履职效能\t整体效能\t30\t28.00\n管理效率\t预算编制\t5\t5.00\n\t预算执行\t10\t8.50\n")


def test_overall_score_in_prose_against_the_score_table(lint_text):
    assert lint_text(OVERALL, ["SCO007"]) == []
    found = lint_text(OVERALL.replace("41.50分", "43.50分"), ["SCO007"])
    assert brief(found) == [("SCO007", 1, 10, "error")]
    assert "28.00 + 5.00 + 8.50 = [41.4850, 41.5150]" in found[0].message
    # a 合计 row is the table's total; a second score table makes the reference ambiguous
    total = OVERALL + "合计\t\t45\t40.50\n"
    assert brief(lint_text(total, ["SCO007"])) == [("SCO007", 1, 10, "error")]
    assert lint_text(total + "\n二、项目得分\n项目\t得分\n甲\t9.00\n", ["SCO007"]) == []


def test_table_score_items_do_not_leak_into_the_prose_items():
    from crossfoot.analysis import Analysis
    from crossfoot.tables import scores

    text = "1. 预算编制情况。该指标分值5分，自评得分4分。\n指标\t分值\t得分\n预算执行\t10\t8.50\n"
    analysis = Analysis(parse(text, "t.txt"))
    assert [i.name for i in scores.items(analysis, ("分值",), ("得分",))] == ["预算编制", "预算执行"]
    assert [i.name for i in scores.prose_items(analysis)] == ["预算编制"]
