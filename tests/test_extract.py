"""Figure extraction: a table of tricky spellings, and what must never become a figure."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from crossfoot.figures.extract import extract, malformed
from crossfoot.ingest.text import _shown, _wrap_width, parse


def figures(text: str):
    return extract(parse(text).blocks[0])


CASES = [
    # text, figure text, value, decimals, unit, qualifier
    ("收入合计617,056.54 万元。", "617,056.54 万元", "617056.54", 2, "万元", ""),
    ("支出435814.25万元", "435814.25万元", "435814.25", 2, "万元", ""),
    ("１２３．４５万元", "１２３．４５万元", "123.45", 2, "万元", ""),
    ("下降－12.5%", "－12.5%", "-12.5", 1, "%", ""),
    ("增长 -3.2%", "-3.2%", "-3.2", 1, "%", ""),
    ("占比 94.10%", "94.10%", "94.10", 2, "%", ""),
    ("达 12.2％", "12.2％", "12.2", 1, "%", ""),
    ("千分之六", "千分之六", "6", 0, "‰", ""),
    ("百分之三十", "百分之三十", "30", 0, "%", ""),
    ("比上年下降2.1个百分点", "2.1个百分点", "2.1", 1, "个百分点", ""),
    ("共十七个处室", "十七个", "17", 0, "个", ""),
    ("九个二级项目", "九个", "9", 0, "个", ""),
    ("一百零五家", "一百零五家", "105", 0, "家", ""),
    ("两家企业", "两家", "2", 0, "家", ""),
    ("1.2万家企业", "1.2万家", "12000", -3, "家", ""),
    ("3.01万人参加", "3.01万人", "30100", -2, "人", ""),
    ("超 2.3万亿元", "2.3万亿元", "2.3", 1, "万亿元", "ge"),
    ("16.5亿元", "16.5亿元", "16.5", 1, "亿元", ""),
    ("3000 多名外国专家", "3000 多名", "3000", 0, "名", "ge"),
    ("举办10余场", "10余场", "10", 0, "场", "ge"),
    ("1万余家企业", "1万余家", "10000", -4, "家", "ge"),
    ("举办二期培训班", "二期", "2", 0, "期", ""),  # sessions, counted
    # a count of 万 before the rest of the amount, as national statistics write (wave w)
    ("规模为3万4993.1亿元", "3万4993.1亿元", "34993.1", 1, "亿元", ""),
    ("分别为1万301.5亿元", "1万301.5亿元", "10301.5", 1, "亿元", ""),
    ("收入21万6784亿元，", "21万6784亿元", "216784", 0, "亿元", ""),
    ("参保12万3456人", "12万3456人", "123456", 0, "人", ""),
    ("约3万4993亿元", "3万4993亿元", "34993", 0, "亿元", "about"),
    # an amount in 亿 then 万, or in 兆 then 亿 (Taiwan's trillion), one figure in 亿元 (wave j1)
    ("收入405亿9629万元，", "405亿9629万元", "405.9629", 4, "亿元", ""),
    ("增加15亿2344.5万元", "15亿2344.5万元", "15.23445", 5, "亿元", ""),
    ("岁入决算数2兆749亿元，", "2兆749亿元", "20749", 0, "亿元", ""),
    # traditional money units in a line too short to be converted whole (wave u1)
    ("完成63615萬元，", "63615萬元", "63615", 0, "万元", ""),
    ("余额12.5億元", "12.5億元", "12.5", 1, "亿元", ""),
    ("达2兆8,818亿元以上", "2兆8,818亿元以上", "28818", 0, "亿元", "ge"),
    # a justified line's blanks before a money unit or % (wave m3); not before another word
    ("减少2415.45   万元，", "2415.45   万元", "2415.45", 2, "万元", ""),
    ("下降34    %。", "34    %", "34", 0, "%", ""),
    ("近40%", "40%", "40", 0, "%", "about"),
    ("约4400亿元", "4400亿元", "4400", 0, "亿元", "about"),
    ("逾 300 人次", "300 人次", "300", 0, "人次", "ge"),
    ("不少于30项", "30项", "30", 0, "项", "ge"),
    ("≥95%", "95%", "95", 0, "%", "ge"),
    ("≤5%", "5%", "5", 0, "%", "le"),
    ("100人以上", "100人以上", "100", 0, "人", "ge"),
    ("50万元以内", "50万元以内", "50", 0, "万元", "le"),
    ("节约62.70万元", "62.70万元", "62.70", 2, "万元", ""),
    ("14,8134.51 万元", "14,8134.51 万元", "148134.51", 2, "万元", ""),
    ("改造公厕24座", "24座", "24", 0, "座", ""),
    ("结算1,872笔", "1,872笔", "1872", 0, "笔", ""),
    ("造林2000亩", "2000亩", "2000", 0, "亩", ""),
    ("发放苗木50万株", "50万株", "5.0E+5", -4, "株", ""),
    ("建设高标准农田1.2万亩", "1.2万亩", "1.2E+4", -3, "亩", ""),
    ("治理3.5公顷", "3.5公顷", "3.5", 1, "公顷", ""),
    ("修缮档案7,200卷", "7,200卷", "7200", 0, "卷", ""),
    ("培训时长120小时", "120小时", "120", 0, "小时", ""),
    ("收入2\u00a0781.74万元", "2\u00a0781.74万元", "2781.74", 2, "万元", ""),  # Word's no-break space (wave w67c)
    ("支出12\u202f345\u202f678.90元", "12\u202f345\u202f678.90元", "12345678.90", 2, "元", ""),  # a thin space
]


@pytest.mark.parametrize(("text", "shown", "value", "decimals", "unit", "qualifier"), CASES)
def test_spellings(text, shown, value, decimals, unit, qualifier):
    found = figures(text)
    assert len(found) == 1, found
    f = found[0]
    assert (f.text.replace("\n", ""), f.value, f.decimals, f.unit, f.qualifier) == (
        shown, Decimal(value), decimals, unit, qualifier)


def test_fractions_are_exact_ratios():
    third = figures("占比超过 1/3")[0]
    assert third.unit == "" and third.qualifier == "ge" and abs(third.value - Decimal(1) / 3) < Decimal("1e-20")
    assert figures("三分之一")[0].value == third.value


@pytest.mark.parametrize("text", [
    "2022年", "2022 年度", "2021-2024年", "1-3月", "5月11日", "（粤办发〔2018〕101号）", "第3条", "表1", "图11所示",
    "附件2", "1.机构设置", "（1）拟订规划", "联系电话：020-83163338", "https://www.gd.gov.cn/a/123.html",
    "5G射频", "GB2312", "部门预算编码 163001", "见2.1.3节", "一是加强", "十分重要", "目录.....\t13",
    "土地综合整治项目一期", "二期工程已完工",  # a phase's name (wave x4)
    "2015年比201423.45万元",  # a year run into an amount, its 年 lost by a copy (wave v3)
])
def test_not_quantities(text):
    assert figures(text) == []


def test_a_five_digit_amount_after_a_comparison_is_read_when_no_year_near_it_is_named():
    """较20123.45万元 in a report of 2023 is an amount; 2015年比201423.45万元 a year that lost its 年."""
    assert [f.text for f in figures("2023年度收入总计24,000.00万元，较20123.45万元增加3,976.55万元")] \
        == ["24,000.00万元", "20123.45万元", "3,976.55万元"]


def test_a_no_break_space_grouping_thousands_survives_a_word_pieces_cleaning_and_no_other_does():
    from crossfoot.ingest.layout import clean

    assert clean("收入2\u00a0781.74万元，\u00a0其中") == "收入2\u00a0781.74万元， 其中"
    assert clean("第3\u00a0781号") == "第3 781号"  # (no decimal part: no amount's grouping)


def test_positions_are_code_points_on_the_source_line():
    doc = parse("标题\n\n本部门收入合计１２３．４５万元，增长 5%。")
    f = extract(doc.blocks[1])[0]
    assert (f.span.line, f.span.column, f.span.end_column) == (3, 8, 16)


def test_wrapped_lines_keep_each_line_position():
    lines = ["本部门年度收入合计为一千万元以上的单位共计有若干家一" for _ in range(30)]
    lines[10] = "本部门年度收入合计为一千万元以上的单位支出合计为 1,23"
    lines[11] = "4.56 万元，占比很高。"
    doc = parse("\n\n".join(lines))
    f = next(f for b in doc.blocks for f in extract(b) if f.unit == "万元")
    assert f.value == Decimal("1234.56")
    assert (f.span.line, f.span.column, f.span.end_line) == (21, 26, 23)


def test_a_line_ending_mid_sentence_goes_on_in_the_next():
    # a short text (no dominant wrap width): a line ending in ， or 、 still continues past the blank line
    doc = parse("其中：其他商品和服务支出 521,728.73 万元，\n\n占比 94.10%，委托业务费 16,574.62 万元。\n二、其他")
    assert [b.text for b in doc.blocks] == [
        "其中：其他商品和服务支出 521,728.73 万元，占比 94.10%，委托业务费 16,574.62 万元。", "二、其他"]
    assert doc.blocks[0].text.index("占比") == 27
    assert (doc.blocks[0].span(27, 29).line, doc.blocks[0].span(27, 29).column) == (3, 1)  # its own place
    # but a list item after it opens a paragraph of its own, and so does a table row or a heading
    items = parse("主要包括：甲、乙、\n（一）丙\n1. 丁，\n项目\t金额\n## 标题，\n| 项目 | 金额 |")
    assert [b.text for b in items.blocks] == ["主要包括：甲、乙、", "（一）丙", "1. 丁，", "项目\t金额", "标题，",
                                              "| 项目 | 金额 |"]


def test_labels_are_the_words_before_the_figure():
    found = figures("本部门决算收入合计 617,056.54 万元，为年初预算的 342.35%")
    assert [f.label for f in found] == ["本部门决算收入合计", "为年初预算"]


def test_malformed_grouping():
    assert malformed(figures("14,8134.51万元")[0])
    assert not malformed(figures("148,134.51万元")[0])


def test_html_tables_in_markdown_are_rows_on_their_grid_with_source_positions():
    """MinerU writes a PDF's tables as HTML inside the Markdown, a whole table on one line or spread over
    several; a merged cell gives its text once and empty cells where it spans."""
    one_line = ("# 标题\n<table><tr><td>项目</td><td>金额</td></tr>"
                "<tr><td>合计</td><td>1,200.00</td></tr></table>\n正文。")
    doc = parse(one_line)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "标题"), ("row", "项目\t金额"), ("row", "合计\t1,200.00"), ("paragraph", "正文。")]
    f = extract(doc.blocks[2])[0]
    column = one_line.split("\n")[1].index("1,200.00") + 1
    assert (f.span.line, f.span.column, f.span.end_column) == (2, column, column + 8)
    spread = ("<TABLE>\n<tr><th rowspan=\"2\">项目</th><th colspan=\"2\">预算数</th></tr>\n"
              "<tr><th>年初</th><th>全年</th></tr>\n<tr><td>合计</td>\n  <td>$97.52\\%$</td><td>3</td></tr>\n"
              "</table>")
    doc = parse(spread)
    assert [b.text for b in doc.blocks] == ["项目\t预算数\t", "\t年初\t全年", "合计\t97.52%\t3"]
    f = extract(doc.blocks[2])[0]
    assert (f.text, f.span.line, f.span.column) == ("97.52%", 5, 8)
    # a table never closed (a file cut off): its rows as far as a cell's tag goes, the rest text
    assert [b.text for b in parse("<table><tr><td>1</td></tr>\n未闭合").blocks] == ["1", "未闭合"]


def test_pandoc_grid_tables_are_rows_with_wrapped_cells_joined():
    grid = ("+------+--------+\n| 项目 | 金额   |\n+======+========+\n| 合计 | 1,234. |\n|      | 56     |\n"
            "+------+--------+\n| 项目支出（含 | 9.00 |\n| 专项）       |      |\n+------+--------+\n正文。")
    doc = parse(grid)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("row", "项目\t金额"), ("row", "合计\t1,234.56"), ("row", "项目支出（含专项）\t9.00"), ("paragraph", "正文。")]
    f = extract(doc.blocks[1])[0]
    assert (f.value, f.span.line, f.span.column, f.span.end_line) == (Decimal("1234.56"), 4, 8, 5)


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fold(paragraph: str, width: int) -> list[str]:
    """A paragraph wrapped as a converter wraps it at ``width`` columns (a 汉字 two)."""
    lines, line = [], ""
    for ch in paragraph:
        if _columns(line + ch) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


@pytest.mark.parametrize("width", [62, 70, 76, 84])
def test_text_wrapped_at_a_width_in_columns_is_measured_in_columns(width):
    """A text wrapped at a width in columns (a 汉字 two, a digit one): its lines of figures hold more
    characters than its lines of words, all as wide; the wrap width is found in columns, and a line of
    figures and words stopping mid-sentence at the margin goes on (three points listed, not two)."""
    fillers = ["2023年度收入总计5,423.11万元，其中本年收入5,108.66万元，年初结转和结余314.45万元。",
               "年末在职人员62人，其中行政人员28人，参公事业人员34人；退休人员35人，较上年增加3人。",
               "基本支出4,012.86万元，其中人员经费3,206.45万元、公用经费806.41万元；项目支出1,409.25万元。",
               "本单位严格执行预算管理制度，加强资金使用监管，提高财政资金使用效益，确保各项工作任务顺利完成。"]
    points = ("全年重点做了三个方面工作：一是完成中小河流治理12.6公里；二是完成病险水库除险加固4座；"
              "三是完成农村供水工程维修养护，受益人口8.3万人。")
    paragraphs = fillers * 4 + [points] + fillers * 2
    lines = [line for p in paragraphs for line in [*_fold(p, width), ""]]
    assert _wrap_width(lines) == (width, _shown)
    assert points in [b.text for b in parse("\n".join(lines)).blocks]


def test_a_table_row_laid_out_at_the_wrap_width_is_not_joined_to_the_next():
    """pdftotext -layout prose wrapped at 44 汉字, then a table whose rows reach that width: a row ends at
    its last column, not mid-sentence (150,000 | 208 …: no figure 150,000208), and a row read as prose
    stays a line of its own."""
    prose = ("本部门部门预算包括局机关以及下属两家预算单位的综合收支计划，收入预算和支出预算均按照区财政局的统一部署编制，"
             "坚持量入为出、收支平衡的原则，优先保障人员工资和机构正常运转的需要，统筹安排重点项目支出。") * 12
    rows = ["208            社会保障和就业支出              107,314,820    101,704,820     5,460,000         150,000",
            "208   02       民政管理事务                     20,699,550     20,699,550",
            "208   10       社会福利                         86,615,270     81,005,270     5,460,000         150,000"]
    text = "\n".join([prose[i:i + 44] for i in range(0, len(prose), 44)] + ["", "类     款    项", ""]
                     + [line for row in rows for line in (row, "")])
    assert _wrap_width(text.split("\n"))[0] == 44
    doc = parse(text, "layout.txt")
    assert [b.text for b in doc.blocks[-3:]] == rows


def test_a_figure_cut_at_a_line_end_in_a_line_without_a_comma_goes_on():
    """Plain pdftotext breaks 2,418.30 after 2,4 in a line whose only stops are 、 and 。: one figure."""
    doc = parse("服务预算2,356.80万元、工程预算0万元。本部门预留政府采购项目预算金额2,4\n18.30万元，其中，预留给小型企业的预算为1,986.40万元。\n")
    assert len(doc.blocks) == 1
    assert [f.text for f in figures(doc.blocks[0].text) if "预留政府采购" in f.label] == ["2,418.30万元"]


def test_a_sentence_broken_between_a_name_and_its_amount_goes_on():
    """A PDF's prose broken after a name, its amount opening the next line (…其中:基本支出 | 2,065,405.42 元,
    项目支出 0元。): one sentence, so the 其中 parts are read; a table's name over its figure (no comma, no
    unit) stays apart."""
    doc = parse("初中教育支出 2,065,405.42 元,其中:基本支出\n2,065,405.42 元,项目支出 0元。主要用于工资。\n"
                "基本支出\n2,065,405.42\n")
    assert [b.text for b in doc.blocks] == [
        "初中教育支出 2,065,405.42 元,其中:基本支出2,065,405.42 元,项目支出 0元。主要用于工资。", "基本支出", "2,065,405.42"]


_JUSTIFIED = [  # a PDF page's prose in a proportional font, justified: lines of figures hold more characters
    "3",
    "(一)农林水支出类科目 4,716,205.36 元,占支出总预算",
    "71.27%,同比增加 2,410,662.45 元,增长 104.06%。",
    "(二)城乡社区和公共服务支出类科目 447,608.56 元,占支",
    "出总预算 6.8%,同比增加 275,204.72 元,增长 160.2%。",
    "(三)节能环保支出类科目 65,263.54 元,占支出总预",
    "算2.8%,同比增加 80,139.14 元,增长 94.2%。",
    "(四)交通运输支出类科目 38,178.92 元,占支出总预",
    "算4.83%,同比增加 178,876.04 元,增长 137.4%。",
    "四、财政拨款收支预算情况说明",
    "2024 年财政拨款收支总预算 6,947,376.08 元。收入包",
    "括:一般公共预算拨款 6,924,308.84 元、上年结转结余",
    "23,067.24 元;支出包括:农林水支出 4,716,205.36 元、城乡",
    "社区和公共服务支出 447,608.56 元、节能环保支出 165,263.54",
    "元、交通运输支出 308,178.92 元。",
    "五、一般公共预算支出情况说明",
    "2024 年本年一般公共预算拨款支出 6,924,308.84 元,",
    "其中:基本支出 6,924,308.84 元,项目支出 0元,具体支出",
    "预算如下:",
    "(一)一般公共预算支出按支出功能分类科目划分。",
    "农业农村支出 1,955,295.32 元,其中:基本支出",
    "1,955,295.32 元,项目支出 0元。主要用于单位职工工资",
    "福利支出、按统一规定的开支标准安排的办公费、培训费、",
    "差旅费等日常公用经费支出。",
    "林业草原支出 2,607,522.40 元,其中:基本支出",
    "2,607,522.40 元,项目支出 0元。主要用于单位职工工资",
]


def test_a_proportional_fonts_lines_are_joined_whatever_their_character_counts():
    """A PDF's justified prose in a proportional font: a line of figures holds more characters than a line
    of words as wide, so its lines spread around the width found in characters; a line short of it
    stopping mid-word (…元,占支 | 出总预算 6.8%) goes on all the same."""
    assert _wrap_width(_JUSTIFIED)[0] is not None
    texts = [b.text for b in parse("\n".join(_JUSTIFIED)).blocks]
    assert [t[:3] for t in texts[1:5]] == ["(一)", "(二)", "(三)", "(四)"]
    assert all(t.endswith("%。") for t in texts[1:5])


def test_a_dash_opening_a_wrapped_line_mid_sentence_is_no_item():
    """A converter's line that opens with a prose dash (…400.00万元 ⏎ ——主要用于…) goes on its sentence; a
    dash item after a list's colon, or after another dash item, opens a paragraph of its own."""
    text = ("2023年本部门认真贯彻落实各项决策部署，全年一般公共预算财政拨款支出\n"
            "合计1,000.00万元，其中：基本支出600.00万元，项目支出400.00万元\n"
            "——主要用于保障机构正常运转和完成日常工作任务，较上年有所增加。全年\n"
            "收入合计1,200.00万元，比上年增加100.00万元，主要是人员经费增加。我们\n"
            "将继续加强预算管理，提高资金使用效益，确保各项工作任务顺利完成到位。\n")
    assert len(parse(text).blocks) == 1
    listed = parse("支出合计2,000万元，其中：\n——一般公共服务支出1,650万元，增长40.78%；\n——结转下年350万元。\n")
    assert [b.text[:2] for b in listed.blocks] == ["支出", "——", "——"]


