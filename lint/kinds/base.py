"""The contract between the engine and the kinds: a configured check, and judging one relation.

A kind is a module (in the subfolder of the pack that uses it) with a docstring (its documentation),
``KIND`` (its name in the packs), ``Options`` (an ``@options`` dataclass, read-only: the options it reads,
with defaults; see :mod:`crossfoot.kinds.options`), ``FIELDS`` (the names its findings fill in a message
template) and ``run(analysis, check)``, which finds its relations in a :class:`crossfoot.analysis.Analysis`
and yields a :class:`Verdict` for each relation it judged (:func:`judge`, :func:`order`) or a
:class:`crossfoot.model.Finding` for what is a finding without a computed relation (:func:`report`). A kind
that works across documents also has ``MULTI = True``, ``facts`` and ``compare``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from ..figures import precision, units
from ..interval import Interval, fmt
from ..lang import say, value_zh
from ..model import Cell, Figure, Finding, Severity, Span, Table

#: the fields :func:`judge` fills in a message: ``expected`` is the computed value at the stated figure's
#: own precision and in its unit (``6.00%``), what a reviewer writes; ``computed`` the interval
JUDGED = ("stated", "label", "computed", "expression", "tolerance", "expected")


@dataclass(frozen=True)
class Check:
    """One check instance from a YAML pack: ``options`` is the kind's ``Options``, built from
    ``given`` (the options as the pack and the configuration wrote them)."""

    code: str
    name: str
    kind: str
    severity: Severity
    message: str
    summary: str = ""
    options: object = None
    given: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)
    source: str = ""
    vocabularies: dict = field(default_factory=dict, repr=False, compare=False)
    """The packs' named word lists, which ``options`` may refer to (shared by every check of a load)."""
    name_zh: str = ""
    """Its name as a Chinese reader sees it (合计数与分项之和不符); ``name`` stays the identifier that
    configurations and suppression comments use."""
    summary_zh: str = ""
    message_zh: str = ""
    lang: str = "en"
    """The language its findings are written in (:func:`crossfoot.engine.localize` sets it)."""
    defers_to: tuple[str, ...] = ()
    """Codes of checks this one yields to: its finding on a figure one of them reports is dropped."""


@dataclass(frozen=True)
class Bounds:
    """What another engine needs to decide a relation again: ``interval`` (the stated interval must meet
    the computed one; ``parts`` holds the intervals summed when the computed one is their sum) or ``order``
    (``stated``'s high end may not fall below ``computed``'s low end)."""

    shape: str
    stated: Interval
    computed: Interval
    parts: tuple[Interval, ...] = ()


@dataclass(frozen=True, eq=False)
class Verdict:
    """One relation a check judged: the stated figure, the figures it was computed from, whether the two
    could meet, and the finding it gives (None when it holds, or when the kind let it pass).

    ``recorded``: an equality that a one-digit typo in its figures must break (what the recall harness and
    the HTML report count); a value a convention fixes (a rate capped at 100%) or an order is not.
    ``build`` makes the finding should another engine (great-expectations) decide it fails.
    """

    check: Check
    stated: Figure | None
    related: tuple[Figure, ...]
    holds: bool
    finding: Finding | None
    span: Span | None = None
    recorded: bool = True
    bounds: Bounds | None = None
    build: Callable[[], Finding | None] | None = None
    yields_to: Span | None = None
    """A figure whose own finding, when a check reports one, explains this verdict's (比上年 Y 减少 C，下降
    P%: P holds over the two amounts, C does not): this finding is then left out, one figure amiss giving
    one finding."""

    @property
    def code(self) -> str:
        return self.check.code

    def quiet(self) -> Verdict:
        """This verdict without its finding (the kind judged the relation, then let it pass)."""
        return replace(self, finding=None)

    def with_finding(self, finding: Finding | None) -> Verdict:
        return replace(self, finding=finding)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_LONGEST_VALUE = 200  # characters of one value in a message: a figure, a label, a list of names


