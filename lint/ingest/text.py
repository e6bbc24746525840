"""Plain text and Markdown: decode, undo hard line wraps, strip stray markup, keep every position.

Decoding tries ``utf-8-sig`` (UTF-8 with or without BOM), then ``gb18030`` (a superset of GBK and
GB2312). Those strict decoders, in that order, decode short Chinese text more reliably than charset
detectors. A file that is neither is read line by line when each line is one or the other (a GBK file
appended to in UTF-8: a note names the first line of the second), else decoded with replacement
characters and a note names the first bad byte, so one bad byte never hides the rest of a report. What
only a guess would read is read on evidence: UTF-16 without its byte-order mark (every other byte NUL
beside the digits), UTF-7 (ASCII whose ``+…-`` runs decode into Chinese), a UTF-16 mark before UTF-8 or
GBK bytes; and bytes that GB18030 turns into no Chinese a report is written in (Shift-JIS, EUC-KR,
EBCDIC: kana, Hangul and digits read as rare ideographs; kanji that EUC-JP reads far better) are refused as
not text, never checked as if read. The evidence is the share of Chinese's few hundred most frequent
characters among the ideographs: a report's is 75-90 %, a list of names' 17-26 %, such bytes' 0-20 %.

Converters from PDF/DOCX break lines every few dozen characters and sometimes put a blank line after each. A
line is taken as *wrapped* (its paragraph goes on in the next non-blank line) when the document shows a
dominant line width and the line reaches it without closing its sentence (a table's caption or unit line, or a
numbered heading without a sentence, ending 说明 or 情况, is whole at any width, and so is a contents entry
ending in its leader and page number), or when the line, however
short, ends mid-sentence (in ``，`` or ``、``) and the next line opens no list item or table caption, or
the next line opens on closing punctuation (``，``, ``）``, ``”``: no paragraph does). Wrapped
lines are joined with nothing between them (Chinese has no spaces; a number broken at the line end is whole
again); each source line keeps its own origin so every character still maps to its line and column.

Markdown emphasis (``**``/``__``), heading marks, link targets (``[text](#anchor)`` keeps its text), a
character's reading a web page glossed after it in pinyin (``發(fā)布``), LaTeX
dollars and ``\\%`` (and the spaces a converter puts between a formula's digits, ``$9 8 . 2 0 \\%$``) are
dropped or unescaped segment by segment, again keeping positions. Lines holding tabs are table rows: they
are kept as one block each and never joined; so are the rows of Markdown pipe tables (with an alignment
row, or between two borders without one, as web pages' converters write them), of pandoc grid tables (a
row's lines between two borders joined cell by cell) and of HTML ``<table>`` elements (MinerU writes a PDF's
tables so, read on their grid as the HTML reader reads them).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from pathlib import Path

from ..model import Block, Document, Finding, Severity, Span
from ..regex import lazy
from . import script
from .invisible import BIDI, INVISIBLE, note

_SENTENCE_END = "。！？；：:;!?）)”」』】"
#: a line ending in these broke off mid-sentence: its paragraph goes on in the next line
_MID_SENTENCE = "，、,"
NEVER_FIRST = "、，。；：,;:）)」』”’"  # marks that close what comes before them: never a paragraph's first
_CLOSING = lazy(rf"\s*[{NEVER_FIRST}》]")  # a line opening so goes on the line before (⏎ ，60分以下为“差”)
#: what opens a list item or a numbered heading (二、 （三） 4. ①, 7．2025年…): such a line starts a paragraph
LIST_ITEM = (r"\d{1,2}(?:[.．](?!\d)|、|[.．](?=(?:19|20)\d\d年))|[（(][一二三四五六七八九十\d]{1,3}[)）]"
             r"|[一二三四五六七八九十]{1,3}、|[①-⑳]")
#: here also a Markdown list item or table row, and 4) 4）
_ITEM = lazy(rf"\s*(?:[-*+]\s|\||\d{{1,2}}[)）](?!\d)|{LIST_ITEM})")
_BULLET = lazy(r"\s*(?:——|[•●▪])")  # a dash or bullet item (——A a；), after a list's colon or another item
_PINYIN = r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)"  # 發(fā)布: a reading glossed
# inline HTML a Markdown file may hold: an element hidden from readers, with its text (<span
# style="display:none">1</span>) and a note's mark (<sup>1</sup>, never run into the figure after it), then
# any inline tag alone (<b>700.00</b>万元: the 700.00万元 shown)
_INLINE_HTML = (r"<(?P<hid>span|font|div|i|b)\b[^<>\n]{0,200}?"
                r"style\s*=\s*[\"'][^\"'<>\n]{0,200}?(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*;?\s*[\"']"
                r"[^<>\n]{0,200}>[^<\n]{0,200}</(?P=hid)>"
                r"|<(?P<note>sup|sub)\b[^<>\n]{0,200}>[^<\n]{0,6}</(?P=note)>"  # <sup>1</sup>: a note's mark
                r"|</?(?:b|i|u|em|strong|font|span|mark|small|big|s|strike|ins)\b[^<>\n]{0,200}>")
_MARKUP = lazy(rf"\*\*|__|\$|\\(?=[%$])|\\times|\\cdot|&nbsp;|<br\s*/?>|{INVISIBLE.pattern}|{_PINYIN}"
               rf"|{_INLINE_HTML}"
               r"|\[(?=[^\[\]\n]{1,200}\]\([^()\s]{0,300}\))|\]\([^()\s]{0,300}\)")  # [text](link): the text
_MATH = lazy(r"\$[^$\n]{1,200}\$")
# $9 8 . 2 0 \%$ as a converter spaces it: 98.20%; and a thousands comma, $3 , 1 9 8 . 7 4$: 3,198.74
_MATH_GAP = lazy(r"(?<=[\d.]) +(?=[\d.%\\])|(?<=\d) +(?=, ?\d ?\d ?\d(?! ?\d))"
                 r"|(?:(?<=\d ,)|(?<=\d,)) +(?=\d ?\d ?\d(?! ?\d))")
_MARKUP_REPLACEMENT = {"\\times": "×", "\\cdot": "·", "&nbsp;": " "}
_HEADING = lazy(r"^\s{0,3}#{1,6}\s+")
#: the alignment row under a Markdown table's header: | --- | :---: | ---: |
ALIGNMENT = lazy(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$"
                        r"|^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|\s*$"  # | :-- | --: |, as GFM allows
                        r"|^\s*\|\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE = lazy(r"(?<!\\)\|")
_COMMENT = lazy(r"^\s*<!--.*-->\s*$")


class ReadError(Exception):
    """The file could not be read at all (missing, a directory, no permission)."""


_STRAY_LIMIT = 4  # undecodable units a marked UTF-16 or UTF-32 text may hold and still be read as marked
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> tuple[str, str, int | None]:
    """Decode bytes: ``(text, encoding, offset of the first undecodable byte or None)``.

    A byte-order mark decides (UTF-32 before UTF-16, whose mark is a prefix of it) when what it decodes is
    Chinese at all (:func:`_garbled`; else the mark is a stray one before the text); else UTF-16
    without a mark (:func:`_unmarked_utf16`), UTF-7 (:func:`_utf7`), strict UTF-8, then strict GB18030 (or
    Big5, when the bytes are traditional Chinese by the evidence of :func:`_traditional`); else each line
    in whichever of the two decodes it, when every line is one of them (``MIXED``); else whichever of the two
    leaves fewer characters it cannot decode, with replacement characters for those."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            bad = None
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:  # a stray byte or two (a cut last character): the rest is read
                text, bad = data.decode(encoding, errors="replace"), exc.start
                if text.count("\ufffd") > _STRAY_LIMIT or not any(c.isdigit() and c.isascii() for c in text):
                    text = None  # (other bytes behind the mark read as units: no ASCII digit among them)
            if text is not None and not _garbled(text):
                return text, encoding, bad
            if encoding == "utf-16":  # (a UTF-16 mark before UTF-8 or GBK bytes: an editor's slip)
                text, inner, bad = _unmarked(data[len(bom):])
                return text, f"{inner} (after a stray UTF-16 byte-order mark)", bad
            break
    return _unmarked(data)


def _unmarked(data: bytes) -> tuple[str, str, int | None]:
    """:func:`decode` of bytes whose byte-order mark, if any, did not decide."""
    for guess in (_unmarked_utf16, _unmarked_utf32, _utf7, _escaped):
        found = guess(data)
        if found is not None:
            return (*found, None)
    try:
        return data.decode("utf-8-sig"), "utf-8-sig", None
    except UnicodeDecodeError:
        pass
    stray = data.startswith(b"\xef\xbb\xbf")  # (a UTF-8 mark before GBK bytes: an editor's slip)
    body = data[3:] if stray else data
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        mixed = _by_line(body) if not stray else None
        if mixed is not None:  # (lines appended in UTF-8 to a GBK file: they decode as GB18030 too)
            return mixed, MIXED, None
        traditional = _traditional(body)
        if traditional is None and (_garbled(text) or any("\ue000" <= c <= "\uf8ff" for c in text[:20000])):
            # (a short Big5 text, too few ideographs to weigh: GB18030 reads its bytes into private-use ones;
            # Big5's reading taken only when it reads more of the frequent characters: not GBK with 造字)
            try:
                big5 = body.decode("big5")
                frequent = [sum(1 for c in t[:20000] if c in _FREQUENT) for t in (text, big5)]
                traditional = big5 if not _garbled(big5) and frequent[1] > frequent[0] else None
            except UnicodeDecodeError:
                pass
        text, encoding = (traditional, "big5") if traditional is not None else (text, "gb18030")
        return text, f"{encoding} (after a stray UTF-8 byte-order mark)" if stray else encoding, None
    mixed = _by_line(data)
    if mixed is not None:
        return mixed, MIXED, None
    best = None
    for encoding in ("utf-8", "gb18030"):
        text = data.decode(encoding, errors="replace")
        if best is None or text.count("\ufffd") < best[0].count("\ufffd"):
            try:
                data.decode(encoding)
                bad = None
            except UnicodeDecodeError as exc:
                bad = exc.start
            best = (text, f"{encoding} (with replacements)", bad)
    return best


#: the encoding :func:`decode` names a file whose lines are each UTF-8 or GB18030, some of each
MIXED = "utf-8 and gb18030, line by line"


def _by_line(data: bytes) -> str | None:
    """The text of bytes whose every line is strict UTF-8 or strict GB18030, some lines of each (a line
    both decode is the one whose reading has more of Chinese's frequent characters: UTF-8 bytes often
    decode as GB18030 too, into rare ones), or None."""
    out, kinds = [], set()
    for line in data.split(b"\n"):
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        read = _line_read(line)
        if read is None:
            return None
        out.append(read[0])
        kinds.add(read[1])
    text = "\n".join(out)
    return text if len(kinds) == 2 and not _garbled(text) else None