def test_a_length_in_km_is_read_but_not_an_area_or_a_speed():
    """3.75km is a length (公里); 12.5km² and 60km/h are no lengths, and are not read as km."""
    figs = extract(parse("面积12.5km²，时速60km/h，长3.75km，蓄水800m³。").blocks[0])
    assert [(f.text, f.unit) for f in figs] == [("3.75km", "km"), ("800m³", "m³")]


def test_a_count_unit_that_opens_the_next_word_is_no_unit():
    """本 after a figure counts books (120本), unless it opens the next word (5683.22 本年支出合计)."""
    assert [(f.text, f.unit) for f in figures("本年收入合计 5683.22 本年支出合计 5647.52")] == [("5683.22", ""),
                                                                                     ("5647.52", "")]
    assert [(f.text, f.unit) for f in figures("共采购图书120本，其中教辅30本。")] == [("120本", "本"), ("30本", "本")]


def test_a_layout_line_ending_in_a_figure_is_not_joined_to_the_next_lines_code():
    """pdftotext -layout prints a two-panel table's rows to the page's width; a row reaching it and ending in
    an amount (310 资本性支出  3,719,420) is no sentence wrapped there: the next row's code (31002) is not
    run into the amount (round 26)."""
    prose = ["本部门严格执行预算管理制度，加强资金使用监管，提高财政资金使用效益，确保各项工作顺利开展"] * 24
    table = ["30302 退休费                    12,519,705     30228 工会经费                  2,134,768",
             "                                               310 资本性支出                  3,719,420",
             "                                               31002 办公设备购置              3,719,420"]
    doc = parse("\n".join([*prose, "", *table]))
    values = [f.value for b in doc.blocks for f in extract(b)]
    assert Decimal("3719420") in values and not any(v > Decimal("1e9") for v in values)


