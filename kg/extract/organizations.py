"""Organizations: enterprises, government bodies and others, with their short names.

An organization is found by its ending (`控股集团`, `发展改革委`, `职业技术学院`), its name running
left over the words jieba tags as parts of a noun phrase. A name must say which one it is — a
place, a proper word, a level (`市港务集团`) — so that generic phrases (`国有资本运营公司`, `市委`)
are left out. Items listed before `等…企业` are enterprises too. A shorter name that the article
uses for a longer one (`华岳智能` for `华岳智能科技集团`, `中国远航保险` for `中国远洋航运保险公司`)
becomes its alias.
"""
from __future__ import annotations

import re

from kg.extract.base import (ANY_ORG_ENDING, GLUED_PREPOSITIONS, GOVERNING, LEVELS, PREPOSITIONS, PUNCT, TITLED, Word, Words, alternation,
                             bound_start, bracket_opening, brand_holding_he, ends_in_verb, fields_joined, glued_on, joined_ending_over,
                             level_start, lexicon, lone_bound, sentences, spans_of, split_place, table, word_tags, words)
from kg.extract.projects import FACILITY_BUILT, built_after, builds
from kg.model import OrgMention, Where

KINDS = table("org_suffixes")
ENDING = ANY_ORG_ENDING
# What is done to a plant in a project's name (…污水处理厂|提标改造工程).
_WORK_ON_PLANT = "提标|扩容|改造|改扩建|扩建|改建|迁建|新建|升级|建设"
_PLANTS = {"厂", "工厂"}  # a plant named in a project's name is the facility worked on, not a company
_UNITS_OF_A_COMPANY = _PLANTS | {"中心"}
_PROJECT_AHEAD = re.compile(f"(?:[一二三四五六七八九十]期|（[一二三四五六七八九十]期）)?(?P<work>(?:{_WORK_ON_PLANT})*)"
                            f"(?:{alternation(list(table('project_words')))})")
_WORK_AHEAD = re.compile(r"[^，。、；：]{0,8}?(?:工程|项目)")
TITLE_AHEAD = re.compile(alternation(list(table("titles"))))
# A title that ranks its holder within a grade (贸工部|高级政务次长, …|首席代表): after a body's name.
_RANKED_TITLE_AHEAD = re.compile(f"(?:高级|首席|资深)(?:{TITLE_AHEAD.pattern})")
# A unit named right after its parent (…银行|澄阳分行, …大学|文学院); a conjunction between them
# joins two organizations instead (…大学|与中国科学院).
_BRANCH = re.compile(r"(?:(?![与和及同暨、])[\u4e00-\u9fff]){1,8}?"
                     r"(?:分公司|分行|支行|分会|办事处|代表处|处|学院|研究院|研究所|法庭|支队|大队|分局)(?!长)")
_ORDINAL = re.compile(r"^(?:第?[\d一二三四五六七八九十百]+届)")
_TERM_BEFORE = re.compile(r"第[\d一二三四五六七八九十百]+届$")
_LEVEL_SESSION = re.compile(r"^([省市区县])第?[\d一二三四五六七八九十百]+届")  # 县|十八届|人大常委会: the body, in session
_LEVEL = re.compile(r"^(?:全国|中央|国家|[省市区县镇乡])(?!级)")  # not 国家级: a rank, not a level
_LISTED = re.compile(r"((?:[\u4e00-\u9fffA-Za-z]{2,8}、)+[\u4e00-\u9fffA-Za-z]{2,8})等"
                     r"(?:我市|本地|全市|全省|(?:[德美日韩英法意]国|欧洲|外资|民营|龙头|知名|头部))?"  # 等德国企业
                     r"(?:多家|一批|部分|数家|\d+家)?(?:企业|公司)")
# The generic bodies of a place (市委, 市政府, 省委省政府, 市人大常委会, 区检察院): not names of their own
# (but 区人民检察院, written whole, is one).
_GENERIC = re.compile(r"^(?:[省市区县镇乡村]|委|政府|人民政府|人大|人民代表大会|政协|纪委|监委|法院|检察院|常委会|常务委员会|常委|党委|党工委|工委"
                      r"|党支部|党总支|村委会"
                      r"|团[省市区县]委)+$"
                      r"|^(?:组织部|宣传部|统战部|政法委|社会工作部)$")  # a Party committee's own departments
