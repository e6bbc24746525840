from __future__ import annotations

import pytest

from lint import engine
from lint.ingest.text import parse


@pytest.fixture(scope="session")
def checks():
    return engine.load()


@pytest.fixture(scope="session")
def lint_text(checks):
    """Findings for a text, as ``(code, line, column, severity)`` tuples plus the full findings."""

    def run(text: str, select=()):  # noqa: D401 - a pure function of its inputs
        chosen = engine.select(checks, select) if select else checks
        return engine.run(parse(text, "t.txt"), chosen)

    return run
