"""The command line: ``check``, ``rules``, ``rule CODE``, ``extract``, ``export-gx``. Thin by design.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it; 2 a usage, configuration or
reading error, or an internal error (named with the file it happened on, never as a traceback).
"""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .report import FORMATS, printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")


def _fail(message: str) -> None:
    """Say why the command cannot go on, in the language asked for (``--lang``, else the locale's); exit 2."""
    if _Speaking.lang == "zh":
        from .lang import fail_zh

        click.echo(f"crossfoot：错误：{printable(fail_zh(message))}", err=True)
    else:
        click.echo(f"crossfoot: error: {printable(message)}", err=True)
    raise SystemExit(EXIT_ERROR)


def _load_checks(packs, select=(), ignore=(), lang=None):
    from . import engine
    from .codes import unknown

    try:
        checks = engine.load(packs)
    except engine.PackError as exc:
        _fail(str(exc))
    wrong = unknown([*select, *ignore], checks)
    if wrong:
        _fail("select/ignore: " + "; ".join(wrong))
    from .lang import resolve

    return engine.localize(engine.select(checks, select, ignore), resolve(lang or ""))


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


class _Speaking(click.Group):
    """The command group, its usage errors and help frame in the language asked for (see :mod:`.cli_zh`)."""

    lang = "en"  # the language the command's own errors are said in (:func:`_fail`)

    def main(self, args=None, *rest, **kwargs):
        from .cli_zh import help_in, speak, wanted

        given = list(sys.argv[1:] if args is None else args)
        lang = _Speaking.lang = wanted(given)
        speak(lang)
        if not given or {"-h", "--help"} & set(given):  # help is what shows the commands' own texts
            help_in(self, lang)
        return super().main(args, *rest, **kwargs)


@click.group(cls=_Speaking, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="crossfoot")
def main() -> None:
    """crossfoot: check that the figures in a report agree with each other."""
    import signal

    if hasattr(signal, "SIGXFSZ"):  # past a file size limit a write fails (reported), never kills us
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


# options several commands take, each written once
_SELECT = click.option("--select", multiple=True,
                       help="Codes, code prefixes or names to run (comma-separated).")
_EXTEND_SELECT = click.option("--extend-select", multiple=True, help="Add to the selection.")
_IGNORE = click.option("--ignore", multiple=True, help="Codes, prefixes or names to skip (comma-separated).")
_EXIT_ZERO = click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
_PACK = click.option("--pack", "packs", multiple=True, type=click.Path(exists=True, dir_okay=False),
                     help="An extra YAML check pack (repeatable).")
_CONFIG = click.option("--config", type=click.Path(exists=True, dir_okay=False),
                       help="Use this configuration file for every path.")
_ISOLATED = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
_LANG = click.option("--lang", type=click.Choice(["zh", "en"]),
                     help="Messages and summaries in Chinese or English [default: the locale's].")
_QUIET = click.option("-q", "--quiet", is_flag=True,
                      help="No progress bar (drawn only on a terminal, after 0.5 s).")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output-format", "fmt", type=click.Choice(["auto", *FORMATS]),
              help="How findings are printed [default: concise; auto: github under GitHub Actions]. "
              "xlsx is a binary file: give -o FILE (or redirect it; never to a terminal).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False),
              help="Write findings here (atomically).")
@_SELECT
@_EXTEND_SELECT
@_IGNORE
@click.option("--min-severity", type=click.Choice(SEVERITIES),
              help="Hide findings below this severity [default: info].")
@click.option("--fail-on", type=click.Choice(SEVERITIES),
              help="Exit 1 when a finding at or above this severity is reported [default: warning].")
@_EXIT_ZERO
@_PACK
@click.option("--engine", "judge", type=click.Choice(["native", "gx"]), default="native",
              show_default=True, help="Who decides the table checks: crossfoot, or great-expectations "
              "(pip install crossfoot[gx]).")
@click.option("--rounding", type=click.Choice(["round", "either", "strict"]),
              help="How stated figures were rounded [default: round]: half up (a gap only truncation "
              "explains is info), either rounded or truncated, or strictly rounded.")
