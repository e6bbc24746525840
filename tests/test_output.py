"""Output formats: each read back by a reader of its ecosystem (json, csv, pandas for XLSX, junitparser),
the GitHub annotations escaped and capped, the full format's marks under the figure."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossfoot.cli import main

ROOT = Path(__file__).resolve().parent.parent
BAD = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。\n"  # 830.50 ≠ 820.50
RATE = "预算数为200万元，执行数为150万元，预算执行率为70%。\n"  # 75%


def invoke(*args, env=None):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False, env=env)


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "a.txt").write_text("某局2024年报告\n" + BAD + RATE, encoding="utf-8")
    (tmp_path / "b.md").write_text("某局2024年报告\n\n一切正常。\n", encoding="utf-8")
    return tmp_path


def expected(reports) -> list[tuple]:
    data = json.loads(invoke("--output-format", "json", str(reports)).stdout)  # stderr names skipped files
    return [(f["path"], f["line"], f["column"], f["code"]) for f in data["findings"]]


def validate_json(data: dict) -> None:
    """Against the JSON format's published schema (``lint/report/schema/findings-v1.json``)."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "lint" / "report" / "schema" / "findings-v1.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_json_follows_its_schema(reports):
    data = json.loads(invoke("--output-format", "json", str(reports)).output)
    validate_json(data)
    data["findings"][0]["severity"] = "fatal"
    with pytest.raises(Exception, match="fatal"):
        validate_json(data)


def test_json_lines_is_one_finding_per_line(reports):
    lines = invoke("--output-format", "json-lines", str(reports)).output.splitlines()
    found = [json.loads(line) for line in lines]
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in found] == expected(reports)
    assert [f["code"] for f in found] == ["SUM001", "RAT001"]


def test_csv_opens_with_a_byte_order_mark_and_one_row_per_finding(reports):
    out = invoke("--output-format", "csv", str(reports)).output
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert [(r["path"], int(r["line"]), int(r["column"]), r["code"]) for r in rows] == expected(reports)
    assert rows[0]["stated"] == "820.50万元" and rows[0]["computed"] == "[830.4900, 830.5100]"


@pytest.mark.parametrize("lang, status, reason", [("en", "not read", "empty: no text to check"),
                                                   ("zh", "未能检查", "空文件：没有可检查的文字")])
def test_csv_lists_the_files_it_could_not_check_after_the_findings(reports, lang, status, reason):
    (reports / "c.txt").write_text("", encoding="utf-8")
    (reports / "d.txt").write_bytes(b"\x00binary")
    out = invoke("--output-format", "csv", "--lang", lang, str(reports)).stdout
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))[1:]
    unread = [(Path(r[0]).name, r[6], r[7]) for r in rows if not r[4]]
    assert [name for name, _, _ in unread] == ["c.txt", "d.txt"] and len(rows) == len(expected(reports)) + 2
    assert unread[0][1:] == (status, reason) and unread[1][1] == status
    assert "NUL" in unread[1][2] and (lang == "en" or "二进制文件" in unread[1][2] and "reads" not in unread[1][2])


