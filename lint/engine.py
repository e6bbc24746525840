"""The engine: load the YAML check packs, run the selected checks over a document, order the findings.

Packs are YAML files (``checks/*.yaml`` in the package, plus any a user names). Each holds a list of check
instances: ``code``, ``name`` (kebab-case), ``kind`` (a module of :mod:`crossfoot.kinds`), ``severity``,
``summary``, ``message`` (a template: ``{stated}``, ``{computed}``, ``{expression}``, ``{tolerance}``,
``{label}``), ``options`` (vocabulary and settings, merged over the kind's defaults) and ``examples``
(``fail`` and ``pass`` texts). A broken pack raises :class:`PackError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from .kinds import registry
from .kinds._base import Check
from .kinds._prose import Prose
from .model import Document, Finding, Severity

PACKS = Path(__file__).resolve().parent.parent / "checks"
_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_REQUIRED = ("code", "name", "kind", "severity", "message")


class PackError(Exception):
    """A check pack that cannot be used; the message names the file and line."""


def packs_dir() -> Path:
    """Where the shipped packs are: beside the package in a checkout, inside it in a wheel."""
    installed = Path(__file__).resolve().parent / "checks"
    return installed if installed.is_dir() else PACKS


def load(paths: Sequence[str | Path] = ()) -> list[Check]:
    """The shipped checks plus those of the packs at ``paths``, in code order; codes must be unique."""
    files = sorted(packs_dir().glob("*.yaml")) + [Path(p) for p in paths]
    checks: dict[str, Check] = {}
    for file in files:
        for check in _load_file(file):
            if check.code in checks:
                raise PackError(f"{check.source}: code {check.code} is already defined by "
                                f"{checks[check.code].source}")
            checks[check.code] = check
    return [checks[c] for c in sorted(checks)]


def _load_file(path: Path) -> list[Check]:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(f"{path}: cannot read check pack: {exc.strerror or exc}") from None
    # safe loading only: a tag that would build a Python object is an error, never run; parsed once, by
    # libyaml when PyYAML has it (a pack of examples parses 5x faster), the nodes kept for line numbers
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    finally:
        loader.dispose()
    if root is None:
        return []
    line = root.start_mark.line + 1
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        raise PackError(f"{path}:{line}: a pack is a mapping with a 'checks' list")
    nodes = dict((k.value, v) for k, v in root.value)["checks"].value
    return [_check(path, node.start_mark.line + 1, item) for node, item in zip(nodes, data["checks"])]


def _check(path: Path, line: int, item) -> Check:
    where = f"{path}:{line}"
    if not isinstance(item, dict):
        raise PackError(f"{where}: a check is a mapping")
    missing = [k for k in _REQUIRED if k not in item]
    if missing:
        raise PackError(f"{where}: check is missing {', '.join(missing)}")
    unknown = set(item) - {*_REQUIRED, "summary", "options", "examples"}
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    code, name, kind = str(item["code"]), str(item["name"]), str(item["kind"])
    if not _CODE.match(code):
        raise PackError(f"{where}: code {code!r} is not letters then three digits (e.g. SUM001)")
    if not _NAME.match(name):
        raise PackError(f"{where}: name {name!r} is not kebab-case")
    kinds = registry()
    if kind not in kinds:
        raise PackError(f"{where}: unknown kind {kind!r} (known: {', '.join(sorted(kinds))})")
    try:
        severity = Severity.parse(str(item["severity"]))
    except ValueError as exc:
        raise PackError(f"{where}: {exc}") from None
    options = dict(kinds[kind].OPTIONS)
    given = item.get("options") or {}
    if not isinstance(given, dict):
        raise PackError(f"{where}: options must be a mapping")
    unknown = set(given) - set(options)
    if unknown:
        raise PackError(f"{where}: kind {kind} has no option(s) {', '.join(sorted(unknown))} "
                        f"(it has: {', '.join(sorted(options)) or 'none'})")
    options.update(given)
    validate = getattr(kinds[kind], "validate", None)
    problem = validate(options) if validate else None
    if problem:
        raise PackError(f"{where}: {code}: {problem}")
    return Check(code=code, name=name, kind=kind, severity=severity, message=str(item["message"]),
                 summary=str(item.get("summary", "")), options=options,
                 examples=dict(item.get("examples") or {}), source=where)


def configure(checks: Iterable[Check], options: dict | None = None, severity: dict | None = None,
              source: str = "configuration") -> list[Check]:
    """``checks`` with options and severities overridden per code (``options``: code → {option: value},
    ``severity``: code → level), validated as a pack's would be; a :class:`PackError` names ``source``."""
    options, severity = options or {}, severity or {}
    known = {c.code for c in checks}
    for code in [*options, *severity]:
        if code not in known:
            raise PackError(f"{source}: no check {code} to configure")
    kinds = registry()
    out = []
    for check in checks:
        given = options.get(check.code) or {}
        unknown = set(given) - set(check.options)
        if unknown:
            raise PackError(f"{source}: check {check.code} has no option(s) {', '.join(sorted(unknown))} "
                            f"(it has: {', '.join(sorted(check.options))})")
        merged = {**check.options, **given}
        validate = getattr(kinds[check.kind], "validate", None)
        problem = validate(merged) if validate and given else None
        if problem:
            raise PackError(f"{source}: {check.code}: {problem}")
        level = check.severity
        if check.code in severity:
            try:
                level = Severity.parse(str(severity[check.code]))
            except ValueError as exc:
                raise PackError(f"{source}: {check.code}: {exc}") from None
        out.append(replace(check, options=merged, severity=level) if given or level != check.severity
                   else check)
    return out


