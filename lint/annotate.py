"""The annotated copy (``--annotate DIR``): a DOCX report with a Word comment on each finding's figure,
the way a reviewer marks a Word file.

The copy is the original package opened and saved by python-docx (≥ 1.2, the first with comments), with
one comment per finding anchored on the runs that hold the stated figure; the document's text is never
changed. A finding is placed by its place (``paragraph N``, ``table T, row R, column C``, numbered as the
reader numbers them: :func:`crossfoot.ingest.docx.blocks`) and, inside it, by the stated figure's text (the
occurrence nearest the figure's column when it appears twice). A finding in a header, footer or footnote,
or whose figure cannot be found in its runs, is left unplaced and counted: Word takes comments in the body
only.
"""

from __future__ import annotations

import re
from pathlib import Path

from .lang import SEVERITY_ZH
from .regex import lazy

AUTHOR, INITIALS = "crossfoot", "CF"
_PARAGRAPH = lazy(r"paragraph (\d+)")
_CELL = lazy(r"table (\d+), row (\d+), column (\d+)")
_NUMBER = lazy(r"[-+]?\d[\d,]*(?:\.\d+)?")


def targets(paths, folder: str) -> dict[str, Path]:
    """Where each DOCX of ``paths`` gets its copy in ``folder``: its own name, ``name-2.docx`` … when two
    reports share one. ValueError when a copy would land on a report being checked, or on a link (a copy
    written through it would land on a file nobody named)."""
    out: dict[str, Path] = {}
    taken: set[str] = set()
    checked = {Path(p).resolve() for p in paths}
    for path in paths:
        if Path(path).suffix.lower() != ".docx":
            continue
        stem, n = Path(path).stem, 1
        name = f"{stem}.docx"
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}.docx"
        taken.add(name.lower())
        target = Path(folder) / name
        if target.resolve() in checked:
            raise ValueError(f"--annotate {folder}: the copy of {path} would replace a report being checked; "
                             "give another folder")
        if target.is_symlink() or target.exists() and not target.is_file():
            raise ValueError(f"--annotate {folder}: {target} is a symbolic link or not a regular file (the "
                             "copy would be written into what it points to); remove it or give another "
                             "folder")
        out[path] = target
    return out


def annotate(source: str, findings, target: Path, lang: str = "en") -> tuple[int, int]:
    """Write ``source`` to ``target`` with a comment on each of ``findings``; (comments placed, findings
    left unplaced)."""
    import docx
    from docx.text.paragraph import Paragraph

    from . import files
    from .ingest.docx import blocks

    document = docx.Document(source)
    paragraphs, tables = {}, {}
    for kind, number, element in blocks(document.element.body):
        (paragraphs if kind == "paragraph" else tables)[number] = element
    placed = unplaced = 0
    for f in findings:
        where = f.span.where
        if m := _PARAGRAPH.match(where):
            element = paragraphs.get(int(m.group(1)))
            found = [Paragraph(element, document)] if element is not None else []
            column = f.span.column - 1
        elif m := _CELL.match(where):
            cell = _cell(tables.get(int(m.group(1))), int(m.group(2)), int(m.group(3)))
            found, column = [Paragraph(p, document) for p in cell], 0
        else:
            found = []
        runs = _runs(found, f.stated or "", column)
        if not runs:
            unplaced += 1
            continue
        document.add_comment(runs, text=comment(f, lang), author=AUTHOR, initials=INITIALS)
        placed += 1
    files.write(str(target), document.save, binary=True)
    return placed, unplaced


def comment(f, lang: str) -> str:
    """The comment's text: the code, the severity and the message (with its suggested correction)."""
    severity = SEVERITY_ZH[str(f.severity)] if lang == "zh" else str(f.severity)
    return f"{f.code} {severity}：{f.message}" if lang == "zh" else f"{f.code} {severity}: {f.message}"


def _cell(table, row: int, column: int) -> list:
    """The paragraphs of the cell at grid ``column`` of ``row`` (the cell that spans over it)."""
    from .ingest.docx import W, rows

    for r, _before, cells in rows(table) if table is not None else ():
        if r == row:
            for start, cell, span in cells:
                if start <= column < start + span:
                    return list(cell.iter(f"{W}p"))
    return []


def _runs(paragraphs, stated: str, column: int) -> list:
    """The first and last run holding ``stated`` (or, failing that, its number) in ``paragraphs``: the
    occurrence nearest ``column`` in the text they read; [] when neither is there."""
    from docx.text.run import Run

    spans, text = [], ""
    for paragraph in paragraphs:
        for item in paragraph.iter_inner_content():
            for run in [item] if isinstance(item, Run) else item.runs:  # a hyperlink's runs
                spans.append((len(text), len(text) + len(run.text), run))
                text += run.text
    number = _NUMBER.search(stated)
    for needle in (stated, number.group() if number else ""):
        starts = [m.start() for m in re.finditer(re.escape(needle), text)] if needle else []
        if starts:
            start = min(starts, key=lambda s: abs(s - column))
            end = start + len(needle)
            chosen = [(a, b, run) for a, b, run in spans if a < end and b > start]
            (a, b, last), first = chosen[-1], chosen[0][2]
            if b > end:
                last = _split(last, end - a, True) or last
                first = last if chosen[0][2] is chosen[-1][2] else first
            if chosen[0][0] < start:
                first = _split(first, start - chosen[0][0], False) or first
                last = first if chosen[0][2] is chosen[-1][2] else last
            return [first] if first is last else [first, last]
    return []


def _split(run, at: int, keep_left: bool):
    """``run`` cut in two at character ``at`` (a run of one text element only, its formatting copied to
    both halves), so that a comment marks the figure and not its whole sentence; the half kept (left or
    right), or None when the run is not that simple."""
    from copy import deepcopy

    from docx.text.run import Run

    from .ingest.docx import W

    r = run._r
    content = [c for c in r if c.tag != f"{W}rPr"]
    text = run.text
    if len(content) != 1 or content[0].tag != f"{W}t" or not 0 < at < len(text):
        return None
    twin = deepcopy(r)
    r.addnext(twin)
    for element, part in ((content[0], text[:at]), (twin.find(f"{W}t"), text[at:])):
        element.text = part
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return Run(r if keep_left else twin, run._parent)
