"""Each kind: what its case file (``tests/cases/<CODE>.yaml``) cannot say, and property tests (consistent passes,
one corruption fails)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from helpers import brief
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crossfoot import engine
from crossfoot.ingest.text import parse
from crossfoot.interval import Interval, stated
from crossfoot.model import Severity


def test_every_kinds_options_are_read_only_once_built():
    for check in engine.load():
        fields = dataclasses.fields(check.options)
        if not fields:
            continue
        name = fields[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(check.options, name, getattr(check.options, name))
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(check.options, name)


def test_interval_rounding_model():
    assert stated(Decimal("12.35"), 2) == Interval(Decimal("12.345"), Decimal("12.355"))
    parts = sum((stated(Decimal(v), 2) for v in ("1.01", "2.02", "3.03", "4.04")), Interval.point(Decimal(0)))
    assert parts.meets(stated(Decimal("10.12"), 2))  # 10.10 + up to 0.02 of rounding
    assert not parts.meets(stated(Decimal("10.13"), 2))
    cut = stated(Decimal("99.74"), 2, "truncate")  # [99.74, 99.75): 99.75 itself is not cut to 99.74
    assert cut.lo == Decimal("99.74") and Decimal("99.7499") in cut and Decimal("99.75") not in cut


def test_sum_list_of_one_part_before_each_semicolon(lint_text):
    # the semicolons split the list itself; only the first finding is asserted, which a case cannot say
    # (a list split by commas ending at a semicolon is in cases/SUM001.yaml)
    assert brief(lint_text("支出合计30.00万元，其中：甲10.00万元，占33.33%；乙25.00万元，占83.33%。"))[:1] == [
        ("SUM001", 1, 5, "error")]


# ---- property tests: generated consistent sentences pass; one corruption yields exactly one finding ----

money = st.integers(min_value=1_000, max_value=99_999_999).map(lambda n: Decimal(n) / 100)


def show(value: Decimal) -> str:
    return f"{value:,.2f}"


@settings(max_examples=60, deadline=None)
@given(st.lists(money, min_size=2, max_size=5), st.data())
def test_sum_property(lint_text, parts, data):
    total = sum(parts)
    names = ["人员经费", "公用经费", "项目经费", "其他支出", "对个人和家庭补助"]
    listing = "，".join(f"{names[i]}{show(p)}万元" for i, p in enumerate(parts))
    assert lint_text(f"本年支出合计{show(total)}万元，其中：{listing}。") == []
    # corrupting the total by more than the rounding of all the parts is always an error or a warning
    delta = data.draw(st.integers(min_value=len(parts) + 1, max_value=10_000)) * Decimal("0.01")
    found = lint_text(f"本年支出合计{show(total + delta)}万元，其中：{listing}。")
    assert [(f.code, f.severity >= Severity.WARNING) for f in found] in ([], [("SUM001", True)])
    # parts that exceed the total are an error whatever the wording, unless they exceed it so far
    # (over half as much again) that the listing was misread rather than misadded
    if total < (total - delta) * Decimal("1.5"):
        found = lint_text(f"本年支出合计{show(total - delta)}万元，其中：{listing}。")
        assert [(f.code, f.severity) for f in found] == [("SUM001", Severity.ERROR)]


@settings(max_examples=60, deadline=None)
@given(st.lists(money, min_size=2, max_size=5), st.data())
def test_sum_one_digit_typo_in_the_total_property(lint_text, parts, data):
    # a listing after 其中 may be partial, so a total above its parts is reported only when one changed digit
    # explains the gap: then it is a warning, and the suggestion restores the digit
    total = show(sum(parts))
    listing = "，".join(f"第{i}项经费{show(p)}万元" for i, p in enumerate(parts))
    # any digit but the last, which the parts' rounding may explain
    digits = [i for i, c in enumerate(total[:-1]) if c.isdigit() and c != "9"]
    assume(digits)
    at = data.draw(st.sampled_from(digits))
    typo = total[:at] + str(data.draw(st.integers(min_value=int(total[at]) + 1, max_value=9))) + total[at + 1:]
    found = lint_text(f"本年支出合计{typo}万元，其中：{listing}。")
    assert [(f.code, f.severity, f.suggestion) for f in found] == [
        ("SUM001", Severity.WARNING, f"{typo} → {total}")]


@settings(max_examples=60, deadline=None)
@given(money, money, st.integers(min_value=-4, max_value=4))
def test_share_property(lint_text, part, rest, nudge):
    whole = part + rest
    share = (part / whole * 100).quantize(Decimal("0.01"))
    text = f"本年收入合计{show(whole)}万元，其中：财政拨款收入{show(part)}万元，占总收入{share}%。"
    assert lint_text(text) == []
    corrupted = share + nudge * Decimal("0.01") * 10 if nudge else share
    found = lint_text(text.replace(f"{share}%", f"{corrupted}%"))
    if nudge == 0:
        assert found == []
    else:
        assert [f.code for f in found] == ["SHR001"]
        assert found[0].stated == f"{corrupted}%"


LISTING = "从资金用途看，甲经费安排资金{}万元，占比{}%，乙经费安排资金{}万元，占比{}%，丙经费安排资金{}万元，占比{}%。"


@settings(max_examples=60, deadline=None)
@given(st.lists(money, min_size=3, max_size=3), st.integers(min_value=0, max_value=2), st.integers(1, 9))
def test_listed_shares_property(lint_text, parts, wrong, typo):
    total = sum(parts)
    shares = [(p / total * 100).quantize(Decimal("0.01")) for p in parts]
    cells = [x for p, s in zip(parts, shares) for x in (show(p), str(s))]
    assert lint_text(LISTING.format(*cells)) == []
    # one share off by a whole unit or more (a digit typo no rounding explains): exactly that share
    cells[2 * wrong + 1] = str(shares[wrong] + typo if shares[wrong] + typo < 100 else shares[wrong] - typo)
    found = lint_text(LISTING.format(*cells))
    assert [(f.code, f.stated) for f in found] == [("SHR001", cells[2 * wrong + 1] + "%")]


def test_a_rate_on_a_zero_base_is_reported_not_judged():
    # its finding is in cases/GRW002.yaml; here, that it is judged, and recorded as a relation that does
    # not hold (for the recall harness and the HTML report)
    text = "2024年度收入支出总计307.82万元，与2023年度相比增加307.82万元，增长100.00%。"
    relations: list = []
    engine.run(parse(text, "t.txt"), engine.select(engine.load(), ["GRW002"]), relations)
    assert [(r.code, r.stated.text, [f.text for f in r.related], r.holds) for r in relations] == [
        ("GRW002", "100.00%", ["307.82万元", "307.82万元"], False)]


@given(st.decimals(min_value=1, max_value=9999, places=2), st.decimals(min_value=0, max_value=9999, places=2))
def test_comparison_property(lint_text, budget, actual):
    verdict = "持平" if actual == budget else ("小于" if actual < budget else "大于")
    wrong = {"持平": "小于", "小于": "大于", "大于": "持平"}[verdict]
    text = f"年初预算为{budget}万元，支出决算为{actual}万元。决算数同预算数{verdict}。"
    assert lint_text(text, ["CMP"]) == []
    assert brief(lint_text(text.replace(f"预算数{verdict}", f"预算数{wrong}"), ["CMP"])) == [
        ("CMP001", 1, text.rindex(f"{actual}万元") + 1, "info" if verdict == "持平" else "error")]
    # (小于 for two amounts stated alike may hold below their cents: an info)


