"""Legacy Word (``.doc``), WPS (``.wps``), RTF and OpenDocument text (``.odt``), read through an installed
LibreOffice: converted to DOCX (``soffice --headless --convert-to docx``), then read by the DOCX reader
under the original's name, so places read ``paragraph N`` and ``table T, row R, column C`` as Word and WPS
count them.

No Python library reads these formats well (the binary Word format is a thousand-page specification);
LibreOffice does, and finance offices often have it. The conversion runs in a private temporary folder that
is removed afterwards: a copy of the report under a fixed name (a path from the user never reaches the
command line), a profile of its own (a user's running LibreOffice is never touched or waited for), no
network, its own process group killed on a time limit or an interruption. Without LibreOffice on ``PATH``
the file is refused with how to convert it, never read as nothing.

The file's first bytes decide how LibreOffice reads it (a compound file as binary Word, ``{\\rtf`` as RTF, a
ZIP package as OpenDocument; a web page saved as ``.doc`` by the HTML reader), never its own guess: given
bytes of no format it knows, LibreOffice falls back to plain text, and a damaged Word file would be checked
as a page of noise ("All checks passed"). Bytes of none of these are refused as damaged or misnamed.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..model import Document
from .text import ReadError

CONVERTIBLE = {".doc": "a legacy Word document", ".wps": "a WPS document", ".rtf": "an RTF document",
               ".odt": "an OpenDocument text"}
SAVE_AS = "save it as .docx (Word or WPS: 另存为 → .docx)"
ADVICE = f"{SAVE_AS}, or install LibreOffice, which crossfoot then uses to read it"
LIMIT = 120.0
"""Seconds a conversion may take (a file's own ``--timeout`` interrupts it sooner)."""


_ODF = "writer8"
# the import filter each kind of file is read with, by its first bytes
_FILTERS = ((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Word 97"), (b"{\\rtf", "Rich Text Format"),
            (b"PK", _ODF))
_WEB_PAGE = rb"<(?:!doctype\s+html|html|\?xml[^>]*>\s*<html)"  # (compiled when a file is read, not at import)


def converter() -> str | None:
    """The LibreOffice program on ``PATH`` (``CROSSFOOT_SOFFICE`` names another), or None."""
    named = os.environ.get("CROSSFOOT_SOFFICE")
    if named:
        return shutil.which(named)
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(path: str | Path, display: str | None = None) -> Document:
    from . import docx

    name = display or str(path)
    suffix = Path(path).suffix.lower()
    with open(path, "rb") as handle:
        head = handle.read(512)
    if head.startswith(b"PK") and suffix != ".odt":
        return docx.read(path, name)  # a DOCX under an old name (WPS saves them so)
    if re.match(_WEB_PAGE, head.lstrip(b"\xef\xbb\xbf \t\r\n"), re.IGNORECASE):
        from . import html

        return html.read(path, name)  # 另存为 网页 under the .doc name Word gives it
    infilter = next((f for magic, f in _FILTERS if head.startswith(magic)), None)
    if infilter is None or suffix == ".odt" and infilter != _ODF or suffix != ".odt" and infilter == _ODF:
        raise ReadError(f"{name}: not {CONVERTIBLE.get(suffix, 'a document')} (its first bytes are not of "
                        f"one: damaged, or another kind of file renamed); {SAVE_AS}")
    program = converter()
    if program is None:
        raise ReadError(f"{name}: {CONVERTIBLE.get(suffix, 'a document')}: {ADVICE}")
    with tempfile.TemporaryDirectory(prefix="crossfoot-convert-") as folder:
        work = Path(folder)
        source = work / f"report{suffix}"
        shutil.copyfile(path, source)
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nodefault", "--nolockcheck", f"--infilter={infilter}",
                   "--convert-to", "docx",
                   "--outdir", str(work / "out"), str(source)]
        said = _run(command, work, name)
        result = work / "out" / "report.docx"
        if not result.is_file():
            why = said.strip().splitlines()[-1][:200] if said.strip() else "no output"
            raise ReadError(f"{name}: LibreOffice could not read it ({why}): damaged?; {SAVE_AS}")
        return docx.read(result, name)


def _run(command: list[str], work: Path, name: str) -> str:
    """Run the conversion in a process group of its own, killed whole on a time limit or an interruption
    (LibreOffice starts a second process that killing the first would leave behind); what it printed."""
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work)}
    process = subprocess.Popen(command, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = process.communicate(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ReadError(f"{name}: LibreOffice took more than {LIMIT:.0f} s to convert it; "
                        f"{SAVE_AS}") from None
    except BaseException:
        _kill(process)
        raise
    return out.decode("utf-8", "replace")


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()