def render(check: Check, **values: str) -> str:
    """The check's message with ``values`` filled in (the pack's template names only fields the kind
    declares, plainly: see :func:`crossfoot.kinds.options.fields_of`); a value longer than a message
    should quote is shortened in its middle."""
    if check.lang == "zh":
        values = {k: value_zh(str(v)) if k not in ("stated", "expected") else v
                  for k, v in values.items()}
    return _short(check.message.format_map(_Values({k: _short(str(v)) for k, v in values.items()})),
                  _LONGEST_MESSAGE)


_LONGEST_MESSAGE = 2000  # characters of a whole message, whatever a pack's template repeats


def _short(text: str, longest: int = _LONGEST_VALUE) -> str:
    if len(text) <= longest:
        return text
    return f"{text[:longest * 3 // 5]}…{text[-(longest * 3 // 10):]}"


def report(check: Check, analysis, span: Span, stated: str, *, related=(), computed: str = "",
           figures: tuple[str, ...] | None = None, tolerance: str = "", **values: str) -> Finding:
    """A finding of ``check`` on ``span``, its message the check's template filled with ``stated``,
    ``computed`` and ``values``: for kinds that judge a bound, an order, a claim or one cell against another
    rather than a computed interval (those go through :func:`judge`)."""
    return Finding(
        code=check.code, name=check.name, severity=check.severity,
        message=render(check, stated=stated, computed=computed, **values),
        path=analysis.doc.path, span=span, related=tuple(related), stated=stated, computed=computed,
        tolerance=tolerance, figures=figures if figures is not None else (stated,),
    )


def judge(
    check: Check,
    analysis,
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
) -> Verdict | None:
    """Compare a stated figure with the interval its related figures allow: the :class:`Verdict`, with a
    finding when they cannot meet; None when ``compute`` gives nothing (the relation cannot be computed).

    ``compute`` returns the interval the relation gives for the stated figure, in ``unit`` (default: the
    stated figure's unit) divided by ``scale`` (100 when a rate is computed as a plain ratio). Rounding
    that explains the gap is no finding; a gap explained only by truncating the stated figure is ``info``.
    ``equality`` False: a value a convention fixes (a rate capped at 100%) is judged the same way, but is
    not recorded as a relation a typo must break. ``parts``: the intervals whose sum ``compute`` returns,
    for engines that judge a column's sum.
    """
    computed = compute()
    if computed is None:
        return None
    if scale != 1:
        computed = computed.scale(scale)
    if max(abs(computed.lo), abs(computed.hi)) > _BEYOND:
        if check.kind != "formula":
            return None  # (结余 999…9元，占经费0.0000000000001元的134%: figures no relation can be read of)
        raise OverflowError(f"check {check.code} computes {computed.hi:.3E}, beyond any figure a report "
                            "states: its pack's formula is wrong")
    own = precision.interval(stated, "round", unit)
    holds = own.meets(computed)

    def build() -> Finding | None:
        return _finding(check, analysis, stated, related, computed, unit, expression, severity)

    return Verdict(check, stated, related, holds, None if holds else build(), stated.span, equality,
                   Bounds("interval", own, computed, parts), build)


def order(check: Check, later: Figure, earlier: Figure, finding: Callable[[], Finding]) -> Verdict:
    """``later`` may not be below ``earlier`` (beyond what their rounding allows); ``finding`` if it is."""
    high, low = precision.interval(later), precision.interval(earlier)
    holds = high.hi >= low.lo
    return Verdict(check, later, (earlier,), holds, None if holds else finding(), later.span, False,
                   Bounds("order", high, low), finding)


def differs(check: Check, analysis, fig: Figure, cell: Cell, table: Table, label: str,
            unit: str | None = None, truncated: bool = False) -> Finding:
    """The finding that prose figure ``fig`` (stated for ``label``) differs from ``cell`` of ``table``
    (in ``unit``, default the table's): on the figure, the cell the related place, named as the original
    names it. ``truncated``: the figure is the cell's amount with its digits cut rather than rounded
    (information, not an error)."""
    shown = (cell.text or "0") + (table.unit if unit is None else unit)
    found = report(check, analysis, fig.span, fig.text, related=(cell.span,) if cell.span else (),
                   computed=shown, figures=(fig.text, shown), label=label,
                   other=shown, table=table.title or say("the table", check.lang),
                   where=analysis.doc.cite(cell.span) if cell.span else table.title)
    return truncation(found, check.lang) if truncated else found


