"""Check kinds: one module per kind of relation, each finding its relations and judging them.

A kind's docstring is its documentation (``crossfoot rule CODE`` prints it). Modules whose names start with
an underscore are helpers, not kinds.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache


@cache
def registry() -> dict:
    """Kind name → module, for every kind module in this package."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[module.KIND] = module
    return found
