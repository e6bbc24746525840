"""DOCX, PDF and HTML: one document model, the same findings as the text, places a user can find.

The documents are rendered by ``tests/render.py`` from text written here and from the sample reports:
DOCX with python-docx, PDF with reportlab (small pages, so tables cross page breaks and numbers wrap),
HTML by hand, each with merged header cells and vertically merged first-column cells.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from render import FONT, parse, render, to_docx, to_pdf

from crossfoot import engine, ingest
from crossfoot.analysis import Analysis
from crossfoot.model import Severity
from crossfoot.tables import recover

ROOT = Path(__file__).resolve().parent.parent
CORPUS_PDF = ROOT.parent / "shared" / "corpus" / "pdf"

# A report of our own: a wrapped prose number, a table with a merged header, a vertically merged first
# column, a table long enough to cross a page break, and four wrong figures (the 执行率, 调整后 合计, July's
# cumulative spending, the 质量 score).
REPORT = "\n".join([
    "某区文化和旅游局2024年度部门整体支出绩效自评报告",
    "一、预算执行情况",
    "2024年度部门预算总额为12345678.91元，全年实际支出11987654.32元，预算执行率为97.20%，"
    "其中基本支出8765432.10元，项目支出3222222.22元。",
    "二、支出明细",
    "项目\t预算数\t\t执行率",
    "\t年初\t调整后\t",
    "基本支出\t800.00\t820.00\t98.50%",
    "项目支出\t300.00\t310.00\t95.00%",
    "合计\t1100.00\t1140.00\t",
    "三、月度进度",
    "序号\t月份\t累计支出(万元)\t支出进度(%)",
    *[f"{m}\t{m}月\t{95 * m}\t{95 * m / 1140 * 100:.2f}" for m in range(1, 7)],
    "7\t7月\t560\t49.12",  # less than June's cumulative 570
    *[f"{m}\t{m}月\t{95 * m}\t{95 * m / 1140 * 100:.2f}" for m in range(8, 13)],
    "四、自评得分",
    "一级指标\t二级指标\t得分\t合计",
    "决策\t目标设定\t9.50\t19.00",
    "\t决策过程\t9.50\t",
    "产出\t数量\t24.49\t48.99",
    "\t质量\t24.60\t",
    "效益\t社会效益\t29.00\t29.00",
    "总分\t\t\t96.99",
    "综上，部门整体支出绩效自评得分96.99分，评价等级为优秀。",
])


def key(findings):
    """What must agree across formats: code, the stated figure, the computed value."""
    return sorted((f.code, f.stated, f.computed) for f in findings)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    source = folder / "src" / "report.txt"
    source.parent.mkdir()
    source.write_text(REPORT, encoding="utf-8")
    return render(source, folder / "out")


@pytest.fixture(scope="module")
def findings(rendered, checks):
    return {fmt: engine.run(ingest.read(path), checks) for fmt, path in rendered.items()}


def test_the_fixture_exercises_what_it_claims(rendered, findings):
    pdf = ingest.read(rendered["pdf"])
    assert max(p.page for line in pdf.places for p in line) >= 2  # more than one page
    assert any("12345678.91" in b.text for b in pdf.blocks)  # joined again although wrapped in the PDF
    assert sorted(f.code for f in findings["txt"]) == ["RAT001", "SCO007", "TAB001", "TAB006"]
    breaks = [t.breaks for t in recover(pdf)]
    assert breaks[1] == (9,)  # the monthly table crosses the page break; its repeated header was dropped


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf", "ofd", "xlsx", "xls"])
def test_every_format_gives_the_findings_of_the_text(findings, fmt):
    assert key(findings[fmt]) == key(findings["txt"])


@pytest.mark.parametrize("report", sorted(p.name for p in (ROOT / "reports").glob("*.txt")))
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf", "ofd", "xlsx", "xls"])
def test_sample_reports_give_the_same_findings_in_every_format(tmp_path, checks, report, fmt):
    paths = render(ROOT / "reports" / report, tmp_path)
    expected = key(engine.run(ingest.read(paths["txt"]), checks))
    assert key(engine.run(ingest.read(paths[fmt]), checks)) == expected


def test_tables_come_back_whole_in_every_format(rendered):
    shapes = {}
    for fmt, path in rendered.items():
        tables = recover(ingest.read(path))
        shapes[fmt] = [(t.header, tuple(tuple(c.text for c in row) for row in t.rows)) for t in tables]
    for fmt in ("md", "html", "docx", "pdf", "ofd", "xlsx", "xls"):
        assert shapes[fmt] == shapes["txt"], fmt
    header, rows = shapes["pdf"][0]
    assert header == ("项目", "预算数年初", "预算数调整后", "执行率")  # a merged header, read on its grid
    assert len(shapes["pdf"][1][1]) == 12  # the header repeated after the page break was dropped


def test_places_lead_to_the_figure_in_the_original(findings):
    docx = {f.code: f.span for f in findings["docx"]}
    assert docx["TAB001"].where == "table 1, row 5, column 3"
    assert docx["TAB006"].where == "table 2, row 8, column 3"
    assert docx["RAT001"].where == "paragraph 3" and "预算执行率为97.20%" in docx["RAT001"].snippet
    pdf = {f.code: f.span for f in findings["pdf"]}
    assert pdf["TAB001"].where.startswith("page ") and ", table " in pdf["TAB001"].where
    x0, top, x1, bottom = pdf["TAB001"].box
    assert 0 < x0 < x1 < 420 and 0 < top < bottom < 540  # on the small test page
    ofd = {f.code: f.span for f in findings["ofd"]}
    assert ofd["TAB001"].where == pdf["TAB001"].where  # the same page, table, row and column
    assert all(abs(a - b) < 2 for a, b in zip(ofd["TAB001"].box, pdf["TAB001"].box))  # in points, as drawn
    html = {f.code: f.span for f in findings["html"]}
    assert html["TAB001"].where.startswith("line ")
    xlsx = {f.code: f.span for f in findings["xlsx"]}
    assert xlsx["TAB001"].where == "sheet 表1, cell C9"  # under the title and paragraphs before
    assert {f.code: f.span for f in findings["xls"]}["TAB001"].where == "sheet 表1, cell C9"
    for fmt in ("docx", "pdf", "ofd", "html", "xlsx", "xls"):
        for f in findings[fmt]:
            assert f.span.where and f.span.snippet, (fmt, f)


@pytest.mark.parametrize("fmt", ["pdf", "ofd"])
def test_running_headers_footers_and_page_numbers_are_dropped(rendered, fmt):
    doc = ingest.read(rendered[fmt])
    text = "\n".join(doc.lines)
    assert "公开版" not in text and "第 1 页" not in text and "页" not in text


def test_a_number_wrapped_inside_a_narrow_cell_is_whole(tmp_path):
    items = [("table", [["项目", "金额"], ["合计", "123456789012345.67"]])]
    path = tmp_path / "narrow.pdf"
    to_pdf(items, path, page=(160.0, 300.0))
    doc = ingest.read(path)
    assert any("123456789012345.67" in line for line in doc.lines)


@pytest.mark.parametrize("score, found", [("99", []), ("98", [("TAB001", "总分 得分")])])
def test_a_title_drawn_inside_the_grid_and_repeated_a_page_on_keeps_one_table(tmp_path, checks, score, found):
    """Word repeats a table's header rows on each page, its title row among them: the title row drawn
    again inside the grid is the same table going on, so its 总分 is footed over every page (v4 wave 59)."""
    rows = [["2024年度项目支出绩效自评表", "", "", "", ""], ["一级指标", "二级指标", "三级指标", "分值", "得分"]]
    rows += [["产出指标", "数量指标", f"指标{k + 1}", "5", "5"] for k in range(14)]
    rows += [["满意度指标", "满意度", "满意度", "30", "29"], ["总分", "", "", "100", score]]
    path = tmp_path / "repeated.pdf"
    to_pdf([("paragraph", "某项目2024年度绩效自评报告"), ("table", rows)], path, page=(420.0, 300.0))
    doc = ingest.read(path)
    assert sum("2024年度项目支出绩效自评表" in line for line in doc.lines) == 2  # (drawn on both pages)
    got = engine.run(doc, [c for c in checks if c.code == "TAB001"])
    assert [(f.code, f.message.split("(")[1].split(")")[0]) for f in got] == found


def _cid_font() -> str:
    """The CJK font the PDFs drawn here are set in (reportlab's CID font), registered once."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _three_line_table(path: Path, rows: list[list[str]], flush_left: bool = False, split: bool = False) -> None:
    """A 三线表 as Word draws it: rules over and under the header and under the table only, group names
    (项目 | 年初预算数 | 决算数) centred over their columns on a line of their own, figures set flush right."""
    from reportlab.pdfgen import canvas

    font = _cid_font()
    edges = [60, 110, 200, 250, 300, 350, 400, 450, 500]  # 编码 | 名称 | 小计 | 基本 | 项目 | 小计 | 基本 | 项目
    c = canvas.Canvas(str(path), pagesize=(560, 400), invariant=1)
    c.setFont(font, 9)
    c.drawString(60, 370, "一般公共预算财政拨款支出决算表")
    c.drawString(440, 355, "单位：万元")
    c.line(60, 348, 500, 348)
    for name, (a, b) in (("项目", (0, 2)), ("年初预算数", (2, 5)), ("决算数", (5, 8))):
        if flush_left:  # (a merged cell's name set flush left, as some exports set it)
            c.drawString(edges[a] + 2, 336, name)
        else:
            c.drawCentredString((edges[a] + edges[b]) / 2, 336, name)
    for k, name in enumerate(["功能分类科目编码", "科目名称", "小计", "基本支出", "项目支出", "小计", "基本支出",
                              "项目支出"]):  # (with ``split``, 编码 and 名称 a line above the others, merged down)
        c.drawCentredString((edges[k] + edges[k + 1]) / 2, 326 if split and k < 2 else 318, name if k else "编码")
    c.line(60, 314, 500, 314)
    y = 300
    for row in rows:
        for k, text in enumerate(row):
            if k < 2:
                c.drawString(edges[k] + 2, y, text)
            else:
                c.drawRightString(edges[k + 1] - 4, y, text)
        y -= 15
    c.line(60, y + 8, 500, y + 8)
    c.save()


@pytest.mark.parametrize("flush_left, split", [(False, False), (True, False), (False, True)])
@pytest.mark.parametrize("spent, found", [("395.68", []), ("359.68", ["决算数小计", "决算数基本支出"])])
def test_group_names_of_an_unruled_header_stand_over_their_own_columns(tmp_path, checks, spent, found,
                                                                       flush_left, split):
    """项目 | 年初预算数 | 决算数 centred over 编码 and 名称, over 小计 | 基本 | 项目, and over the next three:
    each name spans the columns nearer it than any other name of its line, so 决算数's 小计 is footed over
    决算数's 基本支出 and 项目支出 (a 三线表 from Word: v3 wave 59); names set flush left in their cells are
    read as before (code review 59)."""
    rows = [["合计", "", "1104.84", "404.48", "700.36", "1093.76", spent, "698.08"],
            ["208", "社会保障和就业支出", "937.08", "236.72", "700.36", "926.45", "228.37", "698.08"],
            ["210", "卫生健康支出", "167.76", "167.76", "0.00", "167.31", "167.31", "0.00"]]
    path = tmp_path / "three-line.pdf"
    _three_line_table(path, rows, flush_left, split)
    got = engine.run(ingest.read(path), [c for c in checks if c.code == "TAB001"])
    named = [f.message.split("(")[1].split(")")[0].split()[-1] for f in got]
    assert [n.removeprefix("决算数") for n in named] == [n.removeprefix("决算数") for n in found]


def _sangong_table(path: Path, total: str) -> None:
    """A Word 三线表 of the 三公 and 机关运行经费 budget, amounts centred, the last column's name wrapped
    (机关运行经费预 ⏎ 算数) with the group names above the header set each at its cells' middle."""
    from reportlab.pdfgen import canvas

    font = _cid_font()
    height = 300
    c = canvas.Canvas(str(path), pagesize=(595, height), invariant=1)
    c.setFont(font, 9)

    def at(x: float, top: float, text: str) -> None:  # centred on x, its top at ``top`` from the page's top
        c.drawCentredString(x, height - top - 8, text)

    at(298, 56, "2026年单位“三公”经费和机关运行经费预算表")
    c.drawString(62, height - 74 - 8, "编制单位：某某中心")
    c.drawString(488, height - 74 - 8, "单位：万元")
    c.line(62, height - 84, 540, height - 84)
    at(261, 88, "“三公”经费预算数")
    at(502, 94, "机关运行经费预")
    at(363, 99, "公务用车购置及运行费")
    for x, name in ((91, "合计"), (159, "因公出国(境)费"), (227, "公务接待费"), (502, "算数")):
        at(x, 105, name)
    for x, name in ((295, "小计"), (363, "购置费"), (431, "运行费")):
        at(x, 111, name)
    for k, x in enumerate((91, 159, 227, 295, 363, 431, 502), start=1):
        at(x, 122, str(k))
    c.line(62, height - 131, 540, height - 131)
    for x, value in zip((91, 159, 227, 295, 363, 431, 502), (total, "0.00", "1.23", "37.65", "28.00", "9.65",
                                                              "235.35")):
        at(x, 134, value)
    c.line(62, height - 146, 540, height - 146)
    c.save()


@pytest.mark.parametrize("total, found", [("38.88", 0), ("39.88", 1)])
def test_a_header_cell_wrapped_above_the_header_line_is_read_whole(tmp_path, checks, total, found):
    """机关运行经费预 ⏎ 算数 over the last column of a 三线表 (amounts centred): the column is named
    机关运行经费预算数, kept apart from the 三公 it stands beside, so 合计 is footed over the 三公 only
    (v3 wave 59)."""
    path = tmp_path / "sangong.pdf"
    _sangong_table(path, total)
    doc = ingest.read(path)
    assert any("机关运行经费预算数" in line for line in doc.lines)
    got = engine.run(doc, [c for c in checks if c.code == "TAB001"])
    assert len(got) == found


def _docx_with(tmp_path: Path, body_xml: str, numbering_xml: str | None = None) -> Path:
    """A DOCX whose body is ``body_xml`` (w: elements), built from python-docx's template."""
    base = tmp_path / "base.docx"
    to_docx([("paragraph", "占位")], base)
    out = tmp_path / "doc.docx"
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = f'<w:document {w}><w:body>{body_xml}</w:body></w:document>'.encode()
            if item.filename == "word/numbering.xml" and numbering_xml:
                data = f"<w:numbering {w}>{numbering_xml}</w:numbering>".encode()
            dst.writestr(item, data)
    return out


def test_docx_text_in_insertions_fields_and_content_controls_is_read(tmp_path):
    body = ("<w:p><w:r><w:t>支出合计</w:t></w:r><w:ins><w:r><w:t>820.50</w:t></w:r></w:ins>"
            "<w:del><w:r><w:delText>999</w:delText></w:r></w:del><w:r><w:t>万元，</w:t></w:r>"
            "<w:fldSimple><w:r><w:t>其中人员经费600.20万元</w:t></w:r></w:fldSimple>"
            "<w:sdt><w:sdtContent><w:r><w:t>，公用经费230.30万元。</w:t></w:r></w:sdtContent></w:sdt></w:p>")
    doc = ingest.read(_docx_with(tmp_path, body))
    assert doc.blocks[0].text == "支出合计820.50万元，其中人员经费600.20万元，公用经费230.30万元。"
    (finding,) = engine.run(doc, engine.load())
    assert finding.code == "SUM001" and finding.span.where == "paragraph 1"


def _tabbed(*lines: str) -> str:
    """Body paragraphs whose cells stand between tabs (⇥ in ``lines``)."""
    def para(line: str) -> str:
        runs = "<w:r><w:tab/></w:r>".join(f"<w:r><w:t>{cell}</w:t></w:r>" for cell in line.split("⇥"))
        return f"<w:p>{runs}</w:p>"
    return "".join(para(line) for line in lines)


@pytest.mark.parametrize("total, found", [("820.50", []), ("830.50", ["TAB001"])])
def test_docx_a_table_laid_out_with_tabs_is_a_table(tmp_path, checks, total, found):
    """Paragraphs whose cells stand between tabs (a table pasted as text, wave w70e) are rows, as a text
    file's tab lines are: a wrong total is found on its paragraph."""
    body = _tabbed("2026年部门支出预算表", "单位：万元", "项目⇥金额", "人员经费⇥600.20", "公用经费⇥220.30",
                   f"合计⇥{total}")
    findings = engine.run(ingest.read(_docx_with(tmp_path, body)), checks)
    assert [f.code for f in findings] == found
    assert all(f.span.where == "paragraph 6" for f in findings)


@pytest.mark.parametrize("lines", [
    ("基本支出⇥900.00⇥万元，占72.00%；", "项目支出⇥350.00⇥万元，占28.00%；", "支出合计⇥1,250.00⇥万元。"),
    ("1.工资福利支出⇥512.30⇥主要用于在职人员工资。", "2.对个人和家庭的补助⇥20.00⇥主要用于生活补助。",
     "合计⇥532.30⇥较上年增加12.50万元。"),
    ("加工⇥137.20⇥131.70", "（二）信息化运维⇥120.00⇥118.60", "合计⇥962.30⇥950.30")])
def test_docx_prose_or_rows_without_a_header_laid_out_with_tabs_stay_prose(tmp_path, lines):
    """Prose aligned by tabs around its amounts, a list of amounts and their uses, and a table's rows after a
    name wrapped onto a line of its own (no header over them) are no table (code review 70a)."""
    doc = ingest.read(_docx_with(tmp_path, _tabbed("2025年度部门支出表", *lines)))
    assert all(b.kind != "row" for b in doc.blocks)


def test_docx_a_contents_list_laid_out_with_tabs_stays_prose(tmp_path):
    """Tabs before page numbers (目录 entries) are no table: no amount stands in them."""
    body = _tabbed("目录", "第一部分 部门概况⇥3", "第二部分 部门预算表⇥5", "第三部分 情况说明⇥15")
    doc = ingest.read(_docx_with(tmp_path, body))
    assert doc.blocks and all(b.kind != "row" for b in doc.blocks)


@pytest.mark.parametrize("formula, found", [
    (r"$\frac{3816.36}{4181.40} \times 100\% = 91.27\%$", []),
    (r"$3816.36 \div 4181.40 \times 100\% = 91.27\%$", []),
    (r"$3816.36 \div 4181.40 \times 100\% = 91.72\%$", ["CAL001"]),
    (r"$9 1 . 2 7 \%$（$3816.36 \div 4181.40 \times 100\%$）", []),
])
def test_docx_latex_a_converter_left_reads_as_in_text(tmp_path, checks, formula, found):
    """LaTeX left in a Word paragraph (w66b: a correct 执行率 failed in DOCX, its ``91.27\\%`` read as a bare
    91.27 against the fraction computed) reads as the text reader reads it: dollars dropped, ``\\%`` and the
    signs unescaped, a converter's spaces between digits closed."""
    body = f"<w:p><w:r><w:t>项目实际支出3,816.36万元，预算执行率为{formula}。</w:t></w:r></w:p>"
    doc = ingest.read(_docx_with(tmp_path, body))
    assert "$" not in doc.blocks[0].text and "\\%" not in doc.blocks[0].text
    assert [f.code for f in engine.run(doc, checks)] == found


def test_docx_hidden_text_is_not_read(tmp_path):
    """A run hidden with ``w:vanish`` (a drafter's note 初稿为…, not printed) is no text of the report; one
    whose vanish is switched off is."""
    body = ("<w:p><w:r><w:t>收入预算100.00万元</w:t></w:r>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>（初稿为120.00万元）</w:t></w:r>"
            '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>，其中：</w:t></w:r>'
            "<w:r><w:t>财政拨款收入100.00万元。</w:t></w:r></w:p>")
    doc = ingest.read(_docx_with(tmp_path, body))
    assert doc.blocks[0].text == "收入预算100.00万元，其中：财政拨款收入100.00万元。"


def test_docx_a_table_framed_in_a_one_cell_table_is_read_as_a_table(tmp_path, checks):
    """A layout frame (a table of one cell) holding a caption, its unit line and the table itself: the
    inner table is a table (its wrong 合计 found in its cell), not one cell of run-together figures."""
    def row(*cells):
        return "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in cells) + "</w:tr>"
    inner = ("<w:tbl>" + row("项目", "合计", "因公出国（境）费", "公务接待费", "公务用车购置及运行费")
             + row("2026年预算数", "38.32", "0.00", "0.13", "37.19")
             + row("2025年预算数", "33.65", "0.00", "0.15", "33.50")
             + row("2024年决算数", "30.12", "0.00", "0.20", "29.92") + "</w:tbl>")
    body = ("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>2026年部门“三公”经费预算表</w:t></w:r></w:p>"
            f"<w:p><w:r><w:t>单位：万元</w:t></w:r></w:p>{inner}<w:p/></w:tc></w:tr></w:tbl>")
    doc = ingest.read(_docx_with(tmp_path, body))
    found = [(f.code, f.stated, f.span.where) for f in engine.run(doc, checks) if f.code == "TAB001"]
    assert found == [("TAB001", "38.32", "table 1, table 1, row 2, column 2")]


def test_docx_a_table_inside_a_cell_leaves_its_table_whole(tmp_path, checks):
    """A small table inside the 说明 cell of one row is read after the table it sits in: the outer table
    stays one, its wrong 合计 found; the cell keeps its own text."""
    def cell(text, inner=""):
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p>{inner}</w:tc>"
    inner = ("<w:tbl><w:tr>" + cell("工资") + cell("60.00") + "</w:tr><w:tr>" + cell("津贴") + cell("40.00")
             + "</w:tr></w:tbl><w:p/>")
    rows = [("项目", "金额", "说明"), ("人员经费", "100.00", "含工资、津贴"), ("公用经费", "50.00", "办公"),
            ("合计", "160.00", "")]
    body = "<w:tbl>" + "".join(
        "<w:tr>" + "".join(cell(t, inner if (r, k) == (1, 2) else "") for k, t in enumerate(row)) + "</w:tr>"
        for r, row in enumerate(rows)) + "</w:tbl>"
    doc = ingest.read(_docx_with(tmp_path, body))
    found = [(f.code, f.stated, f.span.where) for f in engine.run(doc, checks) if f.code == "TAB001"]
    assert ("TAB001", "160.00", "table 1, row 4, column 2") in found


def test_docx_text_box_is_read_after_its_paragraph_once(tmp_path):
    """A 评价结论 in a Word text box (wps:txbx, with its VML fallback copy) is a paragraph of its own, read
    once, after the paragraph it is anchored in (round 26: it was not read at all)."""
    box = "<w:txbxContent><w:p><w:r><w:t>评价结论：自评得分94.44分。</w:t></w:r></w:p></w:txbxContent>"
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    wps = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    body = (f"<w:p><w:r><w:t>详见下框。</w:t></w:r><w:r><mc:AlternateContent {mc}><mc:Choice Requires=\"wps\">"
            f"<wps:txbx {wps}>{box}</wps:txbx></mc:Choice><mc:Fallback>"
            f'<v:textbox xmlns:v="urn:schemas-microsoft-com:vml">{box}</v:textbox>'
            "</mc:Fallback></mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>二、其他</w:t></w:r></w:p>")
    doc = ingest.read(_docx_with(tmp_path, body))
    assert [b.text for b in doc.blocks][:3] == ["详见下框。", "评价结论：自评得分94.44分。", "二、其他"]
    assert doc.places[1][0].where == "text box 1, paragraph 1"


def test_docx_automatic_numbering_is_shown_and_said(tmp_path):
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    body = "".join(item.format(t) for t in ("预算编制", "预算执行", "绩效管理"))
    doc = ingest.read(_docx_with(tmp_path, body, numbering))
    assert [b.text for b in doc.blocks][:3] == ["（一）预算编制", "（二）预算执行", "（三）绩效管理"]
    assert doc.places[1][0].where == "paragraph 2 (its number is automatic)"


def test_docx_a_lists_set_start_value_is_its_first_number_and_a_table_within_a_list_does_not_end_it(
        tmp_path, checks):
    """Word's 设置编号值 (a w:num's lvlOverride/startOverride: the list goes on at 3 after a table) numbers the
    paragraph 3., and a count before the list takes the items on both sides of the table (wave w67c)."""
    numbering = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>')
    item = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{}"/></w:numPr></w:pPr>'
            '<w:r><w:t>{}</w:t></w:r></w:p>')
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    table = "<w:tbl>" + "".join("<w:tr>" + cell.format(a) + cell.format(b) + "</w:tr>"
                                for a, b in (("工作事项", "完成时限"), ("月通报", "每月10日前"))) + "</w:tbl>"
    body = ("<w:p><w:r><w:t>下一步将重点做好以下三项工作：</w:t></w:r></w:p>" + item.format(1, "加强预算编制。")
            + item.format(1, "建立通报制度。") + table + item.format(2, "完善指标体系。"))
    doc = ingest.read(_docx_with(tmp_path, body, numbering))
    assert [b.text for b in doc.blocks][:3] == ["下一步将重点做好以下三项工作：", "1.加强预算编制。", "2.建立通报制度。"]
    assert doc.blocks[5].text == "3.完善指标体系。"
    assert not [f for f in engine.run(doc, checks) if f.code in ("DOC001", "DOC002")]
    wrong = body.replace("以下三项", "以下四项")
    assert [f.code for f in engine.run(ingest.read(_docx_with(tmp_path, wrong, numbering)), checks)] == ["DOC001"]


