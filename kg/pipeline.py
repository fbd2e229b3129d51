"""Compose the stages: page files in, one atomic write per page into the store.

    summary = ingest([Path("pages/")], store, manifest=read_manifest(Path("m.csv")))
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from kg import dates, emit, reason, segment, text
from kg.errors import ManifestError, PageError
from kg.extract import extract_page
from kg.model import Page
from kg.store import GraphStore
from kg.vocab import GK, Minter, inferred_graph

PAGE_SUFFIXES = {".txt"}


@dataclass
class Summary:
    pages: int = 0
    articles: int = 0
    facts: int = 0  # facts read from a sentence, each with its evidence
    triples: int = 0
    errors: list[str] = field(default_factory=list)


def read_manifest(path: Path) -> dict[str, date]:
    """The issue date of each page file, from a CSV with columns `file,date` (ISO dates)."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc}") from exc
    out = {}
    for n, row in enumerate(rows, start=2):
        name, value = (row.get("file") or "").strip(), (row.get("date") or "").strip()
        if not name or not value:
            raise ManifestError(f"{path}:{n}: a row needs both `file` and `date` (columns: file,date)")
        try:
            out[Path(name).name] = date.fromisoformat(value)
        except ValueError as exc:
            raise ManifestError(f"{path}:{n}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc
    return out


def page_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The page files named, folders expanded to their `.txt` files in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in PAGE_SUFFIXES and p.is_file())
        else:
            yield path


@dataclass
class Built:
    """The named graphs of one page, ready to be written in one transaction."""

    page: URIRef
    graphs: list[tuple[URIRef, Graph]]
    articles: int
    facts: int


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
        resolved = dates.resolve(article.body.text, page.issue_date, year, year_basis)
        article.page, article.date, article.date_basis = page, resolved.date, resolved.basis
        article.dateline = resolved.printed
    facts = 0
    for article, found in zip(articles, extract_page(articles)):
        asserted = emit.article_graph(article, found, minter)
        facts += sum(1 for _ in asserted.subjects(RDF.type, GK.Evidence))
        iri = minter.article(page.source, article.position)
        graphs.append((iri, asserted))
        graphs.append((inferred_graph(iri), reason.closure(asserted, minter.base)))
    return Built(minter.page(page.source), graphs, len(articles), facts)


def ingest(paths: Iterable[Path], store: GraphStore, minter: Minter, manifest: dict[str, date] | None = None,
           issue_date: date | None = None, progress: Callable[[Path], None] | None = None) -> Summary:
    """Ingest every page; a bad page is reported in the summary and the others still go in."""
    summary = Summary()
    manifest = manifest or {}
    for path in page_files(paths):
        if progress:
            progress(path)
        when = manifest.get(path.name, issue_date)
        basis = "manifest" if path.name in manifest else ("--date" if issue_date else None)
        try:
            built = build(text.read_page(path, when, basis), minter)
            summary.triples += store.replace_page(built.page, built.graphs)
        except PageError as exc:
            summary.errors.append(str(exc))
            continue
        summary.pages += 1
        summary.articles += built.articles
        summary.facts += built.facts
    return summary
