"""Document-level consistency: counts against the items listed after them (exact findings, hard negatives)."""

from __future__ import annotations

from helpers import brief
from hypothesis import given, settings
from hypothesis import strategies as st

LIST = "专项资金下设四个二级项目，包括实验室建设专项、创新中心建设专项和平台建设资助专项、人才专项。"


def test_a_count_matches_its_distinct_items(lint_text):
    assert lint_text(LIST, ["DOC"]) == []
    found = lint_text(LIST.replace("四个", "五个"), ["DOC"])
    assert brief(found) == [("DOC001", 1, 7, "error")]
    assert found[0].message == "count 五个二级项目 does not match the 4 distinct items listed after it (4 listed)"
    assert [s.column for s in found[0].related] == [16, 24, 33, 42]


def test_a_repeated_item_and_a_list_broken_across_paragraphs(lint_text):
    text = "专项资金下设九个二级项目，包括实验室建设专项、创新中心建设专项和孵化\n\n育成体系扶持专项、实验室建设专项。\n"
    found = lint_text(text, ["DOC"])
    assert brief(found) == [("DOC001", 1, 7, "error")]
    assert found[0].message == ("count 九个二级项目 does not match the 3 distinct items listed after it "
                                "(4 listed; listed more than once: 实验室建设专项)")
    assert [(s.line, s.column) for s in found[0].related[2:]] == [(1, 33), (3, 10)]
    # the same list with its count right: a repeat alone is not a count mismatch
    assert lint_text(text.replace("九个", "三个"), ["DOC"]) == []


def test_open_lists_amounts_and_far_openers_are_not_counts(lint_text):
    assert lint_text(LIST.replace("人才专项。", "人才专项等。").replace("四个", "九个"), ["DOC"]) == []
    assert lint_text("共涌现技术能手1803名（分别为442名、418名、943名）。", ["DOC"]) == []
    far = "共有单位10个，与上年相比减少1个，减少的单位为：甲中心、乙中心、丙中心。"
    assert lint_text(far, ["DOC"]) == []
    nested = ("预算单位共10个：本部，以及归口管理的9个下属事业单位，分别是：一中心、二中心、三中心、四中心、"
              "五中心、六中心、七中心、八中心、九中心。")
    assert lint_text(nested, ["DOC"]) == []


CN = "零一二三四五六七八九十"


@settings(max_examples=40, deadline=None)
@given(names=st.lists(st.text("甲乙丙丁戊己庚辛壬癸天地玄黄宇宙", min_size=2, max_size=5), min_size=3, max_size=9,
                      unique=True), shift=st.sampled_from([-2, -1, 1, 2]), arabic=st.booleans())
def test_property_count_of_a_generated_list(lint_text, names, shift, arabic):
    """A list of n distinct project names announced as n items is clean; announced as n ± k, one finding on
    the count."""
    def said(n):
        return f"{n}个" if arabic else f"{CN[n]}个" if n <= 10 else f"{n}个"

    items = "、".join(f"{n}专项" for n in names)
    text = f"本部门资金下设{said(len(names))}项目，包括{items}。"
    assert lint_text(text, ["DOC"]) == []
    wrong = len(names) + shift
    if wrong < 2:
        return
    found = lint_text(text.replace(said(len(names)), said(wrong), 1), ["DOC"])
    assert brief(found) == [("DOC001", 1, 8, "error")]
    assert found[0].computed == str(len(names))


HEADINGS = ("一、部门基本情况\n（一）部门职能\n职能如下。\n（二）机构设置\n1.内设机构\n2.下属单位\n（三）人员情况\n"
            "二、绩效自评\n（一）自评结论\n主要原因一是规模扩大；二是标准提高；三是新增项目。\n")


def test_numbering_gaps_and_repeats(lint_text):
    assert lint_text(HEADINGS, ["DOC002"]) == []
    found = lint_text(HEADINGS.replace("（三）人员情况", "（四）人员情况"), ["DOC002"])
    assert brief(found) == [("DOC002", 7, 2, "warning")]
    assert found[0].message == "marker （四） follows （二） (line 4): （三） missing"
    found = lint_text(HEADINGS.replace("2.下属单位", "1.下属单位"), ["DOC002"])
    assert [f.message for f in found] == ["marker 1. repeats 1. (line 5)"]
    found = lint_text(HEADINGS.replace("三是新增", "二是新增"), ["DOC002"])
    assert brief(found) == [("DOC002", 10, 19, "warning")]


