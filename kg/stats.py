"""Counts of what the graph holds, by class, plus triples and named graphs."""
from __future__ import annotations

from kg.store import GraphStore

COUNTED = ("Page", "Article", "Person", "Official", "Post", "Organization", "Enterprise",
           "GovernmentBody", "Meeting", "Project", "Document", "Evidence")


def stats(store: GraphStore) -> dict[str, int]:
    """{"Article": 17, "Person": 40, …, "triples": 12345, "graphs": 40}."""
    values = " ".join(f"gk:{name}" for name in COUNTED)
    query = f"""SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {{
        VALUES ?class {{ {values} }} ?x a ?class }} GROUP BY ?class"""
    counts = {name: 0 for name in COUNTED}
    for row in store.query(query):
        counts[row["class"].value.rsplit("#", 1)[-1]] = int(row["n"].value)
    counts["graphs"] = int(next(iter(store.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g {} }")))["n"].value)
    counts["triples"] = len(store)
    return counts
