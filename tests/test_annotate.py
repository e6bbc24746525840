"""--annotate DIR: a copy of each DOCX checked with a Word comment on each finding's figure."""

import re
import zipfile
from pathlib import Path

import docx
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from crossfoot.cli import main

SENTENCE = "支出合计{total}万元，其中基本支出1,000.00万元，项目支出200.00万元。"


def invoke(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write_report(path: Path, total: str = "1,250.00", pieces: list[str] | None = None,
                 table_total: str = "1,210.00") -> None:
    """A report with a wrong total in a paragraph (its text cut into ``pieces`` runs when given) and in a
    table cell."""
    d = docx.Document()
    d.add_paragraph("一、总体情况")
    text = SENTENCE.format(total=total)
    p = d.add_paragraph()
    for piece in pieces or [text]:
        p.add_run(piece)
    d.add_paragraph("表1 支出表（单位：万元）")
    t = d.add_table(rows=4, cols=2)
    for r, (a, b) in enumerate([("项目", "金额"), ("合计", table_total), ("基本支出", "1,000.00"),
                                ("项目支出", "200.00")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    d.save(path)


def anchored(path: Path) -> list[tuple[str, str]]:
    """Each comment's anchored text and its own text, in order."""
    body = zipfile.ZipFile(path).read("word/document.xml").decode()
    texts = {c.comment_id: c.text for c in docx.Document(path).comments}
    out = []
    for m in re.finditer(r'<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="\1"/>', body):
        out.append(("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m.group(2))), texts[int(m.group(1))]))
    return out


def test_each_finding_gets_a_comment_on_its_figure_and_the_original_is_untouched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_report(Path("r.docx"))
    before = Path("r.docx").read_bytes()
    status, out, err = invoke("check", "--annotate", "marked", "--lang", "en", "r.docx")
    assert status == 1 and Path("r.docx").read_bytes() == before
    assert "marked/r.docx: 2 comment(s)" in err
    got = anchored(Path("marked/r.docx"))
    assert [a for a, _ in got] == ["1,250.00万元", "1,210.00"]
    assert got[0][1].startswith("SUM001 warning: ") and "1,200.00" in got[0][1]
    assert got[1][1].startswith("TAB001 error: ")
    # the copy reads as the original: the same findings, at the same places
    assert invoke("check", "marked/r.docx")[1].replace("marked/", "") == out


def test_comments_are_in_the_language_asked_for(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_report(Path("r.docx"))
    invoke("check", "--annotate", "marked", "--lang", "zh", "r.docx")
    texts = [t for _, t in anchored(Path("marked/r.docx"))]
    assert texts[0].startswith("SUM001 警告：") and "应为 1,200.00万元" in texts[0]
    assert texts[1].startswith("TAB001 错误：")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=len(SENTENCE) + 4), max_size=6))
def test_a_figure_cut_over_runs_is_anchored_exactly(tmp_path_factory, cuts):
    folder = tmp_path_factory.mktemp("runs")
    text = SENTENCE.format(total="1,250.00")
    bounds = sorted({c for c in cuts if c < len(text)} | {0, len(text)})
    write_report(folder / "r.docx", pieces=[text[a:b] for a, b in zip(bounds, bounds[1:])])
    invoke("check", "--annotate", str(folder / "out"), str(folder / "r.docx"))
    copy = docx.Document(folder / "out" / "r.docx")
    assert copy.paragraphs[1].text == text  # the words are never changed, only marked
    assert [a for a, _ in anchored(folder / "out" / "r.docx")][0] == "1,250.00万元"


def test_a_clean_report_gets_no_copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_report(Path("r.docx"), total="1,200.00", table_total="1,200.00")
    status, _, err = invoke("check", "--annotate", "marked", "r.docx")
    assert status == 0 and not Path("marked").exists()
    assert "no DOCX report had findings; no copy written" in err


def test_a_copy_never_replaces_a_report_and_names_never_collide(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder in ("a", "b"):
        Path(folder).mkdir()
        write_report(Path(folder) / "r.docx")
    before = Path("a/r.docx").read_bytes()
    status, _, err = invoke("check", "--annotate", "a", "a/r.docx")
    assert status == 2 and "would replace a report being checked" in err
    assert Path("a/r.docx").read_bytes() == before
    status, _, err = invoke("check", "--annotate", "marked", "a/r.docx", "b/r.docx")
    assert sorted(p.name for p in Path("marked").iterdir()) == ["r-2.docx", "r.docx"]


def test_a_copy_is_never_written_through_a_link_in_the_folder(tmp_path, monkeypatch):
    """A link already in the folder under the copy's name would carry the copy onto a file nobody named:
    refused, the file it points to untouched."""
    monkeypatch.chdir(tmp_path)
    write_report(Path("r.docx"))
    Path("precious.txt").write_text("the user's", encoding="utf-8")
    Path("marked").mkdir()
    (Path("marked") / "r.docx").symlink_to("../precious.txt")
    status, _, err = invoke("check", "--annotate", "marked", "r.docx")
    assert status == 2 and "is a symbolic link or not a regular file" in err
    assert Path("precious.txt").read_text(encoding="utf-8") == "the user's"
