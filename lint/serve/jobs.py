"""The desk's work: one job per upload (one or many reports), checked by a ``crossfoot batch`` subprocess.

A job lives in a folder the server makes (``<root>/<session>/<job>/``): ``uploads/`` holds the reports under
names the server chose (the client's file name reduced to letters, digits and a few marks, made unique;
never a path), ``out/`` what the batch writes (``results.jsonl`` as each file finishes, then the
spreadsheet, the index and one HTML report per document). The batch is the same one ``crossfoot batch``
runs: each file in a worker process with time and memory limits, so a hostile upload costs its own
worker, never the server. Closing a job kills its batch and removes its folder.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import threading
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .. import ingest
from ..regex import lazy

_UNSAFE = lazy(r"[^\w\u3000-\u303f\uff00-\uffef()（）.\-+ ]")
MAGIC = {".pdf": (b"%PDF",), ".ofd": (b"PK\x03\x04",), ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",),
         ".xlsm": (b"PK\x03\x04",), ".xls": (b"\xd0\xcf\x11\xe0", b"PK\x03\x04"),
         ".doc": (b"\xd0\xcf\x11\xe0", b"PK\x03\x04"), ".wps": (b"\xd0\xcf\x11\xe0", b"PK\x03\x04"),
         ".rtf": (b"{\\rtf",), ".odt": (b"PK\x03\x04",)}
"""How the binary formats begin (a PDF may have a few bytes before its mark)."""


@dataclass(frozen=True)
class Limits:
    file_mb: int = 50
    """The largest report accepted."""
    files: int = 500
    """The most reports in one upload."""
    upload_mb: int = 1024
    """The largest upload (all its reports together)."""
    jobs: int = 0
    """Worker processes per batch (all cores when 0)."""
    timeout: float = 120.0
    memory_mb: int = 2048
    running: int = 2
    """Batches run at once; later uploads wait their turn."""


def safe_name(name: str, taken: set[str]) -> str:
    """The name a report is stored under: the last part of the client's name, reduced to safe characters
    and at most 80 of them, made unique among ``taken`` (which it is added to)."""
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    stem, suffix = os.path.splitext(base)
    stem = _UNSAFE.sub("_", stem).strip(" ._-+")[:80] or "report"  # never read as an option (-x.txt)
    suffix = suffix.lower()
    candidate, n = stem + suffix, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem} ({n}){suffix}"
    taken.add(candidate)
    return candidate


def refusal(name: str, head: bytes) -> str:
    """Why an upload named ``name`` and beginning with ``head`` is not taken ('' when it is)."""
    suffix = os.path.splitext(name)[1].lower()
    if not ingest.readable(name):
        return ingest.refusal(name)
    marks = MAGIC.get(suffix)
    if not head:
        from ..ingest import EMPTY

        return EMPTY  # (an empty upload: said so, as check says it, not as content of another kind)
    if marks and not any(mark in head[:1024] for mark in marks):
        return f"not a {suffix[1:].upper()} file (its content says otherwise)"
    return ""


@dataclass
class Job:
    id: str
    folder: Path
    names: list[str]
    """The stored names of the reports taken, in upload order."""
    refused: list[tuple[str, str]] = field(default_factory=list)
    """Uploads not taken: (the client's name, why)."""
    state: str = "queued"
    """queued, running, done, failed or closed."""
    problem: str = ""
    process: subprocess.Popen | None = None

    @property
    def uploads(self) -> Path:
        return self.folder / "uploads"

    @property
    def out(self) -> Path:
        return self.folder / "out"

    def done(self) -> int:
        """Reports finished so far (the batch appends a line to its store for each)."""
        try:
            with open(self.out / "results.jsonl", "rb") as stream:
                return sum(1 for line in stream if line.endswith(b"\n"))
        except OSError:
            return 0

    def records(self) -> list[dict]:
        """The batch's records, as its store holds them (finished reports only)."""
        out = []
        try:
            lines = (self.out / "results.jsonl").read_text(encoding="utf-8").splitlines()
        except OSError:
            return out
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                out.append(record)
        return out

    def status(self, lang: str = "en") -> dict:
        """The job as the page shows it; reasons in ``lang``."""
        from collections import Counter

        from ..lang import why

        files = []
        for r in sorted(self.records(), key=lambda r: self.names.index(r["path"])
                        if r["path"] in self.names else len(self.names)):
            levels = Counter(f.get("severity") for f in r.get("findings", []))
            html = r.get("html") if self.state == "done" else ""
            files.append({"name": r["path"], "status": r.get("status"),
                          "error": why(r.get("error", ""), r["path"], lang),
                          "errors": levels["error"], "warnings": levels["warning"], "infos": levels["info"],
                          "report": f"jobs/{self.id}/report/{html}" if html else ""})
        return {"job": self.id, "state": self.state, "problem": self.problem, "total": len(self.names),
                "done": len(self.names) if self.state == "done" else min(self.done(), len(self.names)),
                "files": files, "refused": [{"name": n, "why": why(w, n, lang)} for n, w in self.refused]}

    def run(self, limits: Limits, lang: str, gate: threading.Semaphore) -> None:
        """Check the reports (in a thread of the server): wait for a turn, run the batch, note the end."""
        with gate:
            if self.state == "closed":
                return
            command = [sys.executable, "-m", "crossfoot", "batch", "-d", str(self.out),
                       "--no-cache", "--isolated", "--exit-zero", "--quiet", "--lang", lang,
                       "--jobs", str(limits.jobs), "--timeout", str(limits.timeout),
                       "--memory", str(limits.memory_mb), "--", *self.names]
            self.state = "running"
            try:
                self.process = subprocess.Popen(command, cwd=self.uploads, stdin=subprocess.DEVNULL,
                                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                _, err = self.process.communicate()
            except OSError as exc:
                self.state, self.problem = "failed", f"the check could not start: {exc}"
                return
            if self.state == "closed":
                return
            if self.process.returncode in (0, 2) and (self.out / "index.html").exists():
                self.state = "done"  # 2: some reports could not be checked; each says why
            else:
                last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
                self.state = "failed"
                self.problem = f"the check stopped (exit code {self.process.returncode}) {last[0][:300]}"

    def close(self) -> None:
        self.state = "closed"
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def new_id() -> str:
    return secrets.token_urlsafe(12)
