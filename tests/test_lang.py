"""Chinese output (--lang zh): every check's message, the summaries, the headers; the interval kept where
machines read it."""

import inspect
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossfoot import engine
from crossfoot.cli import main
from crossfoot.docs import run_example
from crossfoot.lang import from_locale

CHECKS = engine.load()
ZH = engine.localize(CHECKS, "zh")
BAD = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。"  # 830.50
_ENGLISH = re.compile(r"[A-Za-z]{4,}")


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_every_check_speaks_chinese(check):
    assert check.summary_zh and check.message_zh, f"{check.code}: no summary_zh/message_zh in its pack"
    assert re.search(r"[\u4e00-\u9fff]", check.message_zh)


@pytest.mark.parametrize("check", [c for c in ZH if c.examples.get("fail")], ids=lambda c: c.code)
def test_the_failing_example_reads_as_chinese(check):
    """No English word in the Chinese message of a check's failing example (its figures and the words
    quoted from the example aside): a value the kind fills in English is a missing translation."""
    found = [f for f in run_example(check.examples["fail"], ZH) if f.code == check.code]
    assert found, "the failing example gives no finding"
    for f in found:
        text = re.sub(r"example-\d+\.txt", "", f.message)  # the examples' file names
        for quoted in (*f.figures, check.examples["fail"]):
            text = text.replace(quoted, "")
        words = [w for w in _ENGLISH.findall(text) if w not in check.examples["fail"]]
        assert not words, f.message


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_a_reviewer_reads_the_expected_value_not_an_interval(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BAD, encoding="utf-8")
    result = invoke("check", "--lang", "zh", str(path))
    first, summary = result.stdout.splitlines()
    assert "SUM001 错误" in first and "应为 830.50万元" in first and "[" not in first
    assert summary == "发现 1 个问题（错误 1），共 1 个文件。"
    data = json.loads(invoke("check", "--lang", "zh", "--output-format", "json", str(path)).stdout)
    assert data["findings"][0]["computed"] == "[830.4900, 830.5100]"  # machines keep the interval


def test_english_keeps_the_interval(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BAD, encoding="utf-8")
    first = invoke("check", "--lang", "en", str(path)).stdout.splitlines()[0]
    assert "= [830.4900, 830.5100] (tolerance ±0.005 (rounding))" in first


