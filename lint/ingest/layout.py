"""What the structured readers (DOCX, PDF, HTML) share: lines of pieces in, one Document out.

A structured reader knows where each piece of text sits in the original (a page and box, a paragraph, a
table cell). It hands :func:`assemble` the document as :class:`Line`\\ s in reading order:

* a paragraph or heading line holds one or more pieces; ``joins`` says the paragraph goes on in the next
  line (a PDF line wrapped at the margin), and the lines are joined with nothing between them, as Chinese
  is written and so that a number broken at a line end is whole again;
* a table row holds one piece per grid column (merged cells give their text once and empty pieces for the
  rest), and becomes a tab-separated line, so tables are recovered exactly as from a text export.

The Document's ``lines`` are these lines (what crossfoot read, line numbers count in it), and its
``places`` map every stretch of them back to the original, for :meth:`Document.locate`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from xml.etree import ElementTree as ET

from ..model import Block, Document, Place
from ..regex import lazy
from . import script
from .invisible import BIDI, INVISIBLE, note
from .text import ReadError

UNPACKED_LIMIT = 256 * 2**20
MOST_CHARS = 200_000
"""Characters a page may hold: a dense A4 page of a report holds a few thousand; three million text
operators in 33 KB of PDF would be read for minutes and gigabytes."""


class PageTooFull(Exception):
    """A page holding more than :data:`MOST_CHARS` characters (its number, how many)."""

    def __init__(self, number: int, count: int):
        super().__init__(number, count)
        self.number, self.count = number, count

    def refusal(self, name: str):
        from .text import ReadError

        return ReadError(f"{name}: page {self.number} holds {self.count:,} characters, more than any "
                         f"report's page ({MOST_CHARS:,}); not read")
"""What the parts of a ZIP package (DOCX, XLSX, OFD) may unpack to; a report's are a few MB."""

_SPACES = lazy(r"[\t\r\n\u000b\u000c]+")
# a no-break space, not one grouping an amount's thousands (2 781.74: kept for the figures to read)
_LOOSE_NBSP = lazy(r"(?<!\d)\xa0|\xa0(?!\d{3}(?:\xa0\d{3})*\.\d)")


@dataclass
class Piece:
    text: str
    where: str
    page: int = 0
    box: tuple[float, float, float, float] | None = None
    xs: tuple[float, ...] = ()
    merged: str = ""
    """A table cell covered by a merged one: ``left`` or ``up`` (see :class:`crossfoot.model.Place`)."""
    rounded: bool = False
    """A number shown with fewer digits than its source holds (see :class:`crossfoot.model.Place`)."""


@dataclass
class Line:
    pieces: list[Piece] = field(default_factory=list)
    kind: str = "paragraph"
    """'paragraph', 'heading' or 'row'."""
    joins: bool = False


def clean(text: str) -> str:
    """A piece's text on one line: line breaks inside it vanish (never a space), tabs and no-break spaces
    become spaces (not one grouping an amount's thousands, 2 781.74); LaTeX a converter left in a Word or web
    page's text is read as the text reader reads it (``$\\times 100\\% = 97.52\\%$``: × 100% = 97.52%)."""
    text = _LOOSE_NBSP.sub(" ", _SPACES.sub(lambda m: "" if "\t" not in m.group() else " ", text)).strip()
    return _untex(text) if "\\" in text or "$" in text else text


# a formula in dollars: digits, signs, TeX commands and spaces only (not $ amounts in a sentence's words)
_TEX_MATH = lazy(r"\$([\d\s.,%+\-=×÷*/()（）<>≤≥^_{}\\a-zA-Z]{1,200}?)\$")
_TEX_ESCAPE = lazy(r"\\(%|\$|times|div|cdot|leq?|geq?)(?![a-zA-Z])")
_TEX_SIGNS = {"%": "%", "$": "$", "times": "×", "div": "÷", "cdot": "·", "le": "≤", "leq": "≤", "ge": "≥",
              "geq": "≥"}
_TEX_GAP = lazy(r"(?<=[\d.]) +(?=[\d.%\\])")  # $9 8 . 2 0 \%$ as a converter spaces it: 98.20%


def _untex(text: str) -> str:
    if "$" in text:
        text = _TEX_MATH.sub(lambda m: _TEX_GAP.sub("", m.group(1)) if any(c.isdigit() for c in m.group(1))
                             else m.group(), text)
    return _TEX_ESCAPE.sub(lambda m: _TEX_SIGNS[m.group(1)], text) if "\\" in text else text


