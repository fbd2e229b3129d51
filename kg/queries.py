"""Canned queries: `sparql/*.rq`, each with a header naming its title, description and parameters.

    # title: Meetings a person chaired
    # description: …
    # param: person string — the person's name as written
    # param: from date 1900-01-01 — earliest meeting date

A parameter without a default is required. Values are bound to the query's variables by
Oxigraph (substitution), never pasted into its text, so no value can change what the query does.
Oxigraph substitutes only variables the query selects, so each query selects its parameters;
tables of results leave those constant columns out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import BadQuery, UnknownQuery
from kg.store import GraphStore

QUERY_DIR = Path(__file__).resolve().parent.parent / "sparql"
XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(string|date|integer|decimal|iri)(?:\s+(\S+))?\s*(?:—|--)\s*(.+)$")
_HEADER = re.compile(r"^#\s*(title|description):\s*(.+)$")
IRI_PATTERN = r"^https?://[^\s<>\"{}|\\^`]+$"  # what an iri parameter accepts (OpenAPI says the same)


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # string, date, integer, decimal, iri
    default: str | None
    help: str


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    @property
    def param_names(self) -> set[str]:
        return {p.name for p in self.params}

    def as_dict(self) -> dict:
        return {"name": self.name, "title": self.title, "description": self.description,
                "params": [{"name": p.name, "type": p.type, "default": p.default, "help": p.help,
                            "required": p.default is None} for p in self.params]}


def parse(name: str, text: str) -> CannedQuery:
    """A canned query from its file's text."""
    meta: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            continue
        if m := _PARAM.match(line):
            params.append(Param(m.group(1), m.group(2), m.group(3), m.group(4).strip()))
        elif m := _HEADER.match(line):
            meta[m.group(1)] = m.group(2).strip()
    if "title" not in meta:
        raise ValueError(f"{name}.rq has no '# title:' line")
    return CannedQuery(name, meta["title"], meta.get("description", ""), text, tuple(params))


@lru_cache(maxsize=1)
def catalogue(folder: Path = QUERY_DIR) -> dict[str, CannedQuery]:
    """Every canned query, by name."""
    return {p.stem: parse(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))}


def get(name: str) -> CannedQuery:
    try:
        return catalogue()[name]
    except KeyError:
        raise UnknownQuery(f"no canned query named {name!r}; see /queries") from None


def bind(query: CannedQuery, values: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """The query's variables bound to typed values; raises BadQuery for unknown, missing or bad ones."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise BadQuery(f"{query.name} takes no parameter {', '.join(unknown)}; it takes {', '.join(known) or 'none'}")
    out = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None or value == "":
            raise BadQuery(f"{query.name} needs the parameter {param.name}: {param.help}")
        out[param.name] = _term(param, value)
    return out


def _term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    try:
        if param.type == "date":
            return ox.Literal(date.fromisoformat(value).isoformat(), datatype=ox.NamedNode(XSD + "date"))
        if param.type == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
        if param.type == "decimal":
            number = Decimal(value)
            if not number.is_finite():
                raise ValueError("not a finite number")
            return ox.Literal(format(number, "f"), datatype=ox.NamedNode(XSD + "decimal"))
        if param.type == "iri":
            if not re.match(IRI_PATTERN, value):
                raise ValueError("not an http(s) IRI")
            return ox.NamedNode(value)
    except (ValueError, ArithmeticError) as exc:
        raise BadQuery(f"{param.name}={value!r} is not a valid {param.type}: {exc}") from exc
    return ox.Literal(value)


def run(store: GraphStore, name: str, values: dict[str, str]) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run the canned query `name` with the parameter values given (strings, as from a URL)."""
    query = get(name)
    return store.query(query.text, bindings=bind(query, values))
