"""Parity of the two PDF readers: PDFium (the default) and pdfplumber (``CROSSFOOT_PDF_READER=pdfplumber``,
kept as the fallback while this test runs both). The same findings on every sample report drawn as a PDF
(ruled and unruled, a table going on over a page with and without its header) and on every shared real
PDF; the same text lines but for spaces (pdfminer keeps some spaces a content stream draws that PDFium
drops, and the reader's own spacing by gaps is the same in both)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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
    pdfium, pdfplumber = _both(CORPUS_PDF / name, checks, monkeypatch)
    assert pdfium[0] == pdfplumber[0]
    assert pdfium[1] == pdfplumber[1]