@_CONFIG
@_ISOLATED
@click.option("--show-settings", is_flag=True, help="Print the settings for the first path and exit.")
@click.option("--show-files", is_flag=True, help="Print the files that would be checked and exit.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per check instead.")
@click.option("--timeout", type=click.FloatRange(min=0), default=120, show_default=True,
              help="Seconds a file may take (0: no limit); one that takes longer is reported, not checked.")
@click.option("--memory", "memory_mb", type=click.IntRange(min=0), default=2048, show_default=True,
              help="Megabytes more a file may take (0: no limit); one that needs more is reported.")
@_LANG
@click.option("--fix", is_flag=True, help="Apply the safe fixes to TXT/Markdown files (a missing %, a "
              "thousands separator, a template alternative the sentence decides), then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also change a figure to the "
              "one-digit correction its relation suggests.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; change nothing.")
@click.option("--add-suppressions", is_flag=True, help="End each line with findings with a "
              "disable-line comment for them (TXT/Markdown), and exit.")
@click.option("--annotate", "annotate_dir", type=click.Path(file_okay=False),
              help="Write a copy of each DOCX checked into this folder with a Word comment on each "
              "finding's figure (the originals are never changed).")
@_QUIET
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Hide the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record every finding of this run in a baseline file, and exit 0.")
def check(paths, fmt, output_file, select, extend_select, ignore, min_severity, fail_on, exit_zero, packs,
          judge, rounding, config, isolated, show_settings, show_files, statistics, timeout, memory_mb,
          lang, fix, unsafe_fixes, show_diff, add_suppressions, annotate_dir, quiet, baseline,
          write_baseline):
    """Check the reports at PATHS (files or folders)."""
    from . import audit, ingest, suppress
    from .lang import reason_zh
    from .model import Severity
    from .progress import Progress, wanted
    from .report import Context, writer

    if judge == "gx":
        _need_gx()
    given = {"select": _split(select), "extend_select": _split(extend_select), "ignore": _split(ignore),
             "min_severity": min_severity, "fail_on": fail_on, "rounding": rounding, "packs": list(packs),
             "baseline": baseline, "lang": lang}
    settings_for = _settings(config, isolated, given)
    here = settings_for(".")

    if show_settings:
        shown = settings_for(paths[0])
        click.echo(f"Settings for {paths[0]} (from {shown.source or 'the defaults'}):")
        for key, value in shown.shown()[1:]:
            click.echo(f"  {key} = {value!r}")
        raise SystemExit(EXIT_CLEAN)
    skipped: list[tuple[str, str]] = []
    files = list(ingest.walk(paths, skipped))
    if show_files:
        click.echo("\n".join(printable(f) for f in files))
        raise SystemExit(EXIT_CLEAN)
    for path, why in skipped:
        click.echo(printable(f"crossfoot：已跳过 {path}：{reason_zh(why)}" if here.lang == "zh"
                             else f"crossfoot: skipped {path}: {why}"), err=True)
    fmt = fmt or here.output_format
    if fmt not in ("auto", *FORMATS):
        _fail(f"output-format {fmt!r} in {here.source} is not one of {', '.join(FORMATS)}")
    module = writer(fmt)
    if getattr(module, "BINARY", False) and not output_file and sys.stdout.isatty():
        _fail(f"--output-format {fmt} writes a binary file; give it a name with -o FILE")
    for option, target in (("-o", output_file), ("--write-baseline", write_baseline)):
        if target and os.path.exists(target) and any(
                os.path.exists(f) and os.path.samefile(f, target) for f in files):
            _fail(f"{option} {target} is a report being checked; write the findings to another file")
    copies = _annotation_targets(files, annotate_dir) if annotate_dir else {}
    if fix or show_diff or add_suppressions:
        changed = _edit(files, settings_for, judge, fix and not show_diff, unsafe_fixes, show_diff,
                        add_suppressions, here.lang)
        if show_diff:
            raise SystemExit(EXIT_FINDINGS if changed and not exit_zero else EXIT_CLEAN)
        if add_suppressions:
            raise SystemExit(EXIT_CLEAN)
    findings, failing, facts = [], False, {}
    context = Context(version=__version__, skipped=skipped, lang=here.lang)
    baselines: dict[str, suppress.Baseline] = {}
    progress = Progress(len(files), enabled=wanted(quiet), lang=here.lang)
    done = 0
    try:
        for path in files:
            progress.current(path)
            found = _check_one(path, settings_for(path), context, module, baselines, facts, judge, timeout,
                               memory_mb, write_baseline)
            done += 1
            progress.step(path, len(found or ()), found is None)
            if found:
                failing |= any(f.severity >= Severity.parse(settings_for(path).fail_on) for f in found)
                findings.extend(found)
    except KeyboardInterrupt:
        progress.close()
        click.echo(f"crossfoot：已中断：{len(files)} 个文件中已检查 {done} 个，以下仅为这些文件的问题。"
                   "文件较多时，`crossfoot batch` 会保存每个文件的结果，可用 --resume 继续。"
                   if here.lang == "zh" else
                   f"crossfoot: interrupted: {done} of {len(files)} files checked; the findings below are "
                   "theirs only. For a large folder, `crossfoot batch` keeps each file's result and goes "
                   "on with --resume.", err=True)
        _emit(module, findings, context, output_file)
        raise SystemExit(130) from None
    progress.close()
    for path, found in audit.across(facts, lambda p: _checks_for(settings_for(p))).items():
        s = settings_for(path)
        found = audit.shown(found, s, path)
        failing |= any(f.severity >= Severity.parse(s.fail_on) for f in found)
        findings.extend(found)
        if found and path not in context.documents:  # writers that quote the source need it
            context.documents[path] = ingest.read(path)
    order = {path: i for i, path in enumerate(context.files)}
    findings.sort(key=lambda f: (order.get(f.path, 0), f.sort_key()))
    if write_baseline:
        n = suppress.write_baseline(write_baseline, findings, context.documents)
        click.echo(f"已将 {n} 个问题写入基线文件 {write_baseline}" if here.lang == "zh"
                   else f"Wrote {n} finding(s) to the baseline {write_baseline}", err=True)
        raise SystemExit(EXIT_ERROR if context.errors else EXIT_CLEAN)
    for b in baselines.values():
        if b.hidden or b.stale:
            click.echo(f"crossfoot：基线隐去 {b.hidden} 个问题；其中 {b.stale} 条记录未对应任何问题（已修正？"
                       "请重新写入基线）" if here.lang == "zh" else
                       f"crossfoot: {b.hidden} finding(s) hidden by the baseline; {b.stale} of its "
                       "entries matched nothing (fixed? write the baseline again)", err=True)
    if statistics:
        _statistics(findings, context.lang)
    else:
        _emit(module, findings, context, output_file)
    if annotate_dir:
        _annotate(copies, findings, context, annotate_dir)
    if context.errors or not context.files:
        raise SystemExit(EXIT_ERROR)  # a file not checked, or nothing to check: never a silent pass
    raise SystemExit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _edit(files, settings_for, judge, write, unsafe, show_diff, add_suppressions, lang: str = "en") -> int:
    """Fix or suppress the findings of the TXT/Markdown ``files`` (see :mod:`crossfoot.fixes`): written
    back when ``write``, printed as a diff when ``show_diff``; how many files would change. Files of other
    formats are named as left alone (a DOCX takes comments: --annotate)."""
    from . import audit, fixes

    changed = made = left = 0
    for path in files:
        read = fixes.read(path)
        if read is None:
            click.echo(printable(f"crossfoot：未修改 {path}：仅能修改 TXT 和 Markdown 文件（DOCX 可用 "
                                 "--annotate 生成带批注的副本）" if lang == "zh" else
                                 f"crossfoot: left {path} alone: only TXT and Markdown files are edited "
                                 "(for a DOCX, --annotate writes a copy with comments)"), err=True)
            continue
        text, encoding = read
        s = settings_for(path)
        outcome = audit.file(path, s, _checks_for(s), judge=judge)
        if outcome.error or not outcome.findings:
            continue
        if add_suppressions:
            new, n = fixes.suppress(text, outcome.findings)
        else:
            new, done = fixes.apply(text, fixes.plan(outcome.findings, unsafe))
            n = len(done)
            left += len(fixes.plan(outcome.findings, True)) - len(fixes.plan(outcome.findings, unsafe))
        if new == text:
            continue
        changed, made = changed + 1, made + n
        if show_diff:
            click.echo(fixes.unified(path, text, new), nl=False)
        elif write or add_suppressions:
            try:
                fixes.write(path, new, encoding)
            except OSError as exc:
                _fail(f"cannot write {path}: {exc.strerror or exc}")
    if lang == "zh":
        what = "添加屏蔽注释" if add_suppressions else ("修正" if write else "显示修正")
        hint = f"；另有 {left} 处需加 --unsafe-fixes" if left else ""
        click.echo(f"crossfoot：{what} {made} 处，涉及 {changed} 个文件{hint}", err=True)
        return changed
    what = "suppression comment(s) added" if add_suppressions else (
        "fix(es) applied" if write else "fix(es) shown")
    hint = f"; {left} more with --unsafe-fixes" if left else ""
    click.echo(f"crossfoot: {made} {what} in {changed} file(s){hint}", err=True)
    return changed


