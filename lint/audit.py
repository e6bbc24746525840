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
    """The checks ``s`` (a :class:`lint.config.Settings`) asks for; raises :class:`engine.PackError`."""
    checks = engine.load(s.packs)
    options = {code: dict(values) for code, values in s.options.items()}
    if s.grade_bands:
        for c in checks:
            if c.kind == "grade":
                options.setdefault(c.code, {})["bands"] = s.grade_bands
    checks = engine.configure(checks, options, s.severity, s.source or "configuration")
    chosen = [*s.select, *s.extend_select] if s.select else []
    return engine.select(checks, chosen, s.ignore)


def findings(doc, s, checks, relations=None, judge: str = "native") -> list:
    """The findings to report on ``doc`` under settings ``s``: the checks' findings less those suppressed
    inline, ignored for its path, or below the minimum severity."""
    found = engine.run(doc, checks, relations, engine=judge, rounding=s.rounding)
    found = suppress.apply(doc, found, {c.code for c in checks})
    dropped = (*s.ignore, *s.ignored_for(doc.path))
    floor = Severity.parse(s.min_severity)
    return [f for f in found if f.severity >= floor and not suppress.matches_any(f, dropped)
            and (f.code != "SUP001" or not s.select or suppress.matches_any(f, s.select))]
