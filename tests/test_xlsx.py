"""The XLSX reader: cells as Excel shows them, sheets as tables, refusals that say why."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crossfoot import engine, ingest
from crossfoot.ingest.text import ReadError
from crossfoot.ingest.xlsx import shown
from crossfoot.model import Severity

openpyxl = pytest.importorskip("openpyxl")


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=4, allow_nan=False),
       st.integers(0, 4), st.booleans(), st.booleans())
def test_a_number_reads_as_its_format_shows_it(value, decimals, grouped, percent):
    """Its decimals, thousands separator and percent sign as the format says, its value within half a unit
    of the last place shown (half up, as Excel rounds)."""
    fmt = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "") + ("%" if percent else "")
    text = shown(float(value), fmt)
    assert text.endswith("%") == percent
    digits = text.rstrip("%").lstrip("-")
    assert len(digits.partition(".")[2]) == decimals
    assert ("," in digits) == (grouped and len(digits.partition(".")[0].replace(",", "")) > 3)
    read = Decimal(text.rstrip("%").replace(",", ""))
    exact = value * (100 if percent else 1)
    assert abs(read - exact) <= Decimal(1).scaleb(-decimals) / 2


@pytest.mark.parametrize("value, fmt, text", [
    (1234.5, "#,##0.00", "1,234.50"),
    (1.005, "0.00", "1.01"),
    (0.9776, "0.00%", "97.76%"),
    (-1234.5, "#,##0.00_);[Red](#,##0.00)", "(1,234.50)"),
    (-1234.5, "#,##0.00;-#,##0.00", "-1,234.50"),
    (12.5, '0.00"万元"', "12.50万元"),
    (22118861.0, "General", "22118861"),
    (0.1 + 0.2, "General", "0.3"),
    (7, "@", "7"),
    ("合计", "General", "合计"),
    (True, "General", "TRUE"),
])
def test_formats_met_in_budget_workbooks(value, fmt, text):
    assert shown(value, fmt) == text


def _book(path, build):
    book = openpyxl.Workbook()
    build(book)
    book.save(str(path))
    return path


def test_a_sheet_reads_as_its_title_paragraphs_and_one_table(tmp_path):
    def build(book):
        ws = book.active
        ws.title = "表1"
        ws.append(["支出决算表"])
        ws.merge_cells("A1:C1")
        ws.append(["单位：万元"])
        ws.append(["项目", "金额", None])
        ws.merge_cells("B3:C3")
        ws.append(["人员经费", 600.2, 1])
        ws.append(["公用经费", 230.3, 2])
        ws.append(["合计", 820.5, 3])
        for row in ws["B4:B6"]:
            row[0].number_format = "#,##0.00"
        hidden = book.create_sheet("lists")
        hidden.sheet_state = "hidden"
        hidden["A1"] = "不读"

    doc = ingest.read(_book(tmp_path / "b.xlsx", build))
    assert list(doc.lines) == ["表1", "支出决算表", "单位：万元", "项目\t金额\t", "人员经费\t600.20\t1",
                         "公用经费\t230.30\t2", "合计\t820.50\t3"]
    found = engine.run(doc, engine.select(engine.load(), ["TAB001"]))
    (finding,) = found
    assert finding.stated == "820.50" and finding.span.where == "sheet 表1, cell B6"


def test_hidden_rows_and_columns_are_not_read(tmp_path):
    def build(book):
        ws = book.active
        ws.append(["项目", "旧数", "金额"])
        ws.append(["人员经费", 9, 600.2])
        ws.append(["旧项目（已停）", 9, 99])
        ws.append(["公用经费", 9, 230.3])
        ws.append(["合计", 9, 830.5])
        ws.row_dimensions[3].hidden = True
        ws.column_dimensions["B"].hidden = True

    doc = ingest.read(_book(tmp_path / "h.xlsx", build))
    assert list(doc.lines)[1:] == ["项目\t金额", "人员经费\t600.2", "公用经费\t230.3", "合计\t830.5"]
    assert engine.run(doc, engine.select(engine.load(), ["TAB001"])) == []


@pytest.mark.parametrize("spent, found", [(Decimal("880.50"), []), (Decimal("870.50"), ["F8"])])
def test_a_blank_spacer_column_between_the_halves_of_a_summary_is_no_column(tmp_path, spent, found):
    """A 收支总表 whose halves stand apart by a column blank in every row (wave w70e): the halves are read as
    halves, the consistent one silent, a wrong total found on its cell (its place keeps its own column)."""
    def build(book):
        ws = book.active
        ws.append(["", "2026年部门财务收支预算总表"])
        ws.merge_cells("B1:F1")
        ws.append(["", "本年收入", None, None, "本年支出"])
        ws.merge_cells("B2:C2")
        ws.merge_cells("E2:F2")
        ws.append(["", "项目", "预算数", None, "项目", "预算数"])
        ws.append(["", "一、财政拨款收入", 880.5, None, "一、社会保障和就业支出", 600.2])
        ws.append(["", "1. 一般公共预算", 880.5, None, "二、卫生健康支出", 150])
        ws.append(["", "二、事业收入", None, None, "三、住房保障支出", 130.3])
        ws.append(["", "三、其他收入", None, None, None, None])
        ws.append(["", "收入总计", 880.5, None, "支出总计", float(spent)])
        for row in ws.iter_rows(min_row=4, min_col=3, max_col=6):
            for cell in row:
                cell.number_format = "#,##0.00"

    doc = ingest.read(_book(tmp_path / "s.xlsx", build))
    loud = [f for f in engine.run(doc, engine.load()) if f.severity >= Severity.WARNING]
    assert sorted({f.span.where.rsplit(" ", 1)[-1] for f in loud}) == found, [f.message for f in loud]


def test_a_formula_never_calculated_is_a_warning(tmp_path):
    def build(book):
        ws = book.active
        ws.append(["项目", "金额"])
        ws.append(["甲", 1])
        ws.append(["合计", "=SUM(B2:B2)"])

    doc = ingest.read(_book(tmp_path / "f.xlsx", build))
    assert [n.code for n in doc.notes] == ["ENC003"] and "1 formula cell" in doc.notes[0].message
    assert list(doc.lines)[-1] == "合计"


@pytest.mark.parametrize("suffix, data, why", [(".xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 60, "legacy .xls"),
                                               (".xlsx", b"hello", "not an XLSX"),
                                               (".xls", b"\xd0\xcf\x11\xe0" + b"\0" * 60, "a damaged XLS"),
                                               (".xls", b"hello", "not an XLS file")])
def test_what_is_not_a_workbook_is_refused_with_why(tmp_path, suffix, data, why):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=why):
        ingest.read(path)


def _xls(path, build):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    build(book, xlwt)
    book.save(str(path))
    return path


def test_a_legacy_xls_sheet_reads_as_the_xlsx_does(tmp_path):
    """Number formats, merged ranges, hidden rows, columns and sheets, as in an XLSX."""
    def build(book, xlwt):
        ws = book.add_sheet("表1")
        money = xlwt.easyxf(num_format_str="#,##0.00")
        ws.write_merge(0, 0, 0, 2, "支出决算表")
        ws.write(1, 0, "单位：万元")
        for c, text in enumerate(["项目", "旧数", "金额"]):
            ws.write(2, c, text)
        rows = [("人员经费", 600.2), ("旧项目（已停）", 99), ("公用经费", 230.3), ("合计", 830.5)]
        for r, (label, amount) in enumerate(rows, start=3):
            ws.write(r, 0, label)
            ws.write(r, 1, 9)
            ws.write(r, 2, amount, money)
        ws.row(4).hidden = True
        ws.col(1).hidden = True
        lists = book.add_sheet("lists")
        lists.write(0, 0, "不读")
        lists.visibility = 1

    doc = ingest.read(_xls(tmp_path / "b.xls", build))
    assert list(doc.lines) == ["表1", "支出决算表", "单位：万元", "项目\t金额", "人员经费\t600.20",
                               "公用经费\t230.30", "合计\t830.50"]
    assert engine.run(doc, engine.select(engine.load(), ["TAB001"])) == []


def test_a_legacy_xls_total_off_is_found_in_its_cell(tmp_path):
    def build(book, xlwt):
        ws = book.add_sheet("表3")
        for r, row in enumerate([("项目", "金额"), ("甲", 10.5), ("乙", 20), ("合计", 31.25)]):
            for c, value in enumerate(row):
                ws.write(r, c, value, xlwt.easyxf(num_format_str="0.00") if c else xlwt.Style.default_style)

    (finding,) = engine.run(ingest.read(_xls(tmp_path / "t.xls", build)), engine.select(engine.load(), ["TAB001"]))
    assert (finding.stated, finding.span.where) == ("31.25", "sheet 表3, cell B4")


@pytest.mark.parametrize("stored, total, found", [
    ((1802534.40, 303010.30, 265412.35), 2370957.05, []),  # shown 1,802,534 + 303,010 + 265,412 ≠ 2,370,957
    ((1802534, 303010, 265412), 2370957, ["TAB001"]),  # whole yuan stored: one yuan off is wrong
])
def test_whole_yuan_shown_over_cents_stored_is_a_rounding(tmp_path, stored, total, found):
    """A 元 table formatted ``#,##0`` over amounts with cents: each shown figure is a rounding (±0.5), not
    the exact whole yuan a table of whole yuan holds."""
    def build(book):
        ws = book.active
        ws.append(["支出决算表"])
        ws.append(["单位：元"])
        ws.append(["项目", "本年支出合计"])
        for name, value in zip(("行政运行", "事业运行", "机关事业单位基本养老保险缴费支出"), stored):
            ws.append([name, value])
        ws.append(["合计", total])
        for row in ws.iter_rows(min_row=4, min_col=2):
            row[0].number_format = "#,##0"

    path = _book(tmp_path / "yuan.xlsx", build)
    assert [f.code for f in engine.run(ingest.read(path), engine.load()) if f.severity.name != "INFO"] == found


def test_sheets_named_by_number_over_titles_numbered_alike_are_no_repeats(tmp_path):
    """Sheets named 1.收支总表, 2.收入总表 … over titles 1. 2025年…, 2. 2025年… (a budgeting system's export,
    w66g): the sheet's name is its tab, not a heading the title repeats; a title numbered wrongly still is."""
    def build(book, skip):
        book.remove(book.active)
        for n, name in ((1, "收支总表"), (2, "收入总表"), (3 + skip, "支出总表")):
            sheet = book.create_sheet(f"{n}.{name}")
            sheet.append([f"{n}. 2025年部门{name}"])
            sheet.append(["项目", "预算数"])
            sheet.append(["合计", 100])

    for skip, found in ((0, []), (1, ["DOC002"])):
        path = tmp_path / f"book{skip}.xlsx"
        _book(path, lambda book, skip=skip: build(book, skip))
        checks = [c for c in engine.load() if c.code == "DOC002"]
        assert [f.code for f in engine.run(ingest.read(path), checks)] == found