def test_docx_symbols_inserted_from_a_symbol_font_are_read_as_their_characters(tmp_path):
    """≥ and ≤ inserted by 插入→符号 are ``w:sym`` elements in the Symbol font (F0B3, F0A3), not text: read as
    the characters they show, so a target keeps its comparator (wave w67c); an unknown code gives nothing."""
    sym = '<w:r><w:sym w:font="{}" w:char="{}"/></w:r>'
    body = ("<w:p><w:r><w:t>普及率目标</w:t></w:r>" + sym.format("Symbol", "F0B3") + "<w:r><w:t>92%，差错率</w:t></w:r>"
            + sym.format("Symbol", "f0a3") + "<w:r><w:t>1%</w:t></w:r>" + sym.format("Wingdings", "F0FE")
            + sym.format("Webdings", "F021") + "</w:p>")
    doc = ingest.read(_docx_with(tmp_path, body))
    assert doc.blocks[0].text == "普及率目标≥92%，差错率≤1%☑"


def test_a_workbook_with_an_empty_formatted_cell_far_down_is_read_by_the_cells_it_holds(tmp_path, checks):
    """A converted .xls often carries an empty cell with only a format at IV65536: max_row × max_column made
    the 5-row sheet 16 million places and the workbook was refused, its table's error lost (wave w67e)."""
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表1"
    for row in (("项目", "金额"), ("基本支出", "100.00"), ("项目支出", "200.00"), ("合计", "310.00")):
        sheet.append(row)
    sheet["IV65536"].font = Font(bold=True)  # a format, no value
    path = tmp_path / "b.xlsx"
    book.save(path)
    found = engine.run(ingest.read(path), checks)
    assert [f.code for f in found] == ["TAB001"]


def test_docx_a_span_past_its_tables_grid_is_clamped_to_it(tmp_path, checks):
    """gridSpan="2000000000" (or " 3 ") on a cell of a 2-column grid put the next cell's amount 63 columns on,
    out of the 金额 column, and the table's wrong 合计 went unseen (wave w67e)."""
    def row(first, second, span=""):
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span else ""
        return (f"<w:tr><w:tc>{props}<w:p><w:r><w:t>{first}</w:t></w:r></w:p></w:tc>"
                f"<w:tc><w:p><w:r><w:t>{second}</w:t></w:r></w:p></w:tc></w:tr>")
    grid = '<w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>'
    body = ("<w:tbl>" + grid + row("项目", "金额") + row("基本支出", "100.00", "2000000000") + row("项目支出", "200.00")
            + row("合计", "310.00") + "</w:tbl>")
    doc = ingest.read(_docx_with(tmp_path, body))
    assert doc.lines[1] == "基本支出\t100.00"
    assert [f.code for f in engine.run(doc, checks)] == ["TAB001"]


def test_docx_merged_cells_give_their_text_once(tmp_path):
    def cell(text, props=""):
        return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    rows = [cell("项目") + cell("预算数", '<w:gridSpan w:val="2"/>'),
            cell("基本支出", '<w:vMerge w:val="restart"/>') + cell("800") + cell("820"),
            cell("基本支出", "<w:vMerge/>") + cell("10") + cell("20")]
    body = "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    doc = ingest.read(_docx_with(tmp_path, body))
    assert doc.lines == ("项目\t预算数\t", "基本支出\t800\t820", "\t10\t20", "绩效自评报告（公开版）")
    assert doc.places[-1][0].where == "header"  # the page header, read after the body
    assert [p.where for p in doc.places[1]] == [f"table 1, row 2, column {c}" for c in (1, 2, 3)]


def test_html_spans_and_skipped_elements(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><script>var a = '99.9万元';</script></head><body>\n"
                    "<table><tr><th rowspan=2>项目</th><th colspan=2>预算数</th></tr>\n"
                    "<tr><td>年初</td><td>调整后</td></tr>\n"
                    "<tr><td>基本支出</td><td>800</td><td>820</td></tr></table>\n"
                    "<p>支出合计&nbsp;820.50万元。</p></body></html>", encoding="utf-8")
    doc = ingest.read(page)
    assert doc.lines == ("项目\t预算数\t", "\t年初\t调整后", "基本支出\t800\t820", "支出合计 820.50万元。")
    assert doc.places[3][0].where == "line 5"
    assert "99.9" not in "".join(doc.lines)


def test_html_sides_indented_each_their_own_way_are_footed_apart(tmp_path, checks):
    """收入 | 决算数 | 支出 | 决算数 with the 收入 side shorter (blank cells under it) and its items indented
    under 上级补助收入 while the 支出 side's classes are indented alike: each side keeps its own levels, so
    the 支出 amounts are never read as items of the 一般公共服务支出 beside 上级补助收入."""
    row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
    pad = "&nbsp;&nbsp;"
    rows = [("上级补助收入", "298,650", pad + "一般公共服务支出", "35,612"),
            (pad + "返还性收入", "4,216", pad + "公共安全支出", "9,874"),
            (pad + "一般性转移支付收入", "241,385", pad + "教育支出", "68,215"),
            (pad + "专项转移支付收入", "53,049", pad + "科学技术支出", "2,346"),
            ("", "", pad + "债务付息支出", "8,156"), ("", "", pad + "债务发行费用支出", "42"),
            ("", "", "上解上级支出", "3,875"), ("", "", "地方政府一般债务还本支出", "24,600"),
            ("", "", "安排预算稳定调节基金", "2,500"), ("", "", "结转下年", "42,172")]
    page = tmp_path / "p.html"
    page.write_text("<html><body><p><b>附表1</b></p><p><b>秀川县2023年一般公共预算收支决算总表</b></p>"
                    "<p>单位：万元</p><table border=\"1\">"
                    "<tr><th>收&nbsp;&nbsp;入</th><th>决算数</th><th>支&nbsp;&nbsp;出</th><th>决算数</th></tr>"
                    + "".join(row.format(*r) for r in rows) + "</table></body></html>", encoding="utf-8")
    assert [f.code for f in engine.run(ingest.read(page), checks) if f.severity.name != "INFO"] == []


def test_unreadable_pdfs_are_refused_with_a_reason(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    picture = tmp_path / "page.png"
    Image.new("L", (200, 200), 255).save(picture)
    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.drawImage(str(picture), 50, 50, 300, 300)
    c.showPage()
    c.save()
    with pytest.raises(ingest.ReadError, match="no text layer"):
        ingest.read(scan)
    outlines = tmp_path / "outlines.pdf"  # what a broken xref leaves: the ruling, not the text
    c = canvas.Canvas(str(outlines))
    c.rect(50, 50, 100, 100)
    c.showPage()
    c.save()
    with pytest.raises(ingest.ReadError, match="damaged PDF, or one whose text was drawn as outlines"):
        ingest.read(outlines)
    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt="secret")
    c.drawString(72, 720, "1234")
    c.save()
    with pytest.raises(ingest.ReadError, match="encrypted"):
        ingest.read(locked)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(ingest.ReadError, match="broken.pdf"):
        ingest.read(broken)
    with pytest.raises(ingest.ReadError, match="not a DOCX"):
        ingest.read(broken.with_suffix(".docx").write_bytes(b"plain") and broken.with_suffix(".docx"))


def test_pdf_places_reach_json_and_sarif(rendered, tmp_path):
    from click.testing import CliRunner

    from crossfoot.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["check", "--output-format", "json", str(rendered["pdf"])])
    found = json.loads(result.output)["findings"]
    assert found and all(f["where"].startswith("page ") and f["page"] >= 1 and len(f["box"]) == 4
                         for f in found)
    result = runner.invoke(main, ["check", "--output-format", "sarif", str(rendered["pdf"])])
    location = json.loads(result.output)["runs"][0]["results"][0]["locations"][0]
    assert location["properties"]["where"].startswith("page ")
    assert location["physicalLocation"]["region"]["snippet"]["text"]
    result = runner.invoke(main, ["check", str(rendered["docx"])])
    assert ":table 1, row 5, column 3: TAB001 error" in result.output


