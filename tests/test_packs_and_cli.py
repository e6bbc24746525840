"""Check packs (every check's examples behave as documented), golden sample reports, and the CLI contract."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossfoot import engine
from crossfoot.cli import main
from crossfoot.kinds import options as typed

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.parametrize("check", engine.load(), ids=lambda c: c.code)
def test_every_check_has_a_failing_and_a_passing_example(check, checks):
    assert check.examples.get("fail") and check.examples.get("pass"), f"{check.code} lacks an example"
    from crossfoot.docs import run_example

    assert [f.code for f in run_example(check.examples["fail"], checks)] == [check.code]
    assert run_example(check.examples["pass"], checks) == []


@pytest.mark.parametrize("report", sorted((ROOT / "reports").glob("*.expected")), ids=lambda p: p.stem)
def test_sample_reports_give_exactly_their_expected_findings(report):
    source = next(p for p in report.parent.glob(report.stem + ".*") if p.suffix != ".expected")
    result = CliRunner().invoke(main, ["check", str(source.relative_to(ROOT))], catch_exceptions=False)
    lines = [line.removeprefix("reports/") for line in result.output.splitlines()[:-1]]
    assert lines == report.read_text(encoding="utf-8").splitlines()


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "crossfoot", *args], capture_output=True, text=True, cwd=cwd)


def test_exit_codes(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("支出合计820.50万元，其中：人员经费600.20万元，公用经费220.30万元。", encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。", encoding="utf-8")
    assert run("check", str(clean)).returncode == 0
    result = run("check", str(bad))
    assert result.returncode == 1 and f"{bad}:1:5: SUM001 error" in result.stdout
    assert run("check", "--exit-zero", str(bad)).returncode == 0
    assert run("check", "--ignore", "SUM", str(bad)).returncode == 0
    assert run("check", "--select", "sum-mismatch", str(bad)).returncode == 1


def test_unreadable_file_is_one_clear_message(tmp_path):
    result = run("check", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("crossfoot: error:") and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK")
    result = run("check", str(docx))
    assert result.returncode == 2 and "report.docx" in result.stderr and "Traceback" not in result.stderr


def test_encodings_and_bad_bytes(tmp_path):
    text = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。"
    for name, data in (("bom.txt", b"\xef\xbb\xbf" + text.encode()), ("gbk.txt", text.encode("gb18030"))):
        (tmp_path / name).write_bytes(data)
        out = run("check", str(tmp_path / name)).stdout
        assert f"{name}:1:5: SUM001" in out
    broken = tmp_path / "broken.txt"
    broken.write_bytes(text.encode() + b"\n\xff\xfe\xfa" + "收入合计".encode())
    result = run("check", str(broken))
    assert "broken.txt:2:1: ENC001 warning" in result.stdout and "broken.txt:1:5: SUM001" in result.stdout


def test_broken_pack_names_file_and_line(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("checks:\n  - code: SUM901\n    name: x\n    kind: nosuchkind\n    severity: error\n"
                    "    message: m\n", encoding="utf-8")
    result = run("rules", "--pack", str(pack))
    assert result.returncode == 2
    assert f"{pack}:2: unknown kind 'nosuchkind'" in result.stderr


def _described(checks) -> list:
    return [(c.code, c.severity, c.message, c.source, typed.shown(c.options)) for c in checks]


def test_packs_parsed_once_are_kept_and_read_back_alike(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "mine.yaml"
    pack.write_text("checks:\n  - code: SUM901\n    name: x\n    kind: nosuchkind\n    severity: error\n"
                    "    message: m\n", encoding="utf-8")
    first = _described(engine.load())
    kept = sorted((tmp_path / "cache" / "packs").iterdir())
    assert len(kept) == len(list(engine.packs_dir().glob("*.yaml")))
    broken = f"{re.escape(str(pack))}:2: unknown kind 'nosuchkind'"
    with pytest.raises(engine.PackError, match=broken):
        engine.load([pack])
    with monkeypatch.context() as m:
        m.setattr(engine, "_parsed", lambda *_: pytest.fail("a kept pack was parsed again"))
        assert _described(engine.load()) == first
        with pytest.raises(engine.PackError, match=broken):
            engine.load([pack])  # the line of a check kept with it
    pack.write_text(pack.read_text(encoding="utf-8").replace("SUM901", "SUM902"), encoding="utf-8")
    with pytest.raises(engine.PackError, match="unknown kind"):
        engine.load([pack])
    assert len(list((tmp_path / "cache" / "packs").iterdir())) == len(kept) + 2  # an edited pack: anew


@pytest.mark.parametrize("damage", ["", "not json", '{"data": {"checks": [1]}, "lines": []}', "[1, 2]",
                                    '{"data": {"checks": []}, "lines": [1.5]}', '{"data": {"checks": []}}',
                                    '{"data": {"checks": []}, "lines": []}', "[" * 100_000,
                                    '{"crc": 0, "value": {"data": {"checks": []}, "lines": []}}'])
def test_a_damaged_cache_entry_is_passed_over(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(tmp_path))
    first = _described(engine.load())
    for entry in (tmp_path / "packs").iterdir():
        entry.write_text(damage, encoding="utf-8")
    assert _described(engine.load()) == first


def test_no_cache_in_a_folder_others_may_write(tmp_path, monkeypatch):
    """Entries left in a shared folder (anyone may write it) are never trusted, and nothing is kept there
    (wave w69e: poisoned entries gave "All checks passed")."""
    from crossfoot import cache

    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(shared))
    monkeypatch.setattr(cache, "_OWNED", {})
    first = _described(engine.load())
    assert list(shared.iterdir()) == []
    shared.chmod(0o700)
    monkeypatch.setattr(cache, "_OWNED", {})
    assert _described(engine.load()) == first and list(shared.iterdir())  # its own: kept


def test_no_cache_when_its_folder_is_set_empty_or_cannot_be_made(tmp_path, monkeypatch):
    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", "")
    first = _described(engine.load())
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(blocked))
    assert _described(engine.load()) == first
    assert list(tmp_path.iterdir()) == [blocked]


def test_rules_and_rule():
    listing = run("rules").stdout
    assert "SUM001" in listing and "sum-mismatch" in listing
    doc = run("rule", "RAT001").stdout
    assert "Failing example" in doc and "Passing example" in doc and "为年初预算的" in doc


def validate_sarif(log: dict) -> None:
    """The parts of the SARIF 2.1.0 structure that code-scanning tools rely on."""
    assert log["version"] == "2.1.0"
    (run_,) = log["runs"]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    for result in run_["results"]:
        assert result["ruleId"] in rules and result["level"] in ("error", "warning", "note")
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) > (region["startLine"], region["startColumn"])
        assert result["message"]["text"] and result["partialFingerprints"]


def test_sarif_contract(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("标题\n支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。", encoding="utf-8")
    out = tmp_path / "out.sarif"
    assert run("check", "--output-format", "sarif", "-o", str(out), str(bad)).returncode == 1
    log = json.loads(out.read_text(encoding="utf-8"))
    validate_sarif(log)
    (result,) = log["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 5, 13)
    assert [r["physicalLocation"]["region"]["startColumn"] for r in result["relatedLocations"]] == [21, 34]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_corpus_acceptance():
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md", ".pdf"))
    assert files
    for path in files:
        result = run("check", "--output-format", "sarif", str(path))
        assert result.returncode in (0, 1), result.stderr
        assert "Traceback" not in result.stderr
        validate_sarif(json.loads(result.stdout))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_corpus_corruption_recall():
    """A digit typo in a relation that holds in a real report is caught; a rounding change is not flagged."""
    sys.path.insert(0, str(ROOT / "bench"))
    import recall

    result = recall.measure(recall.default_paths())
    assert result.relations >= 50
    assert result.recall >= 0.9, "\n".join(result.misses)
    assert result.overall >= 0.8, "\n".join(result.undetected)  # unread sentences count as misses
    assert result.false_alarms == 0, "\n".join(result.alarms)


def test_typo_recall_harness_counts_typos_on_checked_relations(tmp_path):
    """bench/typos.py: each figure of a hand-checked relation gets two typos; those the relation's check
    reports count as caught, those no check reads as missed."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_typos", ROOT / "bench" / "typos.py")
    typos = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(typos)

    assert typos.typos("1,234.56") == ["2,234.56", "1,334.56"]
    assert typos.typos("0.09") == ["0.08"]
    assert typos.locate("A 12，B 112，C 12.5，D 12", "12", 2) == (20, 22)
    (tmp_path / "01.txt").write_text("支出合计12.00万元，其中：基本支出5.00万元，项目支出7.00万元。\n"
                                     "甲单位有职工30人，乙单位有职工40人。\n", encoding="utf-8")
    (tmp_path / "relations.tsv").write_text(
        "01\tr1\tsum\t1\t12.00\t1\n01\tr1\tsum\t1\t5.00\t1\n01\tr1\tsum\t1\t7.00\t1\n"
        "01\tr2\trestate\t2\t30\t1\n", encoding="utf-8")
    total, caught, shapes, _ = typos.measure(tmp_path)
    assert (total, caught) == (8, 6)
    assert shapes == {"sum": [6, 6], "restate": [2, 0]}


