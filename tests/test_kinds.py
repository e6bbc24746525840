"""Each kind: exact findings on small documents, and property tests (consistent passes, one corruption fails)."""

from __future__ import annotations

from decimal import Decimal

from helpers import brief
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from crossfoot import engine
from crossfoot.ingest.text import parse
from crossfoot.interval import Interval, stated
from crossfoot.model import Severity


def test_interval_rounding_model():
    assert stated(Decimal("12.35"), 2) == Interval(Decimal("12.345"), Decimal("12.355"))
    parts = sum((stated(Decimal(v), 2) for v in ("1.01", "2.02", "3.03", "4.04")), Interval.point(Decimal(0)))
    assert parts.meets(stated(Decimal("10.12"), 2))  # 10.10 + up to 0.02 of rounding
    assert not parts.meets(stated(Decimal("10.13"), 2))
    assert stated(Decimal("99.74"), 2, "truncate") == Interval(Decimal("99.74"), Decimal("99.75"))


def test_sum_exact_location_and_values(lint_text):
    found = lint_text("标题\n本年支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。", ["SUM"])
    assert brief(found) == [("SUM001", 2, 7, "error")]
    assert found[0].computed == "[830.4900, 830.5100]" and found[0].suggestion == "820.50 → 830.50"
    assert [(s.line, s.column) for s in found[0].related] == [(2, 23), (2, 36)]


def test_sum_partial_listing_is_not_an_error(lint_text):
    assert lint_text("支出合计820.50万元，其中：人员经费600.20万元，公用经费115.30万元。") == []


def test_sum_parts_in_other_units(lint_text):
    assert lint_text("收入合计1.5亿元，其中：财政拨款10,000.00万元，其他收入5,000.00万元。") == []
    assert brief(lint_text("收入合计1.50亿元，其中：财政拨款11,000.00万元，其他收入5,000.00万元。")) == [
        ("SUM001", 1, 5, "error")]


def test_sum_one_digit_typo_in_a_part_is_located_on_the_part(lint_text):
    found = lint_text("支出合计1,020.57万元，其中：人员经费800.27万元，公用经费120.30万元。")
    assert brief(found) == [("SUM001", 1, 23, "warning")]
    assert found[0].suggestion == "800.27 → 900.27"


def test_sum_one_digit_typo_in_a_total_is_judged_against_the_parts_interval(lint_text):
    # the parts give [250.75, 251.77] (0万元 is ±0.5); their middle 251.26 differs from 351.25 in two digits,
    # but 251.25 lies inside them: one digit of the total explains the gap, so a short listing is no excuse
    text = "采购金额为351.25万元，其中：货物4.79万元、工程0万元、服务246.47万元。"
    found = lint_text(text, ["SUM"])
    assert brief(found) == [("SUM001", 1, 6, "warning")]
    assert found[0].suggestion == "351.25 → 251.25" and found[0].computed == "[250.7500, 251.7700]"
    assert lint_text(text.replace("351.25", "361.25"), ["SUM"]) == []  # two digits: a partial listing


def test_sum_list_split_by_commas_ends_at_a_semicolon(lint_text):
    text = "用车费用8.70万元，其中：购置费0.00万元，运行费8.70万元；接待费0.80万元，其中外宾0.30万元。"
    assert lint_text(text) == []
    found = lint_text(text.replace("运行费8.70", "运行费9.70"))
    assert brief(found) == [("SUM001", 1, 5, "error")]
    assert [(s.line, s.column) for s in found[0].related] == [(1, 18), (1, 28)]  # not 接待费
    # one part before each semicolon: the semicolons split the list itself
    assert brief(lint_text("支出合计30.00万元，其中：甲10.00万元，占33.33%；乙25.00万元，占83.33%。"))[:1] == [
        ("SUM001", 1, 5, "error")]


