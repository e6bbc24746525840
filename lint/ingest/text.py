"""Plain text and Markdown: decode, undo hard line wraps, strip stray markup, keep every position.

Decoding tries ``utf-8-sig`` (UTF-8 with or without BOM), then ``gb18030`` (a superset of GBK and
GB2312). Those strict decoders, in that order, decode short Chinese text more reliably than charset
detectors. A file that is neither is decoded as UTF-8 with replacement characters and a note names the
first bad byte, so one bad byte never hides the rest of a report.

Converters from PDF/DOCX break lines every few dozen characters and sometimes put a blank line after each.
A line is taken as *wrapped* (its paragraph goes on in the next non-blank line) when the document shows a
dominant line width and the line reaches it without closing its sentence, or when the line, however
short, ends mid-sentence (in ``，`` or ``、``) and the next line opens no list item. Wrapped lines are
joined with nothing between them (Chinese has no spaces; a number broken at the line end is whole again);
each source line keeps its own origin so every character still maps to its line and column.

Markdown emphasis (``**``/``__``), heading marks, LaTeX dollars and ``\\%`` are dropped or unescaped
segment by segment, again keeping positions. Lines holding tabs are table rows: they are kept as
one block each and never joined.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from pathlib import Path

from ..model import Block, Document, Finding, Severity, Span

_SENTENCE_END = "。！？；：:;!?）)”」』】"
#: a line ending in these broke off mid-sentence: its paragraph goes on in the next line
_MID_SENTENCE = "，、,"
#: what opens a list item or a numbered heading (二、 （三） 4. ①): such a line starts a paragraph
LIST_ITEM = (r"\d{1,2}(?:[.．](?!\d)|、)|[（(][一二三四五六七八九十\d]{1,3}[)）]"
             r"|[一二三四五六七八九十]{1,3}、|[①-⑳]")
#: here also a Markdown list item or table row, and 4) 4）
_ITEM = re.compile(rf"\s*(?:[-*+]\s|\||\d{{1,2}}[)）](?!\d)|{LIST_ITEM})")
_MARKUP = re.compile(r"\*\*|__|\$|\\(?=[%$])|\\times|\\cdot|&nbsp;|<br\s*/?>")
_MARKUP_REPLACEMENT = {"\\times": "×", "\\cdot": "·", "&nbsp;": " "}
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


class ReadError(Exception):
    """The file could not be read at all (missing, a directory, no permission)."""


def decode(data: bytes) -> tuple[str, str, int | None]:
    """Decode bytes: ``(text, encoding, offset of the first undecodable byte or None)``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Notepad's "Unicode")
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), encoding, None
        except UnicodeDecodeError:
            continue
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    else:  # pragma: no cover - utf-8-sig would have succeeded
        bad = None
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)", bad


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def read_bytes(path: str | Path, name: str) -> bytes:
    """The file's bytes, or a :class:`ReadError` naming it; a binary file behind a text suffix is refused
    (NUL bytes, or many control characters, in its first 8 KB) rather than read as garbage."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"{name}: {exc.strerror or exc}") from None
    head = data[:8192]
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        nul = head.find(b"\x00")
        if nul >= 0 or len(_CONTROL.findall(head)) > len(head) // 20:
            where = f" (a NUL byte at byte {nul})" if nul >= 0 else " (control characters)"
            raise ReadError(f"{name}: a binary file, not text{where}; crossfoot reads .txt and .md as text "
                            "and .docx, .pdf, .html in their own formats")
    return data


def read(path: str | Path, display: str | None = None) -> Document:
    """Read a .txt or .md file into a Document (raises :class:`ReadError` if it cannot be read)."""
    name = display or str(path)
    data = read_bytes(path, name)
    text, encoding, bad = decode(data)
    notes: list[Finding] = []
    if bad is not None:
        line = data[:bad].count(b"\n") + 1
        column = len(data[data.rfind(b"\n", 0, bad) + 1 : bad].decode("utf-8", errors="replace")) + 1
        notes.append(
            Finding(
                code="ENC001",
                name="undecodable-bytes",
                severity=Severity.WARNING,
                message=(
                    f"bytes that are neither UTF-8 nor GB18030 (first at byte {bad}: "
                    f"0x{data[bad]:02X}); they are shown as U+FFFD and figures next to them may be lost"
                ),
                path=name,
                span=Span(line, column, line, column + 1),
            )
        )
    return parse(text, name, encoding=encoding, notes=tuple(notes))


def parse(text: str, path: str = "<string>", encoding: str = "utf-8", notes: tuple = ()) -> Document:
    """Turn decoded text into a Document (exposed for tests and for other readers' text parts)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = _wrap_width(lines)
    blocks: list[Block] = []
    pieces: list[tuple[int, int, str]] = []  # (line, column, text) of the block being built

    def flush(kind: str = "paragraph") -> None:
        if pieces:
            blocks.append(_block(pieces, kind))
            pieces.clear()

    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or _COMMENT.match(raw):
            continue  # blank lines never end a paragraph on their own: converters insert them
        segments = _clean(raw)
        if not segments:
            continue
        if "\t" in raw:
            flush()
            pieces.extend((number, col, seg) for col, seg in segments)
            flush("row")
            continue
        heading = _HEADING.match(raw) is not None
        if heading or pieces and _ITEM.match(raw):
            flush()  # a heading, or a list item after a line that broke off mid-sentence
        pieces.extend((number, col, seg) for col, seg in segments)
        stripped = raw.rstrip()
        wrapped = not heading and (
            stripped[-1] in _MID_SENTENCE
            or width is not None and len(stripped) >= width - 2 and stripped[-1] not in _SENTENCE_END
        )
        if not wrapped:
            flush("heading" if heading else "paragraph")
    flush()
    return Document(path=path, blocks=tuple(blocks), encoding=encoding, notes=notes, lines=tuple(lines))


def _wrap_width(lines: list[str]) -> int | None:
    """The width at which a converter hard-wrapped this text, or None if it did not.

    A hard-wrapped text has one dominant line length among its longer lines: at least a quarter of its
    non-blank lines are within two characters of the most common length.
    """
    lengths = [len(line.rstrip()) for line in lines if len(line.strip()) >= 8 and "\t" not in line]
    if len(lengths) < 20:
        return None
    mode, _ = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if mode - 2 <= n <= mode + 2)
    return mode if near * 4 >= len(lengths) and mode >= 15 else None


