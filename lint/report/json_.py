"""JSON: a versioned contract. ``{"version": 1, "tool": ..., "findings": [...]}``; change it deliberately."""

from __future__ import annotations

import json

SCHEMA_VERSION = 1


def as_dict(f) -> dict:
    def span(s):
        return {"line": s.line, "column": s.column, "end_line": s.end_line, "end_column": s.end_column}

    return {
        "code": f.code,
        "name": f.name,
        "severity": str(f.severity),
        "message": f.message,
        "path": f.path,
        **span(f.span),
        "related": [span(s) for s in f.related],
        "stated": f.stated,
        "computed": f.computed,
        "tolerance": f.tolerance,
        "suggestion": f.suggestion,
        "figures": list(f.figures),
    }


def write(findings, stream, context) -> None:
    json.dump({"version": SCHEMA_VERSION, "tool": {"name": "crossfoot", "version": context.version},
               "findings": [as_dict(f) for f in findings]}, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