def test_sum_budget_and_actual_series(lint_text):
    text = ("资金预算 300.00万元，实际支出 290.00万元。其中甲计划预算 100.00万元，支出 95.00万元；"
            "乙计划预算 200.00万元，支出 195.00万元。")
    assert lint_text(text) == []


def test_share_against_the_listed_total(lint_text):
    text = "本年收入合计600.00万元，其中：财政拨款收入450.00万元，占总收入76.00%；其他收入150.00万元，占总收入25.00%。"
    found = lint_text(text)
    assert brief(found) == [("SHR001", 1, 38, "error")]
    assert found[0].suggestion == "76.00 → 75.00"


def test_share_of_an_outside_whole_is_not_checked(lint_text):
    assert lint_text("我市国家重点实验室增至 21 家，占全省 70%。全省共 20家。") == []


def test_share_of_a_report_total_stated_in_a_paragraph_before(lint_text):
    totals = "本年支出合计 9759.38 万元，其中：基本支出 5377.64 万元，项目支出 4381.74 万元。\n"
    said = "一般公共预算财政拨款支出 9746.50 万元，占本年支出合计的 {}%。"
    assert lint_text(totals + said.format("99.87")) == []
    found = lint_text(totals + said.format("98.87"))
    assert brief(found) == [("SHR001", 2, 34, "error")]
    assert found[0].computed.startswith("[99.86") and len(found[0].related) == 2
    # a whole that is not a total of the report is looked for in its own paragraph only
    assert lint_text(totals + "其中某项目支出 100.00 万元，占项目支出的 50.00%。") == []


def test_truncation_is_info(lint_text):
    found = lint_text("支出合计307.82万元，其中：住房保障支出29.42万元，占 9.55%。")
    assert brief(found) == [("SHR001", 1, 33, "info")]
    assert "truncated" in found[0].message


def test_ratio_with_base_stated_earlier(lint_text):
    text = "年初预算支出为180,242.93万元。\n本年决算支出合计 615,883.73 万元，为年初预算的 241.70%。"
    found = lint_text(text)
    assert brief(found) == [("RAT001", 2, 31, "error")]
    assert found[0].suggestion == "241.70 → 341.70"


def test_ratio_execution_rate(lint_text):
    assert lint_text("项目预算 360.00 万元，实际支出 340.20 万元，执行率 94.50%。") == []
    assert brief(lint_text("项目预算 360.00 万元，实际支出 340.20 万元，执行率 95.50%。")) == [("RAT001", 1, 35, "error")]
    # 支出进度 is spending against the quota, like 执行率
    assert lint_text("年度市本级指标 56.83亿元，实际支出数 51.15亿元，支出进度为 90.01%。") == []
    assert brief(lint_text("年度市本级指标 56.83亿元，实际支出数 51.15亿元，支出进度为 99.66%。")) == [
        ("RAT001", 1, 37, "error")]


def test_growth_with_derived_prior(lint_text):
    assert lint_text("支出合计160.66万元，较上年增加106.83万元，增幅198.46%。") == []
    assert brief(lint_text("支出合计160.66万元，较上年增加106.83万元，增幅189.46%。")) == [("GRW001", 1, 30, "error")]


def test_growth_with_stated_prior_and_difference(lint_text):
    ok = "年末结转结余 63,999.08 万元，比上年同口径的 65,197.13 万元减少 1,198.05 万元，减幅 1.84%。"
    assert lint_text(ok) == []
    bad = ok.replace("1,198.05", "1,189.05")
    assert [f.code for f in lint_text(bad)] == ["DIF001", "GRW001"]


def test_difference_saving(lint_text):
    assert brief(lint_text("支出合计160.66万元，比年初预算的223.36万元节约63.70万元。")) == [("DIF001", 1, 30, "error")]


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


