"""crossfoot from Python, for notebooks and scripts.

>>> import crossfoot
>>> found = crossfoot.check("报告.pdf", select=["SUM", "SHR"])        # a file, or a folder
>>> found = crossfoot.check("合计 12 万元，其中 A 5 万元，B 6 万元。")  # or the text itself
>>> [f.code for f in found], found[0].to_dict()["message"]
>>> found.frame()                                                      # a pandas DataFrame

``check`` takes the settings the command line and the configuration files take (``select``,
``extend_select``, ``ignore``, ``min_severity``, ``rounding``, ``packs``, ``severity``, ``options``,
``grade_bands``), as keyword arguments; no configuration file is read unless ``config`` names one (a
path) or is ``True`` (the file nearest each checked file, as the command line finds it). A file that
cannot be read raises :class:`ReadError`; a bad setting or pack raises :class:`SettingsError`.
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path

from .ingest.text import ReadError
from .model import Finding

__all__ = ["Finding", "Findings", "ReadError", "SettingsError", "check"]


class SettingsError(ValueError):
    """A setting, configuration file or check pack that cannot be used."""


class Findings(list):
    """The findings of :func:`check`, in report order (a list of :class:`crossfoot.model.Finding`)."""

    def to_dicts(self) -> list[dict]:
        """Each finding as plain data (:meth:`Finding.to_dict`, the JSON format's objects)."""
        return [f.to_dict() for f in self]

    def frame(self):
        """The findings as a pandas DataFrame, a row each: path, place, line, column, code, name, severity,
        message, stated, computed, tolerance, suggestion, figures, snippet."""
        import pandas as pd

        from .report import rows

        header, body = rows(self)
        return pd.DataFrame(body, columns=header)


_TEXT_NAME = "<text>"


def check(source: str | os.PathLike, *, config: str | os.PathLike | bool | None = None,
          name: str = _TEXT_NAME, **settings) -> Findings:
    """The findings on ``source``: a path (a file, or a folder walked as ``crossfoot check`` walks it)
    or the text of a report (a ``str`` holding a line break, or naming no existing file, is text; ``name``
    is then its path in the findings). ``settings``: see the module's documentation."""
    from . import audit, engine, ingest
    from .config import ConfigError, Resolver, Settings

    known = {f.name for f in fields(Settings)} - {"source", "root", "output_format", "baseline", "fail_on"}
    unknown = set(settings) - known
    if unknown:
        raise TypeError(f"check() got unknown setting(s) {', '.join(sorted(unknown))} "
                        f"(known: {', '.join(sorted(known))})")
    text = _text(source)
    try:
        resolver = Resolver(None if config in (None, True) else str(config), isolated=config is None)
    except ConfigError as exc:
        raise SettingsError(str(exc)) from None

    def settings_for(path: str) -> Settings:
        try:
            base = resolver.for_path(path)
        except ConfigError as exc:
            raise SettingsError(str(exc)) from None
        out = base.over({k: v for k, v in settings.items() if k in ("select", "extend_select", "ignore",
                                                                        "packs", "rounding", "min_severity")})
        for key in ("severity", "options", "grade_bands"):
            if key in settings:
                setattr(out, key, {**getattr(out, key), **settings[key]})
        if out.rounding not in engine.ROUNDING:
            raise SettingsError(f"rounding is one of {', '.join(engine.ROUNDING)}, not {out.rounding!r}")
        return out

    if text is not None:
        docs = [(name, lambda: ingest.text.parse(text, name))]
    else:
        docs = [(p, lambda p=p: ingest.read(p)) for p in ingest.walk([os.fspath(source)])]
    out = Findings()
    facts: dict[str, dict] = {}
    chosen: dict[str, list] = {}
    for path, read in docs:
        s = settings_for(path if text is None else ".")
        try:
            checks = chosen[path] = audit.checks_for(s)
        except engine.PackError as exc:
            raise SettingsError(str(exc)) from None
        mine: dict | None = {} if engine.multi(checks) else None
        out.extend(audit.findings(read(), s, checks, facts=mine))
        if mine:
            facts[path] = mine
    for path, found in audit.across(facts, chosen.__getitem__).items():
        out.extend(audit.shown(found, settings_for(path), path))
    order = {path: i for i, (path, _) in enumerate(docs)}
    out.sort(key=lambda f: (order.get(f.path, 0), f.sort_key()))
    return out


def _text(source) -> str | None:
    """``source`` itself when it is a report's text rather than a path."""
    if isinstance(source, os.PathLike):
        return None
    if not isinstance(source, str):
        raise TypeError(f"check() takes a path or a report's text, not {type(source).__name__}")
    if "\n" in source or len(source) > 4096:
        return source
    try:
        if Path(source).exists():
            return None
    except (OSError, ValueError):  # a name too long for the system, or holding NUL: text
        return source
    from .ingest import SUFFIXES

    if Path(source).suffix.lower() in SUFFIXES:  # a file's name that names no file: say so, not "clean"
        raise ReadError(f"{source}: no such file")
    return source

