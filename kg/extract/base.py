"""What every extractor uses: lexicons, sentences, and words with their dictionary tags."""
from __future__ import annotations

import bisect
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import jieba

from kg.extract.cut import Segmenter

LEXICONS = Path(__file__).resolve().parent.parent / "lexicons"
LEVELS = set("省市区县州镇乡村")  # one-character levels that start a body's name (县|人民医院)
_PLACE_TAGS = {"ns", "nz", "nr", "j", "?"}
_BOUND_TAG = re.compile(r"^[a-z]?g$")  # jieba's tags of bound morphemes (ng, zg, vg, g…)
_SMALL_LEVELS = set("镇乡村")
PUNCT = set("，。、；：！？“”‘’（）《》〈〉()…—,.;:!?\"'\n ")
# Prepositions, which jieba now and then glues to the name beside them (从市|…委, 某某为|基金) or tags
# a verb (某某|受/v|市政府委托).
PREPOSITIONS = "从在与和对向到由把被将为于及赴就给受据以"
# Prepositions that never end a place's or a body's name, which jieba glues to the name before them
# (and 率, leading a delegation: 单于|飞率|部分市政协委员; 作, making a report: 主席廉|清作|常委会工作报告).
GLUED_PREPOSITIONS = "为受被率作"
# A document's title: what stands inside it is part of the document's name.
TITLED = re.compile(r"《[^《》]*》")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?[”’」』）)]*")

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=None)
def lexicon(name: str) -> tuple[str, ...]:
    """Entries of `lexicons/<name>.txt`, one a line, `#` comments and blank lines left out."""
    path = LEXICONS / f"{name}.txt"
    rows = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(row for row in rows if row and not row.startswith("#"))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column lexicon (`key<TAB>value`) as a dict."""
    return dict(row.split("\t", 1) for row in lexicon(name))


# Verbs that govern a name after them (支持, 推进): a name does not run back over one.
GOVERNING = frozenset(lexicon("governing_verbs"))


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternative of the words, longest first so that `副市长` wins over `市长`."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def spans_of(needle: str, text: str) -> list[tuple[int, int]]:
    """Where `needle` stands in `text`, left to right and not overlapping: what
    `re.finditer(re.escape(needle), text)` finds, without compiling a pattern for every name
    (re's cache holds 512; extractors look up thousands of names a page)."""
    if not needle:
        return [(i, i) for i in range(len(text) + 1)]
    out, at = [], text.find(needle)
    while at >= 0:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + len(needle))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` holding `pos`."""
    return next((s, e) for s, e in sentences(text) if s <= pos < e)


_ORG_SUFFIXES = table("org_suffixes")
LONGEST_ORG_ENDING = max(map(len, _ORG_SUFFIXES))
# Organization endings that hold a 和 (工业和信息化部): a leftward walk over a name stops at the 和.
_JOINED_ENDING = re.compile(alternation([e for e in _ORG_SUFFIXES if "和" in e]))


ANY_ORG_ENDING = re.compile(alternation(list(_ORG_SUFFIXES)))  # an organization's ending, anywhere


def org_ending_across(text: str, pos: int) -> bool:
    """Whether an organization's ending starts before `pos` and runs past it (县委常委|会会议: the
    title 常委 is the start of the body 常委会)."""
    return any((m := ANY_ORG_ENDING.match(text, i)) and m.end() > pos
               for i in range(max(0, pos - LONGEST_ORG_ENDING + 1), pos))


def joined_ending_over(text: str, pos: int, end: int) -> int | None:
    """Where an organization ending holding 和 starts, when it runs over `pos` (a walk that
    stopped at 工业和|信息化部 goes on from 工业); None if none does."""
    for m in _JOINED_ENDING.finditer(text, max(0, pos - LONGEST_ORG_ENDING), end):
        if m.start() < pos < m.end():
            return m.start()
    return None


@lru_cache(maxsize=None)
def word_tags() -> dict[str, str]:
    """jieba's dictionary as word → tag, loaded on first use with our set phrases added (as verbs).
    Loading costs two seconds of a core: a process that never segments text (a server, the ingest
    that hands pages to workers) does not pay it."""
    import jieba.posseg  # here, not above: importing it loads the dictionary

    for phrase in lexicon("set_phrases"):
        jieba.add_word(phrase, tag="v")
        jieba.posseg.dt.word_tag_tab[phrase] = "v"
    return jieba.posseg.dt.word_tag_tab


def frequency(word: str) -> int:
    """How often jieba's dictionary saw `word` (0 for a word it does not hold)."""
    word_tags()  # the dictionary loaded
    return jieba.dt.FREQ.get(word, 0)


@lru_cache(maxsize=None)
def segmenter() -> Segmenter:
    """jieba's segmentation with our set phrases, both dictionaries loaded on first use."""
    word_tags()  # our set phrases in jieba's dictionary first: the segmenter takes their frequencies from it
    return Segmenter(lexicon("set_phrases"))


class Word(NamedTuple):  # a tuple: made 2.5x faster than a frozen dataclass, tens of thousands a page
    start: int
    end: int
    text: str
    tag: str  # jieba's dictionary tag, "?" for words it found by its HMM (names, new words)


class Words(list):
    """Words of a text in order, with the word at a position found by bisection."""

    def __init__(self, items: list[Word]) -> None:
        super().__init__(items)
        self._starts = [w.start for w in items]

    def index_at(self, pos: int) -> int:
        """Index of the word covering character `pos`."""
        return max(bisect.bisect_right(self._starts, pos) - 1, 0)


@lru_cache(maxsize=1024)  # every extractor reads the same sentences: segment each once
def words(text: str) -> Words:
    """jieba's segmentation with each word's dictionary tag (callers must not change the list).

    Cutting runs ~6x faster than `jieba.posseg`; the tags come from the same dictionary.
    """
    tags = word_tags()
    out, pos = [], 0
    for token in segmenter().cut(text):
        out.append(Word(pos, pos + len(token), token, "w" if token in PUNCT else tags.get(token, "?")))
        pos += len(token)
    return Words(_split_place_levels(text, _join_bound(text, out)))


def level_start(toks: Words, k: int) -> int:
    """Where a name holding the level `toks[k]` starts: at the level (来到|县|人民医院), or at the
    place it ends (溪岩|县|…合作社, 茶园|村|党总支书记)."""
    before = toks[k - 1] if k > 0 else None
    # villages and towns bear common words (茶园/n|村, 大营/b|镇)
    tags = _PLACE_TAGS | ({"n", "b"} if toks[k].text in _SMALL_LEVELS else set())
    glued = before is not None and before.tag == "?" and before.text[-1] in GLUED_PREPOSITIONS  # 任命韦正|清为|市…
    if before is not None and glued_on(before):
        return before.start + 1  # 到澈|州|大学: jieba glued the preposition to the place's first character
    if before is not None and not glued and ((len(before.text) >= 2 and before.tag in tags) or lone_bound(before)
                                             or (len(before.text) == 1 and before.tag == "ns")):
        return before.start  # (澐|州: a character that never stands alone; 岱/ns|州: a place's first character)
    if k >= 2 and all(len(t.text) == 1 and t.tag in _LONE_NOUN_TAGS and t.text not in LEVELS and t.text not in PREPOSITIONS
                      for t in toks[k - 2:k]):
        return toks[k - 2].start  # 棠/n|溪/n|县: a place of two characters that jieba read one at a time
    return toks[k].start


# Tags of the characters of a two-character place that jieba read one at a time (棠/n|溪/n|县).
_LONE_NOUN_TAGS = {"n", "ng", "g", "ns", "nr", "j"}


def bound_start(toks: Words, k: int) -> int:
    """Where a name holding the lone bound character `toks[k]` starts: at it (来到|雩|山县…), or at the
    place it ends (钱塘|湾|生物医药港)."""
    before = toks[k - 1] if k > 0 else None
    if before is not None and len(before.text) >= 2 and before.tag in _PLACE_TAGS:
        return before.start
    return toks[k].start


# Tags jieba gives a place's first character when it cannot read the place (泓/q|川/j, 泓/q|川市/?).
_LONE_PLACE_TAGS = {"q", "ng", "g", "zg", "j", "ns", "nr", "?"}


def split_place(toks: Words, k: int) -> bool:
    """Whether the one character before `toks[k]` starts the same name: a place jieba split into a
    lone character and a word it made up or another lone character (泓|川, 泓|川市)."""
    prev, word = toks[k - 1] if k > 0 else None, toks[k]
    return prev is not None and len(prev.text) == 1 and prev.tag in _LONE_PLACE_TAGS \
        and prev.text not in LEVELS and prev.text not in PREPOSITIONS \
        and (word.tag == "?" or len(word.text) == 1) and word.text not in LEVELS


def fields_joined(toks: Words, k: int) -> int | None:
    """The index where a college's name goes on when the word before `toks[k]`, where a leftward walk
    stopped, is a 与 or 和 joining two fields (机械|与|动力工程学院): the first field's; else None."""
    if k < 2 or toks[k - 1].text not in ("与", "和"):
        return None
    before, after = toks[k - 2], toks[k]
    fields = {"n", "vn"}
    return k - 2 if before.tag in fields and len(before.text) >= 2 and after.tag in fields else None


def glued_on(word: Word) -> bool:
    """A word jieba made up of a preposition, the particle 了, the 兼 joining two posts or the verbs 有
    and 是, and the start of the name after it (从市|商务局, 据市|水利局局长, 察看了|泓川…, 副市长兼市|
    公安局局长, 获奖企业有沭|川…有限公司): the name starts at its second character."""
    return word.tag == "?" and len(word.text) > 1 and (word.text[0] in PREPOSITIONS or word.text[0] in "了兼有是")


_BRAND_PART = {"ns", "nz", "nr", "nrt", "j", "?"}  # a place or a brand, not a common noun (有限公司|和|中…)


def brand_holding_he(toks: Words, k: int) -> int | None:
    """The index where a name starts when the word before `toks[k]`, where a leftward walk
    stopped, is a 和 inside the name: no brand is one character, so 东|和|精工 and 长江|和|记 hold
    it, where 市政府|和|澜海集团 joins two. None if it is no such 和."""
    if k < 2 or toks[k - 1].text != "和":
        return None
    before, after = toks[k - 2], toks[k]
    if before.text in LEVELS or before.tag not in _BRAND_PART or after.text in LEVELS:
        return None
    return k - 2 if len(before.text) == 1 or len(after.text) == 1 else None


def lone_bound(word: Word) -> bool:
    """Whether `word` is a lone bound morpheme (槎/ng, 雩/g), a character the dictionary holds as no
    word (潆/x) or only in an idiom (泱/i), or one it lacks (澐/?), not a level: a character that
    never stands as a word of its own, so the first character of a name jieba cut after it (槎|湾区…,
    潆|州…, 澐|州…)."""
    return len(word.text) == 1 and word.text not in LEVELS and (
        bool(_BOUND_TAG.match(word.tag)) or word.tag in ("x", "i") or (word.tag == "?" and "\u4e00" <= word.text <= "\u9fff"))


# jieba's dictionary holds some rare characters only as bound morphemes (槎/ng, 沅/zg, 埭/zg), so it
# cuts a name made of them into single characters instead of finding it as a new word. A run of
# single characters with such a morpheme in it is one word jieba does not know: here nearly
# always a place (沅|埭 → 沅埭, 东|埭 → 东埭).
_JOINABLE_TAGS = {"ns", "nr", "n", "j", "?"}


def _join_bound(text: str, items: list[Word]) -> list[Word]:
    def joinable(w: Word) -> bool:
        return len(w.text) == 1 and w.text not in LEVELS and (w.tag in _JOINABLE_TAGS or bool(_BOUND_TAG.match(w.tag)))

    def follows_bound(j: int) -> bool:  # 雩|都/d: whatever its tag, a character right after a bound one
        return j > 0 and len(items[j].text) == 1 and items[j].tag != "w" and items[j].text not in LEVELS \
            and bool(_BOUND_TAG.match(items[j - 1].tag)) and len(items[j - 1].text) == 1

    out: list[Word] = []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and (joinable(items[j]) or (j > i and follows_bound(j))):
            j += 1
        if j - i >= 2 and any(_BOUND_TAG.match(w.tag) for w in items[i:j]):
            out.append(Word(items[i].start, items[j - 1].end, text[items[i].start:items[j - 1].end], "?"))
            i = j
        else:
            out.append(items[i])
            i += 1
    return out


def _split_place_levels(text: str, items: list[Word]) -> list[Word]:
    """Mend a place jieba split at its first character and glued its level to a common word
    (通/v|山区/ns → 通山/ns|区): when the character and the word less its level make a
    place the dictionary knows, that place and its level are what the text says."""
    tags = word_tags()
    out: list[Word] = []
    for w in items:
        prev = out[-1] if out else None
        if prev is not None and len(prev.text) == 1 and prev.tag not in ("w", "ns") and len(w.text) == 2 \
                and w.text[1] in "省市区县" and tags.get(prev.text + w.text[0]) == "ns":
            out[-1] = Word(prev.start, w.start + 1, prev.text + w.text[0], "ns")
            out.append(Word(w.end - 1, w.end, w.text[1], tags.get(w.text[1], "?")))
        else:
            out.append(w)
    return out


def bracket_opening(toks: Words, k: int) -> int | None:
    """The index of the `（` that the `）` at `toks[k - 1]` closes, if it opens a short bracket after
    some word (…部件|（苏州）|有限公司: a place in brackets inside a company's name)."""
    opening = next((j for j in range(k - 2, max(k - 8, -1), -1) if toks[j].text == "（"), None)
    return opening if opening is not None and opening > 0 else None


def ends_in_verb(word: Word) -> bool:
    """A word whose last two characters are a verb (全力支持, 认真学习), whatever its own tag."""
    tail = word.text[-2:]
    return len(word.text) > 2 and word_tags().get(tail) == "v"