_NATIONAL = re.compile(r"^(?:全国|中央|国家)")
_VILLAGE_PARTY_ORGAN = re.compile(r"(?:村|社区)(?:党支部|党总支|党委)$")
_LEGAL = {"有限公司", "股份有限公司", "有限责任公司", "株式会社"}
_GENERIC_START = re.compile(r"^(?:[一二两三几多各每该本这那][家个所]|其|一些|多家|部分|[两各][市县区地])")  # 两市商务局
# 外办, 台办, 侨办; 妇联, 残联; 科协: each abbreviates one body, which a level makes a name (县残联)
_OFFICE = re.compile(r"[\u4e00-\u9fff][办联]|科协")
_ORDINAL_WORD = re.compile(r"^第[\d一二三四五六七八九十]+$")  # 市|第二|人民医院
_NUMBER_WORD = re.compile(r"^[一二三四五六七八九十百]+$")  # 中铁|十四|局集团; not a count (十七|届, 两|家)
_COUNTED = set("届次年个名位批家项条")
_COUNT = re.compile(r"^[\d.一二三四五六七八九十百千万两几多数]+[" + "".join(sorted(_COUNTED)) + "]?$")  # 3家, 十四: a number
# Words that end a name to their right: conjunctions, and what follows a person's name (会见, 主持),
# which jieba sometimes tags as nouns.
_STOPS = {"暨", "及", "与", "和", "并", "或", "等", "有"} | set(lexicon("followers")) | GOVERNING \
    | {"国企", "央企", "民企", "外企"} \
    | {w for w, role in table("meeting_words").items() if role in ("visit", "tour", "teach")}
# (区属国企|松陵城发集团: what kind of body the name that follows is; 深圳|拜访|华为…: the visit)
# Verbs may stand inside a name (统计信息中心, 促进中心); the verbs that govern one may not.
PARTS = {"n", "ns", "nt", "nz", "nrt", "nr", "j", "b", "s", "f", "ng", "an", "a", "vn", "v", "l", "eng", "?",
         "t", "z", "mq", "i"}  # 青年/t: a time word inside a name (…青年创业园), never at its start; 零部件/mq;
# 能源开发/i: jieba tags some compounds as idioms
EDGE = {"n", "ns", "nt", "nz", "nrt", "nr", "j", "s", "eng", "?"}  # what a name may start with
PROPER = {"ns", "nt", "nz", "nrt", "nr", "j", "eng", "?"}
ORG_WORD = {"nt", "nz"}  # tags of words that may end in a one-character ending (商务厅/nt)
MAX_NAME = 24
_NOT_IN_BRANCH = {"v", "p", "c", "d", "r", "w"}  # verbs, prepositions, conjunctions, adverbs, pronouns
_FIELDS_AHEAD = re.compile(r"(?:[、和及与][^，。；、]{1,10}?)*等(?:方面|领域|业务|行业)")
_ROLES = ("单位", "承建方", "投资方", "合作方", "运营方")
_BRANCH_ENDINGS = {"分行", "支行", "分公司", "分理处", "营业部"}
_WORKS = {"工程", "项目"}  # a project's ending, which a body's name does not run back over
_CONJUNCTIONS = "和与及暨"  # no short name starts with one (东|和精工株式会社 is cut inside a brand)


def find(body: str) -> list[OrgMention]:
    """Every named organization in `body`, once each, under its fullest name."""
    found: dict[str, OrgMention] = {}
    for start, end in sentences(body):
        text = body[start:end]
        toks = words(text)
        for name in _by_ending(text, toks):
            _add(found, name, kind_of(name), (start, end))
        for name in _known_names(toks):
            if not any(name in other for other in found):
                _add(found, name, _known_kind(name), (start, end))
        for name, latin in _with_latin_names(text, toks):
            _add(found, name, kind_of(name) if ENDING.search(name) else "enterprise", (start, end))
            if latin not in found[name].aliases:
                found[name].aliases.append(latin)
        for m in _LISTED.finditer(text):
            for item in _listed_names(m.group(1)):
                _add(found, item, "enterprise", (start, end))
        for name in _makers(text, toks):
            _add(found, name, kind_of(name) if ENDING.search(name) else "enterprise", (start, end))
    _fold_aliases(body, found)
    for name in [n for n in found if _only_inside_longer(body, found[n], found)]:
        del found[name]
    return list(found.values())


def _only_inside_longer(body: str, org: OrgMention, found: dict[str, OrgMention]) -> bool:
    """Whether every mention of `org`, by its name or a short name, starts a longer name of another
    (国家税务总局|宁川市税务局, 中国电科|十四所): a parent named only with its unit is not listed."""
    longer = [text for other in found.values() if other is not org for text in [other.name, *other.aliases]]
    mentions = [span for text in [org.name, *org.aliases] for span in spans_of(text, body)]
    return all(any(len(text) > end - start and body.startswith(text, start) for text in longer)
               for start, end in mentions)


def _runs_into_a_word(text: str, toks: Words, end: int) -> bool:
    """Whether the dictionary word holding the last character before `end` runs on past it, other
    than into a word of its own that jieba glued on (领导|小组会议, 协会|会长). A word jieba made up
    (市委|会作/?) proves nothing."""
    word = toks[toks.index_at(end - 1)]
    rest = text[end:word.end]
    return word.end > end and word.tag != "?" and not (len(rest) >= 2 and rest in word_tags())


_KIND_OF_BUSINESS = {"n", "vn", "v", "a", "an"}


def _listed_names(listing: str) -> list[str]:
    """The companies of a list before `等…企业`, if it lists companies, not kinds of business made of
    common words (数据|标注、软件|外包). The first item starts after the verb before it and its particle
    (引进|恒岳新能源, 肯定|了|恒源集团)."""
    items = listing.split("、")
    head = words(items[0])
    verbs = [i for i, w in enumerate(head) if w.tag.startswith(("v", "p", "d", "u")) or w.text in _STOPS]
    if verbs:
        items[0] = items[0][head[verbs[-1]].end:]
    if any(len(item) < 2 or all(len(w.text) >= 2 and w.tag in _KIND_OF_BUSINESS for w in words(item))
           for item in items):
        return []
    return items