def test_numbering_restarts_levels_and_far_jumps_are_not_findings(lint_text):
    inner = ("（一）总体情况\n（二）分项情况\n（一）项目甲\n（二）项目乙\n（三）项目丙\n（四）项目丁\n（三）存在问题\n")
    assert lint_text(inner, ["DOC002"]) == []  # an inner list in the same style, then the outer list goes on
    assert lint_text("1.甲\n2.乙\n15\n3.丙\n", ["DOC002"]) == []
    assert lint_text("各地统一是前提，唯一是标准。二是保障。\n", ["DOC002"]) == []


def test_a_quantity_restated_with_another_value(lint_text):
    text = "2023年全市高新技术企业数量达1.2万家。\n\n经认定，2023年全市高新技术企业数量为13000家。\n"
    found = lint_text(text, ["DOC003"])
    assert brief(found) == [("DOC003", 3, 21, "warning")]
    assert found[0].message == "全市高新技术企业数量 is stated as 13000家 here but as 1.2万家 at line 1"
    assert lint_text(text.replace("13000家", "12000家"), ["DOC003"]) == []  # units and magnitudes agree
    assert lint_text(text.replace("13000家", "12,400家"), ["DOC003"]) == []  # 1.2万 is [1.15万, 1.25万]


def test_restatement_hard_negatives(lint_text):
    years = "2023年全市技术合同成交额为2645.54亿元。\n\n2022年全市技术合同成交额为2413.01亿元。\n"
    assert lint_text(years, ["DOC003"]) == []
    scopes = ("部门总支出6239.85万元，其中：人员经费支出1642.60万元，公用经费支出153.99万元。\n\n"
              "财政拨款支出6135.08万元，其中：人员经费支出1642.60万元，公用经费支出120.99万元。\n")
    assert lint_text(scopes, ["DOC003"]) == []
    bounds = "全市技术合同成交额超2.3万亿元。\n\n全市技术合同成交额超2.2万亿元。\n"
    assert lint_text(bounds, ["DOC003"]) == []
    about = "全年服务企业数量约2000家。\n\n全年服务企业数量为1950家。\n"
    assert lint_text(about, ["DOC003"]) == []
    changes = "全市研发经费投入增加120.5亿元。\n\n全市研发经费投入增加98.2亿元。\n"
    assert lint_text(changes, ["DOC003"]) == []


@settings(max_examples=40, deadline=None)
@given(cents=st.integers(100, 10**9), bump=st.integers(2, 10**6), coarse=st.booleans())
def test_property_restatement(lint_text, cents, bump, coarse):
    """The same amount restated alike (or one decimal coarser) is clean; restated off by more than
    rounding allows, one finding on the restatement."""
    from decimal import ROUND_HALF_UP, Decimal

    amount = Decimal(cents).scaleb(-2)
    again = amount.quantize(Decimal("0.1"), ROUND_HALF_UP) if coarse else amount
    text = f"2024年科技创新券兑付总量为{amount}万元。\n\n年度执行良好，2024年科技创新券兑付总量为{again}万元。\n"
    assert lint_text(text, ["DOC003"]) == []
    wrong = amount + Decimal(bump).scaleb(-1)
    head, _ = text.rsplit(f"为{again}万元", 1)
    found = lint_text(f"{head}为{wrong}万元。\n", ["DOC003"])
    assert brief(found) == [("DOC003", 3, 23, "warning")]


CONTENTS = ("目 录\n一、部门基本情况.....\t1\n（一）机构设置.....\t1\n二、绩效自评情况.....\t3\n"
            "1.优化预算支出.....\t5\n2.加快推进系统的一体化建设.....\t6\n\n"
            "一、部门基本情况\n（一）机构设置\n本部门设5个处室。\n二、绩效自评情况\n1.优化预算支出\n"
            "加快推进系统的一体化建设，增强信息化水平。\n3. 加快推进系统一体化建设\n")


def test_contents_against_body_headings(lint_text):
    found = lint_text(CONTENTS, ["DOC004"])
    assert brief(found) == [("DOC004", 6, 1, "warning")]
    assert found[0].message == "contents entry 2.加快推进系统的一体化建设 is numbered 3. in the body (line 14)"
    assert lint_text(CONTENTS.replace("3. 加快推进", "2. 加快推进"), ["DOC004"]) == []
    missing = lint_text(CONTENTS.replace("（一）机构设置\n本部门", "本部门"), ["DOC004"])
    assert [f.message for f in missing][0] == "contents entry （一）机构设置 has no heading like it in the body"
    assert len(missing) == 2


TITLED = "2022年度部门整体支出绩效自评报告\n\n"


def test_a_budget_figure_of_an_earlier_year(lint_text):
    text = TITLED + "我局组织开展全面绩效自评。2021年度市本级指标56.83亿元，实际支出数56.64亿元。\n"
    found = lint_text(text, ["DOC005"])
    assert brief(found) == [("DOC005", 3, 25, "warning")]  # one finding per sentence, on its first figure
    assert found[0].message == "56.83亿元 is attributed to 2021, but the report is about 2022 (its title, line 1)"


