"""SARIF 2.1.0, for code-scanning tools.

Each result's first location is the stated figure that disagrees; ``relatedLocations`` are the figures it
was checked against. Regions count columns in Unicode code points (``columnKind: unicodeCodePoints``),
1-based, ``endColumn`` exclusive. ``partialFingerprints`` (``crossfoot/v2``) hash the rule, the figures'
text and the stated figure's label, not line numbers, so a finding keeps its identity when text moves
(the baseline's fingerprint, :mod:`crossfoot.suppress`). For DOCX, PDF and HTML files the lines and columns
count in the text crossfoot read (``crossfoot extract``); the region's ``snippet`` and the location's
``properties`` (``where``, and for PDF ``page`` and ``box``) lead to the figure in the original. Files
not checked are ``invocations[0].toolExecutionNotifications``; a rule's ``helpUri`` is its documentation page.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from ..suppress import fingerprint

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def _region(span) -> dict:
    region = {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line,
              "endColumn": span.end_column}
    if span.snippet:
        region["snippet"] = {"text": span.snippet}
    return region


def _location(path: str, span) -> dict:
    """A physical location; for DOCX/PDF/HTML with the place in the original as properties."""
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": _region(span)}}
    if span.where:
        props = {"where": span.where}
        if span.page:
            props["page"] = span.page
            if span.box:
                props["box"] = [round(v, 2) for v in span.box]
        location["properties"] = props
    return location


def _invocation(context) -> dict:
    """The run's invocation: successful unless a file could not be checked; each file not checked is a
    notification (an error when unreadable, a note when skipped as a format not read)."""
    notes = [{"level": "error" if u["status"] == "unreadable" else "note",
              "message": {"text": f"{u['status']}: {u['reason']}"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(u["path"])}}}]}
             for u in context.unchecked()]
    invocation: dict = {"executionSuccessful": not context.errors}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation


def write(findings, stream, context) -> None:
    rules = sorted(context.checks, key=lambda c: c.code)
    index = {c.code: i for i, c in enumerate(rules)}
    driver = {
        "name": "crossfoot",
        "version": context.version,
        "informationUri": "https://pypi.org/project/crossfoot/",
        "rules": [
            {
                "id": c.code,
                "name": c.name,
                "shortDescription": {"text": c.summary or c.name},
                "fullDescription": {"text": c.summary or c.name},
                "help": {"text": f"{c.summary}\nFailing: {c.examples.get('fail', '')}\n"
                                 f"Passing: {c.examples.get('pass', '')}"},
                "defaultConfiguration": {"level": LEVEL[str(c.severity)]},
            }
            for c in rules
        ],
    }
    results = []
    for f in findings:
        result = {
            "ruleId": f.code,
            "level": LEVEL[str(f.severity)],
            "message": {"text": f.message},
            "locations": [_location(f.path, f.span)],
            "partialFingerprints": {"crossfoot/v2": fingerprint(f, context.documents.get(f.path))},
            "properties": {"name": f.name, "stated": f.stated, "computed": f.computed,
                           "tolerance": f.tolerance, "suggestion": f.suggestion},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.related:
            result["relatedLocations"] = [
                {"id": i + 1, **_location(f.path, s),
                 "message": {"text": f"checked against {f.figures[i + 1]}" if i + 1 < len(f.figures)
                             else "checked against"}}
                for i, s in enumerate(f.related)
            ]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "invocations": [_invocation(context)],
            "artifacts": [{"location": {"uri": _uri(p)}} for p in context.files],
            "results": results,
        }],
    }
    json.dump(log, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
