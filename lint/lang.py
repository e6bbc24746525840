"""The language crossfoot speaks: messages, rule pages and summaries in Chinese (``zh``) or English
(``en``). ``--lang`` or the configuration's ``lang`` choose; by default the locale does (``LC_ALL``,
``LC_MESSAGES`` or ``LANG`` naming Chinese: zh, else en).

A check's Chinese message is its pack's ``message_zh`` (a reviewer's wording: the expected value at the
stated figure's own precision, ``应为 6.00%``, never the interval; ``full``, JSON and SARIF keep the
interval in their ``computed`` field). The few phrases the engine adds itself are here.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from .regex import lazy

LANGS = ("zh", "en")
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

PHRASES = {
    "truncated": {"en": "; consistent if the stated figure was truncated instead of rounded",
                  "zh": "；若该数为截尾而非四舍五入则一致"},
    "evened": {"en": "; consistent if its last digit was evened so that the shares total 100% (尾差)",
               "zh": "；若为使各项占比合计为100%而调整尾差则一致"},
    "floored": {"en": "; consistent if the score was rounded down to a whole point, as some forms do",
                "zh": "；若按整分向下取整则一致（部分表格如此计分）"},
    "rounded whole": {"en": "; consistent if the score was rounded to a whole point, as some forms do",
                      "zh": "；若按四舍五入取整分则一致（部分表格如此计分）"},
    "one digit": {"en": " (one digit differs: {fix}?)", "zh": "（疑为笔误：{fix}？）"},
    "unit slip": {"en": " (it holds if {fix}: the unit mistyped?)", "zh": "（若{fix}则一致，疑为单位笔误）"},
    "swapped": {"en": " (two digits swapped: {fix}?)", "zh": "（疑为数字颠倒：{fix}？）"},
    "crossing": {"en": " (or the cell its row and its column share is off: {part} → {fixed} makes both add "
                       "up?)",
                 "zh": "（或为所在行与所在列共有的单元格有误：{part} → {fixed} 则行、列均相符？）"},
    "the figure": {"en": "the figure", "zh": "该数"},
    "the table": {"en": "the table", "zh": "该表"},
    "passed": {"en": "All checks passed ({files}).", "zh": "全部通过（{files}）。"},
    "nothing": {"en": "No file was checked.", "zh": "没有检查任何文件。"},
    "found": {"en": "Found {n} finding{s} ({parts}) in {files}.",
              "zh": "发现 {n} 个问题（{parts}），共 {files}。"},
    "files": {"en": "{n} file{s}", "zh": "{n} 个文件"},
    "error": {"en": "{n} error{s}", "zh": "错误 {n}"},
    "warning": {"en": "{n} warning{s}", "zh": "警告 {n}"},
    "info": {"en": "{n} info{s}", "zh": "提示 {n}"},
    "unread one": {"en": " 1 file could not be checked: {why}.", "zh": " 1 个文件无法检查：{why}。"},
    "unread many": {"en": " {n} files could not be checked: {names} (each one's reason is on stderr).",
                    "zh": " {n} 个文件无法检查：{names}（原因见错误输出）。"},
    "skipped": {"en": " {n} file{s} skipped, in formats not read ({kinds}).",
                "zh": " 跳过 {n} 个不支持格式的文件（{kinds}）。"},
}


def from_locale() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def resolve(given: str = "") -> str:
    return given if given in LANGS else from_locale()


def say(key: str, lang: str = "en", **values) -> str:
    """The phrase ``key`` in ``lang`` with ``values`` filled (``s`` is the English plural ending of ``n``)."""
    if "n" in values and "s" not in values:
        values["s"] = "" if values["n"] == 1 else "s"
    return PHRASES[key]["zh" if lang == "zh" else "en"].format(**values)


# What kinds fill into messages in English (places, phrases), as a Chinese reviewer writes them; applied to
# each value of a Chinese message, in order (a regex and its replacement).
_VALUES_ZH = [(lazy(p), r) for p, r in (
    (r"\bpage (\d+), table (\d+), row (\d+), column (\d+)", r"第\1页表\2第\3行第\4列"),
    (r"\btable (\d+), row (\d+), column (\d+)", r"表\1第\2行第\3列"),
    (r"\bsheet (.+?), cell ([A-Z]+\d+)", r"工作表“\1”单元格\2"),  # (工作表“表1决算”单元格B4: the name apart)
    (r"\bsheet (\S+)", r"工作表“\1”"),
    (r"\bpage (\d+)", r"第\1页"),
    (r"\bparagraph (\d+)", r"第\1段"),
    (r"\bline (\d+)", r"第\1行"),
    (r"\bfootnote (\d+)", r"脚注\1"),
    (r"^header$", "页眉"), (r"^footer$", "页脚"),
    (r"^the figure$", "该数"), (r"^the group$", "该组"), (r"^the table$", "该表"),
    (r"^a score item$", "该得分项"),
    (r"^equals$", "等于"), (r"^is less than$", "小于"), (r"^is greater than$", "大于"),
    (r"^the same$", "相同"), (r"^less$", "较少"), (r"^greater$", "较多"),
    (r"^an increase$", "增加"), (r"^a decrease$", "减少"),
    (r"^its contents \(目录\)$", "目录"),
    (r"^the standard tables of a (.+)$", r"\1的标准表"),
    (r"^every target met exactly$", "各项指标恰好完成"),
    (r"^the (\d+) rows it totals$", r"其所合计的\1行"),
    (r"^the (\d+) scores of the table$", r"表中\1项得分"),
    (r"^(.+) \(the table's (.+)\)$", r"\1（表中“\2”）"),
    (r" \(share of the year elapsed\)", "（已过时间占全年比例）"),
    (r"^listed after it \(一是…\)$", "其后所列（一是…）"), (r"^listed after it$", "其后所列"),
    (r"^listed after it: (.+)$", r"其后所列 \1"),
    (r"^in (表\S*)$", r"见\1"), (r"^in the table below it$", "下表"), (r"^in the table above it$", "上表"),
    (r"^; listed more than once: ", "；重复列出："),
    (r"^ \(all but (\d+)\)$", r"（除\1项外）"),
    (r"; the sentence says (\S+): keep (\S+)", r"；句中为“\1”，应保留“\2”"),
    (r"^its title, ", "标题，"),
    (r"^the year of (\d+) of its dated figures$", r"\1个带年份数字所属的年份"),
    (r"^indicators met$", "完成的指标"), (r"^indicators missed$", "未完成的指标"),
    (r"^indicators in all$", "指标总数"), (r"^the indicator tables$", "据指标表"),
    (r"^(\d+) met and (\d+) missed said$", r"所称完成\1个、未完成\2个"),
    (r"^of (\d+) in all, (\d+) said missed$", r"共\1个，其中称\2个未完成"),
    (r"^rounding of both$", "两数的舍入误差"), (r" \(rounding\)", "（舍入）"),
    (r"^exact$", "精确（不计舍入）"), (r"^no rate$", "无法计算（基数为零）"), (r"^a value$", "应填的数值"),
    (r"^a statement$", "应有的说明"), (r"^absent$", "缺失"), (r"^empty$", "空表"),
    (r"^at most 100%$", "不超过100%"), (r"^no more than ", "不超过 "),
    (r"^>= ?(\S+)$", r"不低于\1"), (r"^<= ?(\S+)$", r"不高于\1"), (r"^< ?(\S+)$", r"低于\1"),
    (r">= ?(\d[\d.,]*)", r"不低于\1"), (r"(?<![<>=])< ?(\d[\d.,]*)", r"低于\1"),
    (r"(?<=\d) and (?=低于)", "且"), (r" \+ -(?=\d)", " − "), (r" \* ", " × "),
    (r"(?<=[行页段]), (?=第)", "、"),
    (r"(\S+) stands where (\S+) belongs", r"\1 处应为 \2"),
    (r"^repeats (\S+) ", r"重复 \1"),
    (r"^follows (\S+) (\(.*?\))?: ?(\S+) missing$", r"接在 \1\2 之后，缺 \3"),
    (r"(\S+) follows (\S+)", r"\1 接在 \2 之后"),
    (r" \((\S+) missing\)", r"（缺 \1）"),
    (r"^has no heading like it in the body$", "正文中没有对应标题"),
    (r"^is numbered (\S+) in the body ", r"正文中编号为 \1"),
    (r" against ", "，目标 "), (r" and (\d+) more$", r"等另\1项"),
    (r" and < ", " 且 < "),
    (r"\(", "（"), (r"\)", "）"),
)]


def value_zh(text: str) -> str:
    """A value an English kind filled in (a place, a phrase) as Chinese; Chinese text passes unchanged
    (brackets aside, which become full-width only around what was translated)."""
    if not re.search(r"[A-Za-z]{2}|>=|<|\+ -|\s\*\s", text):
        return text
    for pattern, replacement in _VALUES_ZH:
        text = pattern.sub(replacement, text)
    return text


# The messages of the codes crossfoot makes itself (no pack, no template), as a Chinese reviewer reads them.
_BUILTIN_ZH = {code: (lazy(pattern), zh) for code, pattern, zh in (
    ("ENC001", r"^bytes that are neither UTF-8 nor GB18030 \(first at byte (\d+): (0x[0-9A-F]{2})\); they "
               r"are shown as U\+FFFD and figures next to them may be lost$",
     "存在既非 UTF-8 也非 GB18030 的字节（首个在第 \\1 字节：\\2），显示为 U+FFFD，"
     "其旁的数字可能丢失"),
    ("ENC002", r"^a bidirectional control character \((U\+[0-9A-F]{4})[^)]*\) changes the order .*$",
     "本行有双向控制字符（\\1），会改变字符的显示顺序，读者所见可能与文件所存不同；"
     "此处数字按所存顺序读取"),
    ("ENC003", r"^(\d+) formula cell\(s\) have no saved value .*$",
     "\\1 个公式单元格没有保存计算结果（工作簿从未计算），读作空白；"
     "请先在 Excel 或 WPS 中打开并保存"),
    ("ENC004", r"^lines in two encodings, UTF-8 and GB18030 \(the first in GB18030: line (\d+)\); .*$",
     "文件各行编码不一，有 UTF-8 也有 GB18030（第一个 GB18030 行：第 \\1 行）；已逐行按各自编码读取，"
     "请将文件统一保存为一种编码"),
    ("SUP001", r"^suppression (`[^`]*`) matches no finding; remove it$",
     "屏蔽注释 \\1 未屏蔽任何问题，请删除"),
    ("INT001", r"^(\w+) could not check this document \((.*)\); its findings are missing, the other checks "
               r"ran \(a crossfoot defect: please report it\)$",
     "\\1 未能检查本文档（\\2），其问题缺失，其他检查照常进行（crossfoot 的缺陷，请反馈）"),
)}


def builtin_zh(code: str, message: str) -> str:
    """The message of a built-in code's finding (ENC001, SUP001, …) in Chinese; others unchanged."""
    pattern, zh = _BUILTIN_ZH.get(code, (None, ""))
    return pattern.sub(zh, message) if pattern is not None and pattern.match(message) else message


