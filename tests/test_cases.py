"""Every check's cases, from its case file: ``tests/cases/<CODE>.yaml``, one parametrised runner.

A case file holds the cases of one check (its pack's failing and passing examples are run by
``test_packs_and_cli``): each case a report's ``text`` and the exact ``findings`` crossfoot must give on
it, ``[]`` for none. By default only the file's check runs; ``select`` runs others too (codes, prefixes,
or ``[ALL]`` for every check, so that no other check may fire), and ``options`` configures checks by code
as a configuration file does. A finding is ``[CODE, "line:column", severity]``, or a mapping of those
keys (``at``, ``code`` defaulting to the file's check, ``severity`` to its own) with any of ``stated``,
``computed``, ``suggestion``, ``message``, ``related`` (a list of ``"line:column"``) to compare as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from crossfoot import engine
from crossfoot.ingest.text import parse

CASES = Path(__file__).resolve().parent / "cases"
_KEYS = {"name", "text", "select", "options", "findings", "file"}
_FINDING_KEYS = {"code", "at", "severity", "stated", "computed", "suggestion", "message", "related"}


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, dict) and data.get("check") == path.stem, f"{path.name}: check: {path.stem}"
        for i, case in enumerate(data["cases"]):
            unknown = set(case) - _KEYS
            assert not unknown, f"{path.name} case {i}: unknown keys {unknown}"
            yield pytest.param(path.stem, case, id=f"{path.stem}-{case.get('name', i)}")


def _expected(code: str, default_severity: str, entry) -> dict:
    if isinstance(entry, list):
        entry = dict(zip(("code", "at", "severity"), entry))
    unknown = set(entry) - _FINDING_KEYS
    assert not unknown, f"unknown finding keys {unknown}"
    return {"code": code, "severity": default_severity, **entry}


def _actual(f, wanted: dict) -> dict:
    got = {"code": f.code, "at": f"{f.span.line}:{f.span.column}", "severity": str(f.severity)}
    for key in ("stated", "computed", "suggestion", "message"):
        if key in wanted:
            got[key] = getattr(f, key)
    if "related" in wanted:
        got["related"] = [f"{s.line}:{s.column}" for s in f.related]
    return got


@pytest.mark.parametrize("code, case", list(_cases()))
def test_case(code, case, checks):
    known = {c.code: c for c in checks}
    assert code in known, f"no check {code}"
    chosen = engine.select(checks, case.get("select") or [code]) if case.get("select") != ["ALL"] else checks
    if code not in {c.code for c in chosen}:
        chosen = [*chosen, known[code]]
    if case.get("options"):
        chosen = engine.configure(chosen, case["options"])
    found = engine.run(parse(case["text"], case.get("file", "t.txt")), chosen)  # (file: t.md, as a Markdown file)
    wanted = [_expected(code, str(known[code].severity), e) for e in case["findings"]]
    assert [_actual(f, w) for f, w in zip(found, wanted)] == wanted
    assert len(found) == len(wanted), [f"{f.code} {f.span.line}:{f.span.column} {f.message}" for f in found]


def test_every_case_file_names_a_check(checks):
    codes = {c.code for c in checks}
    assert {p.stem for p in CASES.glob("*.yaml")} <= codes
