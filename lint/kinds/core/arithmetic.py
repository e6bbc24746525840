"""arithmetic: a computation the text writes out gives the result it states
(执行率 = 实际支出 467.17 万元 / 预算 479.04 万元 × 100% = 97.52%; 8×1/4×(1-10.27%)=1.79).

An expression is what stands before an ``=`` (or ＝) back to the clause's start (，。；： or another
``=``): numbers joined by + − × ÷ / * and brackets, with words between them (实际支出, 万元) read as
labels. It is written out in full-width signs (＋－×÷／＊（）＝) or as a converter left LaTeX
(``$\\times 100\\% = 97.52\\%$``, ``\\div``, ``\\frac{a}{b}``), all read alike. The result is the
number right after the ``=``.

A formula written in words (预算执行率=实际支出/全年预算×100%=95.00%) is read as well when each of its two
words names exactly one amount stated before it in its paragraph (全年预算1,000.00万元，实际支出950.00万元):
the amount whose label ends with the word (a closing 数 or 额 aside: 实际支出数 is 实际支出); a word that
names two amounts of different values (预算 after 年初预算 and 全年预算) or none leaves it unread.

A rate followed by its division in brackets (通过率85.23%（认定通过3,536家/推荐4,266家）) is the same
computation written the other way round: only a plain division (× 100% allowed), and it holds when the
slash only separates the two (完成率90%（计划20场/实际18场）: the second over the first).

Each number stands for what its decimals allow (467.17 is 467.165 to 467.175); a whole number is exact
unless it is an amount of money (467万元 is 466.5 to 467.5万元); a percentage is its hundredth (100% is 1,
10.27% is 0.1027). It is a finding when the computed interval cannot meet the stated result's, either
as written or with a percentage read as its number (a bare ×100 giving 97.52 for 97.52%), nor is a whole
result the computed value rounded up or down (20,654.40 written 20655元, as dues are rounded up). Never
judged: a number that is a date or a range (1-6月, 2023-2025年; not ×12月, twelve months), amounts of
different money units added, a division by what may be zero, or words between two numbers with no sign
joining them.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ...figures import labels, precision, units
from ...interval import Interval
from ...interval import stated as interval
from ...regex import lazy
from ..base import JUDGED, Check, judge
from ..options import options

KIND = "arithmetic"
FIELDS = JUDGED

_LATEX = [
    (r"\\times|\\cdot", "*"), (r"\\div", "/"), (r"\\%", "%"), (r"\\left|\\right", ""), (r"\$", ""),
    (r"\\frac\s*\{", "("), (r"\}\s*\{", ")/("),
]
_ANY_LATEX = lazy("|".join(f"({p})" for p, _ in _LATEX))  # tried in order at each place, as listed
_LATEX_AS = [r for _, r in _LATEX]  # (every translation in _WIDE is one character for one)
_WIDE = str.maketrans({"＋": "+", "－": "-", "−": "-", "×": "*", "✕": "*", "＊": "*", "÷": "/", "／": "/",
                       "（": "(", "）": ")", "＝": "=", "％": "%", "}": ")"})
_TOKEN = lazy(r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|亿元|千元|元|%|分|年|月|日|号|季度)?"
                    r"|(?P<op>[-+*/])|(?P<open>\()|(?P<close>\))|(?P<space>\s+)|(?P<word>[^\d\s()+\-*/=])")
_RESULT = lazy(r"\s*(?P<num>-?\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|亿元|千元|元|%|分)?")
_STOP = "，。；：,;:！？!?=\n\t|"
_DATES = {"年", "月", "日", "号", "季度"}
_MONEY = {"万元", "亿元", "千元", "元"}
_LONGEST = 160
_WORDED = lazy(r"\s*\(?\s*(?P<a>[\u4e00-\u9fff“”]{2,16})\s*/\s*(?P<b>[\u4e00-\u9fff“”]{2,16})\s*\)?"
               r"\s*(?:\*\s*100\s*%)?\s*")
_NAMING = lazy(r"(?:为|是|达|共|共计|合计)?[:：\s]*$")  # 实际支出为 950.00万元: the word before 为


@options
class Options:
    pass


def run(analysis, check: Check):
    blocks = analysis.doc.blocks
    for b, block in enumerate(blocks):
        text = block.text
        if "=" not in text and "＝" not in text and not _DIVIDED.search(text):
            continue
        norm, where = _normalise(text, b)
        if b and norm.lstrip()[:1] in ("*", "/") and blocks[b - 1].kind == block.kind:
            before, at = _normalise(blocks[b - 1].text, b - 1)  # a converter put the LaTeX on its own line
            cut = _clause_start(before, len(before))
            norm, where = before[cut:] + " " + norm, at[cut:] + [where[0]] + where
        figures = {(f.block, f.start): f for k in {b, b - 1} if k >= 0 for f in analysis.figures[k]}
        for eq in (i for i, ch in enumerate(norm) if ch == "="):
            found = _judge(analysis, check, norm, where, eq, figures)
            if found is not None:
                yield found
        for m in _RATE_EXPLAINED.finditer(norm) if "/" in norm else ():
            found = _explained(analysis, check, norm, where, m, figures)
            if found is not None:
                yield found


def _normalise(text: str, block: int) -> tuple[str, list[tuple[int, int]]]:
    """The text with LaTeX and full-width signs as plain ones, and for each of its characters the block
    and offset of the character it came from."""
    out: list[str] = []
    where: list[tuple[int, int]] = []
    i = 0
    for m in _ANY_LATEX.finditer(text):  # the runs between LaTeX commands copied whole (a sign each)
        out.append(text[i : m.start()].translate(_WIDE))
        where.extend((block, j) for j in range(i, m.start()))
        repl = _LATEX_AS[m.lastindex - 1]
        out.append(repl)
        where.extend([(block, m.start())] * len(repl))
        i = m.end()
    out.append(text[i:].translate(_WIDE))
    where.extend((block, j) for j in range(i, len(text)))
    return "".join(out), where


def _clause_start(text: str, end: int) -> int:
    """Where the clause ending at ``end`` begins: after the last stop before it, a comma between digits
    (1,286.40: a thousands separator) not counting as one."""
    i = end - 1
    while i >= 0:
        if text[i] in _STOP and not (text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit()
                                     and text[i + 1].isdigit()):
            return i + 1
        i -= 1
    return 0


def _judge(analysis, check, norm: str, where: list[tuple[int, int]], eq: int, figures: dict):
    m = _RESULT.match(norm, eq + 1)
    if m is None:
        return None
    result = figures.get(where[m.start("num")])
    if result is None or not result.is_point:
        return None
    start = _clause_start(norm, eq)
    if eq - start > _LONGEST:
        return None
    tokens = _tokens(norm[start:eq])
    if tokens is None:
        worded = _WORDED.fullmatch(norm, start, eq)
        return _worded(analysis, check, worded, result, where[start]) if worded else None
    return _computed(analysis, check, result, tokens, norm, where, start, eq, figures)


_DIVIDED = lazy(r"[%％]\s*[（(][^（）()=＝]*[/／÷][^（）()=＝]*[）)]")
_DATED = lazy(r"截至|截止|日期|[年月]底|年末")
_RATE_EXPLAINED = lazy(r"(?P<num>\d+(?:\.\d+)?)\s*%\s*\((?P<expr>[^()=]{3,80})\)")


def _explained(analysis, check, norm: str, where: list[tuple[int, int]], m, figures: dict):
    """A rate followed by its division in brackets (通过率85.23%（认定通过3,536家/推荐4,266家）): the same
    computation written the other way round, judged alike; only a plain division (× 100% allowed)."""
    result = figures.get(where[m.start("num")])
    if result is None or not result.is_point or result.unit != "%":
        return None
    start, end = m.start("expr"), m.end("expr")
    if _DATED.search(norm, start, end):
        return None  # 98.50%（数据截至2024/12/31）: a date, no division
    tokens = _tokens(norm[start:end])
    if tokens is None or [t[1] for t in tokens if t[0] == "op"] not in (["/"], ["/", "*"]) \
            or any(t[0] in ("open", "close") for t in tokens):
        return None  # (a plain division, × 100% maybe: 2024/12/31 is none)
    operands = [figures.get(where[start + t[2]]) for t in tokens if t[0] == "num"][:2]
    if None in operands or operands[0].unit != operands[1].unit \
            or not operands[0].unit and all(o.decimals == 0 for o in operands) \
            and operands[0].value <= 12 and operands[1].value <= 31:
        return None  # 1,200人次/40场: a rate per session, no share; 3/31: a date maybe
    verdict = _computed(analysis, check, result, tokens, norm, where, start, end, figures)
    if verdict is not None and not verdict.holds and len(tokens) == 3:
        swapped = _computed(analysis, check, result, tokens[::-1], norm, where, start, end, figures)
        if swapped is not None and swapped.holds:
            return swapped.quiet()  # 完成率90%（计划20场/实际18场）: a slash between the two, no division
    return verdict


def _computed(analysis, check, result, tokens, norm: str, where, start: int, eq: int, figures: dict):
    """The verdict on ``result`` against the expression ``tokens`` (read from ``norm[start:eq]``)."""
    value = _Parser(tokens).parse()
    if value is None:
        return None
    computed, units_ = value
    if len(units_ & _MONEY) > 1 or result.unit in _MONEY and units_ & _MONEY and result.unit not in units_:
        return None  # amounts in different units: not read here
    operands = tuple(figures[where[start + t[2]]] for t in tokens
                     if t[0] == "num" and where[start + t[2]] in figures)
    scale = Decimal(100) if result.unit == "%" else Decimal(1)
    verdict = judge(check, analysis, result, operands, lambda: computed, scale=scale,
                    expression=norm[start + tokens[0][2] : eq].strip().replace("*", "×"))
    if verdict is not None and not verdict.holds and result.unit == "%":
        plain = judge(check, analysis, result, operands, lambda: computed, expression="")
        if plain is not None and plain.holds:
            return plain.quiet()  # written ×100 for ×100%: the same rate
    if verdict is not None and not verdict.holds and result.decimals == 0 and result.unit not in ("%", "分") \
            and computed.lo.to_integral_value(ROUND_FLOOR) <= result.value \
            <= computed.hi.to_integral_value(ROUND_CEILING):
        return verdict.quiet()  # (8773+12742)×12月×8%=20655元: 20,654.40 rounded up to the yuan, as dues are
    big = {"万元": Decimal("1e-4"), "亿元": Decimal("1e-8")}.get(result.unit)
    if verdict is not None and not verdict.holds and big and not units_ & _MONEY:
        in_yuan = judge(check, analysis, result, operands, lambda: computed, scale=big, expression="")
        if in_yuan is not None and in_yuan.holds:
            return in_yuan.quiet()  # 1382×1200=165.84万元: the factors in 元, the result in 万元
    return verdict


def _worded(analysis, check, m, result, at: tuple[int, int]):
    """A rate written as a division of two words, each resolved to the one amount of its paragraph
    (before the formula) that it names."""
    if result.unit != "%":
        return None
    block, offset = at
    before = [f for f in analysis.figures[block] if f.end <= offset and f.is_point
              and precision.family(f.unit) != "ratio"]
    found = []
    for word in (m.group("a"), m.group("b")):
        term = _term(word)
        named = [f for f in before if _term(_NAMING.sub("", f.label)).endswith(term)]
        if len({(f.value, f.unit) for f in named}) != 1:
            return None
        found.append(named[-1])
    actual, base = found
    if precision.family(actual.unit) != precision.family(base.unit) or actual is base:
        return None
    return judge(check, analysis, result, (actual, base),
                 lambda: precision.interval(actual, "round", base.unit) / precision.interval(base),
                 scale=Decimal(100), expression=f"{actual.text} / {base.text}")


def _term(word: str) -> str:
    """A formula's word or a label as compared: no quotation marks, no closing 数 or 额."""
    word = labels.unquote(word).strip()
    return word[:-1] if len(word) > 2 and word[-1] in "数额" else word


