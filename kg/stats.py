"""Counts of what the graph holds: the `stats` canned query, plus triples and named graphs."""
from __future__ import annotations

from kg import queries
from kg.store import GraphStore


def stats(store: GraphStore) -> dict[str, int]:
    """{"Article": 17, "Person": 40, …, "graphs": 40, "triples": 12345}."""
    counts = {row["class"].value.rsplit("#", 1)[-1]: int(row["count"].value) for row in queries.run(store, "stats", {})}
    counts["graphs"] = store.graph_count()
    counts["triples"] = len(store)
    return counts