def _annotation_targets(files, folder) -> dict:
    from . import annotate

    try:
        return annotate.targets(files, folder)
    except ValueError as exc:
        _fail(str(exc))


def _annotate(copies, findings, context, folder) -> None:
    """Write the annotated copies of the DOCX reports with findings (see :mod:`crossfoot.annotate`)."""
    from . import annotate

    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    written = 0
    for path, target in copies.items():
        mine = by_path.get(path)
        if not mine or path not in context.files:
            continue
        try:
            os.makedirs(folder, exist_ok=True)
            placed, unplaced = annotate.annotate(path, mine, target, context.lang)
        except OSError as exc:
            _fail(f"cannot write {target}: {exc.strerror or exc}")
        written += 1
        if context.lang == "zh":
            rest = f"；{unplaced} 条未能标注（位于页眉、页脚或注释中）" if unplaced else ""
            click.echo(f"crossfoot：{target}：批注 {placed} 条{rest}", err=True)
        else:
            rest = f"; {unplaced} not placed (in a header, footer or note)" if unplaced else ""
            click.echo(f"crossfoot: {target}: {placed} comment(s){rest}", err=True)
    if not written:
        if context.lang == "zh":
            what = "所检查的 DOCX 报告均无问题" if copies else "没有检查 DOCX 报告"
            click.echo(f"crossfoot：--annotate：{what}，未生成副本", err=True)
        else:
            what = "no DOCX report had findings" if copies else "no DOCX report was checked"
            click.echo(f"crossfoot: --annotate: {what}; no copy written", err=True)


