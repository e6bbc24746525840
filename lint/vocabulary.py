"""Vocabularies: the word lists checks are configured with (其中, 包括; 增加, 减少; 合计, 总计 …).

A :class:`Words` is compiled once: its words sorted longest first (a longer word is tried before a word it
holds: 主要包括 before 包括), with the tests every kind needs. Packs name word lists once, at their top
(``vocabularies: {up: [增加, 增长]}``), and options refer to them by name (``up: $up``); a kind's default
may name one too (:func:`named`), resolved when the packs are loaded. One list, one object, shared.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache


class Words(tuple):
    """Words, longest first; a tuple, so ``label.endswith(words)`` works as it does for any tuple."""

    def __new__(cls, words=()):
        if isinstance(words, str):
            words = (words,)
        return super().__new__(cls, sorted((str(w) for w in words), key=len, reverse=True))

    @staticmethod
    def of(words) -> Words:
        """The one :class:`Words` of these words (built once per list: checks that share a list share it)."""
        return _interned(tuple(words))

    def within(self, text: str) -> bool:
        """Whether one of the words occurs in ``text``."""
        return any(w in text for w in self)

    def first(self, text: str) -> str | None:
        """The first of the words (longest first) that occurs in ``text``, or None."""
        return next((w for w in self if w in text), None)

    def ends(self, text: str) -> bool:
        return text.endswith(self) if self else False

    def starts(self, text: str) -> bool:
        return text.startswith(self) if self else False

    @cached_property
    def pattern(self) -> re.Pattern:
        """An alternation of the words, longest first (never matches when there are none)."""
        return re.compile("|".join(map(re.escape, self)) or r"(?!)")

    def __repr__(self) -> str:
        return f"Words({list(self)!r})"


class Named(str):
    """A reference to a pack's vocabulary by name (written ``$name`` in a pack), resolved at load."""


def named(name: str) -> Named:
    """A kind option's default that is the pack vocabulary ``name``."""
    return Named(name)


@lru_cache(maxsize=1024)
def _interned(words: tuple[str, ...]) -> Words:
    return Words(words)
