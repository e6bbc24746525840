"""Batch audits: many files, in parallel, resumable, cached, each file isolated.

``run`` walks the paths, skips what the results store already holds (``--resume``), hands the rest to an
executor (:mod:`.pool`: worker processes with per-file time and memory limits, or a Dask cluster), appends
each record to the store as it arrives, and finally writes the outputs (:mod:`.outputs`) from the store's
records in file order, so an interrupted and resumed run ends with the same outputs as an uninterrupted one.
Files are written whole under a hidden temporary name and then renamed; the temporary files a killed run
left behind (``.NAME.tmp``) are swept from the output folder when the next run starts.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import __version__
from ..progress import Progress
from . import outputs, pool
from .store import Store
from .work import Task, current_key

STORE = "results.jsonl"


class Interrupted(Exception):
    """Ctrl-C during a batch: the records finished so far are kept in the store, for ``--resume``."""

    def __init__(self, done: int, total: int):
        super().__init__(f"interrupted: {done} of {total} files done")
        self.done, self.total = done, total


def files(paths: Sequence[str], out: Path, cache: str = "", skipped: list | None = None) -> list[str]:
    """The files to check under ``paths``, leaving out the batch's own output and cache folders; documents
    in formats not read are appended to ``skipped`` as ``(path, why)``."""
    from .. import ingest

    skip = [os.path.abspath(p) + os.sep for p in (out, cache) if p]
    return [f for f in ingest.walk(paths, skipped) if not any(os.path.abspath(f).startswith(s) for s in skip)]


def skipped_record(path: str, why: str) -> dict:
    """The record of a document skipped as a format not read: in every output, never in the store."""
    return {"path": path, "key": "", "status": "skipped", "error": why, "findings": [], "html": ""}


def run(paths: Sequence[str], out: str | Path, settings_for: Callable, *, executor: str = "local",
        resume: bool = False, cache: str = "", html: bool = True, judge: str = "native",
        progress: bool = False, **limits) -> list[dict]:
    """Check every file under ``paths`` into the folder ``out``; the records in file order.

    ``limits`` go to the executor: ``jobs``, ``timeout``, ``memory_mb`` for ``local``, ``scheduler`` for
    ``dask``."""
    out = Path(out)
    homes = {os.path.abspath(out), os.path.realpath(out)}  # (a link to the reports' folder is that folder)
    if any(where == home or where.startswith(home + os.sep) for p in paths
           for where in {os.path.abspath(p), os.path.realpath(p)} for home in homes):
        raise RuntimeError(f"the results folder {out} holds the reports being checked, whose files "
                           "(summary.txt, index.html, ...) it would overwrite; give the results a folder of "
                           "their own with -d")
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    from .outputs import odd

    if (place := odd(out)) is not None:
        lock.close()
        raise RuntimeError(f"{place} is not a regular file (a symbolic link, a FIFO, a device or a folder); "
                           "remove it or give the results another folder with -d")
    try:
        return _run(paths, out, settings_for, executor, resume, cache, html, judge, progress, limits)
    finally:
        lock.close()


def _lock(out: Path):
    """Hold the output folder for this run: a second batch into it at the same time is refused (the two
    would interleave their results and outputs), never waited for."""
    import fcntl

    path = out / ".crossfoot-batch.lock"
    try:  # (never through a link: its target, a file nobody named, would be truncated)
        handle = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
                                   | getattr(os, "O_NONBLOCK", 0), 0o644), "a+", encoding="utf-8")
    except OSError as exc:
        why = exc.strerror or exc
        raise RuntimeError(f"{path} is not a lock crossfoot can use ({why}); remove it") from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise RuntimeError(f"{path} is not a regular file; remove it")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise RuntimeError(f"another crossfoot batch ({holder}) is writing to {out}; wait for it to "
                           "finish, or give this one another folder with -d") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}")
    handle.flush()
    return handle


def _run(paths, out: Path, settings_for, executor, resume, cache, html, judge, progress, limits):
    _sweep(out)
    passed: list[tuple[str, str]] = []
    todo_files = files(paths, out, cache, passed)
    store = Store(out / STORE, resume=resume)
    # a record kept only while it stands for the file as it is (not edited since, the same settings)
    known = {f for f in todo_files if f in store.done and store.done[f].get("key")
             and store.done[f]["key"] == current_key(f, settings_for(f))}
    store.drop([f for f in todo_files if f in store.done and f not in known])
    if cache:
        try:
            Path(cache).mkdir(parents=True, exist_ok=True)
            if not os.access(cache, os.W_OK):
                raise PermissionError(13, "not writable", cache)
            info = os.stat(cache)
            if info.st_uid != os.geteuid() or info.st_mode & 0o022:
                raise PermissionError(1, "another user's, or one others may write: its results are not "
                                         "trusted", cache)
        except OSError as exc:  # a cache that cannot be used only costs time
            sys.stderr.write(f"crossfoot: the cache {cache} cannot be used ({exc.strerror or exc}); "
                             "every file is checked\n")
            cache = ""
    tasks = [Task(f, settings_for(f), judge, str(out / "html") if html else "", cache)
             for f in todo_files if f not in known]
    shown = Progress(len(todo_files), len(known), enabled=progress, lang=language(settings_for, todo_files))
    try:
        for record in pool.EXECUTORS[executor](tasks, **limits):
            store.append(record)
            shown.step(record["path"], len(record["findings"]), record["status"] != "ok")
    except KeyboardInterrupt:
        raise Interrupted(len(store.done), len(todo_files)) from None
    finally:
        store.close()
        shown.close()
    records = _with_cross_findings([store.done[f] for f in todo_files], settings_for)
    records = sorted([*records, *(skipped_record(p, why) for p, why in passed)], key=lambda r: r["path"]) \
        if passed else records
    outputs.write(out, records, __version__, language(settings_for, todo_files))
    return records


def language(settings_for, paths) -> str:
    """The language of a batch's own outputs: its first file's settings' (--lang, else the configuration's),
    else the locale's."""
    from ..lang import resolve

    return resolve((settings_for(paths[0]).lang if paths else "") or "")


def _sweep(out: Path) -> None:
    """Remove the temporary files of writes a killed run left unfinished (never renamed into place): those
    of its own outputs only (``.summary.txt.k3x9a2b1.tmp``; in ``html/`` a page's), regular files, never a
    file of the user's that happens to end in .tmp."""
    kept = {out: lambda name: name in (*outputs.NAMES, STORE),
            out / "html": lambda name: name.endswith(".html")}
    for folder, own in kept.items():
        for stale in folder.glob(".*.tmp") if folder.is_dir() else ():
            made = stale.name[1:-4]  # .NAME.RANDOM.tmp: NAME.RANDOM
            if (own(made) or own(made.rsplit(".", 1)[0])) and stale.is_file() and not stale.is_symlink():
                stale.unlink(missing_ok=True)


def _with_cross_findings(records: list[dict], settings_for: Callable) -> list[dict]:
    """The records with the findings across documents (a later report against an earlier one) added to
    the later report's: computed from the stored facts, so a resumed run gets the same."""
    from .. import audit

    facts = {r["path"]: r["facts"] for r in records if r.get("facts")}
    cross = audit.across(facts, lambda path: audit.checks_for(settings_for(path)))
    out = []
    for r in records:
        found = audit.shown(cross.get(r["path"], []), settings_for(r["path"]), r["path"])
        out.append({**r, "findings": [*r["findings"], *(f.to_dict() for f in found)]} if found else r)
    return out
