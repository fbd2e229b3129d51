"""Find the facts of a page's articles: one module per kind, composed here.

Names found anywhere on a page are looked for in all its articles, so a person introduced with a
title in one report and named bare in another is found in both.
"""
from __future__ import annotations

import re

from kg import dates
from kg.extract import documents, meetings, organizations, persons, posts, projects
from kg.model import Article, Extraction, OrgMention, PersonMention, ProjectMention

# Executive titles that make the body in front of them a company (岳澜芯片|总裁).
_COMPANY_TITLES = {"总经理", "副总经理", "董事长", "副董事长", "总裁", "副总裁", "首席执行官", "行长", "副行长"}


def extract_page(articles: list[Article]) -> list[Extraction]:
    """What the extractors find in each article of one page."""
    known = frozenset(p.name for a in articles for p in persons.find(a.body.text))
    return [extract(a, known) for a in articles]


def extract(article: Article, known: frozenset[str] = frozenset()) -> Extraction:
    """Everything the extractors find in one article."""
    body = article.body.text
    people = persons.find(body, known)
    orgs = organizations.find(body)
    _orgs_of_posts(people, orgs)
    _bare_posts_of_bodies_named(body, people, orgs)
    docs = documents.find(body)
    # an event is a dated one: 近日，… places it nowhere a reader could ask about (when the issue
    # date is unknown, a printed dateline still dates it)
    dated = article.date is not None or article.dateline is not None or dates.dateline(body) is not None
    events = meetings.find(body, article.date, people, orgs) if dated else []
    if events:
        events[0].documents = [d.title for d in docs if documents.adopted(body, d.title)]
    works = projects.find(body, orgs)
    named_works = {name for w in works for name in [w.name, *w.aliases]}
    orgs[:] = [o for o in orgs if o.name not in named_works]  # (…会展中心、…奥体中心等重大项目: works, not bodies)
    for event in events:
        event.organizations = [name for name in event.organizations if name not in named_works]
    _makers_of_works(body, works, orgs)
    return Extraction(people, orgs, events, works, docs)


def _makers_of_works(body: str, works: list[ProjectMention], orgs: list[OrgMention]) -> None:
    """A brand opening a project's name (中电建|通山…电站项目) is its maker: the short name of a
    company the article names in full (中车 of 中国中车集团有限公司), or a company of its own."""
    for work in works:
        brand = organizations.brand_opening(body, work.name)
        if not brand or any(brand == o.name or brand in o.aliases for o in orgs):
            continue
        maker = next((o for o in orgs if o.kind == "enterprise" and _in_order(brand, o.name)), None)
        if maker is None:
            maker = OrgMention(brand, "enterprise", [], work.evidence)
            orgs.append(maker)
        else:
            maker.aliases.append(brand)
        if maker.name not in work.organizations:
            work.organizations.append(maker.name)


def _in_order(short: str, name: str) -> bool:
    """Whether the characters of `short` stand in `name` in the same order (上药 in 上海医药集团)."""
    rest = iter(name)
    return all(ch in rest for ch in short)


def _orgs_of_posts(people: list[PersonMention], orgs: list[OrgMention]) -> None:
    """Tie posts to the organizations found, and find companies named only in a title."""
    by_name = {o.name: o for o in orgs}
    by_alias = {alias: o for o in orgs for alias in o.aliases}
    for person in people:
        for post in person.posts:
            prefix, ending = posts.split_title(post.title)
            if not prefix:
                continue
            organ = _PARTY_ORGAN.search(prefix)
            short = prefix[:organ.start()] if organ else ""
            company = by_alias.get(short) or by_name.get(short) or _abbreviated(short, by_name) if short else None
            if company is not None and company.kind == "enterprise":  # 上海电气|党委副书记: a company's Party
                post.title, post.org, post.category = organ.group(0) + ending, company.name, "executive"  # post
                if short != company.name and short not in company.aliases:
                    company.aliases.append(short)  # (中建八局 of 中国建筑第八工程局有限公司)
                    by_alias[short] = company
            elif prefix in by_alias:  # 中国远航保险江澜分公司|党委书记: the title stands with the full name
                post.title, post.org = ending, by_alias[prefix].name
            elif prefix in by_name:
                post.org = prefix
            elif (named := _abbreviated(prefix, by_name)) and post.category == "executive":
                named.aliases.append(prefix)  # 北辰航运|董事长 for 北辰航运股份有限公司's chairman
                by_alias[prefix] = named
                post.title, post.org = ending, named.name
            elif whole := _ending_with(prefix, by_name):  # (国投创新)|投资管理有限公司|总经理: a walk cut short
                post.title, post.org = ending, whole
            elif parent := _parent_of(prefix, by_name):  # …集团|亚太区总裁: a division's post in a named body
                # (a plant's post keeps its title as written: ASML南浠工厂总经理; so does a post in a public
                # body's team: 国务院第五督查组组长)
                whole = prefix.endswith(_PLANT) or by_name[parent].kind != "enterprise"
                post.title = post.title if whole else _division(prefix, by_name[parent]) + ending
                post.org = parent
            elif ending in _COMPANY_TITLES and post.category == "executive" and len(prefix) >= 2 \
                    and not prefix.endswith("区") and organizations.without_legal_form(prefix):
                # (华东大区|总经理: a company's region, not a company; 有限公司|总经理: no name)
                org = OrgMention(prefix, "enterprise", [], post.evidence)
                orgs.append(org)
                by_name[prefix] = org
                post.org = prefix
        _party_posts_in_company(person)