def _line_read(line: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` of one non-ASCII line in whichever of UTF-8 and GB18030 reads it as more of
    Chinese's frequent characters (GB18030 on a tie: a GBK line that is valid UTF-8 by chance), or None
    when neither decodes it, or when it is UTF-8 but for a stray byte or two (GB18030 decoding it too)."""
    found = []
    for encoding in ("gb18030", "utf-8"):
        try:
            found.append((line.decode(encoding), encoding))
        except UnicodeDecodeError:
            pass
    frequent = lambda read: sum(1 for c in read[0] if c in _FREQUENT)  # noqa: E731
    if [encoding for _, encoding in found] == ["gb18030"]:
        stray = line.decode("utf-8", errors="replace")
        if stray.count("\ufffd") <= 2 and frequent((stray, "")) >= frequent(found[0]):
            return None  # UTF-8 with a stray byte (a cp1252 0xA0 before 单位：万元), not a GBK line
    return max(found, key=frequent, default=None)


def first_of_second(data: bytes) -> int:
    """The line number of the first line of a ``MIXED`` file that is read as GB18030."""
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.isascii() and (_line_read(line) or ("", ""))[1] == "gb18030":
            return number
    return 1


def _unmarked_utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` of bytes without a byte-order mark that are UTF-16 by their NULs (the ASCII
    characters' other byte: digits, spaces, line ends; at least one in 16 bytes, nine in ten of them at one
    parity, which tells the byte order) and decode into Chinese (not :func:`_garbled`); else None."""
    head = data[:8192]
    if len(data) % 2 or head.count(0) * 16 < len(head):
        return None
    nuls = [i for i in range(len(head)) if head[i] == 0]
    odd = sum(i % 2 for i in nuls)
    for encoding, share in (("utf-16-le", odd), ("utf-16-be", len(nuls) - odd)):
        if share * 10 >= len(nuls) * 9:
            return _read_as(data, encoding)
    return None


def _read_as(data: bytes, encoding: str) -> tuple[str, str] | None:
    """``(text, encoding)`` of ``data`` decoded strictly in ``encoding`` into Chinese (not
    :func:`_garbled`), or None: the last test of each encoding :func:`decode` guesses."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _garbled(text) else (text, encoding)


def _utf7(data: bytes) -> tuple[str, str] | None:
    """``(text, "utf-7")`` of ASCII bytes whose ``+…-`` runs (at least three) decode as UTF-7 into Chinese
    (not :func:`_garbled`); else None."""
    if not data.isascii() or len(_UTF7_RUN.findall(data[:8192])) < 3:
        return None
    return _read_as(data, "utf-7")


_UTF7_RUN = lazy(rb"\+[A-Za-z0-9+/]{3,}-?")


def _unmarked_utf32(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` of bytes without a byte-order mark that are UTF-32 by their NULs (every
    character's high byte; the order told by where they stand) and decode into Chinese (not :func:`_garbled`);
    else None."""
    head = data[:8192]
    if len(data) % 4 or head.count(0) * 3 < len(head):
        return None
    for encoding, high in (("utf-32-le", 3), ("utf-32-be", 0)):
        if all(head[i] == 0 for i in range(high, len(head), 4)):
            return _read_as(data, encoding)
    return None


def _escaped(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` of 7-bit bytes that switch into Chinese by escapes (HZ's ``~{…~}``, ISO-2022's
    ``ESC $ …``) and decode so into Chinese (not :func:`_garbled`); else None."""
    if not data.isascii():
        return None
    head = data[:8192]
    tried = ("hz",) if head.count(b"~{") >= 3 else \
        ("iso2022_jp_2", "iso2022_kr") if head.count(b"\x1b$") >= 3 else ()
    return next((found for encoding in tried if (found := _read_as(data, encoding)) is not None), None)


def _garbled(text: str) -> bool:
    """Whether decoded text reads as no Chinese at all: of its ideographs (in its first 20,000 characters,
    at least 20 of them), under 10 % among the few hundred most frequent in Chinese and in budget reports
    (a report's share is 75-90 %, a list of villages' or people's names 17-26 %; Shift-JIS, EUC-KR or EBCDIC
    bytes read as GB18030, or UTF-8 bytes read as UTF-16, give 0-7 %)."""
    share = _frequent_share(text)
    return share is not None and share < 0.1


def _frequent_share(text: str) -> float | None:
    ideographs = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    if len(ideographs) < 20:
        return None
    return sum(1 for c in ideographs if c in _FREQUENT) / len(ideographs)


# the most frequent characters of modern Chinese (after Jun Da's frequency list) and of budget reports
_FREQUENT = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    "因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结"
    "解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领"
    "七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每"
    "目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影"
    "算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准"
    "精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严预项费财绩评执况")


def _traditional(data: bytes) -> str | None:
    """The text of bytes that GB18030 decodes but that are Big5 (traditional Chinese, as Taiwan and Hong
    Kong write it), or None: Big5 decodes them, and into the common characters (its first level) far more
    often than GB18030 decodes them into simplified ones (Big5 read as GB18030 gives kana and rare signs:
    2024や璸100.00窾じ)."""
    if data.isascii():
        return None
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return None
    gb = data.decode("gb18030")
    if _share(big5, _big5_common) > _share(gb, _common) + 0.3:
        return big5
    return None


def _share(text: str, common) -> float:
    """The share of a text's ideographs (in its first 20,000 characters) that are common ones (a GBK file's
    box-drawing lines, ─│┌, are no ideographs: they decode as Big5's common ones, and would tip the scale)."""
    ideographs = [c for c in text[:20000] if "\u4e00" <= c <= "\u9fff"]
    return sum(1 for c in ideographs if common(c)) / len(ideographs) if len(ideographs) >= 10 else 0.0


def _big5_common(char: str) -> bool:
    try:
        code = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xA440 <= int.from_bytes(code, "big") <= 0xC67E  # Big5's frequent characters


# EBCDIC text: letters and digits high, spaces 0x40 (@), line ends 0x15/0x25: no ASCII newline nor digit
_EBCDIC = lazy(rb"(?=(?:[^@]*@){3})[^\n\r0-9]{20,}")


def _read_better(text: str, data: bytes) -> str | None:
    """The East Asian encoding other than GB18030 (EUC-JP, Shift-JIS, EUC-KR) that reads ``data`` into
    far more of Chinese's frequent characters than GB18030 did into ``text`` (Japanese kanji in EUC-JP read
    as GB18030 land on common characters by chance, 10-20 %, as a list of names may), or None."""
    share = _frequent_share(text)
    if share is None or share >= 0.35:
        return None
    for encoding, name in (("euc_jp", "EUC-JP"), ("shift_jis", "Shift-JIS"), ("euc_kr", "EUC-KR")):
        try:
            other = _frequent_share(data[:65536].decode(encoding))
        except UnicodeDecodeError:
            continue
        if other is not None and other > 0.35 and other > 2 * share:
            return name
    return None


def plausible(text: str, encoding: str, data: bytes | None = None) -> str | None:
    """Why decoded text is not text after all, or None: many characters that could not be decoded, or
    bytes that GB18030 decodes only into rare characters (random bytes do; Chinese reports do not)."""
    bad = text.count("\ufffd")
    if bad > 8 and bad > len(text) // 50:
        return f"{bad} of its {len(text)} characters are neither UTF-8 nor GB18030"
    if encoding.startswith("gb18030"):
        cjk = [c for c in text[:20000] if "\u3400" <= c <= "\u9fff" or c > "\uffff"]
        if len(cjk) >= 50:
            common = sum(1 for c in cjk if _common(c))
            if common * 10 < len(cjk) * 7:
                return "its bytes decode as GB18030 only into rare characters (random bytes do)"
        other = _read_better(text, data) if data is not None else None
        if other:
            return (f"its bytes read as {other} text far better than as GB18030 (Japanese or Korean text, "
                    "not a Chinese report)")
        if _garbled(text):
            return ("its bytes decode as GB18030 into no Chinese a report is written in (Japanese Shift-JIS, "
                    "Korean EUC-KR or EBCDIC text does)")
        kana = sum(1 for c in text[:20000] if "\u3040" <= c <= "\u30ff")
        if kana >= 5 and kana * 10 >= len(cjk) + kana:
            return "its bytes decode as GB18030 into Japanese kana (Japanese EUC-JP text does)"
        private = sum(1 for c in text[:20000] if "\ue000" <= c <= "\uf8ff")
        if private > 2 and private * 20 > min(len(text), 20000) and _garbled(text):
            # (a few 造字 of names among ordinary Chinese: read)
            return "its bytes decode as GB18030 into private-use characters (EBCDIC or other bytes do)"
        if data is not None and _EBCDIC.fullmatch(data[:4096]) and (_frequent_share(text) or 0) < 0.3:
            # (not GBK prose whose e-mail addresses put @ between full-width letters)
            return "its bytes are EBCDIC (no ASCII line end or digit, its spaces read as @)"
    return None


def _common(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


_CONTROL = lazy(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def read_bytes(path: str | Path, name: str) -> bytes:
    """The file's bytes, or a :class:`ReadError` naming it; a binary file behind a text suffix is refused
    (NUL bytes, or many control characters, in its first 8 KB) rather than read as garbage."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    head = data[:8192]
    if not head.startswith(tuple(bom for bom, _ in _BOMS)) and _unmarked_utf16(data) is None \
            and _unmarked_utf32(data) is None:
        nul = head.find(b"\x00")
        if nul >= 0 or len(_CONTROL.findall(head)) > len(head) // 20:
            where = f" (a NUL byte at byte {nul})" if nul >= 0 else " (control characters)"
            raise ReadError(f"{name}: a binary file, not text{where}; crossfoot reads .txt and .md as text "
                            "and .docx, .pdf, .html in their own formats")
    return data


def read(path: str | Path, display: str | None = None) -> Document:
    """Read a .txt or .md file into a Document (raises :class:`ReadError` if it cannot be read)."""
    name = display or str(path)
    data = read_bytes(path, name)
    text, encoding, bad = decode(data)
    why = plausible(text, encoding, data)
    if why:
        raise ReadError(f"{name}: not text: {why}; crossfoot reads .txt and .md as UTF-8 or GB18030 text")
    notes: list[Finding] = []
    if encoding == MIXED:
        line = first_of_second(data)
        notes.append(Finding(code="ENC004", name="mixed-encodings", severity=Severity.WARNING,
                             message=f"lines in two encodings, UTF-8 and GB18030 (the first in GB18030: line "
                                     f"{line}); each line read in its own; save the file in one encoding",
                             path=name, span=Span(line, 1, line, 2)))
    if bad is not None:
        line = data[:bad].count(b"\n") + 1
        chosen = encoding.split(" ")[0]
        column = len(data[data.rfind(b"\n", 0, bad) + 1 : bad].decode(chosen, errors="replace")) + 1
        notes.append(
            Finding(
                code="ENC001",
                name="undecodable-bytes",
                severity=Severity.WARNING,
                message=(
                    f"bytes that are neither UTF-8 nor GB18030 (first at byte {bad}: "
                    f"0x{data[bad]:02X}); they are shown as U+FFFD and figures next to them may be lost"
                ),
                path=name,
                span=Span(line, column, line, column + 1),
            )
        )
    return parse(text, name, encoding=encoding, notes=tuple(notes))


def parse(text: str, path: str = "<string>", encoding: str = "utf-8", notes: tuple = ()) -> Document:
    """Turn decoded text into a Document (exposed for tests and for other readers' text parts)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if script.traditional(text):  # 繁體: read (and quoted) as 简体, one character for one
        text = script.simplified(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width, measure = _wrap_width(lines)
    soft = _soft_width(lines)  # (also where a width is found: a justified page's lines spread around it)
    blocks: list[Block] = []
    pieces: list[tuple[int, int, str]] = []  # (line, column, text) of the block being built

    def flush(kind: str = "paragraph") -> None:
        if pieces:
            blocks.append(_block(pieces, kind))
            pieces.clear()

    notes = list(notes)
    piped = _pipe_tables(lines)
    marked = _html_tables(lines)
    title = next((line.strip() for line in lines if line.strip()), "")
    folio = False  # the line before was a page's number, inside a paragraph going on
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or _COMMENT.match(raw):
            continue  # blank lines never end a paragraph on their own: converters insert them
        if pieces and (_FOLIO_LINE.match(raw) or folio and raw.strip() == title):
            folio = True  # a page break inside a paragraph: its number (- 1 -) and running header (the
            continue  # report's title) are no part of it, which goes on after them
        folio = False
        if number in marked:
            flush()
            for row in marked[number]:
                pieces.extend(row)
                flush("row")
            continue
        if number in piped:
            flush()
            if piped[number]:
                pieces.extend(piped[number])
                flush("row")
            continue
        bidi = next((i for i, c in enumerate(raw) if c in BIDI), None) if not raw.isascii() else None
        if bidi is not None:
            notes.append(note(path, number, bidi + 1, raw[bidi]))
        segments = _clean(raw)
        if not segments:
            continue
        if "\t" in raw:
            flush()
            pieces.extend((number, col, seg) for col, seg in segments)
            flush("row")
            continue
        heading = _HEADING.match(raw) is not None
        bullet = _BULLET.match(raw) is not None and pieces and (
            pieces[-1][2].rstrip()[-1:] in "：:；;。" or _BULLET.match(lines[pieces[-1][0] - 1]) is not None)
        if heading or pieces and (_ITEM.match(raw) or bullet or _CAPTION_LINE.match(raw)
                                  or _LEADER.search(raw.rstrip()[-_TAIL:])):
            flush()  # a heading, a list item, a table's caption or a contents entry after a line that broke
            # off mid-sentence
        pieces.extend((number, col, seg) for col, seg in segments)
        stripped = raw.rstrip()
        # a figure ending a line laid out with blanks and one opening the next: two cells of a layout
        # (310 资本性支出      3,719,420 ⏎ 31002 办公设备购置 …), never one number
        figures_meet = stripped[-1].isdigit() and "  " in stripped.strip() \
            and _next_text(lines, number).lstrip()[:1].isdigit()
        wrapped = not heading and not _laid_out(stripped) and not figures_meet and (
            stripped[-1] in _MID_SENTENCE
            or width is not None and measure(stripped) >= width - 2 and stripped[-1] not in _SENTENCE_END
            and not _titled(stripped) and not _LEADER.search(stripped[-_TAIL:])
            and not _figure_row(stripped)
            or soft is not None and len(stripped.lstrip()) >= soft and _broken(stripped)
            or measure is _shown and _shown(stripped) >= width - _MOVED and _broken(stripped)  # …各增加 ⏎
            or stripped[-1] in "；;" and _full(stripped, width, soft, measure)  # a list going on
            or _CUT_MARKER.search(stripped) is not None and _MARKER_GOES_ON.match(_next_text(lines, number))
            or stripped[-1] in "）)" and _full(stripped, width, soft, measure)
            and _AMOUNT_GOES_ON.match(_next_text(lines, number)) is not None  # …（类） ⏎ 535.33万元，占…
        )
        wrapped = wrapped or not heading and not _laid_out(stripped) and (
            _cut_number(stripped, lines, number) or _cut_before_number(stripped, lines, number)
            or _CLOSING.match(_next_text(lines, number)) is not None)  # ⏎ ，60分以下为“差”: no line opens so
        if not wrapped:
            flush("heading" if heading else "paragraph")
    flush()
    return Document(path=path, blocks=tuple(blocks), encoding=encoding, notes=tuple(notes),
                    lines=tuple(lines))


def _pipe_tables(lines: list[str]) -> dict[int, list[tuple[int, int, str]]]:
    """The rows of the Markdown tables (a header of ``|``-separated cells, an alignment row under it, and
    the rows down to the first line without a ``|``), by 1-based line number: each row's cells as pieces
    ``(line, column, text)`` with a tab piece between cells, so they are read as a tab-separated row; the
    alignment row maps to no pieces. A ``\\|`` inside a cell is a pipe, not a border."""
    rows: dict[int, list[tuple[int, int, str]]] = {}
    k = 0
    while k + 1 < len(lines):
        if "|" in lines[k] and ALIGNMENT.match(lines[k + 1]) and "-" in lines[k + 1]:
            bordered = lines[k].lstrip().startswith("|")
            rows[k + 1] = _cells(k + 1, lines[k])
            rows[k + 2] = []
            k += 2
            while k < len(lines) and "|" in lines[k] and lines[k].strip():
                rows[k + 1] = _cells(k + 1, lines[k], bordered)
                k += 1
            continue
        k += 1
    _grid_runs(lines, rows)
    _cell_runs(lines, rows)
    _bare_pipe_runs(lines, rows)
    _bordered_runs(lines, rows)
    _spaced_runs(lines, rows)
    return rows


def _cell_runs(lines: list[str], rows: dict[int, list[tuple[int, int, str]]]) -> None:
    """Add to ``rows`` the tables a web page's converter writes a cell a line, each closed by a pipe
    (``合 计 |`` ⏎ ``30.8 |``, or ``合 计`` ⏎ ``|``; a pipe alone after a closed cell is an empty one). Read
    only when the run tells its columns: header cells of words, then the first row's label and a figure, so
    the header counts the columns; then rows of that many cells, each a label and figures or blanks. The
    table ends at the first group that is not such a row (a second panel, a note): a two-panel table, whose
    rows hold two labels, is not read."""
    k = 0
    while k < len(lines):
        if k + 1 in rows or "|" not in lines[k] and not _CELL_LINE.fullmatch(lines[k]):
            k += 1
            continue
        cells, used, k = _cells_run(lines, rows, k)
        first = next((i for i, (_, _, t) in enumerate(cells) if _kind(t) == "number"), len(cells))
        width = first - 1  # header cells, then the first row's label, then its figure
        if width < 2 or any(_kind(t) != "words" for _, _, t in cells[: first]):
            continue
        table = [cells[:width]]
        for at in range(width, len(cells) - width + 1, width):
            group = cells[at : at + width]
            if _kind(group[0][2]) != "words" or any(_kind(t) not in ("number", "") for _, _, t in group[1:]):
                break
            table.append(group)
        if len(table) < 3:
            continue
        last = table[-1][-1][0]  # the line of the last cell read, and the pipe alone closing it
        for n in used:
            if n <= last or n == last + 1 and lines[n].strip() == "|":
                rows[n + 1] = []
        for group in table:
            rows[group[0][0] + 1] = _joined(group[0][0] + 1, [_span_pieces(lines, n, a, a + len(t)) if t
                                                               else [] for n, a, t in group])


_CELL_LINE = lazy(r"[^|]{1,40}")  # a cell's text alone on its line, its closing pipe on the next


def _cells_run(lines: list[str], rows: dict, k: int) -> tuple[list[tuple[int, int, str]], list[int], int]:
    """The cells (line, column, text) of a run of one-cell lines from line ``k``, the lines it used, and
    the line after it."""
    cells: list[tuple[int, int, str]] = []
    used: list[int] = []
    start = k
    pending = None  # a cell's text waiting for the pipe on the next line
    closed = False  # the last line closed a cell: a pipe alone after it is an empty cell
    while k < len(lines) and k + 1 not in rows:
        line = lines[k]
        stripped = line.strip()
        if not stripped:
            k += 1
            continue
        if stripped == "|":
            if pending is not None:
                cells.append(pending)
                used.append(pending[0])
            elif closed:
                cells.append((k, line.index("|"), ""))
            else:
                break
            used.append(k)
            pending, closed = None, True
        elif stripped.endswith("|") and stripped.count("|") == 1 and pending is None:
            text = stripped[:-1].strip()
            cells.append((k, line.index(text) if text else line.index("|"), text))
            used.append(k)
            closed = True
        elif "|" not in line and len(stripped) <= 40:
            if pending is not None and cells:
                break  # (two lines of text: no cell a line here)
            pending, closed = (k, line.index(stripped), stripped), False
        else:
            break
        k += 1
    return cells, used, max(k if cells else (pending[0] if pending else k), start + 1)


def _bordered_runs(lines: list[str], rows: dict[int, list[tuple[int, int, str]]]) -> None:
    """Add to ``rows`` the tables a web page's converter writes with both borders and no alignment row
    (``| 项目 | 预算数 | 执行数 |``): three lines or more, blank lines between them aside, each opening and
    closing with a pipe, the first the header (or two, a header of three cells or more and no digit over
    one row of values: a form's funds line). A run where a row has another number of cells than the
    header (a 合计 spanning 序号 and 名称, merged cells dropped) is not understood as a table and left as
    text: its cells' columns could not be told."""
    k = 0
    while k < len(lines):
        if k + 1 in rows or not _walled(lines[k]):
            k += 1
            continue
        run, j = [k], k + 1
        while j < len(lines) and j + 1 not in rows and (not lines[j].strip() or _walled(lines[j])):
            if lines[j].strip():
                run.append(j)
            j += 1
        width = len(_PIPE.findall(lines[run[0]])) - 1  # cells between the borders
        odd = sum(1 for n in run[1:] if len(_PIPE.findall(lines[n])) - 1 != width)
        single = len(run) == 2 and width >= 3 and re.search(r"\d", lines[run[1]]) \
            and not re.search(r"\d", lines[run[0]])  # (a form's header over its one row of values)
        if (len(run) >= _RUN or single) and width >= 2 and not odd:
            for n in run:
                rows[n + 1] = _cells(n + 1, lines[n])
        k = j


def _walled(line: str) -> bool:
    """Whether a line is a table's row between two borders: it opens and closes with a pipe."""
    stripped = line.strip()
    return len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|" and not stripped.endswith("\\|")


def _grid_runs(lines: list[str], rows: dict[int, list[tuple[int, int, str]]]) -> None:
    """Add to ``rows`` the grid tables pandoc writes (``+----+----+`` borders, ``+====+`` under the header,
    ``| a | b |`` lines between): the lines between two borders are one row, a cell wrapped over them
    joined line after line (项目支出（含 / 专项） reads 项目支出（含专项）), by the number of the row's first
    line; borders and the row's other lines map to no pieces."""
    k = 0
    while k < len(lines):
        if k + 1 in rows or not _GRID_BORDER.match(lines[k]):
            k += 1
            continue
        group: list[int] = []
        j = k
        while j < len(lines) and j + 1 not in rows:
            line = lines[j].strip()
            if _GRID_BORDER.match(line):
                if group:
                    rows[group[0] + 1] = _grid_row(group, lines)
                    rows.update((n + 1, []) for n in group[1:])
                group = []
                rows[j + 1] = []
            elif line.startswith("|") and line.endswith("|") and len(line) > 1:
                group.append(j)
            else:
                break
            j += 1
        rows.update((n + 1, []) for n in group)  # a row never closed by a border: not read
        k = j


_GRID_BORDER = lazy(r"\s*\+(?:[-=:]{2,}\+){2,}\s*$")


def _grid_row(group: list[int], lines: list[str]) -> list[tuple[int, int, str]]:
    """One row of a grid table, its cells' lines joined in order, tabs between cells."""
    per_line = [_split_cells(_cells(n + 1, lines[n])) for n in group]
    width = max(len(c) for c in per_line)
    return _joined(group[0] + 1, [[p for cells in per_line if c < len(cells) for p in cells[c]]
                                  for c in range(width)])


def _split_cells(pieces: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """A row's pieces cell by cell (the tab pieces between them left out)."""
    cells: list[list[tuple[int, int, str]]] = [[]]
    for piece in pieces:
        if piece[2] == "\t":
            cells.append([])
        else:
            cells[-1].append(piece)
    return cells


def _joined(number: int, cells: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """A row's pieces from its cells, a tab piece (at the next cell's place) between each two."""
    pieces: list[tuple[int, int, str]] = []
    for column, cell in enumerate(cells):
        if column:
            pieces.append((*cell[0][:2], "\t") if cell else (number, 1, "\t"))
        pieces += cell
    return pieces


def _span_pieces(lines: list[str], n: int, a: int, b: int) -> list[tuple[int, int, str]]:
    """The pieces of ``lines[n][a:b]`` (a cell of a line laid out with spaces), markup dropped."""
    return [(n + 1, a + column, segment) for column, segment in _clean(lines[n][a:b])]


def _html_tables(lines: list[str]) -> dict[int, list[list[tuple[int, int, str]]]]:
    """The rows of the HTML ``<table>`` elements in a Markdown or text file (MinerU and other converters
    write a PDF's tables so, often a whole table on one line): by the 1-based number of the line where each
    table starts, its rows as pieces with a tab piece between cells; the table's other lines map to no
    rows. Read on the grid as the HTML reader reads it (a merged cell's text once, empty cells where it
    spans). A table that is never closed (a file cut off) is read to its last line holding a cell's tag."""
    out: dict[int, list[list[tuple[int, int, str]]]] = {}
    k = 0
    while k < len(lines):
        if _TABLE_OPEN.search(lines[k]) is None:
            k += 1
            continue
        end = k
        while end < len(lines) and _TABLE_CLOSE.search(lines[end]) is None:
            end += 1
        if end == len(lines):  # never closed (a file cut off): its rows as far as they go, the rest text
            end, j = -1, k  # (the lines of tags that run on from it: prose after them is no table's)
            while j < len(lines) and (_CELL_TAG.search(lines[j]) or _TABLE_OPEN.search(lines[j])
                                      or not lines[j].strip()):
                end = j if lines[j].strip() else end
                j += 1
            if end < 0:
                break
        from .html import table_rows  # noqa: PLC0415 -- the HTML reader only for files that need it

        out[k + 1] = [_joined(k + 1, [[(k + line, column + col, segment) for line, column, run in cell
                                       for col, segment in _clean(run)] for cell in cells])
                      for cells in table_rows("\n".join(lines[k:end + 1]))]
        out.update((j, []) for j in range(k + 2, end + 2))
        k = end + 1
    return out


_TABLE_OPEN = lazy(r"(?i)<table\b")
_TABLE_CLOSE = lazy(r"(?i)</table\s*>")
_CELL_TAG = lazy(r"(?i)</?t[dhr]\b")


def _spaced_runs(lines: list[str], rows: dict[int, list[tuple[int, int, str]]]) -> None:
    """Add to ``rows`` the tables a converter lays out with spaces (pdftotext -layout: cells apart by two
    spaces or more; a crawler's page text: by one, no punctuation in the line): three lines or more in a
    row, each of three cells or more, the first (the header) of words, every other holding a figure.

    A crawler's table (cells one space apart) is read only when every row has every cell: which cells of a
    short row are blank, the spaces cannot tell. A layout of two spaces or more keeps its columns where the
    PDF drew them, so there a short row (a blank cell, a row of one panel of two, a header without a name over
    its label column) is placed by position: each cell in the column whose span, over the rows that have every
    cell, it meets, in order (:func:`_by_position`), a figure never more than a character or two beside its
    column; and the rows may stand a blank line or two apart, as pdftotext prints ruled rows. The header is
    the last line of names before the figures (not a unit line, nor a header's wrapped second line), with the
    label columns' names a line over it when they stand there alone (科目编码 科目名称 centred over a two-line
    header whose lower line names the figures' columns); a name over no row's cells is a column blank in every
    row (经营支出), placed as the names stand. A line of words alone between two rows goes into the row it
    touches when it is a long name wrapped above and below its row's figures, and is a row of its own
    otherwise (a group's name, its items under it); a group's name left of every column (项目资金 down a
    form's side) is left out. A label indented by three characters or more is a level down (read as the text
    readers' indentation). A layout whose figures cannot be so placed is left as text, and so is a table whose
    rest, after a page break and its header printed again, is such a layout (its first page's totals are of
    rows not read)."""
    k = 0
    read: list[tuple[int, int, list[str]]] = []  # each table read: its header's line, its last line, names
    unread: set[int] = set()  # the header lines of layouts not understood
    own = False  # whether ``lines`` is this function's copy yet (a header's line laid over)
    unlifted: set[int] = set()  # the header lines read again without the names a line up
    while k < len(lines):
        wide = _spaced(lines[k], True)
        header = wide if len(wide) >= 3 else _spaced(lines[k], False)
        if k + 1 in rows or len(header) < 3:
            k += 1
            continue
        split = len(wide) >= 3
        if split and (_UNIT_LINE.search(lines[k]) or _named_again(lines, k, len(header))):
            k += 1  # a unit line (部门：… 单位：元), or a header over a header: the last names columns
            continue
        lifted = _lifted(lines, k, header) if split and k not in unlifted else []
        if lifted:  # (the label columns' names a line up: laid over the header's line, taken from theirs)
            lines = lines if own else [*lines]
            own, at, was = True, header[0][0], lines[k]
            lines[k] = lines[k - 1][:at].ljust(at) + lines[k][at:]
            header = lifted + header
        cells, words, last, blanks, cut = {k: header}, [], k, 0, False
        j = k + 1
        while j < len(lines) and j + 1 not in rows:
            if not lines[j].strip():
                blanks += 1
                if not split or blanks > 2:
                    break
                j += 1
                continue
            if _NUMBERED_CAPTION.match(lines[j]) or _UNIT_LINE.search(lines[j]):
                break  # 附表3, 单位：万元: the next table's caption
            found = _spaced(lines[j], split)
            numeric = any(_kind(lines[j][a:b]) == "number" for a, b in found)
            if numeric and (2 if not split else 1) <= len(found) <= len(header) + split:
                cells[j], last, blanks = found, j, 0
            elif split and len(found) >= 2 and [" ".join(lines[j][a:b].split()) for a, b in found] \
                    == [" ".join(lines[k][a:b].split()) for a, b in header[len(lifted):]]:
                break  # the header's names again: the next table's (or this one's next page, which the
                # recovery joins when a page's number or running header stands between)
            elif (split or _name_wrapped(lines, j, len(header))) and found and not numeric \
                    and not _PROSE_MARK.search(lines[j]) and all(b - a <= _FRAGMENT for a, b in found):
                if blanks and len(found) >= 2 and any(
                        not any(a < y + _NEAR and x < b + _NEAR
                                for n in cells for x, y in (cells[n] if n == k else cells[n][1:]))
                        for a, b in found[1:]):
                    break  # 收入   决算数 after a blank line: names under no column (the header's, or a
                    # row's after its label: 使用非财政拨款结余 | 结余分配, the two halves' names, goes on),
                    # the next table's header
                words.append(j)  # a name wrapped around its row, or a group's name between rows
                blanks = 0
            else:
                cut = split and len(found) > len(header) + 1 and sum(
                    1 for a, b in found if _AMOUNT_CELL.fullmatch(lines[j][a:b])) >= 2  # a row of more
                # cells than the header, amounts in them (not 1 2 3 4 5, nor a note's words and numbers)
                break  # (a line of words after the rows, 数据来源 财政局, ends the run, not the table)
            j += 1
        body_start = min((n for n in cells if n != k), default=last)
        # a line of words right over the first row of figures, opening with an item's number (一、一般公共
        # over 2125.55 and 预算资金 under it): the first row's name wrapped, not the header's
        named = set()
        for n in range(body_start - 1, k, -1):  # (the lines of words right over it, each column's name)
            if n not in words:
                break
            named.add(n)
        named = named if any(_ITEM_OPENS.match(lines[n]) for n in named) else set()
        tails = _header_tails(lines, cells[k], [n for n in words if n < body_start and n not in named])
        words = [n for n in words if body_start < n < last or n in named]  # (a header's own second line:
        # left out)
        texts = {n: [lines[n][a:b] for a, b in spans] for n, spans in cells.items()}
        names = [" ".join(t.split()) for t in texts[k]]  # (a table's one row before a page break is one
        short = len(cells) < _RUN and not (len(cells) == 2 and split and _header_again_at(lines, last, names))
        # when its header comes again after the break)
        if short or sum(1 for t in texts[k] if _kind(t) == "") > 0 \
                or sum(1 for t in texts[k] if _kind(t) not in ("", "words")) > 1:
            k = last + 1 if len(cells) > 1 else k + 1
            continue
        width = max(len(spans) for spans in cells.values())
        if all(len(cells[n]) == width for n in cells) and not words:
            coherent = not split or _coherent(lines, cells, k)
            placed = {n: list(range(width)) for n in cells} if coherent else None
        elif split:
            placed = _placed_by_position(lines, cells, words, k, width)
        elif all(len(spans) == width or len(spans) == width - 1 and (n - 1 in words or n + 1 in words)
                 for n, spans in cells.items()):
            # a crawler's row whose name wrapped around its figures (其中：人员经 ⏎ 992.44 1035.96 ⏎ 费): its
            # figures under the columns after the name's, the name's lines put into it
            placed = {n: list(range(width - len(spans), width)) for n, spans in cells.items()}
            placed |= {n: [(span, 0) for span in _spaced(lines[n], False)] for n in words}
        else:
            placed = None  # a crawler's short row: which of its cells are blank, one space cannot tell
        if lifted and (placed is None or cut or not _label_columns(lines, cells, placed, k, len(lifted))):
            lines[k] = was  # (the names a line up stand over no label column of the rows: read the table
            unlifted.add(k)  # without them)
            continue
        if placed is None or cut or _words_under_measures(lines, cells, placed, k):
            unread.add(k)  # (a row of figures the header has no columns for: the columns are not the
            k = last + 1  # header's, the table not understood: 201 | 20126 档案事务 under 合计 | …; words
            continue  # where 分值 and 得分 should be: the cells set a column off)
        read.append((k, last, [" ".join(t.split()) for t in texts[k]]))
        grid = {n: [[] for _ in range(width)] for n in cells}
        tiered = any(w in lines[k] for w in ("一级", "二级", "三级"))  # (a score sheet's levels are its
        # columns: a name's indent there is a merged cell's centring, no level)
        lefts = [spans[0][0] for n, spans in cells.items() if n != k and placed[n][0] == 0 and not tiered]
        if lifted:
            rows[k] = []  # (the line the label columns' names stood on: read in the header)
        for n, spans in cells.items():
            for i, ((a, b), column) in enumerate(zip(spans, placed[n])):
                grid[n][column] += _span_pieces(lines, n - (n == k and (a, b) in lifted), a, b)
                for line, x, y in tails.get(i, []) if n == k else ():
                    grid[n][column] += _span_pieces(lines, line, x, y)
            if n != k and placed[n][0] == 0 and lefts and (steps := (spans[0][0] - min(lefts)) // _INDENT):
                grid[n][0].insert(0, (n + 1, 1, "\u3000" * steps))  # 人员经费 indented under 基本支出
        for line in {line for pieces in tails.values() for line, _, _ in pieces}:
            rows[line + 1] = []  # (a header's wrapped line: in the header's cells)
        fed: set[tuple[int, int]] = set()  # the (row, column) cells a wrapped name's first line went into
        wrapped = frozenset(words)
        for n in words:
            rows[n + 1] = []
            if not _attach(lines, n, placed.get(n), grid, fed, wrapped) and placed.get(n):
                grid[n] = [[] for _ in range(width)]  # a group's name between its rows (项目支出, then its
                for (a, b), c in placed[n]:  # items): a row of its own, with no figures
                    grid[n][c] = _span_pieces(lines, n, a, b)
        for n in sorted(grid):
            rows[n + 1] = _joined(n + 1, grid[n])
        k = last + 1
    for first, last, names in read:  # a table going on over a page break where its rest is not read: its
        again = _header_again_at(lines, last, names)  # first page's total is of rows not read, not judged
        if again is not None and again in unread or again is None and _continued(lines, last):
            for n in range(first, last + 1):
                rows.pop(n + 1, None)


def _words_under_measures(lines: list[str], cells: dict, placed: dict, k: int) -> bool:
    """Whether a column the header names a measure (分值, 得分, 金额, 预算数 …) holds words in more rows than
    figures, as placed: the rows' cells set a column off their names."""
    names = {column: " ".join(lines[k][a:b].split()) for (a, b), column in zip(cells[k], placed[k])}
    tally: dict[int, list[int]] = {}
    for n, spans in cells.items():
        if n == k:
            continue
        for (a, b), column in zip(spans, placed[n]):
            if _MEASURE_HEAD.search(names.get(column, "")):
                kind = _kind(lines[n][a:b])
                counts = tally.setdefault(column, [0, 0])
                counts[kind == "number"] += kind in ("number", "words")
    return any(words > figures for words, figures in tally.values())


_MEASURE_HEAD = lazy(r"^(?:分值|得分|权重|金额|合计|小计|[^\s]{0,6}(?:预算数|决算数|执行数)"
                     r"|[^\s]{0,4}(?:万元|元))$")


def _lifted(lines: list[str], k: int, header: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cells of the line right over a header of figures' names that name its label columns (科目编码 |
    科目名称 centred over a two-line header whose figures' names, 小计 | 基本支出 | 项目支出, are on the lower
    line): every cell of that line left of the header's first, a label's name (…编码, …名称, 项目, 序号,
    行次) and no such name on the line under the header; none otherwise."""
    if k == 0 or not lines[k - 1].strip():
        return []
    above = _spaced(lines[k - 1], True)
    if not above or any(b + _NEAR > header[0][0] or not _LABEL_NAME.fullmatch(lines[k - 1][a:b].strip())
                        for a, b in above):
        return []
    below = _spaced(lines[k + 1], True) if k + 1 < len(lines) else []
    if any(b + _NEAR <= header[0][0] and _LABEL_NAME.fullmatch(lines[k + 1][a:b].strip()) for a, b in below):
        return []  # (项目 over 科目编码 | 科目名称 under the header's line: the names below are the columns')
    return above


def _label_columns(lines: list[str], cells: dict, placed: dict, k: int, count: int) -> bool:
    """Whether the header's first ``count`` names (lifted from the line over it) stand over columns holding
    no amount (codes, names), and each name of such a column over its own column's cells rather than nearer
    another column's (科目名称 over the names, not over 款's codes)."""
    hulls: dict[int, tuple[int, int]] = {}
    amounts: set[int] = set()
    for n, spans in cells.items():
        if n == k or n not in placed:
            continue
        for (x, y), c in zip(spans, placed[n]):
            lo, hi = hulls.get(c, (x, y))
            hulls[c] = (min(lo, x), max(hi, y))
            if _AMOUNT_CELL.fullmatch(lines[n][x:y].strip()):
                amounts.add(c)

    def gap(a: int, b: int, c: int) -> int:
        lo, hi = hulls[c]
        return 0 if a < hi and lo < b else min(abs(a - hi), abs(lo - b))

    for i, ((a, b), column) in enumerate(zip(cells[k], placed[k])):
        if column not in hulls:
            if i < count:
                return False
            continue  # (a column blank in every row: 经营支出)
        if i < count and column in amounts or column not in amounts and any(
                gap(a, b, c) < gap(a, b, column) for c in hulls):
            return False
    return True


_LABEL_NAME = lazy(r"[\u4e00-\u9fff]{0,8}(?:编码|代码|编号|名称|项目|科目|序号|行次|栏次)")


def _name_wrapped(lines: list[str], j: int, width: int) -> bool:
    """Whether line ``j``, words alone, is part of a row's name a crawler's text wrapped around its figures:
    the line after it or before it holds the row's figures, one space apart, one cell short of the header's
    ``width`` (其中：人员经 ⏎ 992.44 1035.96 1033.23 ⏎ 费)."""
    for n in (j - 1, j + 1):
        if 0 <= n < len(lines) and lines[n].strip():
            cells = [lines[n][a:b] for a, b in _spaced(lines[n], False)]
            if len(cells) == width - 1 and all(_kind(t) == "number" for t in cells):
                return True
    return False


def _header_tails(lines: list[str], header: list[tuple[int, int]], under: list[int]) -> dict:
    """The ends of the header's names wrapped onto the lines of words ``under`` it (决算数为调 | 整预算%), by
    the header cell each stands under: a line whose every cell stands under one header cell, and one only."""
    tails: dict[int, list[tuple[int, int, int]]] = {}
    for n in under:
        spans = _spaced(lines[n], True)
        owners = [[i for i, (a, b) in enumerate(header) if a < y and x < b] for x, y in spans]
        if spans and all(len(o) == 1 for o in owners):
            for (x, y), (i,) in zip(spans, owners):
                tails.setdefault(i, []).append((n, x, y))
    return tails


def _header_again_at(lines: list[str], last: int, names: list[str]) -> int | None:
    """The line, within a page break's few lines after line ``last`` (its number, a caption's words, blank
    lines), where the header ``names`` comes again; None when it does not."""
    for n in range(last + 1, min(len(lines), last + 12)):
        if _NUMBERED_CAPTION.match(lines[n]):
            return None  # 附表2 …: another table, its header maybe worded alike
        cells = [" ".join(lines[n][a:b].split()) for a, b in _spaced(lines[n], True)]
        if cells == names:
            return n
        if any(_kind(t) == "number" for t in cells) and not _PAGE_NUMBER.match(lines[n]):
            return None
    return None


# a name that ends as a row's whole name does (一、基本支出, （一）工资福利支出): a group's, not a name cut
_AMOUNT_CELL = lazy(r"[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+\.\d+")  # 5,100,086.00, 510.00
_NAMED_WHOLE = lazy(r"(?:支出|收入|经费|费用|费|资金|拨款|项目|合计|总计|小计|补助|基金|结余|结转|成本"
                    r"|情况)$")
_ITEM_OPENS = lazy(rf"\s*(?:{LIST_ITEM}|[一二三四五六七八九十]{{1,3}}[.．])")  # an item's number opening
# a name (一、 （二） 3．)
_NUMBERED_CAPTION = lazy(r"\s*(?:附表|表)\s*\d{1,2}(?!\d)(?!\s*[（(]\s*续)")  # 附表2, 表 3 (not 表3（续）)


def _continued(lines: list[str], last: int) -> bool:
    """Whether a caption saying the table goes on (…决算表（续）, 续表) follows line ``last`` within a page
    break's few lines: its rest, printed under no header, is not read, so neither is its first page."""
    for n in range(last + 1, min(len(lines), last + 12)):
        if _GOES_ON.search(lines[n]):
            return True
        cells = [lines[n][a:b].strip() for a, b in _spaced(lines[n], True)]
        if len(cells) > 1 and any(_kind(t) == "number" for t in cells):
            return False
    return False


_GOES_ON = lazy(r"表\s*[（(]\s*续\s*[）)]\s*$|^\s*续表")  # a table's caption, not a heading's (续)
_PAGE_NUMBER = lazy(r"\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页.*)\s*$")
_UNIT_LINE = lazy(r"单位\s*[:：]|编制部门|部门\s*[:：]")


def _named_again(lines: list[str], k: int, count: int) -> bool:
    """Whether another line of names, three or more and no fewer than line ``k``'s ``count``, comes after
    it before its first line of figures (收入 | 支出 over 项目 | 行次 | 金额 | …): the header is that one
    (not a header's second line, 拨款 | 政拨款 | 财政拨款, the ends of names wrapped)."""
    for line in lines[k + 1 : k + 6]:
        found = _spaced(line, True)
        texts = [line[a:b] for a, b in found]
        if any(_kind(t) == "number" for t in texts):
            return False
        if len(found) >= max(3, count) and all(_kind(t) == "words" for t in texts):
            return True
    return False


# (…公共设施) 435.50; 12180.50 12100.50; 2800.68 一、公共安全支出
_JOINED = lazy(r"\S\s[-+]?\d[\d,]*(?:\.\d+)?%?$|^[-+]?\d[\d,]*(?:\.\d+)?%?\s\S")
_PROSE_MARK = lazy(r"[，。；;！？]")  # (其中：当年财政拨款 is a name still)
_INDENT = 3  # characters of a layout's indentation that make a level (less is the layout's own noise)
_FRAGMENT = 24  # characters of a cell of words a line may hold and still be a name wrapped in a table
_NEAR = 2  # characters a figure may stand beside the span of its column
_ASTRAY = 10  # characters a header's name may stand beside its column's (centred over it, a 汉字 counted one)


def _hulls(cells: dict[int, list[tuple[int, int]]], full: list[int], width: int) -> list[tuple[int, int]]:
    """Each column's span over the rows that have every cell: from its leftmost start to its rightmost end."""
    return [(min(cells[n][c][0] for n in full), max(cells[n][c][1] for n in full)) for c in range(width)]


def _columns_of(cells: dict[int, list[tuple[int, int]]], header: int, width: int):
    """The columns the rows' cells stand in, as spans: the cells of every row but the header gathered where
    they overlap (a column's figures share their right edge, its names their left); None unless that makes
    as many columns as the widest row has cells."""
    spans = sorted(span for n, row in cells.items() if n != header for span in row)
    out: list[list[int]] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out] if len(out) == width else None


def _blank_columns(cells: dict[int, list[tuple[int, int]]], header: int, width: int):
    """The columns when the header names more than any row fills: a column blank in every row (经营支出,
    上缴上级支出 of a 支出决算表 whose rows give 基本支出 and 项目支出 only). The rows' columns
    (:func:`_columns_of`, by the widest row) each go under the header's name nearest them, in order,
    within a centred name's reach; a name over no row's cell is a column of its own, blank. None when a
    column stands under no name, or a name left blank stands over a column's cells."""
    rows = max((len(row) for n, row in cells.items() if n != header), default=0)
    spans = cells[header]
    if not 0 < rows < width or len(spans) != width:
        return None
    found = _columns_of(cells, header, rows)
    placed = _by_position(found, spans) if found else None
    if placed is None:
        return None
    gaps = [0 if a < hi and lo < b else min(abs(a - hi), abs(lo - b)) for (a, b), (lo, hi) in
            zip(found, (spans[c] for c in placed))]
    if max(gaps) > _ASTRAY or any(a < hi + _NEAR and lo < b + _NEAR for c, (a, b) in enumerate(spans)
                                  if c not in placed for lo, hi in found):
        return None
    own = dict(zip(placed, found))
    return [own.get(c, spans[c]) for c in range(width)]


def _by_position(spans: list[tuple[int, int]], hulls: list[tuple[int, int]]) -> list[int] | None:
    """The columns a short row's cells stand in: the placement, in order, nearest its columns' spans (the
    sum of the gaps between each cell and its column's span; 0 where they meet), or None for none."""
    n, width = len(spans), len(hulls)
    if n > width:
        return None

    def gap(i: int, c: int) -> int:
        (a, b), (lo, hi) = spans[i], hulls[c]
        return 0 if a < hi and lo < b else min(abs(a - hi), abs(lo - b))

    best: dict[tuple[int, int], tuple[int, list[int]]] = {}
    for c in range(width):
        best[(0, c)] = (gap(0, c), [c])
    for i in range(1, n):
        for c in range(i, width):
            before = [best[(i - 1, p)] for p in range(i - 1, c) if (i - 1, p) in best]
            if before:
                cost, path = min(before, key=lambda item: item[0])
                best[(i, c)] = (cost + gap(i, c), [*path, c])
    ends = [best[(n - 1, c)] for c in range(n - 1, width) if (n - 1, c) in best]
    return min(ends, key=lambda item: item[0])[1] if ends else None


def _coherent(lines: list[str], cells: dict[int, list[tuple[int, int]]], header: int) -> bool:
    """Whether the rows' amounts, taken column by column in order, stand one under another: in rows of
    every cell they do; where a column is blank in every row (人员经费 | 公用经费, each row one of them), the
    amounts of two columns fall into one and sit apart. Counted in characters and in displayed columns (a
    汉字 two), the way either converter lays text out."""
    width = len(cells[header])
    for measure in (len, _shown):
        if all(_stacked([(measure(lines[n][:a]), measure(lines[n][:b])) for n in cells if n != header
                         for a, b in cells[n][i : i + 1] if _kind(lines[n][a:b]) == "number"])
               for i in range(width)):
            return True
    return False


def _stacked(spans: list[tuple[int, int]]) -> bool:
    """Whether spans share a stretch of a line, or stand a character or two apart (_NEAR)."""
    return not spans or max(a for a, _ in spans) <= min(b for _, b in spans) + _NEAR


def _placed_by_position(lines, cells, words, header: int, width: int) -> dict[int, list[int]] | None:
    """Every row's columns (and the header's, and the lines of words'), or None when an amount stands
    where no column is, or the columns cannot be told (:func:`_columns_of`; else the spans of two rows or
    more that have every cell)."""
    full = [n for n in cells if n != header and len(cells[n]) == width]
    hulls = _columns_of(cells, header, width)
    if hulls is None and len(full) >= 2:
        hulls = _hulls(cells, full, width)
    if hulls is None:
        hulls = _blank_columns(cells, header, width)
    if hulls is None:
        return None
    cells[header] = _header_split(lines[header], cells[header], hulls)
    placed = {}
    if any(_JOINED.search(lines[n][a:b]) for n in cells if n != header for a, b in cells[n]):
        return None  # a name and a figure, or two figures, one space apart: one cell or two? not said
    crossed = any(hulls[i][1] > hulls[i + 1][0] for i in range(len(hulls) - 1))
    for n, spans in cells.items():
        if len(spans) < width and crossed:
            return None  # rows of every cell that do not line up (208 | 名称 | five amounts beside 208 | 05 |
            # 01 | 名称 | three): where a short row's cells go, their columns cannot say
        columns = list(range(width)) if len(spans) == width else _by_position(spans, hulls)
        if columns is None:
            return None
        if n == header and len(spans) < width and any(
                min(abs(a - hulls[c][1]), abs(hulls[c][0] - b)) > _ASTRAY
                for (a, b), c in zip(spans, columns) if not (a < hulls[c][1] and hulls[c][0] < b)):
            return None  # a name over no column of figures (基本支出, blank in every row): which is whose?
        for (a, b), c in zip(spans, columns):
            lo, hi = hulls[c]
            text = lines[n][a:b]
            amount = _kind(text) == "number" and ("." in text or "," in text)
            if amount and (b <= lo - _NEAR or a >= hi + _NEAR):
                return None  # an amount beside every column: the layout is not understood (a 栏次 row's
                # numbers stand centred, as headers do)
        placed[n] = columns
    for n in words:  # (a group's name left of every column, 项目资金 down a form's side: left out)
        spans = [(a, b) for a, b in _spaced(lines[n], True) if b > hulls[0][0]]
        columns = _by_position(spans, hulls) if spans else None
        placed[n] = list(zip(spans, columns)) if columns is not None else None  # (None: left out)
    return placed


def _header_split(line: str, spans: list[tuple[int, int]], hulls: list[tuple[int, int]]):
    """The header's cells, a cell over two columns or more split at its single spaces when each of its
    words stands over one of them, in order (增减% 完成预算%: two names one space apart, two columns); or,
    when the columns' spans overlap (a layout aligned by display width, a 汉字 two), when the header is
    short of the columns by as many cells as its cells of two names each (ending in % or 数 额 率, or
    all of them of four 汉字 and more) one space apart have."""
    words = {(a, b): [(a + m.start(), a + m.end()) for m in _CELL.finditer(line[a:b])] for a, b in spans}
    pairs = [span for span, own in words.items() if len(own) == 2 and all(
        _COLUMN_NAME.fullmatch(line[x:y]) for x, y in own)]
    if len(spans) + len(pairs) == len(hulls) and pairs and any(
            h[1] > g[0] for h, g in zip(hulls, hulls[1:])):
        return [piece for span in spans for piece in (words[span] if span in pairs else [span])]
    out = []
    for a, b in spans:
        under = [(lo, hi) for lo, hi in hulls if lo < b and a < hi]
        words = [(a + m.start(), a + m.end()) for m in _CELL.finditer(line[a:b])]
        if len(under) >= 2 and len(words) == len(under) and all(
                lo < y and x < hi and sum(1 for h in hulls if h[0] < y and x < h[1]) == 1
                for (x, y), (lo, hi) in zip(words, under)):
            out += words
        else:
            out.append((a, b))
    return out


_COLUMN_NAME = lazy(r"[\u4e00-\u9fff\d-]{1,12}(?:%|％|数|额|率)|[\u4e00-\u9fff]{4,12}")


def _attach(lines, n: int, cells, grid, fed: set, words: frozenset = frozenset()) -> bool:
    """Put a line of words (``cells``: each ``((start, end), column)``) into the row it touches: the row
    right below it, where the cells it fills are blank (a name's first line, above its row's figures), or
    the row right above, where a line of words went before (the name's last line); whether it went. Lines
    of other columns' wrapped names (``words``) may stand between (一、一般公共 ⏎ 一、社会保障 ⏎ 预算财政拨款
    4400.26 … 1076.98 ⏎ 和就业支出 ⏎ 收入: two names wrapped side by side); a name's first line opening with
    an item's number (一、一般公共) goes before the rest of the name on its row's line (预算财政拨款)."""
    if not cells:
        return False
    columns = [c for _, c in cells]
    below = _touching(n, grid, words, 1)
    first = all(_ITEM_OPENS.match(lines[n][a:b]) and not _NAMED_WHOLE.search(lines[n][a:b].strip())
                for (a, b), _ in cells)  # (一、一般公共 ⏎ 预算财政拨款: cut; 一、基本支出 over items: whole)
    if below is not None and all(not grid[below][c] or first and _ITEM_OPENS.match(_text_of(grid[below][c]))
                                 is None and _kind(_text_of(grid[below][c])) == "words" for c in columns):
        for (a, b), c in cells:
            grid[below][c] = _span_pieces(lines, n, a, b) + grid[below][c]
            fed.add((below, c))
        return True
    above = _touching(n, grid, words, -1)
    if above is not None and all((above, c) in fed for c in columns):
        for (a, b), c in cells:
            grid[above][c] += _span_pieces(lines, n, a, b)
        return True
    return False


def _touching(n: int, grid, words: frozenset, step: int) -> int | None:
    """The row of ``grid`` next to line ``n`` in the direction ``step``, past lines of words only."""
    m = n + step
    while m not in grid and m in words:
        m += step
    return m if m in grid else None


def _text_of(pieces) -> str:
    return "".join(p[2] for p in pieces).strip()


def _spaced(line: str, wide: bool) -> list[tuple[int, int]]:
    """The cells of a line laid out with spaces, ``(start, end)`` each: apart by two spaces or more
    (``wide``), or by any space in a line without a tab, pipe or sentence punctuation; [] for none."""
    if "\t" in line or "|" in line or len(line) > _ROW_LONGEST \
            or not wide and _SENTENCE.search(line, _WHEREOF.match(line).end()):
        return []  # (其中：人员经费 992.44 1035.96: a breakdown's row, its colon no sentence's)
    return [(m.start(), m.end()) for m in (_WIDE_CELL if wide else _CELL).finditer(line)]


_WIDE_CELL = lazy(r"\S+(?: \S+)*")  # a cell: words with single spaces inside, none of two
_CELL = lazy(r"\S+")
_ROW_LONGEST = 400  # characters: a table's line is short; a longer one is prose whatever its spaces
_SENTENCE = lazy(r"[，。；;：:、“”]")  # (not the comma grouping digits)
_WHEREOF = lazy(r"\s*(?:其中\s*[：:])?")


_RUN = 3  # lines of `` | ``-separated cells that make a table without an alignment row


def _bare_pipe_runs(lines: list[str], rows: dict[int, list[tuple[int, int, str]]]) -> None:
    """Add to ``rows`` the tables a converter writes as lines of `` | ``-separated cells (or cells joined
    by bare pipes, a|b|c) with no alignment row (项目名称 | 年度 | 预算安排(万元)): three lines or more, blank
    lines between them aside, the first (the header) not opening with a pipe. A row short of the header's
    cells is placed where its numbers and words match the columns' (:func:`_placement`). A pipe ending a
    row closes an empty last cell. A run where more than a quarter of the rows open with a pipe and hold
    no figure (a long text cell going on in rows of their own, page after page) is not understood as a
    table and left as text."""
    k = 0
    while k < len(lines):
        if k + 1 in rows or not _piped(lines[k]) or lines[k].lstrip().startswith("|"):
            k += 1
            continue
        run, j = [k], k + 1
        while j < len(lines) and j + 1 not in rows:
            if not lines[j].strip():
                j += 1
                continue
            if not _piped(lines[j]):
                again = _header_again(lines, j, lines[k])
                if again is None:
                    break
                j = again  # a page's furniture (— 5 —, （续表1）) and the header printed again: it goes on
                continue
            run.append(j)
            j += 1
        if len(run) < _RUN:
            k = j if len(run) > 1 else k + 1
            continue
        body = [n for n in run[1:] if lines[n].strip() != lines[run[0]].strip()]  # (its header repeated)
        going_on = [n for n in body if lines[n].lstrip().startswith("|")
                    and not any(_kind(t.strip()) in ("number", "year") for t in _PIPE.split(lines[n]))]
        if len(going_on) * 4 > len(body):
            k = j  # cells going on in rows of their own (a long text cell split at each page): not read
            continue  # (a row opening with a pipe and holding figures is under a merged first cell)
        width = _cell_count(lines[run[0]])
        texts = {n: [t.strip() for t in _PIPE.split(lines[n])] for n in run}
        profile = _profile([texts[n] for n in run[1:] if len(texts[n]) == width], width)
        for n in run:
            pieces = _cells(n + 1, lines[n], bordered=False, closed=True)
            if n != run[0] and len(texts[n]) < width and not lines[n].lstrip().startswith("|"):
                pieces = _placed_row(n + 1, pieces, _placement(texts[n], profile, width))
            rows[n + 1] = pieces
        k = j


_TOTAL_ROW = lazy(r"\s*(?:合\s*计|总\s*计|小\s*计)")
_NUMERIC = lazy(r"[-+(（]?\d[\d,]*(?:\.\d+)?[%％)）]?")
_NONE = {"", "/", "-", "—", "－", "——", "无"}


def _kind(text: str) -> str:
    """What a cell holds: nothing, a year, another number, or words."""
    if text in _NONE:
        return ""
    if _NUMERIC.fullmatch(text):
        return "year" if re.fullmatch(r"(?:19|20)\d\d", text) else "number"
    return "words"


def _profile(full: list[list[str]], width: int) -> list[str]:
    """Per column of the rows with every cell, what most of its filled cells hold ('' when none is)."""
    out = []
    for j in range(width):
        kinds = Counter(k for row in full if (k := _kind(row[j])))
        out.append(kinds.most_common(1)[0][0] if kinds else "")
    return out


def _placement(cells: list[str], profile: list[str], width: int) -> list[int]:
    """The columns a row short of cells fills, the placement whose numbers and words best match the
    columns' (the full rows'): left-aligned (blank cells at its end left out), right-aligned (merged cells
    it opens with left out: a year or a 小计 under a project named once), or its label first and its
    figures together further right (合计 | 100 | 96 under 一级指标 | 二级指标 | 分值 | 得分 | 扣分原因).
    Left-aligned when nothing tells them apart."""
    short = width - len(cells)
    kinds = [_kind(t) for t in cells]
    if cells and _TOTAL_ROW.match(cells[0]):
        kinds = [k if k != "year" else "number" for k in kinds]  # 合计 | 2000 | 1960: amounts, never years
    candidates = [list(range(len(cells))), list(range(short, width))]
    candidates += [[0, *range(at, at + len(cells) - 1)] for at in range(2, short + 2)]

    def score(columns: list[int]) -> int:
        return sum((1 if kind == profile[j] else -1)
                   for kind, j in zip(kinds, columns) if kind and profile[j])

    return max(candidates, key=score)  # the first of the best: left-aligned on a tie


def _placed_row(number: int, pieces: list[tuple[int, int, str]], columns: list[int]):
    """``pieces`` of a row's cells (tabs between them) with empty cells put in so that they fill
    ``columns``."""
    cells = _split_cells(pieces)
    out: list[tuple[int, int, str]] = [(number, 1, "\t")] * columns[0]
    for k, (column, cell) in enumerate(zip(columns, cells)):
        if k:
            out.extend([(number, cell[0][1] if cell else 1, "\t")] * (column - columns[k - 1]))
        out.extend(cell)
    return out


def _header_again(lines: list[str], at: int, header: str) -> int | None:
    """Where the header comes again after up to three short lines of a page break (a page number, the
    report's title, （续表1）, 金额单位：万元) from ``at``, or None."""
    title = next((line.strip() for line in lines if line.strip()), "")
    for k in range(at, min(at + 5, len(lines))):
        text = lines[k].strip()
        if text == header.strip():
            return k
        if _piped(lines[k]) or text and text != title and not _FURNITURE.search(text):
            return None  # (a caption or a heading: the next table)
    return None


# what a page break leaves between a table and its header printed again
_FURNITURE = lazy(r"^[-—－_\s]*\d{1,4}[-—－_\s]*$|第\s*\d+\s*页|续"
                        r"|^\s*(?:金额)?单位\s*[:：]\S{1,4}\s*$")


def _piped(line: str) -> bool:
    """Whether a line is cells between pipes: two cells or more, the pipes with blanks around them or at
    an end (a | b, | b | c), or three cells or more between pipes with no blanks (a|b|c, as some
    converters write them)."""
    count = _cell_count(line)
    return count >= 2 and re.search(r"(?:^|\s)\|(?:\s|$)", line) is not None \
        or count >= 3 and _TIGHT.fullmatch(line.strip()) is not None


_TIGHT = lazy(r"[^|\s][^|]*(?:\|[^|]*)+\|?")  # a|b|c: cells joined by pipes, no blank around them


def _cell_count(line: str) -> int:
    """The cells of a line without a left border: one more than its pipes."""
    return len(_PIPE.findall(line)) + 1 if line.strip() else 0


def _cells(number: int, raw: str, bordered: bool = True,
           closed: bool = False) -> list[tuple[int, int, str]]:
    """A Markdown table row's cells as pieces, tabs between them (the outer borders dropped). In a table
    whose header has no left border (``一级指标 | 分值``), a row opening with a pipe (`` | 绩效目标 | 4``)
    opens with an empty cell: a merged cell of the row above, as converters write it."""
    bounds = [m.start() for m in _PIPE.finditer(raw)]
    starts = [0, *(b + 1 for b in bounds)]
    ends = [*bounds, len(raw)]
    cells = list(zip(starts, ends))
    if cells and not raw[: cells[0][1]].strip() and bordered:
        cells = cells[1:]  # before the first border
    if cells and not raw[cells[-1][0]:].strip() and not closed:
        cells = cells[:-1]  # after the last border (without a left border, a pipe that closes an empty cell)
    pieces: list[tuple[int, int, str]] = []
    for i, (a, b) in enumerate(cells):
        if i:
            pieces.append((number, a, "\t"))  # at the border's own column
        text = raw[a:b].replace("\\|", "|")
        lead = len(text) - len(text.lstrip())
        cell = text.strip()
        for column, segment in _clean(cell) if cell else []:
            pieces.append((number, a + lead + column, segment))
    return pieces


_CAPTION_LINE = lazy(r"\s*(?:附?表\s*[\d一二三四五六七八九十]|编制单位|(?:金额)?单位\s*[:：])")
_TITLE_END = lazy(r"(?:说明|情况|概况|分析|结论|建议|问题|措施|目标|职能|职责|设置|构成|意见|依据"
                        r"|方法)$")
_CAPTION_END = lazy(r"表\s*(?:[（(][^（()）]{1,12}[）)])?$|单位\s*[:：]\s*\S{1,3}元$")


# a contents entry's leader and page number (第一部分 部门概况……1): a whole line, of the width its dots fill
_TAIL = 80  # characters at a line's end that say how it ends
_LEADER = lazy(r"(?:\.{3,}|…{2,}|·{3,}|-{4,})\s*\d{1,3}$")


def _titled(line: str) -> bool:
    """Whether a line is a whole title however long: a table's caption or unit line (…决算表, 单位：万元), or
    a numbered heading with no sentence in it (六、一般公共预算财政拨款基本支出决算情况说明)."""
    line = line.strip()
    sentence = any(c in line for c in "，。；,;")
    heading = _ITEM.match(line) and _TITLE_END.search(line) and not sentence
    return bool(_CAPTION_END.search(line) or heading)


_BROKEN = lazy(r"(?:[\u4e00-\u9fff]|\d[\d,.]*[万亿千]?|[\d.,])$")
# two figures a blank apart (税收收入 248.76 3.3): a table's row whatever its length, never prose at a margin
_FIGURE_PAIR = lazy(r"\d[\d,.]*%?\s+[-+−]?\d")
# a table's row with its cells apart by blanks (行政运行  702.36  702.36): never a wrapped sentence
_SPACED_ROW = lazy(r"\S(?:\s{2,}|\u3000)\S|" + _FIGURE_PAIR.pattern)


def _figure_row(line: str) -> bool:
    """Whether a line is a table's row of figures a blank apart, no sentence's comma or stop in it (not
    prose wrapped mid-figure: …分别为 45 5 ⏎ 2 60 人次)."""
    head = line[: _TAIL * 4]
    return _FIGURE_PAIR.search(head) is not None and not any(c in head for c in "，。；")


_UNIT_GOES_ON = lazy(r"\s*(?:%|％|万元|亿元|千元|元|个百分点|分(?=[，,、；;。）)]))")  # (得分49.86 | 分；)
# a list marker cut by the line's end (…；五 | 是深化…; …。（ | 三）…)
_CUT_MARKER = lazy(r"[；;。，,：:](?:[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十]{0,3})$")
_MARKER_GOES_ON = lazy(r"\s*(?:是|[一二三四五六七八九十]{0,3}[）)])")


def _laid_out(line: str) -> bool:
    """Whether a line is a table's row laid out with spaces (three cells or more two spaces apart, two of
    them figures): it reaches the margin by its columns, not by a sentence wrapped there."""
    if "  " not in line.strip():
        return False
    cells = _spaced(line, True)
    return len(cells) >= 3 and sum(1 for a, b in cells if _kind(line[a:b]) == "number") >= 2


def _next_text(lines: list[str], number: int) -> str:
    """The next non-blank line after line ``number`` (1-based), within three lines, past a page's number
    (- 1 -, 第3页) and the running header after it; '' for none."""
    title = next((line.strip() for line in lines[:20] if line.strip()), "")
    after, seen = number, 0
    while after < len(lines) and seen < 3:
        text = lines[after]
        after += 1
        if not text.strip():
            continue
        if _FOLIO_LINE.match(text) or seen and text.strip() == title:
            seen += 1
            continue
        return text
    return ""


#: a page's number as converters print it (- 1 -, — 12 —, 第3页, 第3页 共12页)
FOLIO = r"(?:[-—－]\s*\d+\s*[-—－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?)"
_FOLIO_LINE = lazy(rf"^\s*{FOLIO}\s*$")  # on a line of its own
FOLIO_ALONE = rf"\s*(?:{FOLIO}|\d{{1,3}})\s*"  # a page's number alone, bare too (5, — 7 —, 第6页)


_NUMBER_CUT = lazy(r"[\u4e00-\u9fff](?:\d{1,3}(?:,\d{0,3})+|\d+)(?:\.\d*)?$")  # the start of a figure
_ENDS_IN_WORD = lazy(r"[，,：:、][^，,：:、。；;！？!?]{0,16}[\u4e00-\u9fff]$")
_AMOUNT_GOES_ON = lazy(r"\s*[-−]?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|千元|元|%|％)\s*[，,、；;。（(]")
_NUMBER_GOES_ON = lazy(r"\s*[\d,]*\.?\d+\s*(?:万元|亿元|千元|元|%|％|分(?=[，,、；;。）)]))")


def _cut_number(line: str, lines: list[str], number: int) -> bool:
    """Whether a sentence's figure is cut by the line's end (基本支出1 | 222.48万元，占…): the line ends in
    a digit after a word, mid-sentence, and the next line opens with the rest of the figure and its unit,
    or with its unit alone (下降16.67 | %；…; a score's: 得分9.50 | 分，…)."""
    if not (line[-1:].isdigit() and any(c in line for c in "，。；、")):
        return False  # (prose: a table's row holds no such stops)
    following = _next_text(lines, number)
    if "\t" in following:
        return False
    if _NUMBER_CUT.search(line) and _NUMBER_GOES_ON.match(following):
        return True  # 基本支出1 | 222.48万元; 下降8.3 | 7%; 执行数5,08 | 3.14万元; 专项756. | 30万元
    # 下降16.67 | %；…: the figure whole, its unit or % sign opening the next line
    whole = re.search(r"[\u4e00-\u9fff][\d,]*\.?\d+$", line) is not None
    return whole and _UNIT_GOES_ON.match(following) is not None


def _cut_before_number(line: str, lines: list[str], number: int) -> bool:
    """Whether a sentence breaks between a name and its amount (…，其中:基本支出 | 2,065,405.42 元,项目…):
    the line is prose (a comma or colon in it) ending in a word, and the next opens with a figure, its
    unit and the sentence going on."""
    if not (_ENDS_IN_WORD.search(line[-_TAIL:]) and any(c in line for c in "，,：:、")):
        return False
    return _AMOUNT_GOES_ON.match(_next_text(lines, number)) is not None


def _full(line: str, width: int | None, soft: int | None, measure=len) -> bool:
    """Whether a line reaches the margin a converter wrapped the text at (fixed or proportional)."""
    return width is not None and measure(line) >= width - 2 or soft is not None and len(line.lstrip()) >= soft


def _broken(line: str) -> bool:
    """Whether a line stops inside a sentence: after a word or a figure (为预算的 | 81.20%, 2024年 |
    1240.95万元, 4.12万 | 元), not a title's end, a contents entry or closing punctuation."""
    tail = line.strip()[-_TAIL:]  # (matched on a bounded stretch: a line may be megabytes long)
    return bool(_BROKEN.search(tail)) and not _titled(line) and not _LEADER.search(tail) \
        and not _TITLE_END.search(tail) and not _SPACED_ROW.search(line.strip()[:_TAIL * 4])


def _soft_width(lines: list[str]) -> int | None:
    """The length a line reaches when a converter wrapped it at the margin of a page whose lines are not
    all of one width (a proportional font): most of the longer lines are near the longest of them, and
    a line as long as those stopping mid-sentence goes on in the next. None when the text has too few
    such lines (a document written line by line)."""
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) >= 8 and "\t" not in line
                     and "|" not in line and not _LEADER.search(line.rstrip()[-_TAIL:])
                     and not _GAPPED.search(line.strip()))
    if len(lengths) < 4:
        return None
    top = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 10 else lengths[-1]
    near = sum(1 for n in lengths if n >= top * 0.8)
    prose = sum(1 for n in lengths if n >= top * 0.5)  # (not a table's cells set one a line)
    return max(20, int(top * 0.8)) if near * 3 >= prose and top <= 80 else None


_GAPPED = lazy(r"\S {3,}\S")  # a line laid out in columns (pdftotext -layout): its length is no prose width


def _wrap_width(lines: list[str]):
    """The width at which a converter hard-wrapped this text and how it measured it (``len``: characters;
    :func:`_shown`: columns, a 汉字 two), or ``(None, len)`` if it did not.

    A hard-wrapped text has one dominant line length among its longer lines: at least a quarter of its
    non-blank lines are within two of the most common length. Counted in the measure under which more of
    them are (a text wrapped at 62 columns has lines of 31 汉字 and of 27 汉字 with 8 digits).
    """
    kept = [line.rstrip() for line in lines
            if len(line.strip()) >= 8 and "\t" not in line and not _LEADER.search(line.rstrip()[-_TAIL:])
            and not _GAPPED.search(line.strip()) and not _figure_row(line)]
    if len(kept) < 20:
        return None, len
    best = (0, None, len)
    for measure in (len, _shown):
        lengths = [measure(line) for line in kept]
        mode, _ = Counter(lengths).most_common(1)[0]
        near = sum(1 for n in lengths if mode - 2 <= n <= mode + 2)
        if near > best[0]:
            best = (near, mode, measure)
    near, mode, measure = best
    return (mode, measure) if near * 4 >= len(kept) and mode >= 15 else (None, len)


_MOVED = 12  # columns a word or figure moved whole to the next line leaves a line short of the margin


def _shown(line: str) -> int:
    """A line's width in columns: a wide character (汉字, full-width punctuation) two, any other one."""
    return len(line) + len(_WIDE.findall(line))


_WIDE = lazy(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def _clean(raw: str) -> list[tuple[int, str]]:
    """Split a source line into kept segments ``(1-based column, text)``, dropping markup."""
    heading = _HEADING.match(raw)
    if heading is None and "<!--" not in raw and _MARKUP.search(raw) is None:  # most lines: no markup
        kept = raw.strip()
        return [(len(raw) - len(raw.lstrip()) + 1, kept)] if kept else []
    start = heading.end() if heading else 0
    segments: list[tuple[int, str]] = []
    pos = start
    comments = _comments(raw, start)
    drops = [(a, b, "") for a, b in comments]
    starts = [a for a, _ in comments]

    def commented(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < comments[k][1]

    drops += [(m.start(), m.end(), _MARKUP_REPLACEMENT.get(m.group(), ""))
              for m in _MARKUP.finditer(raw, start) if not commented(m.start())]
    drops += [(g.start(), g.end(), "") for m in _MATH.finditer(raw, start)
              for g in _MATH_GAP.finditer(raw, m.start(), m.end())]
    for a, b, replacement in sorted(drops):
        if a < pos:
            continue
        if a > pos:
            segments.append((pos + 1, raw[pos:a]))
        if replacement:
            segments.append((a + 1, replacement))
        pos = b
    if pos < len(raw):
        segments.append((pos + 1, raw[pos:]))
    # leading and trailing white space of the line carries nothing
    while segments and not segments[0][1].strip():
        segments.pop(0)
    if segments:
        col, seg = segments[0]
        lead = len(seg) - len(seg.lstrip())
        segments[0] = (col + lead, seg[lead:])
        col, seg = segments[-1]
        segments[-1] = (col, seg.rstrip())
    return [s for s in segments if s[1]]


def _comments(raw: str, start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the HTML comments in a line, found by plain search (linear, whatever the text)."""
    out = []
    while (a := raw.find("<!--", start)) >= 0 and (b := raw.find("-->", a + 4)) >= 0:
        out.append((a, b + 3))
        start = b + 3
    return out


def _block(pieces: list[tuple[int, int, str]], kind: str) -> Block:
    text: list[str] = []
    origins: list[tuple[int, int, int]] = []
    offset = 0
    for line, column, piece in pieces:
        origins.append((offset, line, column))
        text.append(piece)
        offset += len(piece)
    return Block(text="".join(text), origins=tuple(origins), kind=kind)
