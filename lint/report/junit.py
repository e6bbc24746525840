"""JUnit XML, for CI dashboards: a ``testsuite`` per file checked, a failing ``testcase`` per finding
(named by code and place, ``classname`` the file), and one passing ``testcase`` for a file with none.
Errors and warnings are failures; infos are written as passing cases with their message in
``system-out``, so they show without failing a build that reads JUnit. Files that could not be read are
``error`` cases."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import Severity
from . import printable


def write(findings, stream, context) -> None:
    by_file: dict[str, list] = {path: [] for path in context.files}
    for f in findings:
        by_file.setdefault(f.path, []).append(f)
    root = ET.Element("testsuites", name="crossfoot")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path, found in [*by_file.items(), *((p, None) for p, _ in context.errors)]:
        suite = ET.SubElement(root, "testsuite", name=printable(path))
        tests = failures = errors = 0
        if found is None:
            case = ET.SubElement(suite, "testcase", name="read", classname=printable(path))
            ET.SubElement(case, "error", message=dict(context.errors)[path], type="ReadError")
            tests, errors = 1, 1
        elif not found:
            ET.SubElement(suite, "testcase", name="crossfoot", classname=printable(path))
            tests = 1
        for f in found or ():
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.span}", classname=printable(path))
            tests += 1
            if f.severity >= Severity.WARNING:
                failure = ET.SubElement(case, "failure", message=f.message, type=f.code)
                failure.text = _detail(f)
                failures += 1
            else:
                ET.SubElement(case, "system-out").text = f"{f.severity}: {f.message}"
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        totals["tests"] += tests
        totals["failures"] += failures
        totals["errors"] += errors
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def _detail(f) -> str:
    lines = [f"{printable(f.path)}:{f.span}: {f.code} {f.name} ({f.severity})", f.message]
    if f.computed:
        lines.append(f"computed: {f.computed}" + (f" (tolerance {f.tolerance})" if f.tolerance else ""))
    if f.figures:
        lines.append("figures: " + ", ".join(f.figures))
    if f.span.snippet:
        lines.append(f"at: {f.span.snippet}")
    return "\n".join(lines)