# jieba's dictionary tags the organizations it knows `nt` (国务院, 商务部, 清华大学), but also some
# common nouns (新兴产业, 暨): a known name must end in a character that heads an organization.
_HEADS = set("院部委局署厅办校学行馆团社台")
_STATE = re.compile(r"(?:国务|法|检察)院$|[部委局署厅办]$")


_LATIN = re.compile(r"（([A-Za-z][A-Za-z0-9&.\- ]{1,30})）")
_LATIN_PARTS = {"n", "ns", "nz", "nt", "j", "v", "vn", "eng", "?"}


def _with_latin_names(text: str, toks: Words) -> list[tuple[str, str]]:
    """Names given with their Latin name in brackets (`澜舟智算（Lanzhou AI）`): a company's way."""
    out = []
    for m in _LATIN.finditer(text):
        k = toks.index_at(m.start() - 1) if m.start() > 0 and toks[toks.index_at(m.start() - 1)].end == m.start() else None
        first = m.start()
        while k is not None and k >= 0 and toks[k].tag in _LATIN_PARTS and toks[k].text not in _STOPS \
                and m.start() - toks[k].start <= 8:
            first, k = toks[k].start, k - 1
        if m.start() - first >= 2:
            out.append((text[first:m.start()], m.group(1).strip()))
    return out


_PRODUCT = re.compile(r"的[\u4e00-\u9fffA-Za-z0-9]{1,10}?大模型")
_MAKER_PARTS = {"n", "ns", "nz", "nrt", "j", "eng", "?"}
_BRAND = {"nz", "nrt", "j", "eng", "?"}


def _makers(text: str, toks: Words) -> list[str]:
    """Owners of a named model (`澜舟智算的天枢大模型`): companies, whose names jieba does not know."""
    out = []
    for m in _PRODUCT.finditer(text):
        k = toks.index_at(m.start())
        if toks[k].start != m.start():
            continue
        parts: list[Word] = []
        while k > 0 and toks[k - 1].tag in _MAKER_PARTS and m.start() - toks[k - 1].start <= 10:
            k -= 1
            parts.insert(0, toks[k])
        if parts and (k == 0 or toks[k - 1].text in PUNCT) and any(w.tag in _BRAND for w in parts) \
                and m.start() - parts[0].start >= 3:
            out.append(text[parts[0].start:m.start()])
    return out


_PLACE_COMMITTEE = re.compile(r"^[省市区县]委$")


def _known_names(toks: Words) -> list[str]:
    """Bodies jieba knows by name (驻京办/nt), with the place written before them (香|城市|驻京办);
    not one whose committee of a place follows (共青团|市委: the place's own, as generic as 团市委)."""
    out = []
    for k, w in enumerate(toks):
        if w.tag == "nt" and len(w.text) >= 3 and w.text[-1] in _HEADS and not w.text.endswith("公司") \
                and not _GENERIC.match(w.text) and not (k + 1 < len(toks) and _PLACE_COMMITTEE.match(toks[k + 1].text)):
            j = k
            while j > 0 and toks[j - 1].tag == "ns":
                j -= 1
            out.append("".join(t.text for t in toks[j:k + 1]))
    return out


def _known_kind(name: str) -> str:
    kind = kind_of(name)
    return "government" if kind == "other" and _STATE.search(name) else kind


def kind_of(name: str) -> str:
    """enterprise, government or other, by the name's ending; a branch by its parent's
    (人民银行|苏州市分行 is the central bank's, a state organ's)."""
    ending = final_ending(name)
    if ending in _BRANCH_ENDINGS:
        parent = max((e for e in KINDS if e in name[: -len(ending)] and e not in _BRANCH_ENDINGS), key=len, default="")
        if parent:
            return KINDS[parent]
    return KINDS[ending] if ending else "other"


def without_legal_form(name: str) -> str:
    """A company's name without the legal form it is registered in (中建…工程局|有限公司), and without
    the brackets around a bracketed ending before it (恒昌（集团）有限公司 is 恒昌集团)."""
    form = max((f for f in _LEGAL if name.endswith(f)), key=len, default="")
    bare = name[: len(name) - len(form)]
    bracketed = re.search(r"（([^（）]+)）$", bare)
    if form and bracketed and bracketed.group(1) in KINDS:
        return bare[:bracketed.start()] + bracketed.group(1)
    return bare


def final_ending(name: str) -> str:
    """The longest organization ending `name` ends in, "" if none."""
    for size in _ENDING_SIZES:
        if name[-size:] in KINDS and size <= len(name):
            return name[-size:]
    return ""


_ENDING_SIZES = sorted({len(e) for e in KINDS}, reverse=True)  # looked up by size: hundreds of endings


def _add(found: dict[str, OrgMention], name: str, kind: str, where: Where) -> None:
    if name not in found:
        found[name] = OrgMention(name, kind, [], where)


