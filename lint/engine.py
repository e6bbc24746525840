"""The engine: load the YAML check packs, run the selected checks over a document, order the findings.

Packs are YAML files (``checks/*.yaml`` in the package, plus any a user names). Each may name word lists
at its top (``vocabularies: {name: [words]}``, shared with every pack by name) and holds a list of check
instances: ``code``, ``name`` (kebab-case), ``kind`` (a module of :mod:`crossfoot.kinds`), ``severity``,
``summary``, ``message`` (a template naming fields the kind fills: ``{stated}``, ``{computed}``, …),
``options`` (typed by the kind's ``Options``; a vocabulary by ``$name``) and ``examples`` (``fail`` and
``pass`` texts). A broken pack raises :class:`PackError` naming the file and line.

Running: one :class:`crossfoot.analysis.Analysis` of the document, read by every check in any order; each
check yields verdicts and findings; an optional engine (great-expectations) then decides the verdicts of
the table kinds again, outside the native judge.
"""

from __future__ import annotations

import decimal
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from .analysis import Analysis, reports
from .figures import listings
from .kinds import options as typed
from .kinds import registry
from .kinds.base import Check, Verdict
from .model import Document, Finding, Severity, Span
from .regex import lazy
from .vocabulary import Words

PACKS = Path(__file__).resolve().parent.parent / "checks"
_CODE = lazy(r"^[A-Z]{2,5}\d{3}$")
_NAME = lazy(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
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
    parsed = [(file, *_parse(file)) for file in files]
    vocabularies: dict[str, Words] = {}
    for file, data, _nodes in parsed:
        for name, words in (data or {}).get("vocabularies", {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise PackError(f"{file}: vocabulary {name!r} is a list of words")
            if any(not w.strip() for w in words):
                raise PackError(f"{file}: vocabulary {name!r} holds an empty word, which every text holds")
            if name in vocabularies and vocabularies[name] != Words(words):
                raise PackError(f"{file}: vocabulary {name!r} is already defined otherwise")
            vocabularies[name] = Words.of(words)
    checks: dict[str, Check] = {}
    for file, _data, nodes in parsed:
        for line, item in nodes:
            check = _check(file, line, item, vocabularies)
            if check.code in checks:
                raise PackError(f"{check.source}: code {check.code} is already defined by "
                                f"{checks[check.code].source}")
            checks[check.code] = check
    return [checks[c] for c in sorted(checks)]


def _parse(path: Path) -> tuple[dict | None, list[tuple[int, object]]]:
    """A pack's data and ``(line, item)`` of each of its checks."""
    from . import cache, files

    try:
        text = files.read_text(path, "check pack")
    except OSError as exc:
        raise PackError(f"{path}: cannot read check pack: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise PackError(f"{path}: a check pack is UTF-8 text") from None
    kept = cache.pack(text)  # parsed before, this very text: a pre-commit call's packs (see crossfoot.cache)
    if kept is not None:
        data, lines = kept
        return data, list(zip(lines, data["checks"]))
    data, found = _parsed(path, text)
    if found:
        cache.keep(text, data, [line for line, _item in found])
    return data, found


_LARGEST_PACK = 200_000  # values a pack may hold once its aliases are written out (the core packs: ~20,000)


def _expanded(root) -> int:
    """How many values a YAML node graph holds with every alias written out (counted once per node, not per
    path: a 774-byte pack of aliases of aliases is billions of values, which writing it out would use up)."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node.value, list) and node.value \
            and isinstance(node.value[0], tuple) else node.value if isinstance(node.value, list) else []
        if done:
            sizes[id(node)] = 1 + sum(sizes.get(id(c), 0) for c in children)
        else:
            stack.append((node, True))
            stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _parsed(path: Path, text: str) -> tuple[dict | None, list[tuple[int, object]]]:
    import yaml

    # safe loading only: a tag that would build a Python object is an error, never run; parsed once, by
    # libyaml when PyYAML has it (a pack of examples parses 5x faster), the nodes kept for line numbers
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        if root is not None and _expanded(root) > _LARGEST_PACK:
            raise PackError(f"{path}: a check pack that expands to more than {_LARGEST_PACK:,} values "
                            "(aliases repeating aliases); not loaded")
        data = loader.construct_document(root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, nesting past the limit
        raise PackError(f"{path}: not a pack: {str(exc)[:200]}") from None
    finally:
        loader.dispose()
    if root is None:
        return None, []
    line = root.start_mark.line + 1
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        raise PackError(f"{path}:{line}: a pack is a mapping with a 'checks' list")
    unknown = set(data) - {"pack", "checks", "vocabularies"}
    if unknown:
        raise PackError(f"{path}:{line}: unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                        "(a pack has pack, vocabularies, checks)")
    if not isinstance(data.get("vocabularies", {}), dict):
        raise PackError(f"{path}:{line}: vocabularies is a mapping of names to word lists")
    nodes = dict((k.value, v) for k, v in root.value)["checks"].value
    return data, [(node.start_mark.line + 1, item) for node, item in zip(nodes, data["checks"])]


def _check(path: Path, line: int, item, vocabularies: dict[str, Words]) -> Check:
    where = f"{path}:{line}"
    if not isinstance(item, dict):
        raise PackError(f"{where}: a check is a mapping")
    missing = [k for k in _REQUIRED if k not in item]
    if missing:
        raise PackError(f"{where}: check is missing {', '.join(missing)}")
    unknown = set(item) - {*_REQUIRED, "summary", "options", "examples", "name_zh", "summary_zh",
                           "message_zh", "defers_to"}
    if unknown:
        raise PackError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
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
    given = item.get("options") or {}
    examples = item.get("examples") or {}
    if not isinstance(examples, dict):
        raise PackError(f"{where}: examples is a mapping with fail and pass texts")
    defers = item.get("defers_to") or []
    if not isinstance(defers, list) or not all(isinstance(c, str) and _CODE.match(c) for c in defers):
        raise PackError(f"{where}: defers_to is a list of check codes")
    message, message_zh = str(item["message"]), str(item.get("message_zh") or "")
    try:
        options = typed.build(kinds[kind].Options, given, vocabularies, code)
        typed.fields_of(message, kinds[kind].FIELDS, code)
        typed.fields_of(message_zh, kinds[kind].FIELDS, f"{code} (message_zh)")
    except typed.OptionError as exc:
        raise PackError(f"{where}: {exc}") from None
    return Check(code=code, name=name, kind=kind, severity=severity, message=message,
                 summary=str(item.get("summary", "")), options=options, given=dict(given),
                 examples=dict(examples), source=where, vocabularies=vocabularies,
                 name_zh=str(item.get("name_zh") or ""), summary_zh=str(item.get("summary_zh") or ""),
                 message_zh=message_zh,
                 defers_to=tuple(defers))


def localize(checks: Iterable[Check], lang: str) -> list[Check]:
    """``checks`` speaking ``lang``: in Chinese, each its pack's ``message_zh`` and ``summary_zh`` (the
    English where a pack gives none)."""
    if lang != "zh":
        return list(checks)
    from .lang import remember

    out = [replace(c, message=c.message_zh or c.message, summary=c.summary_zh or c.summary, lang="zh")
           for c in checks]
    remember(out)
    return out


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
        changed = {}
        if given:
            merged = {**check.given, **given}
            try:
                built = typed.build(kinds[check.kind].Options, merged, check.vocabularies,
                                    f"check {check.code}")
            except typed.OptionError as exc:
                raise PackError(f"{source}: {exc}") from None
            changed = {"options": built, "given": merged}
        if check.code in severity:
            try:
                changed["severity"] = Severity.parse(str(severity[check.code]))
            except ValueError as exc:
                raise PackError(f"{source}: {check.code}: {exc}") from None
        out.append(replace(check, **changed) if changed else check)
    return out


def select(checks: Iterable[Check], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Check]:
    """Checks matching ``select`` (codes, code prefixes or names; all if empty) and not ``ignore``."""

    def hit(check: Check, patterns: Sequence[str]) -> bool:
        return any(check.code.startswith(p.upper()) or check.name == p or p.upper() == "ALL"
                   for p in patterns)

    return [c for c in checks if (not select or hit(c, select)) and not hit(c, ignore)]


ROUNDING = ("round", "either", "strict")


def analyse(doc: Document, checks: Sequence[Check], rounding: str = "round") -> Analysis:
    """The analysis ``checks`` read: listings read with the packs' ``listing-*`` vocabularies."""
    vocabularies = checks[0].vocabularies if checks else {}
    return Analysis(doc, listings.spec(vocabularies), rounding)


def run(doc: Document, checks: Sequence[Check], relations: list | None = None,
        engine: str = "native", rounding: str = "round", facts: dict | None = None) -> list[Finding]:
    """All findings of ``checks`` on ``doc`` plus its reading notes, deterministically ordered.

    ``relations``, if given, receives every relation the checks judged (held or not), as
    :class:`crossfoot.kinds.base.Verdict`. ``engine="gx"`` lets great-expectations decide again the
    verdicts of the table checks it can express (:mod:`crossfoot.gx`); the findings are the same.

    ``rounding`` says how stated figures were rounded: ``round`` (half up; a gap only truncating
    explains is an ``info`` finding), ``either`` (rounded or truncated: no finding then) or ``strict``
    (rounded only: such a gap is a finding at the check's severity).

    ``facts``, if given, receives for each check of a kind that works across documents (``MULTI``) what
    that kind keeps of this document (plain data, by code), for :func:`across`.
    """
    parts = reports(doc)
    if len(parts) > 1:  # reports bound in one file: each checked on its own
        return _ordered([f for k, part in enumerate(parts)
                         for f in run(part, checks, relations, engine, rounding, facts if not k else None)])
    analysis = analyse(doc, checks, rounding)
    with decimal.localcontext() as context:
        context.prec = 80  # figures of up to 40 digits, products and quotients of them, never rounded away
        verdicts, results = _apply(analysis, checks)
    if engine == "gx":
        from . import gx

        again = [v for v in verdicts if v.check.kind in gx.KINDS]
        decided = {id(v) for v in again}
        results = [(f, v) for f, v in results if v is None or id(v) not in decided]
        results += [(f, None) for f in gx.decide(again, doc.path)]
    results = _deferred(results, checks)
    reported = {f.span for f, _ in results}  # (a finding yielding to one on a figure it was computed from)
    results = [(f, v) for f, v in results if v is None or v.yields_to is None or v.yields_to not in reported]
    if relations is not None:
        relations.extend(v for v in verdicts if v.recorded)
    if facts is not None:
        kinds = registry()
        for check in checks:
            if getattr(kinds[check.kind], "MULTI", False):
                facts[check.code] = kinds[check.kind].facts(analysis, check)
    ordered = _ordered([*doc.notes, *(f for f, _ in results)])
    if doc.places:
        ordered = [replace(f, span=doc.locate(f.span), related=tuple(map(doc.locate, f.related)))
                   for f in ordered]
    return ordered


def _deferred(results: list[tuple], checks: Sequence[Check]) -> list[tuple]:
    """``results`` less the findings of a check that defers to others (a pack's ``defers_to``) on a figure
    one of those already reports (DOC008's restatement of a 三公 amount BUD014 reports as an error)."""
    defers = {c.code: c.defers_to for c in checks if c.defers_to}
    if not defers:
        return results
    spans: dict[str, set] = {}
    for f, _ in results:
        spans.setdefault(f.code, set()).add((f.span.line, f.span.column))
    return [(f, v) for f, v in results
            if not any((f.span.line, f.span.column) in spans.get(o, ()) for o in defers.get(f.code, ()))]


def _ordered(findings: list[Finding]) -> list[Finding]:
    """Findings once each (a check may reach one through two readings), in report order."""
    return sorted({(f.code, f.span, f.message): f for f in findings}.values(), key=Finding.sort_key)


def _apply(analysis: Analysis, checks: Sequence[Check]) -> tuple[list[Verdict], list[tuple]]:
    """Every check's verdicts, and its findings each with the verdict it came from (None for a finding
    that is no relation's)."""
    kinds = registry()
    verdicts, results = [], []
    for check in checks:
        try:
            items = list(kinds[check.kind].run(analysis, check))
        except Exception as exc:  # noqa: BLE001 - one check's defect must not hide the others' findings
            if isinstance(exc, (MemoryError, OverflowError)) or os.environ.get("CROSSFOOT_RAISE"):
                raise  # (the file's limits, a pack's formula beyond any figure: the audit's to say; the test
                # suite's setting: a defect fails its test)
            results.append((_failed(analysis.doc, check, exc), None))
            continue
        for item in items:
            if isinstance(item, Verdict):
                verdicts.append(item)
                if item.finding is not None:
                    results.append((item.finding, item))
            else:
                results.append((item, None))
    return verdicts, results


def _failed(doc: Document, check: Check, exc: Exception) -> Finding:
    """The ``INT001`` finding of a check that failed on ``doc`` (a defect of crossfoot's: the other checks'
    findings stand, and this one says which check is missing and why)."""
    return Finding(code="INT001", name="check-failed", severity=Severity.WARNING,
                   message=f"{check.code} could not check this document ({type(exc).__name__}: {exc}); "
                   "its findings are missing, the other checks ran (a crossfoot defect: please report it)",
                   path=doc.path, span=Span(1, 1, 1, 2))


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


def verdicts(doc: Document, checks: Sequence[Check], kinds: Iterable[str] = ()) -> list[Verdict]:
    """The verdicts ``checks`` reach on ``doc`` (only those of ``kinds``, when given): for ``export-gx``."""
    wanted = set(kinds)
    found, _ = _apply(analyse(doc, checks), checks)
    return [v for v in found if not wanted or v.check.kind in wanted]
