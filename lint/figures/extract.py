"""Find every stated quantity in a block of text.

A figure is a number as written (Arabic with or without grouping commas, full-width digits, Chinese
numerals before a measure word, fractions such as 三分之一, 1/3, 千分之六, 百分之三十), or an amount's slot
a template left empty (事业收入 /万元: none, exactly 0); a magnitude written inside it (1.2万家, 3.01万人;
an amount in two magnitudes, 405亿9629万元 or 2兆749亿元, is one figure in 亿元; 万 or 亿 with decimals and no
unit after it, in a sentence naming money, is 万元 or 亿元: 项目总预算1410.00万), its unit (from
``units.txt``), its qualifier (约/近/超/逾/余/多/以上/不少于/≥/以内/…: a bound, not a point; either end of a
range, 在 a 至 b 之间 or 10-80万元, is one too), its label
(the words before it in its clause) and its place.

Numbers that are not quantities are left out: runs of more than 40 digits and separators, years (2022年,
〔2018〕, 2021-2024), dates and month ranges (1-3月, 5月11日), document numbers (…101号), ordinals and
references (第3, 表1, 图11, 附件2), list markers (1. (1) ① at the start of a line), page numbers after
table-of-contents leaders, codes and phone numbers (six or more bare digits, 020-12345678), URLs and e-mail
addresses, section numbers (1.2.3), and tokens glued to Latin letters (5G, GB2312).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from decimal import Decimal, localcontext

from ..model import Block, Figure
from ..regex import lazy
from . import numbers, units

_UNIT_ALT = "|".join(re.escape(s) for s in units.symbols())
_CN_NUM = "[零〇一二两三四五六七八九十百千]"
#: a Chinese numeral is a candidate only when a unit or a magnitude may follow it (一是, 统一 are not)
_UNIT_FIRST = re.escape("".join(sorted({s[0] for s in units.symbols()})))
_CN_NUM_BIG = "[零〇一二两三四五六七八九十百千万亿]"

#: the lookahead lets the scan skip, in C, every position no alternative can start at (5x faster)
_FIGURE = lazy(
    rf"""
    (?=[\d零〇一二两三四五六七八九十百千万亿\-−/／])
    (?:(?P<slot>(?<=[\u4e00-\u9fff\s：:）)])[/／](?=[ \u3000]{{0,2}}(?:万元|亿元|元)(?:[，,。；;、\s]|$)))
  | (?P<frac_cn>(?<!{_CN_NUM_BIG})(?P<den>{_CN_NUM_BIG}{{1,12}}|\d+)分之
                 (?P<numer>{_CN_NUM_BIG}{{1,12}}|\d+(?:\.\d+)?))
  | (?P<frac>(?<![\d/.])(?P<fn>\d{{1,2}})/(?P<fd>\d{{1,3}})(?![\d/]))
  | (?P<sign>(?<![\d.])[-−])?(?P<num>(?<!\d)(?<!\d,)\d+(?:,\d+){{0,12}}(?:\.\d+)?(?!\d|,\d))
  | (?P<cn>(?<!第)(?<![零〇一二两三四五六七八九十百千万亿])(?<!\d){_CN_NUM}+)
      (?=[ \u3000]{{0,2}}(?:余|多)?[万亿千{_UNIT_FIRST}]))
    """,
    re.VERBOSE,
)
_AFTER = lazy(  # (three or four blanks before a money unit or %: a justified line's, 2415.45   万元)
    rf"(?:[ \u3000]{{3,4}}(?=万元|亿元|%|％)|[ \u3000]{{0,2}})(?P<approx1>余|多)?"
    rf"(?:(?P<unit>{_UNIT_ALT})|(?P<mag>万|亿|千)(?P<approx2>余|多)?[ \u3000]{{0,2}}(?P<unit2>{_UNIT_ALT})?)?"
    rf"(?:(?:[（(]含[）)])?及?(?P<post>以上|以下|以内|左右|之内))?"  # 90分（含）以上, 60分及以下
)
_BEFORE_QUALIFIERS = (
    ("不少于", "ge"), ("不低于", "ge"), ("不超过", "le"), ("不高于", "le"), ("超过", "ge"), ("多于", "ge"),
    ("大于", "ge"), ("高于", "ge"), ("小于", "le"), ("少于", "le"), ("低于", "le"), ("不足", "le"),
    ("不到", "le"), ("大约", "about"), ("约", "about"), ("近", "about"), ("超", "ge"), ("逾", "ge"),
    ("≥", "ge"), (">=", "ge"), ("＞", "ge"), (">", "ge"), ("≤", "le"), ("<=", "le"), ("＜", "le"),
    ("<", "le"), ("～", "about"), ("~", "about"),
)
#: characters that make a one-character qualifier part of another word (节约, 最近, 附近, 赶超)
_NOT_QUALIFIED = frozenset("节制简预相最附将赶签履合彩Bb")  # 签约, 履约, 合约: a contract, not about;
# 彩超, B超: an ultrasound scanner, not more than
_POST_QUALIFIER = {"以上": "ge", "以下": "le", "以内": "le", "之内": "le", "左右": "about"}
_MAGNITUDE = {"万": 4, "亿": 8, "千": 3}
_WORD_OPENERS = {"本": "年期级部单次表项月日届", "支": "持出付"}  # a unit character opening a word after it

# an address starts where a run of its characters starts (never inside one), so scanning stays linear
_URL = lazy(r"(?:https?://|www\.)[^\s，。；、）)]+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,255}",
                  re.ASCII)
#: written to start with a character class (0 or 1 not after a digit), which the scan skips to in C
_PHONE = lazy(r"[01](?<!\d[01])(?:(?<=0)\d{2,3}-\d{7,8}|(?<=1)[3-9]\d{9})(?!\d)")
_LEADER = lazy(r"(?=[.…·])(?:\.{3,}|…+|·{3,})[\s\t]*$")
_LIST_MARKER = lazy(r"^[\s\t]*[(（]?$")
_REFERENCE = ("第", "表", "图", "附件", "附表", "附图", "序号", "编号", "条", "章", "节", "篇", "卷", "版",
              "No.", "NO.", "no.")
_NOT_REFERENCE = ("问卷", "试卷", "答卷", "考卷", "案卷")
"""Words ending in a reference word that are no reference (问卷480份: questionnaires, not volume 480)."""
#: a date or time unit right after the number, or a range ending in one (1-3月)
_DATE_AFTER = lazy(r"[ \u3000]?(?:年|月|日|号|时|周岁|届|世纪|点\d)"
                         r"|[-－—~～至到]\d+[ \u3000]?(?:年|月|日|号)")
_CLAUSE_BREAK = lazy(r"[，,。；;：:、\t\n！？!?（）()【】“”\"《》]")
_LAST_BREAK = lazy(r".*" + _CLAUSE_BREAK.pattern, re.DOTALL)
#: link words trimmed off a label's end, as often as they repeat (支出为 → 支出); none ends another
_LINK_WORDS = ("为", "是", "达到", "达", "共计", "了", "的")
#: verbs ending in 达, which is no link word there (共下达 X: the amount 下达, not 共下 达 X)
_VERBS_IN_DA = ("下达", "送达", "传达", "转达", "直达")
#: characters of the longest number taken for a figure (999,999,999,999,999.99 has 22)
_LONGEST = 40


def extract(block: Block, index: int = 0) -> list[Figure]:
    """Every figure in ``block`` (whose index in its document is ``index``), in text order."""
    text = numbers.narrow(block.text)
    starts, reach = _skipped(text)
    figures: list[Figure] = []
    last_end = 0
    for m in _FIGURE.finditer(text):
        start = m.start()
        if starts and (i := bisect.bisect_right(starts, start) - 1) >= 0 and reach[i] > start:
            continue  # inside an address or a phone number
        if start < last_end:
            continue  # inside the figure before: 3万4993.1亿元 is one
        if start and text[start - 1] in _LOST:
            continue  # ?8639萬元: a character lost right before it, a digit of it maybe (garbled text)
        parsed = _parse(text, m)
        if parsed is None:
            continue
        value, decimals, unit, end, qualifier, exact, num_start = parsed
        label_start = _label_start(text, start, last_end)
        label, qualifier_before = _label(_unparenthesised(text[label_start:start]))
        figures.append(
            Figure(
                value=value,
                text=block.text[num_start:end].strip(),
                decimals=decimals,
                unit=unit,
                start=num_start,
                end=end,
                block=index,
                span=block.span(num_start, end),
                qualifier=qualifier or qualifier_before,
                label=label,
                exact=exact,
            )
        )
        last_end = end
    return _ranges(text, _shared_units(text, figures))


def _shared_units(text: str, figures: list[Figure]) -> list[Figure]:
    """A list of bare numbers whose unit is written once, after its last (预算分别为3260.00、2845.50、
    640.00万元; 分别增长3.5、4.2和5.1%): each takes that unit. Not after 第 (第1、2、3项: ordinals)."""
    k = len(figures) - 1
    while k > 0:
        last = figures[k]
        run = k
        while run > 0 and not figures[run - 1].unit and _LISTED.fullmatch(text, figures[run - 1].end,
                                                                          figures[run].start):
            run -= 1
        if run < k and last.unit and last.text.endswith(last.unit) \
                and _PLAIN.fullmatch(last.text[: -len(last.unit)].strip()) \
                and not _ORDINALS.search(text, max(0, figures[run].start - 12), figures[run].start):
            for i in range(run, k):
                figures[i] = replace(figures[i], unit=last.unit)
        k = run - 1
    return figures


def _ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """The two ends of a range (在20.00万元至62.00万元之间, 从20万元到62万元不等, 10-80万元): bounds, not
    points (qualifier ``range``), the first taking the second's unit when it has none. Not a move
    (从20万元增加到62万元: words between), nor 至 or 到 without 之间 or 不等 after (由A至B)."""
    for k in range(len(figures) - 1):
        a, b = figures[k], figures[k + 1]
        joined = _RANGE_JOIN.fullmatch(text, a.end, b.start)
        if joined is None or not a.is_point or not (b.is_point or b.qualifier == "about" and joined.group(2)):
            continue  # (10万元～80万元: the tilde read as 约 before 80)
        if joined.group(1) and not _RANGE_SAID.match(text, b.end) \
                and not _RANGE_OPENS.search(text, max(0, a.start - 4), a.start):
            continue
        if not joined.group(1) and (not b.unit or a.unit not in ("", b.unit)):
            continue  # a dash between figures of two units, or none: no range (10-80万元, 10万元~80万元 are)
        figures[k] = replace(a, qualifier="range", unit=a.unit or b.unit)
        figures[k + 1] = replace(b, qualifier="range")
    return figures


_RANGE_JOIN = lazy(r"[ \u3000]*(?:(至|到)|[-－—–]|([~～]))[ \u3000]*")  # (not across a table's cells)
_RANGE_SAID = lazy(r"\s*(?:之间|不等|区间|的区间|范围内)")
_RANGE_OPENS = lazy(r"介于\s*$")
_LOST = "?？\ufffd"  # what a decoder or converter leaves for a character it could not read
_LISTED = lazy(r"\s*(?:、|和|及|与|以及)\s*")  # between two numbers of one list
_ORDINALS = lazy(r"第[\d、和及与\s]*$")  # 第1、2、3项
_PLAIN = lazy(r"[-+]?\d[\d,]*(?:\.\d+)?")  # the last number bare before its unit (not 5万人: its 万 unshared)


def _skipped(text: str) -> tuple[list[int], list[int]]:
    """Where the addresses and phone numbers of ``text`` start, in order, and for each how far they reach
    (the furthest end among it and those before): a position is in one when the last start at or before
    it reaches beyond it."""
    ranges = []
    if "@" in text or "www." in text or "://" in text:  # the address scan is slow; most blocks have none
        ranges += [(m.start(), m.end()) for m in _URL.finditer(text)]
    ranges += [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    ranges.sort()
    starts, reach, far = [], [], 0
    for a, b in ranges:
        far = max(far, b)
        starts.append(a)
        reach.append(far)
    return starts, reach


def _parse(text: str, m: re.Match):
    """``(value, decimals, unit, end, qualifier, exact, start)`` for a candidate, or None if not a figure."""
    kind = m.lastgroup  # the alternative that matched: its outer group closes last
    if m.end() - m.start() > _LONGEST:
        return None  # a run of digits no report states as one quantity (a 5 MB line of 1,234,)
    if kind == "num":
        return _parse_arabic(text, m)
    if kind == "cn":
        return _parse_chinese(text, m)
    if kind == "slot":  # 事业收入 /万元: an amount's slot left empty, a template's way to write none
        after = _AFTER.match(text, m.end())
        return Decimal(0), 0, units.canonical(after.group("unit")), after.end(), "", True, m.start()
    start, end = m.start(), m.end()
    before = text[max(0, start - 4) : start]
    if kind == "frac_cn":
        den, numer = _cn_or_arabic(m.group("den")), _cn_or_arabic(m.group("numer"))
        if den is None or numer is None or den == 0:
            return None
        if den == 100:  # 百分之三十 is 30%
            return numer, 6 if numer != numer.to_integral_value() else 0, "%", end, "", True, start
        if den == 1000:  # 千分之六 is 6‰
            return numer, 0, "‰", end, "", True, start
        return _ratio(numer, den), 28, "", end, "", True, start
    n, d = int(m.group("fn")), int(m.group("fd"))
    if not 0 < n < d or before.endswith(("第", "表", "图")):
        return None
    return _ratio(Decimal(n), Decimal(d)), 28, "", end, "", True, start


def _parse_chinese(text: str, m: re.Match):
    value = numbers.chinese(m.group("cn"))
    after = _AFTER.match(text, m.end())
    unit = (after.group("unit") or after.group("unit2")) if after else None
    if value is None or not unit or after.group("mag") and after.group("mag") == "千":
        return None
    if unit in ("分", "元") or unit.startswith("个") and len(m.group("cn")) == 1 and m.group("cn") == "两":
        return None  # 十分 (very), 三元 (…) are words more often than figures
    if unit == "期" and (_PHASE_BEFORE.search(text, max(0, m.start() - 2), m.start())
                        or _PHASE_AFTER.match(text, after.end())):
        return None  # 整治项目一期, 二期工程: a phase's name, no count of sessions
    if after.group("mag") == "万" and unit == "元" or text[m.end() : m.end() + 2] in ("万元", "亿元"):
        return None  # 万元 after a Chinese numeral is rare and usually a word
    exp = _MAGNITUDE.get(after.group("mag") or "", 0)
    scaled = Decimal(value).scaleb(exp)
    return scaled, 0, units.canonical(unit), after.end(), _qualified(after), True, m.start()


_PHASE_BEFORE = lazy(r"(?:项目|程)$")  # (工程 too)
_PHASE_AFTER = lazy(r"(?:工程|项目|建设|扩建|改造)")
_LATIN_UNIT = lazy(r"(?:km|Km|KM|m²|m³)(?![A-Za-z²³/])")  # (not 12.5km², 60km/h)


_COMPARING = ("比", "较", "与", "同")
_FUSED_YEAR = lazy(r"(?:19|20)\d\d\d{1,6}\.\d+")  # a year's digits, then an amount's, no grouping


def _year_said(text: str, year: int) -> bool:
    """Whether ``text`` names ``year`` or the year after it (2015年 beside a fused 2014)."""
    return f"{year}年" in text or f"{year + 1}年" in text


def _parse_arabic(text: str, m: re.Match):
    start, num = m.start(), m.group("num")
    num_start = m.start("num")
    end = m.end()
    before = text[max(0, num_start - 4) : num_start]
    following = text[end : end + 3]
    prev, nxt = before[-1:], following[:1]
    # glued to Latin letters or digits around a dot: codes, versions, section numbers
    latin_after = nxt.isascii() and nxt.isalpha() and not _LATIN_UNIT.match(text, end)  # (not 3.75km)
    if prev.isascii() and prev.isalpha() or latin_after:
        return None
    if nxt == "." and following[1:2].isdigit() or prev == ".":
        return None
    if _DATE_AFTER.match(text, end):
        return None
    if before.endswith(_REFERENCE) and not before.endswith(_NOT_REFERENCE) \
            or before.endswith(("第 ", "表 ", "图 ")):
        return None
    if _LEADER.search(text, max(0, num_start - 12), num_start):
        return None
    if nxt in (".", "、", "．", ")", "）") and (nxt == "、" or not following[1:2].isdigit()):
        reach = max(0, num_start - 8)  # a list marker's line opens at most a few characters before it
        line_start = text.rfind("\n", reach, num_start) + 1 or (0 if reach == 0 else None)
        prefix = text[line_start:num_start] if line_start is not None else "…"
        if _LIST_MARKER.match(prefix) or prefix.strip() == "":
            return None
    if nxt in (")", "）") and prev in ("(", "（"):
        return None  # (1) anywhere
    if prev in _COMPARING and _FUSED_YEAR.fullmatch(num) and _year_said(text, int(num[:4])):
        return None  # 比201423.45万元: a year whose 年 a copy lost, run into the amount (比2014年23.45万元),
        # the year or the one after it named in the paragraph (not 较20123.45万元 in a report of 2023)
    value, decimals, _ = numbers.arabic(num)  # malformed grouping is the format kind's finding
    after = _AFTER.match(text, end)
    unit = after.group("unit") or after.group("unit2") or ""
    mag = after.group("mag") or ""
    if _opens_word(text, after, unit):
        unit = ""  # 5683.22 本年支出合计: 本 opens the next word (本年, 本级), no count of books (nor 支持)
    if text[end : end + 1] in ("亿", "兆") and not m.group("sign") and "." not in num and "," not in num:
        compound = _compound(text, end, Decimal(num))
        if compound is not None:
            return compound + (num_start,)
    if mag == "万" and not unit and not m.group("sign") and "." not in num and "," not in num:
        mixed = _mixed(text, after.end(), Decimal(num))
        if mixed is not None:
            return mixed + (num_start,)
    if mag and not unit:
        # 1.2万 with no unit after: a magnitude only if nothing word-like follows directly
        nxt = text[after.end() : after.end() + 1]
        if nxt and "\u4e00" <= nxt <= "\u9fff":
            mag = ""
        elif mag in ("万", "亿") and decimals >= 1 and _money_in_wan(text, num_start):
            unit, mag = mag + "元", ""  # 项目总预算1410.00万，其中…340.00万: 万元 written 万 (decimals kept)
    if not unit and not mag:
        plain = num.replace(",", "")
        if "." not in plain and "," not in num:
            if len(plain) == 4 and 1900 <= int(plain) <= 2100:
                return None  # a year: 2022, 〔2018〕, 2021-2024
            if len(plain) >= 6:
                return None  # budget codes, account numbers
        figure_end = end
        qualifier = ""
    else:
        figure_end = after.end()
        qualifier = _qualified(after)
    if mag:
        exp = _MAGNITUDE[mag]
        value, decimals = value.scaleb(exp), decimals - exp
    if m.group("sign"):
        value = -value
    return (value, decimals, units.canonical(unit), figure_end, qualifier, False, num_start if not
            m.group("sign") else start)


_MIXED_TAIL = lazy(r"\d{1,4}(?:\.\d+)?(?![\d,])")
# money named in a sentence before a figure of 万 or 亿 with decimals and no unit (总预算1410.00万)
_MONEY_SAID = lazy(r"预算|资金|支出|收入|经费|金额|拨款|补助|补贴|投资|资助|奖补|决算|财政")
_YUAN_WRITTEN = lazy(r"\d\s*[万亿千]?元")  # an amount with its 元 written out


def _money_in_wan(text: str, at: int) -> bool:
    """Whether a figure of 万 or 亿 with no unit at ``at`` is money: its sentence names money before it and
    writes no amount with 元 (本年补助资金支出350.00万元，…，惠及农户2.35万: 万元 written out, 万 a count)."""
    lo, hi = max(0, at - _REACH), min(len(text), at + _REACH)  # (a text without stops: bounded work)
    start = max(lo, *(text.rfind(c, lo, at) + 1 for c in "。；;\n"))
    ends = [k for k in (text.find(c, at, hi) for c in "。；;\n") if k != -1]
    return _MONEY_SAID.search(text, start, at) is not None \
        and _YUAN_WRITTEN.search(text, start, min(ends, default=hi)) is None


_REACH = 300  # how far a sentence is looked for around a figure


def _mixed(text: str, at: int, myriads: Decimal):
    """3万4993.1亿元, 21万6784亿元, 12万3456人: a count of 万 written before the rest of the amount (up to
    four digits and the unit, no magnitude of its own), the way national statistics write large figures:
    one figure, 34,993.1 亿元. ``(value, decimals, unit, end, qualifier, exact)``, or None when what
    follows is no such rest (1万1万…, 3万4993万元)."""
    tail = _MIXED_TAIL.match(text, at)
    if tail is None:
        return None
    after = _AFTER.match(text, tail.end())
    unit = after.group("unit") if after else None
    if not unit or unit == "万元" or _opens_word(text, after, unit):
        return None  # (3万4993万元: 万 twice, no such amount)
    rest = Decimal(tail.group())
    decimals = len(tail.group()) - tail.group().index(".") - 1 if "." in tail.group() else 0
    return myriads.scaleb(4) + rest, decimals, units.canonical(unit), after.end(), _qualified(after), False


# 405亿9629万元, 2兆749亿元 (a 兆 is ten thousand 亿): the rest of an amount in the next magnitude down
_COMPOUND = lazy(r"(?:亿(?P<myriads>\d{1,4}(?:\.\d+)?)万|兆(?P<hundreds>\d{1,4}|\d,\d{3})亿)元(?![\d,])")


def _compound(text: str, at: int, lead: Decimal):
    """405亿9629万元 (405.9629 亿元), 2兆749亿元 (20,749 亿元): an amount of money written in two magnitudes,
    one figure in 亿元 (its decimals the smaller magnitude's); ``(value, decimals, unit, end, qualifier,
    exact)``, or None when what follows is no such rest (405亿元, 3亿5万人)."""
    m = _COMPOUND.match(text, at)
    if m is None:
        return None
    rest = m.group("myriads") or m.group("hundreds").replace(",", "")
    digits = len(rest) - rest.index(".") - 1 if "." in rest else 0
    if m.group("myriads") is not None:
        if Decimal(rest) >= 10000:
            return None
        value, decimals = lead + Decimal(rest).scaleb(-4), 4 + digits
    else:
        value, decimals = lead.scaleb(4) + Decimal(rest), 0
    after = _AFTER.match(text, m.end())  # (以上, 左右 after it)
    return value, decimals, units.canonical("亿元"), after.end(), _qualified(after), False


def _qualified(after: re.Match) -> str:
    """The qualifier said after a figure's number (余, 多: at least; 以上, 以下, 左右 …), or ''."""
    qualifier = "ge" if after.group("approx1") or after.group("approx2") else ""
    return _POST_QUALIFIER.get(after.group("post") or "", qualifier)