def _by_ending(text: str, toks: Words) -> list[str]:
    names = []
    titled = [(m.start(), m.end()) for m in TITLED.finditer(text)]
    branch_end = 0  # where the last branch read after its parent ends: its own ending is read with it
    for m in ENDING.finditer(text):
        if m.start() < branch_end:
            continue
        title = TITLE_AHEAD.match(text, m.start())
        if title and title.end() > m.end():
            continue  # 厅|长, 局|长: the ending starts a title, not a name
        if any((t := TITLE_AHEAD.match(text, p)) and t.end() > m.end() for p in range(max(0, m.start() - 3), m.start())):
            continue  # 集团|董事局主席: the ending is inside a title, a company's own board
        if m.end() < len(text) and ((ENDING.match(text, m.end()) and not TITLE_AHEAD.match(text, m.end()))
                                    or (text[m.end()] in "组员" and toks[toks.index_at(m.end() - 1)].end > m.end())):
            continue  # the inner part of a longer ending or word (中心组, 委员), not 局|局长 or 支队|组织
        if len(m.group(0)) > 1 and _runs_into_a_word(text, toks, m.end()):
            continue  # 华创|投资控股: 创投 is no ending there
        made_up = len(m.group(0)) == 1 and toks[toks.index_at(m.start())].tag == "?"
        if len(m.group(0)) == 1 and not (_stands_alone(toks, m.start()) or TITLE_AHEAD.match(text, m.end())
                                         or _RANKED_TITLE_AHEAD.match(text, m.end()) or made_up):
            continue  # 布|局, 部|署, 干|部: inside an ordinary word (but 经济部|副部长 ends a body)
        if _FIELDS_AHEAD.match(text, m.end()):
            continue  # 科技保险、农业保险和巨灾保险等方面: kinds of business listed, not bodies
        first = _name_start(toks, m.start())
        k = toks.index_at(first)
        if k > 1 and toks[k - 1].text in "-－" and toks[k - 2].tag in PROPER:
            first = _name_start(toks, toks[k - 2].start)  # 巴登-|符腾堡州经济部: a hyphened foreign place
        joined = joined_ending_over(text, first, m.end())
        if joined is not None:  # the walk stopped at the 和 inside a body's name (工业和信息化部信息技术发展司)
            first = _name_start(toks, joined)
        if any(a < m.start() < b for a, b in titled):
            continue  # 《…委员会关于…的决定》: a document's title, whose issuer is part of its name
        if _TERM_BEFORE.search(text, 0, first):
            continue  # 中共某市第十届|纪律检查委员会第五次全体会议: the body in one of its terms, by its plenum
        name = _ORDINAL.sub("", _LEVEL_SESSION.sub(r"\1", text[first:m.end()]))
        if text.endswith("作为", 0, first) and text.startswith("，", m.end()):
            continue  # 作为国有资本运营公司，…: what the subject is, not an organization's name
        if made_up and not _LEVEL.match(name) and not any(len(e) >= 3 and e in name[:-1] for e in KINDS):
            continue  # a word jieba made up ends in it: a body's abbreviation (县经|信局) starts with its level,
            # a unit's (工业和信息化部装备工业|一司) with its parent
        if FACILITY_BUILT.match(text, m.start()) or built_after(toks, first, m.start()) is not None \
                or (first > 0 and builds(toks[toks.index_at(first - 1)].text, name)
                    and (KINDS[m.group(0)] == "other" or m.group(0) in _PLANTS)):
            continue  # 零碳产业园|建设, 在岷泽|建设|华东研发中心, 建设|…产业园: a facility being built, a project
        if (m.group(0) == "工厂" and all(w.tag in PROPER for w in words(text[first:m.start()]))) \
                or (m.group(0) in _UNITS_OF_A_COMPANY and any(form in text[first:m.start()] for form in _LEGAL)):
            continue  # 把桐溪|工厂打造成…, ASML|南浠|工厂, …有限公司|新工厂, …股份有限公司|研发中心: a
            # company's plant or centre, no body of its own (but …有限公司|第十四研究所 is an institute)
        if m.group(0) == "公园" and _WORK_AHEAD.match(text, m.end()):
            continue  # 青杉湾湿地公园|生态修复工程: a park in a work's name is the site worked on
        ahead = _PROJECT_AHEAD.match(text, m.end())
        if ahead and (m.group(0) in _PLANTS or (not ahead.group("work") and (
                KINDS[m.group(0)] == "other" or ahead.group(0)[0] in "一二三四五六七八九十（"))):
            continue  # 冷链物流中心|项目, 智能工厂|二期项目, 污水处理厂|提标改造工程: a facility in a project's name
            # (but 市第三人民医院|迁建项目: the body whose new building it is)
        branch = _branch(text, m.end())
        # a branch names its parent as one body, even one whose name is a single word (中国农业银行|…支行)
        known_parent = branch is not None and word_tags().get(name) == "nt"
        if _named(name, m.group(0)) or known_parent:
            names.append(name + branch.group(0) if branch else name)
            if branch:
                names.append(name)  # the parent, kept if the article also names it on its own
                branch_end = branch.end()
    return names


