"""Batch audits: outputs, isolation of bad files, the cache, a kill midway and --resume, Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import generate
import pytest
from click.testing import CliRunner

from crossfoot import batch
from crossfoot.batch import pool
from crossfoot.batch.work import Task
from crossfoot.cli import main
from crossfoot.config import Settings


def findings_of(records) -> dict[str, list[str]]:
    return {Path(r["path"]).name: [f["code"] for f in r["findings"]] for r in records}


def test_batch_writes_triage_outputs_and_a_report_per_document(tmp_path):
    expected = generate.write(tmp_path / "in", 12)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-d", str(out), "--jobs", "2",
                                       "--no-cache"])
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert findings_of(records) == expected
    assert "12 files: 2 findings in 2 files, 0 not checked." in result.stdout
    assert result.stdout.splitlines()[2].split()[:2] == [str(tmp_path / "in" / "report-00004.txt"), "1"]
    pages = sorted(p.name for p in (out / "html").iterdir())
    assert len(pages) == 2 and all(f'href="html/{p}"' in (out / "index.html").read_text() for p in pages)
    pd = pytest.importorskip("pandas")
    assert sorted(pd.read_excel(out / "findings.xlsx", sheet_name="findings")["code"]) == ["RAT001", "SUM001"]
    assert len(pd.read_excel(out / "findings.xlsx", sheet_name="files")) == 12


def test_a_batch_in_chinese_writes_its_own_outputs_in_chinese(tmp_path):
    generate.write(tmp_path / "in", 5)  # one of them with an error
    (tmp_path / "in" / "junk.et").write_bytes(b"hi")  # a format not read: skipped, with its reason
    for lang, words in (("zh", ["文件", "错误", "警告", "提示"]), ("en", ["file", "errors", "warnings", "infos"])):
        out = tmp_path / f"out-{lang}"
        result = CliRunner().invoke(main, ["batch", str(tmp_path / "in"), "-d", str(out), "--no-cache", "-q",
                                           "--lang", lang])
        summary = (out / "summary.txt").read_text(encoding="utf-8")
        assert result.stdout == summary and summary.split()[:4] == words
        index = (out / "index.html").read_text(encoding="utf-8")
        assert "".join(f"<th>{w}</th>" for w in words) in index
        pages = list((out / "html").iterdir())
        zh = [("<title>crossfoot 核查报告</title>" in p.read_text(encoding="utf-8")) for p in pages]
        assert pages and zh == [lang == "zh"] * len(pages)
        if lang == "zh":
            assert summary.rstrip().endswith("共 6 个文件：1 个问题，涉及 1 个文件；0 个未能检查，1 个已跳过"
                                             "（格式不支持）。")
            assert "<td>已跳过: " in index and "<th>说明</th>" in index
            pd = pytest.importorskip("pandas")
            assert list(pd.read_excel(out / "findings.xlsx", sheet_name=None)) == ["文件", "问题"]
        else:
            assert summary.rstrip().endswith("6 files: 1 finding in 1 files, 0 not checked, 1 skipped "
                                             "(formats not read).")


def _misbehaving(task):
    """An audit that misbehaves for some file names, as pathological files would."""
    name = Path(task.path).name
    if name == "slow.txt":
        time.sleep(60)
    if name == "huge.txt":
        hoard = bytearray(3 * 1024**3)  # more than the worker may have: MemoryError
        del hoard
    if name == "crash.txt":
        os._exit(7)
    return {"path": task.path, "status": "ok", "error": "", "findings": [], "html": ""}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked with the patch on Linux")
def test_one_bad_file_never_stops_the_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "audit_file", _misbehaving)
    names = ["a.txt", "slow.txt", "b.txt", "huge.txt", "c.txt", "crash.txt", "d.txt"]
    tasks = [Task(str(tmp_path / n), Settings()) for n in names]
    records = {Path(r["path"]).name: r for r in pool.local(tasks, jobs=2, timeout=3, memory_mb=1024)}
    assert sorted(records) == sorted(names)
    assert {n for n, r in records.items() if r["status"] == "ok"} == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert "took longer than 3 s" in records["slow.txt"]["error"]
    assert "ran out of memory (the limit is 1024 MB a file)" in records["huge.txt"]["error"]
    assert "stopped (exit code 7" in records["crash.txt"]["error"]


def test_unreadable_files_are_reported_in_the_results(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("一切正常。\n", encoding="utf-8")
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    records = batch.run([str(tmp_path / "in")], tmp_path / "out", lambda p: Settings(), executor="inline")
    assert [(Path(r["path"]).name, r["status"]) for r in records] == [("broken.pdf", "error"), ("ok.txt", "ok")]
    assert "not checked: " in (tmp_path / "out" / "summary.txt").read_text(encoding="utf-8")


def test_a_run_sweeps_the_temporary_files_a_killed_run_left(tmp_path):
    generate.write(tmp_path / "in", 2)
    (tmp_path / "out" / "html").mkdir(parents=True)
    stale = [tmp_path / "out" / "html" / ".report-00001-0a1b2c.html.4242.tmp", tmp_path / "out" / ".index.html.tmp"]
    for path in stale:
        path.write_bytes(b"")
    batch.run([str(tmp_path / "in")], tmp_path / "out", lambda p: Settings(), executor="inline", resume=True)
    assert not any(path.exists() for path in stale)
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_unchanged_files_come_from_the_cache(tmp_path):
    generate.write(tmp_path / "in", 6)
    cache = str(tmp_path / "cache")

    def run(settings=None):
        return batch.run([str(tmp_path / "in")], tmp_path / "out", lambda p: settings or Settings(), cache=cache,
                         executor="inline")

    first = run()
    assert not any(r.get("cached") for r in first)
    (tmp_path / "in" / "report-00001.txt").write_text("改过的报告。\n", encoding="utf-8")
    second = run()
    assert [Path(r["path"]).name for r in second if not r.get("cached")] == ["report-00001.txt"]
    assert findings_of(second)["report-00004.txt"] == ["SUM001"]  # from the cache, with its HTML report
    assert (tmp_path / "out" / "html" / next(r["html"] for r in second if r["findings"])).is_file()
    third = run(Settings(ignore=["SUM"]))  # other settings: nothing comes from the cache
    assert not any(r.get("cached") for r in third) and findings_of(third)["report-00004.txt"] == []


def _outputs(folder: Path) -> dict[str, bytes]:
    files = ["findings.xlsx", "findings.csv", "summary.txt", "index.html"]
    out = {name: (folder / name).read_bytes() for name in files}
    out.update({f"html/{p.name}": p.read_bytes() for p in (folder / "html").iterdir()})
    return out


def test_a_killed_batch_resumes_and_ends_as_an_uninterrupted_one(tmp_path):
    generate.write(tmp_path / "in", 300)
    command = [sys.executable, "-m", "crossfoot", "batch", str(tmp_path / "in"), "--jobs", "2", "--no-cache"]
    killed = subprocess.Popen([*command, "-d", str(tmp_path / "out")], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    store = tmp_path / "out" / "results.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if store.is_file() and store.read_bytes().count(b"\n") >= 40:
            break
        time.sleep(0.005)
    os.killpg(killed.pid, signal.SIGKILL)  # the batch and its workers, mid-run
    killed.wait()
    done = store.read_bytes().count(b"\n")
    assert 40 <= done < 300, "the batch was not killed midway"
    resumed = subprocess.run([*command, "-d", str(tmp_path / "out"), "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 1, resumed.stderr
    paths = [json.loads(line)["path"] for line in store.read_text(encoding="utf-8").splitlines()]
    assert len(paths) == len(set(paths)) == 300  # every file reported exactly once
    clean = subprocess.run([*command, "-d", str(tmp_path / "clean")], capture_output=True, text=True)
    assert clean.returncode == 1
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "clean")


def test_resume_checks_again_a_file_edited_since_or_other_settings(tmp_path):
    generate.write(tmp_path / "in", 3)  # all clean
    report = tmp_path / "in" / "report-00001.txt"
    run = ["batch", str(tmp_path / "in"), "-d", str(tmp_path / "out"), "--no-cache", "-q", "--isolated"]
    assert CliRunner().invoke(main, run).exit_code == 0
    report.write_text(report.read_text(encoding="utf-8") + "\n支出合计830.50万元，其中：人员经费600.20万元，"
                      "公用经费220.30万元。\n", encoding="utf-8")  # a wrong total added since
    resumed = CliRunner().invoke(main, [*run, "--resume"])
    assert resumed.exit_code == 1 and "SUM001" in resumed.stdout
    store = (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["path"] for line in store) == sorted(str(p) for p in (tmp_path / "in").iterdir())
    other = CliRunner().invoke(main, [*run, "--resume", "--select", "DOC"])  # other settings: all again
    assert other.exit_code == 0 and "SUM001" not in other.stdout


@pytest.mark.parametrize("facts", [
    {"DOC007": 5}, {"DOC007": {"series": ["x"], "year": 2024, "items": []}},
    {"DOC007": {"series": "x", "year": 2024, "items": [{"key": ["a", "money"], "year": 2024, "value": "abc"}]}},
    {"DOC007": {"series": "x", "year": 2024, "items": [
        {"key": ["a", "money"], "year": 2024, "text": "1", "value": "Infinity", "decimals": 0, "unit": "",
         "qualifier": "", "exact": True, "label": "a", "line": 1, "column": 1, "end_column": 2, "where": ""}]}},
])
def test_a_stored_record_whose_facts_are_malformed_is_checked_again(tmp_path, facts):
    """Facts are compared across files (DOC007): a store or cache record holding facts of another shape is
    checked again, never read into the comparison (wave w67e: TypeError, InvalidOperation, exit 1)."""
    generate.write(tmp_path / "in", 2)
    run = ["batch", str(tmp_path / "in"), "-d", str(tmp_path / "out"), "--no-cache", "-q", "--isolated"]
    assert CliRunner().invoke(main, run).exit_code == 0
    store = tmp_path / "out" / "results.jsonl"
    records = [json.loads(line) for line in store.read_text(encoding="utf-8").splitlines()]
    records[0]["facts"] = facts
    store.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    resumed = CliRunner().invoke(main, [*run, "--resume"])
    assert resumed.exit_code == 0 and resumed.exception is None, resumed.output
    kept = [json.loads(line) for line in store.read_text(encoding="utf-8").splitlines()]
    assert len(kept) == 2 and all(r["facts"] != facts for r in kept)


def test_dask_executor_gives_the_same_results(tmp_path):
    distributed = pytest.importorskip("distributed")
    expected = generate.write(tmp_path / "in", 10)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                  processes=True) as cluster:
        records = batch.run([str(tmp_path / "in")], tmp_path / "out", lambda p: Settings(), executor="dask",
                            scheduler=cluster.scheduler_address)
    assert findings_of(records) == expected
    batch.run([str(tmp_path / "in")], tmp_path / "local", lambda p: Settings(), executor="inline")
    assert _outputs(tmp_path / "out") == _outputs(tmp_path / "local")


def test_a_reports_html_page_names_its_format():
    from crossfoot.batch.work import html_name

    names = {html_name(f"in/自评报告_1{suffix}") for suffix in (".txt", ".docx", ".pdf")}
    assert len(names) == 3 and any(n.startswith("自评报告_1.docx-") for n in names)


def test_the_index_lists_a_file_with_an_error_before_one_with_warnings_only():
    from crossfoot.batch.outputs import index

    records = [{"path": "a.txt", "status": "ok", "findings": [{"severity": "warning"}] * 4, "html": ""},
               {"path": "b.txt", "status": "ok", "findings": [{"severity": "error"}], "html": ""}]
    page = index(records, "0")
    assert page.index("b.txt") < page.index("a.txt")


def test_a_run_never_sweeps_the_users_own_tmp_files(tmp_path):
    """Only the temporary files of its own outputs go: a file or folder of the user's ending in .tmp stays,
    and never makes the run fail."""
    generate.write(tmp_path / "in", 1)
    (tmp_path / "out" / "html").mkdir(parents=True)
    mine = [tmp_path / "out" / ".notes.tmp", tmp_path / "out" / "html" / ".draft.tmp"]
    for path in mine:
        path.write_text("the user's", encoding="utf-8")
    (tmp_path / "out" / ".x.tmp").mkdir()
    ours = tmp_path / "out" / ".summary.txt.k3x9a2b1.tmp"
    ours.write_bytes(b"")
    batch.run([str(tmp_path / "in")], tmp_path / "out", lambda p: Settings(), executor="inline")
    assert all(path.read_text(encoding="utf-8") == "the user's" for path in mine)
    assert (tmp_path / "out" / ".x.tmp").is_dir() and not ours.exists()


def test_results_through_a_link_to_the_reports_folder_are_refused(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "summary.txt").write_text("合计820.50万元。\n", encoding="utf-8")
    (tmp_path / "results").symlink_to(tmp_path / "reports")
    with pytest.raises(RuntimeError, match="holds the reports being checked"):
        batch.run([str(tmp_path / "reports")], tmp_path / "results", lambda p: Settings(), executor="inline")
    assert (tmp_path / "reports" / "summary.txt").read_text(encoding="utf-8") == "合计820.50万元。\n"
