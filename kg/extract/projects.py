"""Projects: works, investments, funds and named programmes.

A project is named by an ending (`疏浚工程`, `开发项目`, `焕新工程`, `澜江基金二期`, `三年行动`), often
with a quoted name (`“春雨润苗”计划`, `“四项暖企行动”`), its name running left over the words jieba
tags as parts of a noun phrase. Generic references (`重点项目`, `新项目`) are left out. Amounts are
read as written (`312.94亿元`) from the sentences that name the project.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.base import (GOVERNING, LEVELS, PREPOSITIONS, PUNCT, TITLED, Words, alternation, bound_start, ends_in_verb,
                             glued_on, level_start, lexicon, lone_bound, org_ending_across, sentences, table, words)
from kg.model import OrgMention, ProjectMention

KINDS = table("project_words")
ENDING = re.compile(f"(?:{alternation(list(KINDS))})(?:[一二三四五六七八九十]期)?")
_PHASE = re.compile(r"[一二三四五六七八九十]期")
_PHASE_END = re.compile(r"[一二三四五六七八九十]期$")
_YEARS = re.compile(r"[一二三四五六七八九十两]+年")
_COUNT_AFTER = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)[个项]")
# A development named by its kind of place, being built (零碳产业园|建设, …医药港|和…科学城|建设,
# …产业园|和…整治工程, 推进…产业基地|建设).
_FACILITY = r"(?:产业园|科技园|创业园|物流园|科创谷|科学城|科技城|新城|医药港|物流港|枢纽|产业基地|基地|计算中心|算力中心|数据中心)"
_BUILT_FACILITY = re.compile(r"(?:研发中心|创新中心|中心|基地|产业园|科技园|总部|工厂)(?![\u4e00-\u9fff])")
_FACILITY_END = re.compile(f"{_FACILITY}$")
_JOINTLY_BUILT = re.compile(f"共建([^，。；、和与及]{{1,20}}?({_FACILITY}))")
FACILITY_BUILT = re.compile(f"{_FACILITY}(?=(?:开发)?建设|[和、与][^，。；]{{2,16}}?{_FACILITY}建设"
                            f"|[和、与][^，。；、和与]{{2,30}}?(?:工程|项目)(?:建设)?[，。；])")  # …产业园|和…工程: one of two works
_NAMING = {"ns", "nz", "nrt", "nr", "j", "eng", "?"}  # words that start a proper name
_PLACE_OR_BRAND = {"ns", "nz", "nrt", "nr"}  # 华东|研发中心 is one facility; 智算|中心 is a kind
_WORK_TAGS = {"v", "vn", "a"}
_QUOTED = re.compile(r"“([^“”]{1,24})”")
_CAMPAIGN = re.compile(r"(?:开展|推行|实施|启动|深化|推进)(?:好|了)?(“[^“”]{2,16}”(?:活动|改革)?)(?=(?:建设)?[，。、；])")
_REGARDED_AS = ("作为", "当作", "当成", "视为", "列为")
_REFORM = re.compile(r"“[^“”]{2,16}”改革")  # “一网通办”改革: a reform named by its slogan, wherever it stands
_LISTED = re.compile(r"等(?:一批|城市|重点|重大|我市|全市|跨区域|跨市|省级|市级)*(?:项目|工程)")
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万|亿|万亿)?(?:元|美元|欧元)")
_WORK_ON = frozenset(lexicon("project_work"))
_BUILD = {"建设", "投资", "新建", "兴建", "承建"}
# The verbs that build a facility named after them (not 筹建: what is founded is a body, 筹建…创新中心)
BUILT_BY = _BUILD - {"投资", "承建"}
_WORKS = re.compile(r"建设|改建|新建|扩建|疏浚|治理|改造|修建|更新")
# Verbs may stand inside a name (增资扩产项目, 癌症筛查试点项目); the governing ones may not.
PARTS = {"n", "ns", "nt", "nz", "nrt", "nr", "j", "b", "s", "f", "ng", "an", "a", "ad", "vn", "v", "l", "m", "mq", "d", "eng",
         "?", "q", "z", "k"}  # ad: jieba tags some technical words so (磷酸铁锂|正极/ad|材料); N|型/k
_PAIRS = {"”": "“", "’": "‘", "）": "（"}
# A stem whose last word is a generic modifier names a kind of project (城市重大项目, 七大行动,
# 示范性工程); so does one that starts with a count (5个…项目).
_GENERIC_LAST = re.compile(r"^(?:重点|重大|相关|各类|各项|有关|一批|新|该|这一|这些|其他|系列|类|等|大|配套|实际|实事"
                           r"|资助|储备|个|合作|招商|签约|洽谈|获奖"  # 洽谈合作|项目, 签约|项目, 获奖|项目: projects of a kind
                           r"|[^性]*性|[一二三四五六七八九十]期|[一二三四五六七八九十]+大|对接|[^实]*实事)$")
_GENERIC_START = re.compile(r"^(?:(?:\d+|[一二三四五六七八九十几多数]+)(?:个|项|大|条)|更多|多家|一批|这一|这些|年度|各"
                            r"|全[省市县区镇])")  # 全市…重大产业项目: the projects of a whole place
_NOUNS = {"n", "ns", "nt", "nz", "nr", "nrt", "j", "eng", "?", "vn", "l"}
_NAMED_ONLY = {"生产线"}  # endings that name one undertaking only with a phase, place or brand
_COMPLEMENTS = set("好到在给成完")  # what follows a verb, which jieba may glue to a level (用|好区)
_RUNS_ON = {"n", "vn", "m"}  # words of a name that a character jieba cut from them may follow
# A short stem of these alone is a kind (产业基金, 优质企业项目); l: set phrases (工程建设).
_COMMON = {"n", "vn", "a", "b", "l"}
_MEETING_AHEAD = re.compile(alternation([w for w, role in table("meeting_words").items() if role == "event"]))  # …推进会
MAX_NAME = 30


def builds(verb: str, name: str) -> bool:
    """Whether `verb` builds the facility `name` (建设…中心), rather than founding a body: 共建 founds
    a laboratory with a partner, and builds only a development or a computing centre with one."""
    return verb in BUILT_BY or (verb == "共建" and _FACILITY_END.search(name) is not None)


def find(body: str, orgs: list[OrgMention]) -> list[ProjectMention]:
    """Every named project in `body`, once each."""
    found: dict[str, ProjectMention] = {}
    for start, end in sentences(body):
        text = body[start:end]
        toks = words(text)
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text) if _ends_in_ending(m.group(1))]
        titled = [(m.start(), m.end()) for m in TITLED.finditer(text)]  # 《…行动计划》 is a document
        for a, b in quoted:  # “四项暖企行动”: the quotation is the name
            if text.endswith(_REGARDED_AS, 0, a):
                continue  # 把招商引资作为“一号工程”: what a task is likened to, no undertaking of its own
            found.setdefault(text[a:b], ProjectMention(text[a:b], _kind(text[a:b], ""), evidence=(start, end)))
        for m in _CAMPAIGN.finditer(text):  # 扎实开展“三进三访”，…“双招双引”活动: a campaign named by its slogan
            name = m.group(1)
            found.setdefault(name, ProjectMention(name, "programme", evidence=(start, end)))
        for m in _REFORM.finditer(text):
            found.setdefault(m.group(0), ProjectMention(m.group(0), "programme", evidence=(start, end)))
        for name in _listed(text, toks):
            found.setdefault(name, ProjectMention(name, _kind(name, ""), evidence=(start, end)))
        for m in FACILITY_BUILT.finditer(text):  # 零碳产业园|建设: a park being built is a project
            name = text[_name_start(toks, m.start()):m.end()]
            stem = name[: len(name) - len(m.group(0))]
            # a base is one by its place or its maker (中车|白城…产业基地), else a kind (人才培养基地)
            if _specific(stem) and (not m.group(0).endswith("基地") or _proper(stem)):
                found.setdefault(name, ProjectMention(name, "construction", evidence=(start, end)))
        for m in _JOINTLY_BUILT.finditer(text):  # 共建|南溪国际医疗产业园: a development built with a partner
            name = m.group(1)
            if ENDING.match(text, m.end()):
                continue  # 共建…产业园|项目: the name goes on, and is found with its own ending
            if _proper(name) and _specific(name[: len(name) - len(m.group(2))]):
                found.setdefault(name, ProjectMention(name, "construction", evidence=(start, end)))
        for m in _BUILT_FACILITY.finditer(text):  # 在岷泽建设|华东研发中心: a facility being built
            first = _name_start(toks, m.start())
            k = toks.index_at(first)
            brand = toks[k].tag in _PLACE_OR_BRAND or (toks[k].tag == "?" and (  # 舍弗勒/?, 中车/?|香城…
                len(toks[k].text) >= 3 or m.start() - first >= 4))  # (智算/?|中心: a kind)
            if 0 < k and builds(toks[k - 1].text, text[first:m.end()]) and brand and first < m.start() \
                    and _specific(text[first:m.start()]) and not _of_a_trade(text[first:m.start()]):
                found.setdefault(text[first:m.end()], ProjectMention(text[first:m.end()], "construction", evidence=(start, end)))
        for m in ENDING.finditer(text):
            if any(a < m.start() < b for a, b in quoted + titled) or _continues(text, m.end()) \
                    or org_ending_across(text, m.end()) or _inside_a_body(toks, m.end()):
                continue  # (…航务工程|局: the ending starts an organization's; 中国工程院: inside a word)
            first = _name_start(toks, m.start())
            name = text[first:m.end()]
            if text.endswith("的", 0, first) and all(w.tag in _COMMON for w in words(name[: m.start() - first] or "的")):
                continue  # 投资规模最大的|单体基础设施项目: a project described by common words, not named
            if (capacity := name.find("年产")) > 0:
                name = name[capacity:]  # 恒岳新能源|年产10GWh…项目: a capacity opens the name, its maker stands before
            name = _without_company(name, orgs)
            if KINDS.get(_PHASE_END.sub("", m.group(0))) == "programme" and re.match(r"全[省市县区]", name):
                name = name[2:]  # 全市|国有企业改革深化提升行动: the whole city's part in a campaign, named without it
            stem = name[: len(name) - len(m.group(0))]
            if m.group(0) == "计划" and stem in {n for o in orgs for n in (o.name, *o.aliases)}:
                continue  # 博泰克|计划在岫川追加投资…: a company plans, it names no programme
            if _COUNT_AFTER.match(text, m.end()):
                continue  # 科技创新项目|3个: a kind of project, counted
            if m.group(0) == "项目" and stem and (stem.endswith("”") or words(stem)[-1].text.endswith("业")
                                                  or words(stem)[-1].text == "投资"):
                continue  # “一带一路”项目, 先进制造业|项目, 在岱|投资|项目: a campaign's, a trade's or a place's projects
            quotation = stem.startswith("“") and stem.endswith("”")  # “爱心助学”行动: a name, whatever its words
            base = _PHASE_END.sub("", re.sub(r"[“”‘’]", "", stem))  # (冷链物流中心二期项目: by 冷链物流中心)
            phased = base != stem.replace("“", "").replace("”", "") and _particular(base)  # 精密轴承|三期|项目
            if not (quotation or phased or _specific(base, joined=True)):
                continue
            if _PHASE_END.sub("", m.group(0)) in _NAMED_ONLY and not (phased or _proper(base)):
                continue  # 自动化生产线: a kind of line; 刀片电池二期生产线, 澄溪…生产线: one
            found.setdefault(name, ProjectMention(name, _kind(name, m.group(0)), evidence=(start, end)))
    _fold_short_names(found)
    for project in found.values():
        others = [name for name in found if name != project.name and name not in project.name]
        project.amounts = _amounts(body, project.name, _ending_of(project.name) or "项目", others)
        project.organizations = [o.name for o in orgs if _near(body, project.name, [o.name, *o.aliases])]
    return list(found.values())


def built_after(toks: Words, first: int, ending_start: int) -> int | None:
    """Where a facility's name starts when a walk from `first` to its ending crossed the verb
    building it (在岷泽|建设|华东研发中心): after the verb, if a proper name follows it; None if no
    verb stands inside. A verb followed by a common word stays in a body's name (城市建设发展中心)."""
    k = toks.index_at(first)
    while k + 1 < len(toks) and toks[k + 1].start < ending_start:
        if toks[k + 1].text in BUILT_BY and k + 2 < len(toks) and toks[k + 2].start < ending_start \
                and toks[k + 2].tag in _NAMING:
            return toks[k + 2].start
        k += 1
    return None


