"""The SPARQL 1.1 Protocol for queries: read a request, run it read-only, answer in the negotiated format.

Requests are parsed from their raw bytes, strictly: invalid UTF-8 or a broken percent-escape is
a 400, not a lossy decoding; a request has exactly one query and no update. The query runs on
Oxigraph (safe under concurrent use) over the union of all graphs unless the request names a
dataset. Formats are data: media type → pyoxigraph format, one table per kind of result.
"""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import pyoxigraph as ox

from kg.errors import BadQuery, NotAcceptable, UnsupportedMediaType
from kg.store import GraphStore

SOLUTION_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
BOOLEAN_FORMATS = {k: v for k, v in SOLUTION_FORMATS.items() if v in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML)}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
# rdflib's SPARQL parser is not safe to call from two threads, and pyparsing keeps exceptions whose
# tracebacks would hold the caller's frames (and Oxigraph results that must die on their own
# thread) alive: it runs on one thread of its own.
_parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sparql-parser")


@dataclass
class QueryRequest:
    query: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    base: str | None = None  # what relative IRIs in the query resolve against


def form_fields(raw: bytes) -> list[tuple[str, str]]:
    """Decode `a=1&b=2` strictly: a broken escape or invalid UTF-8 is the client's error."""
    if _BAD_ESCAPE.search(raw):
        raise BadQuery("malformed percent-encoding in the request")
    try:
        return parse_qsl(raw.decode("ascii"), keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as exc:
        raise BadQuery("the request is not valid UTF-8") from exc


def read_request(method: str, content_type: str | None, query_string: bytes, body: bytes,
                 base: str | None = None) -> QueryRequest | None:
    """The query a protocol request carries, or None for a request without one (a GET for the
    service description). Raises BadQuery, UnsupportedMediaType for requests that break the protocol."""
    params = form_fields(query_string)
    mime, _, options = (content_type or "").partition(";")
    mime = mime.strip().lower()
    if method == "POST":
        if mime == "application/x-www-form-urlencoded":
            params += form_fields(body)
        elif mime == "application/sparql-query":
            charset = re.search(r"charset\s*=\s*\"?([\w-]+)", options, re.I)
            if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
                raise UnsupportedMediaType("a query must be sent as UTF-8")
            try:
                params.append(("query", body.decode("utf-8")))
            except UnicodeDecodeError as exc:
                raise BadQuery("the query is not valid UTF-8") from exc
        elif mime == "application/sparql-update" or any(k == "update" for k, _ in params):
            raise BadQuery("this endpoint is read-only: SPARQL updates are not accepted")
        else:
            raise UnsupportedMediaType(
                "POST a query as application/x-www-form-urlencoded or application/sparql-query")
    if any(k in ("update", "using-graph-uri", "using-named-graph-uri") for k, _ in params):
        raise BadQuery("this endpoint is read-only: SPARQL updates are not accepted")
    queries = [v for k, v in params if k == "query"]
    if len(queries) > 1:
        raise BadQuery("one query per request")
    if not queries:
        if method == "POST":
            raise BadQuery("no query in the request")
        return None
    return QueryRequest(queries[0], [v for k, v in params if k == "default-graph-uri"],
                        [v for k, v in params if k == "named-graph-uri"], base)


def check_query(query: str) -> None:
    """Refuse queries that would reach outside the store (SERVICE), found by parsing the query."""
    if "service" not in query.lower():
        return  # no SERVICE keyword can be in it
    problem = _parser.submit(_service_problem, query).result()
    if problem:
        raise BadQuery(problem)


def _service_problem(query: str) -> str | None:
    from rdflib.plugins.sparql.parser import parseQuery
    try:
        tree = parseQuery(query)
    except Exception as exc:  # rdflib's parser raises pyparsing errors of many kinds
        return f"cannot check the query: {exc}"
    return "SERVICE is not allowed: queries run on this store only" if "ServiceGraphPattern" in repr(tree) else None


def run(store: GraphStore, request: QueryRequest) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a query read-only over the request's dataset (the union of all graphs by default)."""
    check_query(request.query)
    try:
        return store.query(request.query, request.default_graphs, request.named_graphs, base_iri=request.base)
    except SyntaxError as exc:
        raise BadQuery(f"query syntax: {exc}") from exc
    except ValueError as exc:
        raise BadQuery(str(exc)) from exc


def negotiate(accept: str | None, offered: dict) -> str:
    """The media type to answer with: the client's most preferred one we offer; the first
    offered when the client accepts anything. Raises NotAcceptable otherwise."""
    ranked = []
    for position, item in enumerate((accept or "*/*").split(",")):
        mime, _, params = item.strip().partition(";")
        q = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                q = float(match.group(1))
            except ValueError:
                q = 0.0
        if mime:
            ranked.append((-q, position, mime.strip().lower()))
    for neg_q, _, mime in sorted(ranked):
        if neg_q == 0:
            break
        if mime in offered:
            return mime
        if mime in ("*/*", "application/*", "text/*"):
            prefix = mime.split("/")[0]
            for candidate in offered:
                if mime == "*/*" or candidate.startswith(prefix + "/"):
                    return candidate
    raise NotAcceptable(f"cannot answer in {accept}; available: {', '.join(offered)}")


def answer(store: GraphStore, request: QueryRequest, accept: str | None) -> tuple[bytes, str]:
    """Run a request and serialize its result: (body, media type). Oxigraph's results may only
    be freed on the thread that made them, so none outlives this call."""
    result = run(store, request)
    try:
        return serialize(result, accept)
    finally:
        del result


def serialize(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, accept: str | None) -> tuple[bytes, str]:
    """(body, media type) of a query result in the negotiated format."""
    if isinstance(result, ox.QueryTriples):
        mime = negotiate(accept, GRAPH_FORMATS)
        return result.serialize(format=GRAPH_FORMATS[mime]), mime
    offered = BOOLEAN_FORMATS if isinstance(result, ox.QueryBoolean) else SOLUTION_FORMATS
    mime = negotiate(accept, offered)
    return result.serialize(format=offered[mime]), mime
