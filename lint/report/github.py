"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

GitHub shows at most 10 annotations of each level per step, so at most 10 of each are written (the first,
in file order) and a closing line says how many more there are. When ``$GITHUB_STEP_SUMMARY`` is set the
Markdown report is appended to it, so the job's summary page lists every finding.

Text is escaped as the runner expects (``%``, CR and LF in the message; also ``:`` and ``,`` in
properties). DOCX, PDF and HTML findings name their place in the title, since line numbers in the text
crossfoot read mean nothing in the file GitHub shows.
"""

from __future__ import annotations

import os
from collections import Counter

from . import markdown, printable
from .text import summary

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
CAP = 10  # annotations GitHub shows per level and step


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f) -> str:
    level = LEVEL[str(f.severity)]
    props = [f"file={_property(printable(f.path))}"]
    title = f"{f.code} {f.name}"
    if f.span.where:
        title += f" ({f.span.where})"
    else:
        props += [f"line={f.span.line}", f"endLine={f.span.end_line}", f"col={f.span.column}",
                  f"endColumn={f.span.end_column}"]
    props.append(f"title={_property(title)}")
    return f"::{level} {','.join(props)}::{_data(f.message)}"


def write(findings, stream, context) -> None:
    shown: Counter = Counter()
    for f in findings:
        level = LEVEL[str(f.severity)]
        shown[level] += 1
        if shown[level] <= CAP:
            stream.write(annotation(f) + "\n")
    hidden = sum(max(0, n - CAP) for n in shown.values())
    if hidden:
        stream.write(f"{hidden} more finding{'s' if hidden != 1 else ''} not annotated (GitHub shows {CAP} "
                     "per level); see the job summary or run crossfoot locally.\n")
    stream.write(summary(findings, context) + "\n")
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            markdown.write(findings, out, context)
            out.write("\n")
