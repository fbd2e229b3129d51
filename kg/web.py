"""The web app: SPARQL endpoint, canned queries, linked data, and pages for people.

    app = create_app(settings, Snapshots(store_dir), QueryPool(store_dir, workers, timeout_s))

The store is a GraphStore (in memory, for tests) or a store directory's Snapshots; with a pool,
SPARQL requests run in its worker processes under the time limit, else in the server's threads.

Routes translate HTTP to calls of `protocol`, `queries` and the store, and library errors to one
JSON error shape (`{"ok": false, "error": "...", "status": 400}`); anything unexpected is logged
and answered 500, never disguised as the client's fault.
"""
from __future__ import annotations

import itertools
import logging

import pyoxigraph as ox
from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from kg import __version__, openapi, protocol, queries
from kg.config import Settings
from kg.errors import BadQuery, KgError, NoResource, NotAcceptable
from kg.sandbox import QueryPool
from kg.store import GraphStore, Snapshots
from kg.vocab import GK, PREFIXES

log = logging.getLogger(__name__)
MAX_REQUEST_BYTES = 1 << 20
TABLE_FORMATS = {"application/json": None, "text/html": None, **protocol.SOLUTION_FORMATS}
ENTITY_FORMATS = {"text/html": None, **protocol.GRAPH_FORMATS}
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
}


def create_app(settings: Settings | None = None, store: GraphStore | Snapshots | None = None,
               pool: QueryPool | None = None) -> Flask:
    """The app over `store` (an in-memory one when none is given)."""
    settings = settings or Settings()
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # names stay readable: 林向东, not \u675c…
    app.extensions["kg"] = {"settings": settings, "store": store or GraphStore(None), "pool": pool}
    app.after_request(_cors)
    app.jinja_env.globals["local"] = local_link
    app.register_error_handler(Exception, _error)
    _routes(app)
    return app


def _store() -> GraphStore:
    from flask import current_app
    store = current_app.extensions["kg"]["store"]
    return store.current() if isinstance(store, Snapshots) else store


def _settings() -> Settings:
    from flask import current_app
    return current_app.extensions["kg"]["settings"]


def _base() -> str:
    return _settings().base


def _with_flag(response: Response, truncated: bool) -> Response:
    """Say in a header too that rows were cut: every format, CSV and TSV included."""
    if truncated:
        response.headers["KG-Truncated"] = f"first {_settings().max_rows} rows only"
    return response


def _cors(response: Response) -> Response:
    response.headers.update(CORS_HEADERS)
    return response


def _error(exc: Exception) -> Response:
    if isinstance(exc, KgError):
        status, message = exc.status, str(exc)
    elif isinstance(exc, HTTPException):
        status, message = exc.code or 500, exc.description or exc.name
    else:
        log.exception("server error on %s %s", request.method, request.path)
        status, message = 500, "internal server error"
    response = jsonify({"ok": False, "error": message, "status": status})
    response.status_code = status
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(exc.valid_methods)  # RFC 9110: a 405 says what is allowed
    return response


def _routes(app: Flask) -> None:
    app.add_url_rule("/", "index", _index)
    app.add_url_rule("/sparql", "sparql", _sparql, methods=["GET", "POST", "OPTIONS"])
    app.add_url_rule("/queries", "queries", _queries)
    app.add_url_rule("/openapi.json", "openapi", lambda: jsonify(openapi.spec(queries.catalogue())))
    app.add_url_rule("/queries/<name>", "query", _query)
    app.add_url_rule("/resource/<path:rest>", "resource", _resource)
    app.add_url_rule("/rdf-graph-store", "graph_store", _graph_store)


def _index() -> str:
    return render_template("index.html", queries=queries.catalogue().values(), version=__version__,
                           q=request.args.get("q", ""))


def _sparql() -> Response:
    if request.method == "OPTIONS":
        return Response(status=204)
    parsed = protocol.read_request(request.method, request.headers.get("Content-Type"),
                                   request.query_string, request.get_data(cache=False), request.base_url)
    if parsed is None:
        return Response(_service_description(request.base_url), mimetype="text/turtle")
    from flask import current_app
    pool: QueryPool | None = current_app.extensions["kg"]["pool"]
    accept, limit = request.headers.get("Accept"), _settings().max_rows
    if pool:  # waitress tells whether the client is still connected (channel_request_lookahead)
        gone = request.environ.get("waitress.client_disconnected", lambda: False)
        answer = pool.answer(parsed, accept, limit, gone)
    else:
        answer = protocol.answer(_store(), parsed, accept, limit)
    return _with_flag(Response(answer.body, mimetype=answer.mime), answer.truncated)


