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
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    source = folder / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    out = folder / "report.html"
    result = CliRunner().invoke(main, ["check", "--output-format", "html", "-o", str(out), str(source)])
    assert result.exit_code == 1, result.output
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        events = {"dialogs": [], "requests": []}
        page.on("dialog", lambda d: (events["dialogs"].append(d.message), d.dismiss()))
        page.on("request", lambda r: events["requests"].append(r.url))
        page.goto(out.as_uri())
        page.wait_for_load_state("load")
        yield page, events, out
        browser.close()


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
