"""Persons and the titles the text gives them.

Three patterns find a person: a title then a name (`副市长韩佳宁`, `法国驻华大使马克·勒菲弗一行`), a name
then one of the few titles written after it (`石田一郎首相`), and a list after a group label
(`市领导陈立华、周婉清、高远`). Titles chained with `、` all belong to the name after the last one
(`省委常委、青州市委书记顾承泽`). A name ends at punctuation or at a word that follows names in
news text (`主持`, `会见`, `一行`); a title's organization prefix ends, to the left, at the first
word jieba does not tag as part of a noun phrase (`与`, `的`, verbs). Once a name is known, its
other occurrences are found by string search.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.extract.base import (ANY_ORG_ENDING, GOVERNING, LEVELS, bracket_opening, brand_holding_he, fields_joined, LONGEST_ORG_ENDING, PREPOSITIONS, PUNCT, Words, alternation,
                             ends_in_verb, frequency, glued_on, joined_ending_over, level_start, lexicon, org_ending_across, sentence_at,
                             sentences, spans_of, split_place, table, word_tags, words)
from kg.extract.posts import ORG_ENDING, post_for
from kg.model import PersonMention, Where

TITLE_ENDING = re.compile(alternation(list(table("titles"))))
NAME_FIRST = re.compile(alternation(lexicon("name_first_titles")))
GROUP = re.compile(alternation(list(table("group_labels"))))
SURNAMES = frozenset(lexicon("surnames"))
FOLLOWERS = tuple(sorted(lexicon("followers"), key=len, reverse=True))
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})+")
# Word tags that can stand in a title's organization prefix (nouns, places, abbreviations,
# numerals as in 第二区, distinguishing words as in 副) and words jieba does not know.
PREFIX_TAGS = {"n", "ns", "nt", "nz", "nrt", "j", "b", "m", "s", "f", "ng", "an", "a", "vn", "?",
               "l", "i"}  # l: fixed phrases naming a body's field (省|生态环境/l|厅副厅长); 能源开发/i
# Verbs of citing (学习, 贯彻) end a prefix even where jieba tags the word a noun (认真学习/n).
_CITING = tuple(row.split("\t")[1] for row in lexicon("cited") if row.startswith("before\t"))
JOINERS = {"衔", "驻"}  # 大使衔总领事, 驻华
# A post given, taken, resigned or elected to: 任命X为<title>, 免去X的<title>职务, 接受X辞去<title>职务,
# 选举X为<title>. The title runs to its last ending before the clause ends; titles joined by 、 follow it.
_APPOINTED = re.compile(r"任命|免去|选举|推选|接受")
_MARKERS = {"免去": "的", "接受": "辞去"}  # what stands between the name and the post (else 为)
_APPOINTED_TITLE = re.compile(f"(?:新一届|新任)?([^，。、；：]{{0,20}}(?:{TITLE_ENDING.pattern}))(?:职务)?(?=[，。、；]|的决定)")
MAX_PREFIX = 20
_SEPARATORS = "，、。；：！？"
_PLACE_ENDS = set("省市县区州镇乡村街路港湾站")  # a place word ending so names a place, not a person


@dataclass
class _Person:
    name: str
    titles: list[tuple[str, Where]] = field(default_factory=list)
    spans: set[Where] = field(default_factory=set)
    evidence: Where | None = None
    official: bool = False


def find(body: str, known: frozenset[str] = frozenset()) -> list[PersonMention]:
    """Every named person in `body`, in order of first mention; `known` adds names found
    elsewhere on the page, matched where they stand here."""
    people: dict[str, _Person] = {}
    for start, end in sentences(body):
        _in_sentence(body, start, end, people)
    _other_mentions(body, people, known)
    ordered = sorted(people.values(), key=lambda p: (min(p.spans), p.name))
    return [PersonMention(p.name, [post_for(t, where) for t, where in _unique(p.titles)], p.evidence,
                          sorted(set(p.spans)), p.official) for p in ordered]


def _unique(titles: list[tuple[str, Where]]) -> list[tuple[str, Where]]:
    seen: dict[str, Where] = {}
    for title, where in titles:
        seen.setdefault(title, where)
    return list(seen.items())


def _in_sentence(body: str, start: int, end: int, people: dict[str, _Person]) -> None:
    text = body[start:end]
    toks = words(text)
    taken: set[int] = set()  # title endings already read as name-first
    for m in NAME_FIRST.finditer(text):
        if _runs_on(toks, m):
            continue  # 桑梓在|主席台就座: the title's word runs on into a word of its own
        name_start = _name_before(text, m.start(), toks)
        if name_start is not None:
            taken.add(m.start())
            _add(people, text[name_start:m.start()], start, name_start, (start, end), m.group(0))
    for m in TITLE_ENDING.finditer(text):
        if m.start() in taken or TITLE_ENDING.match(text, m.end()) or org_ending_across(text, m.end()):
            continue  # read as a name, the inner part of a longer title (议长|顾问) or of a body (常委|会)
        if _runs_on(toks, m):
            continue  # 在主席台就座: the title's word runs on into a word of its own
        if text.startswith("兼", m.end()):
            continue  # 副总理|兼外交部长某某: the next title holds the name, and chains this one
        name_end = _name_end(text, m.end())
        if name_end is None:
            name_end = _one_word_name(text, toks, m.end())
        if name_end is None:
            continue
        first = _title_start(text, toks, m.start())
        titles = _chained(text, toks, first) + [text[first:m.end()]]
        _add(people, text[m.end():name_end], start, m.end(), (start, end), *titles)
        for pos, item_end in _listed_after(text, name_end):  # 副主任田慧、孔德明: one title, two people
            _add(people, text[pos:item_end], start, pos, (start, end), *titles)
    for m in _APPOINTED.finditer(text):  # 任命芮东来为市…主任, 免去褚一鸣的市…局长职务, 选举…孔令飞为…会长
        word = _MARKERS.get(m.group(0), "为")
        marker = text.find(word, m.end(), m.end() + 30)
        if marker < 0:
            continue
        named = [n for n in people if text.endswith(n, m.end(), marker)]  # a name already read (…董事长孔令飞|为)
        if named:
            name_start = marker - len(max(named, key=len))
        elif _name_end(text, m.end(), need_surname=True) == marker or (
                2 <= marker - m.end() <= 4 and plausible_name(text[m.end():marker], need_surname=True)):
            name_start = m.end()  # (接受梁正平|辞去: the marker ends the name)
        else:
            continue
        titles, at = [], marker + len(word)
        while (title := _APPOINTED_TITLE.match(text, at)) is not None:  # …为市政府副市长、代理市长
            titles.append(title.group(1))
            at = title.end() + 1
            if text[title.end():at] != "、":
                break
        if titles:
            _add(people, text[name_start:marker], start, name_start, (start, end), *titles)
    for m in GROUP.finditer(text):
        official = table("group_labels")[m.group(0)] == "yes"
        pos = m.end()
        if text.startswith(("和", "与", "及"), pos):
            continue  # 劳动模范和先进工作者: two groups, no names
        while (name_end := _name_end(text, pos, need_surname=True, listed=True)) is not None:
            person = _add(people, text[pos:name_end], start, pos, (start, end))
            person.official = person.official or official
            if name_end < len(text) and text[name_end] == "、":
                pos = name_end + 1
            else:
                break


def _add(people: dict[str, _Person], name: str, offset: int, at: int, sentence: Where,
         *titles: str) -> _Person:
    person = people.setdefault(name, _Person(name))
    person.spans.add((offset + at, offset + at + len(name)))
    person.evidence = person.evidence or sentence
    person.titles.extend((t, sentence) for t in titles)
    return person


def _other_mentions(body: str, people: dict[str, _Person], known: frozenset[str]) -> None:
    # longest first, then by name: the order must not hang on the process's string hashing
    for name in sorted(set(people) | set(known), key=lambda n: (-len(n), n)):
        others = [s for p in people.values() if p.name != name and len(p.name) > len(name) for s in p.spans]
        for where in spans_of(name, body):
            inside = any(s[0] <= where[0] and where[1] <= s[1] for s in others)
            if inside:
                continue
            person = people.setdefault(name, _Person(name))
            person.spans.add(where)
            if person.evidence is None:
                person.evidence = sentence_at(body, where[0])


@lru_cache(maxsize=8192)  # the same candidate recurs at every mention of a name
def plausible_name(name: str, need_surname: bool, listed: bool = False) -> bool:
    """A 2–4 character Chinese name (or a dotted foreign one) that is not made of dictionary words.

    An item of a list of people (`市领导陈立华、高远、…`) needs only a surname: there `高远` is a
    name even though it is also a word.
    """
    if "·" in name:
        return all(_HAN.fullmatch(part) for part in name.split("·"))
    if not (2 <= len(name) <= 4 and _HAN.fullmatch(name)) or name[-1] in "等的与":
        return False  # (丁明|等出席, 萧和|的汇报, 蓝田|与来…: 等 closes a list, 的 marks whose, 与 joins; no
        # given name ends in them)
    if listed:
        return name[0] in SURNAMES or name[:2] in SURNAMES
    if len(name) >= 3 and name[:2] in SURNAMES:
        return True  # a compound surname (司徒, 欧阳) is itself a word: the words test says nothing
    tags = word_tags()
    if len(name) == 3 and name[0] not in SURNAMES and tags.get(name[1:], "").startswith("v"):
        return False  # 等委员|作发言: a verb phrase after a title's word, no name
    if len(name) == 3 and tags.get(name[:2]) == "v" and frequency(name[:2]) >= _RARE:
        return False  # 主任|解释说: a common verb and what follows it
    if len(name) >= 3 and name[2] == "地" and not tags.get(name[:2], "nr").startswith("nr"):
        return False  # 市长|高兴地|说: a word made an adverb, not a name (张大地: 张大 is no word)
    tag = tags.get(name)
    if tag is not None:
        return tag.startswith("nr")  # the dictionary knows it: a name only if tagged as one
    parts = words(name)
    if all(len(w.text) >= 2 and w.tag not in ("?", "w") and not w.tag.startswith("nr") for w in parts):
        return False  # 殷切|嘱托: ordinary words, not a name
    # a rare surname missing from the lexicon: the dictionary tags it a name character (庹/nr)
    rare = len(name) == 3 and tags.get(name[0]) == "nr"
    return not need_surname or name[0] in SURNAMES or name[:2] in SURNAMES or rare


def _follows(text: str, pos: int) -> bool:
    """Whether a name may end at `pos`: before punctuation, a follower, a title written after it
    (院长梅文涛|教授作报告) or a day (…副总理何立春|6日)."""
    return pos >= len(text) or text[pos] in PUNCT or text.startswith(FOLLOWERS, pos) or NAME_FIRST.match(text, pos) is not None \
        or text[pos].isdigit()  # (何立春|6日在北京会见: the day follows the name)


def _name_end(text: str, start: int, need_surname: bool = False, listed: bool = False) -> int | None:
    """Where the name starting at `start` ends, or None if no name starts there."""
    dotted = _DOTTED.match(text, start)
    if dotted:
        base = text.rindex("·", start, dotted.end()) + 1
        ends = [e for e in range(base + 1, min(dotted.end(), base + 6) + 1) if _follows(text, e)]
        return ends[0] if ends else None
    for size in (2, 3, 4):  # punctuation right after the name is the surest end
        end = start + size
        if end < len(text) and text[end] in PUNCT and plausible_name(text[start:end], need_surname, listed) \
                and not _follower_inside(text, start, end) and not _preposition_after(text, start, end, need_surname):
            return end
    strong = ("一行",)
    for size in (2, 3, 4):  # right before 一行 is as sure an end (田中和也|一行, not 田中和|也)
        if text.startswith(strong, start + size) and plausible_name(text[start:start + size], need_surname, listed):
            return start + size
    ends = []
    for size in (3, 2, 4):
        end = start + size
        name = text[start:end]
        if len(name) == size and _follows(text, end) and end < len(text) and text[end] not in PUNCT:
            surname_needed = need_surname or not text.startswith(strong, end)
            if plausible_name(name, surname_needed, listed):  # (市领导晏平、万里|出席: a list's last item)
                ends.append(end)
    if not ends:
        return None
    # 3, 2, 4 characters in that order, unless a shorter name's follower runs over the chosen one's
    # (兰心|作交流, not 兰心作|交流; but 陆知行|等, not 陆知行等|出席)
    reach = {e: e + len(_follower_at(text, e)) for e in ends}
    two = start + 2
    if two in ends and text[two] in PREPOSITIONS and word_tags().get(text[start:two], "").startswith("nr"):
        return two  # 县长|沃野/nr|为获奖者颁奖: a name the dictionary knows, then a preposition (but 甄可为)
    return min((e for e in ends if e < ends[0] and reach[e] >= reach[ends[0]]), default=ends[0])


def _runs_on(toks: Words, title: re.Match) -> bool:
    """Whether the word holding a title's last character starts with the title and runs past it
    (主席|台), other than into a name jieba glued on (副市|长安/ns|孝大 is a title, then a name)."""
    holder = toks[toks.index_at(title.end() - 1)]
    return holder.end > title.end() and holder.start == title.start() and holder.tag not in ("?", "nr")


def _one_word_name(text: str, toks: Words, start: int) -> int | None:
    """The end of a name jieba reads as one word right after a title: one it made up, whatever verb
    follows it (副市长|葛振宇/?|推介…), a surname and one or two characters it knows no word for; or
    one that is also a word in its dictionary (祁连山/ns, 闻一多/l, 辛夷/nz), before a word that follows names
    (or, for two characters, a list's `、` or a comma)."""
    k = toks.index_at(start)
    word, after = toks[k], toks[k + 1] if k + 1 < len(toks) else None
    if word.start == start and word.tag in ("?", "nr") and len(word.text) in (2, 3) \
            and plausible_name(word.text, need_surname=True) and not (after and after.tag in ("?", "nr")):
        return word.end  # (松田/nr|浩二/?: the name runs on)
    if word.start == start and word.tag in ("ns", "l", "nz", "n") and len(word.text) == 3 and word.text[0] in SURNAMES \
            and word.text[-1] not in _PLACE_ENDS and _follows(text, word.end):
        return word.end  # 副总经理|祁连山/ns|参加, 市长|闻一多/l|代表: a name that is also a word, between a title and a verb
    if word.start == start and len(word.text) == 2 and word.text[0] in SURNAMES \
            and (word.tag in ("ns", "l", "nz", "n") or _rare_verb(word.text)) \
            and (text[word.end:word.end + 1] in ("、", "，") or _follower_at(text, word.end)) \
            and not TITLE_ENDING.search(word.text):
        return word.end  # 副主席|辛夷/nz|、, 副市长|应天/v|主持: a two-character name that is also a word,
        # before a list's mark or a verb
    if word.start == start and len(word.text) == 2 and word.text[0] in SURNAMES and word.tag in ("a", "z", "ad", "an") \
            and text.startswith(_TAKING_PART, word.end):
        return word.end  # 副县长|卓然/a|出席: an adjective before a verb of taking part is a name; before one of
        # speaking it says how (县长|郑重|宣布)
    return None


_TAKING_PART = ("出席", "参加", "主持", "陪同", "列席", "一行", "带队", "率队")


_RARE = 1000  # how often jieba's dictionary has seen a verb at most (应天 127, 查理 273; 强调 6318, 解释 7421)


def _rare_verb(word: str) -> bool:
    """Whether `word` is a verb or verbal noun jieba's dictionary has seen seldom (应天/v, 谈笑/vn) and that
    does not itself follow a name (陪同) or govern one: after a title and before a word that follows
    names, a name it mistakes."""
    return word_tags().get(word) in ("v", "vn") and frequency(word) < _RARE \
        and word not in FOLLOWERS and word not in GOVERNING


def _preposition_after(text: str, start: int, end: int, need_surname: bool) -> bool:
    """Whether a four-character candidate is a three-character name and the preposition, 说 or 作
    after it (薄文卿|就《决定》作说明, 叶知秋|说，, 施一鸣|作“…”辅导; but 田中和也，: a name ending in 也,
    and 欧阳志和: a compound surname's name)."""
    return end - start == 4 and (text[end - 1] in PREPOSITIONS or text[end - 1] in "说作") \
        and text[start:start + 2] not in SURNAMES and plausible_name(text[start:end - 1], need_surname)


def _follower_at(text: str, pos: int) -> str:
    return next((f for f in FOLLOWERS if text.startswith(f, pos)), "")


_LONG_FOLLOWERS = tuple(f for f in FOLLOWERS if len(f) >= 2)


def _follower_inside(text: str, start: int, end: int) -> bool:
    """Whether a word that follows names starts inside a candidate, past its surname (凌霄|致辞，)."""
    if text[start:start + 2] in SURNAMES:
        return False
    return any(text.startswith(f, i) and i + len(f) <= end for i in range(start + 2, end) for f in _LONG_FOLLOWERS)


def _name_before(text: str, title_start: int, toks: Words) -> int | None:
    """Where a name written before a title starts (石田一郎|首相), or None."""
    if text[title_start - 1:title_start] == "副" or ORG_ENDING.search(text, max(0, title_start - LONGEST_ORG_ENDING),
                                                                         title_start):
        return None  # 政协副|主席, 区政协|主席: the title's body stands before it, not a name
    starts = {w.start for w in toks}
    for size in (3, 2, 4):
        begin = title_start - size
        if begin < 0:
            continue
        if (begin in starts or text[begin - 1] in PUNCT) and plausible_name(text[begin:title_start], True):
            return begin
    return None


def _listed_after(text: str, pos: int) -> list[tuple[int, int]]:
    """Names listed with `、` after a titled name, sharing its title, up to the end of the list."""
    out = []
    while pos < len(text) and text[pos] == "、":
        item_end = _name_end(text, pos + 1, need_surname=True, listed=True)
        if item_end is None or TITLE_ENDING.search(text, pos + 1, item_end):
            return out
        out.append((pos + 1, item_end))
        pos = item_end
    return out


def _title_start(text: str, toks: Words, ending_start: int) -> int:
    """Where the organization prefix of a title ends to the left (`的华岳智能科技集团|总经理`)."""
    k = toks.index_at(ending_start)
    first = toks[k].start
    org = ORG_ENDING.search(text, max(0, ending_start - LONGEST_ORG_ENDING), ending_start)
    if org and toks[k].start == ending_start:  # an organization's ending that jieba split (发展|改革|委)
        k = toks.index_at(org.start())
        first = toks[k].start
    while k > 0:
        prev = toks[k - 1]
        if split_place(toks, k) and ending_start - prev.start <= MAX_PREFIX:  # 泓/q|川市/?|税务局党委书记
            first, k = prev.start, k - 1
            continue
        if prev.text == "）":  # …部件（苏州）有限公司|总经理: a place in brackets inside a company's name
            opening = bracket_opening(toks, k)
            if opening is not None and ending_start - toks[opening].start <= MAX_PREFIX:
                first, k = toks[opening].start, opening
                continue
        if prev.text in LEVELS and prev.tag not in PREFIX_TAGS:  # 县/zg|人大常委会副主任: a level starts the body
            first = level_start(toks, k - 1)
            break
        # a word jieba takes for a name (北辰/nr) may start a body's name (北辰航运|董事长), not stand
        # alone before the title (张某|董事长)
        brand = prev.tag == "nr" and first < ending_start
        # a verb inside a body's name that jieba glued to its ending (审批|局局长): part of the prefix
        in_body = prev.tag.startswith("v") and ANY_ORG_ENDING.match(toks[k].text) is not None and first < ending_start
        # a body's ending that jieba tags as something else (浙江省|分行/v|党委书记) ends its name
        ending = ANY_ORG_ENDING.fullmatch(prev.text) is not None and len(prev.text) >= 2
        # a noun ending in a verb's characters right before a body's ending names the body's field
        # (工商联合/j|总会|会长), where a verb phrase (全力支持) ends the walk
        field = not prev.tag.startswith("v") and ANY_ORG_ENDING.fullmatch(toks[k].text) is not None
        if (prev.tag not in PREFIX_TAGS and prev.text not in JOINERS and not brand and not in_body and not ending) \
                or prev.text.endswith(_CITING) \
                or (ends_in_verb(prev) and prev.tag not in ("nt", "i") and not field) or prev.text in FOLLOWERS:
            # (国开行/nt: a body; 能源开发/i: a company's business)
            break
        if ending_start - prev.start > MAX_PREFIX:
            break
        if glued_on(prev):
            first = prev.start + 1  # 据市|水利局局长
            break
        if prev.tag == "?" and len(prev.text) > 1 and prev.text[-1] in "与和同及":
            break  # 凤鸣|岐与/?|驻村第一书记: a conjunction jieba glued to the name before joins two people
        first, k = prev.start, k - 1
    # the walk stopped at a 与 or 和 inside the body's name (机械|与|动力工程学院|院长, 东|和|精工株式会社|社长)
    inside = fields_joined(toks, k) if text[first:ending_start].endswith("学院") else brand_holding_he(toks, k)
    if inside is not None and ending_start - toks[inside].start <= MAX_PREFIX and first < ending_start:
        return _title_start(text, toks, toks[inside].start)
    joined = joined_ending_over(text, first, ending_start)
    return first if joined is None else _title_start(text, toks, joined)  # the walk stopped at 工业和|…


def _chained(text: str, toks: Words, first: int) -> list[str]:
    """Titles before `first` joined to it by `、` or `兼` (省委常委、|苏州市委书记, 副总理兼|外交部长)."""
    out: list[str] = []
    while first > 0 and text[first - 1] in "、兼":  # (新西兰副总理|兼|外交部长)
        stop = first - 1
        ending = next((m for m in TITLE_ENDING.finditer(text, max(0, stop - 8), stop) if m.end() == stop), None)
        if ending is None:
            break
        begin = max(_title_start(text, toks, ending.start()), max(text.rfind(sep, 0, stop) for sep in _SEPARATORS) + 1)
        out.insert(0, text[begin:stop])
        first = begin
    return out
