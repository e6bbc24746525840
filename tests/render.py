"""Render one plain-text report as Markdown, HTML, DOCX, PDF, OFD, XLSX and XLS, for the parity tests.

The source is a report as crossfoot's text reader takes it: paragraphs one per line, table rows as lines of
tab-separated cells (a run of such lines is one table). Every format gets the same words:

* the first row of a table is its header, and a header cell left empty continues the cell before it (a
  merged header: ``gridSpan`` in DOCX, ``colspan`` in HTML, one box in the PDF grid);
* a body cell of the first column left empty continues the cell above it (``vMerge``, ``rowspan``);
* short lines opening with a Chinese section number (``一、``) are headings.

The PDF is drawn with reportlab and its built-in CJK font (STSong-Light, no font file needed), on pages
small enough that tables cross page breaks (the header row repeats) and numbers wrap at line ends and
inside narrow cells; every page has a running header and a ``第 N 页 共 M 页`` footer. The OFD is the same
pages written as OFD XML (:func:`to_ofd`: characters placed one by one with their advances, ruling lines as
paths, the running header in a page template). DOCX is built with python-docx. Both libraries are test
dependencies only.

Run ``python tests/render.py REPORT.txt OUTDIR`` to look at the files.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

HEADING = re.compile(r"^[一二三四五六七八九十]+、\S{1,16}$")
_TOTAL = re.compile(r"^(?:合计|总计|小计)")
RUNNING_HEADER = "绩效自评报告（公开版）"


def parse(text: str) -> list[tuple[str, object]]:
    """``[("heading"|"paragraph", text) | ("table", rows)]`` of a text report."""
    items: list[tuple[str, object]] = []
    for line in text.splitlines():
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if items and items[-1][0] == "table":
                items[-1][1].append(cells)
            else:
                items.append(("table", [cells]))
        elif line.strip():
            items.append(("heading" if HEADING.match(line.strip()) else "paragraph", line.strip()))
    for kind, rows in items:
        if kind == "table":
            width = max(map(len, rows))
            for row in rows:
                row += [""] * (width - len(row))
    return items


def spans(rows: list[list[str]]) -> tuple[dict, set]:
    """``({(row, col): colspan} for merged header cells, {(row, col)} continuing the cell above})``."""
    across: dict = {}
    header = rows[0]
    col = 0
    while col < len(header):
        end = col + 1
        while end < len(header) and not header[end] and header[col]:
            end += 1
        across[(0, col)] = end - col
        col = end
    down: set = set()
    for r in range(2, len(rows)):
        if not rows[r][0] and (rows[r - 1][0] or (r - 1, 0) in down) and any(rows[r][1:]):
            down.add((r, 0))
    return across, down


def depth(down: set, r: int) -> int:
    """How many rows the first-column cell of row ``r`` covers (1 when nothing below continues it)."""
    n = 1
    while (r + n, 0) in down:
        n += 1
    return n


# -- Markdown and HTML ------------------------------------------------------------------------------------
def markdown(items) -> str:
    out = []
    for kind, body in items:
        if kind == "heading":
            out.append(f"## {body}")
        elif kind == "paragraph":
            out.append(body)
        else:  # a GitHub-style pipe table: the first row its header, then the alignment row
            width = max(len(row) for row in body)
            lines = ["| " + " | ".join([*row, *[""] * (width - len(row))]).replace("|  |", "| |") + " |"
                     for row in body]
            out.append("\n".join([lines[0], "|" + " --- |" * width, *lines[1:]]))
        out.append("")
    return "\n".join(out)


def to_html(items) -> str:
    out = ["<!DOCTYPE html>", '<html lang="zh"><head><meta charset="utf-8"><title>报告</title>',
           "<style>td{border:1px solid #999}</style><script>var x = '1,234.5万元';</script></head><body>"]
    for kind, body in items:
        if kind == "heading":
            out.append(f"<h2>{html.escape(body)}</h2>")
        elif kind == "paragraph":
            out.append(f"<p>{html.escape(body)}</p>")
        else:
            across, down = spans(body)
            out.append("<table>")
            for r, row in enumerate(body):
                cells = []
                for c, text in enumerate(row):
                    if r == 0 and (0, c) not in across or (r, c) in down:
                        continue
                    attrs = ""
                    if across.get((r, c), 1) > 1:
                        attrs += f' colspan="{across[(r, c)]}"'
                    if c == 0 and (r + 1, 0) in down:
                        attrs += f' rowspan="{depth(down, r)}"'
                    tag = "th" if r == 0 else "td"
                    cells.append(f"<{tag}{attrs}>{html.escape(text)}</{tag}>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


# -- DOCX -------------------------------------------------------------------------------------------------
def to_docx(items, path: Path) -> None:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = RUNNING_HEADER
    for kind, body in items:
        if kind == "heading":
            document.add_heading(body, level=2)
        elif kind == "paragraph":
            document.add_paragraph(body)
        else:
            across, down = spans(body)
            table = document.add_table(rows=len(body), cols=len(body[0]))
            for r, row in enumerate(body):
                for c, text in enumerate(row):
                    if (r == 0 and (0, c) not in across) or (r, c) in down:
                        continue
                    cell = table.cell(r, c)
                    cell.text = text
                    if across.get((r, c), 1) > 1:
                        cell.merge(table.cell(r, c + across[(r, c)] - 1))
                    if c == 0 and (r + 1, 0) in down:
                        cell.merge(table.cell(r + depth(down, r) - 1, 0))
                        cell.text = text  # merging joins the cells' paragraphs; keep the one text
    document.save(str(path))


# -- XLSX -------------------------------------------------------------------------------------------------
_NUMBER = re.compile(r"^-?(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*|0)(?:\.(\d+))?(%?)$")


def to_xlsx(items, path: Path) -> None:
    """One sheet a table, named 表1, 表2, …, holding the paragraphs since the table before it (one cell a
    row, as a workbook's title, 编制单位 and 单位 rows are) and then the table; the paragraphs after the
    last table on a sheet of their own. Amounts are stored as numbers with the number format that shows
    them as written (``1234.5`` under ``#,##0.00``; ``0.9776`` under ``0.00%``), merged cells merged."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    pending: list[str] = []

    def sheet(rows: list[list[str]] | None) -> None:
        ws = book.create_sheet(f"表{len(book.worksheets) + 1}")
        for text in pending:
            ws.append([text])
        pending.clear()
        if rows is None:
            return
        top = ws.max_row + 1 if ws.max_row > 1 or ws["A1"].value else 1
        across, down = spans(rows)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r == 0 and (0, c) not in across) or (r, c) in down or not text:
                    continue
                cell = ws.cell(top + r, c + 1)
                m = _NUMBER.match(text)
                if m:
                    value = float(text.replace(",", "").rstrip("%")) / (100 if m.group(2) else 1)
                    cell.value = int(value) if value.is_integer() and not m.group(1) and not m.group(2) else value
                    digits = "0." + "0" * len(m.group(1)) if m.group(1) else "0"
                    cell.number_format = ("#,##" if "," in text else "") + digits + m.group(2)
                else:
                    cell.value = text
                if across.get((r, c), 1) > 1:
                    ws.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + r,
                                   end_column=c + across[(r, c)])
                if c == 0 and (r + 1, 0) in down:
                    ws.merge_cells(start_row=top + r, start_column=1, end_row=top + r + depth(down, r) - 1,
                                   end_column=1)

    for kind, body in items:
        if kind == "table":
            sheet(body)
        else:
            pending.append(body)
    if pending:
        sheet(None)
    book.save(str(path))


