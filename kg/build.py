"""Build one page: its text segmented into articles, their facts extracted, emitted as RDF and
reasoned over — everything an ingest does before it writes, and all of it per page, so worker
processes can do it apart.

    built = build(text.read_page(Path("page.txt")), Minter())
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from rdflib import URIRef

from kg import dates, emit, reason, segment, text
from kg.errors import PageError
from kg.extract import extract_page
from kg.model import Page
from kg.store import Rendered, render
from kg.vocab import GK, Minter, Triples, inferred_graph

_EVIDENCE = {GK.evidence}  # a set: compares terms by hash, not rdflib's slow __eq__


@dataclass
class Built:
    """The named graphs of one page, ready to be written whole."""

    page: URIRef
    graphs: list[tuple[URIRef, Triples]]
    articles: int
    facts: int  # facts read from a sentence, each with its evidence


def build(page: Page, minter: Minter) -> Built:
    """The named graphs of one page (page record, article graphs, their entailments)."""
    articles = segment.articles(page)
    if not articles:
        raise PageError(page.source, "no recognisable article (no 本报讯 opening, byline or body text)")
    year, year_basis = (None, "")
    if page.issue_date is None:
        year, year_basis = dates.infer_year("\n".join(a.body.text for a in articles))
        page = replace(page, date_basis=f"issue date unknown; year: {year_basis}")
    graphs = [(minter.page(page.source), emit.page_graph(page, minter))]
    for article in articles:
        resolved = dates.resolve(article.dateline or article.body.text, page.issue_date, year, year_basis)
        article.page, article.date, article.date_basis = page, resolved.date, resolved.basis
    facts = 0
    for article, found in zip(articles, extract_page(articles)):
        asserted = emit.article_graph(article, found, minter)
        facts += sum(1 for _, p, _ in asserted if p in _EVIDENCE)
        iri = minter.article(page.source, article.position)
        graphs.append((iri, asserted))
        graphs.append((inferred_graph(iri), reason.closure(asserted, minter.base)))
    return Built(minter.page(page.source), graphs, len(articles), facts)


@dataclass
class Sent:
    """A built page as a worker sends it back: its graphs already rendered."""

    page: str
    graphs: Rendered
    articles: int
    facts: int


def build_file(path: Path, when: date | None, basis: str | None, base: str) -> Sent | str:
    """Read and build one page file; the problem as text if it cannot be ingested."""
    try:
        built = build(text.read_page(path, when, basis), Minter(base))
    except PageError as exc:
        return str(exc)
    except Exception as exc:  # a fault of ours on one page must not stop an archive's ingest
        return f"{path.name}: not ingested: govkg failed on it ({type(exc).__name__}: {exc}); please report it"
    return Sent(str(built.page), render(built.graphs), built.articles, built.facts)
