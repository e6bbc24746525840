"""Layouts and phrasings of other provinces' templates: each consistent report gives no warning or error,
and the same report with one figure changed gives the finding on that figure (where a check reads it).

Written for the false alarms an outside hunt found on layouts crossfoot had not met (行次 columns, 栏次
rows, a unit in a row of the grid, 1./（1） and （类）（款）（项） levels, indentation, a hierarchy whose levels
each sum to the total, 续表, a bonus row after the last 小计, named wholes and parts of shares, a stated
prior year, a 三公 sentence stating its 预算 before its 决算, another name of a standard table)."""

import re

import pytest

from crossfoot import engine
from crossfoot.ingest.text import parse
from crossfoot.model import Severity

CHECKS = engine.load()

CASES = {
    "行次 columns in side-by-side panels": (
        "表1 收入支出决算总表\n单位：万元\n收入\t\t\t支出\t\t\n项目\t行次\t金额\t项目\t行次\t金额\n"
        "一、一般公共预算财政拨款收入\t1\t100.00\t一、一般公共服务支出\t7\t90.00\n"
        "二、事业收入\t2\t0.00\t二、住房保障支出\t8\t25.00\n三、其他收入\t3\t20.00\t\t\t\n"
        "本年收入合计\t4\t120.00\t本年支出合计\t9\t115.00\n"
        "年初结转和结余\t5\t5.00\t年末结转和结余\t10\t10.00\n总计\t6\t125.00\t总计\t11\t125.00\n",
        ("120.00\t本年支出合计", "130.00\t本年支出合计"), "TAB001"),
    "a 栏次 row under the header": (
        "表3 支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n栏次\t\t1\t2\t3\n"
        "合计\t\t300.00\t200.00\t100.00\n201\t一般公共服务支出\t250.00\t150.00\t100.00\n"
        "221\t住房保障支出\t50.00\t50.00\t0.00\n",
        ("\t300.00\t", "\t310.00\t"), "TAB001"),
    "the unit in a row of the grid": (
        "表3 支出决算表\n部门：某县财政局\t\t\t单位：元\n项目\t本年支出合计\t基本支出\t项目支出\n"
        "合计\t5,255,919.53\t4,284,519.53\t971,400.00\n一般公共服务支出\t5,255,919.53\t4,284,519.53\t971,400.00\n\n"
        "本年支出合计525.59万元，其中：基本支出428.45万元，项目支出97.14万元。\n",
        ("基本支出428.45万元", "基本支出438.45万元"), "BUD022"),
    "1. and （1） are two levels": (
        "表9 财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t46.00\t42.15\n"
        "1.因公出国（境）费\t5.00\t4.00\n2.公务用车购置及运行费\t35.00\t33.80\n（1）公务用车购置费\t22.00\t22.00\n"
        "（2）公务用车运行费\t13.00\t11.80\n3.公务接待费\t6.00\t4.35\n",
        ("\t13.00\t11.80", "\t13.00\t12.80"), "TAB001"),
    "names ending （类）（款）（项）": (
        "表5 一般公共预算财政拨款支出决算表\n单位：万元\n项目\t合计\t基本支出\t项目支出\n合计\t300.00\t200.00\t100.00\n"
        "文化旅游体育与传媒支出（类）\t250.00\t150.00\t100.00\n文化和旅游（款）\t250.00\t150.00\t100.00\n"
        "行政运行（项）\t150.00\t150.00\t0.00\n群众文化（项）\t100.00\t0.00\t100.00\n"
        "住房保障支出（类）\t50.00\t50.00\t0.00\n住房改革支出（款）\t50.00\t50.00\t0.00\n住房公积金（项）\t50.00\t50.00\t0.00\n",
        ("群众文化（项）\t100.00", "群众文化（项）\t110.00"), "TAB001"),
    "levels by indentation": (
        "表5 支出表\n单位：万元\n项目\t合计\n合计\t300.00\n文化旅游体育与传媒支出\t250.00\n  文化和旅游\t250.00\n"
        "    行政运行\t150.00\n    群众文化\t100.00\n住房保障支出\t50.00\n  住房改革支出\t50.00\n    住房公积金\t50.00\n",
        ("群众文化\t100.00", "群众文化\t110.00"), "TAB001"),
    "a score table whose group rows carry their subtotal": (
        "表2 部门整体支出绩效自评得分表\n一级指标\t二级指标\t分值\t得分\n履职效能\t\t50\t48.08\n\t整体效能\t35\t34.26\n"
        "\t专项效能\t15\t13.82\n管理效率\t\t50\t47.70\n\t预算编制\t10\t10\n\t资产管理\t40\t37.70\n合计\t\t100\t95.78\n",
        None, None),
    "a bonus row after the last 小计": (
        "表2 得分表\n一级指标\t二级指标\t分值\t得分\n履职效能\t整体效能\t35\t34.26\n\t专项效能\t15\t13.82\n"
        "\t小计\t50\t48.08\n管理效率\t预算编制\t10\t10\n\t资产管理\t40\t37.70\n\t小计\t50\t47.70\n"
        "加减分\t工作表现加减分\t—\t1.50\n总分\t\t100\t97.28\n",
        ("\t100\t97.28", "\t100\t98.28"), "TAB001"),
    "a 续表 line inside a table": (
        "表3 支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n合计\t\t400.00\t250.00\t150.00\n"
        "201\t一般公共服务支出\t300.00\t150.00\t150.00\n2010301\t行政运行\t150.00\t150.00\t0.00\n"
        "2010302\t一般行政管理事务\t150.00\t0.00\t150.00\n续表\n221\t住房保障支出\t100.00\t100.00\t0.00\n"
        "2210201\t住房公积金\t60.00\t60.00\t0.00\n2210203\t购房补贴\t40.00\t40.00\t0.00\n",
        ("\t400.00\t", "\t410.00\t"), "TAB001"),
    "a share of a whole named after 占": (
        "2023年度本部门政府采购支出总额899.56万元，其中：政府采购货物支出215.36万元、政府采购服务支出684.20万元。"
        "授予中小企业合同金额702.18万元，占政府采购支出总额的78.06%，其中：授予小微企业合同金额540.60万元，"
        "占政府采购支出总额的60.10%。\n",
        ("60.10%", "61.10%"), "SHR001"),
    "the part named before 占": (
        "全县一般公共预算收入289,660万元，其中：税收收入213,540万元，非税收入76,120万元，"
        "税收收入占一般公共预算收入的比重为73.72%。\n",
        ("73.72%", "72.72%"), "SHR001"),
    "a share of a total stated in the paragraph before": (
        "本年支出合计360.00万元，其中：一般公共服务支出300.00万元，住房保障支出60.00万元。\n"
        "一般公共预算财政拨款支出320.00万元，占本年支出合计的88.89%。\n",
        ("88.89%", "86.89%"), "SHR001"),
    "a prior year stated before the change": (
        "本部门2023年度机关运行经费支出85.60万元，2022年度为92.10万元，比上年减少6.50万元，下降7.06%。\n",
        ("下降7.06%", "下降7.96%"), "GRW001"),
    "a prior year stated in the sentence before": (
        "某局2023年度部门决算说明\n2023年度收入总计1,200.00万元。2022年度收入总计1,050.00万元。"
        "与上年相比，收入总计增加150.00万元，增长14.29%。\n",
        ("增长14.29%", "增长14.92%"), "GRW001"),
    "a 三公 sentence stating its 预算 before its 决算": (
        "2023年度“三公”经费财政拨款支出预算为16.00万元，支出决算为14.15万元，完成预算的88.44%。其中："
        "因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为11.80万元；公务接待费支出决算为2.35万元。\n",
        None, None),
    "the other name of the ninth 决算 table": (
        "某区档案馆2023年度部门决算\n第二部分 2023年度部门决算表\n表1 收入支出决算总表\n表2 收入决算表\n表3 支出决算表\n"
        "表4 财政拨款收入支出决算总表\n表5 一般公共预算财政拨款支出决算表\n表6 一般公共预算财政拨款基本支出决算表\n"
        "表7 财政拨款“三公”经费支出决算表\n表8 政府性基金预算财政拨款收入支出决算表\n表9 国有资本经营预算财政拨款支出决算表\n"
        "注：本部门2023年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。\n",
        None, None),
    "一般公共预算收入预算 is not the department's 收入预算": (
        "部门收入预算总表\n单位：元\n功能分类科目编码\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\n"
        "207\t文化旅游体育与传媒支出\t9,021,860.00\t8,671,860.00\t350,000.00\n合计\t\t9,021,860.00\t8,671,860.00\t350,000.00\n\n"
        "2025年度财政拨款收入预算867.19万元，其中：一般公共预算收入预算867.19万元。\n",
        None, None),
    "收入、支出总计均为: two subjects, not one quantity twice": (
        "一、收入支出决算总体情况说明\n2023年度收入、支出总计均为1777.77万元。\n二、财政拨款收入支出决算总体情况说明\n"
        "2023年度财政拨款收入、支出总计均为1725.12万元。\n",
        None, None),
    "an exception that names the indicator": (
        "除“培训基层医务人员”指标外，各项指标均完成年度目标。\n表3 部门整体绩效目标完成情况表\n"
        "一级指标\t二级指标\t三级指标\t年度目标值\t实际完成值\t完成率\n"
        "产出指标\t数量指标\t开展健康教育讲座\t≥120场\t135场\t100%\n"
        "产出指标\t数量指标\t培训基层医务人员\t≥800人次\t756人次\t94.50%\n"
        "产出指标\t数量指标\t发放宣传资料\t≥500份\t520份\t104.00%\n",
        None, None),
    "a 三公 table printed as 预算数 and 决算数 panels": (
        "表9 财政拨款“三公”经费支出决算表\n单位：万元\n预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n"
        "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
        "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
        "16.00\t0.00\t13.00\t0.00\t13.00\t3.00\t14.15\t0.00\t11.80\t0.00\t11.80\t2.35\n\n"
        "2023年度“三公”经费财政拨款支出决算为14.15万元。其中：公务用车购置及运行费支出决算为11.80万元；"
        "公务接待费支出决算为2.35万元。\n",
        ("公务接待费支出决算为2.35万元", "公务接待费支出决算为2.53万元"), "BUD014"),
    "机关运行经费 printed beside the 三公 total": (
        "“三公”经费和机关运行经费预算表\n单位：元\n“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t机关运行经费预算数\n"
        "\t\t小计\t购置费\t运行费\t\t\n80,000.00\t0.00\t60,000.00\t0.00\t60,000.00\t20,000.00\t759,920.00\n",
        ("80,000.00", "90,000.00"), "TAB001"),
    "the note of an empty table under its own caption": (
        "表6 一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t80.00\n"
        "302\t商品和服务支出\t20.00\n合计\t\t100.00\n\n表7 政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
        "科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t年末结转和结余\n合计\t\t\t\t\t\n"
        "注：本部门2023年度没有使用政府性基金预算财政拨款安排的支出，故本表无数据。\n",
        None, None),
    "无增减 in the clause before": (
        "公务用车运行维护费15万元，较上年无增减；公务接待费3万元，比上年增加2万元。\n", None, None),
    "a list in parentheses inside a listing": (
        "“三公”经费支出决算数为12.35万元。其中，因公出国（境）费0万元；公务用车购置及运行维护费10.15万元"
        "（其中：公务用车购置费0万元；公务用车运行维护费10.15万元）；公务接待费2.20万元。\n",
        ("公务接待费2.20万元", "公务接待费3.20万元"), "SUM001"),
    "主要用于 after a listing whose parts say 公共": (
        "2025年度本部门项目支出预算1,620.00万元，其中：一般公共预算1,450.00万元，政府性基金预算120.00万元，"
        "其他资金50.00万元。主要用于公共文化服务体系建设650.00万元、非物质文化遗产保护400.00万元、文化设施维修120.00万元、"
        "信息化系统运维180.00万元、物业管理服务270.00万元。\n",
        ("物业管理服务270.00万元", "物业管理服务970.00万元"), "SUM001"),
    "a target written in 万 is an exact threshold": (
        "表3 绩效目标完成情况表\n一级指标\t二级指标\t三级指标\t年度目标值\t实际完成值\t完成率\n"
        "产出指标\t数量指标\t发放宣传资料\t≥2万份\t2.3万份\t115.00%\n"
        "效益指标\t社会效益指标\t受益群众\t≥2万人次\t2.4万人次\t120.00%\n",
        ("115.00%", "125.00%"), "TAB008"),
    "a 其中 column breaks down the column before it": (
        "表2 收入决算表\n单位：万元\n项目\t本年收入合计\t财政拨款收入\t其中：政府性基金\t事业收入\t其他收入\n"
        "合计\t1182.87\t1135.37\t320.00\t0.00\t47.50\n一般公共服务支出\t757.95\t710.45\t0.00\t0.00\t47.50\n"
        "社会保障和就业支出\t60.12\t60.12\t0.00\t0.00\t0.00\n城乡社区支出\t320.00\t320.00\t320.00\t0.00\t0.00\n"
        "住房保障支出\t44.80\t44.80\t0.00\t0.00\t0.00\n",
        ("\t60.12\t60.12\t", "\t61.12\t60.12\t"), "TAB001"),
    "分值 and 得分 of each group in prose": (
        "本部门2023年度部门整体支出绩效自评得分95.78分。其中，履职效能分值50分，得分48.08分；"
        "管理效率分值50分，得分47.70分。\n",
        ("得分47.70分", "得分46.70分"), "SUM001"),
    "a 款 name with a parenthesis of its own": (
        "表5 一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
        "合计\t\t185.00\t185.00\t0.00\n201\t一般公共服务支出\t185.00\t185.00\t0.00\n"
        "20103\t政府办公厅（室）及相关机构事务\t185.00\t185.00\t0.00\n2010301\t行政运行\t175.00\t175.00\t0.00\n"
        "2010350\t事业运行\t10.00\t10.00\t0.00\n\n"
        "1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。支出决算为175.00万元。\n",
        None, None),
    "a 项目支出绩效自评表, its 总分 counting the 预算执行率 score above": (
        "2023年度项目支出绩效自评表\n项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "年度资金总额\t320.00\t356.00\t338.45\t10\t95.07%\t9.51\n其中：当年财政拨款\t300.00\t336.00\t320.15\t—\t95.28%\t—\n"
        "上年结转资金\t20.00\t20.00\t18.30\t—\t91.50%\t—\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t举办公益文化活动场次\t≥50场\t56场\t30\t30\n"
        "产出指标\t质量指标\t活动安全事故发生率\t0\t0\t20\t20\n效益指标\t社会效益指标\t群众参与人次\t≥2万人次\t2.3万人次\t30\t30\n"
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95.6%\t10\t10\n总分\t\t\t\t\t100\t99.51\n",
        ("\t100\t99.51", "\t100\t95.51"), "TAB001"),
    "a negative 增减额 column over 类, 款 and 项": (
        "表5 支出表\n单位：万元\n科目编码\t科目名称\t上年数\t本年数\t增减额\n合计\t\t324.53\t300.00\t-24.53\n"
        "201\t一般公共服务支出\t324.53\t300.00\t-24.53\n20103\t政府办公厅（室）及相关机构事务\t324.53\t300.00\t-24.53\n"
        "2010301\t行政运行\t200.00\t190.00\t-10.00\n2010302\t一般行政管理事务\t124.53\t110.00\t-14.53\n",
        None, None),
}


def _loud(text: str):
    found = engine.run(parse(text, "t.txt"), CHECKS)
    return [f for f in found if f.severity >= Severity.WARNING]


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_consistent_report_of_this_layout_gives_nothing(name):
    text, _, _ = CASES[name]
    found = _loud(text)
    assert found == [], [f"{f.code} {f.span.line}:{f.span.column} {f.message}" for f in found]


@pytest.mark.parametrize("name", sorted(n for n in CASES if CASES[n][1]))
def test_the_same_layout_with_one_figure_changed_is_found(name):
    text, (was, now), code = CASES[name]
    assert was in text
    broken = text.replace(was, now, 1)
    changed = next(m.group() for m in re.finditer(r"\d[\d,.]*%?", now) if m.group() not in was)
    found = _loud(broken)
    assert any(f.code == code for f in found), [f"{f.code} {f.message}" for f in found]
    assert all(any(changed in figure for figure in f.figures) for f in found if f.code == code)
