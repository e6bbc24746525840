"""The text reports of ``../shared/corpus`` give exactly the findings a reviewer judged true (runs when the
corpus is beside this checkout; the budget PDFs have theirs in ``test_budget_tables.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossfoot import engine, ingest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

#: file → (code, line, stated) of each finding, and why it is true
JUDGED = {
    "000_179ef1d6984f8296.txt": [
        ("DOC005", 417, "56.83亿元"),  # the 2021 budget in a report about 2022, with no comparison
        ("RAT001", 419, "99.66%"),  # 51.15 / 56.83 is 90.01%
        ("RAT001", 861, "75%"),  # 145家上市公司中108家: 74.48%, which is 74%
    ],
    "001_3b889eabbfdbfb6c.txt": [
        ("DOC005", 75, "565,155 万元"),  # a 2020 figure as this year's
        ("RAT001", 109, "84.29%"),  # info: 10,232.75 比 12,139.05 is 84.296%, truncated
        ("FMT001", 137, "14,8134.51 万元"),  # grouped by four
    ],
    "002_c7584465e87e2f22.txt": [
        ("DOC004", 39, "2.进一步规范编报厅整体、政策、项目支出绩效目标和指标"),  # 3. in the body
        ("DOC004", 41, "3.加快推进预算绩效管理信息系统的一体化建设"),  # 4. in the body
        ("DOC006", 53, "10个"),  # 1 行政单位 + 10 事业单位 are 11
        ("RAT001", 245, "241.70%"),  # 615,883.73 / 180,242.93 is 341.70%
        ("SHR001", 251, "94.10%"),  # 521,728.73 / 554,632.54 is 94.07% (its sibling's 2.99% holds on that base)
        ("SCO003", 261, "得满分"),  # five of the items named lost points
        ("SCO004", 263, "优秀"),  # 89.56 分 is below 90
    ],
    "003_83b62fd26cda6339.txt": [
        ("TAB003", 88, "99.74%"),  # info, four control rates truncated rather than rounded
        ("TAB003", 92, "99.91%"),
        ("TAB003", 93, "99.04%"),
        ("TAB003", 94, "98.16%"),
        ("TAB007", 96, "8"),  # rows 6 and 7 are missing
        ("SCO007", 147, "95.64分"),  # the score table adds to 97.79
        ("TAB012", 188, "均完成"),  # three indicators missed their targets
        ("TAB011", 194, "年度目标值《科学大求真》每"),  # info: rows wrapped around their key cell, not judged
        ("TAB009", 235, "100.00%"),  # 600项 against a target of about 2000项
        ("TAB009", 242, "156.92%"),  # 1.4531万人次 against 2万人次
        ("DOC002", 376, "2."),  # 2. twice
        ("DOC002", 382, "2."),  # and a third time
        ("TAB011", 384, "年度指标值"),  # info, as at line 194
    ],
    "004_57a107d324e2d80f.txt": [
        ("DOC001", 41, "九个二级项目"),  # ten distinct projects are listed
        ("TAB010", 69, "105家"),  # the target is ≥700家
        ("DOC002", 106, "六是"),  # 五是 missing
        ("DOC002", 106, "七是"),  # 七是 twice
    ],
    "01_henan-jineng-jxpj-2025.txt": [
        ("SCO008", 259, "23.25分"),  # under 4.效益指标绩效分析: 产出指标共35分，得分23.25 (产出 is 19.88 everywhere else)
        ("DOC002", 295, "5."),  # 5. twice
    ],
    "02_putuo-czj-juesuan-2024.txt": [  # （八） is run into line 12, after a full stop: no gap before （九）
        ("BUD031", 32, "0.3万元"),  # a 总计 below one of its parts (2940.05)
        ("SHR001", 37, "71.73%"),  # 2106.66 / 2940.05 is 71.65%
    ],
    "03_putuo-ghj-juesuan-2024.txt": [
        ("SHR001", 40, "99.86%"),  # info: 99.868% truncated
        ("FMT002", 40, "13.95"),  # 增长 13.95 without its %
        ("RAT001", 44, "95.45%"),  # info: 9746.50 / 10210.34 is 95.457%, truncated (完成年初预算的)
        ("DOC009", 62, "下降（增长）"),  # the template's choice left in
    ],
    "04_putuo-shgzb-juesuan-2024.txt": [
        ("GRW002", 15, "100.00%"),  # a new department: a rate on a prior of 0
        ("GRW002", 21, "100.00%"),
        ("GRW002", 24, "100.00%"),
        ("SHR001", 26, "9.55%"),  # info: 9.557% evened down so the four shares total 100.00 (尾差)
        ("GRW002", 50, "100.00%"),
    ],
    "05_putuo-swj-yusuan-2025.txt": [],
    "06_cq-jtw-yusuan-2018.txt": [],
    # the Fujian set: tables flattened into running text, a government-level 决算, two short narratives
    "07_pingtan-zhengxie-yusuan-2026.txt": [
        ("GRW001", 10, "6.59%"),  # 减少46.88 from 665.35 + 46.88 = 712.23 is 6.58%, however the two were rounded
    ],
    "08_pingtan-zhengfu-juesuan-2017.txt": [
        ("GRW001", 10, "22.4%"),  # 比上年增支34,096万元 on 195,571万元 is 21.1%, not 22.4%
    ],
    "09_pingtan-jianyan-yusuan-2016.txt": [],
    "10_pingtan-jiaojian-juesuan-2014.txt": [],
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_every_text_report_of_the_corpus_is_judged():
    assert sorted(p.name for p in CORPUS.rglob("*.txt")) == sorted(JUDGED)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
@pytest.mark.parametrize("name", sorted(JUDGED))
def test_the_text_reports_give_exactly_the_findings_judged_true(name, checks):
    path = next(CORPUS.rglob(name))
    found = engine.run(ingest.read(path), checks)
    assert [(f.code, f.span.line, f.stated) for f in found] == JUDGED[name]