@pytest.mark.skipif(not CORPUS_PDF.is_dir(), reason="the shared corpus is not beside this checkout")
def test_corpus_pdfs_read_with_their_tables(checks):
    for path in sorted(CORPUS_PDF.glob("*.pdf")):
        doc = ingest.read(path)
        tables = recover(doc)
        assert len(tables) >= 9, path.name  # the nine standard tables at least
        text = "\n".join(doc.lines)
        assert "(cid:" not in text
        engine.run(doc, checks)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_messages_name_other_places_as_the_original_does(tmp_path, checks, fmt):
    path = render(ROOT / "reports" / "document-consistency-2024.txt", tmp_path)[fmt]
    messages = {f.code: f.message for f in engine.run(ingest.read(path), checks)}
    unit = "paragraph " if fmt == "docx" else "page "
    assert f"(its title, {unit}1)" in messages["DOC005"]
    assert f" at {unit}" in messages["DOC003"]
    assert all("line " not in m for m in messages.values()), messages


def test_tables_without_ruling_lines_are_read_from_the_layout(tmp_path, rendered, findings, checks):
    path = tmp_path / "unruled.pdf"
    to_pdf(parse(REPORT), path, ruled=False)
    doc = ingest.read(path)

    def shapes(d):
        return [(t.header, tuple(tuple(c.text for c in row) for row in t.rows)) for t in recover(d)]

    assert shapes(doc) == shapes(ingest.read(rendered["txt"]))
    assert key(engine.run(doc, checks)) == key(findings["txt"])
    cell = next(f.span for f in engine.run(doc, checks) if f.code == "TAB006")
    assert cell.where == "page 1, table 2, row 8, column 3"  # 560, July's cumulative spending
    x0, top, x1, bottom = cell.box
    assert x1 - x0 < 20 and bottom - top < 12  # the figure's own box


def test_text_in_wide_gapped_lines_without_figures_stays_text(tmp_path):
    items = [("paragraph", "目录"), ("table", [["一、部门概况", "", "3"], ["二、收支情况", "", "5"],
                                                ["三、绩效目标", "", "8"]])]
    path = tmp_path / "contents.pdf"
    to_pdf(items, path, ruled=False)
    doc = ingest.read(path)
    assert [b.kind for b in doc.blocks if "、" in b.text] == ["paragraph"] * 3  # a contents page
    assert not any("\t" in line for line in doc.lines)


def test_a_figure_moved_whole_to_the_next_line_and_a_numbered_contents_entry_are_read_right(tmp_path):
    """Typesetting keeps a figure and its unit together (…其他用车 | 2辆，…), so the line before ends short
    of the margin: still one paragraph, and its count adds up; a contents entry 7．2025年… after one that
    fills its line is an entry of its own."""
    import re

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    _cid_font()
    width = 12 * 30
    def wrapped(paragraph: str) -> list[str]:
        lines, line = [], ""
        for token in re.findall(r"\d+[\u4e00-\u9fff][，。]?|.", paragraph):  # 2辆， whole
            if pdfmetrics.stringWidth(line + token, "STSong-Light", 12) > width:
                lines.append(line)
                line = ""
            line += token
        return [*lines, line]

    filler = "主要承担统计调查和经济普查的入户走访工作"
    for cut in range(len(filler)):  # the words before the count, as many as put 2辆 at a line's start
        paragraph = ("截至2024年8月31日，本部门共有车辆3辆，其中机要通信用车0辆，应急保障用车0辆，执法执勤用车0辆，"
                     f"一般公务用车1辆，其他用车{filler[:cut]}2辆。")
        lines = wrapped(paragraph)
        if any(following.startswith("2辆") for following in lines[1:]):
            break
    assert any(following.startswith("2辆") for following in lines[1:])  # a figure did move whole
    entries = ["6．2025年部门一般公共预算基本支出经济分类预算表", "7．2025年部门政府性基金预算支出表"]
    while pdfmetrics.stringWidth(entries[0], "STSong-Light", 12) < width - 6:
        entries[0] += "表"
    path = tmp_path / "moved.pdf"
    c = canvas.Canvas(str(path), pagesize=(72 * 2 + width, 600))
    c.setFont("STSong-Light", 12)
    for k, text in enumerate([*lines, *entries]):
        c.drawString(72, 500 - k * 20, text)
    c.save()
    paragraphs = [b.text for b in ingest.read(path).blocks if b.kind == "paragraph"]
    assert paragraphs == [paragraph, *entries]
    assert engine.run(ingest.read(path), engine.load()) == []


def test_contents_entries_whose_leaders_reach_the_margin_are_lines_of_their_own(tmp_path):
    """A 目录 drawn with dot leaders to the right margin: each entry ends with its page number, never
    running on into the next entry as a paragraph wrapped at the margin would."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    _cid_font()
    width = 36 * 12
    titles = [("第一部分 部门概况", "3"), ("一、主要职能", "3"), ("二、机构设置", "3"), ("第二部分 部门预算表", "5")]
    entries = []
    for title, page in titles:
        entry = title
        while pdfmetrics.stringWidth(entry + "……" + page, "STSong-Light", 12) <= width:
            entry += "…"
        entries.append(entry + page)
    body = ["第一部分 部门概况", "一、主要职能", "本局主要职能是统筹本市体育事业。", "二、机构设置", "本局内设机构3个。",
            "第二部分 部门预算表"]
    path = tmp_path / "contents.pdf"
    c = canvas.Canvas(str(path), pagesize=(72 * 2 + width, 600))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 540, "目 录")
    for k, text in enumerate(entries):
        c.drawString(72, 510 - k * 20, text)
    c.showPage()
    c.setFont("STSong-Light", 12)
    for k, text in enumerate(body):
        c.drawString(72, 540 - k * 20, text)
    c.save()
    paragraphs = [b.text for b in ingest.read(path).blocks if b.kind == "paragraph"]
    assert paragraphs[1:5] == entries
    assert engine.run(ingest.read(path), engine.load()) == []


@pytest.mark.parametrize("total", ["34,169,152", "34,196,152"])
def test_a_table_boxed_with_no_inner_rules_is_read_from_its_layout(tmp_path, total):
    """A table drawn with its outer box and a line under its header only: the ruling finds a grid of one
    column, one cell holding every row; it is read from the columns' layout instead (before, its amounts
    ran into the next row's codes: 2,230,000205)."""
    from reportlab.pdfgen import canvas

    _cid_font()
    rows = [("科目编码", "科目名称", "合计", "基本支出", "项目支出"), ("", "合计", total, "31,939,152", "2,230,000"),
            ("205", "教育支出", "27,309,500", "25,079,500", "2,230,000"),
            ("208", "社会保障和就业支出", "3,711,792", "3,711,792", "0"),
            ("210", "卫生健康支出", "1,285,460", "1,285,460", "0"),
            ("221", "住房保障支出", "1,862,400", "1,862,400", "0")]
    path = tmp_path / "boxed.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(60, 760, "2025年一般公共预算支出预算表")
    c.drawString(60, 742, "单位：元")
    xs, top = (60, 120, 260, 350, 440), 730
    for r, row in enumerate(rows):
        for x, text in zip(xs, row):
            c.drawString(x + 4, top - 14 - 20 * r, text)
    bottom = top - 20 * len(rows)
    c.rect(56, bottom, 480, top - bottom)
    c.line(56, top - 20, 536, top - 20)
    c.save()
    found = engine.run(ingest.read(path), engine.load())
    assert not [f for f in found if f.code in ("FMT001", "BUD008")]
    assert [(f.code, f.figures[0]) for f in found if f.code == "TAB001"] == (
        [] if total == "34,169,152" else [("TAB001", "34,196,152")] * 2)  # its column's sum and its row's


def test_a_word_table_keeps_the_indentation_of_its_cells(tmp_path):
    """Items written indented under their parent in a Word cell (　　返还性收入 under 上级补助收入) are a level
    below it: the 收入总计 sums the parent, not the parent and its items."""
    import docx

    rows = [("收入", "决算数"), ("一般公共预算收入", "85,604"), ("上级补助收入", "171,743"),
            ("\u3000\u3000返还性收入", "4,386"), ("\u3000\u3000一般性转移支付收入", "146,542"),
            ("\u3000\u3000专项转移支付收入", "20,815"), ("上年结余", "8,247"), ("收入总计", "265,594")]
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=2)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            table.cell(r, k).text = text
    document.save(tmp_path / "indented.docx")
    doc = ingest.read(tmp_path / "indented.docx")
    assert engine.run(doc, engine.load()) == []
    assert [c.indent for c in recover(doc)[0].rows[2][:1]] == [4]


def test_a_line_wrapped_early_to_keep_punctuation_off_the_next_line_start_is_joined(tmp_path):
    """Chinese typesetting moves 费、 whole to the next line (、 may not start one), so the line before ends
    two characters short of the margin: still one paragraph, and its figure keeps its label."""
    from reportlab.pdfgen import canvas

    _cid_font()
    full = "基本工资津贴补贴机关事业单位基本养老保险缴费职业年金缴费职工基本医疗保险"  # 36 characters
    lines = ["　　" + full[:34], full, full, full[:34], "费、个人农业生产补贴；公用经费一百万元，主要包括：办公费。"]
    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path), pagesize=(72 * 2 + 12 * 36, 600))
    c.setFont("STSong-Light", 12)
    for k, text in enumerate(lines):
        c.drawString(72, 500 - k * 20, text)
    c.save()
    paragraphs = [b.text for b in ingest.read(path).blocks if b.kind == "paragraph"]
    assert paragraphs == ["".join(lines).lstrip("　")]


def _table_pages(path: Path, pages: list[list[str | list[str]]]) -> None:
    """A PDF whose pages hold lines of text (a str) and ruled table rows (a list of cells), drawn top down
    the way a 财政 template prints them: the caption and the unit line at the top of each table page."""
    from reportlab.pdfgen import canvas

    _cid_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    widths = [70, 190, 90, 90, 90]
    for items in pages:
        y = 800
        c.setFont("STSong-Light", 10)
        for item in items:
            if isinstance(item, str) and item.endswith("表"):  # a caption: centred, larger
                c.setFont("STSong-Light", 14)
                c.drawCentredString(595 / 2, y - 16, item)
                c.setFont("STSong-Light", 10)
                y -= 26
                continue
            if isinstance(item, str):
                c.drawString(40, y - 12, item)
                y -= 20
                continue
            x = 40
            for w in widths:
                c.line(x, y, x, y - 20)
                x += w
            c.line(x, y, x, y - 20)
            c.line(40, y, x, y)
            c.line(40, y - 20, x, y - 20)
            x = 40
            for w, text in zip(widths, item):
                c.drawString(x + 3, y - 14, text)
                x += w
            y -= 20
        c.showPage()
    c.save()


def test_a_unit_line_repeated_at_the_top_of_table_pages_is_the_tables_not_a_running_header(tmp_path):
    """单位：元 at the same place on every table page is not a running header: dropped, the tables
    would be read in 万元 and the narrative's 162.30万元 would differ from 1,623,000."""
    header = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    body = [["201", "一般公共服务支出", "1,623,000", "1,423,000", "200,000"],
            ["合计", "", "1,623,000", "1,423,000", "200,000"]]
    path = tmp_path / "unit.pdf"
    _table_pages(path, [["某局2025年部门预算", "一般公共预算拨款支出预算162.30万元。"],
                        ["2025年部门支出预算总表", "单位：元", header, *body],
                        ["2025年部门一般公共预算支出功能分类预算表", "单位：元", header, *body]])
    doc = ingest.read(path)
    assert [b.text for b in doc.blocks if b.text.startswith("单位")] == ["单位：元", "单位：元"]
    assert engine.run(doc, engine.load()) == []


def test_a_table_goes_on_under_its_own_unit_line_printed_again_over_the_next_page(tmp_path):
    """编制单位 and 单位 repeated over a table's second page, then its header again: one table, whose 合计
    sums the rows of both pages."""
    unit = "编制单位：某市水务局 单位：万元"
    header = ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"]
    first = [["201", "一般公共服务支出", "100.00", "80.00", "20.00"],
             ["2010301", "行政运行", "100.00", "80.00", "20.00"]]
    second = [["208", "社会保障和就业支出", "50.00", "50.00", "0.00"],
              ["2080505", "机关事业单位基本养老保险缴费支出", "50.00", "50.00", "0.00"]]
    # 160.00 is neither the rows of both pages (150.00) nor its own row's 130.00 + 20.00
    for total, expected in (("150.00", []), ("160.00", [("TAB001", "150.00"), ("TAB001", "150.00")])):
        path = tmp_path / f"goes-on-{total}.pdf"
        _table_pages(path, [["一般公共预算财政拨款支出决算表", unit, header, *first],
                            [unit, header, *second, ["合计", "", total, "130.00", "20.00"]]])
        doc = ingest.read(path)
        assert len(recover(doc)) == 1
        found = engine.run(doc, engine.load())
        middles = [sum(Decimal(b) for b in f.computed.strip("[]").split(",")) / 2 for f in found]
        assert [(f.code, f"{m:.2f}") for f, m in zip(found, middles)] == expected


def test_ofd_cells_drawn_as_closed_rectangles_and_text_scaled_by_its_matrix(tmp_path, checks):
    """What OFD producers write besides :func:`render.to_ofd`'s plain form: each cell a closed rectangle
    (``M L L L C``), text at font size 1 scaled by its ``CTM``, advances repeated with ``g N d``, and the
    document's parts named from the package root (``/Doc_0/...``)."""
    import zipfile

    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    rows = [("项目", "金额"), ("甲", "10.00"), ("乙", "20.00"), ("合计", "31.00")]
    objects = []
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            x, y = 20 + 40 * c, 40 + 8 * r
            objects.append(f"<ofd:PathObject ID='1' Boundary='{x} {y} 40 8'><ofd:AbbreviatedData>"
                           "M 0 0 L 40 0 L 40 8 L 0 8 C</ofd:AbbreviatedData></ofd:PathObject>")
            advances = f"g {len(text) - 1} {1 if text[0] > '~' else 0.5}" if len(text) > 1 else ""
            objects.append(f"<ofd:TextObject ID='2' Boundary='{x + 1} {y + 1} 38 6' Font='1' Size='1' "
                           f"CTM='3.5 0 0 3.5 0 0'><ofd:TextCode X='0' Y='1' DeltaX='{advances}'>{text}"
                           "</ofd:TextCode></ofd:TextObject>")
    objects.append("<ofd:TextObject ID='3' Boundary='20 20 170 6' Font='1' Size='3.5'><ofd:TextCode X='0' "
                   "Y='3.5' DeltaX='g 7 3.5'>表1 项目支出表</ofd:TextCode></ofd:TextObject>")
    page = f"<ofd:Page {ns}><ofd:Content><ofd:Layer>{''.join(objects)}</ofd:Layer></ofd:Content></ofd:Page>"
    path = tmp_path / "cells.ofd"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot>"
                              "</ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f"<ofd:Document {ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>"
                                         "0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>"
                                         "<ofd:Page ID='1' BaseLoc='/Doc_0/Pages/Page_0/Content.xml'/></ofd:Pages>"
                                         "</ofd:Document>")
        z.writestr("Doc_0/Pages/Page_0/Content.xml", page)
    doc = ingest.read(path)
    assert list(doc.lines) == ["表1 项目支出表", "项目\t金额", "甲\t10.00", "乙\t20.00", "合计\t31.00"]
    found = engine.run(doc, checks)
    assert [(f.code, f.stated, f.span.where) for f in found] == [("TAB001", "31.00",
                                                                    "page 1, table 1, row 4, column 2")]


def test_a_body_line_ending_one_page_and_a_like_one_opening_the_next_are_kept(tmp_path, checks):
    """Digits aside, 'X万元，完成年初预算的Y%。决算数与年初预算数持平。' may close page 1 and open page 2: not
    a running header or footer (those sit at the same edge and height on every page), so both are read."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "edges.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    filler = "主要用于保障机构正常运转、完成日常工作任务而发生的各项支出，包括人员经费和公用经费等基本支出事项"
    pages = [["某县农业局2024年度部门决算", *[filler] * 41,
              "7.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为46.15万元，支出决算为",
              "46.15万元，完成年初预算的100.00%。决算数与年初预算数持平。"],
             ["8.卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）。年初预算为8.40万元，支出决算为",
              "9.40万元，完成年初预算的100.00%。决算数与年初预算数持平。"]]
    for lines in pages:
        y = 800
        for line in lines:
            c.setFont("STSong-Light", 10.5)
            c.drawString(40, y, line)
            y -= 17
        c.showPage()
    c.save()
    found = engine.run(ingest.read(path), checks)
    assert sorted((f.code, f.stated) for f in found) == [("CMP001", "9.40万元"), ("RAT001", "100.00%")]


@pytest.mark.parametrize("centred", [True, False])
def test_an_unruled_table_row_whose_name_wraps_stays_one_row(tmp_path, checks, centred):
    """A long 项 name in a table without ruling lines wraps to two lines, around its row's figures (centred
    vertically) or below them: the words go into that row's cell and the table is read whole."""
    from reportlab.pdfgen import canvas

    _cid_font()
    rows = [("科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"),
            ("201", "一般公共服务支出", "300.00", "200.00", "100.00"),
            ("2010301", "行政运行", "200.00", "200.00", ""),
            ("2010399", ("其他政府办公厅（室）及相关机构", "事务支出"), "100.00", "", "100.00"),
            ("208", "社会保障和就业支出", "200.00", "160.00", "40.00"),
            ("2080505", "机关事业单位基本养老保险缴费支出", "200.00", "160.00", "40.00"),
            ("合计", "", "500.00", "360.00", "140.00")]
    xs = [40, 100, 300, 380, 450]
    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, "支出决算表")
    c.drawString(40, 784, "单位：万元")
    y = 760
    for row in rows:
        wrapped = isinstance(row[1], tuple)
        if wrapped and centred:
            y -= 8
        for x, cell in zip(xs, row):
            if isinstance(cell, tuple):
                first, rest = cell
                c.drawString(x, y + 8 if centred else y, first)
                c.drawString(x, y - 8 if centred else y - 16, rest)
            elif cell:
                c.drawString(x, y, cell)
        y -= 24 if wrapped else 16
    c.save()
    doc = ingest.read(path)
    assert "2010399\t其他政府办公厅（室）及相关机构事务支出\t100.00\t\t100.00" in doc.lines
    assert engine.run(doc, checks) == []


