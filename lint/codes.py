"""Every code a finding can carry: the checks of the packs, and the few that no pack declares because the
readers, the engine and the suppression comments make them (``ENC001``–``ENC004``, ``INT001``,
``SUP001``).

The built-in codes are listed by ``crossfoot rules``, have a page (``crossfoot rule ENC001``, ``docs``) and
are selected and ignored like any check. A ``select``/``ignore`` entry that matches no code is a usage
error, never a silent "All checks passed": :func:`unknown` names it with the closest codes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True)
class Builtin:
    code: str
    name: str
    severity: str
    summary: str
    made_by: str
    """What makes the finding, and when (for the rule's page)."""
    fail: str
    """A failing example, described (the reader's input cannot always be shown as text)."""
    passing: str


BUILTIN = (
    Builtin("ENC001", "undecodable-bytes", "warning",
            "A text file holds bytes that are neither UTF-8 nor GB18030.",
            "The text reader (.txt, .md) decodes a file as UTF-8, else as GB18030, choosing the one that "
            "loses fewer characters; the first byte neither can decode is reported with its line and "
            "column. The bytes are shown as U+FFFD, and a figure next to them may be lost to the checks.",
            "a GBK file with one stray byte 0xFF inside a sentence",
            "the same file saved as UTF-8 (or GBK) without the stray byte"),
    Builtin("ENC002", "bidirectional-control", "warning",
            "A bidirectional control character (U+202A–U+202E, U+2066–U+2069) is in the text.",
            "Every reader reports each line holding one (a Trojan Source character): what is shown cannot be "
            "told from what is stored, so a figure may read differently to a person and to crossfoot.",
            "本年支出100.00万元 with a RIGHT-TO-LEFT OVERRIDE (U+202E) stored before the amount",
            "本年支出100.00万元"),
    Builtin("ENC003", "formula-without-value", "warning",
            "A workbook's formula cells have no saved value.",
            "The XLSX reader reads the value Excel or WPS saved with each formula. A workbook written by a "
            "program that never calculated it has none: those cells read empty (a total the checks then "
            "cannot see), and this finding says how many there are.",
            "an .xlsx written by a script, whose 合计 cells are =SUM(...) formulas never calculated",
            "the same workbook opened and saved once in Excel or WPS"),
    Builtin("ENC004", "mixed-encodings", "warning",
            "A text file's lines are in two encodings, some UTF-8 and some GB18030.",
            "The text reader (.txt, .md) reads a file that is neither UTF-8 nor GB18030 as a whole line by "
            "line, when every line is one or the other (a GBK file appended to by a UTF-8 editor, or two "
            "files pasted together): each line in its own, and this finding names the first line in GB18030. "
            "The figures are all read; the file should be saved in one encoding before it is sent on.",
            "a GBK report to which a UTF-8 editor appended a paragraph",
            "the same report saved as UTF-8 throughout"),
    Builtin("INT001", "check-failed", "warning",
            "A check failed on this document (a defect of crossfoot's); its findings are missing.",
            "The engine runs each check on its own: when one fails on a document (an input its authors did "
            "not foresee), its findings are dropped and this finding names the check and the error, while "
            "every other check's findings are reported as usual. Please report it with the document.",
            "a report with a sentence shape that makes one check fail",
            "the same report once the defect is mended"),
    Builtin("SUP001", "unused-suppression", "warning",
            "A suppression comment suppresses nothing.",
            "In TXT and Markdown, a comment such as <!-- crossfoot: disable-next-line SUM001 --> that "
            "hides no finding of the checks it names is reported, so that stale ones are removed; one naming "
            "only checks that did not run is not reported.",
            "<!-- crossfoot: disable-next-line SUM001 --> above a line whose parts add up",
            "the same comment above the line whose SUM001 finding it hides"),
)
BY_CODE = {b.code: b for b in BUILTIN}


def builtin(code_or_name: str) -> Builtin | None:
    return BY_CODE.get(code_or_name.upper()) or next((b for b in BUILTIN if b.name == code_or_name), None)


def unknown(patterns, checks) -> list[str]:
    """A message for each of ``patterns`` (codes, code prefixes or names, as ``select`` takes them) that
    matches no check of ``checks`` and no built-in code, with the closest codes or names."""
    codes = [c.code for c in checks] + [b.code for b in BUILTIN]
    names = [c.name for c in checks] + [b.name for b in BUILTIN]
    prefixes = sorted({code.rstrip("0123456789") for code in codes})
    out = []
    for p in dict.fromkeys(patterns):
        if p.upper() == "ALL" or p in names or any(code.startswith(p.upper()) for code in codes):
            continue
        close = difflib.get_close_matches(p.upper(), codes + prefixes, n=3, cutoff=0.6)
        close += difflib.get_close_matches(p, names, n=2, cutoff=0.6)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        shown = repr(p) if len(p) <= 40 else repr(p[:40] + "…")  # (not a 100,000-character code echoed whole)
        out.append(f"{shown} matches no check{hint}; `crossfoot rules` lists them")
    return out
