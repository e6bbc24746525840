"""The desk (``crossfoot serve``): its requests through Starlette's test client, and the whole page in
headless Chromium (Debian's package, driven by Playwright; skipped where either is missing)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the web extra is not installed")
pytest.importorskip("httpx", reason="httpx is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette would rather have httpx2 than httpx: a deprecation notice
    from starlette.testclient import TestClient

from crossfoot import serve  # noqa: E402
from crossfoot.serve import Limits, create_app  # noqa: E402
from crossfoot.serve.jobs import safe_name  # noqa: E402

WRONG = "本年支出合计1,250.00万元，其中基本支出800.00万元，项目支出460.00万元。\n".encode()
RIGHT = "本年支出合计1,250.00万元，其中基本支出800.00万元，项目支出450.00万元。\n".encode()


@pytest.fixture
def desk(tmp_path):
    root = tmp_path / "desk"
    app = create_app(root, "TOKEN", "en", Limits(jobs=1, file_mb=1, upload_mb=4))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client, root
    assert not root.exists()  # the server's stop removes every upload


def enter(client) -> str:
    """Open the printed address; the page's token for changes."""
    assert client.get("/?token=TOKEN", follow_redirects=False).status_code == 303
    page = client.get("/")
    assert page.status_code == 200
    return re.search(r'name="csrf" content="([^"]+)"', page.text).group(1)


def finished(client, job: str) -> dict:
    for _ in range(300):
        state = client.get(f"/jobs/{job}").json()
        if state["state"] in ("done", "failed"):
            return state
        time.sleep(0.1)
    raise AssertionError(f"job {job} did not finish: {state}")


def send(client, csrf, *files) -> dict:
    response = client.post("/jobs", files=[("files", f) for f in files], headers={"x-crossfoot-token": csrf})
    assert response.status_code == 200, response.text
    return response.json()


def test_nothing_without_the_printed_address(desk):
    client, _ = desk
    assert client.get("/").status_code == 403
    assert client.get("/?token=WRONG").status_code == 403
    assert client.get("/jobs").status_code == 403
    assert client.post("/jobs", files=[("files", ("a.txt", RIGHT))]).status_code == 403
    response = client.get("/?token=TOKEN", follow_redirects=False)
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_changes_need_the_page_token(desk):
    client, _ = desk
    enter(client)
    assert client.post("/jobs", files=[("files", ("a.txt", RIGHT))]).status_code == 403
    assert client.post("/jobs", files=[("files", ("a.txt", RIGHT))],
                       headers={"x-crossfoot-token": "guess"}).status_code == 403


def test_other_hosts_are_refused(desk):
    client, _ = desk
    assert client.get("/?token=TOKEN", headers={"host": "evil.example"}).status_code == 400


def test_a_report_is_checked_and_its_findings_downloaded(desk):
    client, root = desk
    csrf = enter(client)
    job = send(client, csrf, ("支出.txt", WRONG), ("clean.txt", RIGHT))
    state = finished(client, job["job"])
    assert state["state"] == "done" and state["done"] == state["total"] == 2
    rows = {f["name"]: f for f in state["files"]}
    assert (rows["支出.txt"]["errors"], rows["clean.txt"]["errors"]) == (1, 0)
    assert rows["clean.txt"]["report"] == ""  # nothing to show
    found = json.loads(client.get(f"/jobs/{job['job']}/download/findings.json").text)["findings"]
    assert [(f["code"], f["path"], f["line"], f["stated"]) for f in found] == \
        [("SUM001", "支出.txt", 1, "1,250.00万元")]
    sheet = client.get(f"/jobs/{job['job']}/download/findings.xlsx")
    assert sheet.content[:4] == b"PK\x03\x04"
    assert "2-reports-findings.xlsx" in sheet.headers["content-disposition"]  # (not findings.xlsx
    # every time: told apart in the downloads folder)
    assert "SUM001" in client.get(f"/jobs/{job['job']}/download/findings.csv").text
    page = client.get("/" + rows["支出.txt"]["report"])
    assert page.status_code == 200 and "SUM001" in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert client.get(f"/jobs/{job['job']}/report/..%2F..%2Fresults.jsonl").status_code == 404
    assert client.get(f"/jobs/{job['job']}/download/results.jsonl").status_code == 404


def test_uploads_refused_with_the_reason(desk):
    client, _ = desk
    csrf = enter(client)
    job = send(client, csrf, ("fake.pdf", b"<html>not a pdf</html>"), ("old.doc", b"\xd0\xcf\x11\xe0"),
               ("big.txt", RIGHT * 20000), ("ok.txt", RIGHT))
    why = {r["name"]: r["why"] for r in job["refused"]}
    assert why == {"fake.pdf": "not a PDF file (its content says otherwise)",
                   "old.doc": pytest.approx(why["old.doc"]), "big.txt": "larger than 1 MB"}
    assert "save it as .docx" in why["old.doc"]
    assert finished(client, job["job"])["total"] == 1