@pytest.mark.parametrize("total", ["2,732.72", "2,742.72"])
@pytest.mark.parametrize("centred", [True, False])
def test_an_unruled_table_of_right_aligned_amounts_is_read(tmp_path, checks, total, centred):
    """Amounts set flush right under headers centred over them (or set flush left, lining up with none),
    rows with blank cells, no ruling lines: the columns are where the amounts end and the words begin, so
    the table is read and its 合计 footed."""
    from reportlab.pdfgen import canvas

    _cid_font()
    rows = [("301", "工资福利支出", "1,934.85", "1,934.85", ""),
            ("30101", "基本工资", "462.18", "462.18", ""),
            ("30102", "津贴补贴", "1,472.67", "1,472.67", ""),
            ("302", "商品和服务支出", "797.87", "", "797.87"),
            ("30201", "办公费", "797.87", "", "797.87"),
            ("合计", "", total, "1,934.85", "797.87")]
    right = [None, None, 390, 480, 570]  # where each amount column ends, well right of its header
    path = tmp_path / "unruled.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, "一般公共预算基本支出表")
    c.drawString(40, 784, "单位：万元")
    heads = [(40, "经济分类科目编码"), (140, "科目名称"), (300, "合计"), (395, "人员经费"), (485, "公用经费")]
    for x, name in heads:
        c.drawString(x if not centred or x < 300 else x + 10, 760, name)
    y = 742
    for row in rows:
        c.drawString(40, y, row[0])
        c.drawString(140, y, row[1])
        for end, cell in zip(right[2:], row[2:]):
            if cell:
                c.drawRightString(end, y, cell)
        y -= 16
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks)]
    assert found == ([] if total == "2,732.72" else [("TAB001", "2,742.72")])


@pytest.mark.parametrize("total", ["1,979.60", "1,956.80"])
def test_an_unruled_table_begun_at_a_page_foot_is_footed_over_both_pages(tmp_path, checks, total):
    """A table's header and first two rows close a page (too few lines to be read as a table), its header is
    printed again over the rest on the next page: the first rows are put back at its head, so its 合计 is
    footed over all its rows."""
    from reportlab.pdfgen import canvas

    _cid_font()
    header = [(46, "采购项目"), (222, "采购品目"), (280, "数量"), (374, "计量单位"), (433, "合计"), (527, "货物"),
              (620, "工程"), (714, "服务")]
    pages = [[("办公设备购置", "台式计算机", "30", "台", "15.60", "15.60", "", ""),
              ("办公设备购置", "打印机", "12", "台", "7.20", "7.20", "", "")],
             [("火化设备更新改造", "火化机", "1", "台", "152.00", "152.00", "", ""),
              ("院舍消防设施改造", "消防工程", "1", "项", "74.35", "", "74.35", ""),
              ("政府购买养老服务", "养老服务", "12", "月", "1,730.45", "", "", "1,730.45"),
              ("合计", "", "56", "", total, "174.80", "74.35", "1,730.45")]]
    path = tmp_path / "split.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    for number, rows in enumerate(pages):
        c.setFont("STSong-Light", 10)
        y = 560
        if not number:
            c.drawString(46, 120, "政府采购预算表")
            c.drawString(46, 104, "单位：万元")
            y = 88
        for x, name in header:
            c.drawString(x, y, name)
        for row in rows:
            y -= 16
            c.drawString(46, y, row[0])
            c.drawString(222, y, row[1])
            c.drawRightString(362, y, row[2])
            c.drawString(374, y, row[3])
            for end, cell in zip((515, 608, 702, 796), row[4:]):
                if cell:
                    c.drawRightString(end, y, cell)
        c.showPage()
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]
    assert found == ([] if total == "1,979.60" else [("TAB001", "1,956.80")] * 2)  # down and across



@pytest.mark.parametrize("cell", ["594,780", "594,870"])
def test_an_unruled_table_goes_on_over_a_page_whose_rows_fill_too_few_columns(tmp_path, checks, cell):
    """An unruled table under a group's name (一般公共预算支出 over 合计 | 基本支出 | 项目支出), its header
    printed again over the next page, where no row fills every column (too few to find the columns from
    that page alone): the rows there are cut by the columns of the page before, and footed."""
    from reportlab.pdfgen import canvas

    _cid_font()
    first = [("207", "文化旅游体育与传媒支出", "1,500,000", "1,000,000", "500,000"),
             ("2070301", "行政运行", "1,000,000", "1,000,000", ""),
             ("2070308", "群众体育", "500,000", "", "500,000"),
             ("210", "卫生健康支出", "913,540", "913,540", ""),
             ("21011", "行政事业单位医疗", "913,540", "913,540", "")]
    second = [("2101101", "行政单位医疗", "318,760", "318,760", ""),
              ("2101102", "事业单位医疗", cell, "594,780", ""),
              ("", "合计", "2,413,540", "1,913,540", "500,000")]
    path = tmp_path / "continued.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, rows in enumerate((first, second)):
        c.setFont("STSong-Light", 10)
        y = 800
        if not number:
            c.drawString(40, y, "一般公共预算支出功能分类预算表")
            c.drawString(40, y - 16, "单位：元")
            y -= 32
        c.drawString(330, y, "一般公共预算支出")
        c.drawString(40, y - 14, "功能分类科目编码")
        c.drawString(140, y - 14, "功能分类科目名称")
        for end, name in zip((360, 440, 520), ("合计", "基本支出", "项目支出")):
            c.drawRightString(end, y - 28, name)
        y -= 28
        for row in rows:
            y -= 16
            c.drawString(40, y, row[0])
            c.drawString(140, y, row[1])
            for end, amount in zip((360, 440, 520), row[2:]):
                if amount:
                    c.drawRightString(end, y, amount)
        c.showPage()
    c.save()
    doc = ingest.read(path)
    assert f"2101102\t事业单位医疗\t{cell}\t594,780\t" in doc.lines
    found = {(f.code, f.stated) for f in engine.run(doc, checks) if f.severity.name != "INFO"}
    assert found == (set() if cell == "594,780" else {("TAB001", "594,870"), ("TAB001", "913,540")})


@pytest.mark.parametrize("cell", ["380.00", "390.00"])
def test_an_unruled_table_of_class_columns_goes_on_over_a_page_without_its_header(tmp_path, checks, cell):
    """An unruled 支出决算表 with 类 | 款 | 项 in columns of their own (no row fills all three) and a group's
    name (基本支出) spanning its columns in the header, its 合计 first, its last 类 on the next page with no
    header: those rows are cut by the columns of the page before (each column's extent from its rows of
    figures, not from a name spanning it), and the 合计 is footed over both pages."""
    from reportlab.pdfgen import canvas

    _cid_font()
    ends = (330, 410, 490, 570)
    first = [("", "", "", "合计", "1,380.00", "1,080.00", "900.00", "180.00", "300.00"),
             ("201", "", "", "一般公共服务支出", "1,000.00", "700.00", "520.00", "180.00", "300.00"),
             ("", "03", "", "政府办公厅（室）及相关机构事务", "1,000.00", "700.00", "520.00", "180.00", "300.00"),
             ("", "", "01", "行政运行", "700.00", "700.00", "520.00", "180.00", "0.00"),
             ("", "", "99", "其他政府办公厅（室）及相关机构事务支出", "300.00", "0.00", "0.00", "0.00", "300.00")]
    second = [("221", "", "", "住房保障支出", "380.00", "380.00", "380.00", "0.00", "0.00"),
              ("", "02", "", "住房改革支出", "380.00", "380.00", "380.00", "0.00", "0.00"),
              ("", "", "01", "住房公积金", cell, "380.00", "380.00", "0.00", "0.00")]
    path = tmp_path / "continued.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 9)
    c.drawString(40, 800, "支出决算表")
    c.drawString(40, 786, "单位：元")
    c.drawString(120, 770, "项目")
    c.drawString(420, 770, "基本支出")
    for x, name in ((40, "类"), (62, "款"), (84, "项"), (110, "科目名称")):
        c.drawString(x, 756, name)
    for end, name in zip((*ends[:1], *ends[1:4], 650), ("本年支出合计", "小计", "人员经费", "公用经费", "项目支出")):
        c.drawRightString(end, 756, name)
    for number, rows in enumerate((first, second)):
        y = 756 if not number else 816
        for row in rows:
            y -= 14
            for x, text in zip((40, 62, 84, 110), row[:4]):
                c.drawString(x, y, text)
            for end, amount in zip((*ends, 650), row[4:]):
                c.drawRightString(end, y, amount)
        c.drawString(290, 40, f"-{number + 1}-")
        c.showPage()
        c.setFont("STSong-Light", 9)
    c.save()
    doc = ingest.read(path)
    found = {(f.code, f.stated) for f in engine.run(doc, checks) if f.severity.name != "INFO"}
    # (住房改革支出 over it, and its own row: 本年支出合计 390.00 against 人员经费 380.00, 公用经费, 项目支出)
    assert found == (set() if cell == "380.00" else {("TAB001", "380.00"), ("TAB001", "390.00")})


def _budget_page(path, caption: str, unit: str, amounts: tuple[int, int, int]):
    """A reportlab canvas with a budget table's caption, unit line and header (科目编码 | 科目名称 | 合计 |
    基本支出 | 项目支出, the amounts' columns at ``amounts``), no ruling lines: the rows are the caller's."""
    from reportlab.pdfgen import canvas

    _cid_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, caption)
    c.drawString(40, 784, f"单位：{unit}")
    for x, name in [(40, "科目编码"), (100, "科目名称"), *zip(amounts, ("合计", "基本支出", "项目支出"))]:
        c.drawString(x, 760, name)
    return c


def _wrapped_rows(c, rows, *, pitch: float, gap: float, top: float = 744, columns=(200, 270, 340)) -> None:
    """Draws an unruled table's rows under ``_budget_page``'s header: each ``(code, lines of its name, the
    line its code and figures stand beside, its figures)``, the name's lines ``pitch`` apart, ``gap`` more
    between rows."""
    y = top
    for code, lines, at, figures in rows:
        for k, words in enumerate(lines):
            c.drawString(100, y - pitch * k, words)
        c.drawString(40, y - pitch * at, code)
        for x, figure in zip(columns, figures):
            c.drawString(x, y - pitch * at, figure)
        y -= pitch * len(lines) + gap

@pytest.mark.parametrize("total", ["1,500.00", "1,800.00"])
def test_an_unruled_table_with_names_indented_by_blanks_is_read(tmp_path, checks, total):
    """Names indented by level with full-width blanks (as word processors export them): a blank ends the
    words before it (the code) where they end, not where the blank starts (the name's column), so the code
    and name columns stay apart and the table is read and footed."""
    rows = [("201", 0, "一般公共服务支出", "1,500.00", "1,000.00", "500.00"),
            ("20103", 1, "政府办公厅（室）及相关机构事务", total, "1,000.00", "500.00"),
            ("2010301", 2, "行政运行", "1,000.00", "1,000.00", "0.00"),
            ("2010302", 2, "一般行政管理事务", "500.00", "0.00", "500.00"),
            ("", 0, "合计", "1,500.00", "1,000.00", "500.00")]
    path = tmp_path / "indented.pdf"
    c = _budget_page(path, "一般公共预算支出功能分类预算表", "元", (330, 410, 490))
    y = 742
    for code, level, name, *amounts in rows:
        c.drawString(40, y, code)
        c.drawString(100, y, "\u3000" * level + name)
        for x, cell in zip((330, 410, 490), amounts):
            c.drawString(x, y, cell)
        y -= 16
    c.save()
    doc = ingest.read(path)
    assert "2010302\t一般行政管理事务\t500.00\t0.00\t500.00" in doc.lines
    found = engine.run(doc, checks)
    assert {f.code for f in found} == (set() if total == "1,500.00" else {"TAB001"})
    assert all(total in f.figures for f in found)


@pytest.mark.parametrize("cell", ["505.75", "550.75"])
def test_an_unruled_table_of_names_wrapped_over_four_lines_around_their_figures_is_read(tmp_path, checks, cell):
    """A name wrapped over four lines, the row's figures between its second and third (no words on the
    figures' line), the next row's name starting above its figures: the three lines between two rows stay
    in the table, and each name reads top to bottom."""
    rows = [("20805", ["行政事业单位养老支出"], 0, "760.91"),
            ("2080505", ["机关事业单", "位基本养老", "保险缴费支", "出"], 1.5, cell),
            ("2080506", ["机关事业单", "位职业年金", "缴费支出"], 1, "255.16"),
            ("", ["合计"], 0, "760.91")]
    path = tmp_path / "four.pdf"
    c = _budget_page(path, "一般公共预算支出功能分类预算表", "万元", (200, 270, 340))
    _wrapped_rows(c, [(code, lines, middle, (amount, "0.00", amount)) for code, lines, middle, amount in rows],
                  pitch=12, gap=6)
    c.save()
    doc = ingest.read(path)
    assert f"2080505\t机关事业单位基本养老保险缴费支出\t{cell}\t0.00\t{cell}" in doc.lines
    assert "2080506\t机关事业单位职业年金缴费支出\t255.16\t0.00\t255.16" in doc.lines
    found = engine.run(doc, checks)
    assert {f.code for f in found} == (set() if cell == "505.75" else {"TAB001"})