def _check_one(path, s, context, module, baselines, facts, judge, timeout, memory_mb, write_baseline):
    """Audit one file into ``context``: its findings shown, or None when it could not be checked."""
    from . import audit, suppress

    checks = _checks_for(s)
    ran = {c.code: c for c in [*context.checks, *checks]}
    context.checks = [ran[code] for code in sorted(ran)]
    outcome = audit.file(path, s, checks, judge=judge, relations=getattr(module, "RELATIONS", False),
                         timeout=timeout, memory_mb=memory_mb)
    if outcome.error:
        if context.lang == "zh":
            from .lang import why

            click.echo(f"crossfoot：无法检查 {printable(path)}：{printable(why(outcome.error, path, 'zh'))}",
                       err=True)
        else:
            click.echo(f"crossfoot: error: {printable(outcome.error)}", err=True)
        context.errors.append((path, outcome.error))
        return None
    doc, found = outcome.doc, outcome.findings
    if outcome.facts:
        facts[path] = outcome.facts
    if s.baseline and not write_baseline:
        if s.baseline not in baselines:
            try:
                baselines[s.baseline] = suppress.Baseline(s.baseline)
            except suppress.BaselineError as exc:
                _fail(str(exc))
        found = baselines[s.baseline].filter(found, doc)
    context.files.append(path)
    if found:
        context.documents[path] = doc
        if outcome.relations is not None:
            context.relations[path] = outcome.relations
    return found


def _settings(config, isolated, given, validate=None):
    """``settings_for(path)``: the settings of the configuration file nearest ``path`` (or ``--config``, or
    none when ``--isolated``) with the command line's options over them, merged once per file; a
    configuration error is the command's error."""
    from .config import ConfigError, Resolver

    try:
        resolver = Resolver(config, isolated)
    except ConfigError as exc:
        _fail(str(exc))
    merged: dict[int, object] = {}

    def settings_for(path):
        try:
            base = resolver.for_path(path)
        except ConfigError as exc:
            _fail(str(exc))
        if id(base) not in merged:
            merged[id(base)] = base.over(given)
            if validate is not None:
                validate(merged[id(base)])
        return merged[id(base)]

    return settings_for


