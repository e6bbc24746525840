"""``crossfoot serve``: the desk, a local web page for people who do not use a terminal.

A user drops one or more reports (or a folder) on the page and sees, per report, its findings beside the
document (the HTML report, in the desk's language, with its filters), and downloads the spreadsheet, the
CSV, the JSON or the report itself. Built on Starlette and served by uvicorn (``pip install
'crossfoot[web]'``); the checking is :mod:`.jobs`' (a ``crossfoot batch`` per upload).

Safety:

* bound to 127.0.0.1 by default; requests naming another host are refused (DNS rebinding);
* the address printed at start carries a token; opening it gives the browser a session cookie (HttpOnly,
  SameSite=Strict), and every other request needs that session. Each session sees only its own uploads;
  every change (upload, close) also needs the session's own token in a header, which another web page in the
  same browser cannot read or send (CSRF);
* uploads are size-capped while they stream in, type-checked by suffix and content, stored under names the
  server makes, and checked in the batch's isolated workers (time and memory limits);
* everything lives in one temporary folder (the multipart parser's spill files included) that is removed
  when the server stops; a job's folder goes when the user closes it, or shortly after the page is left;
* pages load nothing from outside (Content-Security-Policy), and a document's report is shown in a
  sandboxed frame that cannot reach the desk.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
import threading
import time
from pathlib import Path

from .jobs import Job, Limits, new_id, refusal, safe_name

__all__ = ["Limits", "create_app", "run"]

COOKIE = "crossfoot_desk"
HEADER = "x-crossfoot-token"
LEAVE_GRACE = 30.0
"""Seconds a left page's uploads are kept, so a reload finds them again."""
CSP_DESK = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
            "frame-src 'self'; img-src 'self' data:; form-action 'none'; base-uri 'none'; "
            "frame-ancestors 'none'")
CSP_REPORT = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
              "base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
DOWNLOADS = {"findings.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "findings.csv": "text/csv; charset=utf-8", "findings.json": "application/json",
             "index.html": "text/html; charset=utf-8"}


class Session:
    def __init__(self, lang: str = "en"):
        self.csrf = secrets.token_urlsafe(24)
        self.jobs: dict[str, Job] = {}
        self.left_at = 0.0
        self.lang = lang
        """The page's language: the desk's --lang, else the browser's (Accept-Language) when it opened."""


