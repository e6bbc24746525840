"""Markdown a reviewer can paste into an issue or a review: the totals, the files worst first, then every
finding with its place, code and message."""

from __future__ import annotations

from html import escape

from . import SEVERITY_ZH, headed, per_file, printable
from .text import summary


def _cell(value) -> str:
    """A table cell: document text is untrusted, so HTML in it is escaped (a renderer shows it, never runs
    it), and pipes and backslashes cannot break the table."""
    text = escape(str(value), quote=False).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\n", " ")


def _table(header, body) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in body]
    return lines


def _place(f, zh: bool) -> str:
    if not zh:
        return f.span.where or f"{f.span.line}:{f.span.column}"
    from ..lang import value_zh

    return value_zh(f.span.where) if f.span.where else f"第{f.span.line}行第{f.span.column}列"


def write(findings, stream, context) -> None:
    zh = context.lang == "zh"
    lines = ["# crossfoot 检查结果" if zh else "# crossfoot findings", "", summary(findings, context), ""]
    if findings or context.errors or context.skipped:
        header, body = per_file(findings, context)
        lines += ["## 文件" if zh else "## Files", "",
                  *_table(headed(header, context.lang), [r for r in body if r[-1] != 0]), ""]
    if findings:
        body = [[printable(f.path), _place(f, zh), f"`{f.code}`",
                 SEVERITY_ZH[str(f.severity)] if zh else str(f.severity), f.message] for f in findings]
        names = headed(["file", "place", "code", "severity", "message"], context.lang)
        lines += ["## 问题" if zh else "## Findings", "", *_table(names, body), ""]
    stream.write("\n".join(lines))
