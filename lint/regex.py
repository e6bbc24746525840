"""Regular expressions compiled when first used, not when their module is imported.

crossfoot's readings are some four hundred module-level patterns, many with large CJK character classes
that take a millisecond each to compile; a check of a short text uses a fifth of them. Compiling them all
at import was a quarter of a pre-commit call's start-up. ``lazy`` keeps the source and compiles on the
first attribute a caller asks for (``search``, ``finditer``, ...), then binds the compiled pattern's
methods on itself, so later calls cost what a compiled pattern's do.

Compiling is still most of a short check's run: a CJK character class such as ``[\u4e00-\u9fff]`` costs the
compiler a loop over its twenty thousand characters, in Python. So a pattern's compiled program (the list of
codes CPython's ``re`` hands to its C matcher, ``_sre.compile``) is kept in the cache folder
(:mod:`crossfoot.cache`), a file per pattern under a folder per interpreter version and matcher format, and
later processes build the pattern from it in microseconds, reading only the programs they use. A program is
made and kept only beside ``re.compile``'s own pattern, which is the one used; one read back that the
matcher refuses (it validates every program), or any other interpreter, falls back to ``re.compile``.
"""

from __future__ import annotations

import array
import binascii
import functools
import re
import sys
import zlib
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


_MADE: dict[str, list] = {}  # the programs made in this run, by cache entry, kept at its exit
_LARGEST = 8 << 20  # bytes of a program: crossfoot's largest is some hundreds of KB


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program an earlier run kept when there is one."""
    if not isinstance(pattern, str):
        return re.compile(pattern, flags)  # (a bytes pattern: few, and not worth a key of their own)
    name = _entry(pattern, flags)
    if name:
        from . import cache

        kept = cache.read(name)
        if isinstance(kept, list) and len(kept) == 6 and kept[0] == pattern and _groups_agree(*kept[3:]):
            try:
                _, final, code, groups, groupindex, indexgroup = kept
                inflate = zlib.decompressobj()
                raw = inflate.decompress(binascii.a2b_base64(code), _LARGEST)
                if inflate.unconsumed_tail or not inflate.eof:
                    raise ValueError("larger than any pattern's program")  # (an entry inflating to GBs)
                codes = array.array("I", raw).tolist()
                return _sre().compile(pattern, final, codes, groups, groupindex, tuple(indexgroup))
            except Exception:  # noqa: BLE001 - a program the matcher refuses (damaged): compiled anew
                pass
    compiled = re.compile(pattern, flags)
    program = _program(pattern, flags) if name else None
    if program is not None and program[0] == compiled.flags and program[2] == compiled.groups:
        if not _MADE:
            import atexit

            atexit.register(_keep)
        _MADE[name] = [pattern, *program]
    return compiled


def _groups_agree(groups, groupindex, indexgroup) -> bool:
    """Whether a kept program's group tables agree with each other (the matcher checks its codes, not
    these): a count, names to numbers within it, and numbers back to the names."""
    return type(groups) is int and 0 <= groups < 100 and isinstance(groupindex, dict) \
        and isinstance(indexgroup, list) and len(indexgroup) == groups + 1 \
        and all(type(n) is int and 1 <= n <= groups and indexgroup[n] == k for k, n in groupindex.items()) \
        and sum(1 for k in indexgroup if k is not None) == len(groupindex)


def _sre():
    import _sre  # the matcher re.compile hands its programs to

    return _sre


@functools.cache
def _folder() -> str:
    """The cache's folder of this interpreter's programs, or '' where they are not CPython's."""
    if sys.implementation.name != "cpython":
        return ""
    return f"regex/{sys.implementation.cache_tag}-{_sre().MAGIC}-{zlib.crc32(sys.version.encode()):08x}"


def _entry(pattern: str, flags: int) -> str:
    """The cache entry of a pattern's program (its own file: a run reads only the programs it uses), or
    '' when there is none to keep."""
    folder = _folder()
    if not folder:
        return ""
    data = f"{int(flags)}:{pattern}".encode()
    return f"{folder}/{len(data)}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.json"


def _program(pattern: str, flags: int) -> list | None:
    """What ``re.compile`` hands ``_sre.compile`` for this pattern (the steps of ``re._compiler.compile``),
    its codes packed (zlib, base64), or None where this interpreter's ``re`` is built otherwise."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        packed = binascii.b2a_base64(zlib.compress(array.array("I", code).tobytes()), newline=False).decode()
        return [flags | parsed.state.flags, packed, parsed.state.groups - 1, groupindex, indexgroup]
    except Exception:  # noqa: BLE001 - another re than 3.11's: no program kept, nothing lost
        return None


def _keep() -> None:
    from . import cache

    for name, program in _MADE.items():
        cache.write(name, program)
