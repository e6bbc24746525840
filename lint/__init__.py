"""crossfoot: a linter for the numbers inside written reports.

The pipeline, one room each: ``ingest`` (files → Document) → ``figures`` (text → Figures) →
``kinds`` (find relations, judge them) driven by the YAML packs in ``checks/`` through ``engine`` →
``report`` (Findings → a format). ``cli`` is the thin command line on top; :mod:`crossfoot.api` the
Python entry (``crossfoot.check``), imported on first use so that ``--version`` stays fast.
"""

__version__ = "0.1.0"

_API = ("check", "Finding", "Findings", "ReadError", "SettingsError")
__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'crossfoot' has no attribute {name!r}")
