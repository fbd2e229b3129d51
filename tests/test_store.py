"""Snapshots: what servers read while an ingest writes, and the settings that bound queries."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.config import Settings
from kg.errors import StoreUnavailable
from kg.store import SNAPSHOTS_KEPT, GraphStore, Snapshots

PAGE = URIRef("https://w3id.org/govkg/resource/page/p")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def one_triple(value: str) -> list[tuple[URIRef, Graph]]:
    graph = Graph()
    graph.add((PAGE, URIRef("https://w3id.org/govkg/ontology#name"), Literal(value)))
    return [(PAGE, graph)]


def count(store: GraphStore) -> int:
    return int(next(iter(store.query(COUNT)))["n"].value)


def test_readers_see_what_was_published_and_not_what_was_written_since(tmp_path: Path):
    writer = GraphStore(tmp_path)
    writer.replace_page(PAGE, one_triple("a"))
    writer.publish()
    readers = Snapshots(tmp_path)
    assert count(readers.current()) == 1
    other = URIRef("https://w3id.org/govkg/resource/page/q")
    graph = Graph()
    graph.add((other, URIRef("https://w3id.org/govkg/ontology#name"), Literal("b")))
    writer.replace_page(other, [(other, graph)])
    assert count(readers.current()) == 1  # written, not yet published
    writer.publish()
    assert count(readers.current()) == 2


def test_a_store_never_published_is_published_on_first_read(tmp_path: Path):
    writer = GraphStore(tmp_path)
    writer.replace_page(PAGE, one_triple("a"))
    writer.flush()
    del writer  # an ingest killed after writing, before it published
    assert count(Snapshots(tmp_path).current()) == 1


def test_a_new_page_waiting_for_the_bulk_loader_is_read_back_and_replaced_in_order():
    store = GraphStore(None)
    store.replace_page(PAGE, one_triple("a"))  # new to the store: gathered for a bulk write
    assert [str(t.object.value) for t in store.graph(str(PAGE))] == ["a"]
    store.replace_page(PAGE, one_triple("a"))
    store.replace_page(PAGE, one_triple("b"))  # held by the store now: replaced in one update
    assert [str(t.object.value) for t in store.graph(str(PAGE))] == ["b"]
    merged = [str(r["o"].value) for r in store.query("SELECT ?o WHERE { ?s ?p ?o }")]
    assert merged == ["b"]  # the default graph follows, without the old value
    store.replace_page(PAGE, one_triple("c"))
    store.replace_page(PAGE, one_triple("d"))  # before anything read it back
    assert [str(t.object.value) for t in store.graph(str(PAGE))] == ["d"]


def test_a_failed_bulk_write_is_raised_by_name_at_the_next_step():
    class Full:
        def bulk_load(self, *_args, **_kwargs):
            raise OSError("No space left on device")

    store = GraphStore(None)
    store._batches._store = Full()
    store.replace_page(PAGE, one_triple("a"))
    with pytest.raises(StoreUnavailable, match="could not write pages to the store: No space left"):
        store.flush()


def test_a_store_being_written_and_never_published_is_refused_by_name(tmp_path: Path):
    writer = GraphStore(tmp_path)  # holds the database
    with pytest.raises(StoreUnavailable, match="ingest is running"):
        Snapshots(tmp_path).current()
    del writer


def test_old_snapshots_are_removed_and_half_made_ones_cleaned(tmp_path: Path):
    writer = GraphStore(tmp_path)
    (tmp_path / "snapshots" / "00000000000000000001").mkdir(parents=True)  # a killed publish's leftovers
    for value in "abcde":
        writer.replace_page(PAGE, one_triple(value))
        latest = writer.publish()
    kept = sorted(p.name for p in (tmp_path / "snapshots").iterdir() if p.is_dir())
    assert len(kept) == SNAPSHOTS_KEPT and kept[-1] == latest.name
    assert (tmp_path / "snapshots" / "CURRENT").read_text() == latest.name


@pytest.mark.parametrize("env, message", [
    ({"KG_QUERY_TIMEOUT_S": "soon"}, "KG_QUERY_TIMEOUT_S"),
    ({"KG_MAX_ROWS": "0"}, "must be positive"),
    ({"KG_QUERY_WORKERS": "-2"}, "KG_QUERY_WORKERS"),
])
def test_bad_limits_are_refused_by_name(env, message):
    with pytest.raises(ValueError, match=message):
        Settings.load(env)


def test_limits_come_from_the_environment():
    settings = Settings.load({"KG_QUERY_TIMEOUT_S": "2.5", "KG_MAX_ROWS": "50", "KG_QUERY_WORKERS": "4"})
    assert (settings.query_timeout_s, settings.max_rows, settings.query_workers) == (2.5, 50, 4)
