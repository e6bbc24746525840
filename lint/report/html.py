"""A self-contained HTML report: one file per run, no network, no external assets.

For each file with findings: the text crossfoot read, line by line (with the place in the original in
the gutter for DOCX, PDF and HTML), every figure a check used marked (green when its relation held, in
the finding's colour when not), and beside it the findings grouped by severity. Each finding shows its
computation: the stated value, ✗, what was computed, the tolerance and the rounding that applied, the
figures used and any suggested correction. Clicking a finding highlights its figures in the text and
scrolls to them; clicking a marked figure selects its finding. Severity and code filters hide findings.
For a PDF, the pages holding a finding's figures follow, drawn here with pypdfium2 (embedded as images,
nothing fetched): the stated figure boxed in its finding's colour, the figures it was checked against
boxed in dashes, even on other pages; the boxes select and are selected like the marks in the text.

The document text is untrusted: every piece of it is escaped, and a Content-Security-Policy forbids any
load from outside the file.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..lang import title as shown_name
from ..lang import value_zh
from ..model import Severity
from . import headed, per_file, printable
from .text import summary

RELATIONS = True  # the CLI collects every relation judged, so the report can mark the figures checked
_ORDER = [str(s) for s in sorted(Severity, reverse=True)]

_STYLE = """
body{font:14px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328}
header{position:sticky;top:0;background:#f6f8fa;border-bottom:1px solid #d0d7de;padding:8px 16px;z-index:2}
h1{font-size:18px;margin:0 8px 0 0;display:inline}h2{font-size:16px;margin:16px 0 8px}
#filters label{margin-right:10px;white-space:nowrap}#filters{margin-top:4px}
nav,section{padding:0 16px}table.files{border-collapse:collapse}table.files td,table.files th{padding:2px 8px;
border-bottom:1px solid #eee;text-align:left}.panes{display:flex;gap:16px;align-items:flex-start}
.text{flex:3;min-width:0;max-height:80vh;overflow:auto;border:1px solid #d0d7de}
aside{flex:2;max-height:80vh;overflow:auto}
table.src{border-collapse:collapse;width:100%}table.src td{vertical-align:top;padding:0 6px}
td.ln,td.where{color:#8c959f;text-align:right;user-select:none;white-space:nowrap;font-size:12px}
td.line{white-space:pre-wrap;word-break:break-all}.tab{color:#afb8c1}
.fig{border-bottom:2px solid #8c959f}.fig.ok{border-color:#2da44e}
.fig.error{background:#ffebe9;border-color:#cf222e}.fig.warning{background:#fff8c5;border-color:#bf8700}
.fig.info{background:#ddf4ff;border-color:#0969da}.fig.bad{cursor:pointer}
.hl{outline:2px solid #8250df;background:#fbefff!important}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{border:1px solid #d0d7de;border-left:4px solid #8c959f;border-radius:4px;padding:6px 8px;
margin:6px 0;cursor:pointer}li.finding.error{border-left-color:#cf222e}
li.finding.warning{border-left-color:#bf8700}
li.finding.info{border-left-color:#0969da}li.finding.selected{background:#fbefff}
.code{font-weight:600}.place{color:#57606a;font-size:12px}.calc{font-family:ui-monospace,monospace;font-size:12px}
.bad-mark{color:#cf222e;font-weight:700}.figs{margin:2px 0 0;padding-left:18px;font-size:12px}
.fix{color:#1a7f37;margin:2px 0 0}.hidden{display:none}
.pages{display:flex;flex-wrap:wrap;gap:16px}.pages h3,.pages p{flex-basis:100%;margin:8px 0 0}
figure.page{margin:0}figcaption{color:#57606a;font-size:12px}
.sheet{position:relative;display:inline-block;border:1px solid #d0d7de}
.sheet img{display:block;max-width:100%}
.box{position:absolute;border:2px solid #8c959f;background:transparent!important}
.box.error{border-color:#cf222e}.box.warning{border-color:#bf8700}.box.info{border-color:#0969da}
.box.against{border-style:dashed}.box.hl{outline:3px solid #8250df}
.bar{display:inline-block;height:8px;margin-left:4px;vertical-align:middle}.bar.error{background:#cf222e}
.bar.warning{background:#bf8700}.bar.info{background:#0969da}.worst a{margin-right:8px}
"""

_SCRIPT = """
(function(){
  function select(item){
    document.querySelectorAll('.hl').forEach(function(e){e.classList.remove('hl');});
    document.querySelectorAll('li.finding.selected').forEach(function(e){e.classList.remove('selected');});
    var id=item.dataset.finding; item.classList.add('selected');
    var marks=document.querySelectorAll('.'+id);
    marks.forEach(function(e){e.classList.add('hl');});
    var first=document.querySelector('.p'+id)||marks[0];
    if(first){first.scrollIntoView({block:'center'});}
  }
  document.querySelectorAll('li.finding').forEach(function(item){
    item.addEventListener('click',function(){select(item);});
    item.addEventListener('keydown',function(e){if(e.key==='Enter'){select(item);}});
  });
  document.querySelectorAll('.fig.bad').forEach(function(mark){
    mark.addEventListener('click',function(){
      var id=mark.dataset.findings.split(' ')[0], item=document.querySelector('[data-finding="'+id+'"]');
      if(item){select(item);item.scrollIntoView({block:'nearest'});}
    });
  });
  function filter(){
    var sev={},code={};
    document.querySelectorAll('input[data-sev]').forEach(function(b){sev[b.dataset.sev]=b.checked;});
    document.querySelectorAll('input[data-code]').forEach(function(b){code[b.dataset.code]=b.checked;});
    document.querySelectorAll('li.finding').forEach(function(item){
      item.classList.toggle('hidden',!(sev[item.dataset.sev]&&code[item.dataset.code]));
    });
  }
  document.querySelectorAll('#filters input').forEach(function(b){b.addEventListener('change',filter);});
})();
"""


def _marks(doc, findings, relations, first: int):
    """Per line: ``(start, end, classes, finding ids, primary ids)`` stretches (0-based columns)."""
    out: dict[int, list] = defaultdict(list)

    def add(span, classes: str, ids: str = "", primary: str = "") -> None:
        for line in range(span.line, span.end_line + 1):
            text = doc.source_line(line)
            start = span.column - 1 if line == span.line else 0
            end = span.end_column - 1 if line == span.end_line else len(text)
            if end > start:
                out[line].append((start, end, classes, ids, primary))

    for relation in relations:
        for figure in (relation.stated, *relation.related):
            add(figure.span, "ok" if relation.holds else "")
    for i, f in enumerate(findings, start=first):
        ident = f"f{i}"
        add(f.span, f"bad {f.severity}", ident, ident)
        for span in f.related:
            add(span, f"bad {f.severity}", ident)
    return out


def _line(text: str, stretches: list) -> str:
    """The escaped line with its marked stretches wrapped; overlapping marks are merged per character."""
    if not stretches:
        return _escape(text)
    cuts = sorted({0, len(text), *(a for a, *_ in stretches), *(min(b, len(text)) for _, b, *_ in stretches)})
    html = []
    for a, b in zip(cuts, cuts[1:]):
        over = [s for s in stretches if s[0] <= a < s[1]]
        piece = _escape(text[a:b])
        if not over:
            html.append(piece)
            continue
        classes, ids, primary = {"fig"}, [], []
        for _, _, c, i, p in over:
            classes.update(c.split())
            ids += [i] if i and i not in ids else []
            primary += [p] if p and p not in primary else []
        if "bad" in classes:
            classes.discard("ok")
            worst = next(s for s in _ORDER if s in classes)
            classes -= set(_ORDER) - {worst}
        classes.update(ids)
        classes.update(f"p{p}" for p in primary)
        data = f' data-findings="{" ".join(ids)}"' if ids else ""
        html.append(f'<span class="{" ".join(sorted(classes))}"{data}>{piece}</span>')
    return "".join(html)


def _escape(text: str) -> str:
    return escape(text).replace("\t", '<span class="tab"> │ </span>')


_WORDS = {"en": {"stated": "stated", "computed": "computed", "tolerance": "tolerance", "said": " (stated)",
                 "fix": "suggestion", "title": "crossfoot report", "place": "line {line}, column {column}",
                 "error": "error", "warning": "warning", "info": "info"},
          "zh": {"stated": "所述", "computed": "计算值", "tolerance": "容差", "said": "（所述）",
                 "fix": "建议", "title": "crossfoot 核查报告", "place": "第{line}行第{column}列",
                 "error": "错误", "warning": "警告", "info": "提示"}}


def _finding(f, ident: str, lang: str = "en") -> str:
    words = _WORDS["zh" if lang == "zh" else "en"]
    place = f.span.where or words["place"].format(line=f.span.line, column=f.span.column)
    place = value_zh(place) if lang == "zh" else place
    calc = []
    if f.stated:
        calc.append(f"{words['stated']} <b>{escape(f.stated)}</b> <span class=\"bad-mark\">✗</span>")
    if f.computed:
        computed = value_zh(f.computed) if lang == "zh" else f.computed
        calc.append(f"{words['computed']} <b>{escape(computed)}</b>")
    if f.tolerance:
        calc.append(f"{words['tolerance']} {escape(value_zh(f.tolerance) if lang == 'zh' else f.tolerance)}")
    figures = "".join(f"<li>{escape(text)}{words['said'] if k == 0 else ''}</li>"
                      for k, text in enumerate(f.figures))
    name = shown_name(f.code, f.name, lang)
    return (f'<li class="finding {f.severity}" tabindex="0" data-finding="{ident}" data-sev="{f.severity}" '
            f'data-code="{escape(f.code)}"><span class="code">{escape(f.code)}</span> {escape(name)} '
            f'<span class="place">{escape(place)}</span><div class="msg">{escape(f.message)}</div>'
            + (f'<div class="calc">{" · ".join(calc)}</div>' if calc else "")
            + (f'<ul class="figs">{figures}</ul>' if figures else "")
            + (f'<p class="fix">{words["fix"]}: {escape(f.suggestion)}</p>' if f.suggestion else "")
            + "</li>")


_SCALE = 1.5  # pixels a point: 108 dpi, small print still legible
_MOST_PAGES = 40  # pages drawn per document: the worst first


def _boxes(findings, first: int) -> dict[int, list]:
    """Per page: ``(box, classes, finding id, primary)`` of each placed figure a finding names."""
    out: dict[int, list] = defaultdict(list)
    for i, f in enumerate(findings, start=first):
        for k, span in enumerate((f.span, *f.related)):
            if span.page and span.box:
                out[span.page].append((span.box, f"bad {f.severity} {'stated' if k == 0 else 'against'}",
                                       f"f{i}", k == 0))
    return out


def _pages(n: int, path: str, findings, first: int, lang: str) -> str:
    """The PDF's pages that hold a finding's figures, drawn (pypdfium2, here, no network) with each stated
    figure boxed in its finding's colour and the figures it was checked against boxed in dashes; the pages
    with most findings first. '' when the file cannot be drawn."""
    boxes = _boxes(findings, first)
    if not boxes or not path.lower().endswith(".pdf"):
        return ""
    try:
        import base64
        import io

        import pypdfium2

        from ..ingest.pdfium import shown_turn
    except ImportError:  # pragma: no cover - pdfplumber brings pypdfium2
        return ""
    worst = sorted(boxes, key=lambda p: (-sum(primary for *_, primary in boxes[p]), p))[:_MOST_PAGES]
    figures = []
    try:
        pdf = pypdfium2.PdfDocument(path)
    except Exception:  # noqa: BLE001 - the file moved or cannot be drawn: the text view stands alone
        return ""
    try:
        for number in worst:
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            width, height = page.get_size()
            turn = (shown_turn(page) - page.get_rotation()) % 360  # text running sideways: read turned
            if turn in (90, 270):
                width, height = height, width
            image = page.render(scale=_SCALE, rotation=turn).to_pil().convert("L")
            page.close()
            buffer = io.BytesIO()
            image.save(buffer, "PNG")
            data = base64.b64encode(buffer.getvalue()).decode("ascii")
            marks = "".join(
                f'<span class="box fig {classes} {ident}{" p" + ident if primary else ""}" '
                f'data-findings="{ident}" style="left:{100 * x0 / width:.2f}%;top:{100 * top / height:.2f}%;'
                f'width:{100 * (x1 - x0) / width:.2f}%;height:{100 * (bottom - top) / height:.2f}%"></span>'
                for (x0, top, x1, bottom), classes, ident, primary in boxes[number])
            title = f"第 {number} 页" if lang == "zh" else f"page {number}"
            figures.append(f'<figure class="page" id="d{n}-p{number}"><figcaption>{title}</figcaption>'
                           f'<div class="sheet"><img alt="{title}" src="data:image/png;base64,{data}">'
                           f"{marks}</div></figure>")
    except Exception:  # noqa: BLE001 - a page that cannot be drawn leaves the text view
        return ""
    finally:
        pdf.close()
    heading = "页面" if lang == "zh" else "Pages"
    links = " ".join(f'<a href="#d{n}-p{p}">{"第 " + str(p) + " 页" if lang == "zh" else "page " + str(p)} '
                     f'({sum(primary for *_, primary in boxes[p])})</a>' for p in worst[:8])
    most = "问题最多的页面" if lang == "zh" else "Pages with most findings"
    worst_line = f'<p class="worst">{most}: {links}</p>'
    return f'<div class="pages"><h3>{heading}</h3>{worst_line}{"".join(figures)}</div>'


def _document(n: int, path: str, doc, findings, relations, first: int, lang: str = "en") -> str:
    marks = _marks(doc, findings, relations, first)
    rows, last_where = [], None
    for number, text in enumerate(doc.lines, start=1):
        where = ""
        if doc.places and doc.places[number - 1]:
            where = doc.places[number - 1][0].where
            where, last_where = ("" if where == last_where else where), where
        shown = value_zh(where) if lang == "zh" and where else where
        rows.append(f'<tr id="d{n}-l{number}"><td class="ln">{number}</td>'
                    + (f'<td class="where">{escape(shown)}</td>' if doc.places else "")
                    + f'<td class="line">{_line(text, marks.get(number, []))}</td></tr>')
    groups = []
    for severity in _ORDER:
        mine = [(i, f) for i, f in enumerate(findings, start=first) if str(f.severity) == severity]
        if mine:
            items = "".join(_finding(f, f"f{i}", lang) for i, f in mine)
            shown = _WORDS["zh" if lang == "zh" else "en"][severity]
            groups.append(f"<h3>{shown} ({len(mine)})</h3><ol class=\"findings\">{items}</ol>")
    return (f'<section class="doc" id="doc-{n}"><h2>{escape(printable(path))}</h2><div class="panes">'
            f'<div class="text"><table class="src">{"".join(rows)}</table></div>'
            f'<aside>{"".join(groups)}</aside></div>{_pages(n, path, findings, first, lang)}</section>')


def write(findings, stream, context) -> None:
    by_file: dict[str, list] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    codes = sorted({f.code for f in findings})
    header, table = per_file(findings, context)
    anchors = {path: n for n, path in enumerate(p for p in by_file if p in context.documents)}
    linked = {printable(path): n for path, n in anchors.items()}  # (the table shows names printable)
    files = "".join(
        "<tr>" + "".join(
            f'<td><a href="#doc-{linked[v]}">{escape(str(v))}</a></td>' if k == 0 and v in linked
            else f"<td>{escape(str(v))}</td>" for k, v in enumerate(row)) + "</tr>"
        for row in table)
    by_sev = {s: sum(str(f.severity) == s for f in findings) for s in _ORDER}
    by_code = {c: sum(f.code == c for f in findings) for c in codes}
    most = max([1, *by_sev.values()])
    words = _WORDS["zh" if context.lang == "zh" else "en"]
    filters = "".join(f'<label><input type="checkbox" data-sev="{s}" checked> {words[s]} {by_sev[s]}'
                      f'<span class="bar {s}" style="width:{48 * by_sev[s] // most}px"></span></label>'
                      for s in _ORDER)
    named = {f.code: shown_name(f.code, f.name, context.lang) for f in findings}  # (a code and its name:
    filters += " · " + "".join(  # a bare code tells a reader nothing)
        f'<label title="{escape(named.get(c, c))}"><input type="checkbox" data-code="{escape(c)}" checked> '
        f'{escape(c)} {escape(named.get(c, ""))} ×{by_code[c]}</label>'
        for c in codes)
    sections, first = [], 0
    for path, n in anchors.items():
        sections.append(_document(n, path, context.documents[path], by_file[path],
                                  context.relations.get(path, ()), first, context.lang))
        first += len(by_file[path])
    stream.write(
        f'<!doctype html>\n<html lang="{"zh-CN" if context.lang == "zh" else "en"}">'
        '<head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{words['title']}</title><style>{_STYLE}</style></head><body>"
        f'<header><h1>crossfoot {escape(context.version)}</h1><span class="summary">'
        f"{escape(summary(findings, context))}</span>"
        f'<div id="filters">{filters}</div></header>'
        f'<nav><h2>{"文件" if context.lang == "zh" else "Files"}</h2><table class="files"><tr>'
        f'{"".join(f"<th>{h}</th>" for h in headed(header, context.lang))}</tr>{files}'
        f"</table></nav>{''.join(sections)}<script>{_SCRIPT}</script></body></html>\n")
