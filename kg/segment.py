"""Split a page into articles: bodies, bylines, sources and headline blocks.

A body opens with a source marker (`本报讯`, `新华社北京3月5日电`), which a byline may follow
(`本报讯（记者 某某）`), or, after a closed article, with running text; it closes at a byline in
full-width parentheses (`（高美梅、惠晓婧）`, `（据新华社）`).
What stands between two bodies is headline blocks (or page furniture). A headline block usually
follows its article but sometimes precedes it, so each run of blocks between two bodies is split
where the blocks' wording stops resembling the article before and starts resembling the one after.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg import text as textmod
from kg.model import Article, Page, Span

OPENING = re.compile(r"^(?:本报讯|本报[^\s，。、]{1,8}讯|据?新华社[^\n，。、]{0,14}?电)")  # (北京5月 6日电: a PDF's space)
_ROLE = re.compile(r"^(?:本报记者|本报通讯员|见习记者|首席记者|融媒记者|摄影记者|特约记者|记者|通讯员|实习生)")
_ROLE_ANYWHERE = re.compile(_ROLE.pattern[1:])
_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6})+)$")
_AGENCY = re.compile(r"^据?(新华社|人民日报|中新社|央视新闻|[\u4e00-\u9fff]{2,8}(?:日报|晚报|报|社))")
_LEADING_BYLINE = re.compile(r"^\s*[（(]([^（）()]{2,40})[）)]")
_WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")

# A block that resembles neither neighbour this little is page furniture, not a headline.
MIN_HEADLINE_SIMILARITY = 0.25


@dataclass
class Byline:
    authors: list[str]
    source: str | None


@dataclass
class _Draft:
    lines: list[Span]
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    closed: bool = False
    headline: list[Span] = field(default_factory=list)
    dateline: str | None = None


def articles(page: Page) -> list[Article]:
    """The page's articles in reading order of their bodies, with bylines and headlines."""
    page_blocks = textmod.blocks(page.raw)
    width = textmod.column_width(page_blocks)
    drafts: list[_Draft] = []
    loose: dict[int, list[list[Span]]] = {}
    texts = _mend_across([list(block.lines) for block in page_blocks if not block.caption])
    pieces = [piece for lines in texts if lines for piece in _pieces(lines)]
    for i, piece in enumerate(pieces):
        _take(piece, pieces[i + 1:], drafts, loose, width)
    for gap, pieces in loose.items():
        _assign_headlines(pieces, drafts[gap - 1] if gap else None, drafts[gap] if gap < len(drafts) else None)
    out = []
    for draft in drafts:
        body = textmod.join_lines([line for line in draft.lines if line.text], width, page.raw)
        if not body.text.strip():
            continue
        out.append(Article(page=page, position=len(out) + 1, body=body, source=draft.source,
                           authors=draft.authors, headline=draft.headline, dateline=draft.dateline))
    return out


def parse_byline(line: str) -> tuple[str, Byline] | None:
    """Split a line ending in a byline into (text before, Byline), or None if it has none.

    >>> parse_byline("会议还研究了其他事项。（高美梅）")[1].authors
    ['高美梅']
    """
    stripped = line.rstrip()
    if not stripped.endswith(("）", ")")):
        return None
    opening = max(stripped.rfind("（"), stripped.rfind("("))
    if opening < 0:
        return None
    before, inside = stripped[:opening].rstrip(), stripped[opening + 1:-1].strip()
    if before and not textmod.ends_sentence(before):
        return None
    byline = _byline(inside)
    return (before, byline) if byline else None


def _byline(inside: str) -> Byline | None:
    """What a byline's parentheses hold: an agency (据新华社) or the reporters' names, else None."""
    agency = _AGENCY.match(inside)
    if agency and inside.startswith("据"):
        return Byline([], agency.group(1))
    # a role word starts a new name even where a line break ate the space before it (记者 某某|实习生 某某)
    inside = _ROLE_ANYWHERE.sub(lambda m: " " + m.group(0), inside)
    names = [_ROLE.sub("", part).strip() for part in re.split(r"[、，,\s]+", inside) if part.strip()]
    names = [n for n in names if n]
    if not names or not all(_NAME.match(n) for n in names):
        return None
    return Byline(names, None)