def to_xls(items, path: Path) -> None:
    """The workbook :func:`to_xlsx` writes, as a legacy XLS (xlwt, BIFF8): the same sheets, values, number
    formats and merged ranges."""
    import tempfile

    import openpyxl
    import xlwt

    with tempfile.TemporaryDirectory() as folder:
        to_xlsx(items, Path(folder) / "book.xlsx")
        source = openpyxl.load_workbook(Path(folder) / "book.xlsx")
    book = xlwt.Workbook(encoding="utf-8")
    styles: dict[str, object] = {}
    for ws in source.worksheets:
        out = book.add_sheet(ws.title)
        merged = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
        inside = {(r, c) for m in ws.merged_cells.ranges for r in range(m.min_row, m.max_row + 1)
                  for c in range(m.min_col, m.max_col + 1)}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                style = styles.setdefault(cell.number_format, xlwt.easyxf(num_format_str=cell.number_format))
                m = merged.get((cell.row, cell.column))
                if m is not None:
                    out.write_merge(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1, cell.value, style)
                elif (cell.row, cell.column) not in inside:
                    out.write(cell.row - 1, cell.column - 1, cell.value, style)
    book.save(str(path))


# -- PDF --------------------------------------------------------------------------------------------------
FONT, SIZE, LEADING = "STSong-Light", 10.5, 16.0
PAGE = (420.0, 540.0)  # small pages: tables cross page breaks
MARGIN = 42.0


