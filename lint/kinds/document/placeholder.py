"""placeholder: a template's placeholder left in the report (XX局, 20XX年, ××单位, 【单位名称】, YYYY).

Finds runs of two or more placeholder letters (X, x, Ｘ, ×, and ``YYYY``, ``MM``, ``DD`` before 年, 月, 日)
standing on their own (not inside a Latin word: XXL, Excel) and written into the Chinese text as a
template's are (XX局, 20XX年, ××单位: a Chinese character or digit right beside them; a lone XXX among
Latin letters and spaces is a scan's noise, not a template's), and bracketed template fields that name what
to fill in (【单位名称】, [填写部门], 【XX】; option ``fields``: 名称, 单位, 部门, 填写, 填报, 金额, 日期),
not a web site's column tag before a title (【部门预算公开】, 【政策解读】) nor a table's name (【支出项目
录入表】); nor letters in an instruction's example (例：部门发展性项目支出xxx万元); nor a field's label with
its value beside it or on the next line ([ 发布日期 ] | 2024-12-09; [ 成文日期 ] 2019-12-25).
A name or a telephone number masked for publication (填表人：王××, 0826-5xxxxxx) is no placeholder. One
finding per placeholder, on it: a drafter forgot to replace it.
"""

from __future__ import annotations

import re

from ...regex import lazy
from ...vocabulary import Words
from ..base import Check, report
from ..options import options

KIND = "placeholder"
FIELDS = ("stated", "computed")

_LETTERS = lazy(r"(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[XxＸｘ×]{2,}|YYYY(?=\s*年)|MM(?=\s*月)|DD(?=\s*日))"
                      r"(?![A-Za-zＡ-Ｚａ-ｚ])")
_CJK = lazy(r"[\u4e00-\u9fff\d]")


@options
class Options:
    fields: Words = Words(["名称", "单位", "部门", "填写", "填报", "金额", "日期", "项目"])


def run(analysis, check: Check):
    bracketed = _bracketed(check.options.fields)
    blocks = analysis.doc.blocks
    for index, block in enumerate(blocks):
        text = block.text
        if not _LETTERS.search(text) and not bracketed.search(text):
            continue
        seen: list[tuple[int, int]] = []
        for m in [*bracketed.finditer(text), *_LETTERS.finditer(text)]:
            if any(a <= m.start() < b for a, b in seen):
                continue  # the letters of a bracketed field (【XX】) are that one placeholder
            seen.append((m.start(), m.end()))
            if not m.group().startswith(("【", "[", "［", "〔")) and not _glued(text, m.start(), m.end()):
                continue
            if _MASKED.search(text, max(0, m.start() - 16), m.start()):
                continue  # 填表人：王××, 0826-5xxxxxx: a name or a number masked for publication
            if _COLUMN_TAG.search(m.group()) and not _LETTERS.search(m.group()):
                continue  # 【部门预算公开】: the web site's column the page was published in
            if _EXAMPLE.search(text, max(0, m.start() - 30), m.start()):
                continue  # 填报说明：…例：部门发展性项目支出xxx万元: an instruction's example, no blank
            if _PADDED.fullmatch(m.group()) and not _LETTERS.search(m.group()) and (
                    _FILLED.match(text, m.end()) or not text[m.end():].strip() and index + 1 < len(blocks)
                    and _VALUE_LINE.match(blocks[index + 1].text)
                    or any(_FILLED.match(text, f.end()) for f in _PADDED.finditer(text)
                           if f.start() != m.start())):
                continue  # [ 发布日期 ] | 2024-12-09: a page's field label, its value beside it or under it,
                # or among such labels with their values ([ 生效日期 ] 2024-01-01 [ 废止日期 ]: left empty)
            yield report(check, analysis, block.span(m.start(), m.end()), m.group(), computed="a value")


# a person's name or a telephone number masked before publication, not a template's blank
_MASKED = lazy(r"(?:(?:填表人|联系人|负责人|经办人|审核人|填报人|制表人)\s*[:：]\s*[\u4e00-\u9fff]{1,2}"
               r"|\d{3,4}-?\d{0,4}|1[3-9]\d{1,4})$")


# a web site's column tag before a title (【部门预算公开】, 【政策解读】) or a table's name (【支出项目录入
# 表】), not a field to fill in
_COLUMN_TAG = lazy(r"(?:公开|公示|公告|解读|专栏|动态|要闻|通知|发布|表)\s*[】\]］〕]$")


# [ 发布日期 ]: a label set in its brackets (a blank on one side at least: [成文日期 ])
_PADDED = lazy(r"[【\[［](?:\s+\S[^【】\[\]［］]*?\s*|\S[^【】\[\]［］]*?\s+)[】\]］]")
# its value in the next cell, or a date or a number after a blank ([ 成文日期 ] 2019-12-25)
_FILLED = lazy(r"\s*[|\t]\s*[^\s|]|\s*\d{4}(?:[-./年]\d|\d)")  # (or right after: [ 成文日期 ]2025-01-20)
_VALUE_LINE = lazy(r"[\s•·*-]*\d{4}(?:[-./年]\d|\d)")  # • 2024-02-27: a date or a number under its label
_EXAMPLE = lazy(r"例(?:如)?\s*[:：][^。；;]*$")


def _bracketed(fields: Words) -> re.Pattern:
    """A template field in brackets that names what to fill in: 【单位名称】, [填写部门], 【XX】."""
    inside = r"[^【】\[\]［］〔〕]"
    return re.compile(rf"[【\[［〔]\s*{inside}{{0,10}}?(?:{fields.pattern.pattern}|XX|××){inside}{{0,6}}\s*"
                      r"[】\]］〕]")


def _glued(text: str, start: int, end: int) -> bool:
    """Placeholder letters written into Chinese text: a Chinese character or a digit right beside them."""
    return bool(start and _CJK.match(text[start - 1]) or end < len(text) and _CJK.match(text[end]))
