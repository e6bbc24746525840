"""Settings from a configuration file: ``[tool.crossfoot]`` in ``pyproject.toml``, or the top level of
``crossfoot.toml`` / ``.crossfoot.toml``.

The file nearest to a checked file wins (its folder, then each parent; in one folder ``.crossfoot.toml``,
then ``crossfoot.toml``, then a ``pyproject.toml`` that has a ``[tool.crossfoot]`` table). ``--config
FILE`` uses one file for every path; ``--isolated`` uses none. Options given on the command line beat the
file's. Paths in a file (``packs``, ``baseline``, ``per-file-ignores`` globs) are relative to its folder.

Keys::

    select = ["SUM", "RAT001", "grade-band"]   # codes, prefixes or names; default: every check
    extend-select = []                          # added to select
    ignore = ["DOC005"]
    per-file-ignores = { "archive/*" = ["DOC"] }  # fnmatch globs (``*`` crosses folders)
    min-severity = "info"                       # hide findings below
    fail-on = "warning"                         # exit 1 at or above
    output-format = "concise"
    packs = ["checks/bureau.yaml"]              # extra YAML check packs
    rounding = "round"                          # round | either | strict (see engine.run)
    lang = "zh"                                 # zh | en: messages and summaries; default: the locale's
    baseline = "crossfoot-baseline.json"        # hide the findings recorded in it
    grade-bands = { "优秀" = 90, "良好" = 80, "中" = 60, "差" = 0 }
    [severity]                                  # per-check severity: DOC005 = "info"
    [options.SCO004]                            # any check's options, as in its pack
"""

from __future__ import annotations

import fnmatch
import math
import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

NAMES = (".crossfoot.toml", "crossfoot.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "info")


class ConfigError(Exception):
    pass


@dataclass
class Settings:
    source: str = ""
    """The file the settings came from ('' for the defaults)."""
    root: Path = field(default_factory=Path.cwd)
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    min_severity: str = "info"
    fail_on: str = "warning"
    output_format: str = "concise"
    packs: list[str] = field(default_factory=list)
    rounding: str = "round"
    lang: str = ""
    """zh or en; '' until resolved: :meth:`over` takes the locale's (:mod:`crossfoot.lang`)."""
    baseline: str = ""
    grade_bands: dict[str, float] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict] = field(default_factory=dict)

    def ignored_for(self, path: str) -> list[str]:
        """The per-file ignores whose glob matches ``path`` (relative to the settings' folder)."""
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        given = Path(path).as_posix()
        return [code for glob, codes in self.per_file_ignores.items()
                if fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(given, glob) for code in codes]

    def over(self, given: dict) -> Settings:
        """These settings with the command line's options (``given``, None or empty when not given) over
        them: ``select`` replaces, ``extend-select``, ``ignore`` and ``packs`` add, the rest replace."""
        out = replace(self)
        if given.get("select"):
            out.select = list(given["select"])
        out.extend_select = [*self.extend_select, *given.get("extend_select", ())]
        out.ignore = [*self.ignore, *given.get("ignore", ())]
        out.packs = [*self.packs, *given.get("packs", ())]
        for key in ("min_severity", "fail_on", "rounding", "baseline", "lang"):
            if given.get(key):
                setattr(out, key, given[key])
        from .lang import resolve

        out.lang = resolve(out.lang)
        return out

    def fingerprint(self) -> str:
        """What the findings of a file depend on besides its bytes: these settings and the packs' text."""
        import hashlib
        import json

        from .files import read_text

        fixed = {k: v for k, v in self.shown() if k not in ("source", "root", "output-format", "baseline",
                                                             "fail-on", "packs")}
        packs = []
        for p in self.packs:
            try:
                packs.append(read_text(p, "check pack"))
            except (OSError, UnicodeDecodeError):
                packs.append(p)  # loading it will say what is wrong
        text = json.dumps([fixed, packs], sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def shown(self) -> list[tuple[str, object]]:
        return [(f.name.replace("_", "-"), getattr(self, f.name)) for f in fields(self)]


_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Settings) if f.name not in ("source", "root")}


def find(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a folder)."""
    for folder in (start, *start.parents):
        for name in NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _table(candidate) is not None):
                return candidate
    return None


def _table(path: Path) -> dict | None:
    try:
        from .files import read_text

        data = tomllib.loads(read_text(path, "configuration file"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, nesting past the limit
        raise ConfigError(f"{path}: not a configuration: {str(exc)[:200]}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("crossfoot") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.crossfoot is a table ([tool.crossfoot])")
        return table
    return data


def load(path: Path) -> Settings:
    table = _table(path)
    if table is None:
        raise ConfigError(f"{path}: has no [tool.crossfoot] table")
    settings = Settings(source=str(path), root=path.parent)
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(sorted(_KEYS))})")
        default = getattr(settings, _KEYS[key])
        if isinstance(default, list):
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: {key} is a list of strings")
        elif isinstance(default, dict) and not isinstance(value, dict):
            raise ConfigError(f"{path}: {key} is a table")
        elif _KEYS[key] == "options" and not all(isinstance(v, dict) for v in value.values()):
            raise ConfigError(f"{path}: options maps each check to a table of its options ([options.SUM001])")
        elif _KEYS[key] == "grade_bands" and not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                     and math.isfinite(v) for v in value.values()):
            raise ConfigError(f"{path}: grade-bands maps each grade to its lowest score, a finite number")
        elif _KEYS[key] == "per_file_ignores":  # each glob's codes, one code alone as a list of it
            value = {glob: [codes] if isinstance(codes, str) else codes for glob, codes in value.items()}
            if not all(isinstance(c, list) and all(isinstance(v, str) for v in c) for c in value.values()):
                raise ConfigError(f"{path}: {key} maps globs to lists of codes")
        elif isinstance(default, str) and not isinstance(value, str):
            raise ConfigError(f"{path}: {key} is a string")
        setattr(settings, _KEYS[key], value)
    for key in ("min_severity", "fail_on"):
        if getattr(settings, key) not in SEVERITIES:
            raise ConfigError(f"{path}: {key.replace('_', '-')} is one of {', '.join(SEVERITIES)}")
    from .engine import ROUNDING

    if settings.rounding not in ROUNDING:
        raise ConfigError(f"{path}: rounding is one of {', '.join(ROUNDING)}")
    from .lang import LANGS

    if settings.lang and settings.lang not in LANGS:
        raise ConfigError(f"{path}: lang is one of {', '.join(LANGS)}")
    settings.packs = [str(settings.root / p) for p in settings.packs]
    if settings.baseline:
        settings.baseline = str(settings.root / settings.baseline)
    return settings


class Resolver:
    """The settings for each checked file, each configuration file read once."""

    def __init__(self, config: str | None = None, isolated: bool = False):
        self.fixed = Settings() if isolated else (load(Path(config)) if config else None)
        self.files: dict[Path | None, Settings] = {None: Settings()}
        self.folders: dict[Path, Settings] = {}

    def for_path(self, path: str | Path) -> Settings:
        if self.fixed is not None:
            return self.fixed
        p = Path(os.path.abspath(path))
        folder = p if p.is_dir() else p.parent
        if folder not in self.folders:
            found = find(folder)
            if found not in self.files:
                self.files[found] = load(found)
            self.folders[folder] = self.files[found]
        return self.folders[folder]
