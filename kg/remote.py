"""A SPARQL 1.1 server as the store, for when one machine is outgrown.

Ingest writes each page with the same single SPARQL Update the embedded store runs (the server
applies one update request as one transaction: a reader sees the old page or the new one), and
reads go through the SPARQL 1.1 Protocol; results come back in Oxigraph's result types, so the
rest of govkg cannot tell the stores apart.

Things the embedded store does here differently: canned-query parameters are bound by a
`VALUES` block opening the query's WHERE clause, its terms serialized by Oxigraph (a server has
no substitution API); the query time limit is the client's: past it govkg gives up the request,
while the server's own limits decide whether it keeps working (Oxigraph has none; Fuseki and
Virtuoso have their own settings); only graphs under the resources' namespace are govkg's (a
server may hold other data, and Virtuoso holds its own system graphs).

Some servers (Virtuoso) have no default graph of their own: a query without FROM reads the union
of all graphs, repeating a triple once per graph that holds it. Given `merged`, the IRI of a named
graph, the store keeps the merge of its graphs there instead, and every query reads it as its
default graph (the protocol's `default-graph-uri`), so that counts and rows are what the embedded
store answers.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox
import requests
from rdflib import URIRef

from kg.errors import BadQuery, StoreUnavailable
from kg.queries import opening_where
from kg.store import FORMATS, GRAPHLESS, Rendered, page_graphs_query, page_update, render, with_inferred
from kg.vocab import DEFAULT_BASE, DERIVED_SUFFIX, INFERRED_SUFFIX, PREFIXES, Triple

_RESULTS = "application/sparql-results+json"
_TRIPLES = "application/n-triples"
# Empty: a text run here is parsed (and evaluated over nothing), never sent anywhere.
_PARSER = ox.Store()


def _form(sparql: str) -> type:
    """The query's result type (solutions, boolean, triples), found by parsing it here first: a
    server may take updates and LOAD at its query URL too (Virtuoso does), and a read-only
    endpoint must not pass one on."""
    try:
        return type(_PARSER.query(sparql))
    except SyntaxError as exc:
        raise BadQuery(f"query syntax: {exc}") from exc


def _bound(sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with its variables given values by a VALUES block opening its WHERE clause; the
    terms are written by Oxigraph, never text taken from a request."""
    names = " ".join(f"?{k}" for k in bindings)
    return opening_where(sparql, f" VALUES ({names}) {{ ({' '.join(str(v) for v in bindings.values())}) }} ")


def _boolean_of_ask(results: bytes) -> bytes:
    """Results as the protocol has them: Virtuoso 7 answers an ASK as one row of one variable,
    `__ASK_RETVAL` (1 or none), where the protocol has a boolean."""
    if b'"__ASK_RETVAL"' not in results[:200]:
        return results
    rows = json.loads(results)["results"]["bindings"]
    return json.dumps({"head": {}, "boolean": bool(rows and rows[0]["__ASK_RETVAL"]["value"] == "1")}).encode()


class Triples(list):
    """The triples a CONSTRUCT or DESCRIBE answered."""


class RemoteStore:
    """A SPARQL 1.1 server (query, update) holding the graph."""

    persistent = False  # nothing to publish: the server keeps readers apart from a write itself

    def __init__(self, endpoint: str, update_endpoint: str | None = None, timeout_s: float = 30.0,
                 base: str = DEFAULT_BASE, merged: str | None = None) -> None:
        self.endpoint = endpoint
        self.base, self.merged = base, merged
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
        return with_inferred(page, [row[0].value for row in self.query(page_graphs_query(page, self.merged))])

    def replace_page(self, page: URIRef, graphs: list[tuple[URIRef, set[Triple]]] | Rendered) -> int:
        """Replace what a page contributed, in one update request; returns triples written."""
        rendered = graphs if isinstance(graphs, Rendered) else render(graphs)
        update, count = page_update(self.page_graphs(page), rendered, self.merged)
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
        triples = _form(text) is ox.QueryTriples
        if self.merged and not default_graphs:
            default_graphs = [self.merged]
        fields = [("query", text)] + [("default-graph-uri", g) for g in default_graphs or []] \
            + [("named-graph-uri", g) for g in named_graphs or []]
        response = self._post(self.endpoint, data=fields, headers={"Accept": _TRIPLES if triples else _RESULTS})
        if triples:
            return Triples(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(_boolean_of_ask(response.content), format=ox.QueryResultsFormat.JSON)

    def _ours(self) -> str:
        """A filter on ?g keeping govkg's named graphs (not the merge, not a server's other data)."""
        merge = f" && ?g != <{self.merged}>" if self.merged else ""
        return f"FILTER (STRSTARTS(STR(?g), {json.dumps(self.base)}){merge})"

    def quads(self, asserted_only: bool = False) -> Iterator[ox.Quad]:
        """The quads of the named graphs (the merge only repeats them)."""
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}")
        for row in rows:
            if asserted_only and row["g"].value.endswith((INFERRED_SUFFIX, DERIVED_SUFFIX)):
                continue
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def graph(self, name: str) -> list[ox.Triple]:
        # ?g bound by VALUES, not GRAPH <name>: Virtuoso 7 finds nothing in a graph named so once a
        # default graph is given
        return list(self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ <{name}> }} GRAPH ?g {{ ?s ?p ?o }} }}"))

    def export(self, output: BinaryIO, fmt: str, asserted_only: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        if fmt in GRAPHLESS:  # no named graphs: their union, the default graph
            quads = list(self.query("CONSTRUCT WHERE { ?s ?p ?o }"))
        else:
            quads = list(self.quads(asserted_only))
        ox.serialize(quads, output, format=FORMATS[fmt], prefixes=PREFIXES if fmt != "ntriples" else None)

    def __len__(self) -> int:
        count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}"
        return int(next(iter(self.query(count)))["n"].value)

    def graph_count(self) -> int:
        """govkg's named graphs on the server (an empty pattern, GRAPH ?g {}, finds none on Virtuoso 7)."""
        count = f"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._ours()} }}"
        return int(next(iter(self.query(count)))["n"].value)

    def flush(self) -> None:
        """Nothing to do: the server has written each update before answering it."""

    def publish(self) -> None:
        """Nothing to do: readers see each update once the server has applied it."""
