"""Queries in worker processes: a runaway query is stopped at the limit, and its work with it."""
from __future__ import annotations

import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import PAGES
from kg import pipeline
from kg.errors import BadQuery, ClientGone, QueryTimeout
from kg.protocol import QueryRequest
from kg.sandbox import QueryPool
from kg.store import GraphStore
from kg.vocab import Minter

JSON = "application/sparql-results+json"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
LIMIT_S = 2.0


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> QueryPool:
    root = tmp_path_factory.mktemp("store")
    pipeline.ingest([PAGES / "qinglan_0513.txt"], GraphStore(root), Minter(),
                    manifest=pipeline.Manifest({"qinglan_0513.txt": date(2025, 5, 13)}))
    pool = QueryPool(root, workers=2, timeout_s=LIMIT_S)
    yield pool
    pool.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_a_query_is_answered_by_a_worker(pool):
    answer = pool.answer(QueryRequest("ASK { ?s ?p ?o }"), JSON, 100)
    assert answer.mime == JSON and b"true" in answer.body


def test_a_bad_query_is_the_clients_error(pool):
    with pytest.raises(BadQuery):
        pool.answer(QueryRequest("SELECT WHERE {"), JSON, 100)


def test_a_runaway_query_is_stopped_at_the_limit_and_its_process_with_it(pool):
    busy = {w.process.pid for w in pool._all}
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        pool.answer(QueryRequest(HEAVY), JSON, 100)
    took = time.monotonic() - started
    assert LIMIT_S <= took < LIMIT_S + 2
    killed = busy - {w.process.pid for w in pool._all}
    assert len(killed) == 1 and not alive(killed.pop())  # no core keeps burning on it
    assert b"true" in pool.answer(QueryRequest("ASK { ?s ?p ?o }"), JSON, 100).body  # the pool goes on


def test_cheap_queries_are_answered_while_a_runaway_one_runs(pool):
    outcome: list[BaseException] = []

    def run_heavy() -> None:
        try:
            pool.answer(QueryRequest(HEAVY), JSON, 1)
        except QueryTimeout as exc:
            outcome.append(exc)

    heavy = threading.Thread(target=run_heavy)
    heavy.start()
    time.sleep(0.3)
    answered = 0
    while heavy.is_alive():
        assert b"true" in pool.answer(QueryRequest("ASK {}"), JSON, 1).body
        answered += 1
    heavy.join()
    assert outcome and answered > 5


def test_a_query_whose_client_left_is_stopped_at_once(pool):
    busy = {w.process.pid for w in pool._all}
    left = time.monotonic() + 0.5
    with pytest.raises(ClientGone):
        pool.answer(QueryRequest(HEAVY), JSON, 100, gone=lambda: time.monotonic() > left)
    assert time.monotonic() - left < LIMIT_S / 2  # well before the time limit
    killed = busy - {w.process.pid for w in pool._all}
    assert len(killed) == 1 and not alive(killed.pop())


def test_a_pool_closed_while_a_replacement_starts_closes_cleanly(tmp_path, caplog):
    """close() right after a worker was replaced: the starting one is stopped once, no error logged."""
    pipeline.ingest([PAGES / "qinglan_0513.txt"], GraphStore(tmp_path), Minter(),
                    manifest=pipeline.Manifest({"qinglan_0513.txt": date(2025, 5, 13)}))
    pool = QueryPool(tmp_path, workers=1, timeout_s=0.5)
    with pytest.raises(QueryTimeout):
        pool.answer(QueryRequest(HEAVY), JSON, 1)  # its worker is killed, a fresh one starting
    (starting,) = pool._all
    pool.close()
    assert starting.conn.closed and not alive(starting.process.pid)
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