def test_the_configuration_and_the_locale_choose_the_language(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "crossfoot.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert "应为" in invoke("check", "r.txt").stdout
    (tmp_path / "crossfoot.toml").write_text('lang = "fr"\n', encoding="utf-8")
    assert invoke("check", "r.txt").exit_code == 2
    (tmp_path / "crossfoot.toml").unlink()
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert from_locale() == "zh" and "应为" in invoke("check", "r.txt").stdout
    monkeypatch.setenv("LC_ALL", "C")
    assert from_locale() == "en"


def test_rules_and_spreadsheet_headers_in_chinese(tmp_path):
    listing = invoke("rules", "--lang", "zh").stdout
    assert listing.splitlines()[0].split()[:4] == ["代码", "名称", "级别", "说明"]
    assert ZH[0].summary_zh in listing
    path = tmp_path / "r.txt"
    path.write_text(BAD, encoding="utf-8")
    csv = invoke("check", "--lang", "zh", "--output-format", "csv", str(path)).stdout
    assert csv.lstrip("\ufeff").startswith("文件,位置,行,列,代码,名称,级别,问题,所列数,计算值")


def test_the_html_report_in_chinese(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BAD, encoding="utf-8")
    for lang, words in (("zh", ["<title>crossfoot 核查报告</title>", "<h3>错误 (1)</h3>", "第1行第",
                                "所述 <b>", "计算值 <b>", "容差 ±0.005（舍入）", '<html lang="zh-CN">',
                                " SUM001 合计数与分项之和不符 ×1</label>"]),
                        ("en", ["<title>crossfoot report</title>", "<h3>error (1)</h3>", "line 1, column ",
                                "stated <b>", "computed <b>", "tolerance ±0.005 (rounding)", '<html lang="en">',
                                " SUM001 sum-mismatch ×1</label>"])):
        page = invoke("check", "--lang", lang, "--output-format", "html", str(path)).stdout
        assert [w for w in words if w not in page] == []


def test_the_spreadsheet_rows_in_chinese(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BAD, encoding="utf-8")
    out = tmp_path / "r.csv"
    invoke("check", "--lang", "zh", "--output-format", "csv", "-o", str(out), str(path))
    row = out.read_text(encoding="utf-8").splitlines()[1]
    assert ",第1行," in row and ",错误," in row and "±0.005（舍入）" in row and "rounding" not in row



@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_every_check_has_a_chinese_name_and_page(check):
    """A missing translation fails: the check's Chinese name, its kind's and the modules' explanations."""
    from crossfoot.docs import _MODULE
    from crossfoot.kinds import registry
    from crossfoot.lang import docs_zh

    assert re.search(r"[\u4e00-\u9fff]{4}", check.name_zh), f"{check.code}: no name_zh in its pack"
    kind = registry()[check.kind]
    texts = docs_zh()
    assert _chinese(texts["kinds"].get(check.kind, "")) >= 20, check.kind
    for module in _MODULE.findall(inspect.getdoc(kind) or ""):
        assert _chinese(texts["modules"].get(module, "")) >= 20, module


def _chinese(text: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", text))


def test_chinese_names_are_distinct():
    names = [c.name_zh for c in CHECKS]
    assert len(set(names)) == len(names)


def _english_sentences(text: str) -> list[str]:
    """Runs of three English words or more outside backquotes (option names, codes and file names aside)."""
    text = re.sub(r"`[^`\n]*`|<!--.*?-->", "", text)  # (a suppression comment is written in English)
    return re.findall(r"[A-Za-z]{2,}(?:[ ,;:'-]+[A-Za-z]{2,}){2,}", text)


@pytest.mark.parametrize("code", ["SUM001", "GRW001", "TAB001", "BUD037", "ENC001", "SUP001", "INT001"])
def test_a_rule_page_reads_as_chinese(code):
    page = invoke("rule", code, "--lang", "zh").stdout
    assert _chinese(page) >= 20
    assert not _english_sentences(page), _english_sentences(page)[:3]
    english = invoke("rule", code, "--lang", "en").stdout
    assert _english_sentences(english)


def test_the_rule_docs_in_chinese(tmp_path):
    out = tmp_path / "docs"
    result = invoke("docs", "--lang", "zh", str(out))
    assert result.exit_code == 0 and "已写入" in result.stderr
    index = (out / "README.md").read_text(encoding="utf-8")
    assert index.startswith("# 检查规则") and "| 代码 | 名称 | 级别 | 说明 |" in index
    assert "| [SUM001](SUM001.md) | 合计数与分项之和不符 | 错误 |" in index
    page = (out / "SUM001.md").read_text(encoding="utf-8")
    assert "## 不通过示例" in page and "SUM001 错误" in page and "应为 830.50万元" in page
    assert not _english_sentences(page), _english_sentences(page)[:3]
    builtin = (out / "ENC001.md").read_text(encoding="utf-8")
    assert builtin.startswith("# ENC001 无法解码的字节") and not _english_sentences(builtin)


def test_names_and_builtin_messages_in_chinese(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(("收入合计5.00万元。\n<!-- crossfoot: disable-next-line SUM001 -->\n" + BAD + "\n")
                     .encode("utf-8") + b"\xff\n")
    listing = invoke("rules", "--lang", "zh").stdout
    assert "SUM001  合计数与分项之和不符" in listing and "ENC001  无法解码的字节" in listing
    assert "error" not in listing and "sum-mismatch" not in listing
    found = invoke("check", "--lang", "zh", str(path)).stdout
    assert "ENC001 警告 存在既非 UTF-8 也非 GB18030 的字节" in found
    assert "SUP001" not in found  # (the directive suppressed the finding on its next line)
    stats = invoke("check", "--lang", "zh", "--statistics", str(path)).stdout
    assert stats.split()[:4] == ["个数", "代码", "名称", "级别"] and "无法解码的字节" in stats
    csv = invoke("check", "--lang", "zh", "--output-format", "csv", str(path)).stdout
    assert ",ENC001,无法解码的字节,警告," in csv
    markdown = invoke("check", "--lang", "zh", "--output-format", "markdown", str(path)).stdout
    assert "| 第4行第1列 | `ENC001` | 警告 |" in markdown
    english = invoke("check", "--lang", "en", "--output-format", "csv", str(path)).stdout
    assert ",ENC001,undecodable-bytes,warning," in english


def test_why_a_file_was_not_checked_in_chinese(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fake.pdf").write_bytes(b"<html>not a pdf</html>")
    one = invoke("check", "--lang", "zh", str(tmp_path / "empty.txt"))
    assert one.exit_code == 2
    assert one.stdout.strip() == f"没有检查任何文件。 1 个文件无法检查：{tmp_path / 'empty.txt'}（空文件：没有可检查的文字）。"
    assert one.stderr.strip() == f"crossfoot：无法检查 {tmp_path / 'empty.txt'}：空文件：没有可检查的文字"
    both = invoke("check", "--lang", "zh", "--output-format", "markdown", str(tmp_path))
    assert "| 未能检查: 不是可读取的 PDF（PDFium 无法载入：数据格式错误） |" in both.stdout and "| 未能检查: 空文件：没有可检查的文字 |" in both.stdout
    english = invoke("check", "--lang", "en", str(tmp_path / "empty.txt"))
    assert english.stderr.strip() == f"crossfoot: error: {tmp_path / 'empty.txt'}: empty: no text to check"


def test_the_command_line_says_what_it_did_in_chinese(tmp_path):
    (tmp_path / "r.txt").write_text(BAD + "\n", encoding="utf-8")
    from render import to_docx

    to_docx([("paragraph", BAD)], tmp_path / "r.docx")
    (tmp_path / "old.et").write_bytes(b"x")
    result = invoke("check", "--lang", "zh", "--add-suppressions", str(tmp_path / "r.txt"), str(tmp_path / "r.docx"))
    assert result.exit_code == 0
    assert f"crossfoot：未修改 {tmp_path / 'r.docx'}：仅能修改 TXT 和 Markdown 文件" in result.stderr
    assert "crossfoot：添加屏蔽注释 1 处，涉及 1 个文件" in result.stderr
    english = invoke("check", "--lang", "en", "--fix", str(tmp_path / "r.docx"))
    assert "left" in english.stderr and "only TXT and Markdown files are edited" in english.stderr
    skipped = invoke("check", "--lang", "zh", str(tmp_path))
    assert f"crossfoot：已跳过 {tmp_path / 'old.et'}：WPS 表格：请另存为 .xlsx" in skipped.stderr


def test_full_output_and_the_html_gutter_in_chinese(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(BAD, encoding="utf-8")
    full = invoke("check", "--lang", "zh", "--output-format", "full", str(path)).stdout
    assert "= 容差: ±0.005（舍入）" in full and "(rounding)" not in full
    from render import to_docx

    to_docx([("paragraph", BAD)], tmp_path / "r.docx")
    page = invoke("check", "--lang", "zh", "--output-format", "html", str(tmp_path / "r.docx")).stdout
    assert '<td class="where">第1段</td>' in page and '<td class="where">paragraph' not in page


def test_values_read_as_a_reviewer_writes_them():
    from crossfoot.lang import value_zh

    assert value_zh(">= 80 and < 90") == "不低于80且低于90" and value_zh(">= 90") == "不低于90"
    assert value_zh("65.60 + -30.00 + 5.80") == "65.60 − 30.00 + 5.80"
    assert value_zh("20341.08 / 20392.39 * 100") == "20341.08 / 20392.39 × 100"
    assert value_zh("[1.0, 2.0]") == "[1.0, 2.0]"


def test_the_words_kinds_fill_in_for_a_tolerance_or_a_computed_value_in_chinese(tmp_path):
    """(wave w68d: 容差: exact and 计算值: no rate in the full output, the spreadsheet and the HTML)"""
    from crossfoot.lang import reason_zh, value_zh

    assert [value_zh(t) for t in ("exact", "no rate", "absent", "empty", "at most 100%", "no more than 5.00万元")] \
        == ["精确（不计舍入）", "无法计算（基数为零）", "缺失", "空表", "不超过100%", "不超过 5.00万元"]
    assert reason_zh("a damaged or truncated DOCX (its ZIP package cannot be read)") == "DOCX 文件已损坏或不完整（其 ZIP 包无法读取）"
    assert reason_zh("not a readable PDF (Failed to load document (PDFium: Data format error).)") \
        == "不是可读取的 PDF（PDFium 无法载入：数据格式错误）"
    path = tmp_path / "r.txt"
    path.write_text("支出决算为2.35万元，比上年增加2.35万元，增长12.00%。\n", encoding="utf-8")
    full = invoke("check", "--lang", "zh", "--output-format", "full", str(path)).stdout
    assert "无法计算（基数为零）" in full and "no rate" not in full
    page = invoke("check", "--lang", "zh", "--output-format", "html", str(path)).stdout
    assert "计算值 <b>无法计算（基数为零）</b>" in page and "no rate" not in page  # (wave w74e: the desk's cards)
    assert value_zh("<= 10") == "不高于10"


def test_a_sheet_named_apart_from_its_cell_in_chinese():
    """(wave w68d: 工作表表1决算单元格B4 ran the sheet's name into the words around it)"""
    from crossfoot.lang import value_zh

    assert value_zh("sheet 表1决算, cell B4") == "工作表“表1决算”单元格B4"
    assert value_zh("sheet 表2") == "工作表“表2”"


def test_usage_errors_in_chinese_then_english_again(monkeypatch):
    """A mistyped option under --lang zh is said in Chinese (click's own words too), exit 2; the next
    command in English hears click's English again."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    zh = CliRunner().invoke(main, ["check", "--lang", "zh", "--bogus", "a.txt"])
    assert zh.exit_code == 2
    assert "错误：没有选项 '--bogus'。" in zh.output and "用法：" in zh.output
    assert "check --help' 查看帮助。" in zh.output and "Usage" not in zh.output
    missing = CliRunner().invoke(main, ["check", "--lang=zh"])
    assert missing.exit_code == 2 and "缺少参数" in missing.output
    en = CliRunner().invoke(main, ["check", "--bogus", "a.txt"])
    assert en.exit_code == 2 and "Error: No such option '--bogus'." in en.output


def test_usage_errors_follow_a_chinese_locale(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    said = CliRunner().invoke(main, ["check", "--timeout", "x", "a.txt"])
    assert said.exit_code == 2 and "'--timeout' 的值无效" in said.output


def test_every_command_and_option_has_its_help_in_chinese():
    """The catalog is whole: each command of the command line and each of its options has a Chinese text."""
    import click
    import yaml

    from crossfoot import cli_zh

    catalog = yaml.safe_load((Path(cli_zh.__file__).parent / "cli_zh.yaml").read_text(encoding="utf-8"))
    for name, command in main.commands.items():
        entry = catalog["commands"][name]
        assert entry["help"] and command.help
        options = [p for p in command.params if isinstance(p, click.Option)]
        assert {p.name for p in options} == set(entry.get("options", {})), name
        assert all(p.help for p in options), name  # English written too


def test_help_in_chinese_then_english_again(monkeypatch):
    """--help under --lang zh shows each command's and option's own text in Chinese (click's frame too);
    the next --help in English is English again."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    zh = CliRunner().invoke(main, ["check", "--help", "--lang", "zh"])
    assert zh.exit_code == 0
    assert "检查 PATHS 中的报告" in zh.output and "不显示低于此级别的问题" in zh.output
    assert "选项" in zh.output and "Hide findings" not in zh.output and "Options" not in zh.output
    listed = CliRunner().invoke(main, ["rules", "-h", "--lang=zh"])
    assert "列出全部检查" in listed.output
    en = CliRunner().invoke(main, ["check", "--help"])
    assert "Hide findings below this severity" in en.output and "检查" not in en.output


def test_the_command_list_in_chinese_under_a_chinese_locale(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    said = CliRunner().invoke(main, ["--help"])
    assert said.exit_code == 0 and "一次审核多份报告" in said.output and "命令" in said.output


# Every reason a reader or a limit gives for not checking a file, as it words it (the file's name first)
_REASONS = [
    "a.docx: an encrypted DOCX or a legacy .doc file (save it as .docx without a password)",
    "a.docx: a damaged or truncated DOCX (its ZIP package cannot be read)",
    "a.docx: not a DOCX file (not a ZIP package)", "a.docx: not a DOCX file (no document part)",
    "a.docx: not a DOCX file (its content says otherwise)",
    "a.xlsx: an encrypted workbook or a legacy .xls file (save it as .xlsx without a password)",
    "a.xlsx: not an XLSX file (not a ZIP package)",
    "a.xlsx: unpacks to 300 MB, more than a report's 256 MB (a zip bomb?); not read",
    "a.xlsx: sheet 表1 spans 2000000 rows × 300 columns, more than a report's tables; not read",
    "a.xls: sheet 表1 spans 2000000 rows × 300 columns, more than a report's tables; not read",
    "a.xls: not an XLS file (not an Excel 97–2003 workbook)",
    "a.xlsx: its cells hold more than 32 M characters, more than a report's (one long text repeated in every "
    "cell?); not read",
    "a.xls: the workbook is encrypted; save an unprotected copy to check it",
    "a.docx: its part word/document.xml unpacks to more than the 120 bytes it declares (a zip bomb?); not read",
    "a.docx: word/document.xml declares a DTD or entities, which Word never writes (entity expansion is "
    "refused); not read",
    "a.ofd: Doc_0/Document.xml declares a DTD or entities, which an OFD never holds (entity expansion is "
    "refused); not read",
    "a.ofd: not an OFD file (not a ZIP package)", "a.ofd: not an OFD file (no OFD.xml in the package)",
    "a.ofd: a damaged OFD (its part Doc_0/Pages/Page_0/Content.xml is missing)",
    "a.ofd: a damaged OFD (OFD.xml names no document)",
    "a.ofd: lists 20000 pages, more than a report's 5000; not read",
    "a.pdf: page 1 holds 3,000,053 characters, more than any report's page (200,000); not read",
    "a.pdf: the PDF is encrypted; save an unprotected copy to check it",
    "a.pdf: a damaged PDF (its page tree or objects nest too deeply or refer to themselves); not read",
    "a.pdf: a damaged or empty PDF: nothing could be read from its 3 pages (no text, no images, no drawings)",
    "a.pdf: a damaged PDF, or one whose text was drawn as outlines: its 3 pages hold ruling lines and shapes "
    "but no text and no images; export it again with its text",
    "a.pdf: the PDF has no text layer (a scan?); run OCR on it first, crossfoot reads text, not images",
    "a.pdf: the PDF's fonts have no character map, so its text comes out as glyph numbers; export it again "
    "with fonts embedded as text, or run OCR on it",
    "a.pdf: the PDF reader stopped (signal 9): it ran out of memory or met a damaged file; not read",
    "a.doc: not a legacy Word document (its first bytes are not of one: damaged, or another kind of file "
    "renamed); save it as .docx (Word or WPS: 另存为 → .docx)",
    "a.wps: not a WPS document (its first bytes are not of one: damaged, or another kind of file renamed); "
    "save it as .docx (Word or WPS: 另存为 → .docx)",
    "a.doc: a legacy Word document: save it as .docx (Word or WPS: 另存为 → .docx), or install LibreOffice, "
    "which crossfoot then uses to read it",
    "a.doc: LibreOffice took more than 120 s to convert it; save it as .docx (Word or WPS: 另存为 → .docx)",
    "a.et: a WPS workbook: save it as .xlsx (WPS: 另存为 → .xlsx)", "a.ppt: a presentation: not read",
    "a.zip: cannot read .zip files (supported: .docx, .md, .pdf, .txt)",
    "a.txt: a binary file, not text (a NUL byte at byte 12); crossfoot reads .txt and .md as text and .docx, "
    ".pdf, .html in their own formats",
    "a.txt: a loop of symbolic links; not read", "a.txt: empty: no text to check",
    "a.txt: took longer than 120 s; stopped; not checked (raise --timeout to allow more)",
    "a.txt: needed more than 2048 MB; not checked (raise --memory to allow more)",
]


@pytest.mark.parametrize("reason", _REASONS)
def test_every_reason_a_file_was_not_checked_reads_in_chinese(reason):
    """No English left once a reason is put in Chinese (file and part names, suffixes, option and program
    names aside; a library's own words in brackets are kept by reason_zh, and none are given here)."""
    from crossfoot.lang import reason_zh

    said = reason_zh(reason)
    left = re.sub(r"[\w/]*\.[a-z]{2,4}\b|--[a-z-]+|(?<![A-Za-z])(?:Word|WPS|OCR|PDF|OFD|DOCX|XLSX?|LibreOffice|crossfoot|"
                  r"DTD|ZIP|NUL|MB|Excel)(?![A-Za-z])", "", said)
    assert not re.findall(r"[A-Za-z]{2,}", left), said


def test_the_json_reason_a_file_was_not_checked_speaks_the_findings_language(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    zh = json.loads(invoke("check", "--isolated", "--lang", "zh", "--output-format", "json",
                           str(tmp_path / "empty.txt")).stdout)
    assert zh["unchecked"][0]["reason"].endswith("空文件：没有可检查的文字")
    assert zh["unchecked"][0]["status"] == "unreadable"
    en = json.loads(invoke("check", "--isolated", "--lang", "en", "--output-format", "json",
                           str(tmp_path / "empty.txt")).stdout)
    assert en["unchecked"][0]["reason"].endswith("empty: no text to check")


def test_a_rule_page_shows_its_examples_and_their_finding_before_how_it_works():
    page = invoke("rule", "SUM001", "--lang", "zh").stdout
    assert page.index("## 不通过示例") < page.index("crossfoot 报告：") < page.index("## 通过示例") \
        < page.index("类检查如何工作")
    assert "SUM001 错误" in page and "应为 830.50万元" in page


def test_a_command_that_cannot_go_on_says_why_in_chinese(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    report = tmp_path / "r.txt"
    report.write_text(BAD, encoding="utf-8")
    said = CliRunner().invoke(main, ["check", "--lang", "zh", "--select", "XYZ", str(report)])
    assert said.exit_code == 2
    assert "crossfoot：错误：--select/--ignore：'XYZ' 不是任何检查的代码或名称；`crossfoot rules` 列出全部检查" \
        in said.output
    dask = CliRunner().invoke(main, ["batch", "--lang", "zh", "--executor", "dask", "-d", str(tmp_path / "o"),
                                     str(report)])
    assert dask.exit_code == 2 and "--executor dask 需要用 --scheduler 指定调度器地址" in dask.output
    english = CliRunner().invoke(main, ["check", "--select", "XYZ", str(report)])
    assert "crossfoot: error: select/ignore: 'XYZ' matches no check" in english.output


def test_a_rule_found_by_its_chinese_name():
    page = invoke("rule", "合计数与分项之和不符", "--lang", "zh").stdout
    assert page.startswith("# SUM001 合计数与分项之和不符")
