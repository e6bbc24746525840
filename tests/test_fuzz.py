"""Fuzz tests: arbitrary text through the reader, figure extraction, table recovery and every check.

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