def _service_description(url: str) -> str:
    formats = " ".join(f"<http://www.w3.org/ns/formats/{f}>" for f in
                       ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                        "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{url}> a sd:Service ;
    sd:endpoint <{url}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {formats.replace(" ", " , ")} ;
    sd:feature sd:UnionDefaultGraph .
"""


def _queries() -> Response | str:
    listing = [q.as_dict() for q in queries.catalogue().values()]
    if _prefers_html():
        return render_template("queries.html", queries=queries.catalogue().values())
    return jsonify({"ok": True, "queries": listing})


def _query(name: str) -> Response | str:
    canned = queries.get(name)
    values = {k: v for k, v in request.args.items() if k != "format"}
    bindings = queries.bind(canned, values)
    sparql = queries.text(canned, bindings, lateral=isinstance(_store(), GraphStore))  # a remote server may lack it
    # Everything that can fail is settled before the query runs: an Oxigraph result must be
    # freed on its own thread, not kept alive by an exception's traceback.
    mime = protocol.negotiate(request.args.get("format") or request.headers.get("Accept"), TABLE_FORMATS)
    limit = _settings().max_rows
    if mime in ("text/html", "application/json"):
        columns, rows = table(_store().query(sparql, bindings=bindings), canned.param_names, limit + 1)
        cut, rows = len(rows) > limit, rows[:limit]
        if mime == "text/html":
            return _with_flag(Response(render_template("result.html", query=canned, values=values, columns=columns,
                                                       rows=rows, truncated=cut and limit)), cut)
        return _with_flag(jsonify({"ok": True, "query": name, "params": values, "columns": columns, "truncated": cut,
                                   "rows": [dict(zip(columns, (cell["value"] if cell else None for cell in row)))
                                            for row in rows]}), cut)
    answer = protocol.serialize(_store().query(sparql, bindings=bindings), mime, limit)
    return _with_flag(Response(answer.body, mimetype=answer.mime), answer.truncated)


def table(result: ox.QuerySolutions, hidden: set[str] = frozenset(),
          limit: int | None = None) -> tuple[list[str], list[list[dict | None]]]:
    """Column names and (the first `limit`) rows of a SELECT result, without the `hidden`
    columns; a cell is {"value", "iri"} or None."""
    if not isinstance(result, ox.QuerySolutions):
        raise NotAcceptable("only SELECT results make a table")
    columns = [v.value for v in result.variables if v.value not in hidden]
    rows = []
    for solution in itertools.islice(result, limit):
        row = []
        for column in columns:
            term = solution[column]
            if term is None:
                row.append(None)
            else:
                row.append({"value": term.value, "iri": isinstance(term, ox.NamedNode)})
        rows.append(row)
    return columns, rows


def _resource(rest: str) -> Response | str:
    iri = _base() + rest
    node = ox.NamedNode(iri)
    mime = protocol.negotiate(request.headers.get("Accept"), ENTITY_FORMATS)
    triples = list(_store().query(f"CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> }} "
                                  f"WHERE {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> }} }}"))
    if not triples:
        raise NoResource(f"nothing is known about {iri}")
    if mime != "text/html":
        return Response(ox.serialize(triples, format=protocol.GRAPH_FORMATS[mime], prefixes=PREFIXES), mimetype=mime)
    facts = [row for row in queries.run(_store(), "entity_facts", {"iri": iri}) if _shown(row["property"], row["value"])]
    incoming = [t for t in triples if t.object == node and t.predicate.value.startswith(str(GK))]
    names = _names({row["value"] for row in facts if isinstance(row["value"], ox.NamedNode)} | {t.subject for t in incoming})
    outgoing = [{"property": _short(row["property"].value), "value": row["value"].value,
                 "name": names.get(row["value"].value, _short(row["value"].value)),
                 "iri": isinstance(row["value"], ox.NamedNode),
                 "sentence": row["sentence"].value if row["sentence"] else None,
                 "article": row["article"].value if row["article"] else None} for row in facts]
    linked = [{"subject": t.subject.value, "name": names.get(t.subject.value, _short(t.subject.value)),
               "property": _short(t.predicate.value)} for t in incoming]
    label = names.get(iri) or _names({node}).get(iri) or rest
    return render_template("entity.html", iri=iri, label=label, facts=outgoing, incoming=linked)


def _shown(prop: ox.NamedNode, value: ox.Term) -> bool:
    """The ontology's own statements; rdf:type only with its classes."""
    if prop.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
        return isinstance(value, ox.NamedNode) and value.value.startswith(str(GK))
    return prop.value.startswith(str(GK))


def _names(iris: set) -> dict[str, str]:
    """A readable name for each IRI: its gk:name, gk:title, or label."""
    if not iris:
        return {}
    values = " ".join(f"<{i.value}>" for i in iris)
    rows = _store().query(f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {values} }} "
                          f"?x gk:name|gk:title|rdfs:label|gk:headline ?l }}")
    return {row["x"].value: row["l"].value for row in rows}


def _short(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _graph_store() -> Response:
    """The Graph Store Protocol, read-only: `?default` for the union, `?graph=IRI` for one graph."""
    mime = protocol.negotiate(request.headers.get("Accept"), protocol.GRAPH_FORMATS)
    if "graph" in request.args:
        graph = request.args["graph"]
        triples = _store().graph(graph)
        if not triples:
            raise NoResource(f"no graph named {graph}")
    elif "default" in request.args:
        triples = [t for t in _store().query("CONSTRUCT WHERE { ?s ?p ?o }")]
    else:
        raise BadQuery("name a graph: ?default or ?graph=IRI")
    return Response(ox.serialize(triples, format=protocol.GRAPH_FORMATS[mime], prefixes=PREFIXES), mimetype=mime)


def local_link(iri: str) -> str:
    """Where an IRI of ours is served here; other IRIs stay as they are."""
    base = _base()
    if iri.startswith(base):
        return "/resource/" + iri[len(base):]
    return iri


def _prefers_html() -> bool:
    try:
        return protocol.negotiate(request.headers.get("Accept"), {"application/json": 1, "text/html": 1}) == "text/html"
    except NotAcceptable:
        return False
