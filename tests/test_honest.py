"""Honest failures: what crossfoot says when it cannot do what was asked (never "All checks passed")."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from crossfoot.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "lint" / "report" / "schema" / "findings-v1.json"
CLEAN = "支出合计820.50万元，其中：人员经费600.20万元，公用经费220.30万元。"


def invoke(*args, cwd=None):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text(CLEAN, encoding="utf-8")
    return "clean.txt"


@pytest.mark.parametrize("given, close", [("SUM01", "SUM001"), ("SUMM", "SUM"), ("sum-mismatc", "sum-mismatch")])
def test_an_unknown_code_is_a_usage_error_with_the_closest(clean, given, close):
    for option in ("--select", "--ignore", "--extend-select"):
        code, out, err = invoke("check", option, given, clean)
        assert code == 2 and out == ""
        assert f"{given!r} matches no check" in err and close in err.split("did you mean")[1]


def test_an_unknown_code_in_the_configuration_is_a_usage_error(clean):
    Path("pyproject.toml").write_text('[tool.crossfoot]\nselect = ["SUMM"]\n', encoding="utf-8")
    code, _, err = invoke("check", clean)
    assert code == 2 and "pyproject.toml" in err and "'SUMM' matches no check" in err


@pytest.mark.parametrize("given", ["ALL", "SUM", "SUM001", "sum-mismatch", "ENC001", "SUP", "unused-suppression"])
def test_known_codes_prefixes_names_and_built_in_codes_are_accepted(clean, given):
    assert invoke("check", "--select", given, clean)[0] == 0
    assert invoke("check", "--ignore", given, clean)[0] == 0


def test_a_folder_of_formats_not_read_names_each_file_and_checks_nothing(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("a.et", "b.wps", "c.odt", "d.doc", "~$lock.docx", "photo.png"):
        (folder / name).write_bytes(b"x")
    code, out, err = invoke("check", str(folder))
    assert code == 2
    skipped = [line for line in err.splitlines() if line.startswith("crossfoot: skipped")]
    assert [line.split()[2].rstrip(":") for line in skipped] == [str(folder / n) for n in
                                                                 ("a.et", "b.wps", "c.odt", "d.doc")]
    assert "or install LibreOffice" in err and "save it as .xlsx" in skipped[0]
    assert out.strip() == "No file was checked. 4 files skipped, in formats not read (.doc 1, .et 1, .odt 1, .wps 1)."


def test_a_skipped_file_beside_a_report_does_not_fail_the_run(tmp_path):
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"x")
    code, out, err = invoke("check", str(tmp_path))
    assert code == 0 and "skipped" in err
    assert out.strip() == "All checks passed (1 file). 1 file skipped, in formats not read (.doc 1)."


def test_an_unreadable_file_is_named_with_why_in_text_json_and_sarif(clean):
    Path("bad.pdf").write_bytes(b"not a pdf")
    code, out, _ = invoke("check", clean, "bad.pdf")
    assert code == 2
    assert out.strip().startswith("All checks passed (1 file). 1 file could not be checked: bad.pdf: not a "
                                  "readable PDF")
    code, out, _ = invoke("check", "--output-format", "json", clean, "bad.pdf")
    data = json.loads(out)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    (entry,) = data["unchecked"]
    assert entry["path"] == "bad.pdf" and entry["status"] == "unreadable" and "PDF" in entry["reason"]
    code, out, _ = invoke("check", "--output-format", "sarif", clean, "bad.pdf")
    (invocation,) = json.loads(out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "bad.pdf" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.pdf"


def test_a_clean_sarif_run_is_successful_and_json_lists_nothing_unchecked(clean):
    _, out, _ = invoke("check", "--output-format", "sarif", clean)
    assert json.loads(out)["runs"][0]["invocations"] == [{"executionSuccessful": True}]
    _, out, _ = invoke("check", "--output-format", "json", clean)
    assert json.loads(out)["unchecked"] == []


@pytest.mark.parametrize("code", ["ENC001", "ENC002", "SUP001", "unused-suppression"])
def test_every_built_in_code_has_a_page(code):
    status, out, _ = invoke("rule", code)
    assert status == 0 and "made by* crossfoot itself" in out
    assert code in invoke("rules")[1]


def test_rule_of_an_unknown_or_ambiguous_code_says_so():
    status, _, err = invoke("rule", "SUP01")
    assert status == 2 and "SUP001" in err
    status, _, err = invoke("rule", "SU")
    assert status == 2 and "prefix of several" in err


def test_docs_needs_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, _, err = invoke("docs")
    assert status == 2 and "FOLDER" in err and not (tmp_path / "docs").exists()


def test_the_documented_parts_words_are_the_ones_read():
    """Every parts word the sum check's summary names opens a listing the check reads."""
    from crossfoot import engine
    from crossfoot.ingest.text import parse

    (check,) = [c for c in engine.load() if c.code == "SUM001"]
    words = check.summary.split("after ")[1].split(" do not")[0].split("/")
    for word in words:
        found = engine.run(parse(f"支出合计100万元，{word}人员经费60万元、公用经费50万元。"), [check])
        assert [f.code for f in found] == ["SUM001"], word


