from __future__ import annotations

from datetime import date

import owlrl
import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from conftest import ANNOTATED, PAGES
from kg import build, emit, reason, text
from kg.model import Article, Extraction, MeetingMention, Page, PersonMention, PostMention, Span
from kg.vocab import GK, Minter


def article(position: int, body: str) -> Article:
    page = Page(source="p.txt", raw=body, content_hash="x", issue_date=date(2025, 5, 13))
    return Article(page=page, position=position, body=Span(body, tuple(range(len(body)))), date=date(2025, 5, 12))


def two_article_graphs(minter: Minter) -> list[set]:
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
    whole = reason.closure(set().union(*graphs), minter.base)
    pieces = set().union(*(reason.closure(g, minter.base) for g in graphs))
    assert len(whole) > 0
    assert pieces == whole


def test_holders_of_official_posts_are_officials_and_executives_are_not(minter):
    inferred = reason.closure(set().union(*two_article_graphs(minter)), minter.base)
    officials = {s for s, p, o in inferred if p == RDF.type and o == GK.Official}
    assert officials == {minter.iri("person", "林向东"), minter.iri("person", "宋明远")}


def test_a_chair_attends(minter):
    first = two_article_graphs(minter)[0]
    inferred = reason.closure(first, minter.base)
    meeting = minter.iri("meeting", "p-1-1")
    assert (meeting, GK.attendedBy, minter.iri("person", "林向东")) in inferred
    assert (meeting, GK.chairedBy, minter.iri("person", "林向东")) not in inferred  # asserted, not re-stated


def test_inferred_triples_are_about_our_resources_only(minter):
    inferred = reason.closure(two_article_graphs(minter)[0], minter.base)
    assert inferred and all(str(s).startswith(minter.base) for s, _, _ in inferred)


def owlrl_closure(asserted: set, base: str) -> set:
    """The reference: owlrl's full OWL RL closure of the ontology and the article, filtered as
    kg.reason filters (our resources; not Thing, Resource, NamedIndividual, sameAs)."""
    work = Graph()
    work += reason.ontology()
    work += asserted
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    trivial = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
    return {(s, p, o) for s, p, o in work
            if isinstance(s, URIRef) and str(s).startswith(base) and (s, p, o) not in asserted and p != OWL.sameAs
            and not (p == RDF.type and (o in trivial or not isinstance(o, URIRef)))}


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.txt")) + sorted(ANNOTATED.glob("*.txt"))[:3],
                         ids=lambda p: p.name)
def test_the_compiled_closure_equals_owlrls_on_real_article_graphs(path, minter):
    built = build.build(text.read_page(path), minter)
    asserted = [graph for name, graph in built.graphs if "/article/" in str(name) and not str(name).endswith("/inferred")]
    assert asserted
    for graph in asserted:
        assert reason.closure(graph, minter.base) == owlrl_closure(graph, minter.base)


def test_an_ontology_construct_the_compiler_does_not_know_is_refused(tmp_path):
    extra = tmp_path / "onto.ttl"
    extra.write_text(reason.ONTOLOGY_FILE.read_text(encoding="utf-8")
                     + "\ngk:alias a owl:TransitiveProperty .\n", encoding="utf-8")
    with pytest.raises(NotImplementedError, match="TransitiveProperty"):
        reason.schema(extra)