def test_rule_documentation_is_generated_and_up_to_date(checks):
    from crossfoot import docs

    pages = docs.generate(checks)
    folder = ROOT / "docs" / "rules"
    committed = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert set(committed) == set(pages), "run `crossfoot docs docs/rules` to regenerate docs/rules"
    stale = [name for name in pages if committed[name] != pages[name]]
    assert not stale, f"run `crossfoot docs docs/rules` to regenerate docs/rules: {stale}"
    for check in checks:
        page = pages[f"{check.code}.md"]
        assert f": {check.code} {check.severity} " in page  # its failing example's finding, as run
        assert "(nothing: the example is broken)" not in page


def test_defers_to_must_be_a_list_of_codes(tmp_path):
    """A pack's ``defers_to`` names check codes; anything else is the pack's error, with its place."""
    pack = tmp_path / "p.yaml"
    pack.write_text("checks:\n  - code: ZZZ001\n    name: z\n    kind: sum\n    severity: error\n"
                    "    message: '{stated}'\n    defers_to: SUM001\n", encoding="utf-8")
    with pytest.raises(engine.PackError, match="defers_to is a list of check codes"):
        engine.load([pack])


@pytest.mark.parametrize("words", ['[""]', '["", "!"]', '["合计", " "]'])
def test_a_word_list_holding_an_empty_word_is_the_packs_error(tmp_path, words):
    """An empty word is held by every text: a check reading with it fires everywhere or nowhere (wave w69e
    found such a pack accepted). Refused with its place, in an option and in a vocabulary."""
    option = tmp_path / "option.yaml"
    option.write_text("checks:\n  - code: ZZZ001\n    name: z\n    kind: sum\n    severity: error\n"
                      f"    message: '{{stated}}'\n    options:\n      totals: {words}\n", encoding="utf-8")
    vocabulary = tmp_path / "vocabulary.yaml"
    vocabulary.write_text(f"vocabularies:\n  blank: {words}\nchecks: []\n", encoding="utf-8")
    for pack in (option, vocabulary):
        with pytest.raises(engine.PackError, match="empty word"):
            engine.load([pack])