def _fold_short_names(found: dict[str, ProjectMention]) -> None:
    """A name that ends another found name (陆港一期工程 for 丰邑国际陆港一期工程) is its short form."""
    for name in sorted(found, key=len):
        whole = [other for other in found if other != name and other.endswith(name)]
        if len(whole) == 1:
            found[whole[0]].aliases.append(name)
            del found[name]


def _without_company(name: str, orgs: list[OrgMention]) -> str:
    """A project's name without a company's registered name before it (…（南浔）有限公司|冷链物流基地项目,
    …株式会社|汽车热管理系统项目): the company carries it out; a brand (澜海重工|一期…项目) stays part
    of the name."""
    for org in orgs:
        if name.startswith(org.name) and org.name.endswith(("公司", "株式会社")) and len(name) > len(org.name) + 2:
            return name[len(org.name):]
    return name


def _listed(text: str, toks: Words) -> list[str]:
    """Items listed before `等…项目` (`青澜湾、北塘港等城市重大项目`): projects with no ending."""
    out = []
    for m in _LISTED.finditer(text):
        first = _name_start(toks, m.start())
        while first > 1 and text[first - 1] == "、":  # 甲工程、乙枢纽、丙项目等: every item of the list
            first = _name_start(toks, first - 1)
        items = [item for item in text[first:m.start()].split("、") if len(item) >= 2]
        if items:  # 重点支持|澧州高新区二期开发、…: the first item starts after the verb before it
            head = words(items[0])
            verb = next((i for i, w in enumerate(head[:-1]) if w.tag == "v"), None)
            if verb is not None and not any(w.tag in _NAMING for w in head[:verb]):
                items[0] = items[0][head[verb].end:]  # (澴阳|抽水|蓄能电站: a verb after the place is in the name)
        out.extend(item for item in items if not ENDING.search(item) and _specific(item + "x")
                   and not _one_common_word(item))  # 交通、水利等…项目: fields, not works
    return out