@pytest.mark.parametrize(("text", "units"), [
    ("预算分别为3260.00、2845.50、640.00万元", ["万元", "万元", "万元"]),
    ("分别增长3.5、4.2和5.1%", ["%", "%", "%"]),
    ("第1、2、3项", ["", "项"]),  # ordinals, not counts
    ("2023、2024年", []),  # years
])
def test_a_lists_unit_written_once_after_its_last_number_is_each_numbers(text, units):
    assert [f.unit for f in extract(parse(text).blocks[0])] == units


@pytest.mark.parametrize("text", ["接待游客分别为3.2、4.5、5.1万人次", "分别为3、5千人", "分别为1.2万、1.5万人", "3和5万吨"])
def test_a_list_whose_last_number_has_a_magnitude_shares_no_unit(text):
    """5万人: the 万 is the last number's own, so the others keep no unit (and nothing fails to parse)."""
    figures = extract(parse(text).blocks[0])
    assert figures[-1].unit and all(not f.unit or "万" in f.text or "千" in f.text for f in figures[:-1])


def test_a_chain_of_myriads_is_no_amount():
    """1万1万1万…: each 1万 its own (no rest of an amount after any: no unit right after its digits), read
    in one pass however long the chain (code review)."""
    found = figures("收入" + "1万" * 3000 + "1元。")
    assert {f.value for f in found[:-1]} == {Decimal(10000)} and len(found) == 3000
    assert found[-1].text == "1万1元" and found[-1].value == 10001  # the last: its rest, 1元
    assert [f.text for f in figures("收入3万4993万元。")] == ["3万", "4993万元"]


