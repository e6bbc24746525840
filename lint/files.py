"""Reading the small files crossfoot is configured with, and writing the files it is asked to write.

:func:`read_text` reads a configuration file, a check pack or a baseline: a regular file of bounded size,
never a device or a FIFO that would be read until memory runs out (``packs = ["/dev/zero"]``).

:func:`write` puts what a writer produces under a hidden temporary name beside the target (``.NAME.….tmp``)
and renames it into place, so a reader never sees half a report and a killed run leaves the old file (a
batch sweeps such leftovers when it starts again). The new file gets the permissions an ordinary new file
would (or the old file's). A target that exists but is not a regular file (``/dev/null``, a FIFO, a
terminal) is written into directly, never replaced; a folder is refused. A symbolic link is followed, so
the file it names is replaced and the link stays.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from .regex import lazy

_DESCRIPTOR = lazy(r"/dev/(?P<std>stdin|stdout|stderr)"
                   r"|(?:/dev|/proc/(?P<who>self|thread-self|\d+))/fd/(?P<fd>\d+)")


class NotAFile(OSError):
    """A configuration file, pack or baseline that is not a regular file of reasonable size."""


def read_text(path: str | Path, what: str, limit: int = 8 << 20) -> str:
    """The UTF-8 text of ``path`` (a ``what``: configuration file, check pack, baseline), refused with
    :class:`NotAFile` when it is not a regular file or is larger than ``limit`` bytes."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotAFile(f"not a regular file, so not a {what}")
    with open(path, "rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise NotAFile(f"larger than {limit >> 20} MB, so not a {what}")
    return data.decode("utf-8")


def write(target: str | Path, produce: Callable, *, binary: bool = False) -> None:
    """Write what ``produce(stream)`` writes (text, or bytes when ``binary``) to ``target``. A name of one
    of this process's open files (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``, or a link to one) is
    written through that file itself, as the shell opened it (appending to a log with ``>>``, into a pipe):
    never replaced by a new file."""
    fd = _own_descriptor(target)
    if fd is not None:
        with os.fdopen(os.dup(fd), "wb" if binary else "w", **({} if binary else {
                "encoding": "utf-8", "newline": "", "errors": "backslashreplace"})) as stream:
            produce(stream)
        return
    target = Path(os.path.realpath(target))
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(f"{target} is a folder")
    if mode is not None and not stat.S_ISREG(mode):  # a device, a FIFO, a terminal: into it, as a shell would
        with _open(target, binary) as stream:
            produce(stream)
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with (os.fdopen(fd, "wb") if binary
              else os.fdopen(fd, "w", encoding="utf-8", newline="", errors="backslashreplace")) as stream:
            produce(stream)
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _own_descriptor(target: str | Path) -> int | None:
    """The descriptor number when ``target`` (after its links) names one of this process's open files."""
    path = str(target)
    for _ in range(40):  # (a link's chain, followed one step at a time, never through a loop)
        m = _DESCRIPTOR.fullmatch(os.path.normpath(path))
        if m and m.group("std"):
            return {"stdin": 0, "stdout": 1, "stderr": 2}[m.group("std")]
        if m and (m.group("who") in (None, "self", "thread-self") or m.group("who") == str(os.getpid())):
            return int(m.group("fd"))
        if not os.path.islink(path):
            return None
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return None


def _open(target: Path, binary: bool):
    # (a name's bytes that are no UTF-8, kept as lone surrogates, written as \udcff: never an error)
    return open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline="",
                                                   errors="backslashreplace")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
