"""Against a real `kg serve` on 127.0.0.1: the endpoint checker and real SPARQL clients."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SHARED

@pytest.mark.skipif(not (SHARED / "tools" / "check_endpoint.py").exists(), reason="../shared/tools is not beside the project")
def test_the_protocol_checks_all_pass(live_server):
    endpoint = live_server + "/sparql"
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "check_endpoint.py"), endpoint, "--only", "protocol"],
                            capture_output=True, text=True, timeout=300)
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " 0 failed" in result.stdout.splitlines()[-1]


def test_sparqlwrapper_reads_results(live_server):
    endpoint = live_server + "/sparql"
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery("PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT ?n WHERE { ?p a gk:Official ; gk:name ?n }")
    client.setReturnFormat(JSON)
    names = {b["n"]["value"] for b in client.query().convert()["results"]["bindings"]}
    assert {"林向东", "宋明远", "韩佳宁"} <= names


def test_rdflib_sparqlstore_reads_a_graph(live_server):
    endpoint = live_server + "/sparql"
    from rdflib import Graph, Literal
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    from kg.vocab import GK

    remote = Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    rows = list(remote.query("SELECT ?p WHERE { ?p <https://w3id.org/govkg/ontology#name> '林向东' }"))
    assert len(rows) == 1
    assert (rows[0][0], GK.name, Literal("林向东")) in remote