def _checks_for(s):
    from . import audit, engine

    try:
        return audit.checks_for(s)
    except engine.PackError as exc:
        _fail(str(exc))


def _statistics(findings, lang: str = "en") -> None:
    from collections import Counter

    from tabulate import tabulate

    from .lang import SEVERITY_ZH, title

    counts = Counter((f.code, f.name, str(f.severity)) for f in findings)
    if lang == "zh":
        rows = [(n, code, title(code, name, lang), SEVERITY_ZH[severity])
                for (code, name, severity), n in counts.most_common()]
        click.echo(tabulate(rows, headers=("个数", "代码", "名称", "级别"), tablefmt="simple")
                   if rows else "没有发现问题。")
        return
    rows = [(n, code, name, severity) for (code, name, severity), n in counts.most_common()]
    click.echo(tabulate(rows, headers=("count", "code", "name", "severity"), tablefmt="simple")
               if rows else "No findings.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-d", "--output-dir", default="crossfoot-batch", show_default=True,
              type=click.Path(file_okay=False),
              help="Folder for results.jsonl, findings.xlsx/.csv, summary.txt, index.html and html/.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes [default: 0, one per core].")
@click.option("--resume", is_flag=True, help="Keep the results already in the folder; check only the rest.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds a file may take before its worker is stopped.")
@click.option("--memory", "memory_mb", type=click.IntRange(min=256), default=2048, show_default=True,
              help="Megabytes of address space a worker may use.")
@click.option("--executor", type=click.Choice(["local", "dask", "inline"]), default="local",
              show_default=True,
              help="Worker processes here, a Dask cluster (pip install 'crossfoot[dask]'), or this process.")
@click.option("--scheduler", help="The Dask scheduler's address (tcp://host:8786) for --executor dask.")
@click.option("--cache-dir", default=".crossfoot_cache", show_default=True, type=click.Path(file_okay=False),
              help="Results of unchanged files are taken from here.")
@click.option("--no-cache", is_flag=True, help="Check every file again.")
@click.option("--no-html", is_flag=True, help="Do not write a report per document.")
@_SELECT
@_EXTEND_SELECT
@_IGNORE
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Hide findings below this severity.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 at or above this severity.")
@_EXIT_ZERO
@_PACK
@click.option("--rounding", type=click.Choice(["round", "either", "strict"]),
              help="How stated figures were rounded [default: round]: half up, either rounded or truncated, "
                   "or strictly rounded.")