def test_a_line_ending_in_a_bracket_at_the_margin_goes_on_into_its_amount():
    """A line wrapped at the margin right after a classification's bracket (社会保障和就业支出（类） ⏎
    535.33万元，占18.42%；…: w66c, the amount a line of its own, compared with the wrong table) goes on: an
    amount, its unit and a comma open no paragraph."""
    fillers = ["2023年度收入总计5,423.11万元，其中本年收入5,108.66万元，年初结转和结余314.45万元。",
               "本单位严格执行预算管理制度，加强资金使用监管，提高财政资金使用效益，确保各项工作任务顺利完成。"]
    listed = ("一般公共预算财政拨款支出2906.43万元，主要用于以下方面：社会保障和就业支出（类）535.33万元，占18.42%；"
              "卫生健康支出（类）2084.24万元，占71.71%；住房保障支出（类）286.86万元，占9.87%。")
    pads = ("本" * k + item for k in range(40) for item in ("第1项", "第10项"))  # (either parity of columns)
    paragraph = next(p + listed for p in pads
                     if any(a.endswith("（类）") and b[:1].isdigit()
                            for a, b in zip(_fold(p + listed, 62), _fold(p + listed, 62)[1:])))
    lines = [line for p in fillers * 8 + [paragraph] + fillers * 2 for line in [*_fold(p, 62), ""]]
    assert paragraph in [b.text for b in parse("\n".join(lines)).blocks]


