"""What kind of post a title names, and the organization written with it.

The ending says most (书记 is a Party post, 大使 a diplomatic one); the organization in front of
it can overrule: a Party secretary of a company (`分公司党委书记`) or the head of an association
(`协会会长`) holds no official post, a 秘书长 of a 政协 is consultative.
"""
from __future__ import annotations

import re

from kg.extract.base import alternation, table
from kg.model import PersonMention, PostMention, Where

_ENDINGS = table("titles")
_ENDING = re.compile(f"(?:{alternation(list(_ENDINGS))})$")
ORG_ENDING = re.compile(f"(?:{alternation(list(table('org_suffixes')))})$")
# Companies, associations, schools and the mass organisations (工会, 妇联): their heads hold no state post;
# nor do the heads of a body named with Latin letters (ICT…业务管理委员会: a company's board).
_NON_STATE = re.compile(r"公司|集团|银行|企业|协会|学会|商会|俱乐部|大学|学院|学校|医院|研究院|研究所|基金会|中心"
                        r"|工会|妇联|工商联|残联|科协|侨联|文联|红十字会|团[省市区县]?委|联合会|总会|专家组|课题组|校党委|[A-Za-z]{2,}")
_CENTRAL_BANK = re.compile(r"人民银行")
_BODY_CATEGORY = (
    (re.compile(r"政协"), "consultative"),
    (re.compile(r"人大|议会|议长"), "legislative"),
    (re.compile(r"法院|检察院"), "judicial"),
    (re.compile(r"驻(?![村镇企点])|领事馆|大使馆"), "diplomatic"),  # (驻村第一书记: stationed in a village)
    (re.compile(r"[省市区县州]委|党组|纪委|党委"), "party"),
)
_SCHOLARLY = {"教授", "副教授", "研究员", "院士", "技师", "高级技师"}  # a scholar's or a craftsman's rank, no post
# A bare word for "the company" (or the institute, the school, the bank) refers back to one named
# before: the title stands alone, of the kind that body gives it (研究所所长 is a scholar's post).
GENERIC_ORGS = {"集团", "公司", "企业", "该公司", "该集团", "总部", "研究所", "研究院", "医院", "学校", "大学", "学院",
                "银行", "协会", "商会", "该院", "该所", "该校", "该行"}


def split_title(title: str) -> tuple[str, str]:
    """(organization prefix, title ending): `华岳智能科技集团总经理` → (`华岳智能科技集团`, `总经理`)."""
    ending = _ENDING.search(title)
    base = ending.group(0) if ending else title
    return title[: len(title) - len(base)], base


def post_for(title: str, evidence: Where | None = None) -> PostMention:
    """The post named by a title as written (`华岳智能科技集团总经理`)."""
    prefix, base = split_title(title)
    if prefix in GENERIC_ORGS:
        return PostMention(base, None, category(prefix, base), evidence)
    org = prefix if ORG_ENDING.search(prefix) else None
    return PostMention(title, org, category(prefix, base), evidence)


def is_official(person: PersonMention) -> bool:
    """Named as an official by context (市领导…), or holding a post of a kind that makes one."""
    return person.official or any(p.category not in (None, "executive") for p in person.posts)


def category(prefix: str, ending: str) -> str | None:
    """The kind of post: party, government, legislative, consultative, judicial, diplomatic, executive."""
    if _CENTRAL_BANK.search(prefix):
        return "government"  # 人民银行…分行行长: the central bank is a state organ, though a bank
    if _NON_STATE.search(prefix):
        return "executive"
    default = _ENDINGS.get(ending)
    if ending in _SCHOLARLY:
        return default  # 省委党校教授: a scholar, whatever body employs them
    for pattern, kind in _BODY_CATEGORY:  # the body decides: 院长 of a 法院 is a judicial post
        if pattern.search(prefix):
            return kind if default != "diplomatic" else default
    return default