def test_batch_lists_skipped_files_and_still_passes(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "in" / "t.et").write_bytes(b"x")
    out = tmp_path / "out"
    status, printed, _ = invoke("batch", "--jobs", "1", "--no-cache", "-d", str(out), str(tmp_path / "in"))
    assert status == 0
    assert "skipped: a WPS workbook" in printed and "1 skipped (formats not read)" in printed
    assert "skipped" in (out / "index.html").read_text(encoding="utf-8")


def test_progress_counts_files_and_findings(monkeypatch):
    import io

    from crossfoot.progress import Progress

    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    bar = Progress(3, delay=0)
    bar.step("a.pdf", 2)
    bar.step("b.pdf", failed=True)
    bar.bar.refresh()  # drawn at most every 0.1 s otherwise
    shown = err.getvalue()
    bar.close()
    assert "2/3 files" in shown and "2 findings, 1 not checked" in shown and "b.pdf" in shown
    assert Progress(3, enabled=False).bar is None


def test_progress_speaks_chinese(monkeypatch):
    import io

    from crossfoot.progress import Progress

    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    bar = Progress(3, delay=0, lang="zh")
    bar.step("a.pdf", 2)
    bar.step("b.pdf", failed=True)
    bar.bar.refresh()
    shown = err.getvalue()
    bar.close()
    assert "2/3 个文件" in shown and "发现 2 个问题，1 个无法检查" in shown
    assert "files" not in shown and "findings" not in shown


def test_no_progress_when_stderr_is_not_a_terminal(clean):
    _, _, err = invoke("check", clean)
    assert err == ""


def _interrupt_at(monkeypatch, target, nth):
    real, calls = target[1], []

    def fake(*args, **kwargs):
        calls.append(1)
        if len(calls) == nth:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(target[0], fake)


def test_ctrl_c_during_check_reports_the_files_done(tmp_path, monkeypatch):
    from crossfoot import audit

    bad = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。"
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(bad, encoding="utf-8")
    _interrupt_at(monkeypatch, ("crossfoot.audit.file", audit.file), 2)
    status, out, err = invoke("check", str(tmp_path))
    assert status == 130
    assert "interrupted: 1 of 3 files checked" in err and "--resume" in err
    assert [line.split(":")[0] for line in out.splitlines() if "SUM001" in line] == [str(tmp_path / "a.txt")]


def test_ctrl_c_during_batch_keeps_the_results_for_resume(tmp_path, monkeypatch):
    from crossfoot.batch import pool

    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / "in" / name).write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "out"
    args = ("batch", "--executor", "inline", "--no-cache", "-d", str(out), str(tmp_path / "in"))
    with monkeypatch.context() as patch:
        _interrupt_at(patch, ("crossfoot.batch.pool.audit_file", pool.audit_file), 2)
        status, _, err = invoke(*args)
    assert status == 130 and "interrupted: 1 of 3 files done" in err and "--resume" in err
    assert len((out / "results.jsonl").read_text(encoding="utf-8").splitlines()) == 1
    status, printed, _ = invoke(*args, "--resume")
    assert status == 0 and "3 files: 0 findings" in printed
