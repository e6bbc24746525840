"""Speed and memory, each printed next to a floor measured in the same run (never asserted in tests).

* cold ``crossfoot --version`` and cold ``crossfoot check`` of one ~56 KB report, against a bare
  ``python -c pass`` start-up;
* warm throughput (MB of report text per second, one core) against a bare regex scan for numbers, and
  the same text as one long line against the report as written (a paragraph's length must not cost more
  than its share);
* peak memory (max RSS) of a cold check;
* ingestion speed per page and per MB: PDF against ``pdftotext`` (poppler-utils, when installed),
  pypdfium2's bare character extraction (each character's code, box and size: the floor the reader is held
  to), pypdfium2's plain text, and the pdfplumber reader kept as a fallback; DOCX against raw python-docx
  paragraph iteration.

The report is the corpus's largest self-evaluation when ``../shared/corpus`` exists, else the sample
reports repeated to about the same size. The PDFs are the corpus's budget PDFs, else the report rendered by
``tests/render.py``; the DOCX is always the report rendered.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "002_c7584465e87e2f22.txt"
CORPUS_PDF = ROOT.parent / "shared" / "corpus" / "pdf"
EXE = Path(sys.executable).with_name("crossfoot")


def report() -> Path:
    if CORPUS.exists():
        return CORPUS
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "reports").glob("*.[mt][dx]t")))
    out = Path(tempfile.mkdtemp()) / "bench.txt"
    out.write_text(text * (56_000 // len(text.encode()) + 1), encoding="utf-8")
    return out


def _as_installed() -> dict[str, str]:
    """The environment a user's crossfoot starts in: its modules byte-compiled once (pip compiles a wheel's
    modules when it installs them), whatever ``PYTHONDONTWRITEBYTECODE`` says in this shell; compiling the
    package from source on every start would be measured otherwise, about half of a cold check here."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache = tempfile.mkdtemp(prefix="crossfoot-bench-pyc-")
    atexit.register(shutil.rmtree, cache, True)
    # crossfoot's own cache (parsed packs, compiled patterns) in a folder of the bench's: filled by each
    # measurement's first, unmeasured run, as a user's is after their first check
    env["CROSSFOOT_CACHE_DIR"] = kept = tempfile.mkdtemp(prefix="crossfoot-bench-cache-")
    atexit.register(shutil.rmtree, kept, True)
    return env


_ENV = _as_installed()


def cold(args: list[str], runs: int = 7) -> float:
    subprocess.run(args, capture_output=True, check=False, env=_ENV)  # compiles, as an install does
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False, env=_ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(args: list[str]) -> float:
    """Peak RSS of one run of ``args``, measured by a fresh parent whose only child it is."""
    out = subprocess.run([sys.executable, "-c", _PEAK, *args], capture_output=True, text=True, check=True,
                         env=_ENV)
    return int(out.stdout) / 1024


def best(work, batches: int = 7, rounds: int = 10) -> float:
    """Seconds per call of ``work``: the fastest of ``batches`` batches of ``rounds`` calls."""
    times = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(rounds):
            work()
        times.append((time.perf_counter() - start) / rounds)
    return min(times)


def main() -> None:
    path = report()
    size = path.stat().st_size
    floor = cold([sys.executable, "-c", "pass"])
    version = cold([str(EXE), "--version"])
    check = cold([str(EXE), "check", "--exit-zero", str(path)])
    small = Path(tempfile.mkdtemp()) / "one-line.txt"
    small.write_text("2024年本部门收入合计100万元，其中财政拨款60万元，其他收入40万元，比上年增长10%。\n", encoding="utf-8")
    one = cold([str(EXE), "check", "--exit-zero", str(small)])
    print(f"report: {path.name} ({size / 1000:.0f} KB)")
    print(f"python start-up (floor)      {floor * 1000:7.0f} ms")
    print(f"crossfoot --version (cold)   {version * 1000:7.0f} ms   {version / floor:5.1f}x floor   target <= 150 ms")
    print(f"crossfoot check, one line    {one * 1000:7.0f} ms   {one / floor:5.1f}x floor   target <= 4x")
    print(f"crossfoot check (cold)       {check * 1000:7.0f} ms   {check / floor:5.1f}x floor   target <= 600 ms")

    sys.path.insert(0, str(ROOT))
    from crossfoot import engine, ingest
    from crossfoot.analysis import Analysis

    checks = engine.load()
    text = path.read_text(encoding="utf-8")
    engine.run(ingest.read(path), checks)  # warm up: imports, pint registry, regex compilation
    number = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
    # the best of several timed batches, for both: the minimum is the estimate least disturbed by noise
    ours = best(lambda: engine.run(ingest.read(path), checks))
    bare = best(lambda: sum(1 for _ in number.finditer(text)))
    mb = size / 1e6
    print(f"regex number scan (floor)    {mb / bare:7.1f} MB/s")
    print(f"crossfoot check (warm)       {mb / ours:7.1f} MB/s   {ours / bare:5.1f}x floor   target >= 1 MB/s, <= 10x")
    # where the warm time goes, each stage as a multiple of the floor: reading and extraction are paid once
    # per document whatever checks run, so they bound from below what any set of checks can reach
    read = best(lambda: ingest.read(path))
    figures = best(lambda: Analysis(ingest.read(path)).figures)
    for name, seconds in (("reading", read), ("figure extraction", figures - read), ("checks", ours - figures)):
        print(f"  {name:<26} {seconds * 1000:7.2f} ms   {seconds / bare:5.1f}x floor")
    # the same text as one 1.4 MB line: work that grows with a paragraph's length squared shows here
    line = Path(tempfile.mkdtemp()) / "one-line.txt"
    line.write_text(text.replace("\n", "") * 25, encoding="utf-8")
    long_mb = line.stat().st_size / 1e6
    long = best(lambda: engine.run(ingest.read(line), checks), batches=3, rounds=1)
    print(f"one-line report ({long_mb:.1f} MB)    {long_mb / long:7.1f} MB/s   "
          f"{(long / long_mb) / (ours / mb):5.1f}x the time per MB of the report as written")
    base = peak_rss_mb([sys.executable, "-c", "pass"])
    rss = peak_rss_mb([str(EXE), "check", "--exit-zero", str(path)])
    print(f"peak memory (cold check)     {rss:7.1f} MB   (python alone {base:.1f} MB)   target <= 150 MB")
    ingestion(path)


