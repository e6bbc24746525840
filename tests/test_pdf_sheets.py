"""PDFs exported from a spreadsheet (one table a sheet): a sheet wider than the page prints the columns that
do not fit on the next page, at the same heights, ruled or not; a note drawn inside the grid under the body
(注：本表反映…) is no row. Drawn here with reportlab, each grid cell by cell, so the ruling is exactly a
sheet's: a caption merged across the first row, figures in the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossfoot import engine, ingest
from crossfoot.tables.recovery import recover

pytest.importorskip("reportlab")

ROW = 18.0  # a row's height, points
TOP = 780.0  # the first row's top, on an A4 page (842 points high)
LEFT = 40.0


def _grid(canvas, rows: list[list[str]], widths: list[float], spans: set[int], ruled: bool = True) -> None:
    """``rows`` drawn from TOP down, cell by cell; a row in ``spans`` is one cell across the grid (its first
    cell's words), as a merged caption; ``ruled`` False draws the words alone."""
    right = LEFT + sum(widths)
    for r, row in enumerate(rows):
        top, bottom = TOP - r * ROW, TOP - (r + 1) * ROW
        if ruled:
            canvas.line(LEFT, top, right, top)
            canvas.line(LEFT, bottom, right, bottom)
            canvas.line(LEFT, top, LEFT, bottom)
            canvas.line(right, top, right, bottom)
        x = LEFT
        for c, (width, text) in enumerate(zip(widths, row)):
            if ruled and c and r not in spans:
                canvas.line(x, top, x, bottom)
            if text and (c == 0 or r not in spans):
                canvas.drawString(x + 3, bottom + 5, text)
            x += width


def _sheet(path: Path, first: list[list[str]], second: list[list[str]] | None, ruled: bool = True,
           note: str = "") -> None:
    """A two-page PDF: ``first`` on page 1 (row 0 its caption across the grid), the columns cut from it,
    ``second``, on page 2 at the same heights (row 0 blank: the caption's cut part), ruled or not."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    canvas = pdfcanvas.Canvas(str(path))
    canvas.setFont("STSong-Light", 9)
    rows = [*first, [note] + [""] * (len(first[0]) - 1)] if note else first
    _grid(canvas, rows, [130.0] + [70.0] * (len(first[0]) - 1), {0, len(rows) - 1} if note else {0})
    canvas.showPage()
    if second is not None:
        canvas.setFont("STSong-Light", 9)
        _grid(canvas, second, [70.0] * len(second[0]), {0}, ruled=ruled)
        canvas.showPage()
    canvas.save()


CAPTION = "某局2025年部门支出决算表"
FIRST = [[CAPTION, "", ""],
         ["项目", "合计", "基本支出"],
         ["一般公共服务支出", "300.00", "100.00"],
         ["教育支出", "150.00", "50.00"],
         ["卫生健康支出", "80.00", "30.00"],
         ["农林水支出", "70.00", "20.00"],
         ["合计", "600.00", "200.00"]]
SECOND = [[""], ["项目支出"], ["200.00"], ["100.00"], ["50.00"], ["50.00"], ["400.00"]]


def _tables(path: Path):
    return [t for t in recover(ingest.read(path)) if "支出" in "".join(t.header)]


def _found(path: Path, checks):
    return [(f.code, f.stated) for f in engine.run(ingest.read(path), checks) if f.code == "TAB001"]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_columns_printed_on_the_next_page_are_the_table_s_own(tmp_path, checks, ruled):
    path = tmp_path / "sheet.pdf"
    _sheet(path, FIRST, SECOND, ruled=ruled)
    tables = _tables(path)
    assert len(tables) == 1 and len(tables[0].header) == 4
    assert [c.text for c in tables[0].rows[1]] == ["教育支出", "150.00", "50.00", "100.00"]
    assert _found(path, checks) == []


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_row_wrong_across_the_cut_is_found(tmp_path, checks, ruled):
    path = tmp_path / "sheet.pdf"
    _sheet(path, FIRST, [[""], ["项目支出"], ["200.00"], ["90.00"], ["50.00"], ["50.00"], ["390.00"]],
           ruled=ruled)
    assert ("TAB001", "150.00") in _found(path, checks)


def test_a_table_of_its_own_at_the_same_heights_is_not_joined(tmp_path, checks):
    """The next sheet's grid, its caption in its first row, printed at the same heights: another table."""
    path = tmp_path / "sheets.pdf"
    _sheet(path, FIRST, [["某局2025年项目支出表"], ["项目支出"], ["200.00"], ["100.00"], ["50.00"], ["50.00"],
                         ["400.00"]])
    assert len(_tables(path)[0].header) == 3


def test_a_note_drawn_inside_the_grid_is_no_row(tmp_path):
    path = tmp_path / "note.pdf"
    _sheet(path, FIRST, None, note="注：本表反映部门本年度支出决算情况。")
    table = _tables(path)[0]
    assert [c.text for c in table.rows[-1]][0] == "合计"


def test_a_table_whose_only_row_across_it_is_a_note_is_not_joined(tmp_path):
    """Page 1's table, captioned outside its grid, a note across its foot; page 2 another table at the same
    heights, figures only in its body: two tables (code review 72a)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas as pdfcanvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "two.pdf"
    canvas = pdfcanvas.Canvas(str(path))
    canvas.setFont("STSong-Light", 9)
    first = [row[:] for row in FIRST[1:]] + [["注：本表反映部门支出决算情况。", "", ""]]
    _grid(canvas, first, [130.0, 70.0, 70.0], {len(first) - 1})
    canvas.showPage()
    canvas.setFont("STSong-Light", 9)
    _grid(canvas, [["预算数", "决算数"], *[["12.00", "11.00"]] * (len(first) - 2)], [70.0, 70.0], set())
    canvas.showPage()
    canvas.save()
    assert all(len(t.header) <= 3 for t in recover(ingest.read(path)))
