"""Writing the files crossfoot is asked to write: whole or not at all, never over what is not a file.

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


def write(target: str | Path, produce: Callable, *, binary: bool = False) -> None:
    """Write what ``produce(stream)`` writes (text, or bytes when ``binary``) to ``target``."""
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
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as stream:
            produce(stream)
        os.chmod(tmp, stat.S_IMODE(mode) if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _open(target: Path, binary: bool):
    return open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline="")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