def clean_cell(text: str) -> str:
    """A table cell's text as :func:`clean` gives it, the blanks it opens with kept (a row's level shown
    by indentation: 　　返还性收入 under 上级补助收入; table recovery reads them as the cell's indent)."""
    body = clean(text)
    lead = text[: len(text) - len(text.lstrip(_LEADING))][:8].translate(_WIDE_BLANKS)
    wide = len(lead.replace("\u3000", "  "))
    return (lead if wide >= 2 else "") + body  # (one stray blank, &nbsp;商品和服务支出, is no indentation)


_LEADING = " \u3000\xa0\u2002\u2003"
_WIDE_BLANKS = str.maketrans({"\xa0": " ", "\u2002": " ", "\u2003": "\u3000"})  # (&ensp; &emsp;)


def assemble(path: str, lines: list[Line], notes: tuple = (), encoding: str = "") -> Document:
    texts: list[str] = []
    places: list[tuple[Place, ...]] = []
    blocks: list[Block] = []
    pending: list[tuple[int, int, str]] = []  # (offset, line, column) origins of the paragraph being built
    parts: list[str] = []
    kind = "paragraph"

    def flush() -> None:
        if parts:
            blocks.append(Block("".join(parts), tuple(pending), kind=kind))
        parts.clear()
        pending.clear()

    notes = list(notes)
    for line in lines:
        marks: list[Place] = []
        text = ""
        hidden = []  # (column, character) of the bidirectional controls left out of this line
        for i, piece in enumerate(line.pieces):
            if line.kind == "row" and i:
                text += "\t"
            for start, run in _visible(piece):
                marks.append(Place(len(text) + 1, piece.where, piece.page, piece.box,
                                   piece.xs[start:start + len(run) + 1] if piece.xs else (), piece.merged,
                                   piece.rounded))
                text += run
            hidden += [(len(text) + 1, c) for c in piece.text if c in BIDI][:1]
        if not text.strip():
            continue
        texts.append(text)
        places.append(tuple(marks))
        number = len(texts)
        if hidden:
            notes.append(note(path, number, min(hidden[0][0], len(text)), hidden[0][1]))
        if line.kind == "row":
            flush()
            blocks.append(Block(text, ((0, number, 1),), kind="row"))
            continue
        if line.kind == "heading":
            flush()
        kind = line.kind if not parts else kind
        pending.append((sum(map(len, parts)), number, 1))
        parts.append(text)
        if not line.joins or line.kind == "heading":
            flush()
            kind = "paragraph"
    flush()
    if script.traditional("".join(texts)):  # 繁體: read (and quoted) as 简体, one character for one
        blocks = [replace(b, text=script.simplified(b.text)) for b in blocks]
        texts = [script.simplified(t) for t in texts]
    return Document(path=path, blocks=tuple(blocks), encoding=encoding, notes=tuple(notes),
                    lines=tuple(texts), places=tuple(places))


def _visible(piece: Piece) -> list[tuple[int, str]]:
    """``(offset, text)`` of the runs of a piece's text between the characters no one sees (all of it, in
    one run, when there are none)."""
    if piece.text.isascii() or not INVISIBLE.search(piece.text):
        return [(0, piece.text)]
    runs, start = [], 0
    for m in INVISIBLE.finditer(piece.text):
        if m.start() > start:
            runs.append((start, piece.text[start:m.start()]))
        start = m.end()
    if start < len(piece.text):
        runs.append((start, piece.text[start:]))
    return runs or [(0, "")]


def read_part(package, part: str, name: str) -> bytes:
    """A ZIP package's part, unpacked no further than it declares (a part whose header states a few KB
    and that inflates to a GB is a zip bomb the sizes :func:`refuse_bomb` adds up never see): KeyError when
    the package has no such part."""
    info = package.getinfo(part)
    out, left = [], info.file_size + 1
    with package.open(info) as stream:
        while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
            out.append(chunk)
            left -= len(chunk)
    if left <= 0:
        raise ReadError(f"{name}: its part {part} unpacks to more than the {info.file_size} bytes it "
                        "declares (a zip bomb?); not read")
    return b"".join(out)


def refuse_bomb(package, name: str) -> None:
    """Refuse a ZIP package whose parts unpack to more than :data:`UNPACKED_LIMIT` (a zip bomb)."""
    unpacked = sum(i.file_size for i in package.infolist())
    if unpacked > UNPACKED_LIMIT:
        raise ReadError(f"{name}: unpacks to {unpacked // 2**20} MB, more than a report's "
                        f"{UNPACKED_LIMIT // 2**20} MB (a zip bomb?); not read")


def parse_part(data: bytes, name: str, part: str, never: str) -> ET.Element:
    """A package part's XML, refused when it declares a DTD or entities (``never``: what the format's
    writers never do, as ``Word never writes``; entity expansion is refused) or is not well-formed."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise ReadError(f"{name}: {part} declares a DTD or entities, which {never} "
                        "(entity expansion is refused); not read")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ReadError(f"{name}: {part} is not well-formed XML ({exc})") from None