def select(checks: Iterable[Check], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Check]:
    """Checks matching ``select`` (codes, code prefixes or names; all if empty) and not ``ignore``."""

    def hit(check: Check, patterns: Sequence[str]) -> bool:
        return any(check.code.startswith(p.upper()) or check.name == p or p.upper() == "ALL"
                   for p in patterns)

    return [c for c in checks if (not select or hit(c, select)) and not hit(c, ignore)]


ROUNDING = ("round", "either", "strict")


def run(doc: Document, checks: Sequence[Check], relations: list | None = None,
        engine: str = "native", rounding: str = "round", facts: dict | None = None) -> list[Finding]:
    """All findings of ``checks`` on ``doc`` plus its reading notes, deterministically ordered.

    ``relations``, if given, receives every relation the selected checks judged (held or not), as
    :class:`crossfoot.kinds._prose.Relation`. ``engine="gx"`` leaves the verdicts of the table checks that
    great-expectations can express to it (:mod:`crossfoot.gx`); the findings are the same.

    ``rounding`` says how stated figures were rounded: ``round`` (half up; a gap only truncating
    explains is an ``info`` finding), ``either`` (rounded or truncated: no finding then) or ``strict``
    (rounded only: such a gap is a finding at the check's severity).

    ``facts``, if given, receives for each selected check of a kind that works across documents (``MULTI``)
    what that kind keeps of this document (plain data, by code), for :func:`across`.
    """
    prose = _prose(doc, engine == "gx")
    prose.rounding = rounding
    findings = [*doc.notes, *_apply(prose, checks)]
    if prose.defer:
        from . import gx

        findings += gx.decide(prose.defer, doc.path)
    if relations is not None:
        selected = {c.code for c in checks}
        relations.extend(r for r in prose.checked if r.code in selected)
    if facts is not None:
        kinds = registry()
        for check in checks:
            if getattr(kinds[check.kind], "MULTI", False):
                facts[check.code] = kinds[check.kind].facts(prose, check)
    unique = {(f.code, f.span, f.message): f for f in findings}
    ordered = sorted(unique.values(), key=Finding.sort_key)
    if doc.places:
        ordered = [replace(f, span=doc.locate(f.span), related=tuple(map(doc.locate, f.related)))
                   for f in ordered]
    return ordered


def multi(checks: Sequence[Check]) -> list[Check]:
    """The checks whose kinds work across documents."""
    kinds = registry()
    return [c for c in checks if getattr(kinds[c.kind], "MULTI", False)]


def across(facts: dict[str, dict], checks: Sequence[Check]) -> list[Finding]:
    """Findings across documents: ``facts`` maps each path to what :func:`run` put in its ``facts``."""
    kinds = registry()
    out = []
    for check in multi(checks):
        out += kinds[check.kind].compare({path: f.get(check.code) for path, f in facts.items()}, check)
    return sorted(out, key=Finding.sort_key)


def deferred(doc: Document, checks: Sequence[Check]) -> list:
    """The relations of ``checks`` that the GX engine would decide, undecided (for ``export-gx``)."""
    prose = _prose(doc, True)
    _apply(prose, checks)
    return prose.defer


def _prose(doc: Document, defer: bool) -> Prose:
    prose = Prose.of(doc)
    if defer:
        from .gx import KINDS

        prose.defer, prose.defer_kinds = [], KINDS
    return prose


def _apply(prose: Prose, checks: Sequence[Check]) -> list[Finding]:
    """The findings of ``checks``; relations deferred to another engine are left in ``prose.defer``.

    Sum relations are always found first, even when no sum check is selected: other kinds read which total
    a figure is listed under (their deferred relations and findings are dropped).
    """
    selected = {c.code for c in checks}
    kinds = registry()
    ordered = sorted(checks, key=lambda c: (c.kind != "sum", c.code))
    if not any(c.kind == "sum" for c in ordered):
        ordered = [*_shipped_sum(), *ordered]
    findings = [f for check in ordered for f in kinds[check.kind].run(prose, check) if check.code in selected]
    if prose.defer:
        prose.defer = [d for d in prose.defer if d.check.code in selected]
    return findings


@cache
def _shipped_sum() -> tuple[Check, ...]:
    """The first shipped sum check, read once: run for its side effects when no sum check is selected."""
    return tuple(c for c in load() if c.kind == "sum")[:1]
