"""One document audited under its settings: the path every file takes, in ``check``, ``batch`` workers and
the Python API alike.

``checks_for`` turns settings into the checks to run (packs loaded, options and severities configured,
selection applied), configured once per process and settings. ``file`` reads a file and runs them, and
turns every way a file can fail (unreadable, too slow, too big, a crash) into a one-line reason;
``findings`` runs the checks on a document read already and drops what the user asked not to see (inline
suppressions, ignores for its path, severities below the minimum). The baseline is applied by the caller,
which holds it across files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import codes, engine, suppress
from .model import Document, Finding, Severity

_CONFIGURED: dict[str, list] = {}  # settings fingerprint → its checks: configured once per process


def checks_for(s) -> list:
    """The checks ``s`` (a :class:`crossfoot.config.Settings`) asks for; raises :class:`engine.PackError`."""
    key = s.fingerprint()
    if key not in _CONFIGURED:
        checks = engine.load(s.packs)
        per_file = (c for cs in s.per_file_ignores.values() for c in cs)
        named = [*s.select, *s.extend_select, *s.ignore, *per_file]
        wrong = codes.unknown(named, checks)
        if wrong:
            where = f" (settings from {s.source})" if s.source else ""
            raise engine.PackError(f"select/ignore{where}: " + "; ".join(wrong))
        options = {code: dict(values) for code, values in s.options.items()}
        if s.grade_bands:
            for c in checks:
                if c.kind == "grade":
                    options.setdefault(c.code, {})["bands"] = s.grade_bands
        checks = engine.localize(engine.configure(checks, options, s.severity, s.source or "configuration"),
                                 s.lang)
        chosen = [*s.select, *s.extend_select] if s.select else []
        _CONFIGURED[key] = engine.select(checks, chosen, s.ignore)
    return _CONFIGURED[key]


@dataclass
class Outcome:
    """What auditing one file gave: its document and findings, or why it could not be checked."""

    path: str
    doc: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str = ""
    relations: list | None = None
    """Every relation judged, held or not (when asked for)."""
    facts: dict | None = None
    """What checks across documents keep of it (when any such check runs)."""


def file(path: str, s, checks: list, *, judge: str = "native", relations: bool = False,
         timeout: float = 0, memory_mb: int = 0) -> Outcome:
    """Read ``path`` and audit it under settings ``s`` with ``checks``, within ``timeout`` seconds and
    ``memory_mb`` more megabytes (0: no limit; then running out of memory is the caller's to handle, as a
    batch worker does by being replaced)."""
    from . import ingest, limits

    out = Outcome(path, relations=[] if relations else None, facts={} if engine.multi(checks) else None)
    try:
        with limits.headroom(memory_mb), limits.deadline(timeout):
            out.doc = ingest.read(path)
            out.findings = findings(out.doc, s, checks, out.relations, judge, out.facts)
    except ingest.ReadError as exc:
        out.error = str(exc)
    except limits.FileTimeout as exc:
        out.error = f"{path}: {exc}; not checked (raise --timeout to allow more)"
    except MemoryError:
        if not memory_mb:
            raise
        out.error = f"{path}: needed more than {memory_mb} MB; not checked (raise --memory to allow more)"
    except OverflowError as exc:  # a pack's formula computing beyond any figure (kinds/base.py)
        out.error = f"{path}: not checked: {exc}"
    except Exception as exc:  # noqa: BLE001 - one bad file must not hide the others' findings
        out.error = f"internal error while checking {path}: {type(exc).__name__}: {exc}"
    if out.error:
        out.doc, out.findings = None, []
    return out


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
    kept = [f for f in found if f.severity >= floor and not suppress.matches_any(f, dropped)
            and (f.code != "SUP001" or not s.select or suppress.matches_any(f, s.select))]
    if s.lang == "zh":  # (the checks' own messages are already; the built-in codes' are made in English)
        from .lang import builtin_zh

        kept = [replace(f, message=builtin_zh(f.code, f.message)) if f.code in codes.BY_CODE else f
                for f in kept]
    return kept


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
