"""Parity of the two PDF readers: PDFium (the default) and pdfplumber (``CROSSFOOT_PDF_READER=pdfplumber``,
kept as the fallback while this test runs both). The same findings on every sample report drawn as a PDF
(ruled and unruled, a table going on over a page with and without its header) and on every shared real
PDF; the same text lines but for spaces (pdfminer keeps some spaces a content stream draws that PDFium
drops, and the reader's own spacing by gaps is the same in both)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render import parse, to_pdf

from crossfoot import engine, ingest

CORPUS_PDF = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"

REPORTS = sorted((Path(__file__).resolve().parents[1] / "reports").glob("*.txt"))
LAYOUTS = {"ruled": {}, "unruled": {"ruled": False}, "no-repeat": {"repeat": False},
           "merged-totals": {"merged_totals": True}}


def _both(path: Path, checks, monkeypatch):
    out = {}
    for reader in ("pdfium", "pdfplumber"):
        monkeypatch.setenv("CROSSFOOT_PDF_READER", reader)
        document = ingest.read(path)
        findings = [(f.code, f.span.where, f.stated, f.computed, f.message) for f in engine.run(document, checks)]
        lines = [(tuple(p.where for p in places), re.sub(r"\s+", "", text))
                 for text, places in zip(document.lines, document.places)]
        out[reader] = findings, lines
    return out["pdfium"], out["pdfplumber"]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("report", REPORTS, ids=[p.stem for p in REPORTS])
def test_both_readers_read_a_drawn_report_alike(tmp_path, monkeypatch, checks, report, layout):
    path = tmp_path / f"{report.stem}.pdf"
    to_pdf(parse(report.read_text(encoding="utf-8")), path, **LAYOUTS[layout])
    pdfium, pdfplumber = _both(path, checks, monkeypatch)
    assert pdfium == pdfplumber
    assert pdfium[0] or layout != "ruled"  # the sample reports' planted errors are there to compare


@pytest.mark.skipif(not CORPUS_PDF.is_dir(), reason="the shared corpus is not beside this checkout")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS_PDF.glob("*.pdf")) if CORPUS_PDF.is_dir() else [])
def test_both_readers_read_a_real_disclosure_alike(monkeypatch, checks, name):
    from crossfoot.ingest import pdfium as reader

    assert not any(page.unplaced for page in reader.pages(str(CORPUS_PDF / name)))  # PDFium did read it
    pdfium, pdfplumber = _both(CORPUS_PDF / name, checks, monkeypatch)
    assert pdfium[0] == pdfplumber[0]
    assert pdfium[1] == pdfplumber[1]


def test_a_page_whose_font_pdfium_cannot_place_is_read_through_pdfminer(tmp_path, monkeypatch):
    """A Chinese font neither embedded nor installed: PDFium gives its glyphs no height and drops lines it
    takes for duplicates; a page so read sends the whole PDF to pdfminer, which needs no font."""
    from crossfoot.ingest import pdf, pdfium

    path = tmp_path / "report.pdf"
    to_pdf(parse(REPORTS[0].read_text(encoding="utf-8")), path)
    assert not any(page.unplaced for page in pdfium.pages(str(path)))  # (this machine has a CJK font)
    through = []
    monkeypatch.setattr(pdf, "_read_pdfplumber", lambda p, name: through.append(name) or "pdfminer's")
    original = pdfium.Page.__init__

    def fontless(self, page, number):
        original(self, page, number)
        self.unplaced = number == 1

    monkeypatch.setattr(pdfium.Page, "__init__", fontless)
    assert pdf.read(path) == "pdfminer's" and through == [str(path)]


@pytest.mark.parametrize("turned", [0, 90, 180, 270])
def test_a_page_turned_by_its_rotate_is_read_as_shown(tmp_path, monkeypatch, checks, turned):
    """A landscape table on a page turned by /Rotate (the text drawn turned the other way, so that it reads
    left to right as shown): both readers read it as shown, and its wrong total is found."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    w, h = 595.0, 842.0
    high = w if turned in (90, 270) else h
    c = canvas.Canvas(str(tmp_path / "turned.pdf"), pagesize=(w, h))
    c.setPageRotation(turned)
    # user space so that what is drawn at (u, v) shows at (u, v) on the page turned as shown
    c.transform(*{0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, w, 0), 180: (-1, 0, 0, -1, w, h),
                  270: (0, -1, 1, 0, 0, h)}[turned])
    c.setFont("STSong-Light", 10)
    rows = [("项目", "预算数", "决算数"), ("公务接待费", "4.00", "3.25"), ("公务用车运行维护费", "32.00", "28.65"),
            ("合计", "36.00", "31.09")]
    top = high - 100
    for r, row in enumerate(rows):
        y = top - 20 * r
        for k, text in enumerate(row):
            c.drawString(60 + 160 * k, y - 14, text)
        c.line(50, y, 530, y)
    c.line(50, top - 20 * len(rows), 530, top - 20 * len(rows))
    for x in (50, 210, 370, 530):
        c.line(x, top, x, top - 20 * len(rows))
    c.drawString(60, 80, "表中“三公”经费决算数合计31.09万元。")
    c.showPage()
    c.save()
    pdfium, pdfplumber = _both(tmp_path / "turned.pdf", checks, monkeypatch)
    assert pdfium == pdfplumber
    assert any(f[0] == "TAB001" and f[2] == "31.09" for f in pdfium[0])  # 3.25 + 28.65 = 31.90


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("hv"), st.integers(0, 6), st.integers(0, 6), st.integers(1, 6)),
                max_size=24))
