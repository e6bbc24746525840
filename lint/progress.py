"""Progress on stderr for the long runs (``check`` of a folder or of PDFs, ``batch``): tqdm's bar, with the
files done, the findings so far and the file last finished. Drawn only when stderr is a terminal and not
``--quiet``, and only once a run has taken half a second, so a pre-commit hook or a quick check prints
nothing more than its findings. Its words follow ``--lang``.
"""

from __future__ import annotations

import os
import sys

_WORDS = {"en": {"files": "files", "findings": "{n} findings", "failed": ", {n} not checked"},
          "zh": {"files": "个文件", "findings": "发现 {n} 个问题", "failed": "，{n} 个无法检查"}}


class Progress:
    def __init__(self, total: int, done: int = 0, enabled: bool = True, delay: float = 0.5, lang: str = "en"):
        self.findings = self.failed = 0
        self.bar = None
        self.words = _WORDS["zh" if lang == "zh" else "en"]
        if enabled and total:
            from tqdm import tqdm

            self.bar = tqdm(total=total, initial=done, unit="file", file=sys.stderr, delay=delay, leave=False,
                            dynamic_ncols=True, bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} "
                            + self.words["files"] + " [{elapsed}<{remaining}]{postfix}")

    def current(self, path: str) -> None:
        """The file being checked now (one at a time: ``check``)."""
        if self.bar is not None:
            self.bar.set_description_str(_short(path), refresh=False)

    def step(self, path: str, findings: int = 0, failed: bool = False) -> None:
        """One more file finished, with its findings, or not checked."""
        self.findings += findings
        self.failed += failed
        if self.bar is not None:
            self.bar.set_description_str(_short(path), refresh=False)
            tail = self.words["failed"].format(n=self.failed) if self.failed else ""
            self.bar.set_postfix_str(self.words["findings"].format(n=self.findings) + tail, refresh=False)
            self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _short(path: str, room: int = 24) -> str:
    name = os.path.basename(path)
    return name if len(name) <= room else "…" + name[-(room - 1):]


def wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()
