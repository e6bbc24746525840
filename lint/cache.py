"""Parsed check packs kept between runs: a pre-commit call reads five packs it read last time.

Parsing the shipped packs' YAML (and importing PyYAML to do it) was a quarter of a small check's start-up. A
pack's data is kept as JSON under the cache folder, keyed by checksums of the pack's text and crossfoot's
version, so an edited pack, a user's own pack or a new release is parsed again. The folder is
``$CROSSFOOT_CACHE_DIR`` (empty: no cache), else ``$XDG_CACHE_HOME/crossfoot``, else ``~/.cache/crossfoot``.
The cache is an optimisation only: a folder that cannot be made or written, or an entry that is damaged, not
JSON, nested too deep or not the value written (a checksum of it and its name is kept with it), is passed
over and the pack parsed; JSON holds data, never code. A folder that another user owns or that others may
write (a shared folder, where anyone could leave entries for crossfoot to trust) is no cache: nothing is read
from it or written to it. (A checksum guards against damage, not against someone who can write the user's
own cache folder, who could as well change the installed package.)
"""

from __future__ import annotations

import json
import os
import stat
import zlib
from pathlib import Path

_FORMAT = "packs-1"
_LIMIT = 32 << 20  # an entry larger than this was not written here


def folder() -> Path | None:
    """Where the cache is kept, or None when ``CROSSFOOT_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("CROSSFOOT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    home = os.path.expanduser("~")
    base = os.environ.get("XDG_CACHE_HOME") or (os.path.join(home, ".cache") if os.path.isabs(home) else "")
    return Path(base) / "crossfoot" if os.path.isabs(base) else None  # (no home: no cache, not the cwd)


def _own(where: Path) -> bool:
    """Whether ``where`` may be the cache: missing (it will be made), or a folder of the user's own that
    nobody else may write (checked once per folder and run)."""
    known = _OWNED.get(str(where))
    if known is None:
        try:
            info = os.stat(where)
            known = stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o022
        except FileNotFoundError:
            return True
        except OSError:
            known = False
        _OWNED[str(where)] = known
    return known


_OWNED: dict[str, bool] = {}


def read(name: str) -> object | None:
    """The JSON value kept under ``name`` (a path in the cache folder), or None: none, unreadable, or not
    the value written (its checksum, kept with it, differs: a damaged or a foreign entry)."""
    where = folder()
    if where is None or not _own(where):
        return None
    try:
        info = os.stat(where / name)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _LIMIT:
            return None
        kept = json.loads((where / name).read_bytes())
        if not isinstance(kept, dict) or set(kept) != {"crc", "value"} \
                or kept["crc"] != _crc(name, json.dumps(kept["value"], ensure_ascii=False)):
            return None
        return kept["value"]
    except (OSError, ValueError, RecursionError, TypeError):  # (JSON nested past the parser's depth)
        return None


def _crc(name: str, written: str) -> int:
    """A checksum of an entry's value and its name (another entry's value, moved here, does not match)."""
    return zlib.crc32(f"{name}\0{written}".encode())


def write(name: str, value: object) -> None:
    """Keep ``value`` under ``name``, when JSON gives it back as it is (written whole or not at all)."""
    where = folder()
    if where is None or not _own(where):
        return
    import contextlib
    import tempfile

    target = where / name
    try:
        written = json.dumps(value, ensure_ascii=False)
        if json.loads(written) != value:
            return  # (a YAML date or a number as a key: JSON would not give it back as it was)
        written = json.dumps({"crc": _crc(name, written), "value": value}, ensure_ascii=False)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    except (OSError, TypeError, ValueError):
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(written)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _pack_name(text: str) -> str:
    from . import __version__

    data = f"{_FORMAT}\0{__version__}\0{text}".encode()
    # its length and two checksums (zlib's, as hashlib's OpenSSL would cost a start-up more than all the
    # rest of the cache): a pack edited gives another name, but by a collision no edit makes
    return f"packs/{len(data)}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.json"


def pack(text: str) -> tuple[object, list[int]] | None:
    """``(data, lines)`` kept for a pack of this text (its data, the line of each of its checks), or None."""
    kept = read(_pack_name(text))
    if not isinstance(kept, dict) or not isinstance(kept.get("lines"), list):
        return None
    data, lines = kept.get("data"), kept["lines"]
    checks = data.get("checks") if isinstance(data, dict) else None
    if not isinstance(checks, list) or len(checks) != len(lines) or not all(type(n) is int for n in lines) \
            or not isinstance(data.get("vocabularies", {}), dict):
        return None
    return data, lines


def keep(text: str, data: object, lines: list[int]) -> None:
    """Keep a pack's parsed ``data`` and check ``lines`` for its ``text``."""
    write(_pack_name(text), {"data": data, "lines": lines})
