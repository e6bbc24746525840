"""SARIF 2.1.0, for code-scanning tools.

Each result's first location is the stated figure that disagrees; ``relatedLocations`` are the figures it
was checked against. Regions count columns in Unicode code points (``columnKind: unicodeCodePoints``),
1-based, ``endColumn`` exclusive. ``partialFingerprints`` hash the rule and the figures' text, not line
numbers, so a finding keeps its identity when text moves.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def _region(span) -> dict:
    return {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line,
            "endColumn": span.end_column}


def fingerprint(f) -> str:
    return hashlib.sha256("\x1f".join((f.code, *f.figures)).encode("utf-8")).hexdigest()[:32]


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
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)},
                                                "region": _region(f.span)}}],
            "partialFingerprints": {"crossfootFigures/v1": fingerprint(f)},
            "properties": {"name": f.name, "stated": f.stated, "computed": f.computed,
                           "tolerance": f.tolerance, "suggestion": f.suggestion},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.related:
            result["relatedLocations"] = [
                {"id": i + 1, "physicalLocation": {"artifactLocation": {"uri": _uri(f.path)},
                                                   "region": _region(s)},
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
            "artifacts": [{"location": {"uri": _uri(p)}} for p in context.files],
            "results": results,
        }],
    }
    json.dump(log, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
