"""The results store: one JSON line per finished file, appended and flushed to disk as each file finishes.

JSON Lines rather than SQLite: only the batch's parent process writes it, one record at a time, so an
append-only file is all the durability needed (each line is written whole and flushed, so a killed batch
loses nothing; it is synced to disk at least every second, against a power cut); a
line torn by a kill is recognised (it does not parse) and dropped on ``--resume``; and any tool (``jq``,
pandas, a spreadsheet importer) reads it without a driver.

``--resume`` keeps the records of files that finished, rewrites the store without a torn tail, and the
batch goes on with the rest; without it the store starts empty. A store that is not a regular file (a
FIFO) is refused; lines too long or nested too deep to be records are skipped.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

_LINE_LIMIT = 64 << 20
"""A line longer than this is no record a batch wrote: skipped on ``--resume`` without being held whole."""


class Store:
    def __init__(self, path: str | Path, resume: bool = False):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists() and not self.path.is_file():
            raise RuntimeError(f"{self.path} is not a regular file (a FIFO, a device or a folder); remove it "
                               "or give the batch another folder with -d")
        self.done: dict[str, dict] = {}
        if resume and self.path.is_file():
            from .work import valid

            with open(self.path, "rb") as stream:
                while line := stream.readline(_LINE_LIMIT + 1):
                    if len(line) > _LINE_LIMIT:
                        while line and not line.endswith(b"\n"):  # no record is this long: skip it
                            line = stream.readline(_LINE_LIMIT)
                        continue
                    try:
                        record = json.loads(line.decode("utf-8", "surrogateescape"))
                    except (ValueError, RecursionError):
                        continue  # torn by a kill (even inside a character), or not ours: checked again
                    if valid(record):
                        self.done[record["path"]] = record
        self._rewrite()

    def _rewrite(self) -> None:
        from .. import files

        files.write(self.path, lambda out: out.writelines(json.dumps(r, ensure_ascii=False) + "\n"
                                                          for r in self.done.values()))
        # (a name's bytes that are no UTF-8 written back as they are, and read back the same)
        self._out = open(self.path, "a", encoding="utf-8", errors="surrogateescape")
        self._synced = time.monotonic()

    def drop(self, paths) -> None:
        """Forget the records of ``paths`` (files edited since, or checked with other settings): the store
        rewritten without them, each then checked again and recorded once."""
        gone = [p for p in paths if p in self.done]
        if gone:
            for p in gone:
                del self.done[p]
            self._out.close()
            self._rewrite()

    def append(self, record: dict) -> None:
        self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._out.flush()  # in the operating system's hands: a killed batch loses nothing
        if time.monotonic() - self._synced > 1.0:  # on disk at least every second, against power loss
            os.fsync(self._out.fileno())
            self._synced = time.monotonic()
        self.done[record["path"]] = record

    def close(self) -> None:
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