def ingestion(path: Path) -> None:
    """Reading speed of PDF and DOCX, each next to a plain extractor run on the same files."""
    import docx
    import pypdfium2

    sys.path.insert(0, str(ROOT / "tests"))
    from render import parse, to_docx, to_pdf

    from crossfoot import ingest

    folder = Path(tempfile.mkdtemp())
    items = parse(path.read_text(encoding="utf-8"))
    pdfs = sorted(CORPUS_PDF.glob("*.pdf")) if CORPUS_PDF.is_dir() else []
    if not pdfs:
        pdfs = [folder / "report.pdf"]
        to_pdf(items, pdfs[0])
    pages = sum(len(pypdfium2.PdfDocument(p)) for p in pdfs)
    mb = sum(p.stat().st_size for p in pdfs) / 1e6

    def pdfium() -> None:
        for p in pdfs:
            document = pypdfium2.PdfDocument(p)
            for page in document:
                page.get_textpage().get_text_range()
            document.close()

    def characters() -> None:  # the floor the reader is held to: each character, its box and size
        import ctypes

        import pypdfium2.raw as raw

        box = raw.FS_RECTF()
        for p in pdfs:
            document = pypdfium2.PdfDocument(p)
            for page in document:
                text = page.get_textpage()
                for i in range(raw.FPDFText_CountChars(text.raw)):
                    raw.FPDFText_GetUnicode(text.raw, i)
                    raw.FPDFText_GetLooseCharBox(text.raw, i, ctypes.byref(box))
                    raw.FPDFText_GetFontSize(text.raw, i)
                text.close()
                page.close()
            document.close()

    def read_with(reader: str):
        def run() -> None:
            os.environ["CROSSFOOT_PDF_READER"] = reader
            try:
                for p in pdfs:
                    ingest.read(p)
            finally:
                os.environ.pop("CROSSFOOT_PDF_READER", None)
        return run

    ours = best(read_with("pdfium"), batches=3, rounds=1)
    floors = [("pypdfium2 characters+boxes", best(characters, batches=3, rounds=1)),
              ("pypdfium2 text", best(pdfium, batches=3, rounds=1)),
              ("the pdfplumber reader", best(read_with("pdfplumber"), batches=1, rounds=1))]
    if shutil.which("pdftotext"):
        run = [["pdftotext", "-layout", str(p), "-"] for p in pdfs]
        floors.insert(0, ("pdftotext -layout", best(lambda: [subprocess.run(r, capture_output=True) for r in run],
                                                    batches=3, rounds=1)))
    else:
        print("(pdftotext not installed: apt install poppler-utils to compare with it)")
    print(f"PDF: {len(pdfs)} files, {pages} pages, {mb:.1f} MB")
    print(f"crossfoot read PDF           {ours / pages * 1000:7.1f} ms/page {mb / ours:6.2f} MB/s")
    for name, floor in floors:
        target = "   target <= 3x" if name.startswith("pypdfium2 char") else ""
        print(f"  {name:<26} {floor / pages * 1000:7.1f} ms/page {mb / floor:6.2f} MB/s   "
              f"crossfoot {ours / floor:5.2f}x{target}")

    word = folder / "report.docx"
    to_docx(items, word)
    mb = word.stat().st_size / 1e6
    ours = best(lambda: ingest.read(word), batches=5, rounds=3)
    floor = best(lambda: [p.text for p in docx.Document(str(word)).paragraphs], batches=5, rounds=3)
    print(f"DOCX: {word.stat().st_size / 1000:.0f} KB rendered from {path.name}")
    print(f"crossfoot read DOCX          {ours * 1000:7.1f} ms      {mb / ours:6.2f} MB/s")
    print(f"  python-docx paragraphs     {floor * 1000:7.1f} ms      {mb / floor:6.2f} MB/s   "
          f"crossfoot {ours / floor:5.1f}x (python-docx skips tables, insertions and fields)")


if __name__ == "__main__":
    main()
