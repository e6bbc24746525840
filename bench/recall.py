"""Corruption recall: does a typo in a relation that holds get caught, and does a rounding change not?

For every relation the checks judged and found holding in a report (default: the text reports of
``../shared/corpus``):

* **digit typo** — each figure of the relation in turn has its first significant digit changed (a typo no
  rounding can explain); the relation is *caught* when the re-run reports a warning or error located on
  that figure or on one of the relation's other figures;
* **rounding** — each figure with two or more decimals is re-stated with one decimal fewer, rounded; the
  re-run must not report any warning or error that the original did not.

Run ``python bench/recall.py [-v] [paths...]`` (``make recall``). ``-v`` lists each miss, and each
sentence that holds a relation word and two figures but no checked relation (what detection misses),
counted by the shape its words suggest (a computation written out, a rate, a share, a growth, a sum).
Each such sentence stands for at least one relation whose typo nobody would catch, so the recall over
*all* relations is ``caught / (typos + unread sentences)``: the figure the README gives. The acceptance
test calls :func:`measure` and asserts floors on both.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossfoot import engine  # noqa: E402
from crossfoot.ingest import text as text_reader  # noqa: E402
from crossfoot.model import Severity  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
_SHAPES = {
    "arithmetic": re.compile(r"[=＝]"),
    "rate": re.compile(r"[\u4e00-\u9fff]率"),
    "share": re.compile(r"占|比重|为.{0,12}的"),
    "growth": re.compile(r"增长|增加|减少|增幅|减幅|降幅|下降|降低|节约"),
    "sum": re.compile(r"其中|合计|总计|共计|结余"),
}
_NUMBER = re.compile(r"\d[\d,]*\.\d+")


@dataclass
class Result:
    relations: int = 0
    typos: int = 0
    caught: int = 0
    roundings: int = 0
    false_alarms: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    undetected: list[str] = field(default_factory=list)
    shapes: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        """Over the relations crossfoot reads."""
        return self.caught / self.typos if self.typos else 1.0

    @property
    def overall(self) -> float:
        """Over every sentence stating a relation: an unread one counts as a typo missed."""
        total = self.typos + len(self.undetected)
        return self.caught / total if total else 1.0


def _serious(findings) -> list:
    return [f for f in findings if f.severity >= Severity.WARNING]


def _replace(lines: list[str], span, new: str) -> list[str]:
    out = list(lines)
    row = out[span.line - 1]
    out[span.line - 1] = row[: span.column - 1] + new + row[span.end_column - 1 :]
    return out


def _typo(source: str) -> str | None:
    """The figure's source text with its first significant digit changed, or None (no Arabic digit)."""
    for i, ch in enumerate(source):
        if ch in "123456789":
            new = str(int(ch) + 1) if ch != "9" else "8"
            return source[:i] + new + source[i + 1 :]
    return None


def _coarser(source: str) -> str | None:
    """The figure's source text rounded to one decimal fewer (only when it has two or more and the
    rounding is not a tie, where the coarser interval would not contain the finer one)."""
    m = _NUMBER.search(source)
    if not m or len(m.group().split(".")[1]) < 2 or m.group()[-1] == "5":
        return None
    number = m.group()
    places = len(number.split(".")[1]) - 1
    value = Decimal(number.replace(",", "")).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    whole, _, frac = f"{value:f}".partition(".")
    if "," in number.split(".")[0]:
        whole = f"{int(whole):,}"
    return source[: m.start()] + whole + "." + frac + source[m.end() :]


def measure(paths: list[Path]) -> Result:
    checks = engine.load()
    result = Result()
    for path in paths:
        text = text_reader.decode(path.read_bytes())[0]
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        relations: list = []
        doc = text_reader.parse("\n".join(lines), str(path))
        base = _serious(engine.run(doc, checks, relations))
        base_keys = {(f.code, f.span.line) for f in base}
        _undetected(doc, relations, result)
        tried: set = set()
        for rel in relations:
            if not rel.holds:
                continue
            result.relations += 1
            figures = (rel.stated, *rel.related)
            spans = {f.span for f in figures}
            for fig in figures:
                span = fig.span
                if span.line != span.end_line or (rel.code, span) in tried:
                    continue
                tried.add((rel.code, span))
                source = lines[span.line - 1][span.column - 1 : span.end_column - 1]
                typo = _typo(source)
                if typo is not None:
                    result.typos += 1
                    found = _serious(engine.run(text_reader.parse("\n".join(_replace(lines, span, typo)),
                                                                  str(path)), checks))
                    if any(f.span in spans or spans & set(f.related) for f in found):
                        result.caught += 1
                    else:
                        result.misses.append(f"{path.name}:{span} {rel.code} {source} → {typo}")
                coarse = _coarser(source)
                if coarse is not None:
                    result.roundings += 1
                    changed = _replace(lines, span, coarse)
                    found = _serious(engine.run(text_reader.parse("\n".join(changed), str(path)), checks))
                    new = [f for f in found if (f.code, f.span.line) not in base_keys]
                    if new:
                        result.false_alarms += 1
                        result.alarms.append(f"{path.name}:{span} {source} → {coarse}: {new[0].message}")
    return result


def _undetected(doc, relations, result: Result) -> None:
    """Sentences with a relation word and two or more figures, none of them in a checked relation."""
    used = {(f.block, f.start) for r in relations for f in (r.stated, *r.related)}
    from crossfoot.analysis import Analysis

    analysis = Analysis(doc)
    for b, block in enumerate(doc.blocks):
        if block.kind == "row":
            continue  # tables are the tables issue's
        for start, end, figs in analysis.sentences(b):
            amounts = [f for f in figs if f.unit]
            sentence = block.text[start:end]
            shape = next((name for name, words in _SHAPES.items() if words.search(sentence)), None)
            if len(amounts) < 2 or shape is None:
                continue
            if not any((f.block, f.start) in used for f in amounts):
                result.shapes[shape] = result.shapes.get(shape, 0) + 1
                result.undetected.append(f"{Path(doc.path).name}:{amounts[0].span} [{shape}] {sentence[:90]}")


def default_paths() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*.txt"))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"] or default_paths()
    if not paths:
        print("no reports (../shared/corpus is absent); give paths")
        return 2
    r = measure(paths)
    print(f"reports {len(paths)}  relations holding {r.relations}")
    print(f"digit typos {r.typos}  caught {r.caught}  recall {r.recall:.1%}")
    print(f"rounding changes {r.roundings}  false alarms {r.false_alarms}")
    shapes = ", ".join(f"{name} {n}" for name, n in sorted(r.shapes.items()))
    print(f"sentences with a relation word and figures but no checked relation: {len(r.undetected)} ({shapes})")
    print(f"recall over all of them (an unread sentence a typo missed): {r.overall:.1%}")
    if verbose:
        for title, items in (("missed typos", r.misses), ("false alarms", r.alarms),
                             ("unchecked sentences", r.undetected)):
            print(f"\n{title}:")
            for item in items:
                print("  " + item)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
