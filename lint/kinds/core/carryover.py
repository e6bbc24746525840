"""carryover: a fund's balance carried over, 年初结转结余 + 本年收入 − 本年支出 = 年末结转结余.

Finds, in each sentence, the amounts that play each role, named by their labels: the opening balance (a label
naming an ``opening`` time, 年初/上年/期初, and ending with a ``balance`` word, 结转结余/结转和结余/结余), the
year's income (ending with an ``income`` word: 本年收入), its spending (``expense``: 本年支出) and the closing
balance (a ``closing`` time, 年末/期末, and a balance word), in that order (or the year's income before the
opening balance, as a 收入支出决算总表 lists its sources, each role then said bare, one fund named at most);
amounts named by ``plus`` (用事业基金弥补收支差额) are added and by ``minus`` (结余分配) taken away. With
exactly one amount for each of the four roles, the closing balance must be opening + income − expense (+ plus
− minus). A role named twice, out of order or missing gives no relation: nothing is guessed. The four may be
said over sentences in a row of one paragraph that state nothing else, each role said bare (年初结转和结余
a，本年收入合计 b。本年支出合计 c，年末结转和结余 d。), no 结余分配 after them in the paragraph and no
sentence opening with a fund's name before a colon (一般公共预算财政拨款：…).

Judged as an interval in the closing amount's unit: four amounts to 0.01 may miss by 0.02.
"""

from __future__ import annotations

from ...figures import labels, precision
from ...model import Severity
from ...regex import lazy
from ...vocabulary import Words
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "carryover"
FIELDS = JUDGED


@options
class Options:
    opening: Words = Words(["年初", "上年", "期初"])
    closing: Words = Words(["年末", "期末"])
    balance: Words = Words(["结转结余", "结转和结余", "结余", "滚存结余"])
    income: Words = Words(["本年收入", "本年收入合计"])
    expense: Words = Words(["本年支出", "本年支出合计"])
    plus: Words = Words(["事业基金弥补收支差额", "使用非财政拨款结余"])
    minus: Words = Words(["结余分配"])
    yearly: Words = Words(["收支结余", "收支差额", "当期结余"])
    """The year's own balance (当年收支结余): its income less its spending, the sentence's one amount
    named …收入 and one named …支出 before it."""


_ORDER = ("opening", "income", "expense", "closing")


def _role(o: Options, label: str) -> str:
    label = label.strip().rstrip("为是达：: ")  # not labels.core: it drops 本年, which 本年收入 needs
    if any(label.endswith(w) for w in o.plus):
        return "plus"
    if any(label.endswith(w) for w in o.minus):
        return "minus"
    if any(label.endswith(w) for w in o.income):
        return "income"
    if any(label.endswith(w) for w in o.expense):
        return "expense"
    if any(label.endswith(w) for w in o.balance):
        if o.closing.within(label):
            return "closing"
        if o.opening.within(label):
            return "opening"
    return ""


def run(analysis, check: Check):
    o = check.options
    for block in range(len(analysis.doc.blocks)):
        text = analysis.doc.blocks[block].text
        if not o.balance.within(text) or not (o.income.within(text) or o.yearly.within(text)):
            continue
        said: list[list] = []  # the money of the sentences before, nearest last
        run: dict[str, list] = {}  # the roles of the sentences in a row that state nothing but roles
        spans = 0
        for start, _end, figures in analysis.sentences(block):
            money = [f for f in figures if f.is_point and precision.family(f.unit) == "money"]
            roles: dict[str, list] = {}
            for f in money:
                role = _role(o, f.label)
                if role:
                    roles.setdefault(role, []).append(f)
            if not roles.get("opening"):
                yield from _yearly(analysis, check, money, said[-2:])
            said.append((start, money))
            verdict = _balance(analysis, check, roles)
            if verdict is not None:
                yield verdict
            if not money or any(not _role(o, f.label) for f in money) or verdict is not None \
                    or _NAMED_FIRST.match(text, start):
                run, spans = {}, 0  # (a sentence of other amounts, one balanced on its own, or one naming its
                continue  # fund before a colon, 政府性基金预算财政拨款：…: the run ends)
            for role, figs in roles.items():
                run.setdefault(role, []).extend(figs)
            spans += 1
            if spans > 1 and all(run.get(r) for r in _ORDER) \
                    and all(_BARE_ROLE.fullmatch(labels.core(f.label)) for r in _ORDER for f in run[r]) \
                    and not any(_role(o, f.label) in ("plus", "minus") for f in analysis.between(
                        block, start, len(text))):  # (…年末结转和结余 d。结余分配 e。: not all said yet)
                # 年初结转和结余 a，本年收入合计 b。本年支出合计 c，年末结转和结余 d: the roles over sentences
                # in a row that state nothing else, each said bare (no fund or part named)
                verdict = _balance(analysis, check, run)
                if verdict is not None:
                    yield verdict
                run, spans = {}, 0


