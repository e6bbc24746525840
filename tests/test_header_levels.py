"""Headers written over several lines with merged cells (the 三公 table: 合计 | 因公出国（境）费 |
公务用车购置及运行维护费 (小计 | 购置费 | 运行维护费) | 公务接待费, each over 预算数 | 决算数): each column
gets the names of the cells spanning it, and a 合计/小计 column equals the sum of its siblings, judged on
every row however few, blank parts counting as 0."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from render import render

from crossfoot import engine, ingest
from crossfoot.ingest.text import parse
from crossfoot.tables import header as headers
from crossfoot.tables import recover

PARTS = ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")
HEAD = [
    "财政拨款“三公”经费支出决算表",
    "单位：万元",
    "财政拨款“三公”经费" + "\t" * 11,
    "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t",
    "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\t\t",
    "\t".join(["预算数", "决算数"] * 6),
]
DATA_LINE = len(HEAD) + 1  # the line of the amounts


def table_text(amounts: dict[str, tuple[Decimal, Decimal]], cells: dict[int, str] | None = None) -> str:
    """The table with ``amounts`` (预算数, 决算数 per part) and its totals; ``cells`` overrides columns."""
    car = tuple(amounts["公务用车购置费"][i] + amounts["公务用车运行维护费"][i] for i in (0, 1))
    total = tuple(sum(amounts[p][i] for p in PARTS) for i in (0, 1))
    row = [*total, *amounts["因公出国（境）费"], *car, *amounts["公务用车购置费"],
           *amounts["公务用车运行维护费"], *amounts["公务接待费"]]
    texts = [f"{v:.2f}" for v in row]
    for col, text in (cells or {}).items():
        texts[col] = text
    return "\n".join([*HEAD, "\t".join(texts), "注：本表反映部门本年度“三公”经费支出预决算情况。"])


# which columns each total column adds up (0/1 合计, 4/5 小计), by the structure of the header
SUMS = {0: (2, 4, 10), 1: (3, 5, 11), 4: (6, 8), 5: (7, 9)}
AMOUNT = st.decimals(min_value=0, max_value=500, places=2, allow_nan=False, allow_infinity=False)
AMOUNTS = st.fixed_dictionaries({p: st.tuples(AMOUNT, AMOUNT) for p in PARTS})


def findings(text: str, checks):
    return engine.run(parse(text, "t.txt"), engine.select(checks, ["TAB001"]))


def test_merged_header_cells_name_every_column_they_span():
    zero = {p: (Decimal(0), Decimal(0)) for p in PARTS}
    (table,) = recover(parse(table_text(zero), "t.txt"))
    assert table.title == "财政拨款“三公”经费支出决算表" and table.unit == "万元"
    assert [len(line) for line in table.levels] == [12] * 4
    assert table.header[1] == "财政拨款“三公”经费合计决算数"
    assert table.header[5] == "财政拨款“三公”经费公务用车购置及运行维护费小计决算数"
    assert table.header[8] == "财政拨款“三公”经费公务用车购置及运行维护费公务用车运行维护费预算数"
    assert table.header[11] == "财政拨款“三公”经费公务接待费决算数"  # 运行维护费 does not reach it
    assert table.levels[2][10] == ""
    assert {j: tuple(cols) for j, cols in headers.sums(table, ("合计", "小计"))} == SUMS


@given(AMOUNTS)
def test_a_consistent_table_gives_nothing(checks, amounts):
    assert findings(table_text(amounts), checks) == []


@given(AMOUNTS, st.integers(0, 11), st.sampled_from([Decimal("0.03"), Decimal("-0.05"), Decimal("1.00")]))
def test_a_corrupted_cell_is_found_on_each_total_it_enters(checks, amounts, col, delta):
    text = table_text(amounts)
    values = [Decimal(v) for v in text.splitlines()[DATA_LINE - 1].split("\t")]
    if values[col] + delta < 0:
        delta = -delta
    text = table_text(amounts, {col: f"{values[col] + delta:.2f}"})
    hit = sorted(t for t, summed in SUMS.items() if t == col or col in summed)
    found = findings(text, checks)
    assert [(f.code, f.span.line) for f in found] == [("TAB001", DATA_LINE)] * len(hit)
    starts = [sum(len(v) + 1 for v in text.splitlines()[DATA_LINE - 1].split("\t")[:t]) + 1 for t in hit]
    assert [f.span.column for f in found] == starts


@given(AMOUNTS)
def test_a_total_rounded_to_fewer_decimals_is_no_error(checks, amounts):
    total = sum(amounts[p][0] for p in PARTS)
    shown = f"{total.quantize(Decimal('0.1')):.1f}"
    assert findings(table_text(amounts, {0: shown}), checks) == []


def test_blank_parts_count_as_zero_and_a_blank_total_is_not_judged(checks):
    blank = {0: "1.00", 1: "", 2: "", 3: "", 4: "", 5: "", 6: "", 7: "", 8: "", 9: "", 10: "1.00", 11: ""}
    zero = {p: (Decimal(0), Decimal(0)) for p in PARTS}
    assert findings(table_text(zero, blank), checks) == []
    found = findings(table_text(zero, {**blank, 0: "1.20"}), checks)
    assert [(f.stated, f.computed) for f in found] == [("1.20", "[0.9950, 1.0050]")]


def test_the_identity_holds_and_breaks_alike_in_a_pdf(tmp_path, checks):
    amounts = {"因公出国（境）费": (Decimal("0.00"), Decimal("0.00")), "公务用车购置费": (Decimal(0), Decimal(0)),
               "公务用车运行维护费": (Decimal("9.98"), Decimal("8.76")), "公务接待费": (Decimal("0.83"), Decimal("0.39"))}
    source = tmp_path / "src" / "sangong.txt"
    source.parent.mkdir()
    source.write_text(table_text(amounts), encoding="utf-8")
    assert engine.run(ingest.read(render(source, tmp_path / "ok")["pdf"]), checks) == []
    source.write_text(table_text(amounts, {5: "8.67"}), encoding="utf-8")
    found = engine.run(ingest.read(render(source, tmp_path / "bad")["pdf"]), checks)
    assert [(f.code, f.stated) for f in found] == [("TAB001", "9.15"), ("TAB001", "8.67")]


@pytest.mark.parametrize("header", [
    "项目\t本年支出\t\t\t年末结转和结余\n\t小计\t基本支出\t项目支出\t",
    "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数\n合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t\n"
    "\t\t\t小计\t购置费\t运行费\t",
])
def test_columns_outside_the_span_are_not_parts(header):
    (table,) = recover(parse(header + "\n" + "\t".join(["1.00"] * 7), "t.txt"))
    sums = dict(headers.sums(table, ("合计", "小计")))
    names = {table.header[j]: [table.header[k] for k in sums.get(j, ())] for j in range(len(table.header))}
    if "本年支出小计" in names:
        assert names["本年支出小计"] == ["本年支出基本支出", "本年支出项目支出"]
    else:
        assert names["“三公”经费预算数合计"] == ["“三公”经费预算数因公出国(境)费", "“三公”经费预算数公务接待费",
                                             "“三公”经费预算数公务用车购置及运行费小计"]
        assert names["机关运行经费预算数"] == []
