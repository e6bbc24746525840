"""What users install is what is tested: the wheel, installed into a fresh virtual environment (not
editable, not this checkout), runs every subcommand on a real report; it installs ``crossfoot`` and
nothing named ``lint``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from render import parse, to_pdf

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "reports" / "final-accounts-2024.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """``(bin folder, site-packages)`` of a fresh environment with the built wheel installed."""
    where = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w",
                            str(where / "dist"), str(ROOT)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    wheel = next((where / "dist").glob("crossfoot-*.whl"))
    venv.create(where / "env", with_pip=True)
    bin_ = where / "env" / "bin"
    done = subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    site = Path(subprocess.run([str(bin_ / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    return bin_, site


def run(bin_: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(bin_ / "crossfoot"), *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_the_wheel_installs_crossfoot_and_no_lint(installed):
    _, site = installed
    assert (site / "crossfoot" / "checks" / "core.yaml").is_file()
    assert (site / "crossfoot" / "report" / "schema" / "findings-v1.json").is_file()
    assert not (site / "lint").exists()


def test_the_installed_package_imports_as_crossfoot_only(installed, tmp_path):
    bin_, _ = installed
    probe = ("import importlib.util, crossfoot, crossfoot.batch, crossfoot.cli;"
             "print(crossfoot.__file__); print(importlib.util.find_spec('lint'))")
    out = subprocess.run([str(bin_ / "python"), "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    where, lint = out.stdout.splitlines()
    assert "site-packages" in where and lint == "None"
    module = subprocess.run([str(bin_ / "python"), "-m", "crossfoot", "--version"], capture_output=True,
                            text=True, cwd=tmp_path)
    assert module.returncode == 0 and "crossfoot" in module.stdout


def test_every_subcommand_runs_from_the_wheel(installed, tmp_path):
    bin_, _ = installed
    pdf = tmp_path / "report.pdf"
    to_pdf(parse(REPORT.read_text(encoding="utf-8")), pdf)
    checked = run(bin_, "check", "--isolated", "--output-format", "json", str(REPORT), str(pdf), cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    codes = {(Path(f["path"]).suffix, f["code"]) for f in json.loads(checked.stdout)["findings"]}
    assert (".txt", "BUD014") in codes and (".pdf", "BUD014") in codes

    batch = run(bin_, "batch", "--isolated", "--jobs", "2", "--no-cache", "-d", str(tmp_path / "out"),
                str(REPORT), str(pdf), cwd=tmp_path)
    assert batch.returncode == 1, batch.stderr
    records = [json.loads(line) for line in (tmp_path / "out" / "results.jsonl").read_text().splitlines()]
    assert [r["status"] for r in records] == ["ok", "ok"]
    assert (tmp_path / "out" / "findings.xlsx").is_file() and (tmp_path / "out" / "index.html").is_file()

    extracted = run(bin_, "extract", str(pdf), cwd=tmp_path)
    assert extracted.returncode == 0 and "收入支出决算总表" in extracted.stdout

    listed = run(bin_, "rules", cwd=tmp_path)
    assert listed.returncode == 0 and "SUM001" in listed.stdout and "BUD014" in listed.stdout
    one = run(bin_, "rule", "SUM001", cwd=tmp_path)
    assert one.returncode == 0 and "Failing example" in one.stdout
    helped = run(bin_, "check", "--help", "--lang", "zh", cwd=tmp_path)  # its catalog ships in the wheel
    assert helped.returncode == 0 and "检查 PATHS 中的报告" in helped.stdout

    pages = run(bin_, "docs", str(tmp_path / "rules"), cwd=tmp_path)
    assert pages.returncode == 0, pages.stderr
    assert (tmp_path / "rules" / "SUM001.md").is_file()

    gx = run(bin_, "export-gx", "-d", str(tmp_path / "gx"), str(REPORT), cwd=tmp_path)
    assert gx.returncode == 2 and "pip install 'crossfoot[gx]'" in gx.stderr  # the extra is not installed
    desk = run(bin_, "serve", "--no-browser", "--port", "0", cwd=tmp_path)
    assert desk.returncode == 2 and "pip install 'crossfoot[web]'" in desk.stderr


def test_the_python_api_from_the_wheel(installed, tmp_path):
    bin_, _ = installed
    probe = (
        "import crossfoot, sys\n"
        "found = crossfoot.check(sys.argv[1], select=['BUD014'])\n"
        "print(len(found), found[0].to_dict()['code'], found.frame().shape[1])\n"
    )
    out = subprocess.run([str(bin_ / "python"), "-c", probe, str(REPORT)], capture_output=True, text=True,
                         cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["1", "BUD014", "14"]
