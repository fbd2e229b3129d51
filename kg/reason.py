"""OWL RL reasoning, one article graph at a time, with the ontology compiled once by owlrl.

owlrl's closure costs ~0.3 s for each article graph (it re-derives the ontology's own closure
every time and tries every OWL RL rule on every triple). The ontology does not change between
articles, so owlrl closes it once; what its closure says — each class's superclasses, each
property's superproperties, inverses, domains and ranges, and the someValuesFrom restrictions
(holding an official post makes an Official) — is compiled into tables, and each article's
triples are run through those rules to a fixpoint. That is the same OWL RL entailment for the
constructs the ontology uses (the tests check it equals owlrl's full closure on every sample
page); a construct the compiler does not know stops it by name rather than being ignored.

The result is stored beside each article graph (`<article>/inferred`): every rule the ontology
triggers joins triples of one article only, so the closure per article equals the closure of the
whole graph, and its cost does not grow with the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import owlrl
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.vocab import ONTOLOGY_FILE, Triple, Triples

_TYPE = RDF.type
# Tested as `p in _IS_TYPE`: a set compares by hash and identity, where `p == _TYPE` runs
# rdflib's Python-level __eq__ on every triple.
_IS_TYPE = frozenset({_TYPE})
# Entailments that say nothing about the data: every resource is a Thing, equal to itself.
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
# Annotations entail nothing about the data.
_ANNOTATIONS = {RDFS.label, RDFS.comment, OWL.versionInfo}
# Class and property constructs whose OWL RL rules read more than the tables below hold.
_UNSUPPORTED = {OWL.TransitiveProperty, OWL.SymmetricProperty, OWL.FunctionalProperty,
                OWL.InverseFunctionalProperty, OWL.propertyChainAxiom, OWL.hasKey, OWL.hasValue,
                OWL.allValuesFrom, OWL.intersectionOf, OWL.unionOf, OWL.oneOf, OWL.sameAs,
                OWL.maxCardinality, OWL.maxQualifiedCardinality}


@lru_cache(maxsize=4)
def ontology(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology's axioms as an rdflib graph (read once per process), without annotations."""
    full = Graph().parse(path, format="turtle")
    axioms = Graph()
    for triple in full:
        if triple[1] not in _ANNOTATIONS:
            axioms.add(triple)
    return axioms


@dataclass(frozen=True)
class Schema:
    """The ontology's OWL RL closure as lookup tables."""

    superclasses: dict[Node, frozenset[Node]]
    superproperties: dict[Node, frozenset[Node]]
    inverses: dict[Node, frozenset[Node]]
    domains: dict[Node, frozenset[Node]]
    ranges: dict[Node, frozenset[Node]]
    some_values: dict[Node, tuple[tuple[Node, Node], ...]]  # property → ((filler class, class entailed), …)
    by_filler: dict[Node, tuple[tuple[Node, Node], ...]]  # filler class → ((property, class entailed), …)

    @cached_property
    def triggers(self) -> tuple[dict[Node, tuple], dict[Node, tuple]]:
        """The rules by what triggers them, where they entail something: a class (its superclasses,
        its restrictions as a filler), or a property (superproperties, domains, inverses, ranges,
        restrictions on it)."""
        by_class = {c: (self.superclasses.get(c, ()), self.by_filler.get(c, ()))
                    for c in set(self.superclasses) | set(self.by_filler)}
        by_property = {p: (self.superproperties.get(p, ()), self.domains.get(p, ()), self.inverses.get(p, ()),
                           self.ranges.get(p, ()), self.some_values.get(p, ()))
                       for p in set(self.superproperties) | set(self.domains) | set(self.inverses)
                       | set(self.ranges) | set(self.some_values)}
        return ({c: rules for c, rules in by_class.items() if any(rules)},
                {p: rules for p, rules in by_property.items() if any(rules)})