@functools.cache
def docs_zh() -> dict:
    """The Chinese rule documentation (``kinds/docs_zh.yaml``): ``kinds`` and ``modules`` (how each works),
    ``builtins`` (name, summary, made_by, fail, passing of the codes no pack declares)."""
    import yaml

    return yaml.safe_load((Path(__file__).parent / "kinds" / "docs_zh.yaml").read_text(encoding="utf-8"))


_NAMES_ZH: dict[str, str] = {}


def remember(checks) -> None:
    """Keep the Chinese names of ``checks`` (their packs' ``name_zh``) for :func:`title`."""
    _NAMES_ZH.update({c.code: c.name_zh for c in checks if c.name_zh})


def title(code: str, name: str, lang: str = "en") -> str:
    """The name a reader of ``lang`` sees for the check ``code`` named ``name``: in Chinese, its pack's
    ``name_zh`` (the shipped packs' when no check of this run was remembered), a built-in code's Chinese name,
    else ``name``; ``name`` stays the identifier configurations and suppression comments use."""
    if lang != "zh":
        return name
    if code not in _NAMES_ZH:
        built = docs_zh()["builtins"].get(code)
        if built:
            return built["name"]
        if not _NAMES_ZH:
            from . import engine

            remember(engine.load())
    return _NAMES_ZH.get(code) or name


