"""Typo recall on relations a person checked by hand, in documents crossfoot has never been tuned on.

``make recall`` counts typos only in the relations crossfoot already reads. This harness measures from
outside: a reviewer reads real pages and lists every relation each states *that holds* (a total and its
parts, a share, a growth, a restatement, a count, a balance …), one row per figure, in a TSV beside the
pages::

    doc<TAB>rel<TAB>shape<TAB>line<TAB>figure<TAB>nth<TAB>note

``doc`` names the page ``DIR/doc.txt``; ``rel`` groups the rows of one relation; ``figure`` is the
figure's digits as written on ``line`` (1-based), ``nth`` its occurrence among whole numbers there. Each
figure then gets two typos, each on its own copy of the page: its first significant digit changed, and its
second (a last digit is often within rounding, and a typo rounding explains is no miss). A typo is caught
when the re-run reports a warning or error, absent from the untouched page's, on any figure of that
relation.

Run ``python bench/typos.py DIR [-v]`` (``-v`` lists every miss). The pages and their relations stay
outside the repository (public documents are not the project's); the README gives the figures measured.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import crossfoot  # noqa: E402

_NUMBER = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?!\d)")


def locate(line: str, figure: str, nth: int) -> tuple[int, int] | None:
    """The span of the ``nth`` whole-number occurrence of ``figure`` in ``line``, or None."""
    hits = [m.start() for m in _NUMBER.finditer(line) if m.group().rstrip(",") == figure]
    if len(hits) < nth:
        return None
    return hits[nth - 1], hits[nth - 1] + len(figure)


def typos(figure: str) -> list[str]:
    """The figure with its first, then its second significant digit changed (d → d+1, 9 → 8)."""
    digits = [i for i, c in enumerate(figure) if c.isdigit()]
    first = next((i for i in digits if figure[i] != "0"), None)
    second = next((i for i in digits if first is not None and i > first), None)
    out = []
    for i in (first, second):
        if i is not None:
            new = str(int(figure[i]) + 1) if figure[i] != "9" else "8"
            out.append(figure[:i] + new + figure[i + 1 :])
    return out


def _spans(finding):
    d = finding.to_dict()
    yield d["line"], d["column"], d["end_line"], d["end_column"]
    for r in d.get("related") or []:
        yield r["line"], r["column"], r["end_line"], r["end_column"]


def _on(span, place) -> bool:
    line, c0, c1 = place  # 1-based columns, c1 exclusive
    first, col, last, end = span
    if first == last:
        return first == line and col < c1 and end > c0
    return first <= line <= last


def _serious(text: str, name: str) -> list:
    return [f for f in crossfoot.check(text, name=name) if f.to_dict()["severity"] in ("warning", "error")]


def _key(f) -> tuple:
    d = f.to_dict()
    return d["code"], d["line"], d["column"]  # (not the message: a typo changes an old finding's text)


def measure(folder: Path, verbose: bool = False) -> tuple[int, int, dict, list[str]]:
    rows = [r.split("\t") for r in (folder / "relations.tsv").read_text(encoding="utf-8").splitlines()
            if r.strip() and not r.startswith("#")]
    docs: dict[str, dict[str, list]] = {}
    for row in rows:
        doc, rel, shape, line, figure, nth = (row + [""] * 6)[:6]
        docs.setdefault(doc, {}).setdefault(rel, []).append((shape, int(line), figure.strip(), int(nth or 1)))
    total = caught = 0
    shapes: dict[str, list[int]] = {}
    notes: list[str] = []
    for doc, relations in sorted(docs.items()):
        path = folder / f"{doc}.txt"
        lines = path.read_text(encoding="utf-8").split("\n")
        base = {_key(f) for f in _serious("\n".join(lines), path.name)}
        for rel, figures in relations.items():
            placed = []
            for shape, line, figure, nth in figures:
                at = locate(lines[line - 1], figure, nth) if 1 <= line <= len(lines) else None
                if at is None:
                    notes.append(f"{doc} {rel}: {figure!r} (#{nth}) not on line {line}")
                else:
                    placed.append((shape, line, figure, at))
            places = [(line, a + 1, b + 1) for _, line, _, (a, b) in placed]
            for shape, line, figure, (a, b) in placed:
                for typo in typos(figure):
                    changed = list(lines)
                    changed[line - 1] = changed[line - 1][:a] + typo + changed[line - 1][b:]
                    new = [f for f in _serious("\n".join(changed), path.name) if _key(f) not in base]
                    hit = any(_on(s, p) for f in new for s in _spans(f) for p in places)
                    count = shapes.setdefault(shape, [0, 0])
                    count[0] += 1
                    count[1] += hit
                    total += 1
                    caught += hit
                    if not hit and verbose:
                        notes.append(f"missed {doc} {rel} [{shape}] line {line}: {figure} → {typo}")
    return total, caught, shapes, notes


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if a != "-v"]
    if not folders:
        print("usage: python bench/typos.py DIR [DIR ...] [-v]  (DIR holds NN.txt pages and relations.tsv)")
        return 2
    all_total = all_caught = 0
    for folder in folders:
        total, caught, shapes, notes = measure(folder, verbose)
        all_total, all_caught = all_total + total, all_caught + caught
        per = ", ".join(f"{s} {c}/{t}" for s, (t, c) in sorted(shapes.items()))
        print(f"{folder}: typos {total}, caught {caught} ({caught / max(total, 1):.1%}) — {per}")
        for note in notes:
            print("  " + note)
    if len(folders) > 1:
        print(f"all: typos {all_total}, caught {all_caught} ({all_caught / max(all_total, 1):.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
