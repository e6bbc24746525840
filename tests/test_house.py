"""The rules of the house, checked: kinds never import kinds, checks run in any order with the same
findings, and a pack is validated against what its kind declares (options and message fields)."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from crossfoot import engine, ingest
from crossfoot.kinds import FAMILIES, registry

ROOT = Path(__file__).resolve().parent.parent
KINDS = ROOT / "lint" / "kinds"


def _imports(path: Path) -> list[tuple[int, str | None, list[str]]]:
    """``(level, module, names)`` of each ``from … import …`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.level, n.module, [a.name for a in n.names]) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]


@pytest.mark.parametrize("path", sorted(p for f in FAMILIES for p in (KINDS / f).glob("*.py")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_kind_imports_another_kind(path):
    for level, module, names in _imports(path):
        assert level != 1, f"{path.name} imports a sibling kind: {module or names}"  # from . import x
        if level == 2:  # from ..x: the kinds package itself
            assert module in ("base", "options"), f"{path.name} imports kinds.{module}"
        if level == 0 and module and module.startswith("crossfoot.kinds"):
            assert module in ("crossfoot.kinds.base", "crossfoot.kinds.options"), path.name


@pytest.mark.parametrize("path", sorted((ROOT / "lint").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_binds_a_name_twice(path):
    """A module-level function, class or constant defined twice: the later one silently replaces the earlier
    for every use, the earlier one's callers included."""
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        names = [node.name] if isinstance(node, (ast.FunctionDef, ast.ClassDef)) else [
            t.id for t in node.targets if isinstance(t, ast.Name)] if isinstance(node, ast.Assign) else []
        for name in names:
            assert name not in seen, f"{name} bound at lines {seen[name]} and {node.lineno}"
            seen[name] = node.lineno


def test_lower_rooms_never_import_kinds_or_the_engine():
    for room in ("figures", "tables", "ingest"):
        for path in (ROOT / "lint" / room).glob("*.py"):
            for level, module, _ in _imports(path):
                if level >= 2 and module:
                    assert module.split(".")[0] not in ("kinds", "engine", "report", "cli", "audit", "batch"), \
                        f"{room}/{path.name} imports {module}"


def _module_level_compiles(path: Path) -> list[int]:
    """Lines of ``re.compile(...)`` calls run when ``path`` is imported (outside any function)."""
    found = []

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            func = getattr(child, "func", None)
            if isinstance(func, ast.Attribute) and func.attr == "compile" and getattr(func.value, "id", "") == "re":
                found.append(child.lineno)
            walk(child)

    walk(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_no_module_compiles_a_pattern_at_import():
    """Start-up is paid on every pre-commit call: module-level patterns are ``lazy``, compiled when used."""
    offenders = [f"{p.relative_to(ROOT)}:{line}" for p in sorted((ROOT / "lint").rglob("*.py"))
                 if p.name != "regex.py" for line in _module_level_compiles(p)]
    assert not offenders, offenders


def test_a_lazy_pattern_is_the_pattern_once_used():
    import copy
    import pickle
    import re

    from crossfoot.regex import lazy

    source = r"(?P<amount>\d+(?:\.\d+)?)万元"
    pattern = lazy(source, re.I)
    assert pattern.pattern == source and "compiled" not in vars(pattern)  # the source alone: not compiled
    again = pickle.loads(pickle.dumps(pattern))
    assert "compiled" not in vars(again) and copy.deepcopy(pattern).pattern == source
    text = "预算 12.50万元，执行 10万元"
    eager = re.compile(source, re.I)
    assert [m.group("amount") for m in pattern.finditer(text)] == ["12.50", "10"]
    assert vars(pattern)["compiled"] is not None  # compiled on first use, then its methods bound
    assert pattern.sub("X", text) == eager.sub("X", text) and pattern.groupindex == eager.groupindex
    assert pattern.flags == eager.flags and pickle.loads(pickle.dumps(pattern)).search(text)[0] == "12.50万元"


def _every_lazy_pattern() -> list:
    """Every ``lazy`` pattern of the package's modules (module-level, alone or in a tuple)."""
    import importlib
    import pkgutil

    import crossfoot
    from crossfoot.regex import _Lazy

    found = {}
    for info in pkgutil.walk_packages(crossfoot.__path__, "crossfoot."):
        if info.name.startswith(("crossfoot.serve", "crossfoot.gx", "crossfoot.__main__")):
            continue  # (optional extras' modules; the command line's entry, which runs it)
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, _Lazy) and isinstance(item.pattern, str):
                    found[(item.pattern, item._flags)] = item
    return list(found)


def _keep_program(regex, pattern: str, flags: int, program: list) -> None:
    from crossfoot import cache

    cache.write(regex._entry(pattern, flags), [pattern, *program])


def test_a_kept_program_matches_as_re_compiles_the_pattern(tmp_path, monkeypatch):
    """Every lazy pattern built from the program :mod:`crossfoot.regex` keeps matches what ``re.compile``
    gives, on the sample reports' lines."""
    import re

    from crossfoot import regex

    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_MADE", {})
    texts = [line for p in sorted((ROOT / "reports").glob("*.[mt][dx]t"))
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    patterns = _every_lazy_pattern()
    assert len(patterns) > 300
    for pattern, flags in patterns:
        _keep_program(regex, pattern, flags, regex._program(pattern, flags))
        monkeypatch.setattr(re, "compile", lambda *a: pytest.fail(f"compiled anew: {a}"))
        kept = regex._compile(pattern, flags)
        monkeypatch.undo()
        monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(tmp_path))
        monkeypatch.setattr(regex, "_MADE", {})
        compiled = re.compile(pattern, flags)
        assert (kept.pattern, kept.flags, kept.groups, kept.groupindex) == \
            (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex)
        for text in texts:
            assert [m.span() for m in kept.finditer(text)] == [m.span() for m in compiled.finditer(text)], \
                (pattern, text)


def test_a_kept_program_inflating_past_any_patterns_is_compiled_anew(tmp_path, monkeypatch):
    """A cache entry of 2 MB inflating to gigabytes took 4.6 GB and the whole timeout (wave w69e)."""
    import binascii
    import zlib

    from crossfoot import regex

    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_MADE", {})
    source = r"(?P<amount>\d+(?:\.\d+)?)万元"
    good = regex._program(source, 0)
    bomb = binascii.b2a_base64(zlib.compress(bytes(64 << 20)), newline=False).decode()
    _keep_program(regex, source, 0, [good[0], bomb, *good[2:]])
    import tracemalloc

    tracemalloc.start()
    try:
        compiled = regex._compile(source, 0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert compiled.search("执行 10.5万元")["amount"] == "10.5"
    assert regex._entry(source, 0) in regex._MADE  # compiled anew, not built from the entry
    assert peak < 32 << 20  # never inflated whole (64 MB, then a list of 16 million codes)


def test_a_damaged_or_foreign_program_is_compiled_anew(tmp_path, monkeypatch):
    from crossfoot import regex

    monkeypatch.setenv("CROSSFOOT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_MADE", {})
    source = r"(?P<amount>\d+(?:\.\d+)?)万元"
    good = regex._program(source, 0)
    entry = regex._entry(source, 0)
    damaged = (["x"], [good[0], "AAAA", *good[2:]], [good[0], "!!", *good[2:]], [*good[:2], 7, *good[3:]],
               [*good[:3], {"amount": 5}, good[4]], [*good[:4], [None, "other"]])
    for program in damaged:
        _keep_program(regex, source, 0, program)
        regex._MADE.clear()
        assert regex._compile(source, 0).search("执行 10.5万元")["amount"] == "10.5"
        assert entry in regex._MADE  # compiled anew (and its program made again), not built from the entry
    for text in ("not json", "[" * 100_000, '{"crc": 1, "value": []}'):
        (tmp_path / entry).write_text(text, encoding="utf-8")
        regex._MADE.clear()
        assert regex._compile(source, 0).search("执行 10.5万元")["amount"] == "10.5" and entry in regex._MADE


def test_programs_are_kept_for_the_next_run(tmp_path):
    """A check writes the programs of the patterns it compiled to the cache folder, a file each; the next
    one reads them (compiling none anew) and finds the same."""
    import os
    import subprocess
    import sys

    report = next(iter(sorted((ROOT / "reports").glob("*.txt"))))
    env = {**os.environ, "CROSSFOOT_CACHE_DIR": str(tmp_path)}
    run = [sys.executable, "-m", "crossfoot", "check", "--output-format", "json", str(report)]
    first = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    (folder,) = (tmp_path / "regex").iterdir()
    assert len(list(folder.iterdir())) > 50
    second = subprocess.run(run, capture_output=True, text=True, env=env, check=False)  # (packs now kept)
    kept = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    third = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == second.returncode == third.returncode
    assert first.stdout == second.stdout == third.stdout
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == kept  # none made again


def test_every_kind_declares_its_contract():
    for name, module in registry().items():
        assert module.KIND == name
        assert module.__doc__ and module.__doc__.startswith(f"{name}:"), name
        assert hasattr(module, "Options") and isinstance(module.FIELDS, tuple), name
        assert "stated" in module.FIELDS, name


@pytest.mark.parametrize("seed", range(3))
def test_checks_run_in_any_order_with_the_same_findings(seed, checks):
    shuffled = list(checks)
    random.Random(seed).shuffle(shuffled)
    for path in sorted((ROOT / "reports").glob("*.*")):
        if path.suffix in (".txt", ".md"):
            doc = ingest.read(path)
            assert engine.run(doc, shuffled) == engine.run(doc, checks), path.name
            for code in ("SHR001", "DOC003", "BUD022"):  # kinds that read listings, each run on its own
                alone = [c for c in checks if c.code == code]
                assert engine.run(doc, alone) == [f for f in engine.run(doc, checks) if f.code == code]


def _pack(tmp_path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    return path


CHECK = "checks:\n  - code: ZZZ001\n    name: mine\n    kind: share\n    severity: error\n"


@pytest.mark.parametrize("message, problem", [
    ("'{stated} vs {nonsense}'", r"message names \{nonsense\}, which this kind does not fill"),
    ("'{stated:>1000000000}'", r"message field \{stated:>1000000000\} is not a plain \{name\}"),
    ("'{stated.__class__.__mro__}'", r"is not a plain \{name\}"),
    ("'{stated!r}'", r"is not a plain \{name\}"),
    ("'{0}'", r"is not a plain \{name\}"),
    ("'{stated'", r"not a valid template"),
])
def test_a_message_naming_what_the_kind_does_not_fill_is_refused(tmp_path, message, problem):
    with pytest.raises(engine.PackError, match=rf"mine.yaml:2: .*{problem}"):
        engine.load([_pack(tmp_path, CHECK + f"    message: {message}\n")])


@pytest.mark.parametrize("options, problem", [
    ("{words: 占}", r"ZZZ001: option words is a list of words"),
    ("{words: [占, 3]}", r"ZZZ001: option words is a list of words"),
    ("{wordz: [占]}", r"ZZZ001 has no option\(s\) wordz \(it has: words\)"),
    ("{words: $nowhere}", r"ZZZ001: option words: no vocabulary named 'nowhere'"),
    ("[占]", r"ZZZ001 must be a mapping"),
])
def test_options_are_typed_by_the_kind(tmp_path, options, problem):
    with pytest.raises(engine.PackError, match=rf"mine.yaml:2: {problem}"):
        engine.load([_pack(tmp_path, CHECK + f"    message: m\n    options: {options}\n")])


def test_a_vocabulary_is_named_once_and_shared(tmp_path):
    pack = _pack(tmp_path, "vocabularies:\n  shares: [占, 比重]\n" + CHECK
                 + "    message: '{stated}'\n    options: {words: $shares}\n"
                 + "  - code: ZZZ002\n    name: mine-too\n    kind: bare_rate\n    severity: warning\n"
                 + "    message: '{stated}'\n    options: {words: $shares}\n")
    checks = {c.code: c for c in engine.load([pack])}
    assert list(checks["ZZZ001"].options.words) == ["比重", "占"]
    assert checks["ZZZ001"].options.words is checks["ZZZ002"].options.words  # one list, one object
    text = "项目支出 10.00万元，占 40.00%。总支出 20.00万元。\n"
    found = engine.run(ingest.text.parse(text, "t.txt"), [checks["ZZZ001"]])
    assert found == []  # the whole is not named: nothing to judge, and no error from the shared words


def test_a_vocabulary_defined_twice_differently_is_refused(tmp_path):
    pack = _pack(tmp_path, "vocabularies:\n  listing-parts: [其中]\nchecks: []\n")
    with pytest.raises(engine.PackError, match=r"vocabulary 'listing-parts' is already defined otherwise"):
        engine.load([pack])
