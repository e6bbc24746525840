"""Reports of one department a year apart: the later one's figures about the earlier year must agree with
the earlier report's own (DOC007), through the engine, ``check`` and ``batch``."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from crossfoot import engine
from crossfoot.cli import main
from crossfoot.ingest.text import parse

EARLIER = "\n".join([
    "某区科学技术局2023年度部门整体支出绩效自评报告",
    "2023年部门整体支出预算执行率为96.50%。",
    "2023年度科技创新专项资金支出1,234.56万元。",
])


def later(rate: str = "96.50%", money: str = "1,234.56万元", title: str = "某区科学技术局2024年度部门整体支出绩效自评报告"
          ) -> str:
    return "\n".join([title, f"上年部门整体支出预算执行率为{rate}。",
                      f"上年科技创新专项资金支出{money}，本年科技创新专项资金支出1,500.00万元。"])


def across(*texts):
    facts = {}
    for i, text in enumerate(texts):
        facts[f"r{i}.txt"] = {}
        engine.run(parse(text, f"r{i}.txt"), engine.load(), facts=facts[f"r{i}.txt"])
    return [(f.path, f.span.line, f.span.column, f.code, f.stated, f.computed)
            for f in engine.across(facts, engine.load())]


def test_agreeing_reports_give_nothing():
    assert across(EARLIER, later()) == []
    assert across(EARLIER, later(money="12,345,600元")) == []  # 1,234.56万元 in 元, within rounding


@pytest.mark.parametrize("rate, money, expected", [
    ("95.60%", "1,234.56万元", [("r1.txt", 2, 15, "DOC007", "95.60%", "96.50%")]),
    ("96.50%", "1,243.56万元", [("r1.txt", 3, 13, "DOC007", "1,243.56万元", "1,234.56万元")]),
])
def test_a_restated_figure_that_differs_is_a_finding_on_the_later_report(rate, money, expected):
    assert across(EARLIER, later(rate, money)) == expected


def test_only_reports_of_one_series_a_year_apart_are_compared():
    other = later("90.00%", title="某区教育局2024年度部门整体支出绩效自评报告")
    assert across(EARLIER, other) == []
    two_years = later("90.00%", title="某区科学技术局2025年度部门整体支出绩效自评报告")
    assert across(EARLIER, two_years) == []
    budget = "\n".join(["某区科学技术局2024年部门预算", "上年部门整体支出预算执行率为90.00%。"])
    assert across(EARLIER.replace("自评报告", "预算"), budget) == []


def test_check_and_batch_name_both_files(tmp_path):
    (tmp_path / "a.txt").write_text(EARLIER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(later("95.60%"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}/b.txt:2:15: DOC007 warning 部门整体支出预算执行率 for 2023 is 95.60% here but 96.50% "
        f"in {tmp_path}/a.txt (line 2)")
    assert CliRunner().invoke(main, ["check", "--isolated", "--ignore", "DOC007", str(tmp_path)]).exit_code == 0
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", "--isolated", "--no-cache", "--jobs", "1", str(tmp_path / "a.txt"),
                                       str(tmp_path / "b.txt"), "-d", str(out)])
    assert result.exit_code == 1 and "DOC007" in (out / "findings.csv").read_text(encoding="utf-8-sig")
