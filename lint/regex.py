"""Regular expressions compiled when first used, not when their module is imported.

crossfoot's readings are some four hundred module-level patterns, many with large CJK character classes
that take a millisecond each to compile; a check of a short text uses a fifth of them. Compiling them all
at import was a quarter of a pre-commit call's start-up. ``lazy`` keeps the source and compiles on the
first attribute a caller asks for (``search``, ``finditer``, ...), then binds the compiled pattern's
methods on itself, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import cast

_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
          "groups", "groupindex", "flags")


class _Lazy:
    """A pattern's source and flags until something asks for more."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__"):  # copy, pickle and the like: not the pattern's business
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in _BOUND:
            setattr(self, method, getattr(compiled, method))
        self.compiled = compiled
        return getattr(compiled, name)

    def __reduce__(self):
        return _Lazy, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on first use."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
