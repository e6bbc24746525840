"""CSV for a spreadsheet: one row per finding (the columns of :func:`crossfoot.report.rows`), then one per
file that was not checked (unreadable, or skipped in a folder: its status in the severity column, its reason
in the message's), so a spreadsheet of a batch never hides a file it did not check.

Written as UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text correctly by
double-click; every other CSV reader skips the mark. Text a spreadsheet would run as a formula is
neutralised (:func:`crossfoot.report.spreadsheet_cell`).
"""

from __future__ import annotations

import csv

from . import headed, printable, rows, spreadsheet_cell


def write(findings, stream, context) -> None:
    from ..lang import why

    header, body = rows(findings, context.lang)
    zh = context.lang == "zh"
    for status, unread in ((("未能检查" if zh else "not read"), context.errors),
                           (("已跳过" if zh else "skipped"), context.skipped)):
        for path, reason in unread:
            row = [""] * len(header)
            row[header.index("path")], row[header.index("severity")] = printable(path), status
            row[header.index("message")] = printable(why(reason, path, context.lang))
            body.append(row)
    stream.write("\ufeff")
    out = csv.writer(stream, lineterminator="\r\n")
    out.writerow(headed(header, context.lang))
    out.writerows([spreadsheet_cell(v) for v in row] for row in body)
