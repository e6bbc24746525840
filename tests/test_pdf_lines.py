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