def test_a_line_a_converter_opened_on_closing_punctuation_goes_on_the_line_before():
    """No paragraph opens on a comma or a closing bracket (…为“中” ⏎ ，60分以下为“差”。): the line before goes
    on in it, however short (a short text shows no wrap width)."""
    text = "等级划分为：90分以上为“优”，75分至90分为“良”，60分至75分为“中”\n，60分以下为“差”。\n经自评，得分78.47分。\n"
    assert [b.text for b in parse(text).blocks] == [
        "等级划分为：90分以上为“优”，75分至90分为“良”，60分至75分为“中”，60分以下为“差”。", "经自评，得分78.47分。"]



@pytest.mark.parametrize("text, ranged", [
    ("单个项目补助在20.00万元至62.00万元之间，合计165.50万元。", ["20.00万元", "62.00万元"]),
    ("单项补助从20.00万元到62.00万元不等。", ["20.00万元", "62.00万元"]),
    ("补助标准为每个项目10-80万元。", ["10", "80万元"]),
    ("补助标准为每个项目10万元～80万元。", ["10万元", "80万元"]),
    ("补助从20.00万元增加到62.00万元。", []),  # a move, not a range
    ("由20.00万元至62.00万元。", []),  # no 之间 or 不等: not said to be a range
    ("收入100.00万元—支出80.00万元。", []),
])
def test_the_ends_of_a_range_are_bounds_not_points(text, ranged):
    """A range's two ends are no amounts a list or a sum could hold (qualifier ``range``), the first taking
    the second's unit; a move between two amounts, or figures a dash sets apart, stay points."""
    found = figures(text)
    assert [f.text for f in found if f.qualifier == "range"] == ranged
    assert all(f.unit == "万元" for f in found if f.qualifier == "range")


