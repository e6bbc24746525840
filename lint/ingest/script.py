"""Traditional Chinese read as simplified: a report published in 繁體 (萬元, 總計, 執行率) is checked as one
in 简体, every character kept in its place.

The checks' vocabulary (收入总计, 其中, 执行率, the units 万元 and 亿元) is written in simplified characters,
so a traditional text would go unread. A document is taken as traditional when characters found only in
traditional writing (:data:`_TELLING`: 萬, 億, 與, 為, 總, 預, 執 …) are many and frequent among its Chinese
characters; its text is then converted character by character with OpenCC's ``t2s`` dictionary, each
character to one (a character that would become two or none is kept), so every offset, line and column
found on the converted text is the original's; its lines are quoted as converted too (a table's cells are
cut from them). A simplified text is never converted (its rare 乾 or 著 stay as written).
"""

from __future__ import annotations

from functools import lru_cache

# frequent characters of budget and performance reports that simplified writing never uses
_TELLING = frozenset(
    "萬億與為這個們來國說時會經費預決總額項資執轉補撥結餘實際單數產業開發區縣鎮務員辦處關應對當內報"
    "書體從檢驗環護衛藥醫療據標準績較減長達錢銀稅價幣劃構職責設備車輛購買營運緊議訓練課")
_MIN_TELLING = 20  # characters: a quotation or a name in 繁體 leaves a simplified report as it is
_SHARE = 0.02  # of the Chinese characters


def traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional characters (enough telling ones, often enough)."""
    telling = sum(map(text.count, _TELLING))  # (counted in C: every report is asked)
    if telling < _MIN_TELLING:
        return False
    chinese = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return telling >= chinese * _SHARE


def simplified(text: str) -> str:
    """``text`` with each traditional character replaced by its simplified one, one for one."""
    table = {ord(c): mapped for c in set(text) if "\u3400" <= c <= "\u9fff" and (mapped := _one(c)) != c}
    return text.translate(table)


@lru_cache(maxsize=8192)
def _one(char: str) -> str:
    converted = _converter().convert(char)
    return converted if len(converted) == 1 else char


@lru_cache(maxsize=1)
def _converter():
    import opencc  # (imported only for a traditional text: a simplified report never pays for it)

    return opencc.OpenCC("t2s")
