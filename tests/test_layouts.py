"""Layout variants of a standard budget table: clean ones give nothing, one seeded error is found.

A 支出预算总表 (or 支出决算表) is generated with seeded values (classes, 款 and 项 whose amounts add up,
each row's 合计 the sum of 基本支出 and 项目支出) and written in many layouts: 部门 or 单位 caption, 元
with whole numbers or 万元 with two decimals, with or without 人员经费 | 公用经费 columns beside 基本支出,
classification codes printed three ways (2010101 in one cell, 201 01 01 spaced, 类 | 款 | 项 columns), as
text, DOCX, HTML, XLSX or PDF; the PDF on pages of several heights, so that the table breaks over pages with
the header repeated or not, and its 合计 drawn across the code columns or not (a page holding only the
合计 row, with no header, is the case readers get wrong).

Every clean variant must give no warning or error; every variant with one figure changed by one digit
(a digit of its whole part: a cent can hide in the rounding of a sum of many parts) must give at least
one, each naming the changed figure. ``make test`` runs a sample of the variants,
``make fuzz`` all of them (``CROSSFOOT_LAYOUTS=all``).
"""

from __future__ import annotations

import itertools
import os
import random
from decimal import Decimal
from pathlib import Path

import pytest
from render import parse, to_docx, to_html, to_pdf, to_xlsx

from crossfoot import engine, ingest
from crossfoot.model import Severity

NAMES = {
    "201": ("一般公共服务支出", {"01": ("人大事务", ["行政运行", "一般行政管理事务", "人大会议"]),
                                "06": ("财政事务", ["行政运行", "财政委托业务支出", "其他财政事务支出"])}),
    "208": ("社会保障和就业支出", {"05": ("行政事业单位养老支出", ["行政单位离退休", "事业单位离退休",
                                                                "机关事业单位基本养老保险缴费支出"])}),
    "210": ("卫生健康支出", {"11": ("行政事业单位医疗", ["行政单位医疗", "事业单位医疗", "公务员医疗补助"])}),
    "221": ("住房保障支出", {"02": ("住房改革支出", ["住房公积金", "提租补贴", "购房补贴"])}),
}
CODES = ("one", "spaced", "columns")
UNITS = ("元", "万元")
SPLITS = (False, True)
OWNERS = ("部门", "单位")
PDF_HEIGHTS = (300.0, 340.0, 380.0, 460.0, 540.0)
FORMATS = ("txt", "docx", "html", "xlsx", *(f"pdf-{h:.0f}-{repeat}-{merged}" for h in PDF_HEIGHTS
                                    for repeat in ("repeat", "bare") for merged in ("merged", "split")))


def _amount(rng: random.Random, unit: str) -> Decimal:
    return Decimal(rng.randint(1_000, 9_000_000)) if unit == "元" else Decimal(rng.randint(100, 900_000)) / 100


def _text(value: Decimal, unit: str) -> str:
    return f"{value:,.0f}" if unit == "元" else f"{value:,.2f}"


def table(seed: int, codes: str, unit: str, split: bool, owner: str) -> tuple[list[list[str]], list]:
    """The table's rows (header first) as text, and the amount cells as ``[row, column, value]``."""
    rng = random.Random(seed)
    rows: list[list] = []  # [code parts, name, amounts...]
    for cls in sorted(rng.sample(sorted(NAMES), rng.randint(2, 4))):
        name, kuans = NAMES[cls]
        cls_row = [(cls,), name, None]
        rows.append(cls_row)
        cls_children = []
        for kuan in sorted(rng.sample(sorted(kuans), rng.randint(1, len(kuans)))):
            kuan_name, items = kuans[kuan]
            kuan_row = [(cls, kuan), kuan_name, None]
            rows.append(kuan_row)
            leaves = []
            for k, item in enumerate(rng.sample(items, rng.randint(1, len(items)))):
                people, public = _amount(rng, unit), _amount(rng, unit)
                project = _amount(rng, unit) if rng.random() < 0.5 else Decimal(0)
                leaf = [(cls, kuan, f"{k + 1:02d}"), item, [people + public + project, people + public,
                                                              people, public, project]]
                rows.append(leaf)
                leaves.append(leaf)
            kuan_row[2] = [sum(col) for col in zip(*(leaf[2] for leaf in leaves))]
            cls_children.append(kuan_row)
        cls_row[2] = [sum(col) for col in zip(*(child[2] for child in cls_children))]
    top = [r for r in rows if len(r[0]) == 1]
    total = [sum(col) for col in zip(*(r[2] for r in top))]
    amounts = ["合计", "基本支出", *(["人员经费", "公用经费"] if split else []), "项目支出"]
    code_head = ["类", "款", "项"] if codes == "columns" else ["科目编码"]
    out = [[*code_head, "科目名称", *amounts]]
    cells = []
    for parts, name, values in [*rows, [None, "", total]]:
        if parts is None:
            code = ["合计", *[""] * (len(code_head) - 1)]
        elif codes == "columns":
            code = [*parts, *[""] * (3 - len(parts))]
        else:
            code = [(" " if codes == "spaced" else "").join(parts)]
        shown = values[:2] + (values[2:4] if split else []) + values[4:]
        row = [*code, name, *(_text(v, unit) if v or i < 2 else "" for i, v in enumerate(shown))]
        for j, v in enumerate(shown):
            if row[len(code_head) + 1 + j]:
                cells.append([len(out), len(code_head) + 1 + j, v])
        out.append(row)
    return out, cells