@_CONFIG
@_ISOLATED
@_LANG
@_QUIET
def batch(paths, output_dir, jobs, resume, timeout, memory_mb, executor, scheduler, cache_dir, no_cache,
          no_html, select, extend_select, ignore, min_severity, fail_on, exit_zero, packs, rounding, config,
          isolated, lang, quiet):
    """Audit many reports at once: in parallel, each file isolated (time and memory limits), results kept
    as each file finishes (--resume goes on after an interruption), unchanged files taken from the cache;
    writes a triage spreadsheet, a summary and an HTML report per document with an index."""
    from . import batch as batches
    from .model import Severity
    from .progress import wanted

    if executor == "dask" and not scheduler:
        _fail("--executor dask needs --scheduler ADDRESS")
    given = {"select": _split(select), "extend_select": _split(extend_select), "ignore": _split(ignore),
             "min_severity": min_severity, "fail_on": fail_on, "rounding": rounding, "packs": list(packs),
             "lang": lang}
    # a broken pack or option stops the batch before it starts
    settings_for = _settings(config, isolated, given, validate=_checks_for)
    try:
        records = batches.run(paths, output_dir, settings_for, executor=executor, resume=resume,
                              cache="" if no_cache else cache_dir, html=not no_html,
                              progress=wanted(quiet), jobs=jobs, timeout=timeout, memory_mb=memory_mb,
                              scheduler=scheduler)
    except batches.Interrupted as exc:
        if batches.language(lambda _p: settings_for("."), ["."]) == "zh":
            click.echo(f"crossfoot：已中断：{exc.total} 个文件中已完成 {exc.done} 个，结果保存在 "
                       f"{output_dir}。再次运行同一命令并加上 --resume 即可继续。", err=True)
        else:
            click.echo(f"crossfoot: {exc}; their results are kept in {output_dir}. Run the same command with "
                       "--resume to go on.", err=True)
        raise SystemExit(130) from None
    except RuntimeError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write the batch's results to {output_dir}: {exc.filename or ''}"
              f"{': ' if exc.filename else ''}{exc.strerror or exc}")
    language = batches.language(settings_for, [r["path"] for r in records])
    click.echo(batches.outputs.summary(records, language), nl=False)
    html_dir = ", html/" if not no_html else ""
    click.echo(f"{'结果保存在' if language == 'zh' else 'Results in'} {output_dir}: findings.xlsx, "
               f"findings.csv, summary.txt, index.html{html_dir}, results.jsonl", err=True)
    if any(r["status"] == "error" for r in records) or not any(r["status"] == "ok" for r in records):
        raise SystemExit(EXIT_ERROR)  # a file not checked, or nothing to check
    failing = any(Severity.parse(f["severity"]) >= Severity.parse(settings_for(r["path"]).fail_on)
                  for r in records for f in r["findings"])
    raise SystemExit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _need_gx() -> None:
    import importlib.util

    if importlib.util.find_spec("great_expectations") is None:
        _fail("great_expectations is not installed; install it with: pip install 'crossfoot[gx]'")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on (this computer only by default).")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8765, show_default=True,
              help="The port (0: any free one).")
@click.option("--no-browser", is_flag=True, help="Do not open the page in a browser.")
@click.option("--max-file-mb", type=click.IntRange(min=1), default=50, show_default=True,
              help="The largest report taken.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Worker processes per upload (0: one per core).")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Seconds a report may take before its worker is stopped.")
@click.option("--memory", "memory_mb", type=click.IntRange(min=256), default=2048, show_default=True,
              help="Memory a worker may use, MB.")
@click.option("--lang", type=click.Choice(["zh", "en"]),
              help="The page's language (default: each browser's, else the locale's).")
def serve(host, port, no_browser, max_file_mb, jobs, timeout, memory_mb, lang):
    """A local web page to check reports without a terminal: drop PDF, Word, Excel or text reports on it
    and see each one's findings beside the document; download the spreadsheet. Everything uploaded stays
    on this computer, in a temporary folder removed when the page closes the report or the server stops
    (needs the web extra: pip install 'crossfoot[web]')."""
    import importlib.util

    if any(importlib.util.find_spec(m) is None for m in ("starlette", "uvicorn", "multipart")):
        _fail("the desk needs the web extra: pip install 'crossfoot[web]'")
    from . import serve as desk

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"crossfoot: listening on {host}: anyone who can reach it and has the printed address "
                   "can upload reports", err=True)
    limits = desk.Limits(file_mb=max_file_mb, jobs=jobs, timeout=timeout, memory_mb=memory_mb)
    taken = desk.taken(host, port)
    if taken:
        _fail(taken)
    try:
        desk.run(host, port, lang or "", limits, open_browser=not no_browser,
                 echo=lambda text: click.echo(text, err=True))
    except SystemExit as exc:  # uvicorn could not listen
        if exc.code:
            _fail(f"cannot listen on {host}:{port} (not an address of this computer)")
        raise


