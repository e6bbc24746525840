"""Reports of our own for batch tests and the batch benchmark: prose with totals, rates and shares, a budget
table with its 合计 row, and a score table; a chosen few carry one wrong figure each.

``write(folder, n, seed)`` writes ``n`` reports and returns ``{file name: expected codes}``.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

DEPARTMENTS = ["财政局", "教育局", "卫生健康委员会", "科学技术局", "民政局", "司法局", "文化和旅游局", "水务局"]
ERRORS = ("sum", "rate", "table", "score")


def _money(rng: random.Random, lo: int, hi: int) -> Decimal:
    return Decimal(rng.randint(lo * 100, hi * 100)) / 100


def report(rng: random.Random, index: int, error: str | None) -> str:
    department = DEPARTMENTS[index % len(DEPARTMENTS)]
    year = 2020 + index % 5
    staff, public = _money(rng, 300, 900), _money(rng, 50, 300)
    total = staff + public
    budget = (total * Decimal("1.05")).quantize(Decimal("0.01"))
    rate = (total / budget * 100).quantize(Decimal("0.01"))
    shown_total = total - 10 if error == "sum" else total
    shown_rate = rate + 1 if error == "rate" else rate
    rows = [(f"项目{k + 1}", _money(rng, 10, 90)) for k in range(rng.randint(3, 6))]
    table_total = sum(v for _, v in rows) + (Decimal(5) if error == "table" else 0)
    scores = [Decimal(rng.randint(30, 40)) / 2 for _ in range(4)]
    shown_score = sum(scores) + (1 if error == "score" else 0)
    lines = [
        f"某区{department}{year}年度部门整体支出绩效自评报告",
        "一、基本情况",
        f"{year}年度本部门支出合计{shown_total}万元，其中：人员经费{staff}万元，公用经费{public}万元。",
        f"全年预算数为{budget}万元，实际支出{total}万元，预算执行率为{shown_rate}%。",
        "二、项目支出",
        "项目\t金额（万元）\t备注",
        *[f"{name}\t{value}\t已完成" for name, value in rows],
        f"合计\t{table_total}\t",
        "三、自评得分",
        "指标\t分值\t得分",
        *[f"指标{k + 1}\t20\t{s:.1f}" for k, s in enumerate(scores)],
        f"合计\t80\t{shown_score:.1f}",
        f"综上，本部门{year}年度工作稳步推进。",
    ]
    return "\n".join(lines) + "\n"


EXPECTED = {"sum": "SUM001", "rate": "RAT001", "table": "TAB001", "score": "TAB001"}


def write(folder: Path, n: int, seed: int = 7, every: int = 5) -> dict[str, list[str]]:
    """``n`` reports in ``folder``; every ``every``-th one has an error. Returns the codes expected."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for i in range(n):
        error = ERRORS[(i // every) % len(ERRORS)] if i % every == every - 1 else None
        name = f"report-{i:05d}.txt"
        (folder / name).write_text(report(rng, i, error), encoding="utf-8")
        expected[name] = [EXPECTED[error]] if error else []
    return expected
