"""A SPARQL 1.1 server as the store, for when one machine is outgrown.

Ingest writes each page with the same single SPARQL Update the embedded store runs (the server
applies one update request as one transaction: a reader sees the old page or the new one), and
reads go through the SPARQL 1.1 Protocol; results come back in Oxigraph's result types, so the
rest of govkg cannot tell the stores apart.

Two things the embedded store does here differently: canned-query parameters are bound by a
`VALUES` block opening the query's WHERE clause, its terms serialized by Oxigraph (a server has
no substitution API), and the query time
limit is the client's: past it govkg gives up the request, while the server's own limits decide
whether it keeps working (Oxigraph has none; Fuseki and Virtuoso have their own settings).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox
import requests
from rdflib import URIRef

from kg.errors import BadQuery, StoreUnavailable
from kg.queries import opening_where
from kg.store import FORMATS, GRAPHLESS, Rendered, page_graphs_query, page_update, render, with_inferred
from kg.vocab import DERIVED_SUFFIX, INFERRED_SUFFIX, PREFIXES, Triple

_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"


def _bound(sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with its variables given values by a VALUES block opening its WHERE clause; the
    terms are written by Oxigraph, never text taken from a request."""
    names = " ".join(f"?{k}" for k in bindings)
    return opening_where(sparql, f" VALUES ({names}) {{ ({' '.join(str(v) for v in bindings.values())}) }} ")


class Triples(list):
    """The triples a CONSTRUCT or DESCRIBE answered."""


class RemoteStore:
    """A SPARQL 1.1 server (query, update) holding the graph."""

    persistent = False  # nothing to publish: the server keeps readers apart from a write itself

    def __init__(self, endpoint: str, update_endpoint: str | None = None, timeout_s: float = 30.0) -> None:
        self.endpoint = endpoint
        self.update_endpoint = update_endpoint or (endpoint[: -len("query")] + "update"
                                                   if endpoint.endswith("/query") else endpoint)
        self.timeout_s = timeout_s
        self._http = requests.Session()
        self.query("ASK {}")  # unreachable or not SPARQL: say so now, by URL

    def _post(self, url: str, **kwargs) -> requests.Response:
        try:
            response = self._http.post(url, timeout=self.timeout_s, **kwargs)
        except requests.RequestException as exc:
            raise StoreUnavailable(f"the SPARQL server at {url} cannot be reached: {exc}") from exc
        if response.status_code == 400:
            raise BadQuery(f"the SPARQL server refused the request: {response.text[:300]}")
        if response.status_code >= 300:
            raise StoreUnavailable(f"the SPARQL server at {url} answered {response.status_code}: {response.text[:300]}")
        return response

    def page_graphs(self, page: URIRef) -> list[str]:
        return with_inferred(page, [row[0].value for row in self.query(page_graphs_query(page))])

    def replace_page(self, page: URIRef, graphs: list[tuple[URIRef, set[Triple]]] | Rendered) -> int:
        """Replace what a page contributed, in one update request; returns triples written."""
        rendered = graphs if isinstance(graphs, Rendered) else render(graphs)
        update, count = page_update(self.page_graphs(page), rendered)
        self.update(update)
        return count

    def update(self, sparql: str) -> None:
        """Send a SPARQL Update, applied by the server as one request."""
        self._post(self.update_endpoint, data=sparql.encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def query(self, sparql: str, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              bindings: dict[str, ox.NamedNode | ox.Literal] | None = None, base_iri: str | None = None,
              ) -> ox.QuerySolutions | ox.QueryBoolean | Triples:
        """Run a query on the server, as GraphStore.query runs it on the embedded store."""
        prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
        if base_iri:
            prologue = f"BASE <{base_iri}>\n" + prologue
        text = prologue + (_bound(sparql, bindings) if bindings else sparql)
        fields = [("query", text)] + [("default-graph-uri", g) for g in default_graphs or []] \
            + [("named-graph-uri", g) for g in named_graphs or []]
        response = self._post(self.endpoint, data=fields, headers={"Accept": f"{_RESULTS}, {_TRIPLES};q=0.9"})
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        if kind == _RESULTS:
            return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        return Triples(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))

    def quads(self, asserted_only: bool = False) -> Iterator[ox.Quad]:
        """The quads of the named graphs (the default graph only repeats them)."""
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in rows:
            if asserted_only and row["g"].value.endswith((INFERRED_SUFFIX, DERIVED_SUFFIX)):
                continue
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def graph(self, name: str) -> list[ox.Triple]:
        return list(self.query(f"CONSTRUCT WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"))

    def export(self, output: BinaryIO, fmt: str, asserted_only: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        if fmt in GRAPHLESS:  # no named graphs: their union, the default graph
            quads = list(self.query("CONSTRUCT WHERE { ?s ?p ?o }"))
        else:
            quads = list(self.quads(asserted_only))
        ox.serialize(quads, output, format=FORMATS[fmt], prefixes=PREFIXES if fmt != "ntriples" else None)

    def __len__(self) -> int:
        return int(next(iter(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)

    def flush(self) -> None:
        """Nothing to do: the server has written each update before answering it."""

    def publish(self) -> None:
        """Nothing to do: readers see each update once the server has applied it."""
