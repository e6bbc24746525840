"""JSON: a versioned contract. ``{"version": 1, "tool": ..., "findings": [...]}``; change it deliberately.
Its JSON Schema ships beside this module (``schema/findings-v1.json``) and the tests validate against it.

Findings in DOCX, PDF and HTML files carry ``where`` (the place in the original) and ``snippet``, and in
PDF files ``page`` and ``box`` (``[x0, top, x1, bottom]`` in points from the page's top left), on the
finding and on each related location. ``line``/``column`` then count in the text crossfoot read
(``crossfoot extract FILE`` prints it).
"""

from __future__ import annotations

import json

SCHEMA_VERSION = 1


def as_dict(f) -> dict:
    def span(s):
        out = {"line": s.line, "column": s.column, "end_line": s.end_line, "end_column": s.end_column}
        if s.where:  # DOCX, PDF, HTML: the place in the original; line and column count in the text read
            out.update(where=s.where, snippet=s.snippet)
            if s.page:
                out.update(page=s.page, box=[round(v, 2) for v in s.box] if s.box else None)
        return out

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


def from_dict(d: dict):
    """The finding :func:`as_dict` wrote (for outputs built from stored results)."""
    from ..model import Finding, Severity, Span

    def span(s: dict) -> Span:
        box = tuple(s["box"]) if s.get("box") else None
        return Span(s["line"], s["column"], s["end_line"], s["end_column"], s.get("where", ""),
                    s.get("page", 0), box, s.get("snippet", ""))

    return Finding(code=d["code"], name=d["name"], severity=Severity.parse(d["severity"]),
                   message=d["message"], path=d["path"], span=span(d),
                   related=tuple(span(r) for r in d["related"]), stated=d["stated"], computed=d["computed"],
                   tolerance=d["tolerance"], suggestion=d["suggestion"], figures=tuple(d["figures"]))
