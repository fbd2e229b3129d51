"""The SPARQL 1.1 Protocol for queries: read a request, run it read-only, answer in the negotiated format.

Requests are parsed from their raw bytes, strictly: invalid UTF-8 or a broken percent-escape is
a 400, not a lossy decoding; a request has exactly one query and no update. The query runs on
Oxigraph (safe under concurrent use) over the union of all graphs unless the request names a
dataset. Formats are data: media type → pyoxigraph format, one table per kind of result.
"""
from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
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
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
TRUNCATED = "https://w3id.org/govkg/ontology#truncatedResult"  # the flag, as an IRI the result names
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


@dataclass
class Answer:
    body: bytes
    mime: str
    truncated: bool = False  # rows or triples past the cap were left out


def answer(store: GraphStore, request: QueryRequest, accept: str | None, max_rows: int) -> Answer:
    """Run a request and serialize its result. Oxigraph's results may only be freed on the
    thread that made them, so none outlives this call."""
    result = run(store, request)
    try:
        return serialize(result, accept, max_rows)
    finally:
        del result


def serialize(result: ox.QuerySolutions | ox.QueryBoolean | Iterable[ox.Triple], accept: str | None,
              max_rows: int) -> Answer:
    """The result in the negotiated format, cut at `max_rows` rows (or triples) with the cut
    said in the result itself: `"truncated": true` in JSON, a `<link>` in XML's head, a comment
    in Turtle and N-Triples (and by the caller in a header for every format)."""
    if isinstance(result, ox.QueryBoolean):
        mime = negotiate(accept, BOOLEAN_FORMATS)
        return Answer(result.serialize(format=BOOLEAN_FORMATS[mime]), mime)
    if not isinstance(result, ox.QuerySolutions):  # triples: Oxigraph's, or a SPARQL server's
        mime = negotiate(accept, GRAPH_FORMATS)
        triples = list(itertools.islice(result, max_rows + 1))
        cut = len(triples) > max_rows
        body = ox.serialize(triples[:max_rows], format=GRAPH_FORMATS[mime]) or b""
        if cut and GRAPH_FORMATS[mime] in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES):
            body = f"# {TRUNCATED}: the first {max_rows} triples only\n".encode() + body
        return Answer(body, mime, cut)
    mime = negotiate(accept, SOLUTION_FORMATS)
    variables = [v.value for v in result.variables]
    rows = list(itertools.islice(result, max_rows + 1))
    cut = len(rows) > max_rows
    document = {"head": {"vars": variables},
                "results": {"bindings": [{v: _json_term(row[v]) for v in variables if row[v] is not None}
                                         for row in rows[:max_rows]]}}
    if SOLUTION_FORMATS[mime] == ox.QueryResultsFormat.JSON:
        if cut:
            document["head"]["link"] = [TRUNCATED]
            document["truncated"] = True
        return Answer(json.dumps(document, ensure_ascii=False).encode(), mime, cut)
    # Oxigraph writes the other formats from the same rows, read back from their JSON
    rows_again = ox.parse_query_results(json.dumps(document).encode(), format=ox.QueryResultsFormat.JSON)
    body = rows_again.serialize(format=SOLUTION_FORMATS[mime])
    if cut and SOLUTION_FORMATS[mime] == ox.QueryResultsFormat.XML:
        body = body.replace(b"</head>", f'<link href="{TRUNCATED}"/></head>'.encode(), 1)
    return Answer(body, mime, cut)


def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict:
    """A term as SPARQL 1.1 Query Results JSON writes it."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject), "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}
