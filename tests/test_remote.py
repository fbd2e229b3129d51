"""A real SPARQL server as the store: the same commands, the same graph, the same answers."""
from __future__ import annotations

import io
import os
import subprocess
import time

import requests

from conftest import ANNOTATED, KG, PAGES, free_port
from kg.remote import RemoteStore
from kg.store import GraphStore


def kg(*args: str, endpoint: str | None = None, store: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    if endpoint:
        env["KG_SPARQL_ENDPOINT"] = endpoint
    if store:
        env["KG_STORE"] = store
    return subprocess.run([str(KG), *args], env=env, capture_output=True, text=True, timeout=300)


def sorted_lines(data: bytes) -> list[bytes]:
    return sorted(line for line in data.splitlines() if line.strip())


def test_ingest_to_a_sparql_server_writes_the_graph_the_embedded_store_holds(oxigraph_server, tmp_path):
    pages = [str(PAGES), str(ANNOTATED)]
    assert kg("ingest", *pages, endpoint=oxigraph_server).returncode == 0
    assert kg("ingest", *pages, store=str(tmp_path / "embedded")).returncode == 0
    remote = kg("export", "--format", "nquads", "-o", str(tmp_path / "remote.nq"), endpoint=oxigraph_server)
    assert remote.returncode == 0, remote.stderr
    out = io.BytesIO()
    GraphStore(tmp_path / "embedded").export(out, "nquads")
    assert sorted_lines((tmp_path / "remote.nq").read_bytes()) == sorted_lines(out.getvalue())


def test_a_page_ingested_again_is_replaced_not_doubled(oxigraph_server):
    page = str(PAGES / "qinglan_0513.txt")
    kg("ingest", page, endpoint=oxigraph_server)
    before = len(RemoteStore(oxigraph_server))
    assert kg("ingest", page, endpoint=oxigraph_server).returncode == 0
    assert len(RemoteStore(oxigraph_server)) == before > 100
    default = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    merged = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    store = RemoteStore(oxigraph_server)
    assert next(iter(store.query(default)))["n"] == next(iter(store.query(merged)))["n"]  # the merge, kept


def test_serving_from_a_sparql_server_answers_like_the_embedded_store(oxigraph_server):
    kg("ingest", str(PAGES), endpoint=oxigraph_server)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env["KG_SPARQL_ENDPOINT"] = oxigraph_server
    server = subprocess.Popen([str(KG), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                requests.get(url + "/sparql", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        found = requests.get(url + "/queries/search", params={"q": "林向"}, timeout=30).json()
        assert "林向东" in {row["label"] for row in found["rows"]}
        held = requests.get(url + "/queries/person_posts", params={"person": "林向东"}, timeout=30).json()
        assert "市委书记" in {row["title"] for row in held["rows"]}
        ask = requests.get(url + "/sparql", params={"query": "ASK { ?p gk:name '宋明远' }"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert ask.json()["boolean"] is True
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_an_unreachable_server_is_named_in_the_error(tmp_path):
    result = kg("ingest", str(PAGES), endpoint=f"http://127.0.0.1:{free_port()}/query")
    assert result.returncode != 0 and "cannot be reached" in result.stderr