def _one_common_word(text: str) -> bool:
    parts = words(text)
    return len(parts) == 1 and parts[0].tag in _COMMON | {"v"}


def _specific(stem: str, joined: bool = False) -> bool:
    """Whether the words before the ending name one undertaking rather than a kind of them; with
    `joined`, a 与 the walk took in joins two works of one name rather than two undertakings."""
    if len(stem) < 2 or _GENERIC_START.match(stem) or re.search(r"[、及和]|项目" if joined else r"[、及和与]|项目", stem):
        return False
    parts = words(stem)
    if _GENERIC_LAST.match(parts[-1].text) or not any(w.tag in _NOUNS for w in parts):
        return False
    return len(stem) > 4 or not all(w.tag in _COMMON for w in parts)


def _of_a_trade(stem: str) -> bool:
    """Whether `stem` ends in a trade (长三角先进制造业|基地: what a region means to be, not a facility
    built); 汽车产业|基地 is one an industry's plants make up."""
    last = words(stem)[-1].text
    return last.endswith("业") and last != "产业"


def _proper(stem: str) -> bool:
    """Whether a place or brand stands among the words of `stem`."""
    return any(w.tag in _PLACE_OR_BRAND | {"?", "j"} and not w.text.isdigit() for w in words(stem))


def _particular(base: str) -> bool:
    """Whether the words before a phase (三期) name one undertaking's kind of work, not any project's."""
    return len(base) >= 2 and not _GENERIC_START.match(base) and not _GENERIC_LAST.match(words(base)[-1].text)


