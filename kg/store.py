"""Open the graph store and write pages into it atomically.

The embedded store is Oxigraph (pyoxigraph) on disk: it loads hundreds of thousands of triples a
second at ~80 bytes a triple and answers lookups in milliseconds at a million triples, where
rdflib's in-memory store needs ten times the memory. Stages build sets of rdflib-term triples;
this module converts them at the boundary.

A page is written whole or not at all. Pages new to the store are gathered and written a batch at
a time by Oxigraph's bulk loader, three to four times faster than its transactions, while the
next pages are built: a batch under the loader's own batch size (a million quads) is one atomic
RocksDB ingest of every index's files at once. A page ingested before goes in by one SPARQL Update
(one transaction) that drops the graphs its previous ingest wrote and inserts the new ones. A
reader or a crash sees the old page or the new one, never half of either; pages gathered but not
yet written are simply not there, and a re-run writes them.

The store's default graph is kept equal to the RDF merge of all named graphs, in the same
transaction. Oxigraph's own "union default graph" repeats a triple once per graph that holds it
(an entity's name stands in every article naming it), which would make COUNTs and rows wrong.

A store directory holds the database (`db/`, opened read-write by one process at a time: the
ingest) and the snapshots readers use (`snapshots/`). Oxigraph cannot be read by another process
while one writes it, so an ingest publishes what it has written as a checkpoint of the database
(hard links to its immutable files: cheap) and names it in `snapshots/CURRENT` with an atomic
rename; servers open the current snapshot read-only and move to a newer one when it is named. A
reader therefore sees the store as it was at a publish — whole pages, never part of one.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.config import Settings

if TYPE_CHECKING:
    from kg.remote import RemoteStore
from kg.errors import StoreUnavailable
from kg.vocab import DERIVED_SUFFIX, GK, INFERRED_SUFFIX, PREFIXES, Triple

FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
# Formats without named graphs get the union of all graphs.
GRAPHLESS = {"turtle", "ntriples"}


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as the equivalent pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


@dataclass
class Rendered:
    """Named graphs as N-Triples lines: what a page's write needs, cheap to send between processes."""

    graphs: list[tuple[str, list[str]]]


def render(graphs: Iterable[tuple[URIRef, Iterable[Triple]]]) -> Rendered:
    written: dict[Node, str] = {}  # a page names the same few hundred terms thousands of times

    def nt(term: Node) -> str:
        text = written.get(term)
        if text is None:
            text = written[term] = str(to_ox(term))
        return text

    return Rendered([(str(name), [f"{nt(s)} {nt(p)} {nt(o)} ." for s, p, o in graph]) for name, graph in graphs])


def in_merge(block: str, merged: str | None) -> str:
    """`block` (triples, or a pattern) as written into the merge of all named graphs: the default
    graph, or the named graph `merged` on a server whose default graph is the union of all graphs."""
    return f"GRAPH <{merged}> {{ {block} }}" if merged else block


def page_update(previous: list[str], rendered: Rendered, merged: str | None = None) -> tuple[str, int]:
    """The one SPARQL Update that replaces a page's `previous` graphs by `rendered` and keeps the
    merge of all named graphs (in the default graph, or in the named graph `merged` on a server
    whose default graph is the union of all graphs); and the triples it writes. A page new to the
    store (no `previous` graphs) is only inserted."""
    ops = []
    if previous:
        old = " ".join(f"<{g}>" for g in previous)
        others = old.replace("> <", ">, <") + (f", <{merged}>" if merged else "")
        # Triples that only the old graphs hold leave the merge with them.
        ops.append(f"""DELETE {{ {in_merge("?s ?p ?o", merged)} }} WHERE {{
        VALUES ?g {{ {old} }} GRAPH ?g {{ ?s ?p ?o }}
        FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h NOT IN ({others})) }} }}""")
        ops += [f"DROP SILENT GRAPH {g}" for g in old.split()]
    blocks, merge, count = [], set(), 0
    for name, lines in rendered.graphs:
        if lines:
            blocks.append(f"GRAPH <{name}> {{\n" + "\n".join(lines) + "\n}")
            merge.update(lines)
            count += len(lines)
    if blocks:
        ops.append("INSERT DATA {\n" + "\n".join(blocks) + "\n" + in_merge("\n".join(sorted(merge)) + "\n", merged) + "\n}")
    return " ;\n".join(ops), count


def page_quads(rendered: Rendered) -> tuple[bytes, int]:
    """A page's graphs as N-Quads, with each triple once more in the default graph; and the
    triples of its graphs."""
    lines, merged, count = [], set(), 0
    for name, triples in rendered.graphs:
        lines += [f"{t[:-1]}<{name}> ." for t in triples]
        merged.update(triples)
        count += len(triples)
    return "\n".join(lines + sorted(merged)).encode("utf-8"), count


