"""The great-expectations bridge (``pip install crossfoot[gx]``; ``crossfoot check --engine gx``).

The table checks of kinds :data:`KINDS` find and judge their relations as usual; GX then decides them again:
every relation becomes a row of a pandas DataFrame and an expectation over it, validated by GX on an ephemeral
context (no files, no network, no progress bars). Intervals and ``Decimal`` stay in crossfoot; GX compares
floats, so the tolerance is passed explicitly and in a form floats keep exact:

* a column total (``footing``) — the parts' ``lo + hi`` scaled to integers, one row each, and
  ``ExpectColumnSumToBeBetween`` over the rows of that total with the stated total's bounds widened by the
  parts' rounding (a sum of integers below 2**53 is exact in floats);
* any other interval relation (``formula``) — difference columns ``above = computed.hi − stated.lo`` and
  ``below = stated.hi − computed.lo``, each with ``ExpectColumnValuesToBeBetween(min_value=0)`` (a
  ``Decimal``'s sign survives conversion to float);
* an order (``monotonic``) — ``ExpectColumnPairValuesAToBeGreaterThanB`` of the later cell's high end over
  the earlier cell's low end, ``or_equal``.

A relation GX fails gives the same finding the native engine gives. An expectation GX could not evaluate
(it *errored*, rather than failed) is not a verdict: crossfoot falls back to its own for those relations and
says so on stderr. Nothing here imports great_expectations until :func:`decide` or :func:`suites` runs.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from dataclasses import dataclass, field
from decimal import Decimal

from ..interval import total
from ..kinds.base import Verdict
from ..model import Finding

KINDS = frozenset({"footing", "formula", "monotonic"})


class Unavailable(RuntimeError):
    """great_expectations is not installed."""


@dataclass
class Frame:
    """One DataFrame and the expectations over it, each expectation deciding ``relations`` by index."""

    name: str
    columns: dict[str, list] = field(default_factory=dict)
    expectations: list[tuple[str, dict, list[int]]] = field(default_factory=list)


def frames(verdicts: list[Verdict]) -> list[Frame]:
    """The relations laid out as GX sees them: ``parts`` (column totals) and ``relations`` (the rest)."""
    parts = Frame("parts", {"relation": [], "code": [], "value": []})
    rows = Frame("relations", {"relation": [], "code": [], "line": [], "column": [], "above": [], "below": [],
                               "later_high": [], "earlier_low": []})
    between, pairs = [], []
    for i, v in enumerate(verdicts):
        d = v.bounds
        if d.shape == "interval" and d.parts and total(d.parts) == d.computed:
            scale = _scale(d.stated, *d.parts)
            width = sum(p.hi - p.lo for p in d.parts)
            for p in d.parts:
                parts.columns["relation"].append(i)
                parts.columns["code"].append(v.code)
                parts.columns["value"].append(float((p.lo + p.hi) * scale))
            low, high = (2 * d.stated.lo - width) * scale, (2 * d.stated.hi + width) * scale
            parts.expectations.append(("ExpectColumnSumToBeBetween", {
                "column": "value", "min_value": float(low), "max_value": float(high), "rows_of": i}, [i]))
            continue
        rows.columns["relation"].append(i)
        rows.columns["code"].append(v.code)
        rows.columns["line"].append(v.span.line)
        rows.columns["column"].append(v.span.column)
        nan = float("nan")
        if d.shape == "interval":
            above, below = d.computed.hi - d.stated.lo, d.stated.hi - d.computed.lo
            rows.columns["above"].append(float(above))
            rows.columns["below"].append(float(below))
            rows.columns["later_high"].append(nan)
            rows.columns["earlier_low"].append(nan)
            between.append(i)
        else:
            rows.columns["above"].append(nan)
            rows.columns["below"].append(nan)
            rows.columns["later_high"].append(float(d.stated.hi))
            rows.columns["earlier_low"].append(float(d.computed.lo))
            pairs.append(i)
    if between:
        for column in ("above", "below"):
            rows.expectations.append(("ExpectColumnValuesToBeBetween", {"column": column, "min_value": 0},
                                      between))
    if pairs:
        rows.expectations.append(("ExpectColumnPairValuesAToBeGreaterThanB", {
            "column_A": "later_high", "column_B": "earlier_low", "or_equal": True,
            "ignore_row_if": "either_value_is_missing"}, pairs))
    return [f for f in (parts, rows) if f.expectations]


def _scale(*intervals) -> Decimal:
    """The power of ten that makes every bound of ``intervals`` an integer."""
    places = max(max(-iv.lo.normalize().as_tuple().exponent, -iv.hi.normalize().as_tuple().exponent, 0)
                 for iv in intervals)
    return Decimal(10) ** places


@functools.cache
def _gx():
    """great_expectations, its expectations module and a pandas source on an ephemeral context (in memory,
    quiet, offline), made once per process."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")  # never reach the network
    try:
        import great_expectations as gx
        import great_expectations.expectations as gxe
        from great_expectations.data_context.types.base import ProgressBarsConfig
    except ImportError as exc:
        raise Unavailable("great_expectations is not installed (pip install 'crossfoot[gx]')") from exc
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return gx, gxe, context.data_sources.add_pandas("crossfoot")


