"""Legacy Word, WPS, RTF and ODT read through an installed LibreOffice; refused with how to convert
them where it is not installed; the converter's failures, time limit and leftovers."""

import shutil
import subprocess
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Cm

from crossfoot.cli import main
from crossfoot.ingest import ReadError, converted, read

HAS_SOFFICE = converted.converter() is not None  # read at import, before the conftest's stand-in
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file's first bytes (binary Word, WPS)


def invoke(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write_report(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("一、总体情况")
    d.add_paragraph("支出合计1,250.00万元，其中基本支出1,000.00万元，项目支出200.00万元。")
    d.add_paragraph("表1 支出表（单位：万元）")
    t = d.add_table(rows=4, cols=2)
    t.style = "Table Grid"
    for r, (a, b) in enumerate([("项目", "金额"), ("合计", "1,210.00"), ("基本支出", "1,000.00"),
                                ("项目支出", "200.00")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
        for cell in t.rows[r].cells:
            cell.width = Cm(4)
    d.save(path)


def findings(path) -> list[str]:
    _, out, _ = invoke("check", "--lang", "en", "--output-format", "concise", str(path))
    return [line.split(":", 1)[1] for line in out.splitlines() if ": " in line and not line.startswith("Found")]


def running(pid: int) -> bool:
    """Whether process ``pid`` still runs (a killed one may linger as a zombie until it is reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def fake_converter(tmp_path, monkeypatch, script: str) -> None:
    program = tmp_path / "fake-soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("CROSSFOOT_SOFFICE", str(program))


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_each_word_processor_format_gives_the_docx_findings(tmp_path):
    write_report(tmp_path / "r.docx")
    run = ["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to"]
    # .doc through .odt: LibreOffice's own DOC export keeps the table that way
    subprocess.run([*run, "odt", "--outdir", str(tmp_path), str(tmp_path / "r.docx")], check=True,
                   capture_output=True)
    for fmt in ("doc", "rtf"):
        subprocess.run([*run, fmt, "--outdir", str(tmp_path), str(tmp_path / "r.odt")], check=True,
                       capture_output=True)
    shutil.copy(tmp_path / "r.doc", tmp_path / "r.wps")  # WPS's binary format is Word's
    expected = findings(tmp_path / "r.docx")
    assert [f.split(": ")[1].split()[0] for f in expected] == ["SUM001", "TAB001"]
    for suffix in ("doc", "wps", "rtf", "odt"):
        assert findings(tmp_path / f"r.{suffix}") == expected, suffix
    status, out, _ = invoke("check", str(tmp_path))  # found under a folder too
    assert status == 1 and "r.wps:table 1, row 2, column 2: TAB001" in out


def test_without_libreoffice_they_are_refused_with_how_to_convert(tmp_path):
    (tmp_path / "r.doc").write_bytes(OLE + bytes(60))
    status, _, err = invoke("check", str(tmp_path / "r.doc"))
    assert status == 2 and "a legacy Word document: save it as .docx" in err and "install LibreOffice" in err


def test_a_docx_under_an_old_name_is_read_as_one(tmp_path):
    write_report(tmp_path / "r.docx")
    shutil.copy(tmp_path / "r.docx", tmp_path / "r.wps")
    assert [f.replace("r.wps", "r.docx") for f in findings(tmp_path / "r.wps")] == findings(tmp_path / "r.docx")


def test_a_failed_conversion_is_one_clear_line(tmp_path, monkeypatch):
    fake_converter(tmp_path, monkeypatch, "echo 'Error: source file could not be loaded'\nexit 1\n")
    (tmp_path / "r.doc").write_bytes(OLE + bytes(60))
    status, _, err = invoke("check", str(tmp_path / "r.doc"))
    assert status == 2
    assert "LibreOffice could not read it (Error: source file could not be loaded): damaged?; save it as .docx" \
        in err
    assert "Traceback" not in err


def test_a_hung_converter_is_killed_with_its_children_and_leaves_nothing(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    monkeypatch.setattr(converted, "LIMIT", 1.0)
    fake_converter(tmp_path, monkeypatch, f"sleep 60 &\necho $! > {tmp_path}/child\nwait\n")
    (tmp_path / "r.doc").write_bytes(OLE + bytes(60))
    with pytest.raises(ReadError, match="took more than 1 s to convert it"):
        read(tmp_path / "r.doc")
    child = int((tmp_path / "child").read_text())
    deadline = time.monotonic() + 5  # a SIGKILL to the group is delivered, not awaited: give it a moment
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(child)  # the converter's own child went with it
    assert list(scratch.iterdir()) == []  # the private folder is removed


def test_the_converter_never_sees_the_users_path(tmp_path, monkeypatch):
    fake_converter(tmp_path, monkeypatch, f'echo "$@" > {tmp_path}/args\nexit 1\n')
    odd = tmp_path / "-rf 报告 $(x).doc"
    odd.write_bytes(OLE + bytes(60))
    with pytest.raises(ReadError):
        read(odd)
    args = (tmp_path / "args").read_text(encoding="utf-8")
    assert "报告" not in args and "report.doc" in args and "--convert-to docx" in args
    assert "--infilter=MS Word 97" in args  # read as what its first bytes say, never LibreOffice's guess


def test_each_kind_is_read_as_its_first_bytes_say(tmp_path, monkeypatch):
    fake_converter(tmp_path, monkeypatch, f'echo "$@" > {tmp_path}/args\nexit 1\n')
    (tmp_path / "r.doc").write_bytes(b"{\\rtf1\\ansi 100}")  # an RTF under the .doc name
    with pytest.raises(ReadError):
        read(tmp_path / "r.doc")
    assert "--infilter=Rich Text Format" in (tmp_path / "args").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, data", [("a.wps", b"hi"), ("a.doc", bytes(100)), ("a.rtf", b"hello 100"),
                                        ("a.odt", OLE + bytes(60))])
def test_bytes_of_no_such_document_are_refused_unread(tmp_path, monkeypatch, name, data):
    # (given bytes it does not know, LibreOffice reads them as plain text: "All checks passed" on noise)
    fake_converter(tmp_path, monkeypatch, f"touch {tmp_path}/called\nexit 1\n")
    (tmp_path / name).write_bytes(data)
    status, _, err = invoke("check", str(tmp_path / name))
    assert status == 2 and "its first bytes are not of one: damaged, or another kind of file renamed" in err
    assert not (tmp_path / "called").exists()


def test_a_web_page_saved_under_the_doc_name_is_read_as_one(tmp_path):
    page = ("<html><body><p>支出合计1,250.00万元，其中基本支出1,000.00万元，项目支出200.00万元。</p>"
            "</body></html>")
    (tmp_path / "r.doc").write_text(page, encoding="utf-8")
    assert [f.split(": ")[1].split()[0] for f in findings(tmp_path / "r.doc")] == ["SUM001"]


@pytest.mark.libreoffice
@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed")
def test_a_damaged_word_file_is_refused_not_read_as_text(tmp_path):
    (tmp_path / "r.doc").write_bytes(OLE + b"rest of nothing")
    status, _, err = invoke("check", str(tmp_path / "r.doc"))
    assert status == 2 and "LibreOffice could not read it" in err and "damaged?" in err
