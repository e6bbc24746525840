"""Writers: one module per output format, each ``write(findings, stream, context)``.

A module whose ``BINARY`` is true (XLSX) writes bytes; the others write text. ``FORMATS`` lists the
names ``--output-format`` takes; ``auto`` is resolved by :func:`resolve` (``github`` under GitHub Actions).
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field

from ..lang import SEVERITY_ZH, reason_zh
from ..regex import lazy

_MODULES = {
    "full": "full", "concise": "text", "json": "json_", "json-lines": "json_lines", "sarif": "sarif",
    "github": "github", "junit": "junit", "markdown": "markdown", "html": "html", "csv": "csv_",
    "xlsx": "xlsx",
}
FORMATS = tuple(_MODULES)


@dataclass
class Context:
    """What writers may need besides the findings: the checks that ran, the files read, the documents
    with findings (for writers that quote the source), and the files that could not be read."""

    checks: list = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    version: str = ""
    documents: dict = field(default_factory=dict)
    """path -> Document, for the files with findings."""
    relations: dict = field(default_factory=dict)
    """path -> every relation judged in it (held or not), for writers that mark the figures checked."""
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(path, message) for the files that could not be read or checked."""
    lang: str = "en"
    """The language of the summary and the headers (zh or en)."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    """(path, why) for the documents found under a folder in a format crossfoot does not read."""

    def unchecked(self) -> list[dict]:
        """The files not checked, with why (in the findings' language), as the JSON and SARIF outputs carry
        them."""
        say = reason_zh if self.lang == "zh" else str
        return ([{"path": p, "reason": say(why), "status": "unreadable"} for p, why in self.errors]
                + [{"path": p, "reason": say(why), "status": "skipped"} for p, why in self.skipped])


def resolve(name: str) -> str:
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "concise"
    return name


def writer(name: str):
    return importlib.import_module(f"{__name__}.{_MODULES[resolve(name)]}")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = lazy(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_SURROGATE = lazy(r"[\ud800-\udfff]")


def printable(line: str) -> str:
    """``line`` with control characters shown as escapes (a file named with an ESC sequence or a newline
    must not drive the terminal or forge a line of its own), and the bytes of a name that are no UTF-8 (kept
    by the file system as lone surrogates) as ``\\xff``: never written raw, never an encoding error."""
    line = _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if ord(m.group()) >= 0xDC80
                          else f"\\u{ord(m.group()):04x}", line)
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], line)


def spreadsheet_cell(value):
    """A cell as a spreadsheet may show it safely: text that a spreadsheet would take for a formula
    (starting with = + - @, a tab or a carriage return: a file named ``=HYPERLINK(…).txt``) gets a leading
    apostrophe, as OWASP advises against CSV injection; numbers are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


HEADERS_ZH = {"path": "文件", "place": "位置", "line": "行", "column": "列", "code": "代码", "name": "名称",
              "severity": "级别", "message": "问题", "stated": "所列数", "computed": "计算值",
              "tolerance": "容差", "suggestion": "建议", "figures": "涉及数字", "snippet": "原文",
              "errors": "错误", "warnings": "警告", "infos": "提示", "findings": "问题数", "status": "状态",
              "files": "文件", "file": "文件"}


def headed(names, lang: str = "en") -> list[str]:
    """Column names (of :func:`rows`, :func:`per_file`, sheet names) in ``lang``."""
    return [HEADERS_ZH.get(n, n) for n in names] if lang == "zh" else list(names)


def rows(findings, lang: str = "en") -> tuple[list[str], list[list]]:
    """The findings as a table (header and rows), for the spreadsheet writers; in Chinese, places, severities
    and tolerances as a reviewer writes them (第6行, 错误, ±0.005（舍入）)."""
    from ..lang import title, value_zh

    zh = (lambda text: value_zh(text) if text else text) if lang == "zh" else (lambda text: text)
    header = ["path", "place", "line", "column", "code", "name", "severity", "message", "stated", "computed",
              "tolerance", "suggestion", "figures", "snippet"]
    body = [[printable(f.path), zh(f.span.where or f"line {f.span.line}"), f.span.line, f.span.column, f.code,
             title(f.code, f.name, lang), SEVERITY_ZH[str(f.severity)] if lang == "zh" else str(f.severity),
             f.message, f.stated,
             f.computed, zh(f.tolerance), f.suggestion, " | ".join(f.figures), f.span.snippet]
            for f in findings]
    return header, body




def per_file(findings, context) -> tuple[list[str], list[list]]:
    """One row per file checked, worst first: counts by severity, for triage."""
    from collections import Counter

    counts = {path: Counter() for path in context.files}
    for f in findings:
        counts.setdefault(f.path, Counter())[str(f.severity)] += 1
    zh = getattr(context, "lang", "en") == "zh"
    checked, unread, skipped = ("已检查", "未能检查", "已跳过") if zh else ("checked", "not read", "skipped")
    body = [[printable(path), checked, c["error"], c["warning"], c["info"], sum(c.values())]
            for path, c in counts.items()]
    body.sort(key=lambda r: (-r[2], -r[3], -r[4], r[0]))
    from ..lang import why as reason

    lang = "zh" if zh else "en"
    # (a file not read has no counts: its reason in the status column, never in a column of numbers)
    body += [[printable(path), f"{unread}: {printable(reason(message, path, lang))}", "", "", "", ""]
             for path, message in context.errors]
    body += [[printable(path), f"{skipped}: {printable(reason(why, path, lang))}", "", "", "", ""]
             for path, why in context.skipped]
    return ["path", "status", "errors", "warnings", "infos", "findings"], body
