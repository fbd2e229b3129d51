"""Settings: one table of names, defaults and help; filled from defaults < KG_* env < CLI flags.

No other module reads the environment.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from kg.vocab import DEFAULT_BASE


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = (
    Setting("store", None, "Directory of the embedded store (KG_STORE)."),
    Setting("endpoint", None, "URL of a SPARQL 1.1 server used as the store instead (KG_SPARQL_ENDPOINT)."),
    Setting("update_endpoint", None, "URL the SPARQL server takes updates at, when not the query URL "
            "(default: …/update for a …/query URL, else the query URL) (KG_SPARQL_UPDATE_ENDPOINT)."),
    Setting("merged_graph", None, "IRI of a named graph to keep the merge of all graphs in, read as the "
            "default graph, on a SPARQL server whose default graph is the union of all graphs, as Virtuoso's "
            "is (KG_SPARQL_MERGED_GRAPH)."),
    Setting("base", DEFAULT_BASE, "Namespace of the resources' IRIs (KG_BASE)."),
    Setting("query_timeout_s", 30.0, "Seconds a SPARQL query may run before it is stopped (KG_QUERY_TIMEOUT_S)."),
    Setting("max_rows", 10000, "Rows (or triples) a query answers at most; more are cut and flagged (KG_MAX_ROWS)."),
    Setting("query_workers", 3, "Worker processes answering SPARQL queries (KG_QUERY_WORKERS)."),
)
_ENV = {"store": "KG_STORE", "endpoint": "KG_SPARQL_ENDPOINT", "update_endpoint": "KG_SPARQL_UPDATE_ENDPOINT",
        "merged_graph": "KG_SPARQL_MERGED_GRAPH", "base": "KG_BASE",
        "query_timeout_s": "KG_QUERY_TIMEOUT_S", "max_rows": "KG_MAX_ROWS", "query_workers": "KG_QUERY_WORKERS"}


@dataclass(frozen=True)
class Settings:
    store: str | None = None
    endpoint: str | None = None
    update_endpoint: str | None = None
    merged_graph: str | None = None
    base: str = DEFAULT_BASE
    query_timeout_s: float = 30.0
    max_rows: int = 10000
    query_workers: int = 3

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then `KG_*` variables from `env` (the process environment by default), then
        the overrides that are not None (CLI flags)."""
        env = os.environ if env is None else env
        values = {s.name: s.default for s in SETTINGS}
        values.update({name: env[var] for name, var in _ENV.items() if env.get(var)})
        values.update({k: v for k, v in overrides.items() if v is not None})
        out = {}
        for f in fields(cls):
            if f.name in values:
                out[f.name] = _typed(f.name, values[f.name], type(cls.__dataclass_fields__[f.name].default))
        return cls(**out)


def _typed(name: str, value: Any, kind: type) -> Any:
    """A setting's value as its default's type; a number that is not one, or not positive, is
    refused by name rather than met later as a crash."""
    if kind not in (int, float) or value is None:
        return value
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"setting {name} ({_ENV[name]}) must be a number, not {value!r}") from None
    if number <= 0:
        raise ValueError(f"setting {name} ({_ENV[name]}) must be positive, not {value!r}")
    return number
