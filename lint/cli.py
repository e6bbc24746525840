"""The command line: ``check``, ``rules``, ``rule CODE``, ``extract``, ``export-gx``. Thin by design.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it; 2 a usage, configuration or
reading error, or an internal error (named with the file it happened on, never as a traceback).
"""

from __future__ import annotations

import inspect
import os
import sys
import tempfile

import click

from . import __version__
from .report import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")


def _fail(message: str) -> None:
    click.echo(f"crossfoot: error: {message}", err=True)
    raise SystemExit(EXIT_ERROR)


def _load_checks(packs, select=(), ignore=()):
    from . import engine

    try:
        return engine.select(engine.load(packs), select, ignore)
    except engine.PackError as exc:
        _fail(str(exc))


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="crossfoot")
def main() -> None:
    """crossfoot: check that the figures in a report agree with each other."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output-format", "fmt", type=click.Choice(["auto", *FORMATS]), default="concise",
              show_default=True, help="How findings are printed (auto: github under GitHub Actions, else "
              "concise). xlsx needs -o.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False),
              help="Write findings here (atomically).")
@click.option("--select", multiple=True, help="Codes, code prefixes or names to run (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add to the selection.")
@click.option("--ignore", multiple=True, help="Codes, prefixes or names to skip (comma-separated).")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default="info", show_default=True,
              help="Hide findings below this severity.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default="warning", show_default=True,
              help="Exit 1 when a finding at or above this severity is reported.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--pack", "packs", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="An extra YAML check pack (repeatable).")
@click.option("--engine", "judge", type=click.Choice(["native", "gx"]), default="native",
              show_default=True, help="Who decides the table checks: crossfoot, or great-expectations "
              "(pip install crossfoot[gx]).")
def check(paths, fmt, output_file, select, extend_select, ignore, min_severity, fail_on, exit_zero, packs,
          judge):
    """Check the reports at PATHS (files or folders)."""
    from . import engine, ingest
    from .model import Severity
    from .report import Context, writer

    if judge == "gx":
        _need_gx()

    chosen = _split(select) + _split(extend_select) if select else []
    if extend_select and not select:
        chosen = []  # extend-select without select adds to "all", which is already everything
    checks = _load_checks(packs, chosen, _split(ignore))
    module = writer(fmt)
    if getattr(module, "BINARY", False) and not output_file and sys.stdout.isatty():
        _fail(f"--output-format {fmt} writes a binary file; give it a name with -o FILE")
    floor = Severity.parse(min_severity)
    findings = []
    context = Context(checks=checks, version=__version__)
    for path in ingest.walk(paths):
        try:
            doc = ingest.read(path)
        except ingest.ReadError as exc:
            click.echo(f"crossfoot: error: {exc}", err=True)
            context.errors.append((path, str(exc)))
            continue
        relations: list | None = [] if getattr(module, "RELATIONS", False) else None
        try:
            found = [f for f in engine.run(doc, checks, relations, engine=judge) if f.severity >= floor]
        except Exception as exc:  # noqa: BLE001 - one bad file must not hide the others' findings
            message = f"internal error while checking {path}: {type(exc).__name__}: {exc}"
            click.echo(f"crossfoot: {message}", err=True)
            context.errors.append((path, message))
            continue
        context.files.append(path)
        if found:
            context.documents[path] = doc
            if relations is not None:
                context.relations[path] = relations
        findings.extend(found)
    _emit(module, findings, context, output_file)
    if context.errors:
        raise SystemExit(EXIT_ERROR)
    threshold = Severity.parse(fail_on)
    failing = any(f.severity >= threshold for f in findings)
    raise SystemExit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _need_gx() -> None:
    import importlib.util

    if importlib.util.find_spec("great_expectations") is None:
        _fail("great_expectations is not installed; install it with: pip install 'crossfoot[gx]'")


@main.command("export-gx")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-d", "--output-dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the frames (CSV) and suites (JSON) into.")
@click.option("--select", multiple=True, help="Codes, code prefixes or names to export (comma-separated).")
@click.option("--pack", "packs", multiple=True, type=click.Path(exists=True, dir_okay=False))
def export_gx(paths, output_dir, select, packs):
    """Write each report's table relations as GX sees them: per report and frame, the DataFrame as
    ``<report>.<frame>.csv`` and its expectation suite as ``<report>.<frame>.suite.json``."""
    import json
    from pathlib import Path

    import pandas as pd

    from . import engine, gx, ingest

    _need_gx()
    checks = _load_checks(packs, _split(select))
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for path in ingest.walk(paths):
        try:
            doc = ingest.read(path)
        except ingest.ReadError as exc:
            _fail(str(exc))
        stem = Path(path).stem
        for frame, suite in gx.suites(gx.frames(engine.deferred(doc, checks)), stem):
            pd.DataFrame(frame.columns).to_csv(out / f"{stem}.{frame.name}.csv", index_label="row")
            (out / f"{stem}.{frame.name}.suite.json").write_text(
                json.dumps(suite.to_json_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written += 1
    click.echo(f"Wrote {written} suite(s) with their frames to {out}", err=True)


@main.command()
@click.argument("path", type=click.Path())
def extract(path):
    """Print the text crossfoot read from PATH, one numbered line per line (table rows tab-separated),
    with the place in the original for DOCX, PDF and HTML: what finding lines and columns count in."""
    from . import ingest

    try:
        doc = ingest.read(path)
    except ingest.ReadError as exc:
        _fail(str(exc))
    for number, line in enumerate(doc.lines, start=1):
        place = f"{doc.places[number - 1][0].where}\t" if doc.places and doc.places[number - 1] else ""
        click.echo(f"{number}\t{place}{line}")


def _emit(module, findings, context, output_file) -> None:
    binary = getattr(module, "BINARY", False)
    if not output_file:
        module.write(findings, sys.stdout.buffer if binary else sys.stdout, context)
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(output_file))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".crossfoot-", suffix=".tmp")
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as stream:
            module.write(findings, stream, context)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # as an ordinary new file would be, not mkstemp's owner-only mode
        os.replace(tmp, output_file)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@main.command()
@click.option("--pack", "packs", multiple=True, type=click.Path(exists=True, dir_okay=False))
def rules(packs):
    """List every check: code, name, default severity, summary."""
    from tabulate import tabulate

    rows = [(c.code, c.name, str(c.severity), c.summary) for c in _load_checks(packs)]
    click.echo(tabulate(rows, headers=("code", "name", "severity", "summary"), tablefmt="simple"))


@main.command()
@click.argument("code")
@click.option("--pack", "packs", multiple=True, type=click.Path(exists=True, dir_okay=False))
def rule(code, packs):
    """Show the documentation of one check (by code or name), with a failing and a passing example."""
    from .kinds import registry

    found = [c for c in _load_checks(packs) if c.code == code.upper() or c.name == code]
    if not found:
        _fail(f"no check {code!r} (see `crossfoot rules`)")
    c = found[0]
    doc = inspect.getdoc(registry()[c.kind]) or ""
    click.echo(f"{c.code} {c.name} ({c.severity}, kind {c.kind})\n\n{c.summary}\n")
    click.echo(f"Message: {c.message}\n")
    click.echo(f"How the {c.kind} kind works:\n\n{doc}\n")
    if c.options:
        click.echo("Options:")
        for key, value in c.options.items():
            click.echo(f"  {key}: {value}")
        click.echo("")
    click.echo(f"Failing example:\n  {c.examples.get('fail', '(none)')}\n")
    click.echo(f"Passing example:\n  {c.examples.get('pass', '(none)')}")