def _branch(text: str, end: int) -> re.Match | None:
    """A branch named right after its parent's name ending at `end` (…银行|南京分行), if one is:
    its words name a place or a field, never a post, a person or an action
    (…大学|副校长某某为研究院揭牌 is no branch)."""
    m = _BRANCH.match(text, end)
    if m is None or (text[m.end() - 1:m.end() + 1] in word_tags() and not TITLE_AHEAD.match(text, m.end())):
        return None  # (…公司污水|处理站: the ending runs into a word; …分行|行长 is a title after it)
    inside = words(m.group(0))
    if any(TITLE_AHEAD.match(m.group(0), w.start) or w.tag in _NOT_IN_BRANCH or w.tag.startswith("u")
           for w in inside[:-1]):
        return None
    return m


def _stands_alone(toks: Words, pos: int) -> bool:
    word = toks[toks.index_at(pos)]
    if word.end != pos + 1:
        return False
    if word.start == pos or word.tag in ORG_WORD:
        return True
    # 科技局 and 公安局 are a field and the ending; 新格局 and 大布局 end in a word of their own
    return len(word.text) >= 3 and word.text[-2:] not in word_tags()


def _name_start(toks: Words, ending_start: int) -> int:
    k = toks.index_at(ending_start)
    first = toks[k].start
    registered = toks[k].text in _LEGAL  # a company's registered name, written whole
    while k > 0:
        prev = toks[k - 1]
        if split_place(toks, k):  # 泓/q|川/j|经济技术开发区: a place jieba split into lone characters
            first, k = prev.start, k - 1
            continue
        if glued_on(prev):
            return prev.start + 1  # 从市|商务局, 察看了|泓川…
        if prev.text == "和" and k > 1 and toks[k - 2].text == "、":
            return prev.start  # 、|和|润|食品集团有限公司: right after a list's 、 a 和 starts the name, joins nothing
        if prev.text[0] in _CONJUNCTIONS and len(prev.text) > 1 and final_ending(toks[k - 2].text if k > 1 else ""):
            return prev.start + 1  # …储备库|和丰/nz|禾农业…: jieba glued the 和 joining two names to the second
        if prev.text == "）" and ending_start - prev.start <= MAX_NAME:  # 中源锂能（云河）有限公司: a place in brackets
            opening = bracket_opening(toks, k)
            if opening is not None:
                first, k = toks[opening].start, opening
                continue
        if prev.text in _WORKS and ANY_ORG_ENDING.match(toks[k].text) is None:
            # …专用线工程|和县人民医院: a project's name ends there, and 和 joins the next (航务工程|局 goes on)
            return toks[k].start + 1 if toks[k].text[0] in "和及与" and len(toks[k].text) > 1 else first
        if prev.text in LEVELS:  # 县|人民医院: a level starts the name, whatever jieba tags it (县/zg)
            return level_start(toks, k - 1)
        if lone_bound(prev):  # 来到|雩/g|山县…公司: a character that never stands alone starts the name
            return bound_start(toks, k - 1)
        if registered and len(prev.text) == 1 and prev.tag not in ("w", "ul", "uj", "ug", "uz") and prev.text not in _STOPS \
                and prev.text not in PREPOSITIONS and ending_start - prev.start <= MAX_NAME:
            first, k = prev.start, k - 1  # 华润|置/v|地/uv|有限公司: jieba cut the brand into odd pieces
            continue
        if toks[toks.index_at(ending_start)].text.endswith("学院") and (joined := fields_joined(toks, k)) is not None:
            first, k = toks[joined].start, joined  # …大学机械|与|动力工程学院: a college of two fields
            continue
        if registered and (held := brand_holding_he(toks, k)) is not None:
            first, k = toks[held].start, held  # 长江|和|记/n|实业有限公司, 东|和|精工株式会社: 和 is in the name
            continue
        joined = prev.text == "的" and k > 1 and toks[k - 2].text.endswith("党")  # 区委党的建设工作领导小组
        ordinal = _ORDINAL_WORD.match(prev.text) is not None or (
            _NUMBER_WORD.match(prev.text) is not None and toks[k].text[0] not in _COUNTED)
        scope = registered and k == toks.index_at(ending_start)  # 华能江苏|能源开发/i|有限公司: its business
        # (a noun ending in a verb's characters names a body's field right before its ending: 工商联合/j|总会)
        scope = scope or (not prev.tag.startswith("v") and k == toks.index_at(ending_start))
        technical = registered and prev.tag == "m" and not _COUNT.match(prev.text)  # …中科|三维/m|打印技术有限公司
        if not (prev.tag in PARTS or prev.text == "驻" or joined or ordinal or technical) or ending_start - prev.start > MAX_NAME \
                or (ends_in_verb(prev) and not scope) or prev.text in _STOPS or prev.text.endswith("会议") or prev.text in PREPOSITIONS:
            break
        if prev.text.endswith(_ROLES):
            break  # 施工单位|中交…有限公司: what the company is to the work, not its name
        if prev.tag == "v" and prev.text != "驻" and k > 1 and len(final_ending(toks[k - 2].text)) >= 2:
            break  # 青澜研究院|共建|实验室: a verb after a body's name governs what follows
        if prev.tag == "?" and prev.text[-1] in GLUED_PREPOSITIONS and len(prev.text) > 1:
            return prev.end  # or the name before it to the preposition (欧阳|立受|市政府委托, 任命韦正|清为|市…委员会)
        first, k = prev.start, k - 1
    registered = (k == 0 or toks[k - 1].text in "、，：和与及") and any(
        w.text in _LEGAL for w in toks[k:toks.index_at(ending_start) + 1])  # 、|日立/b|电梯（中国）有限公司, 和|明远/a|…
    while not registered and k < len(toks) and toks[k].start < ending_start and toks[k].tag not in EDGE \
            and toks[k].text not in "（）" and not (len(toks[k].text) == 1 and toks[k + 1].tag == "j") \
            and not split_place(toks, k + 1):  # 深|创投集团, 泓|川
        k += 1  # a name does not start with an adjective or a verb (古老|书院, 建设|智算中心)
        first = toks[k].start
    if toks[k].text == "（":  # 中|节能|（澐州）…公司: a brand before a bracketed place, whatever its words
        brand = _brand_before(toks, k)
        first = brand if brand < toks[k].start else toks[k + 1].start
    return first


