"""Fixes, as ruff offers them: the edits crossfoot can make to a TXT or Markdown report for its findings.

* **safe** (``--fix``): a rate missing its percent sign (FMT002: ``增长 13.95`` → ``13.95%``), thousands
  separators regrouped by three, the digits untouched (FMT001: ``14,8134.51`` → ``148,134.51``), a template's
  alternative that the sentence itself decides (DOC009: ``下降（增长）`` → ``下降`` where the amount 减少);
* **unsafe** (only with ``--unsafe-fixes``): a figure changed to the one-digit correction its relation
  suggests (``820.50万元`` → ``830.50万元``): crossfoot cannot know which figure of a relation is the wrong
  one, so a person decides.

An edit replaces one stretch of one line, and is made only when that stretch still reads what the finding
read (a fix never lands on other characters); of two edits that overlap, the first is kept. Files are
written back in their own encoding and line endings. DOCX, PDF and HTML are never edited.

``--add-suppressions`` ends each line holding a finding's stated figure with a
``<!-- crossfoot: disable-line CODE -->`` comment (ruff's ``--add-noqa``), for adopting crossfoot on
reports whose findings are accepted; a line in a table gets it in a new last cell, so the row keeps its
columns.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .regex import lazy

SAFE = ("FMT001", "FMT002", "DOC009")
EDITABLE = (".txt", ".text", ".md", ".markdown")
_NUMBER = lazy(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Edit:
    line: int
    start: int
    """0-based code point offsets in the line, end exclusive."""
    end: int
    old: str
    new: str
    code: str
    safe: bool


def _regrouped(text: str) -> str:
    m = _NUMBER.search(text)
    if not m:
        return text
    whole, _, decimals = m.group().replace(",", "").partition(".")
    number = f"{int(whole):,}" + (f".{decimals}" if decimals else "")
    return text[:m.start()] + number + text[m.end():]


def edit_for(f) -> Edit | None:
    """The edit that fixes finding ``f``, or None when crossfoot has none to offer."""
    span = f.span
    if span.where or span.end_line != span.line:
        return None  # a place in a DOCX/PDF/HTML, or a stretch over lines: nothing to edit here
    start, end = span.column - 1, span.end_column - 1
    if f.code == "FMT002" and f.stated:
        return Edit(span.line, start, end, f.stated, f.stated + "%", f.code, True)
    if f.code == "FMT001" and f.stated:
        fixed = _regrouped(f.stated)
        return Edit(span.line, start, end, f.stated, fixed, f.code, True) if fixed != f.stated else None
    if f.code == "DOC009" and f.computed and f.stated:
        return Edit(span.line, start, end, f.stated, f.computed, f.code, True)
    if f.suggestion and " → " in f.suggestion and f.stated:
        was, now = f.suggestion.split(" → ", 1)
        if was in f.stated:
            return Edit(span.line, start, end, f.stated, f.stated.replace(was, now, 1), f.code, False)
    return None


def plan(findings, unsafe: bool = False) -> list[Edit]:
    edits = [e for e in map(edit_for, findings) if e is not None and (e.safe or unsafe)]
    unique = {(e.line, e.start, e.end, e.new): e for e in edits}
    return sorted(unique.values(), key=lambda e: (e.line, e.start))


def apply(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """``text`` with ``edits`` made (those whose stretch still reads ``old``, overlapping ones skipped), and
    the edits made."""
    lines = text.splitlines(keepends=True)
    done: list[Edit] = []
    by_line: dict[int, list[Edit]] = {}
    for e in edits:
        by_line.setdefault(e.line, []).append(e)
    for number, mine in by_line.items():
        if not 1 <= number <= len(lines):
            continue
        line = lines[number - 1]
        kept, reach = [], -1
        for e in sorted(mine, key=lambda e: e.start):
            if e.start >= reach and line[e.start:e.end] == e.old:
                kept.append(e)
                reach = e.end
        for e in reversed(kept):
            line = line[:e.start] + e.new + line[e.end:]
        lines[number - 1] = line
        done += kept
    return "".join(lines), done


def suppress(text: str, findings) -> tuple[str, int]:
    """``text`` with a ``disable-line`` comment ending each line that holds a finding's stated figure
    (the codes of that line's findings); how many lines got one."""
    codes: dict[int, list[str]] = {}
    for f in findings:
        if not f.span.where and f.code not in codes.setdefault(f.span.line, []):
            codes[f.span.line].append(f.code)
    lines = text.splitlines(keepends=True)
    added = 0
    for number, names in codes.items():
        if not names or not 1 <= number <= len(lines):
            continue
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        comment = f"<!-- crossfoot: disable-line {' '.join(sorted(names))} -->"
        glue = "\t" if "\t" in body else " "
        lines[number - 1] = f"{body}{glue}{comment}{line[len(body):]}"
        added += 1
    return "".join(lines), added


def read(path: str) -> tuple[str, str] | None:
    """A TXT/Markdown file's text and the encoding to write it back in; None when it cannot be edited
    safely (another format, or bytes that do not decode)."""
    from .ingest.text import decode

    if Path(path).suffix.lower() not in EDITABLE:
        return None
    data = Path(path).read_bytes()
    text, encoding, bad = decode(data)
    if bad is not None or " " in encoding:  # (with replacements, line by line, after a stray mark)
        return None
    if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8"
    return text, encoding


def write(path: str, text: str, encoding: str) -> None:
    from . import files

    files.write(path, lambda stream: stream.write(text.encode(encoding)), binary=True)


def unified(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
