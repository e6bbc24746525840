from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

from crossfoot import engine
from crossfoot.ingest.text import parse

# parsed packs are kept in a cache folder of the test run's own (never the user's ~/.cache), removed after
os.environ["CROSSFOOT_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="crossfoot-test-cache-")
atexit.register(shutil.rmtree, _CACHE, True)
# a check failing on a document fails the test (users get an INT001 finding instead: tests/test_engine.py)
os.environ["CROSSFOOT_RAISE"] = "1"

# `make fuzz` runs the fuzz tests with many more examples than the normal suite does
settings.register_profile("fuzz", max_examples=5000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def as_without_libreoffice(request, monkeypatch):
    """Every test runs as on a machine without LibreOffice (the .doc/.wps refusals the tests assert), but
    those marked ``libreoffice``, which use the one installed."""
    if request.node.get_closest_marker("libreoffice") is None:
        monkeypatch.setenv("CROSSFOOT_SOFFICE", "crossfoot-no-such-program")


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


# the tests read English messages: the locale of the machine running them must not choose Chinese
os.environ["LANG"] = "C.UTF-8"
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