def _party_posts_in_company(person: PersonMention) -> None:
    """A bare Party post chained with a company post (恒瑞新材料董事长、党委书记某某) is held in that
    company's Party committee: an executive's post, not an official one."""
    for post in person.posts:
        if post.org is None and post.title.startswith(_PARTY_ORGANS) and post.category != "executive":
            company = next((q for q in person.posts if q.evidence == post.evidence and q.category == "executive"
                            and q.org and organizations.kind_of(q.org) == "enterprise"), None)
            if company is not None:
                post.org, post.category = company.org, "executive"


def _bare_posts_of_bodies_named(body: str, people: list[PersonMention], orgs: list[OrgMention]) -> None:
    """A Party post written bare (党委书记某某) in a sentence that names a company, a school or a hospital
    before it (到某大学调研，与校长甲、党委书记乙座谈) is that body's: an executive's post, not an
    official one. A place's Party post is written with its level (镇党委书记, 市委书记).
    A head's post written bare (院长某某) in a sentence that names a body of its kind before it
    (县人民法院召开…，院长某某主持) is that body's, of the body's kind (a court's president is a judge)."""
    for person in people:
        for post in person.posts:
            prefix, ending = posts.split_title(post.title)
            if post.org is not None or post.evidence is None:
                continue
            party = prefix in _PARTY_ORGANS
            if not party and (prefix or post.title not in _HEADS):
                continue
            org = _named_before(body, person, post.evidence, orgs)
            if org is None:
                continue
            if party and posts.category(org.name, ending) == "executive":
                post.org, post.category = org.name, "executive"
            elif not party and org.name.endswith(_HEADS[post.title]):
                post.org, post.category = org.name, posts.category(org.name, ending) or post.category


def _named_before(body: str, person: PersonMention, sentence: tuple[int, int],
                  orgs: list[OrgMention]) -> OrgMention | None:
    """The organization named last before `person` in `sentence`, if any."""
    start, end = sentence
    at = min((a for a, _ in person.spans if start <= a < end), default=end)
    last, org = max(((body.rfind(text, start, at), org) for org in orgs for text in [org.name, *org.aliases]),
                    key=lambda pair: pair[0], default=(-1, None))
    return org if last >= 0 else None


# Heads' titles written bare, and the endings of the bodies they head (院长 of a …院).
_HEADS = {"院长": "院", "局长": "局", "所长": "所", "行长": "行", "校长": ("校", "学")}
_PARTY_ORGANS = ("党委", "党组", "党总支", "党支部")
_PARTY_ORGAN = re.compile(f"(?:{'|'.join(_PARTY_ORGANS)})$")
_PLANT = ("工厂", "分厂", "生产基地")


def _ending_with(prefix: str, by_name: dict[str, OrgMention]) -> str | None:
    """The one organization found whose name ends in `prefix` (a title's body cut at a verb-like word)."""
    matches = [name for name in by_name if name.endswith(prefix) and name != prefix]
    return matches[0] if len(matches) == 1 and len(prefix) >= 4 else None


def _division(prefix: str, parent: OrgMention) -> str:
    """What of a title's body follows its parent's name or short name (凯德集团|中国区), or its bare
    name (亚太区, 大中华区)."""
    named = max((n for n in [parent.name, *parent.aliases] if prefix.startswith(n)), key=len, default=None)
    return prefix[len(named):] if named else prefix[len(_bare(parent.name)):]


def _parent_of(prefix: str, by_name: dict[str, OrgMention]) -> str | None:
    """The longest organization found whose name (or short name, for a plant) `prefix` starts with and runs past, if any; or
    whose name without its place and ending starts a region's division (舍弗勒|大中华区 of
    德国舍弗勒集团)."""
    named = {name: name for name in by_name}
    if prefix.endswith(_PLANT):  # (ASML南浠|工厂: a plant under its company's short name; 华虹|宏力 is a company)
        named |= {alias: name for name, org in by_name.items() for alias in org.aliases}
    whole = max((text for text in named if prefix.startswith(text) and len(prefix) > len(text)), key=len, default=None)
    if whole or not prefix.endswith("区"):
        return named[whole] if whole else None
    for name in by_name:
        bare = _bare(name)
        if len(bare) >= 2 and prefix.startswith(bare) and len(prefix) - len(bare) >= 2:
            return name
    return None


def _bare(name: str) -> str:
    """A name without its leading place and its ending (舍弗勒 of 德国舍弗勒集团)."""
    rest = name[len(organizations.leading_place(name)):]
    return rest[: len(rest) - len(organizations.final_ending(rest))]


def _abbreviated(prefix: str, by_name: dict[str, OrgMention]) -> OrgMention | None:
    """The one enterprise named in full whose name starts with `prefix` (its short name), or keeps
    its characters in order and its ending, before any legal form (国开行浙江省分行 of 国家开发银行浙江省分行), if any."""
    ending = organizations.final_ending(prefix)
    matches = [o for name, o in by_name.items() if o.kind == "enterprise" and name != prefix
               and (name.startswith(prefix) or name[len(organizations.leading_place(name)):].startswith(prefix)
                    or (ending and organizations.without_legal_form(name).endswith(ending) and name[0] == prefix[0]
                        and _in_order(prefix, name)))]  # (中建八局 of 中国建筑第八工程局有限公司)
    return matches[0] if len(matches) == 1 and len(prefix) >= 2 else None