def test_shares_of_a_listing_whose_whole_is_stated_nowhere(lint_text):
    ok = ("7455", "55.08", "1669.70", "12.34", "4410", "32.58")
    assert lint_text(LISTING.format(*ok)) == []
    # an amount mistyped: the shares still make 100%, and those it moves are wrong
    found = lint_text(LISTING.format("7445", *ok[1:]))
    assert brief(found) == [("SHR001", 1, 24, "error"), ("SHR001", 1, 73, "error")]
    assert found[0].computed == "[55.0396, 55.0553]" and len(found[0].related) == 3
    # a share mistyped: the others still agree with their part over the parts' sum
    found = lint_text(LISTING.format(*ok[:3], "22.34", *ok[4:]))
    assert brief(found) == [("SHR001", 1, 50, "error")] and found[0].suggestion == "22.34 → 12.34"
    # two parts of a larger whole: shares of something not stated, not judged
    assert lint_text("甲经费安排资金700万元，占比35.00%，乙经费安排资金300万元，占比15.00%。") == []


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


def test_growth_of_a_quantity_stated_in_the_sentence_before(lint_text):
    ok = "本局收入支出总计2995.39万元。与上年度相比，收入支出总计减少56.95万元，下降1.87%。"
    assert lint_text(ok) == []
    found = lint_text(ok.replace("1.87%", "1.97%"))
    assert brief(found) == [("GRW001", 1, 44, "error")]
    assert found[0].computed == "[1.8656, 1.8660]"
    assert [(s.line, s.column) for s in found[0].related] == [(1, 34), (1, 9)]


def test_growth_of_a_quoted_item_named_in_an_earlier_paragraph(lint_text):
    text = ("“三公”经费支出合计160.66万元，其中：因公出国（境）费支出86.03万元，公务接待费支出4.46万元。\n"
            "“因公出国（境）费”本年度比上年度增加83.75万元，增幅3673.25%。“公务接待费”比上年度增加2.27万元，增幅103.65%。")
    assert lint_text(text, ["GRW"]) == []
    found = lint_text(text.replace("103.65%", "113.65%"), ["GRW"])
    assert brief(found) == [("GRW001", 2, 61, "error")]


def test_growth_change_only_with_no_named_amount_is_not_checked(lint_text):
    assert lint_text("经费有所调整。与上年度相比，收入支出总计减少56.95万元，下降9.99%。") == []


def test_ratio_of_counts_and_of_a_quota(lint_text):
    assert lint_text("已实现目标数21个，申报目标数21个，绩效目标完成率100%。") == []
    assert brief(lint_text("已实现目标数20个，申报目标数21个，绩效目标完成率100%。")) == [("RAT001", 1, 27, "error")]
    assert lint_text("本年指标565,155万元，实际支出数564,035万元，支出执行率99.8%。") == []
    assert brief(lint_text("本年指标565,155万元，实际支出数554,035万元，支出执行率99.8%。")) == [("RAT001", 1, 35, "error")]


def test_growth_stated_straight_after_the_comparison(lint_text):
    base = "2025年当年预算执行数为77.99万元，2026年预算安排91.97万元，比2025年预算执行数增加{rate}。"
    assert lint_text(base.format(rate="17.93%"), ["GRW"]) == []
    found = lint_text(base.format(rate="17.66%"), ["GRW"])
    assert brief(found) == [("GRW001", 1, 52, "error")]
    assert found[0].computed == "[17.9114, 17.9394]"
    assert [s.column for s in found[0].related] == [14, 31]  # the prior, then the current
    down = "2025年当年预算执行数为59.11万元，2026年预算安排57.8万元，比2025年预算执行数减少{rate}。"
    assert lint_text(down.format(rate="2.21%"), ["GRW"]) == []
    assert brief(lint_text(down.format(rate="3.21%"), ["GRW"])) == [("GRW001", 1, 51, "error")]
    unnamed = "年初预算77.99万元，全年预算91.97万元，比上年增加17.66%。"  # neither amount is the one compared with
    assert lint_text(unnamed, ["GRW"]) == []