def _ends_in_ending(quoted: str) -> bool:
    ending = ENDING.search(quoted)
    return len(quoted) > 3 and ending is not None and ending.end() == len(quoted)


def _inside_a_body(toks: Words, end: int) -> bool:
    """Whether the ending ending at `end` is inside a word naming a body (中国工程院), not at a
    name's end (工程建设 is the work on one)."""
    word = toks[toks.index_at(end - 1)]
    return word.end > end and word.tag == "nt"


# What follows 计划 used as a verb (计划|总/b投资, 计划|年底/t, 计划|于/p, 计划|投资/vn, 计划|完成/v).
_PLANNED_STEP = {"b", "v", "vn", "t", "p", "m", "?"}


def _continues(text: str, pos: int) -> bool:
    """Whether a noun runs on past the ending (行动|方案, 项目|经理): then it is not a name's end.
    Work done on a project (…项目|建设, …工程|进度) follows its name and leaves it whole."""
    if pos >= len(text) or text[pos] in PUNCT:
        return False
    ahead = words(text[pos:pos + 6])
    following = ahead[0]
    if following.text == "计划" and len(ahead) > 1 and ahead[1].tag in _PLANNED_STEP:
        return False  # …项目|计划|总投资…, …项目|计划|年底开工: 计划 is the verb of planning, not a plan
    return len(following.text) >= 2 and following.tag in ("n", "vn", "nz") and following.text not in _WORK_ON \
        and not _MEETING_AHEAD.match(text, pos) and not _MEETING_AHEAD.match(text, pos + len(following.text))
    # (…提升行动|推进会, …二期项目|上线|仪式: a meeting on the undertaking)


