"""Readers: one module per input format, each ``read(path) -> Document``.

Nothing downstream knows which format a document came from. Plain text and Markdown (:mod:`.text`),
DOCX (:mod:`.docx`), PDF (:mod:`.pdf`) and HTML (:mod:`.html`), the last three through
:mod:`.layout`; any other file is refused with a clear :class:`ReadError`, never read as garbage.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..model import Document
from .text import ReadError

SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".docx": "docx",
            ".pdf": "pdf", ".html": "html", ".htm": "html"}

__all__ = ["ReadError", "SUFFIXES", "follow", "read", "walk"]


def follow(path: str | Path) -> None:
    """Raise a :class:`ReadError` that says so when ``path`` is a link that dangles or loops."""
    if os.path.islink(path):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise ReadError(f"{path}: a loop of symbolic links; not read") from None
            raise ReadError(f"{path}: a symbolic link to {os.readlink(path)}, which does not exist") from None


def read(path: str | Path) -> Document:
    follow(path)
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        import importlib

        return importlib.import_module(f"{__name__}.{SUFFIXES[suffix]}").read(path)
    supported = ", ".join(sorted(SUFFIXES))
    raise ReadError(f"{path}: cannot read {suffix or 'files without a suffix'} files yet "
                    f"(supported: {supported})")


def walk(paths: Sequence[str]) -> Iterator[str]:
    """Files named directly, and readable files found under folders (hidden entries skipped), sorted."""
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, f) for f in files
                          if not f.startswith(".") and Path(f).suffix.lower() in SUFFIXES]
            yield from sorted(found)
        else:
            yield given
