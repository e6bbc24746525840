"""Characters that are not seen: zero-width spaces and joiners, soft hyphens, byte-order marks, combining
marks, variation selectors, tags, Hangul fillers, interlinear annotation and shorthand format controls,
musical formatting marks, and bidirectional controls. Readers leave them out of the text they read (every
kept character keeps its place), so ``8\u200d20.50`` is read as the 820.50 a reader sees.

Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin) change the order in which stored characters
are shown: ``\u202e05.028\u202c`` is displayed as 820.50 but stored as 05.028 (the "Trojan Source" trick).
What is shown cannot be told from what is stored, so each line holding one gets a finding (ENC002), and the
figures around it are read as stored.
"""

from __future__ import annotations

import unicodedata

from ..model import Finding, Severity, Span
from ..regex import lazy

#: left out of what is read; the bidirectional controls among them are also reported
INVISIBLE = lazy("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\u0300-\u036f\u1ab0-\u1aff"
                       "\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3164\uffa0\ufff9-\ufffb"
                       "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f"
                       "\U000e0100-\U000e01ef]")
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def note(path: str, line: int, column: int, char: str) -> Finding:
    """The ENC002 finding for a bidirectional control at ``line:column`` of the text read."""
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    return Finding(
        code="ENC002", name="bidirectional-control", severity=Severity.WARNING,
        message=(f"a bidirectional control character (U+{ord(char):04X} {name}) changes the order in which "
                 "this line's characters are shown, so what a reader sees may differ from what is stored; "
                 "figures here are read as stored"),
        path=path, span=Span(line, column, line, column + 1), stated=f"U+{ord(char):04X}",
        figures=(f"U+{ord(char):04X}",),
    )
