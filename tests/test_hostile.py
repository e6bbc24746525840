"""Hostile and broken input: every file gets one clear result, nothing hangs, nothing is modified.

The folder below is built by the test: empty, binary and mislabelled files, damaged, encrypted and
scanned PDFs, damaged DOCX and OFD, zip bombs and entity-expansion bombs, GBK with stray bytes, a 3 MB single
line, a number with 10,000 digits, a table 2,000 rows by 50 columns, nested HTML tables, links that
dangle or loop. The README's table of what a user sees is the ``EXPECTED`` map below.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from render import to_docx

from crossfoot import engine
from crossfoot.ingest.text import parse

BAD = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。"

# file → what the user sees: a message on stderr (exit 2), or the findings it gets
EXPECTED = {
    "binary.txt": "a binary file, not text",
    "bomb.docx": "(a zip bomb?); not read",
    "corrupt.pdf": "not a readable PDF",
    "dangling.txt": "a symbolic link to missing.txt, which does not exist",
    "encrypted.pdf": "the PDF is encrypted; save an unprotected copy to check it",
    "entities.docx": "declares a DTD or entities, which Word never writes",
    "loop-a.txt": "a loop of symbolic links",
    "scan.pdf": "the PDF has no text layer (a scan?); run OCR on it first",
    "outlines.pdf": "a damaged PDF, or one whose text was drawn as outlines",
    "text-named.docx": "not a DOCX file (not a ZIP package)",
    "text-named.pdf": "not a readable PDF",
    "truncated.docx": "a damaged or truncated DOCX",
    "legacy.docx": "an encrypted DOCX or a legacy .doc file",
    "text-named.ofd": "not an OFD file (not a ZIP package)",
    "bomb.ofd": "(a zip bomb?); not read",
    "entities.ofd": "declares a DTD or entities, which an OFD never holds",
    "scan.ofd": "the OFD has no text layer (a scan?)",
    "page-missing.ofd": "a damaged OFD (its part Doc_0/Pages/Page_0/Content.xml is missing)",
    "empty.txt": "empty: no text to check",
    # read: findings (or none)
    "gbk-stray.txt": ["ENC001"],
    "utf16.txt": ["SUM001"],
    "one-line.txt": [],
    "digits.txt": [],
    "big-table.txt": [],
    "nested.html": [],
}


def build(folder: Path) -> None:
    folder.mkdir()
    rng = random.Random(1)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (folder / "text-named.pdf").write_text(BAD, encoding="utf-8")
    (folder / "text-named.docx").write_text(BAD, encoding="utf-8")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n1 0 obj<<>>\ntrailer garbage")
    to_docx([("paragraph", BAD)], folder / "whole.docx")
    data = (folder / "whole.docx").read_bytes()
    (folder / "whole.docx").unlink()
    (folder / "truncated.docx").write_bytes(data[: len(data) // 2])
    (folder / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(512))
    (folder / "gbk-stray.txt").write_bytes(BAD.encode("gbk")[:20] + b"\xff\x80" + "其中".encode("gbk"))
    (folder / "utf16.txt").write_bytes(BAD.encode("utf-16"))
    (folder / "one-line.txt").write_text("支出合计820.50万元，" * 200_000, encoding="utf-8")
    (folder / "digits.txt").write_text("合计" + "9" * 10_000 + "万元，其中1万元。", encoding="utf-8")
    rows = "\n".join("\t".join(str(r * 50 + c) for c in range(50)) for r in range(2000))
    (folder / "big-table.txt").write_text("序号\t" + "\t".join(f"列{c}" for c in range(49)) + "\n" + rows,
                                          encoding="utf-8")
    nested = "<table><tr><td>" * 300 + "1" + "</td></tr></table>" * 300
    (folder / "nested.html").write_text(f"<html><body>{nested}</body></html>", encoding="utf-8")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("missing.txt", folder / "dangling.txt")
    os.symlink(".", folder / "itself")  # a folder linking to itself: not followed
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", f"<w:document {w}><w:body>".encode() + b" " * (300 * 2**20)
                   + b"</w:body></w:document>")
    laughs = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              f"<w:document {w}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    with zipfile.ZipFile(folder / "entities.docx", "w") as z:
        z.writestr("word/document.xml", laughs)
    _hostile_ofds(folder, laughs)
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(folder / "encrypted.pdf"), encrypt="secret")
    c.drawString(100, 700, "Total 820.50")
    c.save()
    from PIL import Image

    picture = folder.parent / "page.png"
    Image.new("L", (200, 200), 255).save(picture)
    c = canvas.Canvas(str(folder / "scan.pdf"))
    c.drawImage(str(picture), 50, 50, 300, 300)
    c.save()
    c = canvas.Canvas(str(folder / "outlines.pdf"))  # what a broken xref can leave: ruling, no text
    c.rect(50, 50, 300, 300, fill=1)
    c.save()


def _hostile_ofds(folder: Path, laughs: str) -> None:
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    root = f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    document = (f"<ofd:Document {ns}><ofd:Pages><ofd:Page ID='1' BaseLoc='Pages/Page_0/Content.xml'/>"
                "</ofd:Pages></ofd:Document>")
    image = (f"<ofd:Page {ns}><ofd:Content><ofd:Layer><ofd:ImageObject ID='2' Boundary='0 0 210 297' "
             "ResourceID='3'/></ofd:Layer></ofd:Content></ofd:Page>")
    (folder / "text-named.ofd").write_text(BAD, encoding="utf-8")
    parts = {"bomb.ofd": {"OFD.xml": root, "Doc_0/Document.xml": document,
                          "Doc_0/Pages/Page_0/Content.xml": f"<ofd:Page {ns}>" + " " * (300 * 2**20) + "</ofd:Page>"},
             "entities.ofd": {"OFD.xml": root, "Doc_0/Document.xml": laughs},
             "scan.ofd": {"OFD.xml": root, "Doc_0/Document.xml": document, "Doc_0/Pages/Page_0/Content.xml": image},
             "page-missing.ofd": {"OFD.xml": root, "Doc_0/Document.xml": document}}
    for name, members in parts.items():
        with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as z:
            for member, text in members.items():
                z.writestr(member, text)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    build(folder)
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
            if p.is_file() and not p.is_symlink()}


def test_every_hostile_file_gets_one_clear_result(hostile):
    before = digest(hostile)
    result = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", "--output-format", "json",
                             str(hostile)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 2  # some files could not be read
    assert "Traceback" not in result.stderr
    import json

    findings = json.loads(result.stdout)["findings"]
    messages = [line for line in result.stderr.splitlines() if line.startswith("crossfoot: error: ")]
    for name, want in EXPECTED.items():
        path = str(hostile / name)
        if isinstance(want, str):
            said = [m for m in messages if m.startswith(f"crossfoot: error: {path}:")]
            assert len(said) == 1 and want in said[0], (name, said)
        else:
            assert sorted(f["code"] for f in findings if f["path"] == path) == want, name
    assert len(messages) == sum(isinstance(w, str) for w in EXPECTED.values()) + 1  # and loop-b.txt
    assert digest(hostile) == before  # nothing was modified


def test_a_batch_over_hostile_files_completes_with_one_record_each(hostile, tmp_path):
    import json

    result = subprocess.run([sys.executable, "-m", "crossfoot", "batch", "--isolated", "--no-cache", "--jobs", "2",
                             str(hostile), "-d", str(tmp_path / "out")], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    records = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    names = [Path(r["path"]).name for r in records]
    assert len(names) == len(set(names)) == len(EXPECTED) + 1  # loop-b.txt too
    for r in records:
        want = EXPECTED.get(Path(r["path"]).name)
        if isinstance(want, str):
            assert r["status"] == "error" and want in r["error"]


@contextmanager
def hang_guard(seconds: int):
    """Fail instead of hanging: a pattern that backtracks catastrophically would take hours here."""
    def expire(signum, frame):
        raise AssertionError(f"still working after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


ADVERSARIAL = {
    "grouping commas": "1," * 50_000,
    "Chinese numerals": "一二三四五六七八九十百千" * 10_000,
    "open brackets": "（" * 100_000,
    "unclosed comments": "<!--" * 25_000,
    "contents leaders": ("…" * 50_000 + "5") * 2,
    "dots": ("." * 50_000 + "5") * 2,
    "a digit run": "9" * 100_000,
    "tabs": ("\t" * 50_000 + "1\n") * 2,
    "inline markers": "一是" * 50_000,
    "years": "2023年" * 20_000,
    "fractions": "分之" * 50_000,
    "an address": "http://" + "a" * 100_000,
    "e-mail-like": "a@" * 50_000,
    "parts words": "其中：" * 30_000,
    "ranges": "1-" * 50_000,
    "percent signs": "%" * 100_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_is_read_and_checked_in_bounded_time(name, checks):
    with hang_guard(60):
        engine.run(parse(ADVERSARIAL[name], "adversarial.txt"), checks)


EVIL_FORMULA = """checks:
  - code: EVL001
    name: evil-formula
    kind: formula
    severity: error
    summary: x
    message: "{stated}"
    options:
      columns: {initial: [年初], adjusted: [调整]}
      target: [调整率]
      formula: "__import__('os').system('touch {marker}')"
