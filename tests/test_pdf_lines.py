"""Text lines of a PDF as offices' exporters set them: a figure set flush right in an unruled table's cell,
against the next cell's words, is a cell of its own; a paragraph whose next line opens with a bracketed
word and a figure glued to it (…疾病预防控制机构 ⏎ （项）”2,621.41万元) goes on into it. Drawn with reportlab,
each line at a position of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossfoot import ingest

pytest.importorskip("reportlab")


def _page(path: Path, lines: list[tuple[float, float, str]], size: float = 10.0) -> None:
    """One A4 page with each ``(x, y, text)`` drawn at x from the left, y from the top."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    canvas = pdfcanvas.Canvas(str(path))
    canvas.setFont("STSong-Light", size)
    for x, y, text in lines:
        canvas.drawString(x, 842 - y, text)
    canvas.showPage()
    canvas.save()


def _width(text: str, size: float = 10.0) -> float:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return pdfmetrics.stringWidth(text, "STSong-Light", size)


def test_a_figure_flush_against_the_next_cell_is_a_cell_of_its_own(tmp_path):
    """58,504,520 set flush right in its cell, 一、社会保障和就业支出 1.6 points after it in the next: two
    cells (a line of an unruled table, its gaps as wide as columns' elsewhere)."""
    figure = "58,504,520"
    at = 290.0 - _width(figure)
    path = tmp_path / "row.pdf"
    _page(path, [(40, 100, "一、财政拨款收入"), (at, 100, figure), (291.6, 100, "一、社会保障和就业支出"),
                 (460, 100, "2,231,261")])
    text = ingest.read(path).blocks[0].text
    assert "58,504,520 一、社会保障和就业支出" in text or "58,504,520\t一、社会保障和就业支出" in text


def test_a_figure_glued_to_words_in_prose_stays_glued(tmp_path):
    path = tmp_path / "prose.pdf"
    _page(path, [(40, 100, "本年收入合计58,504,520元，比上年增加。")])
    assert "58,504,520元" in ingest.read(path).blocks[0].text


def test_a_line_opening_on_a_bracketed_word_and_its_figure_goes_on_the_paragraph(tmp_path):
    """The line before ends short of the margin by less than （项）”2,621.41 is wide: a wrap, not a paragraph
    end; the whole name read as one."""
    wide = "其中，财政拨款支出主要用于保障单位正常运转和完成各项业务工作任务，具体情况如下所述。"
    first = "其中，“卫生健康支出（类）公共卫生（款）疾病预防控制机构"
    right = 40 + _width(wide)
    start = right - _width(first) - 30.0  # 30 points short: room for three characters, not for （项）”2,621.41
    path = tmp_path / "wrap.pdf"
    _page(path, [(40, 100, wide), (start, 120, first), (40, 140, "（项）”2,621.41万元。"),
                 (40, 160, "以上支出均按规定程序执行，严格控制一般性支出，保障重点项目。")])
    texts = [b.text for b in ingest.read(path).blocks]
    assert any("疾病预防控制机构（项）”2,621.41万元" in t for t in texts)


def test_a_unit_after_a_figure_stays_with_it_in_a_line_of_columns(tmp_path):
    """2.5 小时 set with a word processor's space between figure and unit, in a line of columns: one cell's
    words, not two cells (code review 72a)."""
    path = tmp_path / "unit.pdf"
    at = 290.0 - _width("2.5")
    _page(path, [(40, 100, "平均培训时长"), (at, 100, "2.5"), (291.6, 100, "小时"), (460, 100, "3.0小时")])
    assert "2.5小时" in ingest.read(path).blocks[0].text


def test_a_figure_s_unit_cut_by_a_line_end_goes_on_whatever_the_widths(tmp_path):
    """…2026年预算9.90万 ⏎ 元，2025年预算12.88万元，…: the unit's rest opens the next line, indented or not; no
    paragraph ends on 万 (wave w73a)."""
    path = tmp_path / "unit.pdf"
    _page(path, [(40, 100, "以上各项支出均按规定程序执行，严格控制一般性支出，保障重点项目顺利实施。"),
                 (40, 120, "6、行政运行（项）：2026年预算9.90万"),
                 (61, 140, "元，2025年预算12.88万元，减少2.98万元，下降23.14%。")])
    texts = [b.text for b in ingest.read(path).blocks]
    assert any("2026年预算9.90万元，2025年预算12.88万元" in t for t in texts)


