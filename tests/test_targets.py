"""Indicator tables: targets against actuals, completion rates, wrapped rows (exact findings, properties)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from helpers import brief
from hypothesis import given, settings
from hypothesis import strategies as st

from crossfoot.ingest.text import parse
from crossfoot.tables import recover
from crossfoot.tables.records import records

HEAD = "一级指标\t二级指标\t三级指标\t年度目标值\t年度实现值\t指标完成率\n"
RATES = (
    HEAD
    + "产出指标\t数量指标\t学术会议\t举办学术会议40场。\t举办学术会议45场。\t112.50%\n"
    + "\t\t会议数量\t支持3档国际学术会议18场。\t支持3档国际学术会议15场。\t83.33%\n"
    + "\t\t人物宣传\t宣传不少于15位院士。\t宣传29位院士。\t100.00%\n"
    + "\t\t线上对接\t对接项目5000项，总浏览量不少于550万人、访客数不少于55万。\t"
    + "对接项目9142项，总浏览量651.96万人次、访客数191.73万人次。\t100.00%\n"
    + "\t质量指标\t满意度\t≥90%\t98%\t100.00%\n"
    + "\t成本指标\t补助上限\t120万元\t单个项目最高30万元\t100.00%\n"
)


def test_consistent_indicator_table_passes(lint_text):
    assert lint_text(RATES, ["TAB"]) == []


def test_stated_rate_against_the_one_pair_that_differs(lint_text):
    found = lint_text(RATES.replace("112.50%", "110.00%"), ["TAB"])
    assert brief(found) == [("TAB008", 2, 38, "error")]
    assert (found[0].stated, found[0].computed) == ("110.00%", "112.5000")
    assert [(s.line, s.column) for s in found[0].related] == [(2, 33), (2, 22)]
    assert found[0].message.startswith("completion rate 110.00% (学术会议) does not match 45场 / 40场 × 100")
    # 3档 is no quantity, so 18场 → 15场 is the pair: 83.33% holds, 88.33% does not
    assert brief(lint_text(RATES.replace("83.33%", "88.33%"), ["TAB"])) == [("TAB008", 3, 38, "error")]


def test_a_missed_target_under_a_full_rate(lint_text):
    found = lint_text(RATES.replace("访客数191.73万人次", "访客数51.73万人次"), ["TAB"])
    assert brief(found) == [("TAB009", 5, 79, "error")]
    assert [(s.line, s.column) for s in found[0].related] == [(5, 69), (5, 37)]
    assert "actual 51.73万人次 misses the target ≥55万" in found[0].message
    # an upper bound (成本指标) is met from below
    found = lint_text(RATES.replace("最高30万元", "最高130万元"), ["TAB"])
    assert brief(found) == [("TAB009", 7, 30, "error")]


def test_rows_wrapped_over_lines_and_a_page_break_are_read_whole(lint_text):
    text = (
        HEAD
        + "\t\t科普活动\t抖音150条视频，播放量不少于\t抖音162条视频，播放量\t108.00%\n"
        + "12\n"
        + HEAD
        + "\t\t\t2000万。\t3700万。\t\n"
        + "\t\t专利\t申请专利30件。\t申请专利35件。\t116.67%\n"
    )
    [table] = recover(parse(text, "t.txt"))
    found, centred = records(table, lambda cells: bool(cells[5].text), [0, 1, 2])
    assert [r.rows for r in found] == [(0, 1), (2,)] and centred == []
    # two pairs differ (150→162 and 2000万→3700万), so no single ratio is due; both met: nothing to say
    assert lint_text(text, ["TAB"]) == []
    found = lint_text(text.replace("3700万", "1700万"), ["TAB"])
    assert brief(found) == [("TAB009", 2, 37, "error")]
    assert found[0].related[0].line == 5  # the actual on the line after the page break


def test_missed_target_without_a_rate_column(lint_text):
    text = (
        "\t一级指标\t二级指标\t三级指标\t指标值\t完成值\n"
        "绩效指标\t产出指标\t数量指标\t推荐企业数量\t≥900 家\t949 家\n"
        "\t\t\t补助企业数量\t≥700 家\t105 家\n"
        "\t\t\t统计培训场次\t5场次\t4场次\n"
        "\t\t\t验收项目\t500 项以上\t470 项，因疫情未完成\n"
        "\t\t成本指标\t补助上限\t120 万元\t最高为 30 万元\n"
    )
    found = lint_text(text, ["TAB"])
    assert brief(found) == [("TAB010", 3, 18, "warning")]
    assert found[0].message == "actual 105家 (补助企业数量) misses the target ≥700家"


def test_centred_rows_are_reported_and_not_judged(lint_text):
    text = (
        "序号\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
        "\t\t\t1.全年开展科普活动\t全年累计开展科普活动\n"
        "\t\t开展科普\t不少于1000次。\t561场次。\n"
        "1\t数量指标\t活动\t2.活动人数不少于\t活动人数\n"
        "\t\t\t200万人次。\t400万人次。\n"
        "2\t\t宣传\t宣传媒体10种\t宣传媒体12种\n"
    )
    found = lint_text(text, ["TAB"])
    assert brief(found) == [("TAB011", 1, 1, "info")]
    assert "starting at line 2 wrap" in found[0].message


def _rate(actual: int, target: int, places: str = "0.01") -> str:
    return f"{(Decimal(actual) * 100 / target).quantize(Decimal(places), ROUND_HALF_UP)}%"


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(1, 900), st.integers(1, 900)), min_size=1, max_size=6),
       which=st.data())
def test_property_corrupted_rate_is_the_one_finding(lint_text, rows, which):
    """Rates written as actual / target to two decimals hold; a rate changed by more than rounding allows
    is exactly one TAB008 on its cell; the rate restated one decimal coarser is none."""
    lines = [f"\t\t指标{i}\t完成{t}项\t完成{a}项\t{_rate(a, t)}" for i, (t, a) in enumerate(rows)]
    assert lint_text(HEAD + "\n".join(lines) + "\n", ["TAB"]) == []
    i = which.draw(st.integers(0, len(rows) - 1))
    t, a = rows[i]
    good = Decimal(_rate(a, t)[:-1])
    bad = good + which.draw(st.sampled_from([Decimal("-1"), Decimal("0.02"), Decimal("10")]))
    if bad < 0 or bad >= 100 and a < t or bad == 100 and a >= t:
        return  # a negative rate, a full rate over a miss (TAB009's business), or 100% for a target
        # exceeded (the capped convention, which holds)
    changed = list(lines)
    changed[i] = changed[i].rsplit("\t", 1)[0] + f"\t{bad}%"
    found = lint_text(HEAD + "\n".join(changed) + "\n", ["TAB"])
    assert brief(found) == [("TAB008", i + 2, changed[i].rindex("\t") + 2, "error")]
    changed[i] = changed[i].rsplit("\t", 1)[0] + "\t" + _rate(a, t, "0.1")
    assert lint_text(HEAD + "\n".join(changed) + "\n", ["TAB"]) == []


def test_a_claim_that_every_target_was_met_against_the_table(lint_text):
    table = ("三级指标\t指标值\t完成值\n培训会\t举办5场\t举办4场\n推荐企业数量\t≥900家\t949家\n"
             "会议\t举办18场\t举办15场\n")
    found = lint_text("各项指标均已完成年度目标。\n" + table, ["TAB012"])
    assert brief(found) == [("TAB012", 1, 5, "warning")]
    assert found[0].message == ("'均已完成' says every target was met, but 2 indicator(s) miss theirs: "
                                "培训会 4场 against 5场; 会议 15场 against 18场")
    assert [(s.line, s.column) for s in found[0].related] == [(3, 12), (5, 12)]
    one = lint_text("除一个指标外，各项指标均已完成年度目标。\n" + table, ["TAB012"])
    assert [f.message.split(",")[0] for f in one] == ["'均已完成' says every target was met (all but 1)"]
    assert lint_text("除2项指标外，各项指标均已完成年度目标。\n" + table, ["TAB012"]) == []
    assert lint_text("除培训会、会议指标外，各项指标均已完成年度目标。\n" + table, ["TAB012"]) == []
    named_one = lint_text("除培训会指标外，各项指标均已完成年度目标。\n" + table, ["TAB012"])
    assert [f.message.split(",")[0] for f in named_one] == ["'均已完成' says every target was met (all but 1)"]
    assert len(lint_text("除此之外，各项指标均已完成年度目标。\n" + table, ["TAB012"])) == 1
    assert lint_text("其中1个指标全部完成，1个指标未完成。\n" + table, ["TAB012"]) == []  # the miss is said
    assert len(lint_text("各项指标均已完成年度目标，不存在未完成的指标。\n" + table, ["TAB012"])) == 1
    assert lint_text("各项指标基本完成年度目标。\n" + table, ["TAB012"]) == []
    assert lint_text("部分指标未全部完成年度目标。\n" + table, ["TAB012"]) == []
