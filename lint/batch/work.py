"""The unit of batch work: one file audited into a result record, in whatever process runs it.

A record is plain data (JSON): ``path``, ``key`` (the hash of the file's bytes and path, crossfoot's
version and the settings: what the cache is keyed on), ``status`` (``ok`` or ``error``), ``error`` (why it
could not be checked), ``findings`` (as the JSON format writes them), ``html`` (the file name of its HTML
report, if one was asked for and it has findings), ``facts`` (what checks across documents keep of it)
and ``seconds``.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .. import __version__


@dataclass(frozen=True)
class Task:
    path: str
    settings: object
    """A :class:`crossfoot.config.Settings`."""
    judge: str = "native"
    html_dir: str = ""
    """Write the document's HTML report here when it has findings ('' for none)."""
    cache_dir: str = ""
    """Read and write results here, keyed on content, version and settings ('' for no cache)."""


def html_name(path: str) -> str:
    """A stable, unique file name for a document's HTML report, naming its format (报告.docx-…html beside
    报告.pdf-…html: one report in two formats told apart)."""
    digest = hashlib.sha1(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()[:10]
    suffix = Path(path).suffix.lower()[:6]
    return f"{Path(path).stem[:60]}{suffix}-{digest}.html"


def error(path: str, message: str, key: str = "", seconds: float = 0.0) -> dict:
    return {"path": path, "key": key, "status": "error", "error": message, "findings": [], "html": "",
            "seconds": round(seconds, 3)}


def valid(record, path: str | None = None) -> bool:
    """Whether ``record`` is a result record as :func:`audit_file` writes it (for ``path``, when given):
    a store or cache file that was torn, edited or written by something else is checked again instead."""
    from ..model import Finding

    if not isinstance(record, dict) or not isinstance(record.get("path"), str) or \
            record.get("status") not in ("ok", "error") or not isinstance(record.get("findings"), list) or \
            not isinstance(record.get("error", ""), str) or not isinstance(record.get("facts", {}), dict):
        return False
    from ..kinds.document.cross_year import well_formed

    if not all(well_formed(payload) for payload in record.get("facts", {}).values()):
        return False  # (facts a store or cache file holds are compared across files: never taken unread)
    page = record.get("html", "")
    if not isinstance(page, str) or "/" in page or "\\" in page or page.startswith("."):
        return False  # the name of a report in html/, never a path elsewhere
    if path is not None and record["path"] != path:
        return False
    try:
        for finding in record["findings"]:
            Finding.from_dict(finding)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    return True


def _key(path: str, data: bytes, settings) -> str:
    """The cache key: the file's bytes, its path (findings and reports name it), crossfoot's version and
    the settings' fingerprint."""
    digest = hashlib.sha256(data)
    said = f"\x00{path}\x00{__version__}\x00{settings.fingerprint()}"
    digest.update(said.encode("utf-8", "surrogateescape"))  # (a name's bytes that are no UTF-8: as they are)
    return digest.hexdigest()


def current_key(path: str, settings) -> str:
    """The key a record of ``path`` must have to stand for the file as it is now ('' when it cannot be
    read): a record kept from an earlier run with another key is of an edited file, or other settings."""
    try:
        return _key(path, Path(path).read_bytes(), settings)
    except OSError:
        return ""


def audit_file(task: Task) -> dict:
    """Read and check ``task.path``; every failure becomes an error record, never an exception
    (MemoryError aside: the process that ran out of memory is not trusted to go on)."""
    from .. import audit, files, ingest
    from ..report import Context

    start = time.perf_counter()
    path, settings = task.path, task.settings
    try:
        ingest.follow(path)
        data = Path(path).read_bytes()
    except ingest.ReadError as exc:
        return error(path, str(exc), seconds=time.perf_counter() - start)
    except OSError as exc:
        return error(path, f"{path}: {exc.strerror or exc}", seconds=time.perf_counter() - start)
    key = _key(path, data, settings)
    cached = _from_cache(task, key)
    if cached is not None:
        return cached
    try:
        checks = audit.checks_for(settings)
    except Exception as exc:  # noqa: BLE001 - a pack that breaks here is this file's error
        return error(path, f"{path}: {exc}", key, time.perf_counter() - start)
    outcome = audit.file(path, settings, checks, judge=task.judge, relations=bool(task.html_dir))
    if outcome.error:
        return error(path, outcome.error, key, time.perf_counter() - start)
    found = outcome.findings
    record = {"path": path, "key": key, "status": "ok", "error": "",
              "findings": [f.to_dict() for f in found], "html": "", "facts": outcome.facts or {}}
    if task.html_dir and found:
        from ..lang import resolve
        from ..report import html

        context = Context(checks=checks, files=[path], version=__version__,
                          lang=resolve(task.settings.lang or ""),
                          documents={path: outcome.doc}, relations={path: outcome.relations})
        record["html"] = html_name(path)
        try:
            Path(task.html_dir).mkdir(parents=True, exist_ok=True)
            files.write(Path(task.html_dir) / record["html"],
                        lambda stream: html.write(found, stream, context))
        except OSError as exc:
            return error(path, f"{path}: its HTML report could not be written: {exc.strerror or exc}", key,
                         time.perf_counter() - start)
    record["seconds"] = round(time.perf_counter() - start, 3)
    _to_cache(task, key, record)
    return record


def _from_cache(task: Task, key: str) -> dict | None:
    if not task.cache_dir:
        return None
    from .. import files

    try:
        cached = files.read_text(Path(task.cache_dir) / f"{key}.json", "cache file", _CACHED_LIMIT)
        record = json.loads(cached)
    except (OSError, ValueError, RecursionError):  # missing, not a regular file, too large, torn, nested
        return None
    if not valid(record, task.path) or record.get("key") != key:
        return None  # not what this file's check wrote: check it again
    record["html"] = ""
    if task.html_dir and record["findings"]:
        page = Path(task.cache_dir) / f"{key}.html"
        if not page.is_file():
            return None  # cached without its HTML report: check again to write it
        record["html"] = html_name(task.path)
        Path(task.html_dir).mkdir(parents=True, exist_ok=True)
        try:
            copy = page.read_bytes()
            files.write(Path(task.html_dir) / record["html"], lambda stream: stream.write(copy), binary=True)
        except OSError:
            return None
    return {**record, "cached": True}


_CACHED_LIMIT = 64 << 20
"""A cache file larger than this was not written by a check (a report's record is far smaller)."""


def _to_cache(task: Task, key: str, record: dict) -> None:
    if not task.cache_dir:
        return
    from .. import files

    folder = Path(task.cache_dir)
    if any(p.exists() and not p.is_file() for p in (folder / f"{key}.html", folder / f"{key}.json")):
        return  # something else (a FIFO) stands where the cache would go: never written into
    try:
        if record.get("html"):
            page = (Path(task.html_dir) / record["html"]).read_bytes()
            files.write(folder / f"{key}.html", lambda stream: stream.write(page), binary=True)
        files.write(folder / f"{key}.json", lambda stream: json.dump(record, stream, ensure_ascii=False))
    except OSError:
        pass  # a cache that cannot be written only costs time