def test_a_rate_on_a_zero_base_is_reported_not_judged(lint_text):
    text = "2024年度收入支出总计307.82万元，与2023年度相比增加307.82万元，增长100.00%。"
    found = lint_text(text, ["GRW"])
    assert [(f.code, str(f.severity), f.message) for f in found] == [
        ("GRW002", "warning", "growth rate 100.00% is stated on a prior of 0 (307.82万元 − 307.82万元), where there "
                              "is no rate")]
    assert lint_text(text.replace("307.82万元，增长", "300.00万元，增长"), ["GRW002"]) == []
    # judged, and recorded as a relation that does not hold (for the recall harness and the HTML report)
    relations: list = []
    engine.run(parse(text, "t.txt"), engine.select(engine.load(), ["GRW002"]), relations)
    assert [(r.code, r.stated.text, [f.text for f in r.related], r.holds) for r in relations] == [
        ("GRW002", "100.00%", ["307.82万元", "307.82万元"], False)]


def test_comparison_claims_against_their_amounts(lint_text):
    items = ("1、年初预算为54.53万元，支出决算为54.53万元，完成年初预算的100.00%。决算数同预算数持平。\n"
             "2、年初预算为452.40万元，支出决算为446.11万元，完成年初预算的98.61%。决算数小于预算数的主要原因：基数变更。\n"
             "3、年初预算为10.00万元，支出决算为9.98万元。决算数与预算数基本持平。")
    assert lint_text(items, ["CMP"]) == []
    found = lint_text(items.replace("决算数同预算数持平", "决算数小于预算数的主要原因：无"), ["CMP"])
    assert brief(found) == [("CMP001", 1, 21, "error")]
    assert found[0].message == "'决算数小于预算数', but 54.53万元 (决算) equals 54.53万元 (预算)"
    assert [(s.line, s.column) for s in found[0].related] == [(1, 8)]
    found = lint_text(items.replace("支出决算为446.11", "支出决算为456.11"), ["CMP"])
    assert brief(found) == [("CMP001", 2, 22, "error")]  # item 2 does not borrow item 1's amounts


def test_comparison_claim_opening_its_paragraph_reads_the_one_before(lint_text):
    text = "年初预算为321.02万元，支出决算为307.82万元。\n决算数大于全年预算数的主要原因：人员增加。"
    assert brief(lint_text(text, ["CMP"])) == [("CMP001", 1, 20, "error")]
    assert lint_text(text.replace("大于", "小于"), ["CMP"]) == []


@given(st.decimals(min_value=1, max_value=9999, places=2), st.decimals(min_value=0, max_value=9999, places=2))
def test_comparison_property(lint_text, budget, actual):
    verdict = "持平" if actual == budget else ("小于" if actual < budget else "大于")
    wrong = {"持平": "小于", "小于": "大于", "大于": "持平"}[verdict]
    text = f"年初预算为{budget}万元，支出决算为{actual}万元。决算数同预算数{verdict}。"
    assert lint_text(text, ["CMP"]) == []
    assert brief(lint_text(text.replace(f"预算数{verdict}", f"预算数{wrong}"), ["CMP"])) == [
        ("CMP001", 1, text.rindex(f"{actual}万元") + 1, "error")]


def test_comparison_equal_means_the_same_number_when_stated_alike(lint_text):
    text = "年初预算为54.53万元，支出决算为54.54万元。决算数同预算数持平。"
    assert [(f.code, f.stated) for f in lint_text(text, ["CMP"])] == [("CMP001", "54.54万元")]
    assert lint_text(text.replace("54.54万元", "54.5万元"), ["CMP"]) == []  # 54.5 may be 54.53 rounded


def test_a_rate_without_its_percent_sign(lint_text):
    found = lint_text("支出增加1193.20万元，增长 13.95。占比6.5%。", ["FMT"])
    assert [(f.code, f.span.line, f.span.column, f.stated) for f in found] == [("FMT002", 1, 18, "13.95")]
    assert lint_text("增加值占全市GDP比重六分之一，要点各占1/3，增长13.95%，增长3倍，占0.5亿元。", ["FMT"]) == []
