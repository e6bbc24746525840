"""The contract between the engine and the kinds: a configured check, and judging one relation.

A kind module has a docstring (its documentation), ``KIND`` (its name in the packs), ``OPTIONS`` (the
vocabulary and options it reads, with defaults) and ``run(prose, check) -> Iterable[Finding]``, which finds
its relations in a document and judges each through :func:`judge`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..interval import Interval, fmt
from ..model import Figure, Finding, Severity, Span
from . import _prose


@dataclass(frozen=True)
class Check:
    """One check instance from a YAML pack."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    summary: str = ""
    options: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_words", {})

    def words(self, key: str) -> tuple[str, ...]:
        """A vocabulary list from the options, longest word first (sorted once per check and key)."""
        found = self._words.get(key)
        if found is None:
            found = self._words[key] = tuple(sorted(self.options.get(key, ()), key=len, reverse=True))
        return found


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(check: Check, **values: str) -> str:
    return check.message.format_map(_Values(values))


def report(check: Check, prose: _prose.Prose, span: Span, stated: str, *, related=(), computed: str = "",
           figures: tuple[str, ...] | None = None, tolerance: str = "", **values: str) -> Finding:
    """A finding of ``check`` on ``span``, its message the check's template filled with ``stated``,
    ``computed`` and ``values``: for kinds that judge a bound, an order, a claim or one cell against another
    rather than a computed interval (those go through :func:`judge`)."""
    return Finding(
        code=check.code, name=check.name, severity=check.severity,
        message=render(check, stated=stated, computed=computed, **values),
        path=prose.doc.path, span=span, related=tuple(related), stated=stated, computed=computed,
        tolerance=tolerance, figures=figures if figures is not None else (stated,),
    )


@dataclass(frozen=True)
class Deferred:
    """A relation a check left for another engine to decide (``--engine gx``), with its verdict's inputs.

    ``shape`` is ``interval`` (the stated interval must meet the computed one; ``parts`` holds the
    intervals summed when the computed one is their sum) or ``order`` (``stated``'s high end may not fall
    below ``computed``'s low end). ``finding`` builds the finding should the relation fail.
    """

    check: Check
    shape: str
    stated: Interval
    computed: Interval
    span: Span
    finding: Callable[[], Finding | None]
    parts: tuple[Interval, ...] = ()
    holds: bool = True
    """The native verdict, used when the other engine errors on this relation."""


def _deferring(prose: _prose.Prose, check: Check) -> bool:
    return prose.defer is not None and check.kind in prose.defer_kinds


def judge(
    check: Check,
    prose: _prose.Prose,
    stated: Figure,
    related: tuple[Figure, ...],
    compute: Callable[[], Interval | None],
    *,
    unit: str | None = None,
    expression: str = "",
    severity: Severity | None = None,
    scale: Decimal = Decimal(1),
    equality: bool = True,
    parts: tuple[Interval, ...] = (),
) -> Finding | None:
    """Compare a stated figure with the interval its related figures allow; a Finding if they cannot meet.

    ``compute`` returns the interval the relation gives for the stated figure, in ``unit`` (default: the
    stated figure's unit) divided by ``scale`` (100 when a rate is computed as a plain ratio). Rounding
    that explains the gap is no finding; a gap explained only by truncating the stated figure is ``info``.
    The relation is recorded in ``prose.checked`` unless ``equality`` is False: a value a convention fixes
    (a rate capped at 100%) is judged the same way, but a typo in its figures need not break it.
    ``parts``: the intervals whose sum ``compute`` returns, for engines that judge a column's sum.
    """
    computed = compute()
    if computed is None:
        return None
    if scale != 1:
        computed = computed.scale(scale)
    own = _prose.interval(stated, "round", unit)
    holds = own.meets(computed)
    if equality:
        prose.checked.append(_prose.Relation(check.code, stated, related, holds))

    def finding() -> Finding | None:
        return _finding(check, prose, stated, related, computed, unit, expression, severity)

    if _deferring(prose, check):
        prose.defer.append(Deferred(check, "interval", own, computed, stated.span, finding, parts, holds))
        return None
    return None if holds else finding()


def order(check: Check, prose: _prose.Prose, later: Figure, earlier: Figure,
          finding: Callable[[], Finding]) -> Finding | None:
    """``later`` may not be below ``earlier`` (beyond what their rounding allows); ``finding`` if it is."""
    high, low = _prose.interval(later), _prose.interval(earlier)
    holds = high.hi >= low.lo
    if _deferring(prose, check):
        prose.defer.append(Deferred(check, "order", high, low, later.span, finding, (), holds))
        return None
    return None if holds else finding()


def _finding(check, prose, stated: Figure, related, computed: Interval, unit, expression,
             severity) -> Finding | None:
    truncated = _prose.interval(stated, "truncate", unit).meets(computed)
    places = max(stated.decimals, 0)
    shown_places = places + 2 if not _prose.exact(stated) else places
    number = _prose.number_text(stated)
    fix = _prose.one_digit_fix(stated, computed.scale(1 / _factor(stated, unit)))
    half = Decimal(1).scaleb(-stated.decimals) / 2 if not _prose.exact(stated) else Decimal(0)
    tolerance = f"±{fmt(half, places + 1)} (rounding)" if half else "exact"
    message = render(
        check,
        stated=stated.text,
        label=stated.label or "the figure",
        computed=_show(computed, shown_places),
        expression=expression,
        tolerance=tolerance,
    )
    suggestion = ""
    if truncated and prose.rounding == "either":
        return None
    if truncated and prose.rounding == "round":
        message += "; consistent if the stated figure was truncated instead of rounded"
        level = Severity.INFO
    else:
        level = severity or check.severity
        if fix:
            suggestion = f"{number} → {fix}"
            message += f" (one digit differs: {suggestion}?)"
    return Finding(
        code=check.code,
        name=check.name,
        severity=level,
        message=message,
        path=prose.doc.path,
        span=stated.span,
        related=tuple(f.span for f in related),
        stated=stated.text,
        computed=_show(computed, shown_places),
        tolerance=tolerance,
        suggestion=suggestion,
        figures=(stated.text, *(f.text for f in related)),
    )


def _factor(figure: Figure, unit: str | None) -> Decimal:
    if unit is None or unit == figure.unit:
        return Decimal(1)
    from ..figures import units

    return units.factor(figure.unit, unit) or Decimal(1)


def _show(iv: Interval, places: int) -> str:
    q = Decimal(1).scaleb(-places)
    lo, hi = f"{iv.lo.quantize(q, ROUND_FLOOR):f}", f"{iv.hi.quantize(q, ROUND_CEILING):f}"
    if lo == hi:
        return lo
    return f"[{lo}, {hi}]"