def _clean(raw: str) -> list[tuple[int, str]]:
    """Split a source line into kept segments ``(1-based column, text)``, dropping markup."""
    heading = _HEADING.match(raw)
    if heading is None and "<!--" not in raw and _MARKUP.search(raw) is None:  # most lines: no markup
        kept = raw.strip()
        return [(len(raw) - len(raw.lstrip()) + 1, kept)] if kept else []
    start = heading.end() if heading else 0
    segments: list[tuple[int, str]] = []
    pos = start
    comments = _comments(raw, start)
    drops = [(a, b, "") for a, b in comments]
    starts = [a for a, _ in comments]

    def commented(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < comments[k][1]

    drops += [(m.start(), m.end(), _MARKUP_REPLACEMENT.get(m.group(), ""))
              for m in _MARKUP.finditer(raw, start) if not commented(m.start())]
    for a, b, replacement in sorted(drops):
        if a < pos:
            continue
        if a > pos:
            segments.append((pos + 1, raw[pos:a]))
        if replacement:
            segments.append((a + 1, replacement))
        pos = b
    if pos < len(raw):
        segments.append((pos + 1, raw[pos:]))
    # leading and trailing white space of the line carries nothing
    while segments and not segments[0][1].strip():
        segments.pop(0)
    if segments:
        col, seg = segments[0]
        lead = len(seg) - len(seg.lstrip())
        segments[0] = (col + lead, seg[lead:])
        col, seg = segments[-1]
        segments[-1] = (col, seg.rstrip())
    return [s for s in segments if s[1]]


def _comments(raw: str, start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the HTML comments in a line, found by plain search (linear, whatever the text)."""
    out = []
    while (a := raw.find("<!--", start)) >= 0 and (b := raw.find("-->", a + 4)) >= 0:
        out.append((a, b + 3))
        start = b + 3
    return out


def _block(pieces: list[tuple[int, int, str]], kind: str) -> Block:
    text: list[str] = []
    origins: list[tuple[int, int, int]] = []
    offset = 0
    for line, column, piece in pieces:
        origins.append((offset, line, column))
        text.append(piece)
        offset += len(piece)
    return Block(text="".join(text), origins=tuple(origins), kind=kind)
