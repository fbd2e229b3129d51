"""Identity: the IRI of each real thing, the same across articles, pages and ingests.

An IRI is a function of a normalised key, so two mentions get one IRI exactly when their keys
are equal, in any order and any process (get-or-create without a lookup table). Keys:
officials, and people named without a post, by name (a city paper's officials are few and named
in full); people known only by posts in companies or associations by name and organization,
so that two executives who share a common name are not merged without evidence; organizations, projects by their fullest name in the article (aliases fold
into it); posts by holder and title; documents by title, except generic titles (`《实施方案》`),
which name a different document in each article; meetings by article and order.
"""
from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

from kg.extract.posts import is_official
from kg.model import PersonMention
from kg.vocab import Minter, article_key

_DOTS = re.compile(r"[•‧・∙⋅]")
_QUOTES = re.compile(r"[“”\"'‘’「」『』]")
# Titles this short are generic (通知, 实施方案, 工作安排): a different document in every article.
GENERIC_TITLE_MAX = 5


def key(name: str) -> str:
    """The normalised form two names must share to denote one thing."""
    name = unicodedata.normalize("NFKC", name)
    name = _DOTS.sub("·", name)
    return re.sub(r"\s+", "", name)


class Resolver:
    """Mints the IRIs of one article's things."""

    def __init__(self, minter: Minter, source: str, position: int) -> None:
        self.minter = minter
        self.article = minter.article(source, position)
        self._article_key = article_key(source, position)

    def person(self, name: str, org: str | None = None) -> URIRef:
        if org:
            return self.minter.iri("person", key(name), _QUOTES.sub("", key(org)))
        return self.minter.iri("person", key(name))

    def post(self, holder: str, title: str) -> URIRef:
        return self.minter.iri("post", key(holder), key(title))

    def organization(self, name: str) -> URIRef:
        return self.minter.iri("organization", _QUOTES.sub("", key(name)))

    def project(self, name: str) -> URIRef:
        return self.minter.iri("project", _QUOTES.sub("", key(name)))

    def document(self, title: str) -> URIRef:
        title = key(title)
        if len(title) <= GENERIC_TITLE_MAX:
            return self.minter.iri("document", self._article_key, title)
        return self.minter.iri("document", title)

    def meeting(self, index: int) -> URIRef:
        return self.minter.iri("meeting", f"{self._article_key}-{index + 1}")


def person_identity(person: PersonMention) -> tuple[str | None, str]:
    """The organization that qualifies a person's identity (or None), and the basis in words."""
    orgs = sorted({p.org for p in person.posts if p.category == "executive" and p.org})
    if orgs and not is_official(person):
        return orgs[0], f"same name and organization: {person.name}, {orgs[0]}"
    return None, f"same name: {person.name}"
