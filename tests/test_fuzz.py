"""Fuzz tests: arbitrary text through the reader, figure extraction, table recovery and every check; arbitrary
DOCX bodies, HTML markup and damaged PDFs through their readers (a fuzz target per reader).

Nothing may raise, and what comes back must be true to the input: every figure's text is the text at its
place, every span lies inside the document. The normal suite runs a hundred examples each; ``make fuzz``
runs thousands (the ``fuzz`` Hypothesis profile)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crossfoot import engine
from crossfoot.figures.extract import extract
from crossfoot.ingest.text import decode, parse
from crossfoot.tables import recover

# the characters reports are made of, weighted towards what the extraction and the checks react to
PIECES = list("0123456789,.%％万元亿千百十一二三四五六七八九零两个项人家分合计其中总共为占比增长下降减少较上年"
              "（）()：；。，、 -—…·第表年月日是\t") + ["\n", "\n\n", "其中：", "合计", "增长", "占", "得分", "分值",
                                                    "序号\t项目\t金额\n", "1.", "（一）", "二是", "得满分", "优秀"]
report_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=120).map("".join)


@settings(deadline=None)
@given(report_text)
def test_reader_and_extraction_stay_true_to_the_text(text):
    doc = parse(text, "fuzz.txt")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, block in enumerate(doc.blocks):
        for figure in extract(block, i):
            assert figure.text == block.text[figure.start:figure.end].strip()
            assert figure.value.is_finite()
            span = figure.span
            assert 1 <= span.line <= len(lines) and 1 <= span.column <= len(lines[span.line - 1])
            assert lines[span.line - 1][span.column - 1] == block.text[figure.start]


@settings(deadline=None)
@given(report_text)
def test_every_check_runs_on_anything(text):
    doc = parse(text, "fuzz.txt")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for f in engine.run(doc, engine.load()):
        for span in (f.span, *f.related):
            assert 1 <= span.line <= span.end_line <= len(lines)
        assert f.message


cells = st.sampled_from(["", "合计", "小计", "1", "2.5", "100.00", "-3", "12%", "项目", "其中", "一、", "（1）", "序号"])


@settings(deadline=None)
@given(st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=12))
def test_table_recovery_keeps_rows_as_wide_as_their_header(rows):
    doc = parse("\n".join("\t".join(row) for row in rows), "fuzz.txt")
    for table in recover(doc):
        assert all(len(row) == len(table.header) for row in table.rows)


@settings(deadline=None)
@given(st.binary(max_size=200))
def test_decoding_any_bytes_gives_text(data):
    text, encoding, bad = decode(data)
    assert isinstance(text, str) and encoding
    assert bad is None or 0 <= bad < len(data)


# ---- a fuzz target per reader: whatever the file holds, a Document or a ReadError, nothing else ----------

def _read(tmp_path_factory, suffix: str, data: bytes):
    from crossfoot import ingest

    path = tmp_path_factory.mktemp("fuzz") / f"r{suffix}"
    path.write_bytes(data)
    try:
        return ingest.read(path)
    except ingest.ReadError:
        return None


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_VALUES = st.sampled_from(["0", "1", "2", "9", "100", "-1", "abc", "", "2000000000", "1e9", "continue", "restart"])
_RUN = st.builds(lambda t: f"<w:r><w:t>{t}</w:t></w:r>", st.sampled_from(PIECES[:60]))
_ELEMENT = st.recursive(
    _RUN,
    lambda inner: st.one_of(
        st.builds(lambda xs: "<w:p>" + "".join(xs) + "</w:p>", st.lists(inner, max_size=4)),
        st.builds(lambda v, xs: f'<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="{v}"/></w:tcPr>'
                  + "".join(xs) + "</w:tc></w:tr></w:tbl>", _VALUES, st.lists(inner, max_size=3)),
        st.builds(lambda v, xs: f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{v}"/><w:numId w:val="{v}"/></w:numPr>'
                  "</w:pPr>" + "".join(xs) + "</w:p>", _VALUES, st.lists(inner, max_size=3)),
        st.builds(lambda xs: "<w:sdt><w:sdtContent>" + "".join(xs) + "</w:sdtContent></w:sdt>",
                  st.lists(inner, max_size=3)),
    ),
    max_leaves=20,
)


@settings(deadline=None)
@given(st.lists(_ELEMENT, max_size=8), _VALUES, st.booleans())
def test_docx_reader_on_any_body(tmp_path_factory, body, start, truncate):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", f"<w:document {_W}><w:body>{''.join(body)}</w:body></w:document>")
        z.writestr("word/_rels/document.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/numbering" Target="numbering.xml"/></Relationships>')
        z.writestr("word/numbering.xml", f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl '
                   f'w:ilvl="{start}"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText '
                   'w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                   "</w:num></w:numbering>")
    data = buffer.getvalue()
    doc = _read(tmp_path_factory, ".docx", data[: len(data) // 2] if truncate else data)
    if doc is not None:
        engine.run(doc, engine.load())


_HTML = st.lists(st.sampled_from(["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td colspan="3">',
                                  '<td rowspan="99999">', '<td colspan="abc">', "<p>", "</p>", "<br>", "<script>",
                                  "</script>", "<!--", "-->", "&nbsp;", "&#x202e;", "<h1>", "</h1>"])
                 | st.sampled_from(PIECES), max_size=80).map("".join)


@settings(deadline=None)
@given(_HTML)
def test_html_reader_on_any_markup(tmp_path_factory, markup):
    doc = _read(tmp_path_factory, ".html", f"<html><body>{markup}</body></html>".encode())
    if doc is not None:
        engine.run(doc, engine.load())


def _pdf() -> bytes:
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pageCompression=0)
    page.setFont("STSong-Light", 12)
    page.drawString(72, 700, "支出合计820.50万元，其中：人员经费600.20万元，公用经费230.30万元。")
    page.rect(72, 600, 200, 40)
    page.save()
    return buffer.getvalue()


PDF = _pdf()


@settings(deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(PDF) - 1), st.integers(0, 255)), max_size=12),
       st.integers(len(PDF) // 3, len(PDF)))
def test_pdf_reader_on_damaged_files(tmp_path_factory, flips, keep):
    data = bytearray(PDF[:keep])
    for at, byte in flips:
        if at < len(data):
            data[at] = byte
    doc = _read(tmp_path_factory, ".pdf", bytes(data))
    if doc is not None:
        engine.run(doc, engine.load())
