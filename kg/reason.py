"""OWL RL reasoning with owlrl, one article graph at a time.

owlrl's closure is quadratic in practice over a whole graph, so it runs on each article graph
together with the ontology and the result is stored beside that graph (`<article>/inferred`). The
cost per article stays the same however large the store grows. This equals the closure of the
whole graph because every rule the ontology triggers joins ABox triples of one article only:
subclass, subproperty, domain, range and inverse each read one triple, and "holds an official post
⇒ Official" (cls-svf1) reads a person's post and that post's class, which are emitted together in
each article that names them. The tests check the equality on a small graph.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import owlrl
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.vocab import ONTOLOGY_FILE

# Entailments that say nothing about the data: every resource is a Thing, equal to itself.
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}


# Annotations entail nothing about the data; leaving them out of the closure's input makes each
# article's closure cheaper without changing what it derives about the article's resources.
_ANNOTATIONS = {RDFS.label, RDFS.comment, OWL.versionInfo}


@lru_cache(maxsize=4)
def ontology(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology's axioms as an rdflib graph (read once per process), without annotations."""
    full = Graph().parse(path, format="turtle")
    axioms = Graph()
    for triple in full:
        if triple[1] not in _ANNOTATIONS:
            axioms.add(triple)
    return axioms


def closure(asserted: Graph, base: str, tbox: Graph | None = None) -> Graph:
    """What OWL RL entails about the resources of `asserted` (those under `base`) beyond what it says."""
    tbox = ontology() if tbox is None else tbox
    work = Graph()
    work += tbox
    work += asserted
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(work)
    inferred = Graph()
    for s, p, o in work:
        if not (isinstance(s, URIRef) and str(s).startswith(base)):
            continue
        if p == OWL.sameAs or (p == RDF.type and (o in _TRIVIAL_TYPES or not isinstance(o, URIRef))):
            continue
        if (s, p, o) not in asserted:
            inferred.add((s, p, o))
    return inferred
