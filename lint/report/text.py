"""The default line format, as linters print it: ``path:line:col: CODE severity message``, then a summary.

For DOCX, PDF and HTML the place replaces ``line:col`` (``report.pdf:page 3: ...``, ``report.docx:table 2,
row 4, column 3: ...``) and the words around the figure follow the message, to search for in the original.
"""

from __future__ import annotations

from collections import Counter

from ..model import Severity


def header(f) -> str:
    """The finding's line: ``path:line:col: CODE severity message`` (the place and snippet if placed)."""
    if f.span.where:
        return f"{f.path}:{f.span.where}: {f.code} {f.severity} {f.message} (at “{f.span.snippet}”)"
    return f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {f.severity} {f.message}"


def write(findings, stream, context) -> None:
    for f in findings:
        stream.write(header(f) + "\n")
    stream.write(summary(findings, len(context.files), len(context.errors)) + "\n")


def summary(findings, files: int, unread: int = 0) -> str:
    """The closing line; ``unread`` files could not be checked at all."""
    tail = f" {unread} file{'s' if unread != 1 else ''} could not be checked." if unread else ""
    if not findings:
        return f"All checks passed ({files} file{'s' if files != 1 else ''}).{tail}"
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in sorted(Severity, reverse=True)
             if counts[s]]
    return (f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)}) "
            f"in {files} file{'s' if files != 1 else ''}.{tail}")
