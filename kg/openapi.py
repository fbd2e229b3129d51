"""The OpenAPI description of the canned queries, generated from their headers."""
from __future__ import annotations

from kg import __version__
from kg.queries import IRI_PATTERN, CannedQuery

_TYPES = {
    "string": {"type": "string", "minLength": 1},
    "date": {"type": "string", "format": "date"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "iri": {"type": "string", "format": "iri", "pattern": IRI_PATTERN},  # IRIs: person/林向东 is not ASCII
}
_ERROR = {"type": "object", "required": ["ok", "error", "status"],
          "properties": {"ok": {"type": "boolean", "enum": [False]}, "error": {"type": "string"},
                         "status": {"type": "integer"}}}
_RESULT = {"type": "object", "required": ["ok", "query", "params", "columns", "rows"],
           "properties": {"ok": {"type": "boolean", "enum": [True]}, "query": {"type": "string"},
                          "params": {"type": "object", "additionalProperties": {"type": "string"}},
                          "columns": {"type": "array", "items": {"type": "string"}},
                          "rows": {"type": "array", "items": {"type": "object", "additionalProperties":
                                                             {"type": "string", "nullable": True}}}}}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def spec(catalogue: dict[str, CannedQuery]) -> dict:
    """OpenAPI 3.0 for `GET /queries` and `GET /queries/{name}` for each canned query."""
    paths: dict = {"/queries": {"get": {
        "operationId": "list_queries", "summary": "The canned queries and their parameters",
        "responses": {"200": _json({"type": "object", "required": ["ok", "queries"],
                                    "properties": {"ok": {"type": "boolean"}, "queries": {"type": "array"}}},
                                   "the catalogue")}}}}
    for name, query in catalogue.items():
        paths[f"/queries/{name}"] = {"get": {
            "operationId": name, "summary": query.title, "description": query.description,
            "parameters": [{"name": p.name, "in": "query", "required": p.default is None, "description": p.help,
                            "schema": dict(_TYPES[p.type], **({"default": p.default} if p.default else {}))}
                           for p in query.params],
            "responses": {"200": _json(_RESULT, "the rows, parameters left out"),
                          "400": _json(_ERROR, "a parameter missing, unknown or not of its type")}}}
    return {"openapi": "3.0.3", "info": {"title": "govkg canned queries", "version": __version__}, "paths": paths}
