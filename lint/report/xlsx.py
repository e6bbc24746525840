"""XLSX for triage in a spreadsheet: a ``files`` sheet (one row per file checked, worst first, with counts
by severity) and a ``findings`` sheet (one row per finding), each with a bold, frozen header row and a
filter on it.

Written with the standard library (``zipfile``): a workbook needs a few small XML parts, and that does
not justify a dependency in the core. Cells are inline strings (never formulas, and text that would read as
one neutralised: :func:`crossfoot.report.spreadsheet_cell`) or numbers; the bytes are the same for
the same findings (fixed timestamps), so a spreadsheet under version control only changes when they do.
"""

from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

from ..regex import lazy
from . import headed, per_file, rows, spreadsheet_cell

BINARY = True
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_ILLEGAL = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
)


def _column(n: int) -> str:
    """Spreadsheet column letters for the 0-based column ``n``: A, B, ..., Z, AA, ..."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = escape(_ILLEGAL.sub("", str(spreadsheet_cell(value))))
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def sheet(header: list[str], body: list[list], widths: dict[str, int]) -> str:
    out = [f'<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">',
           '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
           "</sheetView></sheetViews><cols>"]
    for i, name in enumerate(header):
        out.append(f'<col min="{i + 1}" max="{i + 1}" width="{widths.get(name, 12)}" customWidth="1"/>')
    out.append("</cols><sheetData>")
    for r, row in enumerate([header, *body], start=1):
        cells = "".join(_cell(f"{_column(c)}{r}", v, 1 if r == 1 else 0) for c, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    out.append(f'</sheetData><autoFilter ref="A1:{_column(len(header) - 1)}{len(body) + 1}"/></worksheet>')
    return "".join(out)


def write(findings, stream, context) -> None:
    sheets = [("files", *per_file(findings, context), {"path": 60, "status": 40}),
              ("findings", *rows(findings, context.lang), {"path": 40, "place": 24, "message": 80, "name": 24,
                                             "figures": 30, "snippet": 40, "computed": 24})]
    titles = {"files": "文件", "findings": "问题"} if context.lang == "zh" else {}
    names = "".join(f'<sheet name="{titles.get(name, name)}" sheetId="{i}" r:id="rId{i}"/>'
                    for i, (name, *_) in enumerate(sheets, start=1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                        f'ContentType="{_CT}.worksheet+xml"/>' for i in range(1, len(sheets) + 1))
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>{overrides}</Types>'),
        "_rels/.rels": (f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
                        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{names}</sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (f'<Relationships xmlns="{_PKG}">{rels}<Relationship Id="rIdS" '
                                       f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": _STYLES,
    }
    for i, (_, header, body, widths) in enumerate(sheets, start=1):
        zh = dict(zip(header, headed(header, context.lang)))
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet(headed(header, context.lang), body,
                                                      {zh.get(k, k): v for k, v in widths.items()})
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            book.writestr(info, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