def test_two_panels_numbered_alike_on_lines_of_their_own_are_two_lists(tmp_path, checks):
    """A summary table not recovered, its 收入 and 支出 panels' numbered labels on lines of their own
    (三、国有资本经营 over 三、国防支出): not one list repeating a number."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "panels.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, "财政拨款收入支出决算总表")
    lines = [(40, "一、一般公共预算"), (300, "一、一般公共服务支出"), (40, "二、政府性基金预"),
             (300, "二、外交支出"), (40, "三、国有资本经营"), (300, "三、国防支出"), (300, "四、公共安全支出")]
    for k, (x, words) in enumerate(lines):
        c.drawString(x, 770 - 14 * k, words)
    c.save()
    assert not [f for f in engine.run(ingest.read(path), checks) if f.code == "DOC002"]


@pytest.mark.parametrize("cell", ["760.70", "730.70"])
def test_an_unruled_table_of_names_wrapped_over_three_lines_is_read(tmp_path, checks, cell):
    """Names in a narrow column wrapped over two and three lines, the row's figures beside the middle line
    (or the first), rows of wrapped names one after another: each line of words goes into the nearer of
    the rows above and below it, so every name is whole and the table is footed."""
    rows = [("212", ["城乡社区支出"], 0, "1,048.39", "0.00", "1,048.39"),
            ("21208", ["国有土地使用权", "出让收入安排的", "支出"], 1, "1,048.39", "0.00", "1,048.39"),
            ("2120801", ["征地和拆迁补偿", "支出"], 0, cell, "0.00", "730.70"),
            ("2120899", ["其他国有土地使", "用权出让收入安", "排的支出"], 1, "317.69", "0.00", "317.69"),
            ("", ["合计"], 0, "1,048.39", "0.00", "1,048.39")]
    path = tmp_path / "narrow.pdf"
    c = _budget_page(path, "政府性基金预算支出功能分类预算表", "万元", (200, 270, 340))
    _wrapped_rows(c, [(code, lines, middle, amounts) for code, lines, middle, *amounts in rows], pitch=12, gap=6)
    c.save()
    doc = ingest.read(path)
    assert "2120899\t其他国有土地使用权出让收入安排的支出\t317.69\t0.00\t317.69" in doc.lines
    assert "21208\t国有土地使用权出让收入安排的支出\t1,048.39\t0.00\t1,048.39" in doc.lines
    found = engine.run(doc, checks)
    assert {f.code for f in found} == (set() if cell == "730.70" else {"TAB001"})


@pytest.mark.parametrize("cell", ["1,510.38", "1,610.38"])
def test_an_unruled_table_of_names_wrapped_over_three_widely_spaced_lines_keeps_each_name(tmp_path, checks, cell):
    """A word processor's unruled table: names wrapped over three lines 1.4 lines apart, the row's figures
    beside the first (a cell set to the top), a gap before the next row. The third line is its second's
    neighbour, not the next row's (灾害防治及 ⏎ 应急管理支 ⏎ 出 | 应急管理事 ⏎ 务 were read 灾害防治及应急管理支 |
    出应急管理事务: wave w76a)."""
    rows = [("224", ["灾害防治及", "应急管理支", "出"], "1,739.38"),
            ("22401", ["应急管理事", "务"], "1,739.38"),
            ("2240101", ["行政运行"], "229.00"),
            ("2240106", ["安全监管"], cell),
            ("", ["合计"], "1,739.38")]
    path = tmp_path / "spaced.pdf"
    c = _budget_page(path, "一般公共预算支出功能分类预算表", "万元", (200, 270, 340))
    _wrapped_rows(c, [(code, lines, 0, (amount, "", amount)) for code, lines, amount in rows],
                  pitch=14, gap=10, top=740)
    c.save()
    doc = ingest.read(path)
    assert "224\t灾害防治及应急管理支出\t1,739.38\t\t1,739.38" in doc.lines
    assert "22401\t应急管理事务\t1,739.38\t\t1,739.38" in doc.lines
    found = engine.run(doc, checks)
    assert {f.code for f in found if f.severity != "info"} == (set() if cell == "1,510.38" else {"TAB001"})


@pytest.mark.parametrize("total", ["2,018.90", "2,118.90"])
def test_an_unruled_table_whose_header_names_columns_no_row_fills_is_read(tmp_path, checks, total):
    """An unruled 收入预算总表: codes in three columns (类 | 款 | 项) under one header name, five columns of
    amounts named, the last three blank in every row (事业单位经营收入 | 其他收入 stand over nothing): the
    blank columns are added to the rows' own, the table read and footed (it was left unread, its 合计
    unchecked: wave w76a)."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont("STSong-Light", 10)
    c.drawString(300, 560, "2026年预算单位收入预算总表")
    c.drawString(40, 540, "单位：万元")
    for x, name in ((40, "功能分类科目编码"), (150, "科目名称"), (250, "合计"), (330, "财政拨款收入"),
                    (430, "事业收入"), (520, "事业单位经营收入"), (640, "其他收入")):
        c.drawString(x, 515, name)
    for x, name in ((42, "类"), (72, "款"), (102, "项")):
        c.drawString(x, 500, name)
    rows = [("205", "", "", "教育支出", total, "1,978.23", "40.67"),
            ("205", "02", "", "普通教育", "1,955.93", "1,915.26", "40.67"),
            ("205", "02", "03", "初中教育", "1,955.93", "1,915.26", "40.67"),
            ("205", "08", "", "进修及培训", "62.97", "62.97", "")]
    for k, (a, b, code, name, *amounts) in enumerate(rows):
        y = 480 - 20 * k
        for x, value in zip((40, 70, 100, 150, 250, 330, 430), (a, b, code, name, *amounts)):
            c.drawString(x, y, value)
    c.save()
    doc = ingest.read(path)
    assert any(line.startswith("205\t\t\t教育支出\t") and line.count("\t") == 8 for line in doc.lines)
    found = engine.run(doc, checks)
    assert {f.code for f in found if f.severity != "info"} == (set() if total == "2,018.90" else {"TAB001"})


@pytest.mark.parametrize("gap", [0, 6])
def test_names_whose_figures_stand_beside_their_last_line_are_not_run_into_the_row_above(tmp_path, checks, gap):
    """An unruled table whose long names wrap over four lines, the row's figures beside the last (a cell set
    to the bottom), rows a gap apart or none: the first lines of a name are never taken for the row above's
    (一、上年结转二、财政拨款（补助）, its 合计 then footed wrongly: code review 77b); the table is read right,
    or left unread, never footed over wrong rows."""
    rows = [(["一、上年结转"], "100.00"), (["二、财政拨款", "（补助）", "收入", "（一般公共预算）"], "1,200.00"),
            (["（一）教育支出"], "800.00"), (["（二）社会保障和就业支出"], "400.00"), (["三、事业收入"], "300.00"),
            (["四、其他收入"], "50.00"), (["合计"], "1,650.00")]
    path = tmp_path / "bottom.pdf"
    c = _budget_page(path, "2024年部门收入预算表", "万元", (260, 330, 400))
    _wrapped_rows(c, [("", lines, len(lines) - 1, (amount, amount)) for lines, amount in rows],
                  pitch=13, gap=gap, columns=(260, 330))
    c.save()
    found = [f for f in engine.run(ingest.read(path), checks) if f.severity != "info"]
    assert found == []


def test_only_header_cells_right_of_the_filled_columns_are_blank_columns():
    """Of a header's cells standing over no column its rows fill, those right of them all are columns no
    row fills (事业收入 | 其他收入); one between two columns is a group's name over them (收入 over 项目 |
    决算数), no column (read as one, it moved every amount a cell right: wave w71a's PDF, swept)."""
    from crossfoot.ingest.pdf import _blank_columns, _Text

    def line(top: float, *words: tuple[float, str]) -> _Text:
        return _Text([{"text": ch, "x0": x + 10 * k, "x1": x + 10 * k + 10, "top": top, "bottom": top + 10,
                       "size": 10.0} for x, word in words for k, ch in enumerate(word)])

    cut = [(t, t.segments()) for t in (line(100, (176, "收入"), (420, "支出")),
                                       line(112, (40, "项目"), (200, "决算数"), (430, "合计"), (600, "其他收入")),
                                       line(124, (40, "一般公共预算"), (200, "1,254.80"), (430, "1,254.80")))]
    bands = [[40.0, 160.0], [200.0, 280.0], [430.0, 510.0]]
    assert _blank_columns(cut, bands) == [*bands, [600.0, 640.0]]


def test_a_group_name_over_an_unruled_header_is_no_blank_column(tmp_path):
    """An unruled 财政拨款收入支出决算总表: 收入 and 支出 set over their sides, the last two columns blank in
    every row. The blank columns after the last filled one are added; a group's name between columns is
    not one (收入 read as a column moved every amount one cell right: wave w71a's PDF, swept)."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "sides.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont("STSong-Light", 10)
    c.drawString(330, 560, "财政拨款收入支出决算总表")
    c.drawString(40, 540, "单位：万元")
    c.drawString(176, 524, "收入")  # (between the columns of its side, over neither)
    c.drawString(420, 524, "支出")
    for x, name in ((510, "一般公共预算财政"), (610, "政府性基金预算财"), (710, "国有资本经营预算")):
        c.drawString(x, 512, name)  # (names wrapped over two lines, around the line naming the others)
    for x, name in ((40, "项目"), (200, "决算数"), (280, "项目"), (430, "合计")):
        c.drawString(x, 500, name)
    for x, name in ((510, "拨款"), (610, "政拨款"), (710, "财政拨款")):
        c.drawString(x, 488, name)
    rows = [("一、一般公共预算财政拨款", "1,254.80", "一、一般公共服务支出", "1,034.80", "1,034.80"),
            ("二、政府性基金预算财政拨款", "", "二、卫生健康支出", "220.00", "220.00"),
            ("本年收入合计", "1,254.80", "本年支出合计", "1,254.80", "1,254.80")]
    for k, row in enumerate(rows):
        y = 466 - 20 * k
        for x, value in zip((40, 200, 280, 430, 510), row):
            c.drawString(x, y, value)
    c.save()
    lines = ingest.read(path).lines
    assert "一、一般公共预算财政拨款\t1,254.80\t一、一般公共服务支出\t1,034.80\t1,034.80\t\t" in lines


@pytest.mark.parametrize("caption", ["一般公共预算财政拨款“三公”经费支出决算表", "表4  一般公共预算“三公”经费支出决算表"])
@pytest.mark.parametrize("rules", [True, False])
@pytest.mark.parametrize("receptions", ["12,539.96", "12,593.96"])
def test_two_unruled_tables_on_one_page_stay_two(tmp_path, checks, caption, rules, receptions):
    """Two unruled tables one above the other (three-line tables, or none at all), the second's caption
    centred over it between them, or a 表N caption set in two stretches: two tables, each footed on its own
    (read as one, the second's rows fell under the first's header and its codes were summed as amounts)."""
    path = tmp_path / "stacked.pdf"
    c = _cjk_canvas(path, (595, 842), 9)
    c.drawCentredString(297, 790, "一般公共预算财政拨款基本支出决算表")
    first = [("科目编码", "科目名称", "合计（元）", "人员经费（元）", "公用经费（元）"),
             ("", "合计", "700,000.00", "600,000.00", "100,000.00"),
             ("30101", "基本工资", "600,000.00", "600,000.00", ""),
             ("30201", "办公费", "100,000.00", "", "100,000.00")]
    y = 766
    for row in first:
        for x, cell in zip((100, 150, 337, 417, 497), row):
            if cell:
                (c.drawString if x < 300 else c.drawRightString)(x, y, cell)
        y -= 12
    if rules:
        for at in (776, 762, 716):
            c.line(93, at, 503, at)
    if caption.startswith("表4"):
        c.drawString(160, 690, "表4")
        c.drawString(230, 690, caption[4:])
    else:
        c.drawCentredString(297, 690, caption)
    second = [("项目", "预算数（元）", "决算数（元）"), ("合计", "99,177.34", "69,994.02"),
              ("因公出国（境）费", "0.00", "0.00"), ("公务用车购置及运行费", "86,637.38", "64,978.04"),
              ("公务接待费", receptions, "5,015.98")]
    y = 664
    for row in second:
        for x, cell in zip((140, 367, 457), row):
            (c.drawString if x < 300 else c.drawRightString)(x, y, cell)
        y -= 12
    if rules:
        for at in (674, 660, 600):
            c.line(133, at, 463, at)
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity != "info"]
    assert found == ([] if receptions == "12,539.96" else [("TAB001", "99,177.34")])


@pytest.mark.parametrize("cut", ["万 | 元", "4. | 38", "4 | .38", "1, | 101"])
@pytest.mark.parametrize("change", ["4.88", "4.38"])
def test_a_figure_cut_by_a_pdf_lines_end_is_read_whole(tmp_path, checks, cut, change):
    """Prose set in lines cut at a character count (a line ends short of the margin): a figure cut by a
    line's end (4.38万 | 元, 4. | 38, 4 | .38, 1, | 101.30) joins the next line, so the sentence is checked."""
    sentence = f"七、机关运行经费。2025年机关运行经费预算1,096.42万元，比上年1,101.30万元减少{change}万元。"
    where = {"万 | 元": sentence.index("元。"), "4. | 38": sentence.index(change) + 2,
             "4 | .38": sentence.index(change) + 1, "1, | 101": sentence.index("1,101") + 2}[cut]
    prose = ["一、收支预算总体情况。按照综合预算原则，全部收入和支出纳入部门预算管理，收支平衡，"
             "收入和支出均按规定编列。",
             "二、其他情况。本部门无政府性基金预算拨款安排，也无国有资本经营预算拨款安排，特此说明，"
             "以上数据均为预算数。"]
    path = tmp_path / "wrapped.pdf"
    c = _cjk_canvas(path, (595, 842), 11)
    y = 780
    for line in [prose[0][:40], prose[0][40:], sentence[:where], sentence[where:], prose[1][:40], prose[1][40:]]:
        c.drawString(60, y, line)
        y -= 18
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks)]
    assert found == ([] if change == "4.88" else [("DIF001", "4.38万元")])


@pytest.mark.parametrize("reception", ["6.12", "6.21"])
def test_a_caption_over_a_line_ending_in_its_unit_keeps_its_title(tmp_path, checks, reception):
    """A caption over 部门（单位）名称：某局 单位：元 (a line that ends in the unit): two lines, so the table keeps
    its caption, and a 三公 sentence is compared with the 三公 table, never with the 基本支出 table's
    公务接待费 row."""
    tables = [("一般公共预算财政拨款基本支出决算表",
               [("科目编码", "科目名称", "决算数"), ("302", "商品和服务支出", "117,486.00"),
                ("30201", "办公费", "100,000.00"), ("30217", "公务接待费", "17,486.00"),
                ("", "公用经费合计", "117,486.00")]),
              ("一般公共预算财政拨款“三公”经费支出决算表",
               [("项目", "预算数", "决算数"), ("合计", "80,000.00", "61,235.00"),
                ("因公出国（境）费", "0.00", "0.00"), ("公务接待费", "80,000.00", "61,235.00")])]
    path = tmp_path / "captions.pdf"
    c = _cjk_canvas(path, (842, 595))
    for caption, rows in tables:
        c.setFont("STSong-Light", 14)
        c.drawCentredString(421, 550, caption)
        c.setFont("STSong-Light", 9)
        c.drawString(60, 530, "部门（单位）名称：某县林业和草原局" + " " * 30 + "单位：元")
        y = 510
        for row in rows:
            for x0, cell in zip((60, 160, 400), row):
                c.drawString(x0 + 4, y - 13, cell)
            c.line(60, y, 535, y)
            y -= 20
        c.line(60, y, 535, y)
        for x in (60, 160, 400, 535):
            c.line(x, 510, x, y)
        c.showPage()
    c.setFont("STSong-Light", 11)
    c.drawString(60, 780, f"公务接待费支出决算{reception}万元，主要用于接待上级部门检查指导。")
    c.save()
    doc = ingest.read(path)
    assert [t.title for t in Analysis(doc).tables] == [caption for caption, _ in tables]
    found = [(f.code, f.stated) for f in engine.run(doc, checks) if f.severity != "info"]
    assert found == ([] if reception == "6.12" else [("BUD014", "6.21万元")])


@pytest.mark.parametrize("total", ["215.00", "225.00"])
def test_a_cell_wrapped_onto_a_line_ending_in_biao_stays_in_its_table(tmp_path, checks, total):
    """A project's name wrapped onto a line of its own that ends in 表 (全县统计年报及定期 | 统计报表) is the
    cell's words, not a caption ending the table: the 合计 under it is footed over every row."""
    rows = [("项目名称", "年初预算", "调整预算", "决算数"), ("人口抽样调查", "45.00", "48.00", "47.20"),
            ("经济普查数据处理", "120.00", "115.00", "112.60"), ("全县统计年报及定期", "36.00", "36.00", "35.40"),
            ("统计报表",), ("统计执法检查", "18.00", "20.00", "19.80"), ("合计", "219.00", "219.00", total)]
    path = tmp_path / "wrapped.pdf"
    c = _cjk_canvas(path, (595, 842), 10.5)
    c.drawString(72, 770, "表5 项目支出决算表")
    c.drawString(72, 752, "单位：万元")
    y = 734
    for row in rows:
        if len(row) == 1:
            c.drawString(100, y, row[0])
        for x, cell in zip((72, 360, 450, 550), row if len(row) > 1 else ()):
            (c.drawString if x == 72 else c.drawRightString)(x, y, cell)
        y -= 16
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity != "info"]
    assert found == ([] if total == "215.00" else [("TAB001", "225.00")])


def _placing(c, height: float = 842, size: float = 7.5):
    """A function drawing text on canvas ``c`` by the top of its line (points from the page's top, as the
    readers report it), flush left at x or, with ``right``, flush right at x."""
    def at(x, top, text, right=False):
        (c.drawRightString if right else c.drawString)(x, height - top - size, text)
    return at


def _cjk_canvas(path, size=(595, 842), font_size=10):
    """A reportlab canvas writing ``path`` in the CJK font STSong-Light."""
    from reportlab.pdfgen import canvas

    _cid_font()
    c = canvas.Canvas(str(path), pagesize=size)
    c.setFont("STSong-Light", font_size)
    return c


@pytest.mark.parametrize("other", ["6.00", "16.00"])
def test_an_unruled_table_under_its_tag_and_unit_line_keeps_its_own_header(tmp_path, checks, other):
    """A line over an unruled table that gives its tag, department and unit apart (公开02表  部门：某局
    金额单位：万元) is no row of the table: its header stays the table's own, every column is footed."""
    rows = [("科目编码", "科目名称", "本年收入合计", "财政拨款收入", "事业收入", "其他收入"),
            ("", "合计", "524.10", "476.10", "42.00", other),
            ("211", "节能环保支出", "524.10", "476.10", "42.00", "6.00"),
            ("21101", "环境保护管理事务", "482.10", "476.10", "", "6.00"),
            ("21102", "环境监测与监察", "42.00", "", "42.00", "")]
    path = tmp_path / "tagged.pdf"
    c = _cjk_canvas(path, (842, 595), 10)
    c.drawCentredString(421, 550, "收入决算表")
    c.drawString(300, 530, "公开02表 部门：某市生态环境局")
    c.drawString(680, 530, "金额单位：万元")
    y = 505
    for row in rows:
        for x, cell in zip((60, 130, 330, 450, 570, 690), row):
            (c.drawString if x < 300 else c.drawRightString)(x if x < 300 else x + 80, y, cell)
        y -= 18
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity != "info"]
    assert found == ([] if other == "6.00" else [("TAB001", "524.10"), ("TAB001", "16.00")])


