from __future__ import annotations

from datetime import date

from rdflib import RDF, Graph

from kg import emit, reason
from kg.model import Article, Extraction, MeetingMention, Page, PersonMention, PostMention, Span
from kg.vocab import GK, Minter


def article(position: int, body: str) -> Article:
    page = Page(source="p.txt", raw=body, content_hash="x", issue_date=date(2025, 5, 13))
    return Article(page=page, position=position, body=Span(body, tuple(range(len(body)))), date=date(2025, 5, 12))


def two_article_graphs(minter: Minter) -> list[Graph]:
    first = Extraction(
        persons=[PersonMention("林向东", [PostMention("市委书记", category="party", evidence=(0, 10))], (0, 10)),
                 PersonMention("贺立群", [PostMention("总经理", category="executive", evidence=(0, 10))], (0, 10))],
        meetings=[MeetingMention("会谈", "林向东与贺立群会谈", chairs=["林向东"], attendees=["贺立群"], evidence=(0, 10))],
    )
    second = Extraction(
        persons=[PersonMention("宋明远", [PostMention("市长", category="government", evidence=(0, 8))], (0, 8)),
                 PersonMention("林向东", [], (0, 8))],
        meetings=[MeetingMention("座谈会", "民营企业座谈会", chairs=["宋明远"], attendees=["林向东"], evidence=(0, 8))],
    )
    return [emit.article_graph(article(1, "林向东与贺立群会谈。"), first, minter),
            emit.article_graph(article(2, "宋明远主持座谈会。"), second, minter)]


def test_per_article_closure_equals_the_closure_of_the_whole_graph(minter):
    graphs = two_article_graphs(minter)
    union = Graph()
    for g in graphs:
        union += g
    whole = reason.closure(union, minter.base)
    pieces = Graph()
    for g in graphs:
        pieces += reason.closure(g, minter.base)
    assert len(whole) > 0
    assert set(pieces) == set(whole)


def test_holders_of_official_posts_are_officials_and_executives_are_not(minter):
    union = Graph()
    for g in two_article_graphs(minter):
        union += g
    inferred = reason.closure(union, minter.base)
    officials = {p for p in inferred.subjects(RDF.type, GK.Official)}
    assert officials == {minter.iri("person", "林向东"), minter.iri("person", "宋明远")}


def test_a_chair_attends(minter):
    first = two_article_graphs(minter)[0]
    inferred = reason.closure(first, minter.base)
    meeting = minter.iri("meeting", "p-1-1")
    assert (meeting, GK.attendedBy, minter.iri("person", "林向东")) in inferred
    assert (meeting, GK.chairedBy, minter.iri("person", "林向东")) not in inferred  # asserted, not re-stated


def test_inferred_triples_are_about_our_resources_only(minter):
    inferred = reason.closure(two_article_graphs(minter)[0], minter.base)
    assert all(str(s).startswith(minter.base) for s in inferred.subjects())
