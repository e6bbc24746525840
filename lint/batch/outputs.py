"""What a batch leaves in its output folder, built from the result records alone (so a resumed run and an
uninterrupted one write the same files): ``findings.xlsx`` and ``findings.csv`` (triage: a ``files`` sheet
worst first, a ``findings`` sheet), ``summary.txt`` (the table printed at the end), ``index.html`` (every
file with its counts, linking the per-document reports in ``html/``). Each is written atomically."""

from __future__ import annotations

import os
from collections import Counter
from html import escape
from pathlib import Path
from urllib.parse import quote

from ..lang import why as reason
from ..model import Finding
from ..report import Context, printable, writer

SHOWN = 50  # files in the printed summary; the spreadsheet has them all
_WORDS = {
    "en": {"error": "not checked", "skipped": "skipped", "file": "file", "errors": "errors",
           "warnings": "warnings", "infos": "infos", "top": "top codes", "note": "note",
           "more": "… and {n} more files (see findings.xlsx)",
           "tail": "{files} files: {found} finding{s} in {with_} files, {failed} not checked{skipped}.",
           "skipped_tail": ", {n} skipped (formats not read)", "title": "crossfoot {version}: {n} files",
           "totals": "{e} errors, {w} warnings, {i} infos; {unread} not checked, {skipped} skipped",
           "search": "filter files, e.g. 财政局 or not checked"},
    "zh": {"error": "未能检查", "skipped": "已跳过", "file": "文件", "errors": "错误", "warnings": "警告",
           "infos": "提示", "top": "主要问题代码", "note": "说明",
           "more": "……另有 {n} 个文件（见 findings.xlsx）",
           "tail": "共 {files} 个文件：{found} 个问题，涉及 {with_} 个文件；{failed} 个未能检查{skipped}。",
           "skipped_tail": "，{n} 个已跳过（格式不支持）", "title": "crossfoot {version}：{n} 个文件",
           "totals": "错误 {e} 个，警告 {w} 个，提示 {i} 个；未能检查 {unread} 个，已跳过 {skipped} 个",
           "search": "筛选文件，如 财政局 或 未能检查"},
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS["zh" if lang == "zh" else "en"]


def findings(records: list[dict]) -> list:
    return [Finding.from_dict(d) for r in records for d in r["findings"]]


def context(records: list[dict], version: str, lang: str = "en") -> Context:
    return Context(version=version, lang=lang, files=[r["path"] for r in records if r["status"] == "ok"],
                   errors=[(r["path"], r["error"]) for r in records if r["status"] == "error"],
                   skipped=[(r["path"], r["error"]) for r in records if r["status"] == "skipped"])


def rows(records: list[dict], lang: str = "en") -> list[list]:
    """Per file with findings or an error, worst first: path, errors, warnings, infos, top codes."""
    out = []
    for r in records:
        if r["status"] != "ok":
            why = f"{_words(lang)[r['status']]}: {printable(reason(r['error'], r['path'], lang))}"
            out.append([printable(r["path"]), "", "", "", why])
            continue
        if not r["findings"]:
            continue
        levels = Counter(f["severity"] for f in r["findings"])
        codes = Counter(f["code"] for f in r["findings"]).most_common(3)
        out.append([printable(r["path"]), levels["error"], levels["warning"], levels["info"],
                    ", ".join(f"{c}×{n}" if n > 1 else c for c, n in codes)])
    out.sort(key=lambda row: (row[1] == "", -(row[1] or 0), -(row[2] or 0), -(row[3] or 0), row[0]))
    return out


def summary(records: list[dict], lang: str = "en") -> str:
    from tabulate import tabulate

    words = _words(lang)
    table = rows(records, lang)
    found = sum(len(r["findings"]) for r in records)
    failed = sum(r["status"] == "error" for r in records)
    passed = sum(r["status"] == "skipped" for r in records)
    text = tabulate(table[:SHOWN], headers=[words[k] for k in ("file", "errors", "warnings", "infos", "top")],
                    tablefmt="simple") if table else ""
    if len(table) > SHOWN:
        text += "\n" + words["more"].format(n=len(table) - SHOWN)
    tail = words["tail"].format(files=len(records), found=found, s="s" if found != 1 else "",
                                with_=sum(1 for r in records if r["findings"]), failed=failed,
                                skipped=words["skipped_tail"].format(n=passed) if passed else "")
    return (text + "\n" if text else "") + tail + "\n"


def index(records: list[dict], version: str, lang: str = "en") -> str:
    words = _words(lang)
    body = []
    for r in sorted(records, key=lambda r: (r["status"] == "ok", tuple(-n for n in _weight(r)), r["path"])):
        levels = Counter(f["severity"] for f in r["findings"])
        name = escape(printable(r["path"]))
        href = escape(quote(r["html"], errors="surrogateescape"))  # (报告#1, 50%: a link, not a fragment)
        link = f'<a href="html/{href}">{name}</a>' if r.get("html") else name
        cells = ([levels["error"], levels["warning"], levels["info"], ""] if r["status"] == "ok"
                 else ["", "", "", f"{words[r['status']]}: "
                       f"{escape(printable(reason(r['error'], r['path'], lang)))}"])
        body.append(f"<tr><td>{link}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    totals = Counter(f["severity"] for r in records for f in r["findings"])
    unread = sum(r["status"] == "error" for r in records)
    skipped = sum(r["status"] == "skipped" for r in records)
    counts = words["totals"].format(e=totals["error"], w=totals["warning"], i=totals["info"], unread=unread,
                                    skipped=skipped)
    return (f'<!doctype html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" '
            'content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
            f"<title>{escape(words['title'].format(version=version, n=len(records)))}</title>"
            "<style>body{font:14px system-ui,sans-serif;margin:16px}"
            "td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}th{cursor:pointer}"
            "#search{margin:8px 0;width:24em}</style></head><body>"
            f"<h1>{escape(words['title'].format(version=version, n=len(records)))}</h1>"
            f"<p>{counts}</p>"
            f'<input id="search" type="search" placeholder="{words["search"]}">'
            '<table id="files"><thead><tr>'
            + "".join(f"<th>{words[k]}</th>" for k in ("file", "errors", "warnings", "infos", "note"))
            + "</tr></thead>"
            "<tbody>" + "".join(body) + "</tbody></table><script>" + _SORT + "</script></body></html>\n")


_SORT = """
(function(){
  var body=document.querySelector('#files tbody');
  document.getElementById('search').addEventListener('input',function(e){
    var q=e.target.value.toLowerCase();
    Array.from(body.rows).forEach(function(r){r.hidden=q&&r.textContent.toLowerCase().indexOf(q)<0;});
  });
  document.querySelectorAll('#files th').forEach(function(th,i){
    var down=i>0;
    th.addEventListener('click',function(){
      var rows=Array.from(body.rows);
      rows.sort(function(a,b){
        var x=a.cells[i].textContent,y=b.cells[i].textContent,nx=parseFloat(x),ny=parseFloat(y);
        var c=(isNaN(nx)||isNaN(ny))?x.localeCompare(y):nx-ny;return down?-c:c;});
      down=!down;rows.forEach(function(r){body.appendChild(r);});
    });
  });
})();
"""


def _weight(r: dict) -> tuple[int, int, int]:
    """How bad a file's findings are, worst first: its errors, then warnings, then infos (one error
    outweighs any number of warnings)."""
    levels = Counter(f["severity"] for f in r["findings"])
    return levels["error"], levels["warning"], levels["info"]


NAMES = ("findings.xlsx", "findings.csv", "summary.txt", "index.html")


def odd(folder: Path) -> Path | None:
    """An output's place in ``folder`` that holds something other than a regular file (a FIFO would block the
    batch for ever once its checking is done; a device, a folder) or a symbolic link (a results folder from
    elsewhere would have the batch overwrite what its links name: the batch writes its own files, never
    through a link), or an ``html`` place that is a link or holds one; None when there is none: refused
    before any checking."""
    for name in (*NAMES, "results.jsonl"):
        place = folder / name
        if os.path.lexists(place) and (place.is_symlink() or not place.is_file()):
            return place
    pages = folder / "html"
    if pages.is_symlink() or os.path.lexists(pages) and not pages.is_dir():
        return pages
    if pages.is_dir():
        with os.scandir(pages) as entries:
            return next((Path(e.path) for e in entries if e.is_symlink()), None)
    return None


def write(folder: Path, records: list[dict], version: str, lang: str = "en") -> None:
    """The batch's outputs, in ``lang`` (zh or en)."""
    from .. import files

    found, ctx = findings(records), context(records, version, lang)
    for name in ("findings.xlsx", "findings.csv"):
        module = writer(name.split(".")[1])
        files.write(folder / name, lambda s, m=module: m.write(found, s, ctx),
                    binary=getattr(module, "BINARY", False))
    files.write(folder / "summary.txt", lambda s: s.write(summary(records, lang)))
    files.write(folder / "index.html", lambda s: s.write(index(records, version, lang)))