def test_xlsx_is_read_by_pandas_with_a_triage_sheet(reports, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "out" / "findings.xlsx"
    out.parent.mkdir()
    result = invoke("--output-format", "xlsx", "-o", str(out), str(reports))
    assert result.exit_code == 1 and list(out.parent.iterdir()) == [out]  # no temporary file left behind
    findings = pd.read_excel(out, sheet_name="findings")
    assert list(zip(findings["path"], findings["line"], findings["column"], findings["code"])) == expected(reports)
    files = pd.read_excel(out, sheet_name="files")
    assert files.to_dict("records") == [
        {"path": str(reports / "a.txt"), "status": "checked", "errors": 2, "warnings": 0, "infos": 0, "findings": 2},
        {"path": str(reports / "b.md"), "status": "checked", "errors": 0, "warnings": 0, "infos": 0, "findings": 0},
    ]


def test_junit_is_read_by_a_junit_reader(reports, tmp_path):
    junitparser = pytest.importorskip("junitparser")
    out = tmp_path / "junit.xml"
    invoke("--output-format", "junit", "-o", str(out), str(reports))
    xml = junitparser.JUnitXml.fromfile(str(out))
    suites = {suite.name: suite for suite in xml}
    assert set(suites) == {str(reports / "a.txt"), str(reports / "b.md")}
    failed = [case for case in suites[str(reports / "a.txt")] if not case.is_passed]
    assert [case.result[0].type for case in failed] == ["SUM001", "RAT001"]
    assert all(case.is_passed for case in suites[str(reports / "b.md")])
    assert xml.failures == 2 and xml.tests == 3


def test_markdown_lists_files_and_findings_with_pipes_escaped(tmp_path):
    path = tmp_path / "p|q.txt"
    path.write_text(BAD, encoding="utf-8")
    out = invoke("--output-format", "markdown", str(path)).output
    assert "| file | place | code | severity | message |" in out
    assert f"| {tmp_path}/p\\|q.txt | 1:5 | `SUM001` | error |" in out


def test_github_annotations_are_escaped_capped_and_summarised(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text(BAD * 12, encoding="utf-8")
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    out = invoke("--output-format", "auto", str(path), env=env).output.splitlines()
    annotations = [line for line in out if line.startswith("::")]
    assert len(annotations) == 10  # GitHub shows 10 per level
    assert annotations[0] == (f"::error file={path},line=1,endLine=1,col=5,endColumn=13,"
                              "title=SUM001 sum-mismatch::支出合计 820.50万元 does not match "
                              "600.20万元 + 230.30万元 = [830.4900, 830.5100] (tolerance ±0.005 (rounding)) "
                              "(one digit differs: 820.50 → 830.50?)")
    assert out[-2].startswith("2 more findings not annotated")
    assert summary.read_text(encoding="utf-8").count("`SUM001`") == 12


def test_github_escapes_properties_and_data():
    from crossfoot.report.github import _data, _property

    assert _data("50%\nnext") == "50%25%0Anext"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def test_full_marks_the_figure_under_wide_characters(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(RATE, encoding="utf-8")
    out = invoke("--output-format", "full", str(path)).output.splitlines()
    assert out[1:5] == [
        "  │",
        "1 │ 预算数为200万元，执行数为150万元，预算执行率为70%。",
        "  │         -------          -------              ^^^ stated (^), checked against (-)",
        "  = stated: 70%",
    ]


CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_every_format_on_the_corpus_is_accepted_by_its_readers(tmp_path, checks):
    """The whole corpus (text and PDF) once, then every writer, each read back by its ecosystem's reader."""
    pd = pytest.importorskip("pandas")
    junitparser = pytest.importorskip("junitparser")
    from html.parser import HTMLParser

    from test_packs_and_cli import validate_sarif

    from crossfoot import engine, ingest, report

    context = report.Context(checks=checks, version="test")
    findings = []
    for path in ingest.walk([str(CORPUS)]):
        doc = ingest.read(path)
        relations: list = []
        found = engine.run(doc, checks, relations)
        context.files.append(path)
        if found:
            context.documents[path], context.relations[path] = doc, relations
        findings += found
    assert len(findings) >= 30 and any(f.span.where for f in findings)

    def written(fmt: str):
        module = report.writer(fmt)
        if getattr(module, "BINARY", False):
            out = tmp_path / f"out.{fmt}"
            with open(out, "wb") as stream:
                module.write(findings, stream, context)
            return out
        stream = io.StringIO()
        module.write(findings, stream, context)
        return stream.getvalue()

    validate_sarif(json.loads(written("sarif")))
    data = json.loads(written("json"))
    validate_json(data)
    assert len(data["findings"]) == len(findings)
    assert len([json.loads(line) for line in written("json-lines").splitlines()]) == len(findings)
    assert len(list(csv.reader(io.StringIO(written("csv").removeprefix("\ufeff"))))) == len(findings) + 1
    assert len(pd.read_excel(written("xlsx"), sheet_name="findings")) == len(findings)
    (tmp_path / "junit.xml").write_text(written("junit"), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(tmp_path / "junit.xml"))
    assert xml.tests == len(findings) + len(context.files) - len(context.documents)
    assert written("markdown").count("\n| ") >= len(findings)
    assert written("full").count("\n\n") >= len(findings)
    levels = Counter(str(f.severity) for f in findings)
    annotations = [line for line in written("github").splitlines() if line.startswith("::")]
    assert len(annotations) == sum(min(10, n) for n in levels.values())

    class Items(HTMLParser):
        count = 0

        def handle_starttag(self, tag, attrs):
            self.count += tag == "li" and ("class", f"finding {dict(attrs).get('data-sev')}") in attrs

    parser = Items()
    parser.feed(written("html"))
    assert parser.count == len(findings)


def test_markdown_escapes_html_in_document_text(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("<script>alert(1)</script>支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。",
                    encoding="utf-8")
    out = invoke("--output-format", "markdown", "--select", "SUM", str(path)).output
    assert "<script>" not in out


def test_a_file_not_read_has_its_reason_in_the_status_column_never_among_the_counts(tmp_path):
    """(wave w68d: the reason stood in the 问题数 column, mixing text into numbers a reviewer sums)"""
    pd = pytest.importorskip("pandas")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "fake.pdf").write_bytes(b"<html>not a pdf</html>")
    (tmp_path / "in" / "a.txt").write_text("本年支出100万元。\n", encoding="utf-8")
    out = tmp_path / "findings.xlsx"
    invoke("--output-format", "xlsx", "-o", str(out), str(tmp_path / "in"))
    files = pd.read_excel(out, sheet_name="files")
    unread = files[files["path"].str.endswith("fake.pdf")].iloc[0]
    assert unread["status"].startswith("not read: ") and all(pd.isna(unread[c]) for c in
                                                             ("errors", "warnings", "infos", "findings"))
    assert pd.api.types.is_numeric_dtype(files["findings"])