def test_an_unruled_row_ending_in_a_whole_grouped_figure_is_not_run_into_the_next_rows_code(tmp_path):
    """Rows of an unruled table reaching the right margin: 28,084,220 is whole (a last group of three),
    and a line opening with a code printed in parts (221 02 03) is the next row; neither joins a figure."""
    from reportlab.pdfgen import canvas

    _cid_font()
    rows = [("221 02 01", "住房公积金", "28,084,220"), ("221 02 03", "购房补贴", "8,652,300"),
            ("221 02 99", "其他住房改革支出", "1,263,480")]
    path = tmp_path / "unruled.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 11)
    c.drawString(72, 760, "本部门2026年住房改革支出预算情况如下（单位：元），各项均按政策标准测算，据实安排。")
    for k, (code, name, amount) in enumerate(rows):
        y = 730 - k * 18
        c.drawString(72, y, code)
        c.drawString(140, y, name)
        c.drawRightString(523, y, amount)
    c.save()
    document = ingest.read(path)
    assert not [f for f in engine.run(document, engine.load()) if f.code == "FMT001"]
    assert any("28,084,220" in b.text and "221 02 03" not in b.text for b in document.blocks)


@pytest.mark.parametrize("total", ["2,728,900", "2,782,900"])
def test_an_unruled_header_with_a_group_name_set_above_it_is_read(tmp_path, checks, total):
    """An unruled 三公 table whose merged group cell (公务用车购置及运行费 over 小计 | 购置费 | 运行费) prints
    its name at the top, above the header's first line: the name is the group's, not the column's to its
    left (before, 小计 | 购置费 | 运行费 went under 因公出国（境）费 and the 合计 was summed wrong)."""
    from reportlab.pdfgen import canvas

    _cid_font()
    xs = [60, 190, 300, 380, 460, 540, 630]  # the columns' right edges (the first: left edge)
    path = tmp_path / "sangong.pdf"
    c = canvas.Canvas(str(path), pagesize=(700, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(200, 780, "2026年某局部门“三公”经费预算表")
    c.drawString(60, 760, "编制单位：某局")
    c.drawRightString(630, 760, "单位：元")
    c.drawCentredString(460, 740, "公务用车购置及运行费")
    for x, name in zip(xs, ["项目", "合计", "因公出国（境）费"]):
        c.drawString(x, 726, name) if x == 60 else c.drawRightString(x, 726, name)
    c.drawRightString(630, 726, "公务接待费")
    for x, name in zip(xs[3:6], ["小计", "购置费", "运行费"]):
        c.drawRightString(x, 712, name)
    for k, row in enumerate([["2026年预算数", total, "180,000", "2,312,400", "450,000", "1,862,400", "236,500"],
                             ["2025年预算数", "2,383,600", "200,000", "1,935,600", "0", "1,935,600", "248,000"]]):
        y = 690 - k * 22
        c.drawString(60, y, row[0])
        for x, cell in zip(xs[1:], row[1:]):
            c.drawRightString(x, y, cell)
    c.save()
    found = [f for f in engine.run(ingest.read(path), checks) if f.code == "TAB001"]
    assert [f.stated for f in found] == ([] if total == "2,728,900" else ["2,782,900"])




@pytest.mark.parametrize("score", ["2.00", "3.00"])
def test_an_unruled_score_table_with_its_group_name_between_rows_and_a_note_beside_a_score(tmp_path, checks,
                                                                                         score):
    """A three-line score table: the 一级指标 name centred down its group's four rows (so on a line of its
    own between the second and the third), and a 扣分说明 note one space after its score. The table is one
    table, the score a cell of its own: the 小计 is judged over the group's scores."""
    from reportlab.pdfgen import canvas

    _cid_font()
    rows = [("经济效益", "新增粮食产能", "6", "6.00", ""), ("社会效益", "受益农户数", "4", "4.00", ""),
            ("可持续影响", "工程管护机制", "5", score, "管护主体未落实，扣3分"), ("满意度", "受益农户满意度", "5", "5.00", "")]
    path = tmp_path / "scores.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 14)
    c.drawCentredString(297, 800, "某县2025年度农田建设补助资金绩效评价得分表")
    c.setFont("STSong-Light", 10)
    c.line(40, 782, 560, 782)
    for x, name in zip((40, 110, 190, 290, 330, 380), ("一级指标", "二级指标", "三级指标", "分值", "得分", "扣分说明")):
        c.drawString(x, 770, name)
    c.line(40, 764, 560, 764)
    y = 750
    for k, (second, third, points, got, note) in enumerate(rows):
        c.drawString(110, y, second)
        c.drawString(190, y, third)
        c.drawRightString(310, y, points)
        c.drawString(330, y, got + (" " + note if note else ""))
        if k == 1:
            c.drawString(40, y - 9, "效益（20）")  # centred down the four rows: between the 2nd and the 3rd
        y -= 18
    for label, points, got in (("效益小计", "20", "17.00"), ("总 计", "20", "17.00")):
        c.drawString(40, y, label)
        c.drawRightString(310, y, points)
        c.drawString(330, y, got)
        y -= 18
    c.line(40, y + 10, 560, y + 10)
    c.save()
    (table,) = [t for t in recover(ingest.read(path)) if "一级指标" in t.header]
    assert [r[4].text for r in table.rows][:4] == ["6.00", "4.00", score, "5.00"]
    found = [f.stated for f in engine.run(ingest.read(path), checks) if f.code == "TAB001"]
    assert found == ([] if score == "2.00" else ["17.00"])


def test_a_summary_tables_expenditure_total_is_read_on_its_own_side_when_zeros_are_dashes(tmp_path, checks):
    """收入支出决算总表 with its empty cells printed "-": 本年支出合计 is the amount right of its label (the
    支出 side's 决算数), not the 收入 side's 决算数, which differs by the balance carried in."""
    path = tmp_path / "summary.pdf"
    rows = [["收入", "", "支出", ""], ["项目", "决算数", "项目", "决算数"],
            ["财政拨款收入", "4,114.04", "一般公共服务", "-"], ["事业收入", "-", "公共安全支出", "3,374.19"],
            ["其他收入", "-", "社会保障支出", "428.83"], ["", "", "卫生健康支出", "111.11"],
            ["", "", "住房保障支出", "286.42"], ["本年收入合计", "4,114.04", "本年支出合计", "4,200.54"],
            ["非财政结余", "-", "结余分配", "-"], ["年初结转结余", "86.50", "年末结转结余", "-"],
            ["总计", "4,200.54", "总计", "4,200.54"]]
    _table_pages(path, [["收入支出决算总表", "单位：万元", *rows, "二、收入支出决算总体情况说明",
                         "本年支出合计4200.54万元，其中：基本支出2690.67万元，项目支出1509.87万元。"]])
    found = [f"{f.code} {f.message}" for f in engine.run(ingest.read(path), checks) if f.code.startswith("BUD")]
    assert found == []


@pytest.mark.parametrize("total", ["70.40", "71.40"])
def test_an_unruled_header_with_a_name_centred_over_three_columns_and_a_wrapped_one(tmp_path, checks, total):
    """A 三公 table without rules: 公务用车购置及运行费 centred over 小计 | 购置费 | 运行费 on the line above
    them, 因公出国（境）费 wrapped over two lines beside it. The group spans its three columns only, so the
    合计 is the sum of 因公出国（境）费, the group's 小计 and 公务接待费, and only a wrong one is found."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "sangong.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 14)
    c.drawCentredString(297, 800, "某部门2026年一般公共预算“三公”经费支出预算表")
    c.setFont("STSong-Light", 9)
    c.drawRightString(540, 780, "单位：万元")
    middles = [85, 210, 268, 327, 386, 445, 504]  # each column's middle
    c.drawCentredString(268, 760, "因公出国（")
    c.drawCentredString(386, 760, "公务用车购置及运行费")
    for x, name in zip(middles, ("项目", "合计", "", "", "", "", "公务接待费")):
        if name:
            c.drawCentredString(x, 748, name)
    for x, name in zip(middles, ("", "", "境）费", "小计", "购置费", "运行费", "")):
        if name:
            c.drawCentredString(x, 736, name)
    for y, row in ((716, ("2026年预算", total, "15.00", "46.80", "30.00", "16.80", "8.60")),
                   (700, ("2025年预算", "41.70", "15.00", "17.50", "", "17.50", "9.20"))):
        c.drawString(50, y, row[0])
        for x, cell in zip(middles[1:], row[1:]):
            c.drawRightString(x + 12, y, cell)
    c.save()
    found = [f.stated for f in engine.run(ingest.read(path), checks) if f.code == "TAB001"]
    assert found == ([] if total == "70.40" else ["71.40"])


@pytest.mark.parametrize("staff", ["4775.32", "4757.32"])
def test_a_three_line_header_with_a_short_name_centred_over_three_columns(tmp_path, checks, staff):
    """A 一般公共预算财政拨款支出决算表 with rules above and below its header only: 基本支出 (four 汉字) centred
    over 小计 | 人员经费 | 公用经费 on the line under it, 合计 and 项目支出 on a line between (their cells
    merged down). 基本支出 spans its three columns and no more, so 小计 is 人员经费 + 公用经费 and the
    narrative's 基本支出 is the 小计: only a wrong 人员经费 is found."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "basic.pdf"
    height = 595
    c = canvas.Canvas(str(path), pagesize=(842, height))

    at = _placing(c, height, 9)

    c.setFont("STSong-Light", 14)
    at(316, 62, "一般公共预算财政拨款支出决算表")
    c.setFont("STSong-Light", 9)
    at(735, 90, "单位：万元")
    c.line(62, height - 104, 780, height - 104)
    for x, top, name in ((199, 108, "项目"), (550, 108, "基本支出"), (388, 115, "合计"), (720, 115, "项目支出"),
                         (67, 123, "功能分类科目编码"), (230, 123, "科目名称"), (473, 123, "小计"),
                         (550, 123, "人员经费"), (635, 123, "公用经费")):
        at(x, top, name)
    c.line(62, height - 133, 780, height - 133)
    rows = [("", "合计", "10368.03", "5350.63", staff, "575.31", "5017.41"),
            ("207", "文化旅游体育与传媒支出", "10368.03", "5350.63", staff, "575.31", "5017.41")]
    for top, row in zip((137, 152), rows):
        at(65, top, row[0])
        at(143, top, row[1])
        for x, cell in zip((436, 521, 606, 691, 777), row[2:]):
            at(x, top, cell, right=True)
    c.line(62, height - 166, 780, height - 166)
    at(62, 180, "2025年度一般公共预算财政拨款基本支出5350.63万元，其中：人员经费4775.32万元，公用经费575.31万元。")
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity >= Severity.WARNING]
    assert found == ([] if staff == "4775.32" else [("TAB001", "5350.63"), ("TAB001", "5350.63")])


def test_an_amount_printed_one_space_from_its_unit_is_one_cell(tmp_path):
    """A score one space from its note is two cells (2.50 部分指标未量化), but an amount one space from its
    unit (9746.50 万元) is one: an unruled table whose cells carry their unit never gets a column of units
    (it is left as text: its cells are no bare figures)."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "units.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    rows = [("项目", "金额", "占比"), ("基本支出", "5377.64 万元", "55.17%"), ("项目支出", "4368.86 万元", "44.83%"),
            ("合计", "9746.50 万元", "100.00%")]
    for k, row in enumerate(rows):
        for x, cell in zip((72, 250, 400), row):
            c.drawString(x, 760 - 18 * k, cell)
    c.save()
    assert not any(c.text.strip() == "万元" for t in recover(ingest.read(path)) for r in t.rows for c in r)


def test_prose_wrapped_between_figures_a_blank_apart_is_joined_again():
    """A sentence's line ending in figures a blank apart (…分别为 45 5) is no table row: hard-wrapped prose
    goes on in the next line, the year cut there whole again (code review)."""
    prose = "本单位坚持以新时代中国特色社会主义思想为指导认真\n贯彻落实上级各项决策部署围绕中心工作统筹推进各\n" * 12
    text = prose + "全年共组织培训 3 期，参训人员分别为 45 5\n2 60 人次，合计 157 人次。本部门202\n3年度收入总计 1250.00 万元。\n"
    from crossfoot.ingest.text import parse as read_text

    doc = read_text(text, "t.txt")
    assert any("本部门2023年度收入总计" in b.text for b in doc.blocks)


def test_a_table_a_cell_a_line_leaves_the_line_after_it_as_written():
    """The line after the last row of a table written a cell a line, each closed by a pipe, is no cell of it:
    kept as text (code review)."""
    from crossfoot.ingest.text import parse as read_text

    text = ("单位:万元\n项 目 |\n决 算 数 |\n合 计 |\n6.00 |\n公务接待费 |\n2.00 |\n公务用车运行费 |\n4.00 |\n"
            "备注：本表据决算填列 |\n")
    blocks = read_text(text, "t.txt").blocks
    assert [b.text for b in blocks if b.kind == "row"] == ["项 目\t决 算 数", "合 计\t6.00", "公务接待费\t2.00",
                                                         "公务用车运行费\t4.00"]
    assert blocks[-1].text == "备注：本表据决算填列 |"


@pytest.mark.parametrize("again", [False, True])
@pytest.mark.parametrize("cell", ["66.00", "76.00"])
def test_a_ruled_tables_first_header_row_left_at_a_page_foot_is_put_back_over_its_grid(tmp_path, checks, cell,
                                                                                          again):
    """A ruled table's first header row (项目 | 一般公共预算支出, each over several columns) closes a page on
    its own, the rest of the header and the body open the next, and the whole header is printed again over
    the page after: the row is put back at the head of its grid, the three pages read as one table, and its
    合计 is footed over every row (a wrong cell on the middle page is found, nothing else). When the next
    page prints the whole header again (``again``), the row left behind is that header's copy, dropped."""
    from reportlab.pdfgen import canvas

    _cid_font()
    xs = [40, 120, 300, 390, 480, 570]
    first = [("项目", 0, 2), ("一般公共预算支出", 2, 5)]
    second = [(name, k, k + 1) for k, name in enumerate(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])]
    body = [["201", "一般公共服务支出", "150.00", "84.00", "66.00"],
            ["20101", "人大事务", "150.00", "84.00", cell],
            ["205", "教育支出", "80.00", "30.00", "50.00"],
            ["20501", "教育管理事务", "80.00", "30.00", "50.00"],
            ["合计", "", "230.00", "114.00", "116.00"]]
    path = tmp_path / "stranded.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))

    def row(y: float, cells) -> float:
        for text, a, b in cells:
            c.rect(xs[a], y - 20, xs[b] - xs[a], 20)
            if text:
                c.drawString(xs[a] + 4, y - 14, text)
        return y - 20

    c.setFont("STSong-Light", 10)
    c.drawString(200, 200, "一般公共预算支出功能分类预算表")
    c.drawString(40, 180, "编制部门：某局")
    c.drawString(500, 180, "单位：万元")
    row(170, first)
    c.drawString(290, 40, "1")
    for number, page in enumerate((body[:2], body[2:])):
        c.showPage()
        c.setFont("STSong-Light", 10)
        y = 800 if number == 0 and not again else row(800, first)  # the rest of the header opening page 2
        y = row(y, second)
        for cells in page:
            y = row(y, [(text, k, k + 1) for k, text in enumerate(cells)])
    c.showPage()
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]
    assert found == ([] if cell == "66.00" else [("TAB001", "66.00"), ("TAB001", "150.00")]), found


@pytest.mark.parametrize("rate", ["0.44", "0.48"])
def test_a_rate_cut_before_its_percent_sign_by_a_pdf_lines_end_is_read_whole(tmp_path, checks, rate):
    """Prose set in lines cut at a character count: a rate whose % sign went to the next line (下降0.44 | %)
    joins it, so the rate is read as one (no missing-% warning) and checked against its amounts."""
    sentence = f"七、机关运行经费。2025年机关运行经费预算1,096.42万元，比上年1,101.30万元减少4.88万元，下降{rate}%。"
    where = sentence.index("%")
    prose = "二、其他情况。本部门无政府性基金预算拨款安排，也无国有资本经营预算拨款安排，特此说明，以上数据均为预算数。"
    found = _prose_found(tmp_path, checks, [sentence[: where - 40], sentence[where - 40 : where], sentence[where:],
                                            prose[:40], prose[40:]], size=11, left=60, step=18)
    assert found == ([] if rate == "0.44" else [("GRW001", "0.48%")]), found


