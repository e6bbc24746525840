"""The default line format, as linters print it: ``path:line:col: CODE severity message``, then a summary.

For DOCX, PDF and HTML the place replaces ``line:col`` (``report.pdf:page 3: ...``, ``report.docx:table 2,
row 4, column 3: ...``) and the words around the figure follow the message, to search for in the original.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..model import Severity


def header(f) -> str:
    """The finding's line: ``path:line:col: CODE severity message`` (the place and snippet if placed)."""
    if f.span.where:
        return f"{f.path}:{f.span.where}: {f.code} {f.severity} {f.message} (at “{f.span.snippet}”)"
    return f"{f.path}:{f.span.line}:{f.span.column}: {f.code} {f.severity} {f.message}"


def write(findings, stream, context) -> None:
    for f in findings:
        stream.write(header(f) + "\n")
    stream.write(summary(findings, context) + "\n")


def summary(findings, context) -> str:
    """The closing line: the findings by severity, or that all checks passed; and the files that were not
    checked, named (``context.errors``: unreadable; ``context.skipped``: a format not read)."""
    files = len(context.files)
    checked = f"{files} file{'s' if files != 1 else ''}"
    tail = ""
    if context.errors:
        n = len(context.errors)
        if n == 1:
            tail += f" 1 file could not be checked: {context.errors[0][1]}."
        else:
            names = ", ".join(p for p, _ in context.errors[:3]) + (", …" if n > 3 else "")
            tail += f" {n} files could not be checked: {names} (each one's reason is given above)."
    if context.skipped:
        n = len(context.skipped)
        kinds = Counter(Path(p).suffix.lower() for p, _ in context.skipped)
        tail += (f" {n} file{'s' if n != 1 else ''} skipped, in formats not read "
                 f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}).")
    if not findings:
        if not files:
            return f"No file was checked.{tail}"
        return f"All checks passed ({checked}).{tail}"
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in sorted(Severity, reverse=True)
             if counts[s]]
    return (f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)}) "
            f"in {checked}.{tail}")
