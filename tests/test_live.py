"""Against a real `kg serve` on 127.0.0.1: the endpoint checker and real SPARQL clients."""
from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
import requests

from conftest import ANNOTATED, KG, LIVE_TIMEOUT_S, PAGES, SHARED, cpu_seconds_of_children, serving


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


@pytest.mark.skipif(not (SHARED / "tools" / "check_endpoint.py").exists(), reason="../shared/tools is not beside the project")
def test_the_security_checks_all_pass_with_a_runaway_query_stopped(live_server):
    endpoint = live_server + "/sparql"
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "check_endpoint.py"), endpoint, "--only", "security",
                             "--timeout", str(LIVE_TIMEOUT_S)], capture_output=True, text=True, timeout=300)
    print(result.stdout)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "PASS  sec_heavy_query_bounded" in result.stdout and "PASS  sec_liveness_during_heavy_query" in result.stdout


def test_a_page_ingested_while_serving_is_seen_whole_once_published(tmp_path):
    """An ingest runs beside the server (the server never holds the database); readers see the
    store as it was at a publish: counts of articles are always sums of whole pages."""
    store = tmp_path / "store"
    subprocess.run([str(KG), "ingest", "--store", str(store), str(PAGES)], check=True, capture_output=True)
    pages = sorted(ANNOTATED.glob("*.txt"))
    per_page = [len(json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["articles"]) for p in pages]
    count = "PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a gk:Article }"
    with serving(store) as served:
        def articles() -> int:
            response = requests.get(served.url + "/sparql", params={"query": count}, timeout=10,
                                    headers={"Accept": "application/sparql-results+json"})
            assert response.status_code == 200, response.text
            return int(response.json()["results"]["bindings"][0]["n"]["value"])

        before = articles()
        ingest = subprocess.Popen([str(KG), "ingest", "--store", str(store), *map(str, pages)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seen = []
        while ingest.poll() is None:
            seen.append(articles())
            time.sleep(0.05)
        assert ingest.returncode == 0, ingest.stderr.read().decode()
        after = articles()
    whole = {before + sum(per_page[:k]) for k in range(len(pages) + 1)}
    assert set(seen) <= whole and seen
    assert after == before + sum(per_page)


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


def test_a_runaway_query_stops_when_its_client_hangs_up(tmp_path):
    store = tmp_path / "store"
    subprocess.run([str(KG), "ingest", "--store", str(store), str(PAGES)], check=True, capture_output=True)
    with serving(store, timeout_s=600) as served:  # a limit far away: only the hang-up can stop it
        idle = cpu_seconds_of_children(served.pid)
        with pytest.raises(requests.Timeout):
            requests.post(served.url + "/sparql", data={"query": HEAVY}, timeout=2)
        working = cpu_seconds_of_children(served.pid)
        busy = max(working, key=lambda pid: working[pid] - idle.get(pid, 0.0))  # the worker on the query
        assert working[busy] - idle.get(busy, 0.0) > 0.5
        time.sleep(1.5)  # the server looks every 0.25 s
        before = cpu_seconds_of_children(served.pid)
        time.sleep(1.0)
        after = cpu_seconds_of_children(served.pid)
    assert busy not in after or after[busy] - before[busy] < 0.2, "the worker kept working after its client left"
