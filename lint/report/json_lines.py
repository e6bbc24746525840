"""JSON Lines: one finding per line, each the object the JSON format lists (no envelope), for streaming
into other tools (``jq``, a log pipeline, a database loader)."""

from __future__ import annotations

import json


def write(findings, stream, context) -> None:
    for f in findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
