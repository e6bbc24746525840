"""empty_narrated: the narrative gives an amount for what a table the report says is empty is about
(“三公”经费财政拨款支出决算为2.35万元 beside a 三公 table noted 本年度没有…支出，故本表无数据).

A table is said to be empty by a line holding one of ``statements`` (本表无数据, 故本表无…) a few lines under
its caption (a line ending with one of ``tables``: 决算表, 预算表; header rows between, an empty table may
have no row of figures; not past the caption of a table named otherwise, 表8 政府性基金预算支出表); a table
read with amounts under that caption is not empty (a table whose caption ends with this one's, a few
characters before it at most, is this one: not 支出决算表 of 财政拨款“三公”经费支出决算表). For such a table
whose caption names one of ``narrated`` (三公, 政府性基金, 国有资本经营), the first prose amount of money
above zero whose label names that subject (or names only its measure, 支出决算为 b, after its sentence named
it) is a finding on the prose figure, the statement the related place; not one of another year (上年,
2023年度…为, 2025年拟…), nor a change, a comparison or money the table does not show (``not``: 比, 较, 增加,
非财政拨款, 所属单位, 拟安排, 年末结转…), nor, beside a 决算 table, a budget (预算, the fund's name aside:
the year's plan, which a 决算 table may not show); a statement naming other tables (故《…表》为空表) is
theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...figures import labels
from ...regex import lazy
from ...tables import locate, notes
from ...vocabulary import Words
from ..base import Check, report

KIND = "empty_narrated"
FIELDS = ("stated", "computed", "title", "statement", "subject")


@dataclass(frozen=True)
class Options(notes.Spec):
    narrated: Words = Words(["三公", "政府性基金", "国有资本经营"])
    """What a table is about, named in its caption and in a prose amount's label."""
    not_: Words = Words(["上年", "去年", "比", "较", "增加", "减少", "增长", "下降", "持平", "减幅", "增幅",
                         "非财政", "其他资金", "自有资金", "单位资金", "事业收入", "所属", "企业", "代征",
                         "上缴", "收益", "债券", "预计", "拟", "控制", "额度", "未纳入", "不在", "结转",
                         "结余", "年初", "年末"])
    """Labels of amounts that are not the table's: a change, another year's, other money than the
    appropriation the table shows (非财政拨款, 单位资金, 所属单位), a plan or a ceiling (拟安排, 控制额度), a
    balance carried (年末结转结余)."""

    ALIASES = {"not": "not_"}


def run(analysis, check: Check):
    year, done = analysis.year(), set()
    filled = [table.title for table, _, amounts in notes.standard(analysis, check.options) if amounts]
    for caption, said in _said_empty(analysis, check.options):
        subject = next((w for w in check.options.narrated if w in caption), None)
        if subject is None or subject in done \
                or any(_same_table(t, caption) for t in filled):
            continue
        settled = "决算" in caption
        for block, fig in analysis.amounts():
            clause = labels.clause(block.text, fig.start)
            dated = labels.YEAR.findall(labels.dated(block.text, fig.start)[0])
            opened = max(block.text.rfind(c, 0, fig.start) for c in "。；;") + 1  # (not past ；: another's)
            named = subject in fig.label or subject in block.text[opened : fig.start] \
                and _BARE_MEASURE.fullmatch(fig.label.strip(" ，,")) is not None
            # (…三公…预算为 a，支出决算为 b: b of 三公, its sentence naming it)
            if block.kind == "row" or not fig.value or not named \
                    or any(w in fig.label or w in clause for w in check.options.not_) \
                    or settled and "预算" in labels.FUNDS.sub("", fig.label) \
                    or labels.said_for_earlier(block.text, fig.start, year) \
                    or year is not None and any(y != year for y in dated):
                continue  # (2025年拟安排 a in a 2024 report: another year's, whichever)
            done.add(subject)
            yield report(check, analysis, fig.span, fig.text, related=(said.span(0, len(said.text)),),
                         computed="empty", figures=(fig.text,), title=caption,
                         statement=said.text.strip()[:40], subject=subject)
            break


def _same_table(one: str, other: str) -> bool:
    """Whether two captions name one table: one ending with the other, a few characters before it at most
    (部门 or a unit's name; not 支出决算表 within 财政拨款“三公”经费支出决算表)."""
    short, long_ = sorted((_YEAR.sub("", locate.unquote(one)), _YEAR.sub("", locate.unquote(other))), key=len)
    return long_.endswith(short) and len(long_) - len(short) <= 4  # (2024年度… the same, its year aside)


def _said_empty(analysis, spec):
    """``(caption, statement block)`` for each statement that a table is empty (故本表无数据) a few lines
    under the caption it follows, rows between (an empty table may have no row a table is read from)."""
    blocks = analysis.doc.blocks
    for i, block in enumerate(blocks):
        if block.kind == "row" or not spec.statements.within(block.text):
            continue
        for k in range(i - 1, max(-1, i - _REACH), -1):
            text = blocks[k].text.strip()
            if blocks[k].kind != "row" and len(text) <= 60 and text.endswith("表") \
                    and not any(text.endswith(w) for w in spec.tables) and not _FORM_NUMBER.search(text) \
                    and not _UNIT_SAID.search(text):
                break  # the caption of a table named otherwise (表8 政府性基金预算支出表): its statement
            if blocks[k].kind != "row" and len(text) <= 60 and any(text.endswith(w) for w in spec.tables):
                caption = _YEAR.sub("", text)
                named = [_YEAR.sub("", n) for n in _NAMED.findall(block.text)]
                if not named and _OTHERS.search(block.text) or named and not any(
                        locate.unquote(n).endswith(locate.unquote(caption)[-8:]) for n in named):
                    break  # 故《政府性基金…表》《国有资本…表》为空表: the tables it names, not the one above
                yield caption, block
                break


# an amount's label naming only its measure, its subject said before it in the sentence (支出决算为 b)
_BARE_MEASURE = lazy(r"(?:财政拨款)?(?:支出)?(?:决算|预算)?数?(?:为|是|达)?")
_FORM_NUMBER = lazy(r"公开\s*(?:表\s*)?\d{1,2}\s*表?$|^表\s*\d{1,2}$")  # 公开07表: a form's number
_UNIT_SAID = lazy(r"单位\s*[:：]")  # 单位：万元 … 公开07表: a unit line, no caption
_NAMED = lazy(r"《([^》]{2,40}表)》")  # the tables a statement names (故《…表》为空表)
_OTHERS = lazy(r"相关表格|以下表格|下列表格|上述表格")
_REACH = 12  # lines between a caption and its statement: a unit line, header rows, a note
_YEAR = lazy(r"^.*?(?:19|20)\d\d\s*年度?")
