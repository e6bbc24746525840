"""Regular expressions compiled when first used, not when their module is imported.

crossfoot's readings are some four hundred module-level patterns, many with large CJK character classes
that take a millisecond each to compile; a check of a short text uses a fifth of them. Compiling them all
at import was a quarter of a pre-commit call's start-up. ``lazy`` keeps the source and compiles on the
first attribute a caller asks for (``search``, ``finditer``, ...), then binds the compiled pattern's
methods on itself, so later calls cost what a compiled pattern's do.

Compiling is still most of a short check's run: a CJK character class such as ``[\u4e00-\u9fff]`` costs
the compiler a loop over its twenty thousand characters, in Python. So a pattern's compiled program (the
list of codes CPython's ``re`` hands to its C matcher, ``_sre.compile``) is kept in the cache folder
(:mod:`crossfoot.cache`), one file per interpreter version and matcher format, and later processes build
the pattern from it in microseconds. A program is made and kept only beside ``re.compile``'s own pattern,
which is the one used; one read back that the matcher refuses (it validates every program), or any other
interpreter, falls back to ``re.compile``.
"""

from __future__ import annotations

import array
import binascii
import re
import sys
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
        compiled = _compile(self.pattern, self._flags)
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


_LOADED: dict | None = None  # the programs kept by earlier runs, read on the first compile
_MADE: dict[str, list] = {}  # those made in this run, kept at its exit
_MOST = 4000  # programs kept at most (the package's patterns are some four hundred)


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program an earlier run kept when there is one."""
    if not isinstance(pattern, str):
        return re.compile(pattern, flags)  # (a bytes pattern: few, and not worth a key of their own)
    programs = _programs()
    key = f"{int(flags)}:{pattern}"
    kept = programs.get(key)
    if kept is not None:
        try:
            final, code, groups, groupindex, indexgroup = kept
            codes = array.array("I", binascii.a2b_base64(code)).tolist()
            return _sre().compile(pattern, final, codes, groups, groupindex, tuple(indexgroup))
        except Exception:  # noqa: BLE001 - a program the matcher refuses (damaged): compiled anew
            programs.pop(key, None)
    compiled = re.compile(pattern, flags)
    if _tag() and len(_MADE) + len(programs) < _MOST:
        program = _program(pattern, flags)
        if program is not None and program[0] == compiled.flags and program[2] == compiled.groups:
            if not _MADE:
                import atexit

                atexit.register(_keep)
            _MADE[key] = program
    return compiled


def _sre():
    import _sre  # the matcher re.compile hands its programs to

    return _sre


def _tag() -> str:
    """The cache file of this interpreter's programs, or '' where they are not CPython's."""
    if sys.implementation.name != "cpython":
        return ""
    import zlib

    return f"regex/{sys.implementation.cache_tag}-{_sre().MAGIC}-{zlib.crc32(sys.version.encode()):08x}.json"


def _programs() -> dict:
    global _LOADED
    if _LOADED is None:
        from . import cache

        tag = _tag()
        kept = cache.read(tag) if tag else None
        _LOADED = kept if isinstance(kept, dict) else {}
    return _LOADED


def _program(pattern: str, flags: int) -> list | None:
    """What ``re.compile`` hands ``_sre.compile`` for this pattern (the steps of ``re._compiler.compile``),
    or None where this interpreter's ``re`` is built otherwise."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        packed = binascii.b2a_base64(array.array("I", code).tobytes(), newline=False).decode()
        return [flags | parsed.state.flags, packed, parsed.state.groups - 1, groupindex, indexgroup]
    except Exception:  # noqa: BLE001 - another re than 3.11's: no program kept, nothing lost
        return None


def _keep() -> None:
    from . import cache

    tag = _tag()
    kept = cache.read(tag)  # (another run may have kept some since this one read them)
    merged = {**(kept if isinstance(kept, dict) else {}), **_MADE}
    if len(merged) <= _MOST:
        cache.write(tag, merged)
