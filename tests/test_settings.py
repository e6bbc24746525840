"""Configuration files, inline suppression comments and the baseline, through the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crossfoot.cli import main

BAD_SUM = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。"  # SUM001 at column 5
BAD_RATE = "预算数为200万元，执行数为150万元，预算执行率为70%。"  # RAT001 at column 30
TRUNCATED = "预算数为3000.00万元，执行数为2000.00万元，预算执行率为66.66%。"  # 66.666…: truncated, not rounded


def check(*args):
    result = CliRunner().invoke(main, ["check", *args], catch_exceptions=False)
    return result.exit_code, [line for line in result.stdout.splitlines() if not line.startswith("Found")]


def codes(lines):
    return [line.split(": ")[1].split()[0] for line in lines if ": " in line and "passed" not in line]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(f"{BAD_SUM}\n{BAD_RATE}\n", encoding="utf-8")
    return tmp_path


def test_pyproject_table_selects_and_the_command_line_wins(folder):
    (folder / "pyproject.toml").write_text('[tool.crossfoot]\nignore = ["SUM"]\n', encoding="utf-8")
    assert codes(check("r.txt")[1]) == ["RAT001"]
    assert codes(check("--select", "SUM001", "r.txt")[1]) == []  # ignore still applies
    assert codes(check("--isolated", "r.txt")[1]) == ["SUM001", "RAT001"]


def test_nearest_configuration_wins(folder):
    (folder / "crossfoot.toml").write_text('ignore = ["RAT"]\n', encoding="utf-8")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "r.txt").write_text(f"{BAD_SUM}\n{BAD_RATE}\n", encoding="utf-8")
    (sub / ".crossfoot.toml").write_text('ignore = ["SUM"]\n', encoding="utf-8")
    exit_code, lines = check("r.txt", "sub/r.txt")
    assert [(line.split(":")[0], code) for line, code in zip(lines, codes(lines))] == [
        ("r.txt", "SUM001"), ("sub/r.txt", "RAT001")]
    assert codes(check("--config", "crossfoot.toml", "sub/r.txt")[1]) == ["SUM001"]


def test_per_file_ignores_severity_fail_on_and_min_severity(folder):
    (folder / "crossfoot.toml").write_text(
        'fail-on = "error"\nmin-severity = "warning"\n[per-file-ignores]\n"r.txt" = ["RAT001"]\n'
        '[severity]\nSUM001 = "warning"\n', encoding="utf-8")
    exit_code, lines = check("r.txt")
    assert codes(lines) == ["SUM001"] and "SUM001 warning" in lines[0]
    assert exit_code == 0  # a warning does not fail at fail-on = error
    assert check("--fail-on", "warning", "r.txt")[0] == 1


def test_per_file_ignores_take_one_code_as_its_list_and_refuse_other_values(folder):
    (folder / "crossfoot.toml").write_text('[per-file-ignores]\n"r.txt" = "RAT001"\n', encoding="utf-8")
    assert "RAT001" not in codes(check("r.txt")[1])  # (a string was split into letters: 'R' matches no check)
    (folder / "crossfoot.toml").write_text('[per-file-ignores]\n"r.txt" = 3\n', encoding="utf-8")
    exit_code, lines = check("r.txt")
    assert exit_code == 2


def test_rounding_mode(folder):
    (folder / "t.txt").write_text(TRUNCATED + "\n", encoding="utf-8")
    assert "RAT001 info" in check("t.txt")[1][0]
    assert check("--rounding", "either", "t.txt")[1] == ["All checks passed (1 file)."]
    assert "RAT001 error" in check("--rounding", "strict", "t.txt")[1][0]


def test_grade_bands_and_check_options(folder):
    (folder / "g.txt").write_text("部门整体自评得分为86.00分。综上所述，整体绩效自评为优秀等级。\n", encoding="utf-8")
    assert codes(check("g.txt")[1]) == ["SCO004"]
    (folder / "crossfoot.toml").write_text('[grade-bands]\n"优秀" = 85\n"良好" = 75\n"中" = 60\n"差" = 0\n',
                                           encoding="utf-8")
    assert codes(check("g.txt")[1]) == []


@pytest.mark.parametrize("text, message", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail-on = "fatal"\n', "fail-on is one of error, warning, info"),
    ("[options.SUM001]\nnope = 1\n", "check SUM001 has no option(s) nope"),
    ("[severity]\nXYZ001 = \"info\"\n", "no check XYZ001 to configure"),
    ("ignore = [\n", "not valid TOML"),
    ("[options]\nSUM001 = 5\n", "options maps each check to a table of its options"),
    ('grade-bands = { "优秀" = nan }\n', "grade-bands maps each grade to its lowest score, a finite number"),
    ('grade-bands = { "优秀" = inf, "良好" = 80 }\n', "a finite number"),
])
def test_configuration_errors_name_the_file(folder, text, message):
    (folder / "crossfoot.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "r.txt"])
    assert result.exit_code == 2 and "crossfoot.toml" in result.output and message in result.output


def test_show_settings_and_show_files(folder):
    (folder / "crossfoot.toml").write_text('ignore = ["SUM"]\n', encoding="utf-8")
    exit_code, lines = check("--show-settings", "--ignore", "DOC", "r.txt")
    assert exit_code == 0 and "crossfoot.toml" in lines[0] and "  ignore = ['SUM', 'DOC']" in lines
    assert check("--show-files", ".")[1] == ["./r.txt"]


def test_inline_suppressions(folder):
    (folder / "s.md").write_text("\n".join([
        f"{BAD_SUM}<!-- crossfoot: disable-line SUM001 -->",
        "<!-- crossfoot: disable-next-line ratio-mismatch -->",
        "",
        BAD_RATE,
        "<!-- crossfoot: disable RAT -->",
        BAD_RATE,
        "<!-- crossfoot: enable RAT -->",
        BAD_RATE,  # reported
        "<!-- crossfoot: disable-next-line DOC001 -->",  # nothing to suppress: SUP001
        BAD_SUM,  # reported
    ]), encoding="utf-8")
    lines = check("s.md")[1]
    assert [(line.split(":")[1], code) for line, code in zip(lines, codes(lines))] == [
        ("8", "RAT001"), ("9", "SUP001"), ("10", "SUM001")]
    assert "suppression `disable-next-line DOC001` matches no finding" in lines[1]
    assert codes(check("--ignore", "SUP001", "s.md")[1]) == ["RAT001", "SUM001"]
    assert codes(check("--select", "SUM", "s.md")[1]) == ["SUM001"]  # DOC001 did not run: not unused


def test_disable_file(folder):
    (folder / "f.txt").write_text(f"<!-- crossfoot: disable-file -->\n{BAD_SUM}\n{BAD_RATE}\n", encoding="utf-8")
    assert check("f.txt") == (0, ["All checks passed (1 file)."])


def test_baseline_hides_old_findings_not_new_ones(folder):
    assert check("--write-baseline", "base.json", "r.txt")[0] == 0
    entries = json.loads((folder / "base.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["path"], e["code"]) for e in entries] == [("r.txt", "RAT001"), ("r.txt", "SUM001")]
    # tomorrow: text moved down by new paragraphs, and a new error added
    (folder / "r.txt").write_text(f"新增一段说明。\n\n{BAD_RATE}\n另一段。\n{BAD_SUM}\n"
                                  "收入合计500.00万元，其中：财政拨款400.00万元，其他收入110.00万元。\n",
                                  encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--baseline", "base.json", "r.txt"])
    assert result.exit_code == 1
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()[:-1]] == ["SUM001"]
    assert result.stdout.splitlines()[0].startswith("r.txt:6:5: SUM001")
    assert "2 finding(s) hidden by the baseline; 0 of its entries matched nothing" in result.stderr


def test_baseline_counts_entries_that_no_longer_match(folder):
    check("--write-baseline", "base.json", "r.txt")
    (folder / "r.txt").write_text(BAD_SUM.replace("820.50", "830.50") + "\n" + BAD_RATE + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--baseline", "base.json", "r.txt"])
    assert result.exit_code == 0 and "1 of its entries matched nothing" in result.stderr


def test_baseline_keys_paths_relative_to_its_own_folder(folder):
    (folder / "ci").mkdir()
    check("--write-baseline", "ci/base.json", "./r.txt")
    entries = json.loads((folder / "ci" / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"../r.txt"}
    assert check("--baseline", "ci/base.json", ".") == (0, ["All checks passed (1 file)."])


def test_baseline_from_configuration_and_broken_baseline(folder):
    check("--write-baseline", "base.json", "r.txt")
    (folder / "crossfoot.toml").write_text('baseline = "base.json"\n', encoding="utf-8")
    assert check("r.txt") == (0, ["All checks passed (1 file)."])
    (folder / "base.json").write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "r.txt"])
    assert result.exit_code == 2 and "not a crossfoot baseline" in result.output


@pytest.mark.parametrize("text, message", [
    ("tool = 5\n", None),  # no [tool.crossfoot]: not a configuration, the defaults hold
    ("[tool]\ncrossfoot = 5\n", "tool.crossfoot is a table"),
])
def test_a_pyproject_of_another_shape_is_said_never_a_traceback(folder, text, message):
    (folder / "pyproject.toml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "r.txt"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if message:
        assert result.exit_code == 2 and "pyproject.toml" in result.output and message in result.output
    else:
        assert result.exit_code in (0, 1)