def page_graphs_query(page: URIRef, merged: str | None = None) -> str:
    """The named graphs that the last ingest of `page` wrote (its own record, its articles'), as a
    query: ?g, never the graph `merged`, which holds the page's triples too. No answer: a page the
    store does not hold."""
    other = f" FILTER (?g != <{merged}>)" if merged else ""
    return (f"SELECT DISTINCT ?g WHERE {{ {{ VALUES ?g {{ <{page}> }} GRAPH ?g {{ ?s ?p ?o }} }} UNION "
            f"{{ GRAPH ?g {{ ?a <{GK.onPage}> <{page}> }} }}{other} }}")


def with_inferred(page: URIRef, graphs: list[str]) -> list[str]:
    """`graphs` (a page's record and its articles') and the entailments of each article's graph."""
    return graphs + [g + INFERRED_SUFFIX for g in graphs if g != str(page)]


SNAPSHOTS_KEPT = 3  # a reader still finishing a query on an older snapshot keeps it


class _Batches:
    """New pages' N-Quads, gathered and bulk-loaded a batch at a time in a background thread (the
    loader releases the GIL: the next pages are built meanwhile). Each batch stays far under the
    million quads at which the loader would split it into several ingests, no longer atomic."""

    QUADS = 100_000  # big enough that the loader's cost per call fades

    def __init__(self, store: ox.Store) -> None:
        self._store = store
        self._gathered: list[bytes] = []
        self._gathered_pages: set[str] = set()
        self._quads = 0
        self._writing: threading.Thread | None = None
        self._writing_pages: set[str] = set()
        self._failed: BaseException | None = None

    def add(self, page: str, nquads: bytes) -> None:
        self._gathered.append(nquads)
        self._gathered_pages.add(page)
        self._quads += nquads.count(b"\n") + 1
        if self._quads >= self.QUADS:
            self._start()

    def holds(self, page: str) -> bool:
        """Whether `page` is gathered or being written (so the store cannot answer for it yet)."""
        return page in self._gathered_pages or page in self._writing_pages

    def settle(self) -> None:
        """Return once everything gathered is in the store."""
        self._start()
        self._wait()

    def _start(self) -> None:
        self._wait()
        if not self._gathered:
            return
        data = b"\n".join(self._gathered)
        self._writing_pages = self._gathered_pages
        self._gathered, self._gathered_pages, self._quads = [], set(), 0
        self._writing = threading.Thread(target=self._load, args=(data,), name="kg-bulk-load", daemon=True)
        self._writing.start()

    def _load(self, data: bytes) -> None:
        try:
            # lenient: no second validation of what render() wrote through Oxigraph's own terms
            # (graph names are IRIs of those terms too); a tenth of the load's CPU
            self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
        except BaseException as exc:  # raised again in the ingest's own thread, at its next step
            self._failed = exc

    def _wait(self) -> None:
        if self._writing is not None:
            self._writing.join()
            self._writing, self._writing_pages = None, set()
        if self._failed is not None:
            failed, self._failed = self._failed, None
            raise StoreUnavailable(f"could not write pages to the store: {failed}") from failed


