"""The narrative's amounts for classification rows (X（类）, X（类）Y（款）Z（项）) against the rows of the
general-budget table: exact findings on our own 决算 and 预算 fragments, names that resolve through the codes,
a part of the report about other funds left alone, and a property test over generated table sets."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from crossfoot import engine
from crossfoot.ingest.text import parse

ROWS = [  # code, name: a 类 with two 款, each with 项
    ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"), ("2080501", "行政单位离退休"),
    ("2080505", "机关事业单位基本养老保险缴费支出"), ("221", "住房保障支出"), ("22102", "住房改革支出"),
    ("2210201", "住房公积金"), ("2210203", "购房补贴"),
]
ITEMS = ["2080501", "2080505", "2210201", "2210203"]


def names(code: str) -> str:
    """The chain the narrative writes for a 项: 类（类）款（款）项（项）."""
    lookup = dict(ROWS)
    return "".join(f"{lookup[code[:n]]}（{level}）" for n, level in ((3, "类"), (5, "款"), (7, "项")))


def report(amounts: dict[str, Decimal], said: dict[str, str] | None = None, unit: str = "万元") -> str:
    """A table of ``amounts`` per 项 (类 and 款 summed) and the narrative restating them."""
    said = said or {}
    scale = Decimal(10000) if unit == "元" else Decimal(1)
    total = {code: sum(v for k, v in amounts.items() if k.startswith(code)) for code, _ in ROWS}
    lines = ["一般公共预算财政拨款支出决算表", f"单位：{unit}", "科目编码\t科目名称\t合计\t基本支出\t项目支出"]
    lines += [f"{code}\t{name}\t{total[code] * scale:.2f}\t{total[code] * scale:.2f}\t0.00" for code, name in ROWS]
    grand = sum(amounts.values())
    lines += [f"合计\t\t{grand * scale:.2f}\t{grand * scale:.2f}\t0.00", "",
              "三、支出决算情况说明",
              "本年支出合计999.00万元，其中：社会保障和就业支出（类）1.00万元。",  # all funds: another table
              "五、一般公共预算财政拨款支出决算情况说明",
              "（二）一般公共预算财政拨款支出决算结构情况",
              f"一般公共预算财政拨款支出{grand:.2f}万元，主要用于以下方面："
              + "；".join(f"{name}（类）{said.get(code, f'{total[code]:.2f}')}万元"
                         for code, name in ROWS if len(code) == 3) + "。",
              "（三）一般公共预算财政拨款支出决算具体情况"]
    for n, code in enumerate(ITEMS, 1):
        lines.append(f"{n}、{names(code)}。主要用于：人员支出。年初预算为{amounts[code] + 1:.2f}万元，"
                     f"支出决算为{said.get(code, f'{amounts[code]:.2f}')}万元。")
    return "\n".join(lines)


AMOUNTS = {"2080501": Decimal("54.53"), "2080505": Decimal("446.11"), "2210201": Decimal("289.59"),
           "2210203": Decimal("171.49")}


def found(text: str, checks, select=("BUD015", "BUD017")):
    return [(f.code, f.span.line, f.span.column, f.stated, f.computed)
            for f in engine.run(parse(text, "t.txt"), engine.select(checks, list(select)))]


def test_a_consistent_narrative_gives_nothing(checks):
    assert found(report(AMOUNTS), checks) == []


def test_a_class_and_an_item_stated_wrong_are_found_on_the_narrative(checks):
    text = report(AMOUNTS, {"208": "500.46", "2210203": "171.94"})
    lines = text.splitlines()
    structure = next(i for i, t in enumerate(lines, 1) if "主要用于以下方面" in t)
    item = next(i for i, t in enumerate(lines, 1) if t.startswith("4、"))
    assert found(text, checks) == [
        ("BUD015", structure, lines[structure - 1].index("500.46") + 1, "500.46万元", "500.64万元"),
        ("BUD015", item, lines[item - 1].index("171.94") + 1, "171.94万元", "171.49万元")]


def test_one_cent_off_at_the_same_decimals_is_a_finding_but_rounding_from_yuan_is_not(checks):
    assert [f[3:] for f in found(report(AMOUNTS, {"221": "461.07"}), checks)] == [
        ("461.07万元", "461.08万元")]
    yuan = report({**AMOUNTS, "2080501": Decimal("54.5349")}, {"2080501": "54.53", "208": "500.64"}, unit="元")
    assert found(yuan, checks) == []  # 545,349.00元 is 54.53万元 to two decimals


def test_a_name_the_table_lacks_is_reported_on_the_name(checks):
    text = report(AMOUNTS).replace("住房保障支出（类）住房改革支出（款）购房补贴", "住房保障支出（类）住房保障支出（款）购房补贴")
    lines = text.splitlines()
    item = next(i for i, t in enumerate(lines, 1) if t.startswith("4、"))
    column = lines[item - 1].index("住房保障支出（款）") + 1
    assert found(text, checks) == [("BUD017", item, column, "住房保障支出（款）", "住房改革支出")]


def test_the_part_about_all_funds_is_left_alone(checks):
    text = report(AMOUNTS).replace("社会保障和就业支出（类）1.00万元", "社会保障和就业支出（类）7.00万元")
    assert found(text, checks) == []


BUDGET = "\n".join([
    "2026年部门一般公共预算支出功能分类预算表",
    "单位：元",
    "类\t款\t项\t科目名称\t合计\t基本支出\t项目支出",
    "201\t\t\t一般公共服务支出\t13,934,913.00\t9,389,913.00\t4,545,000.00",
    "201\t13\t\t商贸事务\t13,934,913.00\t9,389,913.00\t4,545,000.00",
    "201\t13\t01\t行政运行\t9,389,913.00\t9,389,913.00\t",
    "201\t13\t02\t一般行政管理事务\t4,545,000.00\t\t4,545,000.00",
    "合计\t\t\t\t13,934,913.00\t9,389,913.00\t4,545,000.00",
    "2026年部门预算编制说明",
    "财政拨款支出主要内容如下：",
    "1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行。",
    "2. “一般公共服务支出（类）商贸事务（款）一般行政管理事务（项）”454.50万元，主要用于商贸事务支出。",
])


def test_budget_items_against_codes_in_three_columns(checks):
    assert found(BUDGET, checks, ["BUD016"]) == []
    wrong = BUDGET.replace("”454.50万元", "”445.50万元")
    column = wrong.splitlines()[11].index("445.50") + 1
    assert found(wrong, checks, ["BUD016"]) == [("BUD016", 12, column, "445.50万元", "4,545,000.00元")]


@given(st.fixed_dictionaries({code: st.decimals(min_value=0, max_value=9999, places=2) for code in ITEMS}),
       st.sampled_from(ITEMS), st.sampled_from([Decimal("0.01"), Decimal("-0.10"), Decimal("9.00")]))
def test_one_corrupted_item_is_found_alone(checks, amounts, code, delta):
    assert found(report(amounts), checks) == []
    wrong = amounts[code] + delta if amounts[code] + delta >= 0 else amounts[code] - delta
    hits = found(report(amounts, {code: f"{wrong:.2f}"}), checks)
    assert [(h[0], h[3]) for h in hits] == [("BUD015", f"{wrong:.2f}万元")]