def _name_start(toks: Words, ending_start: int) -> int:
    """Where a project's name starts, walking left over noun-phrase words and balanced quotes."""
    k = toks.index_at(ending_start)
    first = toks[k].start
    fund = toks[k].text.startswith("基金")
    open_marks: list[str] = []
    while k > 0:
        prev = toks[k - 1]
        if prev.text in _PAIRS:
            open_marks.append(_PAIRS[prev.text])
        elif open_marks and prev.text == open_marks[-1]:
            open_marks.pop()
        elif open_marks:
            pass  # inside a quotation or brackets, anything goes
        elif prev.text in LEVELS:  # 县|人民医院…项目, 市|第二…工程: a level starts the name, whatever follows it
            return level_start(toks, k - 1)
        elif glued_on(prev):
            return prev.start + 1  # 察看了|泓川长江…工程: jieba glued the particle to the name
        elif prev.tag == "?" and len(prev.text) == 2 and prev.text[0] in _COMPLEMENTS and prev.text[1] in LEVELS \
                and k > 1 and toks[k - 2].tag == "v":
            return prev.start + 1  # 要用|好区|人工智能…基金: jieba glued the verb's 好 to the level
        elif lone_bound(prev):
            # 的|泾/zg|禾区…基金: a character that never stands alone starts the name, unless it stands
            # after a word of the name jieba cut it from (智能|物/zg|联产品, 50|万千|升/zg|啤酒)
            if not (k > 1 and toks[k - 2].tag in _RUNS_ON and len(toks[k - 2].text) >= 2):
                return bound_start(toks, k - 1)
        elif _PHASE.fullmatch(prev.text) or _YEARS.fullmatch(prev.text):
            pass  # 精密轴承|三期/t|项目, …提升|五年/t|行动: a phase or a span of years, whatever jieba tags it
        elif prev.text in ("至", "—", "－") and k > 1 and toks[k - 2].tag in ("ns", "nz", "?", "j"):
            pass  # 明州|至|奉川段改扩建工程, 清河|—|临港铁路专用线工程: a road's two ends
        elif prev.text == "与" and k > 1 and toks[k - 2].tag in _WORK_TAGS:
            pass  # 续建配套|与|节水改造工程: two works joined in one name (but 医院|与|…: two bodies)
        elif prev.tag not in PARTS or prev.text in GOVERNING or ending_start - prev.start > MAX_NAME:
            break
        elif len(prev.text) == 1 and prev.text in PREPOSITIONS and prev.text not in "与和及":
            break  # 县长某某到|G235国道…改扩建工程: a preposition stands before a name, never in it
        elif toks[k].text in "“‘" and prev.tag.startswith("v") and (k < 2 or toks[k - 2].tag not in _NOUNS):
            break  # 支持|“智造禾源”三年行动: the verb governs the quoted name; 耕地保护“…”行动 names its field
        elif prev.tag == "d" and len(prev.text) == 1:
            break  # 双方就|…项目: a one-character adverb (就, 将, 还) stands before a name, never in it
        elif prev.tag == "?" and len(prev.text) > 2 and prev.text[-1] in PREPOSITIONS:
            break  # 县长|储伯言为|基金: jieba glued a name and the preposition after it
        elif toks[k].tag in _PLACE_OR_BRAND and len(toks[k].text) > 1 and (prev.tag == "v" or ends_in_verb(prev)):
            break  # 确保|澄江…工程, 希望|比亚迪…项目: a name starts at its place or brand, not at the verb on it
        elif prev.text in _BUILD and prev.end < ending_start and not (fund and prev.text == "投资"):
            break  # 投资|建设|新能源基地项目: building governs the name; 基地建设项目 keeps it, 产业投资|母基金 too
        first, k = prev.start, k - 1
    if open_marks:  # an unbalanced mark: the name starts after it
        return next(w.end for w in toks if w.start >= first and w.text in _PAIRS)
    while k < len(toks) and toks[k].start < ending_start and (
            toks[k].tag in ("m", "q", "d") or (toks[k].tag == "a" and len(toks[k].text) == 1)):
        k += 1  # a name does not start with a quantity or a bare quality (多个|…, 新|…); 精密|轴承 is a kind of work
        first = toks[k].start
    return first