def _cut_table(path: Path, total: str) -> None:
    """A ruled 支出决算表 whose row 2080505 a browser split over a page break: on page 1 its code, the
    first line of its wrapped name and its figures, its column rules running on to the page's foot with no
    rule across; on page 2 the rest of its name in cells open at the top, then the rows after it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    columns = [40, 110, 300, 400, 500]
    canvas = pdfcanvas.Canvas(str(path))

    def grid(rows: list[tuple[str, ...]], top: float, open_top: bool, open_foot: float | None) -> None:
        canvas.setFont("STSong-Light", 10)
        y = top
        start = top - (20 if open_top else 0)
        if not open_top:
            canvas.line(columns[0], 842 - y, columns[-1], 842 - y)
        for row in rows:
            for x, text in zip(columns, row):
                canvas.drawString(x + 3, 842 - y - 14, text)
            y += 20
            canvas.line(columns[0], 842 - y, columns[-1], 842 - y)
        foot = open_foot if open_foot is not None else y
        for x in columns:
            canvas.line(x, 842 - start, x, 842 - foot)

    canvas.setFont("STSong-Light", 10)
    canvas.drawString(40, 842 - 60, "支出决算表")
    grid([("科目编码", "科目名称", "本年支出合计", "基本支出"),
          ("", "合计", total, total),
          ("208", "社会保障和就业支出", "222.69", "222.69"),
          ("20805", "行政事业单位养老支出", "222.69", "222.69"),
          ("2080501", "行政单位离退休", "33.22", "33.22")], 80, False, None)
    canvas.setFont("STSong-Light", 10)
    for x, text in zip(columns, ("2080505", "机关事业单位基本养老", "125.28", "125.28")):
        canvas.drawString(x + 3, 842 - 194, text)
    for x in columns:
        canvas.line(x, 842 - 180, x, 842 - 800)  # the cut row's rules, on to the page's foot
    canvas.showPage()
    grid([("", "保险缴费支出", "", ""), ("2080506", "机关事业单位职业年金缴费支出", "64.19", "64.19")],
         40, True, None)
    canvas.drawString(40, 842 - 140, "注：本表反映部门本年度各项支出情况。")
    canvas.showPage()
    canvas.save()


def test_a_row_a_page_break_cut_is_read_whole_and_its_table_goes_on(tmp_path):
    """The cut row's open cells are closed at the ends of their column rules: the row is read with its
    figures, the rest of its name joined to it, and the table goes on over the page, so 合计 and 20805 foot
    (no false error); a wrong 合计 is still found."""
    from crossfoot import engine
    from crossfoot.tables import recover

    path = tmp_path / "cut.pdf"
    _cut_table(path, "222.69")
    doc = ingest.read(path)
    (table,) = [t for t in recover(doc) if t.title == "支出决算表"]
    labels = [row[1].text for row in table.rows]
    assert "机关事业单位基本养老保险缴费支出" in labels and "机关事业单位职业年金缴费支出" in labels
    checks = engine.select(engine.load(), ["TAB001"])
    assert engine.run(doc, checks) == []
    wrong = tmp_path / "wrong.pdf"
    _cut_table(wrong, "232.69")
    found = engine.run(ingest.read(wrong), checks)
    assert [str(f.stated) for f in found] == ["232.69", "232.69"]


def test_rules_running_on_past_a_table_mid_page_close_no_row(tmp_path):
    """Column rules that overshoot a table's last rule in the middle of a page (code review 75a: over a
    note below it) are no row a page break cut: the note stays a line of its own, not a row of figures."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    canvas = pdfcanvas.Canvas(str(tmp_path / "t.pdf"))
    canvas.setFont("STSong-Light", 10)
    columns, y = [40, 200, 300, 400], 200
    for row in (("项目", "本年支出合计", "基本支出"), ("甲", "10.00", "10.00"), ("合计", "10.00", "10.00")):
        canvas.line(columns[0], 842 - y, columns[-1], 842 - y)
        for x, text in zip(columns, row):
            canvas.drawString(x + 3, 842 - y - 14, text)
        y += 20
    canvas.line(columns[0], 842 - y, columns[-1], 842 - y)
    for x in columns:
        canvas.line(x, 842 - 200, x, 842 - y - 30)  # 30 points past the last rule
    canvas.drawString(210, 842 - y - 20, "12.00万元")
    canvas.showPage()
    canvas.save()
    lines = ingest.read(tmp_path / "t.pdf").lines
    assert any(line.strip() == "12.00万元" for line in lines)
