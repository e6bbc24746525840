"""The shipped pre-commit hook, for real: in a temporary git repository, a commit of a report with a wrong
total is blocked, and the fixed report goes through.

The hook is the one in ``.pre-commit-hooks.yaml``, used as a local hook that runs this checkout's
crossfoot (``language: system``) so the test needs no network to build the hook's environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from render import to_docx

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
pre_commit = pytest.importorskip("pre_commit", reason="pre-commit is not installed")

BAD = "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。\n"
GOOD = "支出合计830.50万元，其中：人员经费600.20万元，公用经费230.30万元。\n"


def git(repo: Path, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture
def repo(tmp_path):
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["entry"] == "crossfoot check"
    local = {**hook, "language": "system", "entry": f"{sys.executable} -m crossfoot check"}
    repo = tmp_path / "docs"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    assert git(repo, "init", "-q", env=env).returncode == 0
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True,
                   capture_output=True)
    git(repo, "add", ".pre-commit-config.yaml", env=env)
    assert git(repo, "commit", "-q", "-m", "config", env=env).returncode == 0
    return repo, env


def test_a_wrong_total_blocks_the_commit_and_the_fix_passes(repo):
    repo, env = repo
    (repo / "report.md").write_text(BAD, encoding="utf-8")
    git(repo, "add", "report.md", env=env)
    blocked = git(repo, "commit", "-m", "report", env=env)
    assert blocked.returncode != 0
    assert "report.md:1:5: SUM001 error" in blocked.stdout + blocked.stderr
    (repo / "report.md").write_text(GOOD, encoding="utf-8")
    git(repo, "add", "report.md", env=env)
    passed = git(repo, "commit", "-m", "report", env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_word_documents_are_checked_too(repo):
    repo, env = repo
    to_docx([("paragraph", BAD.strip())], repo / "report.docx")
    (repo / "notes.csv").write_text("a,b\n", encoding="utf-8")  # not a report: the hook skips it
    git(repo, "add", "report.docx", "notes.csv", env=env)
    blocked = git(repo, "commit", "-m", "report", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0 and "report.docx:paragraph 1: SUM001 error" in output
    assert "Found 1 finding (1 error) in 1 file." in output  # the CSV was not handed to crossfoot