def suites(found: list[Frame], name: str) -> list[tuple[Frame, object]]:
    """Each frame with its GX ``ExpectationSuite`` (expectations carry the relations they decide in meta)."""
    gx, gxe, _ = _gx()
    from great_expectations.expectations.row_conditions import Column

    out = []
    for frame in found:
        suite = gx.ExpectationSuite(name=f"crossfoot.{name}.{frame.name}")
        for kind, kwargs, relations in frame.expectations:
            kwargs = dict(kwargs)
            if "rows_of" in kwargs:  # the rows of one relation: a row condition
                kwargs["row_condition"] = Column("relation") == kwargs.pop("rows_of")
            suite.add_expectation(getattr(gxe, kind)(**kwargs, meta={"relations": relations}))
        out.append((frame, suite))
    return out


def decide(verdicts: list[Verdict], name: str = "document") -> list[Finding]:
    """The findings of the relations ``verdicts`` judged, as GX judges them again."""
    if not verdicts:
        return []
    import pandas as pd

    _, _, source = _gx()
    failed: set[int] = set()
    for frame, suite in suites(frames(verdicts), name):
        data = pd.DataFrame(frame.columns)
        batch = _definition(source, frame.name).get_batch(batch_parameters={"dataframe": data})
        result = batch.validate(suite, result_format="COMPLETE")
        for outcome in result.results:
            relations = outcome.expectation_config.meta["relations"]
            problem = _error(outcome.exception_info)
            if problem:
                print(f"crossfoot: great_expectations could not evaluate {outcome.expectation_config.type} "
                      f"({problem}); crossfoot judged its {len(relations)} relation(s) itself",
                      file=sys.stderr)
                failed.update(i for i in relations if not verdicts[i].holds)
            elif not outcome.success:
                rows = outcome.result.get("unexpected_index_list")
                if len(relations) == 1 or rows is None:
                    failed.update(relations)
                else:
                    failed.update(int(data["relation"].iloc[r]) for r in rows)
    return [f for i in sorted(failed) if (f := verdicts[i].build()) is not None]


_DEFINITIONS: dict = {}


def _definition(source, frame: str):
    """The batch definition of a frame name: one asset per name in the shared source, reused per report."""
    if frame not in _DEFINITIONS:
        _DEFINITIONS[frame] = source.add_dataframe_asset(frame).add_batch_definition_whole_dataframe("all")
    return _DEFINITIONS[frame]


def _error(info) -> str:
    """The message of an expectation that raised, or '' (GX nests it per metric when a metric failed)."""
    if not isinstance(info, dict):
        return ""
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "an exception")
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message") or "an exception")
    return ""