def test_without_lang_the_page_speaks_the_browsers_language(tmp_path):
    from crossfoot.serve import browser_lang

    assert browser_lang("zh-CN,zh;q=0.9,en;q=0.8") == "zh" and browser_lang("en-US,zh;q=0.5") == "en"
    assert browser_lang("fr-FR,zh-TW;q=0.7,en;q=0.3") == "zh" and browser_lang("de", "en") == "en"
    app = create_app(tmp_path / "desk", "TOKEN", "", Limits(jobs=1, file_mb=1, upload_mb=4))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        assert client.get("/?token=TOKEN", follow_redirects=False,
                          headers={"accept-language": "zh-CN,zh;q=0.9,en;q=0.8"}).status_code == 303
        page = client.get("/")
        assert '<html lang="zh-CN">' in page.text
        csrf = re.search(r'name="csrf" content="([^"]+)"', page.text).group(1)
        job = send(client, csrf, ("fake.pdf", b"<html>not a pdf</html>"), ("noise.txt", bytes(range(1, 256)) * 64))
        assert [r["why"] for r in job["refused"]] == ["不是 PDF 文件（其内容不符）"]
        (row,) = finished(client, job["job"])["files"]
        assert row["status"] == "error" and row["error"].startswith("二进制文件，不是文本")


def test_a_file_no_reader_takes_is_not_checked_and_says_why(desk):
    client, _ = desk
    csrf = enter(client)
    job = send(client, csrf, ("noise.txt", bytes(range(1, 256)) * 64))
    (row,) = finished(client, job["job"])["files"]
    assert row["status"] == "error" and "not text" in row["error"]


def test_an_upload_over_the_cap_is_refused_as_it_streams(desk):
    client, root = desk
    csrf = enter(client)
    response = client.post("/jobs", files=[("files", (f"{i}.txt", RIGHT * 10000)) for i in range(6)],
                           headers={"x-crossfoot-token": csrf})
    assert response.status_code == 413 and "larger than 4 MB" in response.json()["error"]


def test_a_client_name_is_never_a_path():
    taken: set[str] = set()
    names = [safe_name(n, taken) for n in ("../../etc/passwd.txt", "..\\..\\boot.ini.txt", "a/b/报告.pdf",
                                             "报告.pdf", ".bashrc.txt", "..报告.txt", "x\x00y.txt", "<b>.html",
                                             "--select=X.txt")]
    assert names == ["passwd.txt", "boot.ini.txt", "报告.pdf", "报告 (2).pdf", "bashrc.txt", "报告.txt",
                     "x_y.txt", "b.html", "select_X.txt"]
    assert all("/" not in n and "\\" not in n and not n.startswith((".", "-")) for n in names)


def test_two_sessions_never_see_each_others_uploads(desk, tmp_path):
    client, root = desk
    csrf = enter(client)
    job = send(client, csrf, ("a.txt", WRONG))["job"]
    finished(client, job)
    other = TestClient(client.app, base_url="http://127.0.0.1")
    enter(other)
    assert other.get("/jobs").json() == []
    assert other.get(f"/jobs/{job}").status_code == 404
    assert other.get(f"/jobs/{job}/download/findings.json").status_code == 404
    assert [j["job"] for j in client.get("/jobs").json()] == [job]


def test_closing_removes_the_upload(desk):
    client, root = desk
    csrf = enter(client)
    job = send(client, csrf, ("a.txt", WRONG))["job"]
    finished(client, job)
    assert any(root.rglob("a.txt"))
    assert client.post(f"/jobs/{job}/close", headers={"x-crossfoot-token": csrf}).status_code == 200
    assert not any(root.rglob("a.txt")) and client.get(f"/jobs/{job}").status_code == 404


def test_a_left_page_loses_its_uploads_unless_it_comes_back(desk, monkeypatch):
    client, root = desk
    monkeypatch.setattr(serve, "LEAVE_GRACE", 0.3)
    csrf = enter(client)
    job = send(client, csrf, ("a.txt", WRONG))["job"]
    finished(client, job)
    assert client.post("/leave", data={"token": "guess"}).status_code == 403
    assert client.post("/leave", data={"token": csrf}).status_code == 204
    client.get("/jobs")  # a reload within the grace keeps them
    time.sleep(0.6)
    assert client.get(f"/jobs/{job}").status_code == 200
    assert client.post("/leave", data={"token": csrf}).status_code == 204
    time.sleep(0.6)
    assert client.get(f"/jobs/{job}").status_code == 404 and not any(root.rglob("a.txt"))