_MARGIN_LINE = "二、其他情况。本部门无政府性基金预算拨款安排，也无国有资本经营预算拨款安排，特此说明，说明。"
"""A line of prose set full, so the page's right margin is where a full line ends."""


def _prose_found(tmp_path, checks, lines: list[str], size: float = 10.5, left: float = 56, step: float = 16):
    """The warnings and errors (code, stated) on a PDF page of ``lines`` of prose, each drawn at ``left`` as
    given (where a line ends is the test's choice), ``step`` points apart."""
    path = tmp_path / "prose.pdf"
    c = _cjk_canvas(path, (595, 842), size)
    y = 780
    for line in lines:
        c.drawString(left, y, line)
        y -= step
    c.save()
    return [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]


def _sideways_pdf(path, turn: int, cell: str) -> None:
    """A 三公 table drawn turned by ``turn`` degrees on a portrait page carrying no /Rotate."""
    from reportlab.pdfgen import canvas

    _cid_font()
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.translate(*((595, 0) if turn == 90 else (0, 842)))
    c.rotate(turn)
    c.setFont("STSong-Light", 10)
    c.drawString(300, 540, "财政拨款“三公”经费支出决算表")
    c.drawString(60, 520, "单位：万元")
    xs = [60, 300, 420, 540]
    rows = [["项目", "预算数", "决算数"], ["合计", "120.00", "110.00"], ["因公出国（境）费", "20.00", "20.00"],
            ["公务接待费", "30.00", "30.00"], ["公务用车购置及运行费", "70.00", cell]]
    y = 510
    for row in rows:
        for k, text in enumerate(row):
            c.rect(xs[k], y - 20, xs[k + 1] - xs[k], 20)
            c.drawString(xs[k] + 4, y - 14, text)
        y -= 20
    c.showPage()
    c.save()


@pytest.mark.parametrize("turn", [90, 270])
@pytest.mark.parametrize("cell", ["60.00", "70.00"])
def test_a_table_drawn_sideways_on_a_portrait_page_without_rotate_is_read_as_it_runs(tmp_path, checks, turn, cell):
    """A landscape table printed turned on a portrait page, the page carrying no /Rotate (some print paths
    draw it so): its text runs up or down the page, and is read as it runs, so the table is footed."""
    path = tmp_path / "sideways.pdf"
    _sideways_pdf(path, turn, cell)
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]
    assert found == ([] if cell == "60.00" else [("TAB001", "110.00")]), found


