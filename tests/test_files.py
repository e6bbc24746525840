"""The one writer every output goes through: whole or not at all, and never over what is not a file.

A FIFO stands in for ``/dev/null`` (tests never touch a real device node)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossfoot import files
from crossfoot.cli import main

ROOT = Path(__file__).resolve().parent.parent
REPORT = str(ROOT / "reports" / "performance-self-evaluation-2023.txt")


def _drain(path: Path, into: list) -> threading.Thread:
    def read():
        with open(path, "rb") as fifo:
            into.append(fifo.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_fifo_is_written_into_never_replaced(tmp_path):
    fifo = tmp_path / "null"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    result = CliRunner().invoke(main, ["check", "--isolated", "-o", str(fifo), "--output-format", "json", REPORT])
    reader.join(10)
    assert result.exit_code == 1, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO: the "device" was not replaced by a file
    assert b'"code": "SUM001"' in got[0]
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_binary_format_into_a_fifo(tmp_path):
    fifo = tmp_path / "null"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    result = CliRunner().invoke(main, ["check", "--isolated", "-o", str(fifo), "--output-format", "xlsx", REPORT])
    reader.join(10)
    assert result.exit_code == 1 and got[0].startswith(b"PK")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_an_existing_file_keeps_its_permissions_and_a_link_stays_a_link(tmp_path):
    real = tmp_path / "out.txt"
    real.write_text("old", encoding="utf-8")
    os.chmod(real, 0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    files.write(link, lambda s: s.write("new"))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(os.stat(real).st_mode) == 0o640


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def broken(stream):
        stream.write("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        files.write(target, broken)
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("where, said", [
    ("missing/dir/x.json", "crossfoot: error: cannot write {target}: No such file or directory"),
    (".", "is a directory"),
])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, where, said):
    target = tmp_path / where
    result = CliRunner().invoke(main, ["check", "--isolated", "-o", str(target), "--output-format", "json",
                                       REPORT])
    assert result.exit_code == 2
    assert said.format(target=target) in result.output and "Traceback" not in result.output