def _brand_before(toks: Words, k: int) -> int:
    """Where the brand before the bracket `toks[k]` starts: after the last punctuation or stop."""
    first = toks[k].start
    while k > 0 and toks[k - 1].tag != "w" and toks[k - 1].text not in _STOPS and toks[k].start - toks[k - 1].start <= 6:
        first, k = toks[k - 1].start, k - 1
    return first


_NO_NAME_TAGS = {"w", "v", "a", "d"}  # single characters that are words of their own, no part of a rare name


def _named(name: str, ending: str) -> bool:
    """Whether `name` names one organization rather than a kind of them."""
    if _GENERIC.match(name) or name == ending or _GENERIC_START.match(name) or _VILLAGE_PARTY_ORGAN.search(name):
        return False  # (市委, 公司, 两市商务局: a kind, or bodies of several places; 茶园村党总支: a village's
        # Party cell, named only as the body of its secretary's post)
    body = _LEVEL.sub("", name)[: -len(ending)] if len(name) > len(ending) else ""
    if not body:
        # 全国政协, 中央编办, 市交通运输局, 市外办 name one body; 市委 and 公司 do not
        return bool(_NATIONAL.match(name)) or len(ending) >= 3 or bool(_OFFICE.fullmatch(ending))
    if _LEVEL.match(name) or (ending in _LEGAL and not _GENERIC_START.match(body)):
        return True  # a company's registered form (…有限公司) is only written for one company
    parts = words(name)
    if len(parts) == 1:  # one dictionary word (上市公司, 信息中心) is a kind of organization, unless a long
        # known name (国务院发展研究中心) or a known body of a place (浙江省政府/nt: 浙江省/ns|政府)
        return parts[0].tag == "nt" and (len(name) >= 6 or (
            len(body) >= 3 and body[-1] in "省市县区" and any(w.tag == "ns" for w in words(body))))  # (上市|公司)
    inside = words(body)
    # jieba cuts a name of rare characters it does not know into single characters (棠|禾), where a
    # verb and its complement are words of their own (开/v|好/a|局: 开好局 is making a good start)
    unknown = any(len(a.text) == len(b.text) == 1 and a.tag not in _NO_NAME_TAGS and b.tag not in _NO_NAME_TAGS
                  for a, b in zip(inside, inside[1:])) \
        or any(lone_bound(w) for w in inside)  # 泠|水文|旅: a rare character starts a place's name
    parent = any(len(e) >= 3 and e in body for e in KINDS)  # a unit of a named body (…部|信息技术发展司)
    numbered = any(_NUMBER_WORD.match(w.text) for w in inside)  # 中铁|十四|局集团: a numbered unit
    # a place jieba does not know, by its level (翎/n|州市/n|个体劳动者协会), where 城市|建设协会 is a word;
    # a town or village, whatever words it bears (大营/b|镇|食用菌产业园), where 新农村 is one
    tags = word_tags()
    placed = len(name) > 3 and name[:3] not in tags and (
        (name[2] in "省市县区" and name[:2] not in tags) or name[2] in "镇乡村")
    return unknown or parent or numbered or placed or any(w.tag in PROPER for w in inside) \
        or bool(re.search(r"[A-Za-z]", body))


def _fold_aliases(body: str, found: dict[str, OrgMention]) -> None:
    """Record the shorter names the article uses for an organization, each for the shortest
    organization it could abbreviate, and drop them as organizations of their own."""
    # (a name found of another kind is no short form: 中国银行潇湘分行 is not 中国人民银行潇湘市分行's)
    claims = {name: [a for a in _aliases(body, name, [n for n in found if n != name])
                     if a not in found or found[a].kind == found[name].kind] for name in found}
    shortened = {alias for aliases in claims.values() for alias in aliases if alias in found}
    owner: dict[str, OrgMention] = {}
    for org in sorted(found.values(), key=lambda o: len(o.name)):
        if org.name in shortened:
            continue  # itself a short name of another (中国远航保险江澜分公司): it owns none
        for alias in claims[org.name]:
            owner.setdefault(alias, org)
    for alias, org in owner.items():
        org.aliases.append(alias)
        if alias in found and found[alias] is not org:
            del found[alias]