"""
EVIL_TAG = """checks:
  - !!python/object/apply:os.system ["touch {marker}"]
"""


@pytest.mark.parametrize("pack, said", [(EVIL_FORMULA, "formula"), (EVIL_TAG, "not valid YAML")])
def test_packs_cannot_run_code(tmp_path, pack, said):
    marker = tmp_path / "ran"
    (tmp_path / "evil.yaml").write_text(pack.replace("{marker}", str(marker)), encoding="utf-8")
    (tmp_path / "r.txt").write_text("项目\t年初\t调整\t调整率\n支出\t100\t110\t10%\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", "--pack", str(tmp_path / "evil.yaml"),
                             str(tmp_path / "r.txt")], capture_output=True, text=True)
    assert result.returncode == 2 and "evil.yaml" in result.stderr and said in result.stderr
    assert "Traceback" not in result.stderr and not marker.exists()


def test_a_pack_of_aliases_of_aliases_is_refused_before_it_is_written_out(tmp_path):
    """A 774-byte pack whose aliases repeat aliases holds billions of values once written out: the pack
    cache's writing took 72 s and 5.7 GB, then a MemoryError traceback (wave w67e). Refused as it parses."""
    lines = ["pack:", "  a0: &a0 [" + ", ".join("x" * 1 for _ in range(10)) + "]"]
    lines += [f"  a{k}: &a{k} [" + ", ".join(f"*a{k - 1}" for _ in range(10)) + "]" for k in range(1, 9)]
    lines += ["checks: []"]
    (tmp_path / "laughs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("合计3万元。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", "--pack",
                             str(tmp_path / "laughs.yaml"), str(tmp_path / "r.txt")], capture_output=True,
                            text=True, timeout=60, env={**os.environ, "CROSSFOOT_CACHE_DIR": str(tmp_path / "c")})
    assert result.returncode == 2 and "expands to more than" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option, said", [(("--timeout", "0.2"), "took longer than 0.2 s; not checked"),
                                          (("--memory", "20"), "needed more than 20 MB; not checked")])