# Why a file was not checked, as the readers and limits say it in English: each phrase in Chinese (applied in
# order, anywhere in the reason; the technical detail a library gave, in brackets, is kept as it is).
_REASONS_ZH = [(lazy(p), r) for p, r in (
    (r"not a (\w+) file \(its content says otherwise\)", r"不是 \1 文件（其内容不符）"),  # (first)
    (r"empty: no text to check", "空文件：没有可检查的文字"),
    (r" \(save it as \.(docx|xlsx) without a password\)", r"（请另存为不加密码的 .\1）"),
    (r"an encrypted workbook or a legacy \.xls file", "加密的工作簿或旧版 .xls 文件"),
    (r" \(not an Excel 97–2003 workbook\)", "（不是 Excel 97–2003 工作簿）"),
    (r" \(no OFD\.xml in the package\)", "（包中没有 OFD.xml）"),
    (r" \(OFD\.xml names no document\)", "（OFD.xml 未指明文档）"),
    (r" \(its part (\S+) is missing\)", r"（缺少其部件 \1）"),
    (r" \(its page tree or objects nest too deeply or refer to themselves\); not read",
     "（其页面树或对象嵌套过深或自我引用），未读取"),
    (r" \(no text, no images, no drawings\)", "（没有文字、图像或图形）"),
    (r": its (\d+) pages? hold ruling lines and shapes but no text and no images; "
     r"export it again with its text",
     r"：其 \1 页只有线条和图形，没有文字和图像；请连同文字重新导出"),
    (r", so its text comes out as glyph numbers; "
     r"export it again with fonts embedded as text, or run OCR on it",
     "，文字只能读成字形编号；请以可作文字的嵌入字体重新导出，或先做 OCR 文字识别"),
    (r"unpacks to (\d+) MB, more than a report's (\d+) MB", r"解压后 \1 MB，超过报告应有的 \2 MB"),
    (r"its part (\S+) unpacks to more than the (\d+) bytes it declares",
     r"其部件 \1 解压后超过所声明的 \2 字节"),
    (r"sheet (.+?) spans (\d+) rows × (\d+) columns, more than a report's tables; not read",
     r"工作表 \1 有 \2 行 × \3 列，远超报告的表格；未读取"),
    (r"its cells hold more than (\d+) M characters, more than a report's \(one long text repeated in every "
     r"cell\?\); not read",
     r"其单元格文字超过 \1 M 字符，远超报告应有的（疑为同一长文本重复填入每个单元格）；未读取"),
    (r"page (\d+) holds ([\d,]+) characters, more than any report's page \(([\d,]+)\); not read",
     r"第 \1 页有 \2 个字符，远超任何报告的一页（\3）；未读取"),
    (r"lists (\d+) pages, more than a report's (\d+); not read", r"列有 \1 页，超过报告应有的 \2 页；未读取"),
    (r", which (?:Word never writes|an OFD never holds) \(entity expansion is refused\); not read",
     "，正常文件从不含此内容（拒绝展开实体）；未读取"),
    (r"LibreOffice took more than (\d+) s to convert it", r"LibreOffice 转换用时超过 \1 秒"),
    (r"the PDF reader stopped \(signal (\d+)\): it ran out of memory or met a damaged file; not read",
     r"PDF 读取程序中止（信号 \1）：内存不足或文件已损坏；未读取"),
    (r"the PDF reader stopped \(exit (\d+)\): it ran out of memory or met a damaged file; not read",
     r"PDF 读取程序中止（退出码 \1）：内存不足或文件已损坏；未读取"),
    (r"no such file|No such file or directory", "文件不存在"),
    (r"Permission denied", "无权读取"), (r"Is a directory", "这是一个文件夹"),
    (r"the (PDF|OFD) is encrypted; save an unprotected copy to check it",
     r"\1 已加密；请另存一份未加密的副本再检查"),
    (r"the workbook is encrypted; save an unprotected copy to check it",
     "工作簿已加密；请另存一份未加密的副本再检查"),
    (r"the (PDF|OFD) has no text layer \(a scan\?\)"
     r"(?:; run OCR on it first, crossfoot reads text, not images)?",
     r"\1 没有文字层（扫描件？）；请先做 OCR 文字识别，crossfoot 读取文字而非图像"),
    (r"a damaged or empty (PDF|OFD): nothing could be read from its (\d+) pages?",
     r"\1 已损坏或为空：其 \2 页中读不出任何内容"),
    (r"a damaged (PDF|OFD), or one whose text was drawn as outlines", r"\1 已损坏，或其文字是以轮廓绘制的"),
    (r"the (PDF|OFD)'s fonts have no character map", r"\1 的字体缺少字符映射"),
    (r"not a readable PDF", "不是可读取的 PDF"),
    (r"not an? (DOCX|OFD|XLS|XLSX) file", r"不是 \1 文件"), (r"not a ZIP package", "不是 ZIP 包"),
    (r"no document part", "缺少正文部分"), (r" \(its ZIP package cannot be read\)", "（其 ZIP 包无法读取）"),
    (r" ?\(Failed to load document \(PDFium: Data format error\)\.?\)", "（PDFium 无法载入：数据格式错误）"),
    (r" ?\(Failed to load document \(PDFium: File access error\)\.?\)", "（PDFium 无法载入：文件访问错误）"),
    (r" ?\(Failed to load document \(PDFium: ([^)]*)\)\.?\)", r"（PDFium 无法载入：\1）"),
    (r"a damaged or truncated (\w+)", r"\1 文件已损坏或不完整"), (r"a damaged (\w+)", r"\1 文件已损坏"),
    (r"an encrypted DOCX or a legacy \.doc file", "加密的 DOCX 或旧版 .doc 文件"),
    (r"a binary file, not text", "二进制文件，不是文本"), (r"not text: ", "不是文本："),
    (r" \(a NUL byte at byte (\d+)\)", r"（第 \1 字节为 NUL）"),
    (r" \(control characters\)", "（含控制字符）"),
    (r"; crossfoot reads \.txt and \.md as text and \.docx, \.pdf, \.html in their own formats",
     "；crossfoot 将 .txt 和 .md 作为文本读取，.docx、.pdf、.html 按各自格式读取"),
    (r"its bytes decode as GB18030 into no Chinese a report is written in \(Japanese Shift-JIS, Korean "
     r"EUC-KR or EBCDIC text does\)",
     "其字节按 GB18030 解码后不是报告所用的中文（日文 Shift-JIS、韩文 EUC-KR 或 EBCDIC 文本即如此）"),
    (r"its bytes read as (\S+) text far better than as GB18030 \(Japanese or Korean text, not a Chinese "
     r"report\)", r"其字节按 \1 读取远比按 GB18030 通顺（日文或韩文文本，不是中文报告）"),
    (r"its bytes decode as GB18030 into Japanese kana \(Japanese EUC-JP text does\)",
     "其字节按 GB18030 解码后为日文假名（日文 EUC-JP 文本即如此）"),
    (r"its bytes are EBCDIC \(no ASCII line end or digit, its spaces read as @\)",
     "其字节为 EBCDIC 编码（没有 ASCII 换行符和数字，空格读作 @）"),
    (r"its bytes decode as GB18030 into private-use characters \(EBCDIC or other bytes do\)",
     "其字节按 GB18030 解码后为自定义区字符（EBCDIC 等字节即如此）"),
    (r"its bytes decode as GB18030 only into rare characters \(random bytes do\)",
     "其字节按 GB18030 只能解码为生僻字（随机字节即如此）"),
    (r"(\d+) of its (\d+) characters are neither UTF-8 nor GB18030",
     r"其 \2 个字符中有 \1 个既非 UTF-8 也非 GB18030"),
    (r"(; )?crossfoot reads \.txt and \.md as UTF-8 or GB18030 text",
     lambda m: ("；" if m.group(1) else "") + "crossfoot 按 UTF-8 或 GB18030 读取 .txt 和 .md"),
    (r"a loop of symbolic links; not read", "符号链接循环，未读取"),
    (r"a symbolic link to (.+), which does not exist", r"指向 \1 的符号链接，目标不存在"),
    (r"\(a zip bomb\?\); not read", "（疑为压缩炸弹），未读取"),
    (r"declares a DTD or entities", "声明了 DTD 或实体"),
    (r"LibreOffice could not read it", "LibreOffice 无法读取"), (r": damaged\?;", "：文件损坏？；"),
    (r"(; )?save it as \.docx \(Word or WPS: 另存为 → \.docx\)",
     lambda m: ("；" if m.group(1) else "") + "请另存为 .docx（Word 或 WPS：另存为 → .docx）"),
    (r", or install LibreOffice, which crossfoot then uses to read it",
     "，或安装 LibreOffice，crossfoot 即可借它读取"),
    (r"a legacy Word document", "旧版 Word 文档"), (r"a WPS document", "WPS 文字文档"),
    (r"an RTF document", "RTF 文档"), (r"an OpenDocument text", "OpenDocument 文字文档"),
    (r"a WPS workbook: save it as \.xlsx", "WPS 表格：请另存为 .xlsx"),
    (r"an OpenDocument spreadsheet: save it as \.xlsx", "OpenDocument 表格：请另存为 .xlsx"),
    (r"a presentation: not read", "演示文稿：不读取"),
    (r"cannot read (\S+) files \(supported: ([^)]*)\)", r"不能读取 \1 文件（支持：\2）"),
    (r"cannot read files without a suffix \(supported: ([^)]*)\)", r"不能读取没有扩展名的文件（支持：\1）"),
    (r"took longer than (\S+) s; stopped", r"用时超过 \1 秒，已停止"),
    (r"; not checked \(raise --timeout to allow more\)", "；未检查（可用 --timeout 放宽）"),
    (r"needed more than (\d+) MB; not checked \(raise --memory to allow more\)",
     r"所需内存超过 \1 MB；未检查（可用 --memory 放宽）"),
    (r"ran out of memory \(the limit is (\d+) MB a file\)", r"内存不足（每个文件限 \1 MB）"),
    (r"internal error while checking", "检查时发生内部错误："),

    (r"^larger than (\d+) MB$", r"大于 \1 MB"),
    (r"not ([^()]+?) \(its first bytes are not of one: damaged, or another kind of file renamed\)",
     r"不是\1（其开头的字节不符：文件已损坏，或是改了扩展名的其他文件）"),  # (after the kinds' names)
)]


