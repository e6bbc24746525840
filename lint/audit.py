"""One document audited under its settings: the step ``check``, ``batch`` and batch workers share.

``checks_for`` turns settings into the checks to run (packs loaded, options and severities configured,
selection applied); ``findings`` runs them on a document and drops what the user asked not to see
(inline suppressions, ignores for its path, severities below the minimum). The baseline is applied by
the caller, which holds it across files.
"""

from __future__ import annotations

from . import engine, suppress
from .model import Severity


def checks_for(s) -> list:
    """The checks ``s`` (a :class:`crossfoot.config.Settings`) asks for; raises :class:`engine.PackError`."""
    checks = engine.load(s.packs)
    options = {code: dict(values) for code, values in s.options.items()}
    if s.grade_bands:
        for c in checks:
            if c.kind == "grade":
                options.setdefault(c.code, {})["bands"] = s.grade_bands
    checks = engine.configure(checks, options, s.severity, s.source or "configuration")
    chosen = [*s.select, *s.extend_select] if s.select else []
    return engine.select(checks, chosen, s.ignore)


def findings(doc, s, checks, relations=None, judge: str = "native", facts: dict | None = None) -> list:
    """The findings to report on ``doc`` under settings ``s``: the checks' findings less those suppressed
    inline, ignored for its path, or below the minimum severity. ``facts`` receives what checks across
    documents keep of it (see :func:`across`)."""
    found = engine.run(doc, checks, relations, engine=judge, rounding=s.rounding, facts=facts)
    found = suppress.apply(doc, found, {c.code for c in checks})
    return shown(found, s, doc.path)


def shown(found: list, s, path: str) -> list:
    """``found`` less what settings ``s`` hide for ``path``: ignored codes, severities below the minimum."""
    dropped = (*s.ignore, *s.ignored_for(path))
    floor = Severity.parse(s.min_severity)
    return [f for f in found if f.severity >= floor and not suppress.matches_any(f, dropped)
            and (f.code != "SUP001" or not s.select or suppress.matches_any(f, s.select))]


def across(facts: dict[str, dict], checks_of) -> dict[str, list]:
    """Findings across documents (a later report restating an earlier one), per path of the later
    report, each kept only if that report's checks include its code. ``facts``: path → what
    :func:`findings` put in its ``facts``; ``checks_of(path)``: the checks that ran on it."""
    every = {c.code: c for path in facts for c in engine.multi(checks_of(path))}
    out: dict[str, list] = {}
    for f in engine.across(facts, [every[code] for code in sorted(every)]):
        if f.code in {c.code for c in checks_of(f.path)}:
            out.setdefault(f.path, []).append(f)
    return out