def browser_lang(header: str, fallback: str = "en") -> str:
    """zh when the browser's first language of a known pair is Chinese (``zh-CN,zh;q=0.9,en;q=0.8``), en
    when it is English, else ``fallback``."""
    ranked = []
    for k, part in enumerate(header.split(",")):
        tag, _, weight = part.strip().partition(";q=")
        try:
            q = float(weight) if weight else 1.0
        except ValueError:
            continue
        ranked.append((-q, k, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith(("zh", "en")):
            return tag[:2]
    return fallback


class Desk:
    """The server's state: its folder, token, sessions and the gate batches wait at."""

    def __init__(self, root: Path, token: str, lang: str, limits: Limits, fallback: str = "en"):
        self.root, self.token, self.lang, self.limits = root, token, lang, limits
        self.fallback = fallback
        """The language of a browser that names neither Chinese nor English (the locale's), when ``lang``
        is '' (not given: each browser's own)."""
        self.sessions: dict[str, Session] = {}
        self.gate = threading.Semaphore(max(1, limits.running))
        self.lock = threading.Lock()

    def session(self, request) -> Session | None:
        return self.sessions.get(request.cookies.get(COOKIE, ""))

    def reap(self, sid: str) -> None:
        """Close a left session's jobs unless its page came back."""
        session = self.sessions.get(sid)
        if session and session.left_at and time.monotonic() - session.left_at >= LEAVE_GRACE - 0.5:
            for job in list(session.jobs.values()):
                job.close()
            session.jobs.clear()

    def stop(self) -> None:
        for session in self.sessions.values():
            for job in session.jobs.values():
                job.close()
        shutil.rmtree(self.root, ignore_errors=True)


def create_app(root: Path, token: str, lang: str = "en", limits: Limits | None = None, hosts=()):
    """The desk's ASGI application, keeping everything under ``root`` (removed when the app shuts down);
    its pages in ``lang``, or with ``lang`` '' in each browser's language (Accept-Language; the locale's
    when the browser names neither)."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
    from starlette.routing import Route

    from . import page

    limits = limits or Limits()
    root.mkdir(parents=True, exist_ok=True)
    from ..lang import resolve

    desk = Desk(root, token, lang, limits, fallback=resolve(""))

    def session_of(request) -> Session:
        session = desk.session(request)
        if session is None:
            raise HTTPException(403, "open the address crossfoot serve printed")
        return session

    def changing(request) -> Session:
        session = session_of(request)
        if not secrets.compare_digest(request.headers.get(HEADER, ""), session.csrf):
            raise HTTPException(403, "this request did not come from the desk's page")
        return session

    def job_of(request) -> Job:
        job = session_of(request).jobs.get(request.path_params["job"])
        if job is None or job.state == "closed":
            raise HTTPException(404, "no such upload (closed, or another session's)")
        return job

    async def home(request):
        given = request.query_params.get("token", "")
        if given:
            if not secrets.compare_digest(given, desk.token):
                raise HTTPException(403, "this address's token is not the desk's; use the one crossfoot "
                                         "serve printed")
            sid = secrets.token_urlsafe(24)
            desk.sessions[sid] = Session(desk.lang or browser_lang(request.headers.get("accept-language", ""),
                                                                   desk.fallback))
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(COOKIE, sid, httponly=True, samesite="strict", path="/")
            return response
        session = session_of(request)
        session.left_at = 0.0
        return Response(page.html(session.csrf, session.lang, limits), media_type="text/html; charset=utf-8",
                        headers={"Content-Security-Policy": CSP_DESK, "Cache-Control": "no-store"})

    async def script(request):
        return Response(page.SCRIPT, media_type="text/javascript; charset=utf-8",
                        headers={"Cache-Control": "no-store"})

    async def listing(request):
        session = session_of(request)
        session.left_at = 0.0
        return JSONResponse([j.status(session.lang) for j in session.jobs.values() if j.state != "closed"])

    async def upload(request):
        session = changing(request)
        form = await request.form(max_files=limits.files, max_fields=limits.files + 10)
        uploads = [f for f in form.getlist("files") if hasattr(f, "filename")]
        if not uploads:
            raise HTTPException(400, "no file was sent")
        job = Job(new_id(), root / _sid_folder(request) / new_id(), [])
        job.uploads.mkdir(parents=True)
        taken: set[str] = set()
        try:
            for f in uploads:
                name = f.filename or "report"
                head = await f.read(1024)
                why = refusal(name, head)
                if why:
                    job.refused.append((name, why))
                    continue
                stored = safe_name(name, taken)
                written = len(head)
                with open(job.uploads / stored, "xb") as out:
                    out.write(head)
                    while written <= limits.file_mb << 20 and (chunk := await f.read(1 << 20)):
                        out.write(chunk)
                        written += len(chunk)
                if written > limits.file_mb << 20:
                    (job.uploads / stored).unlink()
                    job.refused.append((name, f"larger than {limits.file_mb} MB"))
                    continue
                job.names.append(stored)
        finally:
            await form.close()
        session.jobs[job.id] = job
        if job.names:
            threading.Thread(target=job.run, args=(limits, session.lang, desk.gate), daemon=True).start()
        else:
            job.state = "done"
        return JSONResponse(job.status(session.lang))

    async def status(request):
        return JSONResponse(job_of(request).status(session_of(request).lang))

    async def report(request):
        job, name = job_of(request), request.path_params["name"]
        if name not in {r.get("html") for r in job.records()} or not name:
            raise HTTPException(404, "no such report")
        headers = {"Content-Security-Policy": CSP_REPORT, "Cache-Control": "no-store"}
        if request.query_params.get("download"):
            return FileResponse(job.out / "html" / name, media_type="text/html; charset=utf-8",
                                filename=name, headers=headers)
        return FileResponse(job.out / "html" / name, media_type="text/html; charset=utf-8", headers=headers)

    async def download(request):
        job, what = job_of(request), request.path_params["what"]
        if what not in DOWNLOADS or job.state != "done":
            raise HTTPException(404, "no such download (yet)")
        named = _download_name(job, what, session_of(request).lang)
        if what == "findings.json":
            body = _json(job.records())
            return Response(body, media_type=DOWNLOADS[what],
                            headers={"Content-Disposition": _attachment(named)})
        path = job.out / what
        if not path.is_file():
            raise HTTPException(404, "no such download")
        return FileResponse(path, media_type=DOWNLOADS[what], filename=named,
                            headers={"Content-Security-Policy": CSP_REPORT})

    async def close(request):
        session = changing(request)
        job = session.jobs.pop(request.path_params["job"], None)
        if job is None:
            raise HTTPException(404, "no such upload")
        job.close()
        return JSONResponse({"closed": job.id})

    async def leave(request):
        """The page is going away (a beacon: no headers, so the token comes in the form)."""
        session = session_of(request)
        form = await request.form(max_files=0, max_fields=2)
        if not secrets.compare_digest(str(form.get("token", "")), session.csrf):
            raise HTTPException(403, "this request did not come from the desk's page")
        session.left_at = time.monotonic()
        sid = request.cookies.get(COOKIE, "")
        timer = threading.Timer(LEAVE_GRACE, desk.reap, args=(sid,))
        timer.daemon = True
        timer.start()
        return Response(status_code=204)

    def _sid_folder(request) -> str:
        """The session's folder name: not its cookie (which stays secret), a digest of it."""
        import hashlib

        return hashlib.sha256(request.cookies.get(COOKIE, "").encode()).hexdigest()[:16]

    def lifespan(app):
        import contextlib

        @contextlib.asynccontextmanager
        async def span(app):
            spill, tempfile.tempdir = tempfile.tempdir, str(root)  # the multipart parser's spill files
            try:
                yield
            finally:
                tempfile.tempdir = spill
                desk.stop()

        return span(app)

    async def error(request, exc):
        known = desk.session(request)
        lang = known.lang if known else desk.lang or browser_lang(request.headers.get("accept-language", ""),
                                                                  desk.fallback)
        said = page.error_text(str(exc.detail), lang)
        if request.method == "GET" and "text/html" in request.headers.get("accept", ""):  # a page opened
            return Response(page.error_html(said, lang), status_code=exc.status_code,
                            media_type="text/html; charset=utf-8",
                            headers={"Content-Security-Policy": CSP_DESK, "Cache-Control": "no-store"})
        return JSONResponse({"error": said}, status_code=exc.status_code)

    routes = [Route("/", home), Route("/desk.js", script), Route("/jobs", listing),
              Route("/jobs", upload, methods=["POST"]), Route("/jobs/{job}", status),
              Route("/jobs/{job}/report/{name}", report), Route("/jobs/{job}/download/{what}", download),
              Route("/jobs/{job}/close", close, methods=["POST"]), Route("/leave", leave, methods=["POST"])]
    allowed = ["127.0.0.1", "localhost", "::1", "[::1]", *hosts]
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={HTTPException: error},
                    middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed)])
    app.state.desk = desk
    return _Capped(app, limits.upload_mb << 20)