@lru_cache(maxsize=4)
def schema(path: Path = ONTOLOGY_FILE) -> Schema:
    """Close the ontology with owlrl once and read its rules off the closure."""
    tbox = Graph()
    tbox += ontology(path)
    for construct in _UNSUPPORTED:
        if (None, construct, None) in tbox or (None, RDF.type, construct) in tbox:
            raise NotImplementedError(f"the ontology uses {construct}, which kg.reason does not compile")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(tbox)

    def table(predicate: URIRef) -> dict[Node, frozenset[Node]]:
        out: dict[Node, set[Node]] = defaultdict(set)
        for s, o in tbox.subject_objects(predicate):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                out[s].add(o)
        return {k: frozenset(v) for k, v in out.items()}

    inverses: dict[Node, set[Node]] = defaultdict(set)
    for a, b in tbox.subject_objects(OWL.inverseOf):
        inverses[a].add(b)
        inverses[b].add(a)
    superclasses = table(RDFS.subClassOf)
    some_values: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    by_filler: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for restriction in tbox.subjects(OWL.someValuesFrom, None):
        if not isinstance(restriction, BNode):
            continue
        prop, filler = tbox.value(restriction, OWL.onProperty), tbox.value(restriction, OWL.someValuesFrom)
        for entailed in tbox.objects(restriction, RDFS.subClassOf):
            if isinstance(entailed, URIRef) and entailed not in _TRIVIAL_TYPES:
                some_values[prop].append((filler, entailed))
                by_filler[filler].append((prop, entailed))
    return Schema(superclasses, table(RDFS.subPropertyOf), {k: frozenset(v) for k, v in inverses.items()},
                  table(RDFS.domain), table(RDFS.range), {k: tuple(v) for k, v in some_values.items()},
                  {k: tuple(v) for k, v in by_filler.items()})


def closure(asserted: Iterable[Triple], base: str) -> Triples:
    """What OWL RL entails about the resources of `asserted` (those under `base`) beyond what it says."""
    rules = schema()
    by_class, by_property = rules.triggers
    given = asserted if isinstance(asserted, (set, frozenset)) else set(asserted)
    facts: set[tuple[Node, Node, Node]] = set(given)
    restricted = rules.some_values  # the properties of someValuesFrom restrictions
    types: dict[Node, set[Node]] = defaultdict(set)  # resource → its classes
    subjects: dict[tuple[Node, Node], set[Node]] = defaultdict(set)  # (restricted property, object) → subjects
    for s, p, o in facts:
        if p in _IS_TYPE:
            types[s].add(o)
        elif p in restricted:
            subjects[(p, o)].add(s)
    # Only triples some rule reads go on the agenda: most (names, offsets, sentences) trigger none.
    agenda = [t for t in facts if (t[2] in by_class if t[1] in _IS_TYPE else t[1] in by_property)]
    while agenda:
        s, p, o = agenda.pop()
        found: list[tuple[Node, Node, Node]] = []
        if p in _IS_TYPE:
            superclasses, fillers = by_class[o]
            found += [(s, _TYPE, c) for c in superclasses]
            found += [(x, _TYPE, entailed) for prop, entailed in fillers
                      for x in subjects.get((prop, s), ())]  # cls-svf1, from the filler's side
        else:
            superproperties, domains, inverses, ranges, some_values = by_property[p]
            found += [(s, q, o) for q in superproperties]
            found += [(s, _TYPE, c) for c in domains]
            if not isinstance(o, Literal):
                found += [(o, q, s) for q in inverses]
                found += [(o, _TYPE, c) for c in ranges]
            if some_values:
                found += [(s, _TYPE, entailed) for filler, entailed in some_values
                          if filler in types.get(o, ())]  # cls-svf1, from the property's side
        for triple in found:
            if triple not in facts:
                facts.add(triple)
                ts, tp, to = triple
                if tp in _IS_TYPE:
                    types[ts].add(to)
                    if to in by_class:
                        agenda.append(triple)
                else:
                    if tp in restricted:
                        subjects[(tp, to)].add(ts)
                    if tp in by_property:
                        agenda.append(triple)
    return {(s, p, o) for s, p, o in facts - given
            if isinstance(s, URIRef) and s.startswith(base)
            and not (p in _IS_TYPE and (o in _TRIVIAL_TYPES or not isinstance(o, URIRef)))}