def to_pdf(items, path: Path, page: tuple[float, float] = PAGE, ruled: bool = True,
           repeat: bool = True, merged_totals: bool = False) -> None:
    """Draw ``items`` on pages of size ``page``; tables without their ruling lines if not ``ruled``,
    without their header on the pages they continue onto if not ``repeat``, and with a total row's label
    drawn across the empty cells after it (合计 over the code and name columns) if ``merged_totals``."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    layout = _Layout(page, lambda text: pdfmetrics.stringWidth(text, FONT, SIZE), repeat, merged_totals)
    for kind, body in items:
        if kind == "table":
            layout.table(body)
        else:
            layout.paragraph(body, indent=0.0 if kind == "heading" else 2 * SIZE)
    w_page, h_page = page
    c = canvas.Canvas(str(path), pagesize=page, invariant=1)
    for number, ops in enumerate(layout.pages, start=1):
        c.setFont(FONT, 8)
        c.drawCentredString(w_page / 2, h_page - 24, RUNNING_HEADER)
        c.drawCentredString(w_page / 2, 20, f"第 {number} 页 共 {len(layout.pages)} 页")
        c.setFont(FONT, SIZE)
        c.setLineWidth(0.5)
        for op in ops:
            if op[0] == "text":
                c.drawString(op[1], op[2], op[3])
            elif ruled:
                c.line(*op[1:])
        c.showPage()
    c.save()


def _pages(items, page: tuple[float, float]):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    layout = _Layout(page, lambda text: pdfmetrics.stringWidth(text, FONT, SIZE))
    for kind, body in items:
        if kind == "table":
            layout.table(body)
        else:
            layout.paragraph(body, indent=0.0 if kind == "heading" else 2 * SIZE)
    return layout.pages, lambda ch, size: pdfmetrics.stringWidth(ch, FONT, size)


_OFD = "http://www.ofdspec.org/2016"


def to_ofd(items, path: Path, page: tuple[float, float] = PAGE) -> None:
    """The pages :func:`to_pdf` draws, as an OFD package (GB/T 33190): millimetres from the top left, each
    text line a ``TextObject`` with its characters' advances (``DeltaX``), each ruling line a
    ``PathObject``; the running header in a template page, the page footer on each page."""
    import zipfile

    mm = 25.4 / 72
    pages, width = _pages(items, page)
    w_page, h_page = page
    ids = iter(range(10, 10**9))

    def text(x: float, baseline: float, s: str, size: float) -> str:
        advances = [width(ch, size) * mm for ch in s]
        top = (h_page - baseline) * mm - size * mm
        delta = " ".join(f"{a:.3f}" for a in advances[:-1])
        return (f'<ofd:TextObject ID="{next(ids)}" Boundary="{x * mm:.3f} {top:.3f} {sum(advances) + 1:.3f} '
                f'{size * mm * 1.3:.3f}" Font="1" Size="{size * mm:.3f}"><ofd:TextCode X="0" '
                f'Y="{size * mm:.3f}" DeltaX="{delta}">{html.escape(s)}</ofd:TextCode></ofd:TextObject>')

    def line(x0: float, y0: float, x1: float, y1: float) -> str:
        left, top = min(x0, x1) * mm, (h_page - max(y0, y1)) * mm
        a = f"{x0 * mm - left:.3f} {(h_page - y0) * mm - top:.3f}"
        b = f"{x1 * mm - left:.3f} {(h_page - y1) * mm - top:.3f}"
        return (f'<ofd:PathObject ID="{next(ids)}" Boundary="{left:.3f} {top:.3f} {abs(x1 - x0) * mm + 1:.3f} '
                f'{abs(y1 - y0) * mm + 1:.3f}" LineWidth="0.18"><ofd:AbbreviatedData>M {a} L {b}'
                '</ofd:AbbreviatedData></ofd:PathObject>')

    def content(objects: list[str], template: bool = False) -> str:
        head = "" if template else '<ofd:Template TemplateID="1" ZOrder="Background"/>'
        return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD}">{head}<ofd:Content><ofd:Layer ID="{next(ids)}">{"".join(objects)}'
                '</ofd:Layer></ofd:Content></ofd:Page>')

    header = text(w_page / 2 - width(RUNNING_HEADER, 8) / 2, h_page - 24, RUNNING_HEADER, 8)
    box = f"0 0 {w_page * mm:.3f} {h_page * mm:.3f}"
    listed = "".join(f'<ofd:Page ID="{2 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_OFD}" '
                              'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>crossfoot-test'
                              '</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
                              '</ofd:DocBody></ofd:OFD>')
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_OFD}">'
                                         f'<ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea>'
                                         f'<ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:PageArea>'
                                         '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID="1" '
                                         'BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
                                         f'<ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{_OFD}" '
                                          'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体"/>'
                                          '</ofd:Fonts></ofd:Res>')
        z.writestr("Doc_0/Tpls/Tpl_0/Content.xml", content([header], template=True))
        for n, ops in enumerate(pages):
            footer = f"第 {n + 1} 页 共 {len(pages)} 页"
            objects = [text(w_page / 2 - width(footer, 8) / 2, 20, footer, 8)]
            for op in ops:
                objects.append(text(op[1], op[2], op[3], SIZE) if op[0] == "text" else line(*op[1:]))
            z.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", content(objects))


class _Layout:
    """Pages of drawing operations (``("text", x, y, s)``, ``("line", x0, y0, x1, y1)``), y from the bottom."""

    def __init__(self, page: tuple[float, float], width, repeat: bool = True, merged_totals: bool = False):
        self.w, self.h = page
        self.repeat = repeat
        self.merged_totals = merged_totals
        self.width = width
        self.room = self.w - 2 * MARGIN
        self.pages: list[list] = [[]]
        self.y = self.h - MARGIN

    def wrap(self, text: str, room: float, indent: float = 0.0) -> list[str]:
        lines, current, used = [], "", indent
        for ch in text:
            w = self.width(ch)
            if current and used + w > room:
                lines.append(current)
                current, used = "", 0.0
            current += ch
            used += w
        return [*lines, current] if current else lines or [""]

    def fits(self, height: float) -> bool:
        return self.y - height >= MARGIN + 10

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.h - MARGIN

    def paragraph(self, text: str, indent: float) -> None:
        for i, line in enumerate(self.wrap(text, self.room, indent)):
            if not self.fits(LEADING):
                self.new_page()
            self.pages[-1].append(("text", MARGIN + (indent if i == 0 else 0), self.y - SIZE, line))
            self.y -= LEADING
        self.y -= 4

    def table(self, body: list[list[str]]) -> None:
        across, down = spans(body)
        if self.merged_totals:  # 合计 drawn across the empty cells after it
            for r, cells in enumerate(body[1:], start=1):
                if _TOTAL.match(cells[0]):
                    end = 1
                    while end < len(cells) and not cells[end]:
                        end += 1
                    across[(r, 0)] = end
                    across.update({(r, c): 0 for c in range(1, end)})
        ncols = len(body[0])
        natural = [max(self.width(row[c]) + 8 if not (r == 0 and across.get((0, c), 1) > 1) else 0
                       for r, row in enumerate(body)) for c in range(ncols)]
        natural = [max(n, 3 * SIZE) for n in natural]
        scale = min(1.0, self.room / sum(natural))
        xs = [MARGIN + sum(n * scale for n in natural[:c]) for c in range(ncols + 1)]

        def width_of(r: int, c: int) -> int:
            return across.get((r, c), 1)

        def lines(r: int, c: int) -> list[str]:
            return self.wrap(body[r][c], xs[c + max(width_of(r, c), 1)] - xs[c] - 6)

        def height(r: int) -> float:
            return max(len(lines(r, c)) for c in range(ncols)) * LEADING + 4

        def row(r: int, first_on_page: bool) -> None:
            ops, top, c = self.pages[-1], self.y, 0
            while c < ncols:
                span = width_of(r, c)
                if r == 0 and (0, c) not in across or span == 0:
                    c += 1
                    continue
                x0, x1 = xs[c], xs[c + span]
                if (r, c) not in down or first_on_page:
                    ops.append(("line", x0, top, x1, top))
                ops.append(("line", x0, top, x0, top - height(r)))
                ops.append(("line", x1, top, x1, top - height(r)))
                if (r, c) not in down:
                    for k, text in enumerate(lines(r, c)):
                        ops.append(("text", x0 + 3, top - 2 - (k + 1) * LEADING + 4, text))
                c += span
            self.y -= height(r)

        for r in range(len(body)):
            first = False
            if not self.fits(height(r)):
                self.pages[-1].append(("line", xs[0], self.y, xs[-1], self.y))
                self.new_page()
                if self.repeat:
                    row(0, True)  # the header repeats on the next page
                first = True
            row(r, first)
        self.pages[-1].append(("line", xs[0], self.y, xs[-1], self.y))
        self.y -= 8


def render(source: Path, folder: Path) -> dict[str, Path]:
    """Write ``source`` (a text report) to ``folder`` in every format; the paths by suffix."""
    text = source.read_text(encoding="utf-8")
    items = parse(text)
    folder.mkdir(parents=True, exist_ok=True)
    stem = source.stem
    paths = {fmt: folder / f"{stem}.{fmt}" for fmt in ("txt", "md", "html", "docx", "pdf", "ofd", "xlsx", "xls")}
    paths["txt"].write_text(text, encoding="utf-8")
    paths["md"].write_text(markdown(items), encoding="utf-8")
    paths["html"].write_text(to_html(items), encoding="utf-8")
    to_docx(items, paths["docx"])
    to_pdf(items, paths["pdf"])
    to_ofd(items, paths["ofd"])
    to_xlsx(items, paths["xlsx"])
    to_xls(items, paths["xls"])
    return paths


if __name__ == "__main__":
    for name, path in render(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(name, path)