def test_per_file_limits_in_check(hostile, option, said):
    result = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", *option,
                             str(hostile / "one-line.txt"), str(hostile / "utf16.txt")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 2 and said in result.stderr and "Traceback" not in result.stderr
    assert "utf16.txt:1:5: SUM001" in result.stdout  # the next file is checked as usual


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the reader runs apart only where processes fork")
def test_a_pdf_reader_that_aborts_the_process_costs_only_its_file(tmp_path):
    """PDFium aborts the whole process when an allocation fails under the memory cap (a page of three
    million text operators, wave w67e): the PDF is read in a child, so its death is this file's ReadError
    and the run goes on; what the reader raises or returns comes back as it was."""
    from crossfoot import ingest

    path = tmp_path / "a.pdf"
    with pytest.raises(ingest.ReadError, match=r"the PDF reader stopped \(signal 9\)"):
        ingest._apart(lambda p: os.kill(os.getpid(), signal.SIGKILL), path)  # (as an abort ends it, quietly)
    with pytest.raises(ingest.ReadError, match="damaged on purpose"):
        ingest._apart(lambda p: (_ for _ in ()).throw(ingest.ReadError(f"{p}: damaged on purpose")), path)
    with pytest.raises(MemoryError):
        ingest._apart(lambda p: (_ for _ in ()).throw(MemoryError()), path)
    assert ingest._apart(lambda p: parse("合计3万元。", str(p)), path).lines == ("合计3万元。",)


def test_output_to_the_process_own_stdout_appends_to_what_the_shell_opened(tmp_path):
    """-o naming this process's standard output (a link to /proc/self/fd/1, as /dev/stdout is) writes
    through the file the shell opened: a log opened for appending keeps its earlier lines, a pipe gets the
    findings; never a new file put in the log's place."""
    report = tmp_path / "bad.txt"
    report.write_text("合计820.50万元，其中：甲700.00万元，乙110.50万元。\n", encoding="utf-8")
    link = tmp_path / "stdout_link"
    link.symlink_to("/proc/self/fd/1")
    log = tmp_path / "run.log"
    log.write_text("EARLIER LOG LINE\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as appended:
        result = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", str(report), "-o",
                                 str(link)], stdout=appended, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    said = log.read_text(encoding="utf-8")
    assert said.startswith("EARLIER LOG LINE\n") and "SUM001" in said
    piped = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", str(report), "-o", str(link)],
                           capture_output=True, text=True, timeout=120)
    assert piped.returncode == 1 and "SUM001" in piped.stdout
