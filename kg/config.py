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
    Setting("base", DEFAULT_BASE, "Namespace of the resources' IRIs (KG_BASE)."),
)
_ENV = {"store": "KG_STORE", "endpoint": "KG_SPARQL_ENDPOINT", "base": "KG_BASE"}


@dataclass(frozen=True)
class Settings:
    store: str | None = None
    endpoint: str | None = None
    base: str = DEFAULT_BASE

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then `KG_*` variables from `env` (the process environment by default), then
        the overrides that are not None (CLI flags)."""
        env = os.environ if env is None else env
        values = {s.name: s.default for s in SETTINGS}
        values.update({name: env[var] for name, var in _ENV.items() if env.get(var)})
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})
