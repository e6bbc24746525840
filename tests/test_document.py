"""Document-level consistency: property tests (exact findings and hard negatives are the DOC checks' case files,
``tests/cases/DOC*.yaml``)."""

from __future__ import annotations

from helpers import brief
from hypothesis import given, settings
from hypothesis import strategies as st

CN = "零一二三四五六七八九十"


@settings(max_examples=40, deadline=None)
@given(names=st.lists(st.text("甲乙丙丁戊己庚辛壬癸天地玄黄宇宙", min_size=2, max_size=5), min_size=3, max_size=9,
                      unique=True), shift=st.sampled_from([-2, -1, 1, 2]), arabic=st.booleans())
def test_property_count_of_a_generated_list(lint_text, names, shift, arabic):
    """A list of n distinct project names announced as n items is clean; announced as n ± k, one finding on
    the count."""
    def said(n):
        return f"{n}个" if arabic else f"{CN[n]}个" if n <= 10 else f"{n}个"

    items = "、".join(f"{n}专项" for n in names)
    text = f"本部门资金下设{said(len(names))}项目，包括{items}。"
    assert lint_text(text, ["DOC"]) == []
    wrong = len(names) + shift
    if wrong < 2:
        return
    found = lint_text(text.replace(said(len(names)), said(wrong), 1), ["DOC"])
    assert brief(found) == [("DOC001", 1, 8, "error")]
    assert found[0].computed == str(len(names))


@settings(max_examples=40, deadline=None)
@given(cents=st.integers(100, 10**9), bump=st.integers(2, 10**6), coarse=st.booleans())
def test_property_restatement(lint_text, cents, bump, coarse):
    """The same amount restated alike (or one decimal coarser) is clean; restated off by more than
    rounding allows, one finding on the restatement."""
    from decimal import ROUND_HALF_UP, Decimal

    amount = Decimal(cents).scaleb(-2)
    again = amount.quantize(Decimal("0.1"), ROUND_HALF_UP) if coarse else amount
    text = f"2024年科技创新券兑付总量为{amount}万元。\n\n年度执行良好，2024年科技创新券兑付总量为{again}万元。\n"
    assert lint_text(text, ["DOC003"]) == []
    wrong = amount + Decimal(bump).scaleb(-1)
    head, _ = text.rsplit(f"为{again}万元", 1)
    found = lint_text(f"{head}为{wrong}万元。\n", ["DOC003"])
    assert brief(found) == [("DOC003", 3, 23, "warning")]


@given(st.integers(2, 9), st.integers(2, 9), st.booleans())
def test_count_of_points_property(lint_text, stated, listed, split):
    numerals = "一二三四五六七八九"
    points = [f"{numerals[i]}是完成第{numerals[i]}项任务" for i in range(listed)]
    text = (f"今年重点推进{numerals[stated - 1]}项工作：" + ("\n" if split else "")
            + ("。\n" if split else "；").join(points) + "。")
    found = lint_text(text, ["DOC001"])
    assert [(f.code, f.computed) for f in found] == ([] if stated == listed else [("DOC001", str(listed))])


@settings(max_examples=40, deadline=None)
@given(pair=st.sampled_from([("增加", "减少"), ("增长", "下降"), ("上升", "下降"), ("提高", "降低")]),
       flip=st.booleans(), form=st.sampled_from(["{a}（{b}）", "{a}({b})", "{a}/{b}"]),
       value=st.decimals(min_value=1, max_value=9999, places=2))
def test_template_alternative_property(lint_text, pair, flip, form, value):
    a, b = reversed(pair) if flip else pair
    chosen = f"支出比上年{a}{value}万元。"
    assert lint_text(chosen, ["DOC009"]) == []
    left = f"支出比上年{form.format(a=a, b=b)}{value}万元。"
    assert brief(lint_text(left, ["DOC009"])) == [("DOC009", 1, 6, "warning")]