_SHEET_HEAD = "        一级指标     二级指标         三级指标         年度指标值      实际完成值      分值     得分"
LAYOUT_SHEETS = {  # score sheets as a PDF-to-text converter lays them out (wave w81b)
    "a merged 二级 name on a line of its own, the 一级 name below it: cells set a column off": [
        "                    一级指标     二级指标         三级指标         年度指标值      实际完成值      分值     得分   偏差原因",
        "                                      建设高标准农田面积         ≥15000亩    16050亩     9      9          无",
        "                             数量指标",
        "                                         新建改造渠道          23公里       23公里      10     10         无",
        "                             质量指标       工程验收合格率          100%       100%      11     11         无",
        "                    产出指标",
        "                             时效指标        工程完工时间          11月底前      11月完成     10     10         无",
        "                    效益指标     经济效益指标     粮食产能           稳步提升       稳步提升       50     50         无",
        "                    满意度指标   满意度指标       农户满意度          ≥90%       91.1%     10     10         无",
        "             总分                                                              100    100"],
    "a side label left of the 一级 column (绩效指标), names wrapped around their rows": [
        "             目标     新建和维护区域自动气象站，发布气象灾害预警信息，资金按计                  已新建和维护区域自动气象站，全年执行570.49万元，各",
        "                            划支付，项目按期完成，达到预期效果。                                项工作按计划推进。",
        "",
        "                                                       — 6 —",
        "\f                                                                                           偏差原因分析及改",
        "                    一级指标     二级指标         三级指标         年度指标值      实际完成值      分值     得分",
        "                                                                                               进措施",
        "                                      新建区域自动气象站          ≥8套         9套       10     10         无",
        "                             数量指标                                                          受项目实施进度影",
        "                                         发布预警信息          ≥96期       92期       9     8.63   响，未全部完成，",
        "                                                                                            下一步加快推进",
        "                    产出指标     质量指标       设备运行正常率          ≥98%       98.1%     9      9          无",
        "           绩效指标              时效指标        站点建成时间        2023年12月3  2023年11月    10     10         无",
        "                                                         1日前        完成",
        "                                                       控制在预算      控制在预算",
        "                             成本指标        单站建设成本                               12     12         无",
        "                                                        标准以内       标准以内",
        "                             社会效益",
        "                    效益指标                 防灾减灾能力         有效增强       有效增强       30     30         无",
        "                               指标",
        "                             服务对象",
        "                    满意度指",
        "                             满意度指       社会公众满意度          ≥85%       89.6%     10     10         无",
        "                      标",
        "                               标",
        "             总分                                                              100    98.43  （自评等级：优）"],
    "columns lined up as shown on a screen (a 汉字 two columns wide)": [
        _SHEET_HEAD,
        "                                  建设高标准农田面积     ≥15000亩      16050亩        9      9",
        "                                  新建改造渠道           23公里        23公里        10     10",
        "        产出指标     质量指标     工程验收合格率         100%          100%          11     11",
        "                     时效指标     工程完工时间           12月底前      11月完成      10     10",
        "        效益指标     社会效益指标 项目区粮食产能         稳步提升      稳步提升      50     50",
        "        满意度指标   满意度指标   项目区农户满意度       ≥90%          91.1%         10     10",
        "  总分                                                                               100    100"],
}


@pytest.mark.parametrize("name", sorted(LAYOUT_SHEETS))
def test_a_layout_score_sheet_not_understood_gives_no_footing_error(name):
    """A sheet that adds up, laid out with spaces in ways whose columns the reader cannot place (a merged
    cell's name set between rows, indents that are merged cells' centring, columns counted as shown):
    left unread or read without levels, never a 合计 it did not see (TAB001)."""
    from crossfoot import engine

    doc = parse("\n".join(LAYOUT_SHEETS[name]))
    assert [f.message for f in engine.run(doc, engine.load()) if f.code == "TAB001"] == []