@main.command("export-gx")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-d", "--output-dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the frames (CSV) and suites (JSON) into.")
@click.option("--select", multiple=True, help="Codes, code prefixes or names to export (comma-separated).")
@_PACK
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
        for frame, suite in gx.suites(gx.frames(engine.verdicts(doc, checks, gx.KINDS)), stem):
            pd.DataFrame(frame.columns).to_csv(out / f"{stem}.{frame.name}.csv", index_label="row")
            (out / f"{stem}.{frame.name}.suite.json").write_text(
                json.dumps(suite.to_json_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            written += 1
    click.echo(f"Wrote {written} suite(s) with their frames to {out}", err=True)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--timeout", type=click.FloatRange(min=0), default=120, show_default=True,
              help="Seconds the file may take to read (0: no limit).")
@click.option("--memory", "memory_mb", type=click.IntRange(min=0), default=2048, show_default=True,
              help="Megabytes the reading may use (0: no limit).")
def extract(path, timeout, memory_mb):
    """Print the text crossfoot read from PATH, one numbered line per line (table rows tab-separated),
    with the place in the original for DOCX, PDF and HTML: what finding lines and columns count in."""
    from . import ingest, limits

    try:
        with limits.headroom(memory_mb), limits.deadline(timeout):
            doc = ingest.read(path)
    except ingest.ReadError as exc:
        _fail(str(exc))
    except limits.FileTimeout as exc:
        _fail(f"{path}: {exc}; not read (raise --timeout to allow more)")
    except MemoryError:
        _fail(f"{path}: needed more than {memory_mb} MB; not read (raise --memory to allow more)")
    for number, line in enumerate(doc.lines, start=1):
        place = f"{doc.places[number - 1][0].where}\t" if doc.places and doc.places[number - 1] else ""
        click.echo(f"{number}\t{place}{line}")


def _emit(module, findings, context, output_file) -> None:
    binary = getattr(module, "BINARY", False)
    if not output_file:
        if not binary and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(errors="backslashreplace")  # (a name's bytes that are no UTF-8)
        try:
            module.write(findings, sys.stdout.buffer if binary else sys.stdout, context)
            sys.stdout.flush()
        except BrokenPipeError:  # crossfoot check … | head: the reader has all it wanted
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except OSError as exc:  # a full disk, a file size limit (ulimit -f)
            _fail(f"cannot write the findings: {exc.strerror or exc}")
        return
    from . import files

    try:
        files.write(output_file, lambda stream: module.write(findings, stream, context), binary=binary)
    except OSError as exc:
        _fail(f"cannot write {output_file}: {exc.strerror or exc}")


@main.command()
@click.argument("folder", type=click.Path(file_okay=False))
@_PACK
@_LANG
def docs(folder, packs, lang):
    """Write the rule documentation (a Markdown page per check, with its examples run) to FOLDER."""
    from . import docs as rule_docs
    from .lang import resolve

    n = rule_docs.write(folder, _load_checks(packs, lang=lang))
    zh = resolve(lang or "") == "zh"
    click.echo(f"已写入 {n} 页至 {folder}" if zh else f"Wrote {n} pages to {folder}", err=True)


@main.command()
@_PACK
@_LANG
def rules(packs, lang):
    """List every check: code, name, default severity, summary."""
    from tabulate import tabulate

    from .codes import BUILTIN
    from .docs import builtin_text, name_of
    from .lang import SEVERITY_ZH, resolve


    lang = resolve(lang or "")
    sev = (lambda s: SEVERITY_ZH[str(s)]) if lang == "zh" else str
    rows = [(c.code, name_of(c, lang), sev(c.severity), c.summary) for c in _load_checks(packs, lang=lang)]
    rows += [(b.code, b.name, sev(b.severity), b.summary) for b in (builtin_text(b, lang) for b in BUILTIN)]
    headers = ("代码", "名称", "级别", "说明") if lang == "zh" else ("code", "name", "severity", "summary")
    click.echo(tabulate(rows, headers=headers, tablefmt="simple"))


@main.command()
@click.argument("code")
@_PACK
@_LANG
def rule(code, packs, lang):
    """Show the documentation of one check (by code or name): what it reports, a failing example with the
    finding it gives and a passing one, then how it reads a report."""
    from .codes import builtin, unknown

    checks = _load_checks(packs, lang=lang)
    lang = checks[0].lang if checks else "en"
    found = [c for c in checks if c.code == code.upper() or code in (c.name, c.name_zh)]
    if not found and builtin(code):
        from .docs import builtin_page

        click.echo(builtin_page(builtin(code), lang).replace("# ", "", 1))
        return
    if not found:
        _fail(unknown([code], checks)[0] if unknown([code], checks) else f"{code!r} is a prefix of several "
              "codes: give one (`crossfoot rules` lists them)")
    from .docs import page

    click.echo(page(found[0], checks))  # (as `docs` writes it: what it says, its examples run, then how)
