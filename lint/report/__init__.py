"""Writers: one module per output format, each ``write(findings, stream, context)``."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("concise", "json", "sarif")


@dataclass
class Context:
    """What writers may need besides the findings: the checks that ran and the files that were read."""

    checks: list = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    version: str = ""


def writer(name: str):
    import importlib

    module = {"concise": "text", "json": "json_", "sarif": "sarif"}[name]
    return importlib.import_module(f"{__name__}.{module}")