def test_earlier_years_that_are_comparisons_ranges_or_other_subjects(lint_text):
    for sentence in ("2022年支出合计820.50万元，较2021年支出增加62.70万元。",
                     "2019年至2021年累计支出预算资金1,520.00万元。",
                     "2020年度获国家科学技术奖22项。",
                     "2023年预算安排支出900.00万元。",
                     "与2021年相比，本年支出预算减少30.00万元。"):
        assert lint_text(TITLED + sentence + "\n", ["DOC005"]) == [], sentence


UNITS = "2023年纳入部门决算共10个单户单位（详见表1）。\n\n从单位性质看，包括1个行政单位和9个事业单位。\n"


def test_a_count_broken_down_in_a_later_paragraph(lint_text):
    assert lint_text(UNITS, ["DOC006"]) == []
    found = lint_text(UNITS.replace("9个事业", "10个事业"), ["DOC006"])
    assert brief(found) == [("DOC006", 1, 13, "error")]
    assert found[0].message == ("count 10个 does not match its breakdown 1个行政单位 + 10个事业单位 = 11 "
                                "(tolerance exact)")
    assert [(s.line, s.column) for s in found[0].related] == [(3, 10), (3, 17)]


def test_breakdown_hard_negatives(lint_text):
    unrelated = "全市共有高新技术企业100家。\n\n今年新增2家研究院和3家实验室。\n"  # nouns end unlike 企业
    assert lint_text(unrelated, ["DOC006"]) == []
    in_sentence = "共10个单位，包括1个行政单位和10个事业单位。\n"  # the sum kind's, not this one's
    assert lint_text(in_sentence, ["DOC006"]) == []
    far = UNITS.replace("\n\n", "\n\n甲。\n\n乙。\n\n丙。\n\n").replace("9个事业", "10个事业")
    assert lint_text(far, ["DOC006"]) == []


def test_a_count_against_the_rows_of_the_table_it_refers_to(lint_text):
    text = ("纳入部门决算共4个单户单位（详见表1）。\n\n表1 户数结构\n序号\t单位名称\t单位性质\n"
            "1\t本级\t行政机关\n2\t监测中心\t公益二类\n3\t情报研究所\t公益一类\n")
    found = lint_text(text, ["DOC001"])
    assert brief(found) == [("DOC001", 1, 8, "error")]
    assert found[0].message == "count 4个单户单位 does not match the 3 distinct items in 表1 (3 listed)"
    assert [s.line for s in found[0].related] == [5, 6, 7]
    assert lint_text(text.replace("共4个", "共3个"), ["DOC001"]) == []
    assert lint_text(text.replace("详见表1", "详见表2"), ["DOC001"]) == []  # no such table


POINTS = ("本年度重点做了三个方面的工作：一是完善制度建设；二是加强预算管理；三是推进信息公开。\n"
          "本年度开展了以下两项工作：\n一是组织专题培训。\n二是开展绩效评价。\n"
          "下一步将从两方面改进：一是细化目标；二是强化监控。")


def test_count_against_the_points_that_follow(lint_text):
    assert lint_text(POINTS, ["DOC001"]) == []
    found = lint_text(POINTS.replace("二是开展绩效评价。", "二是开展绩效评价。\n三是健全内控制度。"), ["DOC001"])
    assert [(f.code, f.span.line, f.span.column, f.computed) for f in found] == [("DOC001", 2, 9, "3")]
    assert [(s.line, s.column) for s in found[0].related] == [(3, 1), (4, 1), (5, 1)]
    found = lint_text(POINTS.replace("三个方面", "四个方面"), ["DOC001"])
    assert [(f.span.line, f.span.column, f.stated, f.computed) for f in found] == [(1, 8, "四个方面的工作", "3")]


def test_points_after_another_figure_or_another_numbering_are_not_counted(lint_text):
    assert lint_text("组织培训3次，参训120人次：一是讲解政策；二是案例分析。", ["DOC001"]) == []
    assert lint_text("完成2个项目的验收。一是甲项目；二是乙项目；三是丙项目。", ["DOC001"]) == []  # another sentence
    assert lint_text("明确了三项任务：二是加强监督；三是…", ["DOC001"]) == []  # not from 一是


@given(st.integers(2, 9), st.integers(2, 9), st.booleans())
def test_count_of_points_property(lint_text, stated, listed, split):
    numerals = "一二三四五六七八九"
    points = [f"{numerals[i]}是完成第{numerals[i]}项任务" for i in range(listed)]
    text = (f"今年重点推进{numerals[stated - 1]}项工作：" + ("\n" if split else "")
            + ("。\n" if split else "；").join(points) + "。")
    found = lint_text(text, ["DOC001"])
    assert [(f.code, f.computed) for f in found] == ([] if stated == listed else [("DOC001", str(listed))])