# Why a command could not go on (``crossfoot: error: …``), as the command line says it in English: each
# phrase in Chinese (applied in order; a file's reason is then read by reason_zh).
_FAILS_ZH = [(lazy(p), r) for p, r in (
    (r" matches no check \(did you mean ([^)]*)\?\)", r" 不是任何检查的代码或名称（是否要输入 \1？）"),
    (r" matches no check", " 不是任何检查的代码或名称"),
    (r"(; )?`crossfoot rules` lists them",
     lambda m: ("；" if m.group(1) else "") + "`crossfoot rules` 列出全部检查"),
    (r" is a prefix of several codes: give one \(`crossfoot rules` 列出全部检查\)",
     "是多个代码的前缀：请给出其中一个（`crossfoot rules` 列出全部检查）"),
    (r"^select/ignore: ", "--select/--ignore："),
    (r"^output-format (\S+) in (.+) is not one of (.+)$", r"\2 中的 output-format \1 不是以下之一：\3"),
    (r"^--output-format (\S+) writes a binary file; give it a name with -o FILE$",
     r"--output-format \1 生成的是二进制文件：请用 -o 文件名 写入文件"),
    (r"^(\S+) (.+) is a report being checked; write the findings to another file$",
     r"\1 \2 是正在检查的报告：请把问题写入另一个文件"),
    (r"^cannot write the batch's results to (.*?): ", r"无法把批量检查的结果写入 \1："),
    (r"^cannot write the findings: ", "无法写出问题："), (r"^cannot write (.+?): ", r"无法写入 \1："),
    (r"Permission denied", "权限不足"), (r"No space left on device", "磁盘空间不足"),
    (r"Read-only file system", "文件系统只读"), (r"File too large", "文件过大（超出文件大小限制）"),
    (r"^--executor dask needs --scheduler ADDRESS$", "--executor dask 需要用 --scheduler 指定调度器地址"),
    (r"^great_expectations is not installed; install it with: ", "未安装 great_expectations，请运行："),
    (r"^the desk needs the web extra: ", "核查台需要 web 扩展，请运行："),
    (r"^cannot listen on (\S+): the port is in use \(a desk may be running there already: open the address "
     r"it printed, or give another port, --port 0 for any free one\)$",
     r"无法在 \1 上启动：端口已被占用（可能已有一个核查台在运行：请打开它启动时显示的地址；或换一个端口，"
     r"--port 0 表示任选空闲端口）"),
    (r"^cannot listen on (\S+) \(not an address of this computer\)$", r"无法在 \1 上启动（不是本机的地址）"),
    (r"; not read \(raise --timeout to allow more\)$", "；未读取（可用 --timeout 放宽）"),
    (r"needed more than (\d+) MB; not read \(raise --memory to allow more\)$",
     r"所需内存超过 \1 MB；未读取（可用 --memory 放宽）"),
)]


def fail_zh(message: str) -> str:
    """Why a command could not go on, in Chinese (its own phrases, then a file's reason as reason_zh
    reads it); what is not listed stays as it was said."""
    for pattern, replacement in _FAILS_ZH:
        message = pattern.sub(replacement, message)
    return reason_zh(message)


def why(message: str, path: str, lang: str = "en") -> str:
    """Why ``path`` was not checked, from a reader's ``message`` (``path: why``): without the path (it stands
    beside it wherever this is shown), in ``lang``."""
    text = message[len(path) + 2 :] if message.startswith(f"{path}: ") else message
    return reason_zh(text) if lang == "zh" else text


def reason_zh(text: str) -> str:
    """Why a file was not checked (a reader's or a limit's English words) in Chinese; the file's name at its
    head (``path: why``) and a library's own words in brackets are kept."""
    for pattern, replacement in _REASONS_ZH:
        text = pattern.sub(replacement, text)
    return text