def _pieces(block_lines: list[Span]) -> list[list[Span]]:
    """Cut a block before each opening line and after each byline line."""
    out: list[list[Span]] = []
    current: list[Span] = []
    for line in _mend_bylines(block_lines):
        if OPENING.match(line.text) and current:
            out.append(current)
            current = []
        current.append(line)
        if parse_byline(line.text):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _mend_bylines(lines: list[Span]) -> list[Span]:
    """Rejoin a byline broken across lines (`…参加活动。（` / `沈若溪、顾明哲）`, `…。（沈若` / `溪）`):
    a line with a bracket left open, then a line that closes it and, joined, reads as a byline."""
    out: list[Span] = []
    for line in lines:
        if out and _open_bracket(out[-1].text) and parse_byline(out[-1].text + line.text):
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def _mend_across(blocks: list[list[Span]]) -> list[list[Span]]:
    """Rejoin a byline broken by a column break (`…发言。（记` / blank line / `者 涂山）`): the next
    block's first line, when it closes the bracket the block ends with and reads as its byline."""
    for block, following in zip(blocks, blocks[1:]):
        if block and following and _open_bracket(block[-1].text) and parse_byline(block[-1].text + following[0].text):
            block[-1] = block[-1] + following.pop(0)
    return blocks


def _open_bracket(text: str) -> bool:
    opening = max(text.rfind("（"), text.rfind("("))
    return opening >= 0 and opening > max(text.rfind("）"), text.rfind(")"))


def _take(piece: list[Span], rest: list[list[Span]], drafts: list[_Draft],
          loose: dict[int, list[list[Span]]], width: int) -> None:
    first = piece[0]
    opening = OPENING.match(first.text)
    current = drafts[-1] if drafts and not drafts[-1].closed else None
    if opening:
        if current:
            current.closed = True
        marker = opening.group(0)
        source = "新华社" if "新华社" in marker else marker
        lines = [first[opening.end():], *piece[1:]]
        lines, byline = _leading_byline(lines)  # 本报讯（记者 某某 通讯员 某某）3月5日，…
        # a wire story's dateline is in its marker (新华社北京5月 6日电), not in its body
        dateline = "".join(marker.split()) if "新华社" in marker else None
        drafts.append(_Draft(lines, source=source, authors=byline.authors if byline else [], dateline=dateline))
    elif current and not _ends_unsigned_article(current, piece, rest, width):
        current.lines.extend(piece)
    elif _body_like(piece):
        if current:
            current.closed = True
        drafts.append(_Draft(list(piece)))
    else:
        if current:
            current.closed = True
        loose.setdefault(len(drafts), []).append(piece)
        return
    _close_at_byline(drafts[-1])


def _leading_byline(lines: list[Span]) -> tuple[list[Span], Byline | None]:
    """The byline in brackets that opens a body right after its marker, also one a line break cuts
    (`本报讯（记者 某某 见习记者 雷` | `雨）走进…`), and the body's lines without it."""
    for taken in range(1, min(3, len(lines)) + 1):
        joined = "".join(line.text for line in lines[:taken])
        leading = _LEADING_BYLINE.match(joined)
        if leading is None:
            if "）" in joined or ")" in joined or not joined.lstrip().startswith(("（", "(")):
                return lines, None
            continue
        byline = _byline(leading.group(1).strip())
        if byline is None:
            return lines, None
        cut = leading.end() - sum(len(line.text) for line in lines[:taken - 1])  # where it ends in its last line
        return [lines[taken - 1][cut:], *lines[taken:]], byline
    return lines, None


def _close_at_byline(draft: _Draft) -> None:
    last = draft.lines[-1]
    parsed = parse_byline(last.text)
    if not parsed:
        return
    before, byline = parsed
    draft.lines[-1] = last[:len(before)]
    draft.authors = byline.authors
    draft.source = draft.source or byline.source
    draft.closed = True