FUNDS = "\n".join([
    "表1 2024年专项资金情况表",
    "项目名称\t年初预算数（万元）\t执行数（万元）",
    "科技创新专项\t1,200.00\t1,150.00",
    "人才发展专项\t300.00\t296.40",
    "合计\t1,500.00\t1,446.40",
    "2024年科技创新专项年初预算数1,200.00万元，执行数1,150.00万元；人才发展专项执行296.40万元。",
])


def test_prose_restating_a_table_row(lint_text):
    assert lint_text(FUNDS, ["DOC008"]) == []
    found = lint_text(FUNDS.replace("专项年初预算数1,200.00万元", "专项年初预算数1,250.00万元"), ["DOC008"])
    line = FUNDS.splitlines()[-1]
    assert [(f.span.line, f.span.column, f.stated, f.computed) for f in found] == [
        (6, line.index("1,200.00") + 1, "1,250.00万元", "1,200.00万元")]
    assert [(s.line, s.column) for s in found[0].related] == [(3, 8)]
    found = lint_text(FUNDS.replace("专项执行296.40", "专项执行269.40"), ["DOC008"])
    assert [f.computed for f in found] == ["296.40万元"]  # the column its label names
    assert lint_text(FUNDS.replace("执行数1,150.00万元", "执行数1,105.00万元"), ["DOC008"]) == []  # no row named


def test_table_restatement_hard_negatives(lint_text):
    assert lint_text(FUNDS.replace("2024年科技", "2023年科技").replace("1,200.00万元", "1,100.00万元"),
                     ["DOC008"]) == []  # another year than the table's
    assert lint_text(FUNDS.replace("（万元）", "").replace("1,200.00万元", "1,100.00万元"),
                     ["DOC008"]) == []  # the table does not say its unit
    assert lint_text(FUNDS.replace("年初预算数1,200.00万元", "共1,100.00万元"), ["DOC008"]) == []  # which column?
    twice = FUNDS + "\n表2 资金明细表\n项目名称\t金额（万元）\n科技创新专项\t1,200.00"
    assert lint_text(twice.replace("1,200.00万元", "1,100.00万元"), ["DOC008"]) == []  # a row of two tables
    assert lint_text(FUNDS.replace("1,200.00万元", "1,200万元"), ["DOC008"]) == []  # rounded to the 万元


def test_a_template_alternative_left_in_before_its_figure(lint_text):
    text = "三公经费比上年减少0.15万元，下降（增长）27.78%。\n收入增加/减少 5.00万元。"
    found = lint_text(text, ["DOC009"])
    assert brief(found) == [("DOC009", 1, 17, "warning"), ("DOC009", 2, 3, "warning")]
    assert found[0].message == "template alternative 下降（增长） is left in: keep one of the two; the sentence says 减少: keep 下降"
    assert [(s.line, s.column) for s in found[0].related] == [(1, 23)]
    assert found[1].message == "template alternative 增加/减少 is left in: keep one of the two"


def test_alternatives_that_are_no_leftover(lint_text):
    assert lint_text("三公经费比上年减少0.15万元，下降27.78%。", ["DOC009"]) == []
    assert lint_text("本年增加（减少）-5.00万元。", ["DOC009"]) == []  # the sign chooses, as in accounts
    assert lint_text("增加（减少）的原因，是采购5.00万元。", ["DOC009"]) == []  # no figure of its own
    assert lint_text("项目\t本年增（减）\n办公费\t5.00\n", ["DOC009"]) == []  # a table's header
    assert lint_text("增减变动（增减）2.00万元。", ["DOC009"]) == []  # not a pair of opposites


@settings(max_examples=40, deadline=None)
@given(pair=st.sampled_from([("增加", "减少"), ("增长", "下降"), ("上升", "下降"), ("提高", "降低")]),
       flip=st.booleans(), form=st.sampled_from(["{a}（{b}）", "{a}({b})", "{a}/{b}"]),
       value=st.decimals(min_value=1, max_value=9999, places=2))
def test_template_alternative_property(lint_text, pair, flip, form, value):
    a, b = reversed(pair) if flip else pair
    chosen = f"支出比上年{a}{value}万元。"
    assert lint_text(chosen, ["DOC009"]) == []
    left = f"支出比上年{form.format(a=a, b=b)}{value}万元。"
    assert brief(lint_text(left, ["DOC009"])) == [("DOC009", 1, 6, "warning")]
