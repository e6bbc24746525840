"""Readers: one module per input format, each ``read(path) -> Document``.

Nothing downstream knows which format a document came from. Plain text and Markdown (:mod:`.text`),
DOCX (:mod:`.docx`), PDF (:mod:`.pdf`), OFD (:mod:`.ofd`, through the PDF reader's page logic), HTML
(:mod:`.html`), XLSX (:mod:`.xlsx`) and XLS (:mod:`.xls`, through the XLSX reader's sheet logic), all but
text through :mod:`.layout`; any other file is refused with a clear :class:`ReadError`, never read as
garbage.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..model import Document
from .converted import ADVICE, CONVERTIBLE, converter
from .text import ReadError

SUFFIXES = {".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".docx": "docx",
            ".pdf": "pdf", ".ofd": "ofd", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".xlsm": "xlsx",
            ".xls": "xls"}

__all__ = ["ReadError", "SUFFIXES", "follow", "read", "readable", "refusal", "walk"]

NOT_READ = {
    **{suffix: f"{what}: {ADVICE}" for suffix, what in CONVERTIBLE.items()},
    ".et": "a WPS workbook: save it as .xlsx (WPS: 另存为 → .xlsx)",
    ".ods": "an OpenDocument spreadsheet: save it as .xlsx",
    ".ppt": "a presentation: not read", ".pptx": "a presentation: not read",
}
"""Formats a folder of reports often holds that crossfoot does not read, with what to do instead: found
under a folder, each is named as skipped, never passed over in silence. The word-processor formats among
them (:data:`~.converted.CONVERTIBLE`) are read where LibreOffice is installed."""


def readable(path: str | Path) -> bool:
    """Whether crossfoot reads ``path``'s format here: one of :data:`SUFFIXES`, or a word-processor format
    with LibreOffice installed to convert it."""
    suffix = Path(path).suffix.lower()
    return suffix in SUFFIXES or (suffix in CONVERTIBLE and converter() is not None)


def refusal(path: str | Path) -> str:
    """Why ``path`` is not read (its suffix is not one of :data:`SUFFIXES`)."""
    suffix = Path(path).suffix.lower()
    if suffix in NOT_READ:
        return NOT_READ[suffix]
    what = f"{suffix} files" if suffix else "files without a suffix"
    return f"cannot read {what} (supported: {', '.join(sorted(SUFFIXES))})"


def follow(path: str | Path) -> None:
    """Raise a :class:`ReadError` that says so when ``path`` is a link that dangles or loops."""
    if os.path.islink(path):
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise ReadError(f"{path}: a loop of symbolic links; not read") from None
            raise ReadError(f"{path}: a symbolic link to {os.readlink(path)}, which does not exist") from None


EMPTY = "empty: no text to check"


def read(path: str | Path) -> Document:
    follow(path)
    if not os.path.lexists(path):  # (said as every reader says it, not as a PDF page's failure)
        raise ReadError(f"{path}: No such file or directory")
    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        import importlib

        reader = importlib.import_module(f"{__name__}.{SUFFIXES[suffix]}").read
        doc = _apart(reader, path) if suffix == ".pdf" else reader(path)
        if not doc.notes and not any(b.text.strip() for b in doc.blocks):
            raise ReadError(f"{path}: {EMPTY}")  # (a conversion that wrote nothing is not a clean report)
        return doc
    if suffix in CONVERTIBLE:
        from . import converted

        return converted.read(path)  # refused with how to convert it where LibreOffice is not installed
    raise ReadError(f"{path}: {refusal(path)}")


def _apart(reader, path) -> Document:
    """``reader(path)`` in a child process (Unix), its document or its exception handed back: PDFium, native
    code, aborts the whole process when an allocation fails under the memory cap (a page of three million
    text operators), which would end the run with no word on any file. A child that dies so is this file's
    :class:`ReadError`; where processes are not forked, the reader runs here."""
    if not hasattr(os, "fork"):
        return reader(path)
    import pickle
    import signal

    inbound, outbound = os.pipe()
    parent = os.getpid()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's side (its coverage is not collected)
        from ..limits import die_with

        die_with(parent)  # (check killed with -9: its reader goes too, never left holding gigabytes)
        os.close(inbound)
        try:
            try:
                answer = ("done", reader(path))
            except BaseException as exc:  # noqa: BLE001 - handed back as raised (ReadError, MemoryError …)
                answer = ("raised", exc)
            try:
                data = pickle.dumps(answer)
                if answer[0] == "raised":
                    pickle.loads(data)  # (an exception that cannot be rebuilt is handed back in words)
            except Exception as exc:  # noqa: BLE001 - whatever it was, said in words
                data = pickle.dumps(("raised", RuntimeError(f"{type(answer[1]).__name__}: {exc}")))
            with os.fdopen(outbound, "wb") as out:
                out.write(data)
        finally:
            os._exit(0)
    os.close(outbound)
    try:
        with os.fdopen(inbound, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(child, 0)
    except BaseException:
        os.kill(child, signal.SIGKILL)  # (a time limit or Ctrl-C while it reads: it stops too)
        os.waitpid(child, 0)
        raise
    if not data:
        why = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
        raise ReadError(f"{path}: the PDF reader stopped ({why}): it ran out of memory or met a damaged "
                        "file; not read")
    kind, value = pickle.loads(data)
    if kind == "raised":
        raise value
    return value


_RESULTS = {"results.jsonl", "summary.txt", "index.html"}  # what every batch's results folder holds


def walk(paths: Sequence[str], skipped: list | None = None) -> Iterator[str]:
    """Files named directly, and readable files found under folders (hidden entries skipped), sorted.
    Documents under a folder in a format not read (:data:`NOT_READ`: .doc, .wps, .et, ...) are
    appended to ``skipped`` as ``(path, why)``; other files there (images, data) are not reports, nor is a
    batch's results folder under it (results.jsonl, summary.txt, index.html and its pages)."""
    convertible = converter() is not None
    for given in paths:
        if os.path.isdir(given):
            found, passed = [], []
            for root, dirs, files in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                if root != given and _RESULTS <= set(files):
                    dirs[:] = []  # a batch's results folder (its pages, spreadsheets): crossfoot's own
                    continue  # outputs, no reports (checked again, every finding would be doubled)
                for f in files:
                    suffix = Path(f).suffix.lower()
                    if f.startswith(".") or f.startswith("~$"):  # hidden, or an Office lock file
                        continue
                    if suffix in SUFFIXES or (convertible and suffix in CONVERTIBLE):
                        found.append(os.path.join(root, f))
                    elif suffix in NOT_READ:
                        passed.append(os.path.join(root, f))
            if skipped is not None:
                skipped += [(p, refusal(p)) for p in sorted(passed)]
            yield from sorted(found)
        else:
            yield given