def _aliases(body: str, name: str, others: list[str]) -> list[str]:
    """Short forms of `name` standing elsewhere in the body: a company's name cut at a word
    (`澜海` for `澜海集团`, `华岳智能` for `华岳智能科技集团`) or without its leading place
    (`丰源控股` for `新加坡丰源控股`), or an abbreviation keeping some of its characters in order
    (`中国远航保险` for `中国远洋航运保险公司`)."""
    out = []
    place = leading_place(name) or _named_place(body, name) or _shared_opening(name, others)
    if kind_of(name) == "enterprise":
        for full in dict.fromkeys([name, name[len(place):]]):  # 华创投资控股 for 深圳市华创投资控股有限公司
            out.extend(stem for stem in _cut_at_words(body, full)
                       if stem not in out and (full == name or not _common_words(stem) or _heads_a_title(body, stem)))
            # (技术 of 华为|技术…; but 宏远纺织|董事长: a company's short name before its head's title)
        rest = name[len(place):]
        if place and len(rest) >= 3 and rest not in out and rest[0] not in _CONJUNCTIONS and any(
                not body.startswith(name, start - len(place)) for start, _ in spans_of(rest, body)):
            out.append(rest)  # 丰源控股 for 新加坡丰源控股: the name without its country or city
    out.extend(short for short in _branch_short_names(name) if short in body and short not in out)
    ending = final_ending(name)
    taken = [span for other in others for span in spans_of(other, body)]
    tail = _tail(body, name, ending, taken)
    if tail and tail not in out:
        out.append(tail)
    unregistered = without_legal_form(name)  # 三峡集团 for 中国长江三峡集团有限公司, cut inside jieba's 长江三峡
    out.extend(other for other in others if len(other) >= 4 and other != unregistered and unregistered.endswith(other)
               and final_ending(other) and other not in out)
    for full in dict.fromkeys([name, name[len(place):]]):  # 福斯特集团 for 德国福斯特精密工业集团
        for start, _ in spans_of(full[0], body):
            if any(a < start < b for a, b in taken):
                continue  # (中|医医院 inside 澄州市中医医院: another's name, no short form of this one)
            short = _abbreviation(body, start, full)
            # it keeps the name's first two characters (中国远航保险) or its ending (区检察院 for 区人民检察院)
            kept = short.startswith(full[:2]) or bool(ending and short.endswith(ending))
            shortest = 3 if _LEVEL.match(short) and short.endswith(full[-1]) else 4  # 区法院 for 区人民法院
            if kept and shortest <= len(short) <= len(full) - 2 and short not in name and short not in out \
                    and _ends_a_word(body, start, len(short)):
                out.append(short)
    return out


def _tail(body: str, name: str, ending: str, taken: list[tuple[int, int]]) -> str | None:
    """The longest end of `name`, from a word boundary and keeping its ending, that stands on its
    own elsewhere in the body (龙华医院 for 上海中医药大学附属龙华医院), if any."""
    for cut in [w.end for w in words(name)][:-1]:
        tail = name[cut:]
        if len(tail) < 4 or not ending or not tail.endswith(ending) or tail == ending or tail[0] in _CONJUNCTIONS:
            continue  # (东|和精工株式会社: a name does not start with a conjunction)
        for start, _ in spans_of(tail, body):
            whole = body.startswith(name, start - cut)
            if not whole and not any(a < start < b for a, b in taken):
                return tail
    return None


def _cut_at_words(body: str, full: str) -> list[str]:
    """The starts of `full` (the name, or the name less its place) cut at a word boundary that
    stand on their own elsewhere in the body, longest first (远川控股集团 and 远川控股 for
    远川控股集团有限公司)."""
    bare = full[: len(full) - len(final_ending(full))]
    # word ends, and ends of an inner organization ending that jieba glued to the next (远川|控股集团)
    cuts = sorted({w.end for w in words(full)[:-1]} | {i for i in range(3, len(full)) if final_ending(full[:i])})
    out = []
    for k, cut in sorted(enumerate(cuts), key=lambda c: -c[1]):
        stem = full[:cut]
        if _is_place(stem) or len(stem) < 2 or (k == 0 and stem != bare):
            continue  # one word is a short name only as the whole name less its ending (澜海|集团)
        if any(_on_its_own(body, end) and not any(body.startswith(longer, start) for longer in [full, *out])
               for start, end in spans_of(stem, body)):
            out.append(stem)
    return out


_BRAND_WORD = {"nz", "nr", "nrt", "j", "eng", "?"}


