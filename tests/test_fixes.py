"""Fixes (--fix, --unsafe-fixes, --diff) and --add-suppressions on TXT and Markdown reports."""

from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from crossfoot.cli import main
from crossfoot.fixes import Edit, _regrouped, apply

REPORT = ("标题\n"
          "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。\n"
          "本年增长 13.95，主要原因是业务增加。\n"
          "本年支出14,8134.51 万元。\n"
          "收入减少0.15万元，下降（增长）27.78%。\n")
SAFE = REPORT.replace("增长 13.95，", "增长 13.95%，").replace("14,8134.51", "148,134.51").replace(
    "下降（增长）", "下降")


def invoke(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def codes(out: str) -> list[str]:
    return [line.split(": ")[1].split()[0] for line in out.splitlines() if line.startswith(("r.", "t."))]


def test_diff_shows_the_safe_fixes_and_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.md").write_text(REPORT, encoding="utf-8")
    status, out, err = invoke("check", "--diff", "r.md")
    assert status == 1 and Path("r.md").read_text(encoding="utf-8") == REPORT
    assert out.startswith("--- a/r.md\n+++ b/r.md\n")
    assert [line for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")] == [
        "+" + line for line in SAFE.splitlines()[2:]]
    assert "3 fix(es) shown in 1 file(s); 1 more with --unsafe-fixes" in err


def test_fix_applies_the_safe_fixes_and_reports_what_remains(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.md").write_text(REPORT, encoding="utf-8")
    assert codes(invoke("check", "r.md")[1]) == ["SUM001", "FMT002", "FMT001", "DOC009"]
    status, out, _ = invoke("check", "--fix", "r.md")
    assert Path("r.md").read_text(encoding="utf-8") == SAFE
    assert status == 1 and codes(out) == ["SUM001"]  # an amount is a person's to change
    status, out, _ = invoke("check", "--fix", "--unsafe-fixes", "r.md")
    assert status == 0 and codes(out) == []
    assert "支出合计830.50万元" in Path("r.md").read_text(encoding="utf-8")


def test_a_file_is_written_back_in_its_own_encoding_and_line_endings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.txt").write_bytes(REPORT.replace("\n", "\r\n").encode("gb18030"))
    invoke("check", "--fix", "r.txt")
    assert Path("r.txt").read_bytes() == SAFE.replace("\n", "\r\n").encode("gb18030")


def test_other_formats_are_never_edited(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("r.html").write_text(f"<p>{REPORT}</p>", encoding="utf-8")
    before = Path("r.html").read_bytes()
    invoke("check", "--fix", "--unsafe-fixes", "r.html")
    assert Path("r.html").read_bytes() == before


def test_an_edit_lands_only_where_its_text_still_is():
    text = "甲 13.95\n乙 13.95\n"
    stale = Edit(1, 2, 7, "13.96", "13.96%", "FMT002", True)
    good = Edit(2, 2, 7, "13.95", "13.95%", "FMT002", True)
    overlapping = Edit(2, 2, 4, "13", "31", "X", False)
    new, done = apply(text, [stale, good, overlapping])
    assert new == "甲 13.95\n乙 13.95%\n" and done == [good]


@given(st.lists(st.integers(0, 9), min_size=1, max_size=12), st.sets(st.integers(1, 11)),
       st.text("0123456789", max_size=3))
def test_regrouping_keeps_every_digit(digits, commas, decimals):
    whole = "".join(map(str, digits)).lstrip("0") or "0"
    written = "".join(("," if i in commas else "") + d for i, d in enumerate(whole)).lstrip(",")
    text = written + (f".{decimals}" if decimals else "") + "万元"
    fixed = _regrouped(text)
    assert fixed.replace(",", "") == text.replace(",", "")
    head = fixed.split(".")[0].removesuffix("万元")
    assert all(len(group) == 3 for group in head.split(",")[1:]) and len(head.split(",")[0]) <= 3


def test_add_suppressions_silences_today_and_keeps_tables_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    table = "表1 支出表\n单位：万元\n项目\t预算数\t决算数\n基本支出\t100.00\t90.00\n项目支出\t200.00\t180.00\n" \
            "其他支出\t50.00\t40.00\n合计\t350.00\t320.00\n"
    Path("t.txt").write_text(REPORT + table, encoding="utf-8")
    assert codes(invoke("check", "t.txt")[1]) == ["SUM001", "FMT002", "FMT001", "DOC009", "TAB001"]
    status, _, err = invoke("check", "--add-suppressions", "t.txt")
    assert status == 0 and "5 suppression comment(s) added" in err
    lines = Path("t.txt").read_text(encoding="utf-8").splitlines()
    assert lines[1].endswith(" <!-- crossfoot: disable-line SUM001 -->")
    assert lines[-1] == "合计\t350.00\t320.00\t<!-- crossfoot: disable-line TAB001 -->"
    assert invoke("check", "t.txt")[0] == 0
    Path("t.txt").write_text("\n".join(lines).replace("320.00", "330.00") + "\n", encoding="utf-8")
    status, out, _ = invoke("check", "t.txt")  # a new finding on a suppressed line stays hidden by code,
    assert codes(out) == []  # as ruff's noqa: the comment names the code, not the value