def test_the_html_report_draws_a_sideways_page_turned_as_it_was_read(tmp_path):
    """The page image of a sideways page is turned as its text was read, so each box lies on its figure."""
    import base64
    import io

    from click.testing import CliRunner
    from PIL import Image

    from crossfoot.cli import main

    path, out = tmp_path / "sideways.pdf", tmp_path / "sideways.html"
    _sideways_pdf(path, 90, "70.00")
    CliRunner().invoke(main, ["check", "--output-format", "html", "-o", str(out), str(path)])
    html = out.read_text(encoding="utf-8")
    image = Image.open(io.BytesIO(base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', html)[1])))
    assert image.width > image.height  # turned: landscape
    left, top, width, height = map(float, re.search(
        r'class="box fig [^"]*\bstated\b[^"]*"[^>]*style="left:([\d.]+)%;top:([\d.]+)%;width:([\d.]+)%;'
        r'height:([\d.]+)%', html).groups())
    inside = image.convert("L").crop((int((left + width * 0.2) / 100 * image.width),
                                      int((top + height * 0.2) / 100 * image.height),
                                      int((left + width * 0.8) / 100 * image.width),
                                      int((top + height * 0.8) / 100 * image.height)))
    assert min(inside.getextrema()) < 128  # the figure's ink is under its box, not blank paper


@pytest.mark.parametrize("reader", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("cell", ["60.00", "70.00"])
def test_a_watermark_set_across_the_page_is_not_read_into_the_table(tmp_path, checks, monkeypatch, reader, cell):
    """A watermark drawn at a slant across a table (the department's name, 公开) is not text of the page:
    its characters are not read into the cells and lines they cross, so the table is footed as printed."""
    from reportlab.pdfgen import canvas

    monkeypatch.setenv("CROSSFOOT_PDF_READER", reader)
    _cid_font()
    path = tmp_path / "watermark.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 10)
    c.drawString(200, 760, "财政拨款“三公”经费支出决算表")
    c.drawString(60, 740, "单位：万元")
    xs = [60, 300, 420, 540]
    rows = [["项目", "预算数", "决算数"], ["合计", "120.00", "110.00"], ["因公出国（境）费", "20.00", "20.00"],
            ["公务接待费", "30.00", "30.00"], ["公务用车购置及运行费", "70.00", cell]]
    y = 730
    for row in rows:
        for k, text in enumerate(row):
            c.rect(xs[k], y - 20, xs[k + 1] - xs[k], 20)
            c.drawString(xs[k] + 4, y - 14, text)
        y -= 20
    c.saveState()
    c.setFillGray(0.8)
    c.setFont("STSong-Light", 40)
    c.translate(300, 590)
    c.rotate(35)
    c.drawString(0, 0, "某市某区某某局公开")
    c.restoreState()
    c.showPage()
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]
    assert found == ([] if cell == "60.00" else [("TAB001", "110.00")]), found


@pytest.mark.parametrize("cars", ["3", "4"])
def test_a_ragged_line_whose_next_opens_on_a_closing_mark_goes_on(tmp_path, checks, cars):
    """Prose set ragged (a line ending short of the margin) whose next line opens on 、 or ，: no paragraph
    opens on a mark that closes what comes before it, so the lines are one paragraph and its list whole."""
    lines = [f"五、国有资产占有使用情况。截至2024年底，本部门共有车辆{cars}辆，其中：主要领导干部用车0辆",
             "、机要通信用车1辆、应急保障用车0辆",
             "、其他用车2辆；单价100万元（含）以上设备0台（套）。",
             "六、其他情况。本部门无政府性基金预算拨款安排，也无国有资本经营预算拨款安排，特此说明。",
             "以上数据均为预算数，按照预算管理有关规定编制，收入和支出均按规定编列，收支平衡，特此说明。"]
    found = _prose_found(tmp_path, checks, lines, size=10, left=50)
    assert found == ([] if cars == "3" else [("SUM001", "4辆")]), found


@pytest.mark.parametrize("cell", ["60.00", "70.00"])
def test_a_figure_drawn_in_runs_set_apart_in_a_ruled_cell_is_one_figure(tmp_path, checks, cell):
    """An exporter that draws a figure's digits, separators and decimals as runs a few points apart (wide
    tracking): the cell reads 1,020.00, not 1 , 020 .00, so its table is footed rather than taken as empty."""
    path = tmp_path / "tracked.pdf"
    c = _cjk_canvas(path, (595, 842), 10)
    c.drawString(200, 760, "财政拨款“三公”经费支出决算表")
    c.drawString(60, 740, "单位：万元")
    xs = [60, 300, 420, 540]
    rows = [["项目", "预算数", "决算数"], ["合计", "1,120.00", "1,110.00"], ["因公出国（境）费", "20.00", "20.00"],
            ["公务接待费", "30.00", "30.00"], ["公务用车购置及运行费", "1,070.00", f"1,0{cell}"]]
    y = 730
    for row in rows:
        for k, text in enumerate(row):
            c.rect(xs[k], y - 20, xs[k + 1] - xs[k], 20)
            x = xs[k] + 4
            for run in re.findall(r"\d+|[,.]|[^\d,.]+", text):  # each run set 3 points after the one before
                c.drawString(x, y - 14, run)
                x += c.stringWidth(run, "STSong-Light", 10) + (3 if k else 0)
        y -= 20
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]
    assert found == ([] if cell == "60.00" else [("TAB001", "1,110.00")]), found


@pytest.mark.parametrize("rate", ["8.24", "8.42"])
def test_a_ragged_line_ending_mid_sentence_before_a_long_figure_goes_on(tmp_path, checks, rate):
    """Prose set ragged: a line ends short because the figure after 比2023年度的 did not fit, its next line
    opening with that figure at the margin; the line ends on a word no sentence ends with (的), so the two
    are one sentence, and the figure is the prior it names (not this year's amount)."""
    lines = ["上海市某区某某城市管理局2024年度收支总计各为4056.28万元。其收入支出总计比2023年度的",
             f"4420.70万元减少364.42万元，下降{rate}%。主要原因：严格落实过紧日子要求，压减一般性支出。",
             _MARGIN_LINE]
    found = _prose_found(tmp_path, checks, lines)
    assert found == ([] if rate == "8.24" else [("GRW001", "8.42%")]), found


@pytest.mark.parametrize("share", ["14.9", "13.7"])
def test_a_line_ending_on_a_verb_wanting_its_figures_goes_on_to_them(tmp_path, checks, share):
    """A line ending on 分别占 a good way short of the margin: the shares after it were kept together (an
    office suite breaks no line between 13.7%、 and 27.5%), so the next line opens with them at the margin;
    one sentence, the shares of the amounts before them (wave w60e)."""
    lines = ["按经济分类，本年度部门决算支出合计5445.62万元，其中：工资福利支出812.65万元、商品和服务支出",
             "1495.22万元、对个人和家庭的补助3137.75万元，分别占",
             f"{share}%、27.5%、57.6%。",
             _MARGIN_LINE]
    found = _prose_found(tmp_path, checks, lines)
    assert found == ([] if share == "14.9" else [("SHR001", "13.7%")]), found


def test_a_heading_ending_on_such_a_verb_before_a_paragraph_opening_with_a_year_stays_apart(tmp_path, checks):
    """A heading ending on 增长 over a paragraph that opens with a year (2024年度…): no figure of the
    heading's, the paragraph read on its own and its wrong total found (code review 60)."""
    lines = ["本部门2024年度一般公共预算财政拨款基本支出较上年有所增长",
             "2024年度基本支出合计300.00万元，其中人员经费100.00万元，公用经费210.00万元。",
             _MARGIN_LINE]
    assert [code for code, _ in _prose_found(tmp_path, checks, lines)] == ["SUM001"]


@pytest.mark.parametrize("current", ["1,052.00", "1,062.00"])
def test_a_heading_ending_on_a_joining_word_is_not_run_into_the_next_paragraph(tmp_path, checks, current):
    """A numbered heading that ends on a word no sentence ends with (…与2024年预算执行数比较) and reaches
    most of the line is a heading all the same: the paragraph under it, opening with a year, is read on its
    own, so its change is checked against its two amounts."""
    lines = ["（一）上海市某区某某城市管理局2025年部门收入预算总体情况及与2024年预算执行数比较",
             f"2025年部门收入预算{current}万元，比2024年预算1,000.00万元增加52.00万元。",
             _MARGIN_LINE]
    found = _prose_found(tmp_path, checks, lines)
    assert found == ([] if current == "1,052.00" else [("DIF001", "52.00万元")]), found


@pytest.mark.parametrize("rate", ["4.7", "5.7"])
def test_a_minus_sign_ending_a_pdf_line_is_kept(tmp_path, checks, rate):
    """A minus sign that a line's end left alone (增长- ⏎ 4.7%): PDFium marks it as a word's hyphen, but in a
    report it is the number's sign, so the rate reads −4.7% and agrees with the change's (增加-13.64万元)."""
    first = "8.2080506机关事业单位职业年金缴费支出：278.95万元，比上年预算执行数增加-13.64万元，增长-"
    lines = [first, f"{rate}%，主要用于缴纳职业年金。",
             _MARGIN_LINE]
    found = _prose_found(tmp_path, checks, lines)
    assert found == ([] if rate == "4.7" else [("GRW001", "-5.7%")]), found


@pytest.mark.parametrize("other", ["100,000", "110,000"])
def test_an_unruled_group_name_centred_over_some_of_its_columns_leaves_none_out_of_the_total(tmp_path, checks,
                                                                                                other):
    """A three-line 收入预算总表 (rules over and under its header, and under its last row): 收入预算, short,
    stands over 合计 | 财政拨款收入 | 事业收入 but not over the wrapped 事业单位经营收入 nor 其他收入. The 合计
    adds up all four sources (the columns under the group's name agree in fewer rows), so only a wrong
    其他收入 is found, in its row and in its column."""
    c = _cjk_canvas(tmp_path / "income.pdf", font_size=8)

    at = _placing(c, size=8)

    c.line(44, 842 - 97, 551, 842 - 97)
    for x, top, name in ((134, 99, "项目"), (380, 99, "收入预算"), (446, 111, "事业单位经"), (152, 116, "科目名称"),
                         (267, 116, "合计"), (322, 116, "财政拨款收入"), (394, 116, "事业收入"),
                         (507, 116, "其他收入"), (454, 121, "营收入")):
        at(x, top, name)
    c.line(44, 842 - 132, 551, 842 - 132)
    rows = [("社会保障和就业支出", "12,450,711", "9,150,711", "3,200,000", "0", "100,000"),
            ("卫生健康支出", "446,932", "446,932", "0", "0", "0"),
            ("住房保障支出", "297,955", "297,955", "0", "0", "0"),
            ("合计", "13,195,598", "9,895,598", "3,200,000", "0", other)]
    for top, row in zip((135, 149, 162, 176), rows):
        at(148, top, row[0])
        for x, cell in zip((298, 366, 430, 469, 540), row[1:]):
            at(x, top, cell, right=True)
    c.line(44, 842 - 190, 551, 842 - 190)
    c.save()
    found = [f.stated for f in engine.run(ingest.read(tmp_path / "income.pdf"), checks) if f.code == "TAB001"]
    assert found == ([] if other == "100,000" else ["13,195,598", "110,000"])


def test_a_heading_set_larger_than_the_line_under_it_is_a_line_of_its_own(tmp_path):
    """A contents page: 目 录 centred in a larger size over short entries at the left margin. On a page of
    short lines the heading is the widest, so it seems to reach the margin; set larger than the next line,
    it ends there, and the contents are read as contents (a 目录 line, then its entries)."""
    path = tmp_path / "contents.pdf"
    c = _cjk_canvas(path, font_size=16)
    c.drawCentredString(297, 760, "目 录")
    c.setFont("STSong-Light", 11)
    for k, entry in enumerate(("第一部分 部门概况", "一、收入支出决算总表", "二、收入决算表")):
        c.drawString(57, 735 - 19 * k, entry)
    c.save()
    texts = [b.text for b in ingest.read(path).blocks]
    assert texts[:2] == ["目 录", "第一部分 部门概况"]


@pytest.mark.parametrize("basic", ["330.39", "352.77"])
def test_a_group_over_columns_named_on_a_lower_header_line_is_their_sum(tmp_path, checks, basic):
    """An unruled header of three lines: 项目 and 基本支出 on the first, 合计 and 项目支出 centred on the
    second (set between the lines), 人员经费 | 公用经费 under 基本支出 on the third: 基本支出 is the sum of its
    two columns (252.77 + 77.62), not the first of them, when the narrative restates it."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "grouped.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 9)
    c.drawString(40, 800, "一般公共预算财政拨款支出决算表")
    c.drawString(40, 786, "金额单位：万元")
    ends = (330, 400, 470, 540)  # 合计 | 人员经费 | 公用经费 | 项目支出, figures set flush right
    c.drawCentredString(100, 766, "项目")
    c.drawCentredString(417, 766, "基本支出")
    c.drawCentredString(312, 758, "合计")
    c.drawCentredString(522, 758, "项目支出")
    for x, name in ((40, "科目编码"), (110, "科目名称")):
        c.drawString(x, 750, name)
    c.drawCentredString(382, 750, "人员经费")
    c.drawCentredString(452, 750, "公用经费")
    rows = [("211", "节能环保支出", "1,725.39", "252.77", "77.62", "1,395.00"),
            ("2110101", "行政运行", "330.39", "252.77", "77.62", ""),
            ("2110301", "大气", "1,395.00", "", "", "1,395.00"),
            ("合计", "", "1,725.39", "252.77", "77.62", "1,395.00")]
    y = 732
    for row in rows:
        c.drawString(40, y, row[0])
        c.drawString(110, y, row[1])
        for end, amount in zip(ends, row[2:]):
            if amount:
                c.drawRightString(end, y, amount)
        y -= 16
    c.drawString(40, y - 20, "六、一般公共预算财政拨款基本支出决算情况说明")
    c.drawString(40, y - 40, f"某局2024年度一般公共预算财政拨款基本支出{basic}万元。")
    c.save()
    found = [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.severity.name != "INFO"]
    assert found == ([] if basic == "330.39" else [("BUD011", "352.77万元")])


@pytest.mark.parametrize("total", ["2,005.65", "2,050.65"])
def test_an_unruled_header_whose_fullest_line_names_too_few_columns_is_read_by_all_its_lines(tmp_path, checks,
                                                                                           total):
    """An unruled 支出决算表 whose header's last line holds the most names (科目编码 | 科目名称 | 计 | 人员经费 |
    公用经费 | 出 | 补助支出: wrapped names' ends) but not 项目支出, centred on the line above: columns taken from
    that line would leave the 项目支出 amounts under no name, so they are not taken; the columns are the
    rows' own, with the blank ones the header names to their right (上缴上级支出, 经营支出, 对附属单位补助
    支出), and the 合计 is footed across."""
    from reportlab.pdfgen import canvas

    _cid_font()
    path = tmp_path / "wide.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("STSong-Light", 7.5)
    c.drawString(265, 776, "支出决算表")
    for x, top, name in ((110, 104, "项目"), (191, 104, "本年支出合"), (272, 104, "基本支出"), (397, 104, "上缴上级支"),
                         (500, 104, "对附属单位"), (349, 110, "项目支出"), (452, 110, "经营支出"), (60, 115, "科目编码"),
                         (127, 115, "科目名称"), (206, 115, "计"), (246, 115, "人员经费"), (298, 115, "公用经费"),
                         (412, 115, "出"), (504, 115, "补助支出")):
        c.drawString(x, 842 - top - 7, name)
    rows = [("合计", "", total, "462.55", "77.62", "1,465.48"),
            ("211", "节能环保支出", "1,795.87", "252.77", "77.62", "1,465.48"),
            ("21101", "环境保护管理事务", "952.91", "252.77", "77.62", "622.52"),
            ("21103", "污染防治", "842.96", "", "", "842.96"),
            ("208", "社会保障和就业支出", "209.78", "209.78", "", "")]
    top = 129
    for row in rows:
        c.drawString(57, 842 - top - 7, row[0])
        c.drawString(105, 842 - top - 7, row[1])
        for end, amount in zip((230, 281, 333, 384), row[2:]):
            if amount:
                c.drawRightString(end, 842 - top - 7, amount)
        top += 12.5
    c.save()
    doc = ingest.read(path)
    assert "211\t节能环保支出\t1,795.87\t252.77\t77.62\t1,465.48\t\t\t" in doc.lines
    found = [(f.code, f.stated) for f in engine.run(doc, checks) if f.severity.name != "INFO"]
    assert found == ([] if total == "2,005.65" else [("TAB001", "2,050.65")] * 2)


def test_names_centred_on_their_rows_over_two_and_three_lines_keep_to_their_rows(tmp_path):
    """An unruled table (a 三线表's body) whose names wrap in a narrow column, each centred on its row's
    figures: two lines around them (行政事业单位养 ⏎ 老支出), or three with the middle one beside them
    (机关事业单位基 ⏎ 本养老保险缴费 ⏎ 支出). A line above a row's figures, further from the cell above than
    that cell's lines are apart, opens this row's name, not the last one's."""
    c = _cjk_canvas(tmp_path / "centred.pdf", font_size=7.5)

    at = _placing(c)

    for x, name in ((60, "科目编码"), (118, "科目名称"), (210, "合计"), (270, "财政拨款收入")):
        at(x, 116, name)
    for top, code, names, figure in ((133.9, "208", ((-5, "社会保障和就业"), (4.5, "支出")), "950,011"),
                                     (155.9, "208 05", ((-5, "行政事业单位养"), (4.5, "老支出")), "950,011"),
                                     (182.4, "208 05 05", ((-9.5, "机关事业单位基"), (0, "本养老保险缴费"),
                                                           (9.5, "支出")), "830,871"),
                                     (209.4, "208 05 06", ((-5, "机关事业单位职"), (4.5, "业年金缴费支出")), "119,140"),
                                     (226.4, "210", ((0, "卫生健康支出"),), "1,000")):
        at(57, top, code)
        for shift, words in names:
            at(105, top + shift, words)
        at(237, top, figure, right=True)
        at(312, top, figure, right=True)
    c.save()
    lines = ingest.read(tmp_path / "centred.pdf").lines
    assert [line.split("\t")[1] for line in lines if line.startswith("2")] == [
        "社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出",
        "卫生健康支出"]


@pytest.mark.parametrize("cell", ["3105.02", "3150.02"])
def test_an_unruled_table_with_a_column_blank_in_every_row_between_filled_ones_is_read(tmp_path, checks, cell):
    """An unruled 收入预算总表 whose 事业收入 and 事业单位经营收入 are blank in every row, between 财政拨款收入
    and 其他收入 (filled in some rows): their names, on header lines naming filled columns too, are columns
    of their own (the columns nearest them are named by other cells), while 合计, set left of its figures
    set flush right, names the column beside it. The table is read and footed."""
    c = _cjk_canvas(tmp_path / "income.pdf", font_size=7.5)

    at = _placing(c)

    at(227, 66, "2026年部门收入预算总表")
    at(400, 85, "单位：万元")
    for x, top, name in ((121, 104, "项目"), (417, 104, "事业单位经营收"), (233, 110, "合计"), (286, 110, "财政拨款收入"),
                         (361, 110, "事业收入"), (496, 110, "其他收入"), (57, 115, "科目编码"), (135, 115, "科目名称"),
                         (439, 115, "入")):
        at(x, top, name)
    rows = [("208", "社会保障和就业支出", "77.38", "77.38", ""), ("2080505", "机关事业单位基本养老保险缴费", "77.38", "77.38", ""),
            ("213", "农林水支出", "3232.80", cell, "127.78"), ("2130301", "行政运行", "3232.80", "3105.02", "127.78"),
            ("合计", "", "3310.18", "3182.40", "127.78")]
    top = 129
    for code, name, total, grant, other in rows:
        at(57, top, code)
        at(100, top, name)
        for end, amount in ((268, total), (336, grant), (538, other)):
            if amount:
                at(end, top, amount, right=True)
        top += 12.5
    c.save()
    doc = ingest.read(tmp_path / "income.pdf")
    assert "213\t农林水支出\t3232.80\t" + cell + "\t\t\t127.78" in doc.lines
    found = {(f.code, f.stated) for f in engine.run(doc, checks) if f.severity.name != "INFO"}
    # (a wrong 3150.02: its row's total across, its item's below it, and the column's 合计 down)
    assert found == (set() if cell == "3105.02" else {("TAB001", "3232.80"), ("TAB001", "3150.02"),
                                                      ("TAB001", "3182.40")})


def _panel_row(at, top: float, left: str, amount: str, right: str, other: str) -> None:
    """One row of an unruled two-panel table drawn by ``at`` (see :func:`_placing`): each panel's name flush
    left and its amount flush right, blank cells left out."""
    for x, text, flush in ((57, left, False), (292, amount, True), (304, right, False), (538, other, True)):
        if text:
            at(x, top, text, right=flush)


@pytest.mark.parametrize("cell", ["601,908.92", "610,908.92"])
def test_an_unruled_two_panel_table_whose_left_panel_runs_out_is_read_row_by_row(tmp_path, checks, cell):
    """An unruled 收入支出决算总表: 收入 | 决算数 | 支出 | 决算数, its income items running out before its
    spending items, which go on alone (九、卫生健康支出 ⏎ 十、节能环保支出, blank), each a row of its own as far
    below the last as rows stand apart (not a cell's wrapped words): the table is read, its sides footed."""
    c = _cjk_canvas(tmp_path / "panels.pdf", font_size=7.5)

    at = _placing(c)

    at(246, 94, "收入支出决算总表")
    at(450, 113, "单位：元")
    for x, name in ((129, "项目"), (248, "决算数"), (375, "项目"), (495, "决算数")):
        at(x, 144, name)
    left = [("一、一般公共预算财政拨款收入", "16,957,794.68"), ("二、政府性基金预算财政拨款收入", ""), ("三、其他收入", "")]
    right = [("一、一般公共服务支出", ""), ("二、文化旅游体育与传媒支出", "14,892,048.80"),
             ("三、社会保障和就业支出", "1,185,734.21"), ("四、卫生健康支出", cell), ("五、节能环保支出", ""),
             ("六、城乡社区支出", ""), ("七、住房保障支出", "278,102.75"), ("八、其他支出", "")]
    top = 156.9
    for k, (name, amount) in enumerate(right):
        _panel_row(at, top, *(left[k] if k < len(left) else ("", "")), name, amount)
        top += 12.5
    for name, amount, other in (("本年收入合计", "16,957,794.68", "本年支出合计"), ("总计", "16,957,794.68", "总计")):
        _panel_row(at, top, name, amount, other, amount)
        top += 12.5
    c.save()
    doc = ingest.read(tmp_path / "panels.pdf")
    assert "\t\t五、节能环保支出\t" in doc.lines
    found = {(f.code, f.stated) for f in engine.run(doc, checks) if f.severity.name != "INFO"}
    assert found == (set() if cell == "601,908.92" else {("TAB001", "16,957,794.68")})


def test_an_unruled_two_panel_table_keeps_a_wrapped_item_and_ends_at_its_total(tmp_path, checks):
    """In an unruled two-panel table whose items are numbered (一、…), a line of one cell that opens no item
    (支出, an item's name wrapped at the rows' pitch) goes on that item, and lines under 总计 at a panel's
    column (填表人：…) are no rows (code review 79k3)."""
    c = _cjk_canvas(tmp_path / "panels.pdf", font_size=7.5)

    at = _placing(c)

    at(246, 94, "收入支出决算总表")
    for x, name in ((129, "项目"), (248, "决算数"), (375, "项目"), (495, "决算数")):
        at(x, 144, name)
    rows = [("一、一般公共预算财政拨款收入", "1,000.00", "一、一般公共服务支出", "600.00"),
            ("二、政府性基金预算财政拨款收入", "", "二、教育支出", ""), ("", "", "三、灾害防治及应急管理", "400.00"),
            ("", "", "支出", ""), ("", "", "四、其他支出", ""),
            ("本年收入合计", "1,000.00", "本年支出合计", "1,000.00"), ("总计", "1,000.00", "总计", "1,000.00"),
            ("", "", "填表人：王某某", "")]
    top = 156.9
    for row in rows:
        _panel_row(at, top, *row)
        top += 12.5
    c.save()
    doc = ingest.read(tmp_path / "panels.pdf")
    assert "\t\t三、灾害防治及应急管理支出\t400.00" in doc.lines
    assert "填表人：王某某" in doc.lines
    assert [f.code for f in engine.run(doc, checks) if f.severity.name != "INFO"] == []


def test_a_two_panel_table_s_page_of_spending_items_alone_under_its_header_adds_no_column(tmp_path, checks):
    """A two-panel 收支预算总表 going on over a page, its header printed again (项目 | 决算数 | 项目 | 决算数)
    over spending items alone and the totals: the header's names, repeated for two panels and centred, are no
    columns blank in every row, so no total is footed over that page's items alone (code review 79k3)."""
    c = _cjk_canvas(tmp_path / "continued.pdf", font_size=7.5)

    at = _placing(c)

    left = [("一、一般公共预算财政拨款收入", "1,245.60"), ("二、政府性基金预算财政拨款收入", ""), ("三、其他收入", "32.40")]
    right = [("一、一般公共服务支出", "856.20"), ("二、教育支出", ""), ("三、社会保障和就业支出", "148.35"),
             ("四、卫生健康支出", "62.15"), ("五、节能环保支出", ""), ("六、城乡社区支出", ""), ("七、农林水支出", "183.90"),
             ("八、住房保障支出", "27.40"), ("九、其他支出", "")]
    totals = [("本年收入合计", "1,278.00", "本年支出合计", "1,278.00"), ("总计", "1,278.00", "总计", "1,278.00")]
    for lefts, rights, sums in ((left, right[:5], []), ([], right[5:], totals)):
        if lefts:
            at(246, 66, "收支预算总表")
        at(450, 85, "单位：万元")
        for x, name in ((129, "项目"), (248, "决算数"), (375, "项目"), (495, "决算数")):
            at(x, 116, name)
        top = 128.9
        for k in range(max(len(lefts), len(rights))):
            _panel_row(at, top, *(lefts[k] if k < len(lefts) else ("", "")),
                       *(rights[k] if k < len(rights) else ("", "")))
            top += 12.5
        for row in sums:
            _panel_row(at, top, *row)
            top += 12.5
        c.showPage()
        c.setFont("STSong-Light", 7.5)
    c.save()
    doc = ingest.read(tmp_path / "continued.pdf")
    assert [(f.code, f.stated) for f in engine.run(doc, checks) if f.severity.name != "INFO"] == []


@pytest.mark.parametrize(("drawn", "above"), [("full", ""), ("blanks", ""), ("full", "2024年“三公”经费决算数")])
def test_a_three_line_sangong_table_of_one_row_is_read_under_its_three_header_lines(tmp_path, drawn, above):
    """A 三线表 三公 table (no vertical rules): 公务用车购置及运行费 over 小计 | 购置费 | 运行费, 合计,
    因公出国（境）费 and 公务接待费 beside, 预算数 | 决算数 under each, then one row of twelve amounts (zero
    cells blank in some templates). It is read as a table of one row, each name over its own columns, so
    the narrative's 三公 amounts are compared with it (wave w81a); with words above its header that no
    line of it takes in (a group's name over six of its columns) it is left unread, as before."""
    path = tmp_path / "sangong.pdf"
    c = _cjk_canvas(path, (842, 595), 8)
    at = _placing(c, 595, 8)
    c.drawCentredString(421, 595 - 60, "一般公共预算财政拨款“三公”经费支出决算表")
    at(740, 80, "单位：万元")
    if above:
        at(300, 96, above)
    columns = [90 + 60 * k for k in range(12)]  # each column's right edge
    c.line(40, 595 - 104, 800, 595 - 104)
    c.drawCentredString((columns[4] - 50 + columns[9]) / 2, 595 - 120, "公务用车购置及运行费")
    for name, lo, hi in (("合计", 0, 1), ("因公出国（境）费", 2, 3), ("公务接待费", 10, 11)):
        c.drawCentredString((columns[lo] - 50 + columns[hi]) / 2, 595 - 130, name)  # (set between two rows)
    for name, lo, hi in (("小计", 4, 5), ("公务用车购置费", 6, 7), ("公务用车运行费", 8, 9)):
        c.drawCentredString((columns[lo] - 50 + columns[hi]) / 2, 595 - 140, name)
    for k, x in enumerate(columns):
        c.drawCentredString(x - 25, 595 - 152, "预算数" if k % 2 == 0 else "决算数")
    c.line(40, 595 - 156, 800, 595 - 156)
    amounts = ["23.50", "17.73", "8.00", "5.62", "12.50", "10.87", "0.00", "0.00", "12.50", "10.87",
               "3.00", "1.24"]
    for x, amount in zip(columns, amounts):
        if drawn == "full" or amount != "0.00":
            at(x, 160, amount, right=True)
    c.line(40, 595 - 172, 800, 595 - 172)
    c.save()
    tables = [t for t in engine.analyse(ingest.read(path), engine.load()).tables if "三公" in t.title]
    if above:
        assert tables == []
        return
    assert len(tables) == 1 and len(tables[0].rows) == 1
    header = tables[0].header
    assert [h for h in header if h.startswith("公务接待费")] == ["公务接待费预算数", "公务接待费决算数"]
    assert [h for h in header if h.startswith("合计")] == ["合计预算数", "合计决算数"]
    assert [c.text for c in tables[0].rows[0]][-2:] == ["3.00", "1.24"]


def test_a_one_row_table_whose_group_name_would_sit_on_one_sub_columns_name_is_left_unread(tmp_path):
    """公务用车购置及运行费 alone on the top line, centred over 小计 | 购置费 | 运行费 of the line under it (an
    odd number of columns: it stands over the middle one's name): the name would be put onto 购置费, so the
    table of one row is not read (its narrative's 公务用车 amount never compared with 购置费's 0.00; code
    review 82k2)."""
    path = tmp_path / "six.pdf"
    c = _cjk_canvas(path, (842, 595), 8)
    at = _placing(c, 595, 8)
    c.drawCentredString(421, 595 - 58, "2024年“三公”经费预算表")
    at(720, 68, "单位：万元")
    columns = [160 + 100 * k for k in range(6)]  # each column's right edge
    c.line(40, 595 - 80, 800, 595 - 80)
    c.drawCentredString((columns[2] - 50 + columns[4]) / 2, 595 - 94, "公务用车购置及运行费")
    for x, name in zip(columns, ("合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费")):
        c.drawCentredString(x - 25, 595 - 106, name)
        c.drawCentredString(x - 25, 595 - 118, "2024年预算数")
    c.line(40, 595 - 122, 800, 595 - 122)
    for x, amount in zip(columns, ("31.20", "6.00", "20.00", "0.00", "20.00", "5.20")):
        at(x, 126, amount, right=True)
    c.line(40, 595 - 140, 800, 595 - 140)
    c.save()
    tables = [t for t in engine.analyse(ingest.read(path), engine.load()).tables if "三公" in t.title]
    assert all("公务用车购置及运行费公务用车购置费" not in "".join(t.header) for t in tables)
