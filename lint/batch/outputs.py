"""What a batch leaves in its output folder, built from the result records alone (so a resumed run and an
uninterrupted one write the same files): ``findings.xlsx`` and ``findings.csv`` (triage: a ``files`` sheet
worst first, a ``findings`` sheet), ``summary.txt`` (the table printed at the end), ``index.html`` (every
file with its counts, linking the per-document reports in ``html/``). Each is written atomically."""

from __future__ import annotations

from collections import Counter
from html import escape
from pathlib import Path

from ..model import Finding, Severity
from ..report import Context, writer

SHOWN = 50  # files in the printed summary; the spreadsheet has them all
_NOT = {"error": "not checked", "skipped": "skipped"}


def findings(records: list[dict]) -> list:
    return [Finding.from_dict(d) for r in records for d in r["findings"]]


def context(records: list[dict], version: str) -> Context:
    return Context(version=version, files=[r["path"] for r in records if r["status"] == "ok"],
                   errors=[(r["path"], r["error"]) for r in records if r["status"] == "error"],
                   skipped=[(r["path"], r["error"]) for r in records if r["status"] == "skipped"])


def rows(records: list[dict]) -> list[list]:
    """Per file with findings or an error, worst first: path, errors, warnings, infos, top codes."""
    out = []
    for r in records:
        if r["status"] != "ok":
            out.append([r["path"], "", "", "", f"{_NOT[r['status']]}: {r['error']}"])
            continue
        if not r["findings"]:
            continue
        levels = Counter(f["severity"] for f in r["findings"])
        codes = Counter(f["code"] for f in r["findings"]).most_common(3)
        out.append([r["path"], levels["error"], levels["warning"], levels["info"],
                    ", ".join(f"{c}×{n}" if n > 1 else c for c, n in codes)])
    out.sort(key=lambda row: (row[1] == "", -(row[1] or 0), -(row[2] or 0), -(row[3] or 0), row[0]))
    return out


def summary(records: list[dict]) -> str:
    from tabulate import tabulate

    table = rows(records)
    found = sum(len(r["findings"]) for r in records)
    failed = sum(r["status"] == "error" for r in records)
    passed = sum(r["status"] == "skipped" for r in records)
    text = tabulate(table[:SHOWN], headers=("file", "errors", "warnings", "infos", "top codes"),
                    tablefmt="simple") if table else ""
    if len(table) > SHOWN:
        text += f"\n… and {len(table) - SHOWN} more files (see findings.xlsx)"
    tail = (f"{len(records)} files: {found} finding{'s' if found != 1 else ''} in "
            f"{sum(1 for r in records if r['findings'])} files, {failed} not checked"
            f"{f', {passed} skipped (formats not read)' if passed else ''}.")
    return (text + "\n" if text else "") + tail + "\n"


def index(records: list[dict], version: str) -> str:
    body = []
    for r in sorted(records, key=lambda r: (r["status"] == "ok", -_weight(r), r["path"])):
        levels = Counter(f["severity"] for f in r["findings"])
        name = escape(r["path"])
        link = f'<a href="html/{escape(r["html"])}">{name}</a>' if r.get("html") else name
        cells = ([levels["error"], levels["warning"], levels["info"]] if r["status"] == "ok"
                 else ["", "", f"{_NOT[r['status']]}: {escape(r['error'])}"])
        body.append(f"<tr><td>{link}</td>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    totals = Counter(f["severity"] for r in records for f in r["findings"])
    unread = sum(r["status"] == "error" for r in records)
    skipped = sum(r["status"] == "skipped" for r in records)
    return ('<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta http-equiv="Content-Security-Policy" '
            'content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
            "<title>crossfoot batch</title><style>body{font:14px system-ui,sans-serif;margin:16px}"
            "td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}th{cursor:pointer}"
            "#search{margin:8px 0;width:24em}</style></head><body>"
            f"<h1>crossfoot {escape(version)}: {len(records)} files</h1>"
            f"<p>{totals['error']} errors, {totals['warning']} warnings, {totals['info']} infos; "
            f"{unread} not checked, {skipped} skipped</p>"
            '<input id="search" type="search" placeholder="filter files, e.g. 财政局 or not checked">'
            '<table id="files"><thead><tr><th>file</th><th>errors</th><th>warnings</th><th>infos</th></tr>'
            "</thead>"
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


def _weight(r: dict) -> int:
    return sum(4 ** Severity.parse(f["severity"]) for f in r["findings"])


def write(folder: Path, records: list[dict], version: str) -> None:
    from .. import files

    found, ctx = findings(records), context(records, version)
    for name in ("findings.xlsx", "findings.csv"):
        module = writer(name.split(".")[1])
        files.write(folder / name, lambda s, m=module: m.write(found, s, ctx),
                    binary=getattr(module, "BINARY", False))
    files.write(folder / "summary.txt", lambda s: s.write(summary(records)))
    files.write(folder / "index.html", lambda s: s.write(index(records, version)))