# The page in a browser ------------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """``crossfoot serve`` as a user starts it: its printed address, and its temporary folder."""
    if CHROMIUM is None:
        pytest.skip("no chromium (apt install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    process = subprocess.Popen([sys.executable, "-m", "crossfoot", "serve", "--port", "0", "--no-browser",
                                "--lang", "zh", "--jobs", "1"], stderr=subprocess.PIPE, text=True)
    url = re.search(r"http://\S+", process.stderr.readline()).group(0)
    folder = Path(re.search(r"保存在 (\S+?)，", process.stderr.readline()).group(1))  # (--lang zh: its words)
    assert folder.is_dir()
    yield url
    process.terminate()
    process.wait(10)
    assert not folder.exists()  # stopped: every upload removed


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def test_the_desk_in_a_browser(served, chromium, tmp_path):
    from render import parse, to_pdf

    report = tmp_path / "部门决算.pdf"
    to_pdf(parse("某局2024年度部门决算说明\n" + WRONG.decode()), report)
    hostile = tmp_path / "坏文件.pdf"
    hostile.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served.split("/?")[0]) else None)
    page.goto(served)
    page.set_input_files("#files", [str(report)])
    row = page.locator(".job tr.pick", has_text="部门决算.pdf")
    row.wait_for(timeout=60000)
    assert row.locator("td.e").inner_text() == "1"
    row.click()
    frame = page.frame_locator("#frame")
    finding = frame.locator("li.finding", has_text="SUM001")
    finding.wait_for(timeout=10000)
    finding.click()
    assert frame.locator(".hl").count() >= 1  # its figures are marked in the document
    with page.expect_download() as download:
        page.locator(".job a", has_text="XLSX").click()
    assert download.value.suggested_filename.endswith("-核对结果.xlsx")  # named after the report, in Chinese
    saved = tmp_path / "findings.xlsx"
    download.value.save_as(saved)
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(saved)["问题"].iter_rows() for c in row]  # (a zh desk's sheets)
    assert "SUM001" in cells
    page.set_input_files("#files", [str(hostile)])
    bad = page.locator(".job tr", has_text="坏文件.pdf")
    bad.wait_for(timeout=60000)
    page.locator(".job tr", has_text="坏文件.pdf").locator("td.why").wait_for(timeout=60000)
    assert "无法检查" in bad.inner_text()
    assert outside == []
    # another user (another browser profile, the same address) sees none of it
    other = chromium.new_context().new_page()
    other.goto(served)
    other.locator("#drop").wait_for()
    other.wait_for_timeout(500)
    assert other.locator(".job").count() == 0
    assert other.goto(served.split("/?")[0] + "/" + row.get_attribute("data-report")).status == 404
    context.close()


def test_a_page_opened_without_the_printed_address_says_how_in_the_browsers_language(tmp_path):
    """A browser opening the desk's address without its token gets a page (not bare JSON) telling the way
    in, in its language; a script's request gets the same words as JSON."""
    app = create_app(tmp_path / "desk", "TOKEN", "", Limits(jobs=1, file_mb=1, upload_mb=4))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        opened = client.get("/", headers={"accept": "text/html,application/xhtml+xml",
                                          "accept-language": "zh-CN,zh;q=0.9"})
        assert opened.status_code == 403 and opened.headers["content-type"].startswith("text/html")
        assert "请打开 crossfoot serve 启动时显示的地址" in opened.text and '<html lang="zh-CN">' in opened.text
        asked = client.get("/jobs", headers={"accept-language": "zh-CN"})
        assert asked.status_code == 403 and asked.json()["error"].startswith("请打开 crossfoot serve")
        english = client.get("/", headers={"accept": "text/html", "accept-language": "en-US"})
        assert "open the address crossfoot serve printed" in english.text


def test_a_port_another_desk_holds_is_said_so(tmp_path):
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        said = serve.taken("127.0.0.1", port)
    assert "the port is in use" in said and "--port 0" in said
    from crossfoot.lang import fail_zh

    assert fail_zh(said).startswith(f"无法在 127.0.0.1:{port} 上启动：端口已被占用")
    assert serve.taken("127.0.0.1", 0) == ""


def test_an_empty_upload_is_said_empty_not_another_kind():
    from crossfoot.serve.jobs import refusal

    assert refusal("a.docx", b"") == "empty: no text to check"
    assert refusal("a.docx", b"hello").startswith("not a DOCX file")


def test_a_download_is_named_after_its_report():
    from crossfoot.serve import _attachment, _download_name

    class One:
        names = ["uploads/某区财政局2025年部门决算.pdf"]

    assert _download_name(One, "findings.xlsx", "zh") == "某区财政局2025年部门决算-核对结果.xlsx"
    assert _download_name(One, "findings.csv", "en") == "某区财政局2025年部门决算-findings.csv"
    said = _attachment("某区-核对结果.json")
    assert said.startswith('attachment; filename="') and "filename*=utf-8''%E6%9F%90" in said
