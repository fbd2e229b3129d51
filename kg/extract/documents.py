"""Policy documents and plans titled in 《》.

Periodicals (`《求是》杂志`) are not documents. A short title that repeats the end of a longer one
already named (`《实施意见》` after `《无锡市推动传统产业焕新升级的实施意见》`) refers back to it.
Whether a meeting adopted a document is read from the verb before it (`审议通过《…》`).
"""
from __future__ import annotations

import re

from kg.extract.base import lexicon, sentences
from kg.model import DocumentMention

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_PERIODICAL_END = re.compile(r"(?:日报|晚报|周刊|杂志|学报|期刊|月刊|画报)$")
_PERIODICAL_AFTER = re.compile(r"^(?:杂志|期刊|刊物|月刊|周刊|上发表|发表)")
_ADOPTING = ("审议通过", "审议并原则通过", "讨论通过", "研究通过", "原则同意", "审议", "通过", "批准", "印发", "讨论",
             "研究了", "作")  # 代表市人民政府作《政府工作报告》: a report made to the meeting, which reviews it
_FOLLOWING = ("贯彻", "执行", "落实", "学习", "围绕", "依据", "根据", "按照", "对照")
# The first of these verbs in the clause says what is done with the documents it names.
_VERB = re.compile("|".join(sorted(_ADOPTING + _FOLLOWING, key=len, reverse=True)))
# 就《…（讨论稿）》向全会作说明: a draft explained to the meeting is one it reviews.
_EXPLAINED = re.compile(r"就《([^《》]*)》[^，；。]{0,12}?作(?:了)?(?:起草)?说明")
_CLAUSE = re.compile(r"(?:《[^《》]*》|[^，；。！？《])+")  # a title's own commas do not end a clause


def find(body: str) -> list[DocumentMention]:
    """Every document named in `body`, once each, in order."""
    out: dict[str, DocumentMention] = {}
    for start, end in sentences(body):
        for m in _TITLE.finditer(body, start, end):
            title = re.sub(r"\s+", "", m.group(1))
            if _periodical(title, body[m.end():m.end() + 4]):
                continue
            if title in out or any(t.endswith(title) and t != title for t in out):
                continue
            out[title] = DocumentMention(title, (start, end))
    return list(out.values())


def adopted(body: str, title: str) -> bool:
    """Whether a clause naming `title` has it adopted or reviewed (审议通过…《…》, 就《…》作说明), rather
    than followed (贯彻执行《…》)."""
    for clause in _CLAUSE.finditer(body):
        at = clause.group(0).find(f"《{title}》")
        verb = _VERB.search(clause.group(0), 0, max(at, 0))
        if at >= 0 and verb and verb.group(0) in _ADOPTING:
            return True
    return any(m.group(1) == title for m in _EXPLAINED.finditer(body))


def _periodical(title: str, after: str) -> bool:
    return title in lexicon("periodicals") or bool(_PERIODICAL_END.search(title) or _PERIODICAL_AFTER.match(after))
