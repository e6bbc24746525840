"""Reports in traditional characters (繁體) are checked as in simplified ones, every place kept."""

from __future__ import annotations

from helpers import brief
from hypothesis import given, settings
from hypothesis import strategies as st
from render import to_docx

from crossfoot import engine, ingest
from crossfoot.ingest import script
from crossfoot.ingest.text import parse

SIMPLE = ("一、部门收支总体情况\n"
          "本部门2023年度收入总计1,250.00万元，其中：财政拨款收入1,000.00万元，事业收入200.00万元，其他收入"
          "50.00万元。支出总计1,250.00万元，其中：基本支出800.00万元，项目支出450.00万元。\n"
          "二、预算执行情况\n"
          "全年预算数为1,300.00万元，实际支出1,250.00万元，预算执行率为96.15%。单位资产总额为3,520.00万元。\n")
TRADITIONAL = ("一、部門收支總體情況\n"
               "本部門2023年度收入總計1,250.00萬元，其中：財政撥款收入1,000.00萬元，事業收入200.00萬元，其他收入"
               "50.00萬元。支出總計1,250.00萬元，其中：基本支出800.00萬元，項目支出450.00萬元。\n"
               "二、預算執行情況\n"
               "全年預算數為1,300.00萬元，實際支出1,250.00萬元，預算執行率為96.15%。單位資產總額為3,520.00萬元。\n")


def test_the_two_scripts_say_the_same():
    assert script.traditional(TRADITIONAL) and not script.traditional(SIMPLE)
    assert script.simplified(TRADITIONAL) == SIMPLE


def test_a_traditional_report_gives_the_simplified_ones_findings_at_the_same_places(lint_text):
    assert lint_text(TRADITIONAL) == [] == lint_text(SIMPLE)
    for was, now in (("其他收入50.00", "其他收入60.00"), ("96.15%", "97.15%")):
        simple = lint_text(SIMPLE.replace(was, now))
        found = lint_text(TRADITIONAL.replace(was, now))
        assert brief(found) == brief(simple) and len(found) == 1
        assert [f.message for f in found] == [f.message for f in simple]


def test_the_lines_are_read_converted_in_their_places():
    doc = parse(TRADITIONAL, "t.txt")
    assert doc.lines[1].startswith("本部门2023年度收入总计") and doc.blocks[1].text.startswith("本部门2023年度收入总计")
    assert [len(line) for line in doc.lines] == [len(line) for line in TRADITIONAL.splitlines()] + [0]


def test_a_traditional_table_with_tabs_is_read(lint_text):
    table = "項目\t預算數\t決算數\n因公出國（境）費\t2.00\t1.50\n公務接待費\t3.00\t2.80\n合計\t5.00\t4.40\n"
    text = TRADITIONAL + "表1 “三公”經費支出決算表（單位：萬元）\n" + table
    assert brief(lint_text(text, ["TAB"])) == [("TAB001", 9, 9, "error")]


def test_a_simplified_report_quoting_traditional_words_is_left_as_written():
    text = SIMPLE + "附注：原文件标题为“部門決算”，“乾”“著”二字照录。\n"
    assert not script.traditional(text)
    assert parse(text, "t.txt").blocks[-1].text == "附注：原文件标题为“部門決算”，“乾”“著”二字照录。"


def test_a_traditional_docx_is_read_as_simplified(tmp_path):
    path = tmp_path / "report.docx"
    to_docx([("paragraph", line) for line in TRADITIONAL.replace("其他收入50.00", "其他收入60.00").splitlines()],
            path)
    (finding,) = engine.run(ingest.read(path), engine.load())
    assert finding.code == "SUM001" and finding.span.where == "paragraph 2"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(script._TELLING) + list("总计万元收入支出其中，。0123456789.%、")),
               max_size=200))
def test_property_conversion_keeps_every_place(text):
    assert len(script.simplified(text)) == len(text)
