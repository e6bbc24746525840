"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

Skipped where either is missing; ``.ci/run`` installs both, so CI runs it."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from crossfoot.cli import main

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt install chromium)")

REPORT = "\n".join([
    "某局2024年度部门整体支出绩效自评报告",
    "说明：<script>alert('x')</script><img src=x onerror=alert('y')> & 其他。",
    "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。",  # 830.50: SUM001
    "收入合计500.00万元，其中：财政拨款400.00万元，其他收入100.00万元。",  # holds
    "全年工作成效明显：一是平台建设提速；二是金融规模扩大；四是成果转化加快。",  # DOC002 warning
])


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page(tmp_path_factory, browser):
    folder = tmp_path_factory.mktemp("html")
    source = folder / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    out = folder / "report.html"
    result = CliRunner().invoke(main, ["check", "--output-format", "html", "-o", str(out), str(source)])
    assert result.exit_code == 1, result.output
    page = browser.new_page()
    events = {"dialogs": [], "requests": []}
    page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: events["requests"].append(r.url))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    yield page, events, out
    page.close()


def test_untrusted_text_is_shown_not_run(page):
    page, events, out = page
    assert events["dialogs"] == []
    assert "<script>alert" not in out.read_text(encoding="utf-8")
    assert page.locator("td.line", has_text="<script>alert('x')</script>").count() == 1


def test_nothing_is_loaded_from_outside_the_file(page):
    page, events, out = page
    assert events["requests"] == [out.as_uri()]


def test_clicking_a_finding_highlights_its_figures(page):
    page, _, _ = page
    page.locator('li.finding[data-code="SUM001"]').click()
    assert page.locator(".hl").all_inner_texts() == ["820.50万元", "600.20万元", "230.30万元"]
    assert "selected" in page.locator('li.finding[data-code="SUM001"]').get_attribute("class")
    page.locator('li.finding[data-code="DOC002"]').click()
    assert page.locator(".hl").all_inner_texts() == ["二是", "四是"]


def test_figures_of_relations_that_held_are_marked_checked(page):
    page, _, _ = page
    assert page.locator(".fig.ok").all_inner_texts() == ["500.00万元", "400.00万元", "100.00万元"]


def test_the_computation_is_shown(page):
    page, _, _ = page
    calc = page.locator('li.finding[data-code="SUM001"] .calc').inner_text()
    assert calc == "stated 820.50万元 ✗ · computed [830.4900, 830.5100] · tolerance ±0.005 (rounding)"


def test_filters_hide_findings_by_severity_and_code(page):
    page, _, _ = page
    sum001 = page.locator('li.finding[data-code="SUM001"]')
    doc002 = page.locator('li.finding[data-code="DOC002"]')
    page.locator('input[data-sev="error"]').uncheck()
    assert not sum001.is_visible() and doc002.is_visible()
    page.locator('input[data-sev="error"]').check()
    page.locator('input[data-code="DOC002"]').uncheck()
    assert sum001.is_visible() and not doc002.is_visible()
    page.locator('input[data-code="DOC002"]').check()


PDF_REPORT = "\n".join([
    "某局2024年度部门决算",
    "本年支出合计350.00万元，其中：基本支出150.00万元，项目支出210.00万元。",  # 360.00: SUM001
    "表1 支出决算表",
    "单位：万元",
    "项目\t预算数\t决算数",
    "基本支出\t160.00\t150.00",
    "项目支出\t220.00\t200.00",
    "合计\t380.00\t360.00",  # 350.00: TAB001
])


@pytest.fixture(scope="module")
def pdf_page(tmp_path_factory, browser):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from render import parse, to_pdf

    folder = tmp_path_factory.mktemp("pdfhtml")
    source = folder / "report.pdf"
    to_pdf(parse(PDF_REPORT), source)
    out = folder / "report.html"
    result = CliRunner().invoke(main, ["check", "--output-format", "html", "-o", str(out), str(source)])
    assert result.exit_code == 1, result.output
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    yield page, requests, out
    page.close()


def test_a_pdf_report_shows_its_pages_with_the_figures_boxed(pdf_page):
    page, requests, out = pdf_page
    assert [r for r in requests if not r.startswith("data:")] == [out.as_uri()]
    images = page.locator("figure.page img")
    assert images.count() >= 1
    assert page.evaluate("Array.from(document.querySelectorAll('figure.page img')).every(i => i.naturalWidth > 0)")
    page.locator('li.finding[data-code="TAB001"]').click()
    stated = page.locator(".box.stated.hl")
    assert stated.count() == 1 and page.locator(".box.against.hl").count() == 2
    # the box sits on the figure: the page's text under it is the stated total
    x, y = page.evaluate("""() => { const e = document.querySelector('.box.stated.hl');
                                   const b = e.getBoundingClientRect(), s = e.parentElement.getBoundingClientRect();
                                   return [(b.left + b.width / 2 - s.left) / s.width,
                                           (b.top + b.height / 2 - s.top) / s.height]; }""")
    import pdfplumber

    with pdfplumber.open(out.with_suffix(".pdf")) as pdf:
        first = pdf.pages[0]
        words = [w for w in first.extract_words() if "360.00" in w["text"]]
    assert any(w["x0"] <= x * float(first.width) <= w["x1"] and w["top"] <= y * float(first.height) <= w["bottom"]
               for w in words)


def test_clicking_a_box_on_the_page_selects_its_finding(pdf_page):
    page, _, _ = pdf_page
    page.locator(".box.stated").first.dispatch_event("click")
    assert page.locator("li.finding.selected").count() == 1


def test_the_batch_index_sorts_and_searches(tmp_path, browser):
    bad = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-clean.txt").write_text("收入合计500.00万元，其中：财政拨款400.00万元，其他收入100.00万元。",
                                                 encoding="utf-8")
    (tmp_path / "in" / "b-one.txt").write_text(bad, encoding="utf-8")
    (tmp_path / "in" / "c-two.txt").write_text(bad * 2, encoding="utf-8")
    (tmp_path / "in" / "d-broken.pdf").write_bytes(b"not a pdf")
    out = tmp_path / "out"
    CliRunner().invoke(main, ["batch", "--executor", "inline", "--no-cache", "-d", str(out), str(tmp_path / "in")])
    page = browser.new_page()
    page.goto((out / "index.html").as_uri())
    assert "2 not checked" not in page.inner_text("body") and "1 not checked" in page.inner_text("body")
    names = lambda: [n.split("/")[-1] for n in page.locator("#files tbody tr:visible td:first-child").all_inner_texts()]  # noqa: E731
    page.locator("#files th", has_text="errors").click()
    assert names()[:2] == ["c-two.txt", "b-one.txt"]
    page.fill("#search", "broken")
    assert names() == ["d-broken.pdf"]
    page.close()
