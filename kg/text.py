"""Read a page file and repair the artifacts of PDF text extraction, keeping offsets.

A page's text comes in fixed-width column lines: words and names are broken across lines
(`杜\\n小刚`), blank lines separate columns as well as paragraphs, photo captions come out with
every run of characters printed twice (`22月月2020日日`), and digits sit between stray spaces
(`3 月 20 日`). Nothing here changes a character into another except width folding of letters and
digits; every character of the result keeps its offset in the decoded file.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import charset_normalizer

from kg.errors import PageError
from kg.model import Page, Span

# Full-width letters and digits become ASCII, one character for one; punctuation stays as printed.
_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
_WIDTH[0x3000] = 0x20

_OTHER_ENCODINGS = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "utf_16_le", "utf_16_be", "utf_16"}

SENTENCE_END = "。！？!?"
# Shorter lines can repeat by chance (研究研究); a caption repeats every run of a longer line.
# Captions are short lines of short runs: longer ones are not looked at.
MIN_CAPTION = 6
MAX_CAPTION = 400
MAX_RUN = 64
_CLOSERS = "”’」』）)"
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def read_page(path: Path, issue_date: date | None = None, date_basis: str | None = None) -> Page:
    """Read one page file. Raises PageError naming the file when it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PageError(path.name, f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise PageError(path.name, "the file is empty")
    raw, encoding = decode(path.name, data)
    return Page(
        source=path.name,
        raw=raw.translate(_WIDTH),
        content_hash=hashlib.sha256(data).hexdigest(),
        issue_date=issue_date,
        date_basis=date_basis,
        encoding=encoding,
    )


def decode(name: str, data: bytes) -> tuple[str, str]:
    """The text of a file and its encoding: a byte-order mark decides; else UTF-8 if it decodes;
    else a Chinese encoding (GB18030 and its subsets GBK/GB2312, Big5) or UTF-16 that
    charset-normalizer finds coherent. Binary content and other encodings are refused."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked(name, data[len(bom):], encoding), encoding
    try:
        return _checked(name, data, "utf-8"), "utf-8"
    except PageError:
        pass
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None or guess.encoding not in _OTHER_ENCODINGS:
        raise PageError(name, "not text in UTF-8, UTF-16, GB18030/GBK or Big5 (binary or an unknown encoding)")
    return _checked(name, data, guess.encoding), guess.encoding


def _checked(name: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise PageError(name, f"not valid {encoding} (byte {exc.start})") from exc
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if "\x00" in text or controls > len(text) / 100:
        raise PageError(name, "binary content, not text")
    return text


@dataclass(frozen=True)
class Block:
    """Lines between blank lines. A caption's lines are already undoubled."""

    lines: tuple[Span, ...]
    caption: bool = False

    @property
    def text(self) -> str:
        return "".join(line.text for line in self.lines)


def lines(raw: str) -> list[Span]:
    """Every line of the text, without its line break, stripped of surrounding spaces."""
    out = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        out.append(Span(stripped, tuple(range(pos + lead, pos + lead + len(stripped)))))
        pos += len(line)
    return out


def blocks(raw: str) -> list[Block]:
    """Group lines into blocks at blank lines; mark and repair doubled captions."""
    out: list[Block] = []
    current: list[Span] = []
    for line in lines(raw) + [Span("", ())]:
        if line.text:
            current.append(line)
            continue
        if current:
            out.append(_block(current))
            current = []
    return out


def _block(block_lines: list[Span]) -> Block:
    undoubled = [undouble(line) for line in block_lines]
    if all(u is not None for u in undoubled):
        return Block(tuple(u for u in undoubled if u is not None), caption=True)
    return Block(tuple(block_lines))


def undouble(line: Span) -> Span | None:
    """Repair a line whose every run of characters is printed twice, or None if it is not one.

    `22月月2020日日，，两条两条` reads `2月20日，两条`: at each point take the shortest run that is
    immediately repeated. A line counts as doubled when repeats cover it entirely.
    """
    text = line.text.replace(" ", "")
    if not MIN_CAPTION <= len(text) <= MAX_CAPTION:
        return None
    keep = [i for i, ch in enumerate(line.text) if ch != " "]
    out: list[int] = []
    i = 0
    while i < len(text):
        for size in range(1, min(MAX_RUN, (len(text) - i) // 2) + 1):
            if text[i:i + size] == text[i + size:i + 2 * size]:
                out.extend(keep[i:i + size])
                i += 2 * size
                break
        else:
            return None
    return Span("".join(line.text[k] for k in out), tuple(line.offsets[k] for k in out))


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (allowing closing quotes and brackets after the stop)."""
    stripped = text.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def join_lines(parts: list[Span], width: int, raw: str) -> Span:
    """Join column lines of `raw` into running text.

    Line breaks go (Chinese has no spaces between words); a break is kept as a paragraph end
    where a line ends a sentence and falls short of the column `width`. Spaces are dropped
    unless they separate two ASCII words (`Novas 创新` loses it, `AI Agent` keeps it).
    """
    pieces: list[Span] = []
    for k, line in enumerate(parts):
        pieces.append(_squeeze_spaces(line))
        last = k == len(parts) - 1
        if not last and ends_sentence(line.text) and len(line.text) < width - 1:
            newline = _NEWLINE_AFTER.match(raw, line.offsets[-1] + 1)
            if newline:  # the paragraph end is the file's own line feed (after any trailing spaces)
                pieces.append(Span("\n", (newline.end() - 1,)))
    return Span.join(pieces)


_NEWLINE_AFTER = re.compile(r"[^\S\r\n]*\r?\n")
_SPACE = re.compile(r"\s")


def _squeeze_spaces(line: Span) -> Span:
    if not _SPACE.search(line.text):
        return line  # most lines: nothing to squeeze
    keep = []
    text = line.text
    for i, ch in enumerate(text):
        if ch.isspace():
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (_ASCII_WORD.match(before) and _ASCII_WORD.match(after)):
                continue
        keep.append(i)
    return Span("".join(text[i] for i in keep), tuple(line.offsets[i] for i in keep))


def column_width(page_blocks: list[Block]) -> int:
    """The typical length of a full body line on this page (the most common long length)."""
    counts: dict[int, int] = {}
    for block in page_blocks:
        for line in block.lines:
            n = len(line.text)
            if n >= 8:
                counts[n] = counts.get(n, 0) + 1
    return max(counts, key=lambda n: (counts[n], n)) if counts else 0