def _opens_word(text: str, after: re.Match, unit: str) -> bool:
    """Whether the unit character after a number opens the next word instead (本年, 本级; 支持)."""
    return unit in _WORD_OPENERS and text[after.end() : after.end() + 1] in _WORD_OPENERS[unit]


def _cn_or_arabic(text: str) -> Decimal | None:
    if text[0].isdigit():
        return Decimal(text)
    value = numbers.chinese(text)
    return None if value is None else Decimal(value)


def _ratio(numer: Decimal, den: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        return numer / den


def _label_start(text: str, start: int, last_end: int) -> int:
    lo = max(last_end, start - 40)
    stop = start
    # a parenthesis just before the number qualifies the label before it: 预算（含转移支付）434,353.82
    tail = text[lo:start].rstrip(" \u3000")
    if tail.endswith(("）", ")")) and ("（" in tail or "(" in tail):
        stop = max(tail.rfind("（"), tail.rfind("(")) + lo
    skip_to = stop
    colon = tail[-1:] in ("：", ":") and stop == start
    if colon:  # 自评得分：92.50分: the words before the colon name it
        skip_to = lo + len(tail) - 1
    while True:
        last = _LAST_BREAK.match(text, lo, skip_to)  # the last clause break before skip_to
        if last is None:
            return lo
        i = last.end() - 1
        opener = _inner_group(text, i, lo, stop)
        if opener is None:
            return i + 1
        skip_to = opener  # the group sits inside a name: look on before it


_GROUPS = {"）": "（", ")": "(", "”": "“", "’": "‘"}


def _inner_group(text: str, close: int, lo: int, stop: int) -> int | None:
    """Where a short bracketed or quoted group ending at ``close`` opens, when the group sits inside a
    name (因公出国（境）费, “三公”经费: a word character follows it), else None."""
    opener = _GROUPS.get(text[close])
    if opener is None or close + 1 >= stop or _CLAUSE_BREAK.match(text, close + 1):
        return None
    at = text.rfind(opener, max(lo, close - 8), close)
    return at if at >= 0 else None


_TRAILING_GROUP = lazy(r"[（(][^（()）]*[）)]\s*$")
_QUALIFIER_ENDS = tuple(word for word, _ in _BEFORE_QUALIFIERS)


def _unparenthesised(raw: str) -> str:
    return _TRAILING_GROUP.sub("", raw) if raw.rstrip().endswith(("）", ")")) else raw


def _label(raw: str) -> tuple[str, str]:
    """The label words and any qualifier written just before the number."""
    label = raw.strip(" \u3000").removesuffix("：").removesuffix(":").rstrip(" \u3000")
    qualifier = ""
    for word, kind in _BEFORE_QUALIFIERS if label.endswith(_QUALIFIER_ENDS) else ():
        if label.endswith(word) and not (len(word) == 1 and label[-2:-1] in _NOT_QUALIFIED):
            qualifier = kind
            label = label[: -len(word)].rstrip()
            break
    while label.endswith(_LINK_WORDS) and not label.endswith(_VERBS_IN_DA):
        label = label[: -next(len(w) for w in _LINK_WORDS if label.endswith(w))]
    return label.strip(" \u3000"), qualifier


def malformed(figure: Figure) -> bool:
    """True when the figure's grouping commas are misplaced (14,8134.51)."""
    if "," not in figure.text:
        return False
    digits = numbers.narrow(figure.text)
    m = re.match(r"[-−]?(\d+(?:,\d+)+(?:\.\d+)?)", digits)
    return bool(m) and not numbers.arabic(m.group(1))[2]
