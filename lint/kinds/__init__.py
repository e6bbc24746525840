"""Check kinds: one module per kind of relation, each finding its relations and judging them, grouped in
a subfolder per pack (``core``, ``document``, ``tables``, ``scores``, ``budget``).

A kind's docstring is its documentation (``crossfoot rule CODE`` prints it); :mod:`.base` is the contract
between kinds and the engine, :mod:`.options` how a pack's options become a kind's typed ``Options``. Kinds
never import each other: what two kinds share lives in a lower room (``figures``, ``tables``, ``analysis``).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

FAMILIES = ("core", "document", "tables", "scores", "budget")


@cache
def registry() -> dict:
    """Kind name → module, for every kind module of every family."""
    found = {}
    for family in FAMILIES:
        package = importlib.import_module(f"{__name__}.{family}")
        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found[module.KIND] = module
    return found
