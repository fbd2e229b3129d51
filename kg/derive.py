"""Aggregates kept ready in the store, recomputed whenever an ingest publishes.

Some questions are aggregations over the whole archive — which officials are seen together, and
how often — and cost seconds at millions of triples if counted at each request. They are counted
once per ingest instead, by one SPARQL Update that replaces the graph `<base>derived` (and its
copy in the merged default graph) with the current counts, in the same store and so the same
transaction safety. Each count is a `gk:CoAttendance`: two `gk:member` officials and the number
of events both attended (`gk:sharedEvents`); the members are also named in the order of their IRIs
(`gk:firstMember`, `gk:secondMember`), so that a query reads a pair once, by two lookups, instead of
pairing its members both ways and dropping one (three times faster for the thousand top pairs).

    store.update(derive.update(minter.base))
"""
from __future__ import annotations

from kg.store import in_merge
from kg.vocab import DERIVED_SUFFIX


def graph(base: str) -> str:
    """The named graph holding the aggregates."""
    return base.rstrip("/") + DERIVED_SUFFIX


def update(base: str, merged: str | None = None) -> str:
    """The SPARQL Update recomputing the aggregates of a store whose resources are under `base`,
    whose merge of all graphs is the default graph or, on a server whose default graph is the
    union of all graphs, the named graph `merged`."""
    derived = graph(base)
    pairs = "?pair a gk:CoAttendance ; gk:member ?a , ?b ; gk:firstMember ?a ; gk:secondMember ?b ; gk:sharedEvents ?events ."
    reading = f"USING <{merged}>\n" if merged else ""
    return f"""PREFIX gk: <https://w3id.org/govkg/ontology#>
DELETE {{ {in_merge("?s ?p ?o", merged)} }} WHERE {{ GRAPH <{derived}> {{ ?s ?p ?o }} }} ;
DROP SILENT GRAPH <{derived}> ;
INSERT {{
  GRAPH <{derived}> {{ {pairs} }}
  {in_merge(pairs, merged)}
}} {reading}WHERE {{
  {{ SELECT ?a ?b (COUNT(DISTINCT ?meeting) AS ?events) WHERE {{
      ?meeting gk:attendedBy ?a , ?b .
      FILTER (STR(?a) < STR(?b))
      ?a a gk:Official . ?b a gk:Official .
  }} GROUP BY ?a ?b }}
  BIND (IRI(CONCAT("{base}co-attendance/", SUBSTR(SHA1(CONCAT(STR(?a), " ", STR(?b))), 1, 16))) AS ?pair)
}}"""
