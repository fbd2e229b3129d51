"""Canned queries: `sparql/*.rq`, each with a header naming its title, description and parameters.

    # title: Meetings a person chaired
    # description: …
    # param: person string — the person's name as written
    # param: from date 1900-01-01 — earliest meeting date

A parameter without a default is required. Values are bound to the query's variables by
Oxigraph (substitution), so no value can change what the query does. Oxigraph substitutes only
variables the query selects, so each query selects its parameters; tables of results leave those
constant columns out. Where a query writes a parameter `$name` (the same variable as `?name` in
SPARQL), the value is also written there as the term Oxigraph serialises from the parsed, typed
value: a FILTER on a constant is one Oxigraph's planner can push into its scan (a FILTER on
`$min` is four times faster than on a substituted `?min`), and a serialised term cannot be more
than one term.

A query over a span of dates may say `# months: from to`: `?month` then takes, by a VALUES block
the query opens with, each month (xsd:gYearMonth) the span covers, and its events are found
through their gk:month by index rather than by reading every date in the store. The months are
written from the dates as parsed, never from the request's text. A span of more than
`MAX_MONTHS` leaves `?month` free: a listing of decades reads most of the store anyway.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg import dates
from kg.errors import BadQuery, UnknownQuery
from kg.store import GraphStore

QUERY_DIR = Path(__file__).resolve().parent.parent / "sparql"
XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM = re.compile(r"^#\s*param:\s*(\w+)\s+(string|date|integer|decimal|iri)(?:\s+(\S+))?\s*(?:—|--)\s*(.+)$")
_HEADER = re.compile(r"^#\s*(title|description|months):\s*(.+)$")
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_LATERAL = re.compile(r"\bLATERAL\s*\{", re.IGNORECASE)
_DOLLAR = re.compile(r"\$(\w+)")
MAX_MONTHS = 240
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
    months: tuple[str, str] | None = None  # the date parameters whose span ?month covers

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
    months = None
    if "months" in meta:
        span = tuple(meta["months"].split())
        dated = {p.name for p in params if p.type == "date"}
        if len(span) != 2 or not set(span) <= dated or not _WHERE.search(text):
            raise ValueError(f"{name}.rq: '# months:' names two of its date parameters, and the query needs a WHERE")
        months = (span[0], span[1])
    return CannedQuery(name, meta["title"], meta.get("description", ""), text, tuple(params), months)


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


def text(query: CannedQuery, bindings: dict[str, ox.NamedNode | ox.Literal], lateral: bool = True) -> str:
    """The query to run with `bindings`: its text, opened by the months of its span if it has one;
    without `lateral`, in plain SPARQL 1.1 (`LATERAL { P }` as `P`: the same answers, for servers
    that lack Oxigraph's and Jena's LATERAL, only slower)."""
    sparql = query.text if lateral else _without_lateral(query.text)
    sparql = _DOLLAR.sub(lambda m: str(bindings[m.group(1)]) if m.group(1) in bindings else m.group(0), sparql)
    if query.months is None:
        return sparql
    first, last = (date.fromisoformat(bindings[p].value) for p in query.months)
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
        return sparql
    terms = " ".join(f'"{m}"^^<{XSD}gYearMonth>' for m in dates.months(first, last))
    return opening_where(sparql, f"\n  VALUES ?month {{ {terms} }}")


def opening_where(sparql: str, block: str) -> str:
    """`sparql` with `block` (a VALUES block) opening its WHERE clause, so that every pattern and
    FILTER there sees its values."""
    where = _WHERE.search(sparql)
    if where is None:
        raise BadQuery("a query with parameters needs a WHERE clause")
    return sparql[: where.end()] + block + sparql[where.end():]


def _without_lateral(sparql: str) -> str:
    """`LATERAL { P }` replaced by `P .` (the canned queries write no braces inside strings): not
    by the group `{ P }`, which for `P` = `OPTIONAL { X }` would join X's every answer rather than
    extend each row; the dot parts `P` from triples that follow it. A subquery keeps its braces:
    joined on what it projects, it answers as it did for each row."""
    while m := _LATERAL.search(sparql):
        depth, end = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(sparql[end], 0)
            end += 1
        inner = sparql[m.end():end - 1].strip()
        if inner.upper().startswith("SELECT"):
            inner = "{ " + inner + " }"
        sparql = sparql[:m.start()] + inner + ("" if inner.endswith(".") else " .") + sparql[end:]
    return sparql


def run(store: GraphStore, name: str, values: dict[str, str]) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run the canned query `name` with the parameter values given (strings, as from a URL)."""
    query = get(name)
    bindings = bind(query, values)
    return store.query(text(query, bindings, lateral=isinstance(store, GraphStore)), bindings=bindings)
