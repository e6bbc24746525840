"""What several test modules share."""


def brief(findings):
    """Findings as ``(code, line, column, severity)``: what most assertions compare."""
    return [(f.code, f.span.line, f.span.column, str(f.severity)) for f in findings]