def _tokens(text: str) -> list[tuple] | None:
    """``(kind, value, offset)`` for numbers (value: their interval and unit), signs and brackets; None
    when the text is no expression (no sign, a date, two numbers with only words between)."""
    out: list[tuple] = []
    for m in _TOKEN.finditer(text):
        kind = "num" if m.group("num") is not None else m.lastgroup
        if kind == "space":
            continue
        if kind == "word":
            continue
        if kind == "num":
            unit = m.group("unit") or ""
            if unit == "月" and out and out[-1][:2] in (("op", "*"), ("op", "/")):
                unit = ""  # 28820元×12月: twelve months, not December
            if unit in _DATES and not any(t[0] == "op" for t in out):
                out = []  # a year or date naming what is computed (2024年执行率): a label
                continue
            if out and out[-1][0] == "num" and not any(t[0] == "op" for t in out):
                out = []  # 交通补贴1378元 72.5×19人=1377.5: an amount of its own before the computation
            if unit in _DATES or out and out[-1][0] in ("num", "close"):
                return None
            digits = m.group("num").replace(",", "")
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            value = Decimal(digits)
            exact = decimals == 0 and unit not in _MONEY
            iv = interval(value, decimals, "exact" if exact else "round")
            if unit == "%":
                iv = iv.scale(Decimal("0.01"))
            out.append(("num", (iv, unit), m.start()))
        elif kind in ("open", "close", "op"):
            if kind == "open" and out and out[-1][0] in ("num", "close"):
                return None
            out.append((kind, m.group(), m.start()))
    ops = sum(1 for t in out if t[0] == "op")
    nums = sum(1 for t in out if t[0] == "num")
    tail = out[-1][2] if out else len(text)
    if _CELLS_APART.search(text, tail) or _FORM_WORDS.search(text, tail):
        return None  # 24人/次 4产出指标 质量指标 工作任务完成率 正向 = 100%: a form's cells after the last
        # number, another row's, not of this computation (…30人合计发放=…, …×100%预算执行率=…: words of it)
    return out if ops and nums >= 2 else None


