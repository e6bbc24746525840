"""Findings a user has chosen not to see: inline comments in TXT and Markdown, and a baseline file.

Inline, as markdownlint writes them (the codes are codes, code prefixes or names; none means every check)::

    <!-- crossfoot: disable-file DOC005 -->        the whole file
    <!-- crossfoot: disable SUM001 -->             from here to a matching enable (or the end)
    <!-- crossfoot: enable SUM001 -->
    <!-- crossfoot: disable-line RAT -->           this line (the comment sits at its end)
    <!-- crossfoot: disable-next-line -->          the next line with text

A finding is suppressed when the line of its stated figure is. A directive that suppresses nothing is
itself reported (``SUP001``), so stale ones are cleaned up; one naming only checks that did not run is not.

A **baseline** (``--write-baseline FILE``, then ``--baseline FILE``) records today's findings so that
tomorrow's run reports only new ones, in DOCX and PDF too, where comments cannot be written. Each entry
is keyed on the file, the code and a fingerprint: a hash of the figures' text and of the label before the
stated figure (the words back to the clause's start), never of line numbers, so it survives edits
elsewhere in the document. Entries that match nothing any more are counted, so the baseline can be renewed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .model import Document, Finding, Severity, Span
from .regex import lazy

_DIRECTIVE = lazy(
    r"<!--\s*crossfoot:\s*(?P<action>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<codes>[^>]{0,300}?)\s*-->")  # bounded: linear however many comments a line holds
_LABEL_STOP = "，,。；;：:、\t（(）)"
BASELINE_VERSION = 1


@dataclass
class Directive:
    action: str
    codes: tuple[str, ...]
    span: Span
    lines: range = range(0)
    used: bool = False

    def covers(self, f: Finding) -> bool:
        return f.span.line in self.lines and matches(f, self.codes)

    @property
    def text(self) -> str:
        return " ".join((self.action, *self.codes))


def matches(f: Finding, codes: tuple[str, ...]) -> bool:
    """Whether ``f`` is one of ``codes`` (codes, code prefixes or names); every finding if there are none."""
    return not codes or matches_any(f, codes)


def matches_any(f: Finding, codes) -> bool:
    return any(f.code.startswith(c.upper()) or f.name == c or c.upper() == "ALL" for c in codes)


def directives(doc: Document) -> list[Directive]:
    """The suppression comments of a TXT or Markdown document, each with the lines it covers."""
    if doc.places:  # DOCX, PDF, HTML: no comments a user could write; use a baseline
        return []
    found: list[Directive] = []
    last = len(doc.lines)
    for number, line in enumerate(doc.lines, start=1):
        for m in _DIRECTIVE.finditer(line):
            codes = tuple(c for c in re.split(r"[\s,]+", m.group("codes")) if c)
            span = Span(number, m.start() + 1, number, m.end() + 1)
            found.append(Directive(m.group("action"), codes, span))
    for i, d in enumerate(found):
        n = d.span.line
        if d.action == "disable-file":
            d.lines = range(1, last + 1)
        elif d.action == "disable-line":
            d.lines = range(n, n + 1)
        elif d.action == "disable-next-line":
            following = next((k for k in range(n + 1, last + 1)
                              if _DIRECTIVE.sub("", doc.lines[k - 1]).strip()), n + 1)
            d.lines = range(following, following + 1)
        elif d.action == "disable":
            end = next((e.span.line for e in found[i + 1:] if e.action == "enable"
                        and (not e.codes or not d.codes or set(e.codes) & set(d.codes))), last + 1)
            d.lines = range(n, end)
    return [d for d in found if d.action != "enable"]


def apply(doc: Document, findings: list[Finding], ran: set[str]) -> list[Finding]:
    """``findings`` less those suppressed inline, plus a SUP001 finding per directive that suppressed
    nothing although a check it names ran (``ran``: the codes of the checks that ran)."""
    marks = directives(doc)
    if not marks:
        return findings
    kept = []
    for f in findings:
        hit = [d for d in marks if d.covers(f)]
        for d in hit:
            d.used = True
        if not hit:
            kept.append(f)
    for d in marks:
        named_ran = not d.codes or any(code.startswith(c.upper()) for c in d.codes for code in ran)
        if not d.used and named_ran:
            kept.append(Finding(
                code="SUP001", name="unused-suppression", severity=Severity.WARNING,
                message=f"suppression `{d.text}` matches no finding; remove it", path=doc.path, span=d.span,
                stated=d.text, figures=(d.text,)))
    return sorted(kept, key=Finding.sort_key)


def label(doc: Document | None, span: Span) -> str:
    """The words before the figure at ``span`` on its line, back to the start of its clause."""
    if doc is None:
        return ""
    line = doc.source_line(span.line)[: span.column - 1]
    cut = max((line.rfind(ch) for ch in _LABEL_STOP), default=-1)
    return line[cut + 1:].strip()[-16:]


def fingerprint(f: Finding, doc: Document | None) -> str:
    """A finding's identity across edits: its code, the label before its stated figure, the figures' text."""
    key = "\x1f".join((f.code, label(doc, f.span), *f.figures))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _key_path(path: str, root: Path) -> str:
    """A checked file's path as a baseline keys it: relative to the baseline's folder, so the baseline
    holds whatever the folder the run starts from and however the path was written (``./r.txt``)."""
    return Path(os.path.relpath(os.path.abspath(path), root)).as_posix()


def write_baseline(path: str | Path, findings: list[Finding], documents: dict) -> int:
    root = Path(os.path.abspath(path)).parent
    entries = sorted({(_key_path(f.path, root), f.code, fingerprint(f, documents.get(f.path)), f.message)
                      for f in findings})
    data = {"version": BASELINE_VERSION, "tool": "crossfoot",
            "findings": [{"path": p, "code": c, "fingerprint": h, "message": m} for p, c, h, m in entries]}
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(entries)


class BaselineError(Exception):
    pass


class Baseline:
    """Known findings; each entry hides as many matching findings as it was written for."""

    def __init__(self, path: str | Path):
        try:
            from .files import read_text

            data = json.loads(read_text(path, "baseline"))
            entries = data["findings"]
            self.left = Counter((e["path"], e["code"], e["fingerprint"]) for e in entries)
            self.root = Path(os.path.abspath(path)).parent
        except OSError as exc:
            raise BaselineError(f"{path}: {exc.strerror or exc}") from None
        except (ValueError, KeyError, TypeError, RecursionError) as exc:  # (nested 100,000 deep: no baseline)
            raise BaselineError(f"{path}: not a crossfoot baseline ({type(exc).__name__}: {exc})") from None
        self.hidden = 0
        self.checked: set[str] = set()

    def filter(self, findings: list[Finding], doc: Document | None) -> list[Finding]:
        kept = []
        if doc is not None:
            self.checked.add(_key_path(doc.path, self.root))
        for f in findings:
            key = (_key_path(f.path, self.root), f.code, fingerprint(f, doc))
            if self.left[key] > 0:
                self.left[key] -= 1
                self.hidden += 1
            else:
                kept.append(f)
        return kept

    @property
    def stale(self) -> int:
        """Entries of the files checked that matched no finding in this run (fixed since)."""
        return sum(n for (path, _, _), n in self.left.items() if n > 0 and path in self.checked)