def test_a_damaged_xls_never_writes_into_the_findings_on_stdout(tmp_path):
    """xlrd's warnings on a truncated workbook stay out of stdout: the JSON there still parses."""
    import json
    import subprocess
    import sys

    def build(book, xlwt):
        ws = book.add_sheet("表1")
        for r in range(200):
            ws.write(r, 0, f"项目{r}")
            ws.write(r, 1, r * 1.5)

    whole = _xls(tmp_path / "whole.xls", build)
    (tmp_path / "cut.xls").write_bytes(whole.read_bytes()[:3000])
    result = subprocess.run([sys.executable, "-m", "crossfoot", "check", "--isolated", "--output-format", "json",
                             str(tmp_path / "cut.xls")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert json.loads(result.stdout)["unchecked"][0]["status"] == "unreadable"


@pytest.mark.parametrize("value, fmt, text", [
    (5, "0." + "0" * 30, "5.000000000000000"),  # 30 places asked: the 15 that mean anything
    (1e300, "0.00", "1.00000E+300"),  # past what a Decimal quantizes: shown as General
])
def test_a_format_past_what_a_cell_can_mean_is_shown_not_a_crash(value, fmt, text):
    assert shown(value, fmt) == text


def test_one_long_string_in_every_cell_is_refused_as_soon_as_it_outgrows_a_report(tmp_path, monkeypatch):
    """Cells naming one shared string (a few KB in the package, gigabytes written out) are refused once
    they hold more text than a report's; a cell's text is kept to as much as Excel holds in one."""
    from crossfoot.ingest import xlsx

    monkeypatch.setattr(xlsx, "TEXT_LIMIT", 1 << 20)  # (the real limit, 32 M, made small for the test)

    def build(book):
        for r in range(1, 60):
            book.active.cell(r, 1, "说明" * 17000)  # 34,000 characters, kept 32,767: 59 cells hold 1.9 M

    with pytest.raises(ReadError, match="its cells hold more than 1 M characters"):
        ingest.read(_book(tmp_path / "b.xlsx", build))
    monkeypatch.setattr(xlsx, "TEXT_LIMIT", 32 << 20)
    doc = ingest.read(tmp_path / "b.xlsx")
    assert max(len(line) for line in doc.lines) <= 32_767