# an indicator form's own words after the last number (4产出指标质量指标…正向=): its cells run together
_FORM_WORDS = lazy(r"(?:产出|效益|满意度|数量|质量|时效|成本)指标|指标性质|指标方向|[正反]向")
_CELLS_APART = lazy(r"[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]")  # two words a blank apart: cells


class _Parser:
    """expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*; factor := number |
    '(' expression ')' | '-' factor. Values are ``(interval, units)``; None when it does not parse."""

    def __init__(self, tokens):
        self.tokens, self.i = tokens, 0

    def parse(self):
        try:
            value = self.expression()
        except (ValueError, ArithmeticError):
            return None
        return value if value is not None and self.i == len(self.tokens) else None

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else (None, None, None)

    def expression(self):
        left = self.term()
        while left is not None and self.peek()[1] in ("+", "-"):
            op = self.tokens[self.i][1]
            self.i += 1
            right = self.term()
            if right is None:
                return None
            units_ = left[1] | right[1]
            if len(units_ & _MONEY) > 1:
                return None
            left = (left[0] + right[0] if op == "+" else left[0] - right[0], units_)
        return left

    def term(self):
        left = self.factor()
        while left is not None and self.peek()[1] in ("*", "/"):
            op = self.tokens[self.i][1]
            self.i += 1
            right = self.factor()
            if right is None:
                return None
            value = left[0] * right[0] if op == "*" else left[0] / right[0]
            if value is None:
                return None  # a divisor that may be zero
            left = (value, left[1] | right[1])
        return left

    def factor(self):
        kind, value, _ = self.peek()
        if kind == "num":
            self.i += 1
            iv, unit = value
            return iv, {unit} if unit in units.MONEY or unit in _MONEY else set()
        if kind == "op" and value == "-":
            self.i += 1
            inner = self.factor()
            return None if inner is None else (Interval(-inner[0].hi, -inner[0].lo), inner[1])
        if kind == "open":
            self.i += 1
            inner = self.expression()
            if inner is None or self.peek()[0] != "close":
                return None
            self.i += 1
            return inner
        return None