def _ending_of(name: str) -> str:
    """The project word a name ends in, without its phase (…工程二期 → 工程); "" if none."""
    found = list(ENDING.finditer(name))
    return _PHASE_END.sub("", found[-1].group(0)) if found else ""


def _kind(name: str, ending: str) -> str:
    ending = _PHASE_END.sub("", ending) if ending else _ending_of(name)
    kind = KINDS.get(ending, "programme")
    if kind == "investment" and _WORKS.search(name):
        return "construction"
    return kind


_BEFORE_NAME = re.compile(f"{_AMOUNT.pattern}的$")  # 总投资32亿元的|…项目


_YUAN = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万)?元")
_IN_YI = {"万亿": Decimal(10000), "亿": Decimal(1), "万": Decimal("0.0001"), None: Decimal("0.00000001")}


def in_yi(amount: str) -> Decimal | None:
    """An amount in yuan as written (312.94亿元, 36万元), in 亿元; None for other currencies."""
    m = _YUAN.fullmatch(amount)
    return Decimal(m.group(1)) * _IN_YI[m.group(2)] if m else None


def _amounts(body: str, name: str, ending: str, others: list[str]) -> list[str]:
    """Amounts written after the project's name in a sentence naming it, up to the next project
    named or the next `；` (anywhere in the sentence when it names no other: `将追加投资8亿美元，推进…项目建设`,
    but after a `其中` that picks it out of a total),
    right before it (`总投资32亿元的…项目`), or in the next sentence when that refers back to it
    (`该项目总投资56亿元`)."""
    out: list[str] = []
    spans = sentences(body)
    back = re.compile(f"(?:该|这一|此)(?:{re.escape(ending)})")
    for i, (start, end) in enumerate(spans):
        at = body.find(name, start, end)
        if at < 0:
            continue
        before = _BEFORE_NAME.search(body, max(start, at - 16), at)
        if before:
            out.append(before.group(0)[:-1])
        after = [i for i in (body.find(other, at + len(name), end) for other in others) if i >= 0]
        alone = not after and not any(other in body[start:at] for other in others)
        clause_end = body.find("；", at + len(name), end)
        stop = min(after + ([clause_end] if clause_end >= 0 else []), default=end)
        subset = body.rfind("其中", start, at)  # 共签约项目8个，总投资56.3亿元，其中…项目: the total is all of theirs
        reads = [(max(start, subset) if alone else at + len(name), stop)]  # up to the next project
        if i + 1 < len(spans) and back.search(body, *spans[i + 1]) and name not in body[slice(*spans[i + 1])]:
            reads.append(spans[i + 1])
        for a, b in reads:
            out.extend(m.group(0) for m in _AMOUNT.finditer(body, a, b) if m.group(0) not in out)
    return out


def _near(body: str, project: str, names: list[str]) -> bool:
    """Whether an organization is named in a sentence that names the project, or in its name."""
    if any(n in project for n in names):
        return True
    return any(project in body[s:e] and any(n in body[s:e] for n in names) for s, e in sentences(body))