class GraphStore:
    """The embedded store. `GraphStore(None)` is in memory (tests); a directory is persistent,
    opened for writing; `GraphStore.read_only(dir)` opens a published snapshot."""

    merged = None  # the merge of all named graphs is the default graph itself

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path / "db"))
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the store at {path} for writing: {exc}") from exc
        self._batches = _Batches(self._store)

    @classmethod
    def read_only(cls, snapshot: Path) -> GraphStore:
        """A published snapshot, for reading."""
        store = cls.__new__(cls)
        store.path = None
        try:
            store._store = ox.Store.read_only(str(snapshot))
        except OSError as exc:
            raise StoreUnavailable(f"cannot open the snapshot {snapshot}: {exc}") from exc
        store._batches = _Batches(store._store)
        return store

    @property
    def persistent(self) -> bool:
        """Whether this is a store directory opened for writing (it has snapshots to publish)."""
        return self.path is not None

    def publish(self) -> Path:
        """Make everything written so far what readers see; returns the new snapshot."""
        if self.path is None:
            raise StoreUnavailable("only a store directory opened for writing has snapshots")
        self._batches.settle()
        folder = self.path / "snapshots"
        folder.mkdir(exist_ok=True)
        name = f"{time.time_ns():020d}"
        self._store.backup(str(folder / name))
        pointer = folder / "CURRENT.partial"
        pointer.write_text(name, encoding="ascii")
        os.replace(pointer, folder / "CURRENT")
        old = sorted(p for p in folder.iterdir() if p.is_dir() and p.name != name)
        for stale in old[: max(0, len(old) - (SNAPSHOTS_KEPT - 1))]:
            shutil.rmtree(stale, ignore_errors=True)  # also what a killed publish left half-made
        return folder / name

    def page_graphs(self, page: URIRef) -> list[str]:
        """The named graphs that the last ingest of `page` wrote (its own, its articles')."""
        if self._batches.holds(str(page)):
            self._batches.settle()
        return with_inferred(page, [row[0].value for row in self._store.query(page_graphs_query(page))])

    def replace_page(self, page: URIRef, graphs: Iterable[tuple[URIRef, Iterable[Triple]]] | Rendered) -> int:
        """Replace everything a page contributed by `graphs` (sets of triples, or as `render`
        wrote them), whole or not at all; returns triples written. A page new to the store joins a
        batch written in the background: reads and other writes through this object wait for it."""
        rendered = graphs if isinstance(graphs, Rendered) else render(graphs)
        previous = self.page_graphs(page)
        if not previous:
            # A page the store does not hold yet: nothing to drop, so its quads and their copies in
            # the merged default graph join the batch for the bulk loader.
            data, count = page_quads(rendered)
            self._batches.add(str(page), data)
            return count
        update, count = page_update(previous, rendered)
        self._store.update(update)
        return count

    def update(self, sparql: str) -> None:
        """Apply a SPARQL Update in one transaction."""
        self._batches.settle()
        self._store.update(sparql)

    def query(self, sparql: str, default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              bindings: dict[str, ox.NamedNode | ox.Literal] | None = None, base_iri: str | None = None,
              ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a query. Its default graph is the merge of all graphs (articles and their entailments)
        unless `default_graphs` names some; `bindings` give variables their values without
        touching the query's text; relative IRIs resolve against `base_iri`."""
        self._batches.settle()
        options: dict = {"prefixes": PREFIXES, "base_iri": base_iri}
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if bindings:
            options["substitutions"] = {ox.Variable(k): v for k, v in bindings.items()}
        return self._store.query(sparql, **options)

    def quads(self, asserted_only: bool = False) -> Iterator[ox.Quad]:
        """The quads of the named graphs (the default graph only repeats them)."""
        self._batches.settle()
        for quad in self._store.quads_for_pattern(None, None, None, None):
            graph = quad.graph_name
            if not isinstance(graph, ox.NamedNode):
                continue
            if asserted_only and graph.value.endswith((INFERRED_SUFFIX, DERIVED_SUFFIX)):
                continue
            yield quad

    def graph(self, name: str) -> list[ox.Triple]:
        """The triples of one named graph."""
        self._batches.settle()
        return [q.triple for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(name))]

    def export(self, output: BinaryIO, fmt: str, asserted_only: bool = False) -> None:
        """Serialise the store (asserted and inferred, or asserted only) in `fmt`."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self._batches.settle()
        quads: Iterable[ox.Quad | ox.Triple] = self.quads(asserted_only)
        if fmt in GRAPHLESS:
            quads = self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        ox.serialize(quads, output, format=FORMATS[fmt], prefixes=PREFIXES if fmt != "ntriples" else None)

    def __len__(self) -> int:
        """Quads in named graphs."""
        return sum(1 for _ in self.quads())

    def graph_count(self) -> int:
        """Named graphs."""
        self._batches.settle()
        return sum(1 for _ in self._store.named_graphs())

    def flush(self) -> None:
        """Write what is gathered and make it durable."""
        self._batches.settle()
        self._store.flush()


class Snapshots:
    """What a server reads: the store's current snapshot, reopened when a newer one is published."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._name: str | None = None
        self._store: GraphStore | None = None
        self._lock = threading.Lock()

    def current(self) -> GraphStore:
        try:
            name = (self.root / "snapshots" / "CURRENT").read_text(encoding="ascii").strip()
        except FileNotFoundError:
            name = self._first_publish()
        with self._lock:
            if name != self._name:
                self._store, self._name = GraphStore.read_only(self.root / "snapshots" / name), name
            return self._store

    def _first_publish(self) -> str:
        """A store nothing was published from yet (new, or its ingest was killed before): publish it."""
        try:
            writer = GraphStore(self.root)
        except StoreUnavailable as exc:
            raise StoreUnavailable(f"{exc}; an ingest is running that has not published yet: retry when it has")
        name = writer.publish().name
        del writer
        return name


def _store_dir(settings: Settings) -> Path:
    if not settings.store:
        raise StoreUnavailable("no store given: set KG_STORE or pass --store DIR")
    return Path(settings.store)


def open_store(settings: Settings) -> GraphStore | RemoteStore:
    """The store the settings name, for writing: a SPARQL server's, or the embedded one at `settings.store`."""
    if settings.endpoint:
        from kg.remote import RemoteStore
        return RemoteStore(settings.endpoint, settings.update_endpoint, settings.query_timeout_s, settings.base,
                           settings.merged_graph)
    return GraphStore(_store_dir(settings))


def open_snapshots(settings: Settings) -> Snapshots:
    """The store the settings name, for serving while ingests write it."""
    return Snapshots(_store_dir(settings))