def _ends_unsigned_article(current: _Draft, piece: list[Span], rest: list[list[Span]], width: int) -> bool:
    """An article without a byline at its end ends where a headline block stands after a finished sentence.

    A column break inside a sentence looks the same on its own (`宋明远指出，新的一年，青澜将始`),
    so it also takes what comes next: an opening, another headline block, a paragraph opening on a
    day (`5月 20日，…`: an article without a marker), or the end of the page. Several column breaks
    in one paragraph leave a run of full lines that the paragraph's sentence ends (`会议强调，要…这个` |
    `“牛鼻子”，加快…工` | `建设，确保…完成。`): no headline either.
    """
    if parse_byline(piece[-1].text) or not (
            _headline_like(piece) and textmod.ends_sentence(current.lines[-1].text)):
        return False
    following = rest[0] if rest else None
    if following is None or OPENING.match(following[0].text) is not None or _DAY_OPENING.match(following[0].text):
        return True
    return _headline_like(following) and not _cut_paragraph([piece, *rest], width)


def _cut_paragraph(run: list[list[Span]], width: int) -> bool:
    """Whether `run` opens with one-line blocks of full lines up to one whose sentence ends there,
    opening no article: a paragraph that column breaks cut, not headline blocks."""
    for piece in run:
        joined = "".join(line.text for line in piece)
        if any(ch in joined for ch in textmod.SENTENCE_END):
            return not OPENING.match(joined) and not _DAY_OPENING.match(joined)
        if len(piece) != 1 or len(joined) < width - 1:
            return False
    return False


def _headline_like(piece: list[Span]) -> bool:
    """Short lines without a sentence's end: but not a paragraph's opening that a column break cut
    off (`11月 6日，某某与杰尔` | `市市长…举行会谈，并`), which opens on a day or stops at a word
    that cannot end a headline."""
    joined = "".join(line.text for line in piece)
    return (len(piece) <= 4 and len(joined) <= 80 and not any(ch in joined for ch in textmod.SENTENCE_END)
            and not any(line.text.rstrip().endswith(("，", "、", "；", "：")) for line in piece)
            and not _DAY_OPENING.match(joined) and not joined.rstrip().endswith(_NO_HEADLINE_END))


_DAY_OPENING = re.compile(r"^\s*\d{1,2}月\s*\d{1,2}日[^，。]{0,4}，")  # 11月 6日，…, 6日上午，…
_NO_HEADLINE_END = tuple("并与和及的在对将为把被从向")  # conjunctions, particles, prepositions


def _body_like(piece: list[Span]) -> bool:
    joined = "".join(line.text for line in piece)
    return any(ch in joined for ch in textmod.SENTENCE_END) and (len(piece) >= 2 or len(joined) >= 30)


@lru_cache(maxsize=64)  # a body is compared with each headline block around it
def _bigrams(text: str) -> frozenset[str]:
    chars = "".join(_WORD_CHARS.findall(text))
    return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))


def similarity(headline: str, body: str) -> float:
    """Share of the headline's character bigrams that the body also uses."""
    grams = _bigrams(headline)
    return len(grams & _bigrams(body)) / len(grams) if grams else 0.0


def _assign_headlines(pieces: list[list[Span]], before: _Draft | None, after: _Draft | None) -> None:
    """Give the first k blocks to the article before and the rest to the one after, choosing k
    where the blocks resemble their article most; blocks resembling neither are dropped."""
    def body(draft: _Draft | None) -> str:
        return "".join(line.text for line in draft.lines) if draft else ""

    prev_body, next_body = body(before), body(after)
    scored = []
    for piece in pieces:
        words = "".join(line.text for line in piece)
        s_prev = similarity(words, prev_body) if before else 0.0
        s_next = similarity(words, next_body) if after else 0.0
        if max(s_prev, s_next) >= MIN_HEADLINE_SIMILARITY:
            scored.append((piece, s_prev, s_next))
    best_k, best = len(scored), float("-inf")
    for k in range(len(scored), -1, -1):  # from "all before": ties keep the usual layout
        total = sum(s for _, s, _ in scored[:k]) + sum(s for _, _, s in scored[k:])
        if total > best + 1e-9:
            best_k, best = k, total
    for i, (piece, _, _) in enumerate(scored):
        target = before if i < best_k else after
        if target is not None:
            target.headline.extend(line for line in piece if line.text.strip())