def _balance(analysis, check: Check, roles: dict):
    """The closing balance judged over the other roles, each stated once, in order; None otherwise."""
    if any(len(roles.get(r, ())) != 1 for r in _ORDER):
        return None
    found = [roles[r][0] for r in _ORDER]
    opening, income, expense, closing = found
    funds = {m.group() if (m := _FUND.match(labels.core(f.label))) else "" for f in found}
    if max(opening.start, income.start) > expense.start or expense.start > closing.start \
            or income.start < opening.start and not (len(funds - {""}) <= 1 and all(
                _BARE_ROLE.fullmatch(_FUND.sub("", labels.core(f.label))) for f in found)):
        return None  # (本年收入合计 b，年初结转和结余 a；本年支出合计 c，年末结转和结余 d: as a 总表, each
        # role said bare; not 其中年末结转和结余中财政拨款结余, a part, nor each of another fund)
    added, taken = roles.get("plus", []), roles.get("minus", [])
    if min(f.decimals for f in found) > 0:  # 结余分配0万元 beside 20.81万元: none, not 0.5
        added, taken = precision.nothing_for_zero(added), precision.nothing_for_zero(taken)
    unit = closing.unit

    def compute(parts=(opening, income, *added), out=(expense, *taken), unit=unit):
        return precision.total(parts, unit) - precision.total(out, unit)

    expression = " + ".join(f.text for f in (opening, income, *added)) + "".join(
        f" − {f.text}" for f in (expense, *taken))
    return judge(check, analysis, closing, (opening, income, expense, *added, *taken), compute,
                 expression=expression)


_PARTS_OPEN = lazy(r"其中|含")
_NAMED_FIRST = lazy(r"\s*[^，,。；;：:]{2,20}[：:]")  # 一般公共预算财政拨款：… (a fund or part named first)
# a fund a 总表's role may name, the same for every role said
_FUND = lazy(rf"^(?:(?:{labels.FUNDS.pattern})(?:财政拨款)?|财政拨款|政府性基金)")
# a role said bare, as a 总表 lists them: no fund, part or other subject named
_BARE_ROLE = lazy(r"[，,：:\s]*(?:全年|本年|年初|年末|期初|期末|上年)?"
                  r"(?:收入|支出|结转和结余|结转结余|结余|滚存结余)(?:合计|总计|总额)?(?:为|共|是)?")


def _yearly(analysis, check: Check, money: list, said: list):
    """社会保险基金收入 X，支出 Y，当年收支结余 Z: Z = X − Y, when the sentence names one of each before Z
    (and no 其中 or 分别 among them: the parts of a total are not its income and spending), in clauses
    apart by semicolons only when the spending names no other fund (收入 X，增长 p；支出 Y，增长 q；…); or,
    when Z's sentence names neither, the first amounts of the two sentences before it, one a side (总收入 X，
    完成…。总支出 Y，…。当年收支结余 Z)."""
    o = check.options
    balances = [f for f in money if o.yearly.within(f.label) and not o.closing.within(f.label)
                and not o.plus.within(f.label)]  # (用事业基金弥补收支差额 X: what made up the gap)
    if len(balances) != 1:
        return
    balance = balances[0]
    if labels.OTHER_FOOTING.match(analysis.text(balance), balance.end):
        return  # 当期结余 Z（不含利息收入）: a balance on another footing than the two amounts
    before = [f for f in money if f.end <= balance.start]
    text = analysis.text(balance)
    apart = not before and len(said) == 2 and all(m for _s, m in said) and not any(
        _PARTS_OPEN.search(text, s, m[0].start) for s, m in said)  # (其中，财政补贴收入 a: a part)
    if apart:  # 总收入 X，…。总支出 Y，…。当年收支结余 Z: the first amounts of the two sentences before,
        before = [said[0][1][0], said[1][1][0]]  # one a side (a warning: read across sentences)
    income = [f for f in before if f.label.rstrip("为是达：: ").endswith("收入")]
    expense = [f for f in before if f.label.rstrip("为是达：: ").endswith("支出")]
    if len(income) != 1 or len(expense) != 1 or income[0].start > expense[0].start \
            or any(w in text[income[0].start:balance.start] for w in ("其中", "分别")):
        return
    inc, exp = income[0], expense[0]
    own, other = labels.core(inc.label).strip(" ，,")[:-2], labels.core(exp.label).strip(" ，,")[:-2]
    if other not in ("", own) and not (len(other) <= 2 and own.endswith(other)) \
            and any(w in text[inc.start:balance.start] for w in ("；", ";")):
        return  # (A基金收入 X；B基金支出 Y；…: two funds; 收入 X，增长 p；支出 Y，…；收支结余 Z: one's, and
        # so is 社会保险基金总收入 X，…；总支出 Y: its name said in part)
    verdict = judge(check, analysis, balance, (inc, exp),
                    lambda: precision.total([inc], balance.unit) - precision.total([exp], balance.unit),
                    expression=f"{inc.text} − {exp.text}", severity=Severity.WARNING if apart else None)
    if verdict:
        yield verdict
