"""The full format: each finding as the concise line, then the source line with the stated figure
underlined (``^``) and the figures it was checked against (``-``) on their own lines, then what was
computed, the tolerance that applied, the figures used and any suggested correction.

Lines longer than a terminal are cut to a window around the figure; wide (CJK) characters count two
columns, so the marks sit under the figure; tabs between table cells show as ``│``.
"""

from __future__ import annotations

import unicodedata

from ..lang import value_zh
from . import headed
from .text import header, summary

_CONTEXT = 24  # characters of the line shown either side of a figure


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _shown(ch: str) -> str:
    return " │ " if ch == "\t" else ch


def excerpt(line: str, marks: list[tuple[int, int, str]]) -> tuple[str, str]:
    """The window of ``line`` around the marked stretches ``(start, end, mark)`` (0-based, end exclusive),
    and the line of marks under it."""
    lo = max(0, min(a for a, _, _ in marks) - _CONTEXT)
    hi = min(len(line), max(b for _, b, _ in marks) + _CONTEXT)
    text, under = ("…", " ") if lo else ("", "")
    for i in range(lo, hi):
        shown = _shown(line[i])
        mark = next((m for a, b, m in marks if a <= i < b), " ")
        text += shown
        under += mark * sum(_width(c) for c in shown)
    return text + ("…" if hi < len(line) else ""), under.rstrip()


def quote(doc, spans: list[tuple[object, str]], notes: dict[int, str]) -> list[str]:
    """The source lines of ``spans`` (each with its mark), in line order, each marked once, with the note
    of its first mark after the marks."""
    by_line: dict[int, list[tuple[int, int, str]]] = {}
    for span, mark in spans:
        line = doc.source_line(span.line)
        if line:
            end = span.end_column - 1 if span.end_line == span.line else len(line)
            by_line.setdefault(span.line, []).append((span.column - 1, max(end, span.column), mark))
    if not by_line:
        return []
    gutter = len(str(max(by_line)))
    out = [f"{'':>{gutter}} │"]
    for number in sorted(by_line):
        text, under = excerpt(doc.source_line(number), by_line[number])
        out += [f"{number:>{gutter}} │ {text}", f"{'':>{gutter}} │ {under} {notes.get(number, '')}".rstrip()]
    return out


def write(findings, stream, context) -> None:
    for f in findings:
        zh = context.lang == "zh"
        stream.write(header(f, context.lang) + "\n")
        doc = context.documents.get(f.path)
        if doc is not None:
            against, stated = ("比对", "所列") if zh else ("checked against", "stated")
            notes = {s.line: against for s in f.related}
            notes[f.span.line] = stated if f.span.line not in notes else f"{stated} (^), {against} (-)"
            lines = quote(doc, [(f.span, "^"), *((s, "-") for s in f.related)], notes)
            stream.write("".join(line + "\n" for line in lines))
        pad = " " * (len(str(max(s.line for s in (f.span, *f.related)))) + 1)
        for name, value in (("stated", f.stated), ("computed", f.computed), ("tolerance", f.tolerance),
                            ("figures", ", ".join(f.figures)), ("suggestion", f.suggestion)):
            if value:
                value = value_zh(value) if zh and name in ("tolerance", "computed") else value
                stream.write(f"{pad}= {headed([name], context.lang)[0]}: {value}\n")
        stream.write("\n")
    stream.write(summary(findings, context) + "\n")