def test_the_cells_between_ruling_lines_are_pdfplumbers(lines):
    """The PDFium reader's own search for the cells between intersections finds pdfplumber's cells, in its
    order, on any ruling: lines of a grid, broken, overlapping, ending short of each other."""
    from pdfplumber.table import edges_to_intersections, intersections_to_cells

    from crossfoot.ingest.pdfium import _cells

    edges = []
    for orientation, across, start, length in lines:
        a, b = float(start * 10), float((start + length) * 10)
        x0, x1, top, bottom = (a, b, across * 10.0, across * 10.0) if orientation == "h" else (
            across * 10.0, across * 10.0, a, b)
        edges.append({"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom})
    points = edges_to_intersections(edges, 3, 3)
    assert _cells(points) == intersections_to_cells(points)


def test_a_footnote_mark_after_a_figure_is_no_digit_of_it(tmp_path):
    """A footnote mark set small and raised right after a figure in a table cell (9¹ in a score cell) is
    dropped, not read as the figure's last digit (91); a power after a letter (m²) stays (wave w61k)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from crossfoot.ingest import read

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "note.pdf"
    page = canvas.Canvas(str(path))
    for y in (720, 700, 680, 660):  # a ruled grid of three rows, two columns
        page.line(72, y, 372, y)
    for x in (72, 222, 372):
        page.line(x, 660, x, 720)
    rows = (("三级指标", "得分", ""), ("按期完成率", "9", "1"), ("建筑面积", "1200m", "2"))
    for (name, value, mark), y in zip(rows, (706, 686, 666)):
        page.setFont("STSong-Light", 10.5)
        page.drawString(78, y, name)
        page.drawString(228, y, value)
        if mark:
            page.setFont("STSong-Light", 7)
            page.drawString(228 + pdfmetrics.stringWidth(value, "STSong-Light", 10.5), y + 4.5, mark)
    page.save()
    text = "\n".join(b.text for b in read(str(path)).blocks)
    lines = text.splitlines()
    assert "按期完成率\t9" in lines and "91" not in text
    assert [line.count("2") for line in lines if line.startswith("建筑面积")] == [2]  # (its power kept)
