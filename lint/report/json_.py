"""JSON: a versioned contract. ``{"version": 1, "tool": ..., "findings": [...],
"unchecked": [...]}`` (the files not checked: ``path``, ``reason``, ``status`` unreadable or skipped); change
it deliberately.
Its JSON Schema ships beside this module (``schema/findings-v1.json``) and the tests validate against it.

Findings in DOCX, PDF and HTML files carry ``where`` (the place in the original) and ``snippet``, and in
PDF files ``page`` and ``box`` (``[x0, top, x1, bottom]`` in points from the page's top left), on the
finding and on each related location. ``line``/``column`` then count in the text crossfoot read
(``crossfoot extract FILE`` prints it).
"""

from __future__ import annotations

import json

SCHEMA_VERSION = 1


def write(findings, stream, context) -> None:
    json.dump({"version": SCHEMA_VERSION, "tool": {"name": "crossfoot", "version": context.version},
               "findings": [f.to_dict() for f in findings], "unchecked": context.unchecked()},
              stream, ensure_ascii=False, indent=2)
    stream.write("\n")