def _download_name(job, what: str, lang: str) -> str:
    """A download's file name the user can tell apart in her downloads folder: the report's name (one
    report) or how many (several), then what it is (核对结果.xlsx / findings.xlsx)."""
    stem, suffix = os.path.splitext(what)
    kind = "核对结果" if lang == "zh" else stem
    if len(job.names) == 1:
        base = os.path.splitext(os.path.basename(job.names[0]))[0][:60] or "report"
    else:
        base = f"{len(job.names)}份报告" if lang == "zh" else f"{len(job.names)}-reports"
    return f"{base}-{kind}{suffix}"


def _attachment(name: str) -> str:
    """A Content-Disposition naming ``name`` (RFC 6266: an ASCII fallback, and the UTF-8 name)."""
    from urllib.parse import quote

    fallback = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{fallback}\"; filename*=utf-8''{quote(name)}"


class _Capped:
    """The request body cap, counted as it streams in (a missing or false Content-Length included)."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    def __getattr__(self, name):
        return getattr(self.app, name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        from starlette.exceptions import HTTPException

        too_large = f"the upload is larger than {self.limit >> 20} MB; send fewer or smaller files"
        length = dict(scope.get("headers", ())).get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.limit:
            from starlette.responses import JSONResponse

            return await JSONResponse({"error": too_large}, status_code=413)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, too_large)
            return message

        await self.app(scope, counted, send)


def _json(records: list[dict]) -> str:
    import io

    from .. import __version__
    from ..batch import outputs
    from ..report import writer

    stream = io.StringIO()
    writer("json").write(outputs.findings(records), stream, outputs.context(records, __version__))
    return stream.getvalue()


def taken(host: str, port: int) -> str:
    """Why the desk cannot listen on ``host``:``port`` because another program already does (most often a
    desk started before, whose printed address is what to open), or "" (it may, or fails otherwise)."""
    import errno
    import socket

    if not port:
        return ""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return ""
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                shown = f"[{host}]" if ":" in host else host
                return (f"cannot listen on {shown}:{port}: the port is in use (a desk may be running there "
                        "already: open the address it printed, or give another port, --port 0 for any free "
                        "one)")
    return ""


def run(host: str = "127.0.0.1", port: int = 8765, lang: str = "en", limits: Limits | None = None,
        open_browser: bool = True, echo=print) -> None:
    """Serve the desk until Ctrl-C; everything uploaded is removed when it stops."""
    import uvicorn

    from ..lang import resolve

    root = Path(tempfile.mkdtemp(prefix="crossfoot-desk-"))
    token = secrets.token_urlsafe(24)
    app = create_app(root, token, lang, limits, hosts=[host])
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host

    def announce():
        while not server.started:
            time.sleep(0.05)
        bound = server.servers[0].sockets[0].getsockname()[1] if server.servers else port
        url = f"http://{shown}:{bound}/?token={token}"
        if (lang or resolve("")) == "zh":
            echo(f"crossfoot 核查台：{url}\n（上传的文件保存在 {root}，按 Ctrl-C 停止时一并删除）")
        else:
            echo(f"crossfoot desk: {url}\n(uploads are kept in {root} until Ctrl-C stops it and removes "
                 "them)")
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run()
    finally:
        shutil.rmtree(root, ignore_errors=True)