def brand_opening(body: str, project: str) -> str:
    """The maker's brand a project's name opens with, before a place the article names with its level
    (中电建|通山抽水蓄能电站项目 where it says 通山区) or opens other names with, "" if none: one to three words in Chinese
    characters, not a place, not a verb's phrase, not only common words (新建|…)."""
    parts = words(project)
    for w in parts[1:4]:
        if len(w.text) >= 2 and (re.search(re.escape(w.text) + "[省市县区]", body)
                                 or (w.tag in ("ns", "?") and body.count(w.text) >= 3)):  # (青杉|人工智能产业园, …)
            brand = project[:w.start]
            inside = words(brand)
            if 2 <= len(brand) <= 5 and re.fullmatch(r"[\u4e00-\u9fff]+", brand) and not _LEVEL.match(brand) \
                    and not inside[0].tag.startswith(("v", "p", "d")) and not _named_place(body, brand) \
                    and not (inside[0].tag == "f" and len(inside[0].text) >= 2) \
                    and not all(len(b.text) >= 2 and b.tag in _KIND_OF_BUSINESS for b in inside) \
                    and not (any(b.tag == "ns" for b in inside) and not any(b.tag in _BRAND_WORD for b in inside)):
                # (苏南|运河|无锡段…工程: a place's canal, 沿江/f|高铁|南江站…: a locative, no maker;
                # 中科/ns|曙光/nz and 中/f|电建 are brands)
                return brand
            return ""
    return ""


def leading_place(name: str) -> str:
    """The place a name starts with (新加坡|丰源控股, 深圳市|华创…, 中国|光大银行…), "" if none."""
    if name.startswith("中国") and len(name) > 4:
        return "中国"  # jieba keeps 中国 inside the words of many national bodies (中国光大银行)
    parts = words(name)
    place = ""
    for w in parts[:-1]:
        if w.tag != "ns":
            break
        place += w.text
    return place


def _named_place(body: str, name: str) -> str:
    """The start of `name` that the article names as a place of its own (鹿江 of 鹿江宏达锂电…
    where the text says 鹿江市), for places jieba does not know; "" if none."""
    for size in (3, 2):
        if re.search(re.escape(name[:size]) + "[省市县区]", body) and name[size:size + 1] not in "省市县区":
            return name[:size]
    return ""


def _shared_opening(name: str, others: list[str]) -> str:
    """Two or three characters that open `name` and another organization's name the article gives,
    which go on differently (湄江|天成药业… and 湄江|华达电缆…): the place both are in, whatever
    jieba makes of it (湄|江天|成); "" if none."""
    for size in (3, 2):
        if len(name) > size + 1 and any(len(o) > size + 1 and o.startswith(name[:size]) and o[size] != name[size]
                                        for o in others):
            return name[:size]
    return ""


def _common_words(text: str) -> bool:
    """Whether `text` is only common words (控股集团, 技术): a kind of body, no short name."""
    return all(w.tag in ("n", "vn", "v", "a") for w in words(text))


def _is_place(text: str) -> bool:
    parts = words(text)
    return all(w.tag == "ns" or _LEVEL.fullmatch(w.text) for w in parts)


def _heads_a_title(body: str, stem: str) -> bool:
    """Whether a four-character or longer `stem` stands somewhere right before a title (宏远纺织|董事长)."""
    return len(stem) >= 4 and any(TITLE_AHEAD.match(body, end) for _, end in spans_of(stem, body))


def _on_its_own(body: str, end: int) -> bool:
    """Whether a name ending at `end` stops there (`澜海重工|拥有`) rather than running on (`青澜广场|店`)."""
    if end >= len(body) or body[end] in PUNCT or TITLE_AHEAD.match(body, end):
        return True  # (…|董事长: a title follows a name)
    following = words(body[end:end + 4])[0]
    return following.tag in ("v", "p", "c", "d", "uj", "u", "r") or following.tag.startswith("v")  # (…|等企业)


_BRANCH_OF_COMPANY = re.compile(r"(?:公司|集团)([\u4e00-\u9fff]{2,3}?)(?:分公司|分行|支行)$")


def _branch_short_names(name: str) -> list[str]:
    """What a company's branch is called for short: its place, then the parent's brand (滏川移动 for
    中国移动通信集团江苏有限公司滏川分公司)."""
    m = _BRANCH_OF_COMPANY.search(name)
    if m is None:
        return []
    parent = name[: m.start(1)]
    brand = [w.text for w in words(parent[len(leading_place(parent)):])]
    return [m.group(1) + "".join(brand[:n]) for n in (1, 2) if len(brand) > n]


def _ends_a_word(body: str, start: int, size: int) -> bool:
    """Whether the `size` characters from `start` end where a word of the body ends or a title starts
    (区法院|院长, where jieba reads 法院院长), not inside a word running on (滏川区政|务云…: no
    abbreviation)."""
    return size in {w.end for w in words(body[start:start + size + 4])} or bool(TITLE_AHEAD.match(body, start + size))


def _abbreviation(body: str, start: int, name: str) -> str:
    """The longest run of `body` from `start` whose characters appear in order in `name`."""
    i, k = start, 0
    while i < len(body) and k < len(name):
        found = name.find(body[i], k)
        if found < 0:
            break
        i, k = i + 1, found + 1
    return body[start:i]
