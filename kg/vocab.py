"""The ontology's namespaces as Python names, and deterministic IRIs for resources.

IRIs are pure functions of what identifies a thing (a page's file name, an article's place on its
page, a person's name), so ingesting the same page twice, or in another process, mints the same
IRIs: that is what makes re-ingest idempotent and parallel ingest reproducible.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.term import Node



class _Namespace(Namespace):
    """A namespace that hands out one term object per name. rdflib's makes a new one at each
    `GK.name`, and sets of triples then compare equal terms with rdflib's Python-level `__eq__`
    (a third of the time of building a page); the same object compares by identity."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name)


@lru_cache(maxsize=None)
def _term(namespace: str, name: str) -> URIRef:
    return URIRef(namespace + name)


GK = _Namespace("https://w3id.org/govkg/ontology#")
PROV = _Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("http://schema.org/")
DEFAULT_BASE = "https://w3id.org/govkg/resource/"
ONTOLOGY_FILE = Path(__file__).resolve().parent.parent / "ontology" / "govkg.ttl"
INFERRED_SUFFIX = "/inferred"
DERIVED_SUFFIX = "/derived"  # the graph of aggregates over the store (kg.derive): <base>derived

# A graph as the stages build it: a plain set of rdflib-term triples. Adding to a set costs a
# fifteenth of adding to an rdflib Graph (which indexes every triple three ways and fires events),
# and nothing downstream needs the indexes: the store does the querying.
Triple = tuple[Node, Node, Node]
Triples = set[Triple]

PREFIXES = {
    "gk": str(GK),
    "prov": str(PROV),
    "org": str(ORG),
    "schema": str(SCHEMA),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}

# Characters kept as they are in an IRI path segment; everything else is percent-encoded.
_KEEP = set("-_.~·")


@lru_cache(maxsize=1 << 16)  # a page names the same people, posts and bodies again and again
def slug(text: str) -> str:
    """A readable IRI segment: letters and digits of any script kept, the rest percent-encoded."""
    if text.isascii() and text.isalnum():
        return text  # hashes and numbers: a third of the segments minted
    out = []
    for ch in text:
        if ch.isalnum() or ch in _KEEP:
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def digest(*parts: str) -> str:
    """A short stable hash of the parts, for IRIs of things that have no readable key."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


class Minter:
    """Mints resource IRIs under one base (`https://w3id.org/govkg/resource/` by default)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith("/") else base + "/"

    def iri(self, kind: str, *keys: str) -> URIRef:
        return URIRef(self.base + kind + "/" + "/".join(slug(k) for k in keys))

    def page(self, source: str) -> URIRef:
        return self.iri("page", Path(source).stem)

    def article(self, source: str, position: int) -> URIRef:
        return self.iri("article", article_key(source, position))


def article_key(source: str, position: int) -> str:
    """An article's identity: its page's file name and its place in reading order."""
    return f"{Path(source).stem}-{position}"


def inferred_graph(graph: str) -> URIRef:
    """The named graph holding what reasoning entails from the article graph `graph`."""
    return URIRef(str(graph) + INFERRED_SUFFIX)
