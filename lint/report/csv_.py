"""CSV for a spreadsheet: one row per finding (the columns of :func:`crossfoot.report.rows`).

Written as UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text correctly by
double-click; every other CSV reader skips the mark. Text a spreadsheet would run as a formula is
neutralised (:func:`crossfoot.report.spreadsheet_cell`).
"""

from __future__ import annotations

import csv

from . import headed, rows, spreadsheet_cell


def write(findings, stream, context) -> None:
    header, body = rows(findings, context.lang)
    stream.write("\ufeff")
    out = csv.writer(stream, lineterminator="\r\n")
    out.writerow(headed(header, context.lang))
    out.writerows([spreadsheet_cell(v) for v in row] for row in body)
