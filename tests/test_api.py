"""The Python API: ``crossfoot.check`` on a text or a path, typed findings, a DataFrame."""

from __future__ import annotations

import pytest

import crossfoot

WRONG = "2023年支出合计 10.00 万元，其中：人员经费 5.00 万元，公用经费 6.00 万元。\n"


def test_check_reads_a_report_given_as_text():
    found = crossfoot.check(WRONG)
    assert [(f.code, f.span.line, f.span.column, f.stated) for f in found] == [("SUM001", 1, 11, "10.00 万元")]
    assert isinstance(found[0], crossfoot.Finding)
    d = found[0].to_dict()
    assert d["path"] == "<text>" and d["severity"] == "error" and d["figures"] == ["10.00 万元", "5.00 万元", "6.00 万元"]
    assert crossfoot.Finding.from_dict(d) == found[0]


def test_check_takes_the_settings_the_command_line_takes(tmp_path):
    assert crossfoot.check(WRONG, ignore=["SUM"]) == []
    assert [f.severity.name for f in crossfoot.check(WRONG, severity={"SUM001": "info"})] == ["INFO"]
    assert crossfoot.check(WRONG, min_severity="error", severity={"SUM001": "warning"}) == []
    with pytest.raises(TypeError, match="unknown setting"):
        crossfoot.check(WRONG, selekt=["SUM"])
    with pytest.raises(crossfoot.SettingsError, match="rounding"):
        crossfoot.check(WRONG, rounding="sometimes")


def test_check_reads_files_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "b.md").write_text("合计 3 人，其中男 1 人，女 2 人。\n", encoding="utf-8")
    found = crossfoot.check(tmp_path)
    assert [(f.path.rsplit("/", 1)[-1], f.code) for f in found] == [("a.txt", "SUM001")]
    assert [f.code for f in crossfoot.check(str(tmp_path / "a.txt"))] == ["SUM001"]
    with pytest.raises(crossfoot.ReadError, match="no such file"):
        crossfoot.check(str(tmp_path / "missing.pdf"))


def test_a_configuration_file_is_read_only_when_asked_for(tmp_path):
    (tmp_path / "a.txt").write_text(WRONG, encoding="utf-8")
    (tmp_path / "crossfoot.toml").write_text('ignore = ["SUM001"]\n', encoding="utf-8")
    assert [f.code for f in crossfoot.check(tmp_path / "a.txt")] == ["SUM001"]
    assert crossfoot.check(tmp_path / "a.txt", config=True) == []
    assert crossfoot.check(tmp_path / "a.txt", config=tmp_path / "crossfoot.toml") == []


def test_findings_as_a_dataframe():
    frame = crossfoot.check(WRONG).frame()
    assert list(frame.columns[:7]) == ["path", "place", "line", "column", "code", "name", "severity"]
    assert frame.loc[0, "code"] == "SUM001" and frame.loc[0, "line"] == 1
    assert crossfoot.check(WRONG, ignore=["ALL"]).frame().empty


def test_a_check_failing_on_a_document_is_reported_and_the_others_stand(tmp_path, monkeypatch):
    """A check that fails on a document (a defect) is an INT001 finding naming it; the other checks' findings
    are reported all the same, rather than the file going unchecked."""
    from crossfoot.kinds import registry

    path = tmp_path / "r.txt"
    path.write_text("本年支出100万元，其中基本支出60万元、项目支出50万元。\n", encoding="utf-8")

    def broken(analysis, check):
        yield from ()
        raise TypeError("'Figure' object is not subscriptable")

    monkeypatch.delenv("CROSSFOOT_RAISE")
    monkeypatch.setattr(registry()["difference"], "run", broken)
    found = crossfoot.check(path)
    failed = [f for f in found if f.code == "INT001"]
    assert [f.code for f in found if f.code != "INT001"] == ["SUM001"]
    assert len(failed) == 1 and "DIF001 could not check this document (TypeError" in failed[0].message
    assert str(failed[0].severity) == "warning" and (failed[0].span.line, failed[0].span.column) == (1, 1)


def test_a_check_failing_with_an_assertion_error_is_reported_too(tmp_path, monkeypatch):
    """Any error of a check is its own (a library's AssertionError among them), never the file's (code
    review 61)."""
    from crossfoot.kinds import registry

    path = tmp_path / "r.txt"
    path.write_text("本年支出100万元，其中基本支出60万元、项目支出50万元。\n", encoding="utf-8")

    def broken(analysis, check):
        yield from ()
        raise AssertionError

    monkeypatch.delenv("CROSSFOOT_RAISE")
    monkeypatch.setattr(registry()["restatement"], "run", broken)
    found = crossfoot.check(path)
    assert [f.code for f in found] == ["INT001", "SUM001"]
    assert found[0].message.startswith("DOC003 could not check this document (AssertionError")


def test_units_pint_would_misparse_convert_by_their_definitions_name():
    """㎡ is 平方米 (pint's parser, given the symbol, failed with an AssertionError) (code review 61)."""
    from crossfoot.figures import units

    assert units.factor("平方米", "㎡") == 1 and units.factor("㎡", "平方米") == 1
    assert units.factor("㎡", "") is None and units.factor("公里", "米") == 1000


@pytest.mark.parametrize("text", [
    "全县一般公共预算收入完成20亿元，其中：税收收入14亿元，非税收入6亿元；加上级补助收入3/4亿元，债务转贷收入4亿元，收入合计56亿元。\n",
    "2024年全乡一般公共预算支出0.00元。其中民生支出1435.27万元，占全乡一般公共预算支出的94.16%。\n",
    "有效问卷600份，有效问卷中表示“满意”的565份，满意度为94户群众开展满意度调查，其中满意3户，满意度为94.67%。\n",
])
def test_inputs_that_made_a_check_fail_are_read(text):
    """An amount read without its unit inside a chain (3/4亿元), a share of a whole of 0.00元, satisfied
    counts of two units: no check fails on them (they were INT001 findings; code review 61)."""
    assert not [f for f in crossfoot.check(text) if f.code == "INT001"]


@pytest.mark.parametrize("text", [
    "指标\t得分率\n合计\t90%\n自评等级：优\n",
    "结余999999999999999999999999999999999999元，占经费0.0000000000001元的134%。\n",
])
def test_extreme_or_odd_inputs_no_check_fails_on(text):
    """A score table of rates only beside a grade (SCO004's StopIteration), a share of 36 digits over a
    near-nothing (SHR001's quotient beyond any figure: the whole file was dropped): no check fails (wave
    w61o)."""
    assert not [f for f in crossfoot.check(text) if f.code == "INT001"]