def source(rows: list[list[str]], unit: str, owner: str) -> str:
    caption = f"2025年{owner}支出预算总表" if owner == "部门" else "2025年预算单位支出预算总表"
    body = "\n".join("\t".join(r) for r in rows)
    return f"某区财政局2025年{owner}预算\n一、{owner}预算表\n{caption}\n单位：{unit}\n{body}\n二、其他情况说明\n本表为示例。\n"


def write(text: str, fmt: str, folder: Path) -> Path:
    path = folder / f"report.{fmt.split('-')[0]}"
    if fmt == "txt":
        path.write_text(text, encoding="utf-8")
    elif fmt == "docx":
        to_docx(parse(text), path)
    elif fmt == "html":
        path.write_text(to_html(parse(text)), encoding="utf-8")
    elif fmt == "xlsx":
        to_xlsx(parse(text), path)
    else:
        _, height, repeat, merged = fmt.split("-")
        to_pdf(parse(text), path, page=(420.0, float(height)), repeat=repeat == "repeat",
               merged_totals=merged == "merged")
    return path


def seeded(rows: list[list[str]], cells: list, seed: int) -> tuple[list[list[str]], str]:
    """The rows with one amount's digit changed, and the changed text."""
    rng = random.Random(seed * 7919 + 1)
    r, c, _ = rng.choice(cells)
    text = rows[r][c]
    whole = text.split(".")[0]  # a cent's change can hide in the rounding of a sum of many parts
    digits = [i for i, ch in enumerate(whole) if ch.isdigit()]
    at = rng.choice(digits)
    new = str((int(text[at]) + rng.randint(1, 8)) % 10)
    if at == digits[0] and new == "0":
        new = "1" if text[at] != "1" else "2"
    changed = text[:at] + new + text[at + 1:]
    out = [list(row) for row in rows]
    out[r][c] = changed
    return out, changed


def _variants():
    every = list(itertools.product(range(3), CODES, UNITS, SPLITS, OWNERS, FORMATS))
    if os.environ.get("CROSSFOOT_LAYOUTS") == "all":
        return every
    return random.Random(20).sample(every, 16)


@pytest.mark.parametrize("seed, codes, unit, split, owner, fmt", _variants())
def test_a_layout_variant(tmp_path, checks, seed, codes, unit, split, owner, fmt):
    rows, cells = table(seed, codes, unit, split, owner)
    clean = write(source(rows, unit, owner), fmt, tmp_path)
    found = [f for f in engine.run(ingest.read(clean), checks) if f.severity >= Severity.WARNING]
    assert found == [], [f"{f.code} {f.span} {f.message}" for f in found]

    bad, changed = seeded(rows, cells, seed)
    (tmp_path / "bad").mkdir()
    broken = write(source(bad, unit, owner), fmt, tmp_path / "bad")
    found = [f for f in engine.run(ingest.read(broken), checks) if f.severity >= Severity.WARNING]
    assert found, f"the changed {changed} was not found"
    assert all(changed in f.figures for f in found), [f"{f.code} {f.span} {f.message}" for f in found]


def test_a_total_row_alone_on_a_page_without_header_keeps_its_columns(tmp_path, checks):
    """The 合计 row carried onto a page of its own, drawn across the code and name columns, with no header
    above it: its amounts stay under 合计 | 基本支出 | 项目支出, not shifted left onto the name column."""
    import pdfplumber

    rows, _ = table(1, "one", "元", False, "部门")
    text = source(rows, "元", "部门")
    for height in range(280, 720, 4):
        path = tmp_path / f"{height}.pdf"
        to_pdf(parse(text), path, page=(420.0, float(height)), repeat=False, merged_totals=True)
        with pdfplumber.open(path) as pdf:
            last = pdf.pages[-1].extract_tables()
        if last and len(last[0]) == 1 and last[0][0][0] == "合计":
            break
    else:
        pytest.fail("no page height puts the 合计 row alone on a page")
    found = [f for f in engine.run(ingest.read(path), checks) if f.severity >= Severity.WARNING]
    assert found == [], [f"{f.code} {f.span} {f.message}" for f in found]
    total = rows[-1][2]
    rows[-1][2] = total[:-1] + str((int(total[-1]) + 1) % 10)
    bad = tmp_path / "bad.pdf"
    to_pdf(parse(source(rows, "元", "部门")), bad, page=(420.0, float(height)), repeat=False, merged_totals=True)
    found = [f for f in engine.run(ingest.read(bad), checks) if f.severity >= Severity.WARNING]
    assert [(f.code, f.stated) for f in found] == [("TAB001", rows[-1][2])] * len(found) and found
