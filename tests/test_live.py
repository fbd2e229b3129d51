"""Against a real `kg serve` on 127.0.0.1: the endpoint checker and real SPARQL clients."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from conftest import PAGES, SHARED

KG = Path(sys.executable).with_name("kg")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("live") / "store"
    subprocess.run([str(KG), "ingest", "--store", str(store), str(PAGES)], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([str(KG), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(100):  # up to 10 s to start
            try:
                requests.get(url, timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(not (SHARED / "tools" / "check_endpoint.py").exists(), reason="../shared/tools is not beside the project")
def test_the_protocol_checks_all_pass(endpoint):
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "check_endpoint.py"), endpoint, "--only", "protocol"],
                            capture_output=True, text=True, timeout=300)
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " 0 failed" in result.stdout.splitlines()[-1]


def test_sparqlwrapper_reads_results(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery("PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT ?n WHERE { ?p a gk:Official ; gk:name ?n }")
    client.setReturnFormat(JSON)
    names = {b["n"]["value"] for b in client.query().convert()["results"]["bindings"]}
    assert {"林向东", "宋明远", "韩佳宁"} <= names


def test_rdflib_sparqlstore_reads_a_graph(endpoint):
    from rdflib import Graph, Literal
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.vocab import GK

    remote = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = list(remote.query("SELECT ?p WHERE { ?p <https://w3id.org/govkg/ontology#name> '林向东' }"))
    assert len(rows) == 1
    assert (rows[0][0], GK.name, Literal("林向东")) in remote