def truncation(found: Finding, lang: str = "en") -> Finding:
    """``found`` as information: the stated figure is the other amount with its digits cut, not rounded."""
    return replace(found, severity=Severity.INFO, message=found.message + say("truncated", lang))


def unit_slip(found: Finding, figure: Figure, unit: str, lang: str = "en") -> Finding:
    """``found`` (a relation failing as written) pointed at ``figure``, whose unit is the one amiss: the
    relation holds with ``figure`` read in ``unit`` (65.39元 among 万元 amounts). A warning: the slip is
    likely, but the unit could be right and the figure wrong."""
    fix = f"{figure.text} → {precision.number_text(figure)}{unit}"
    others = (found.span, *found.related)
    return replace(found, severity=min(found.severity, Severity.WARNING), span=figure.span,
                   related=tuple(s for s in others if s != figure.span), stated=figure.text, suggestion=fix,
                   message=found.message + say("unit slip", lang, fix=fix))


def _finding(check, analysis, stated: Figure, related, computed: Interval, unit, expression,
             severity) -> Finding | None:
    truncated = precision.interval(stated, "truncate", unit).meets(computed)
    places = max(stated.decimals, 0)
    # an exact figure against a point as it is (48辆 against 46), against a span with two places more
    # (a score of 9 against [9.7795, 9.7805]: [9.77, 9.79], not [9, 10], which holds the 9)
    shown_places = places + 2 if not precision.exact(stated) or computed.lo != computed.hi else places
    number = precision.number_text(stated)
    fix = precision.typo_fix(stated, computed.scale(1 / _factor(stated, unit)))
    half = Decimal(1).scaleb(-stated.decimals) / 2 if not precision.exact(stated) else Decimal(0)
    tolerance = f"±{fmt(half, places + 1)} (rounding)" if half else "exact"
    message = render(
        check,
        stated=stated.text,
        label=stated.label or say("the figure", check.lang),
        computed=_show(computed, shown_places),
        expression=expression,
        tolerance=tolerance,
        expected=expected(stated, computed.scale(1 / _factor(stated, unit))),
    )
    suggestion = ""
    if truncated and analysis.rounding == "either":
        return None
    if truncated and analysis.rounding == "round":
        message += say("truncated", check.lang)
        level = Severity.INFO
    else:
        level = severity or check.severity
        if fix:
            suggestion = f"{number} → {fix[1]}"
            message += say(fix[0], check.lang, fix=suggestion)
    return Finding(
        code=check.code,
        name=check.name,
        severity=level,
        message=message,
        path=analysis.doc.path,
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
    return units.factor(figure.unit, unit) or Decimal(1)


def expected(stated: Figure, computed: Interval) -> str:
    """The middle of ``computed`` (in the stated figure's unit) as the stated figure is written: to its
    decimals (half up), grouped with commas if it is, and with its unit (``6.00%``, ``830.50万元``)."""
    middle = (computed.lo + computed.hi) / 2
    places = max(stated.decimals, 0)
    value = middle.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    written = precision.number_text(stated)
    number = f"{value:,f}" if "," in written else f"{value:f}"
    at = stated.text.find(written) if written else -1
    if at < 0:
        return number + (stated.unit or "")
    return stated.text[:at].lstrip("+-−") + number + stated.text[at + len(written):]


_BEYOND = Decimal("1e45")
"""Larger than any figure extraction reads (at most 40 digits): only a pack's formula computes such."""


def _show(iv: Interval, places: int) -> str:
    if iv.lo == iv.hi and -iv.lo.normalize().as_tuple().exponent <= max(places, 4):
        return fmt(iv.lo, places)  # a point of few decimals as it is (15 − 14.5 = 0.5, not [0, 1])
    q = Decimal(1).scaleb(-places)
    lo, hi = f"{iv.lo.quantize(q, ROUND_FLOOR):f}", f"{iv.hi.quantize(q, ROUND_CEILING):f}"
    if lo == hi:
        return lo
    return f"[{lo}, {hi}]"
