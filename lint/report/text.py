"""The default line format, as linters print it: ``path:line:col: CODE severity message``, then a summary.

For DOCX, PDF and HTML the place replaces ``line:col`` (``report.pdf:page 3: ...``, ``report.docx:table 2,
row 4, column 3: ...``) and the words around the figure follow the message, to search for in the original.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..lang import SEVERITY_ZH, say, value_zh, why
from ..model import Severity
from . import printable


def header(f, lang: str = "en") -> str:
    """The finding's line: ``path:line:col: CODE severity message`` (the place and snippet if placed); in
    Chinese the severity is 错误/警告/提示."""
    severity = SEVERITY_ZH[str(f.severity)] if lang == "zh" else f.severity
    if f.span.where:
        at = f"（原文“{f.span.snippet}”）" if lang == "zh" else f" (at “{f.span.snippet}”)"
        where = value_zh(f.span.where) if lang == "zh" else f.span.where
        return f"{printable(f.path)}:{where}: {f.code} {severity} {f.message}{at}"
    return f"{printable(f.path)}:{f.span.line}:{f.span.column}: {f.code} {severity} {f.message}"


def write(findings, stream, context) -> None:
    for f in findings:
        stream.write(printable(header(f, context.lang)) + "\n")
    stream.write(printable(summary(findings, context)) + "\n")


def summary(findings, context) -> str:
    """The closing line: the findings by severity, or that all checks passed; and the files that were not
    checked, named (``context.errors``: unreadable; ``context.skipped``: a format not read). In the
    context's language."""
    lang = getattr(context, "lang", "en")
    files = len(context.files)
    checked = say("files", lang, n=files)
    tail = ""
    if context.errors:
        n = len(context.errors)
        if n == 1:
            path, message = context.errors[0]
            shown = message if lang != "zh" else f"{path}（{why(message, path, lang)}）"
            tail += say("unread one", lang, why=shown)
        else:
            names = ", ".join(p for p, _ in context.errors[:3]) + (", …" if n > 3 else "")
            tail += say("unread many", lang, n=n, names=names)
    if context.skipped:
        kinds = Counter(Path(p).suffix.lower() for p, _ in context.skipped)
        tail += say("skipped", lang, n=len(context.skipped),
                    kinds=", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    if not findings:
        return (say("passed", lang, files=checked) if files else say("nothing", lang)) + tail
    counts = Counter(f.severity for f in findings)
    parts = [say(str(s), lang, n=counts[s]) for s in sorted(Severity, reverse=True) if counts[s]]
    return say("found", lang, n=len(findings), parts=("，" if lang == "zh" else ", ").join(parts),
               files=checked) + tail
