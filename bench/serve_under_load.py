"""How the endpoint behaves while a runaway query runs: when the query is stopped, how fast cheap
queries from other clients are answered meanwhile, and whether any core keeps working after.

    .venv/bin/python bench/serve_under_load.py [--pages DIR] [--timeout S]

Ingests the pages into a fresh store, starts `kg serve` on 127.0.0.1 with the given query time
limit, sends the 5-way cartesian product the endpoint checker uses, and meanwhile sends cheap
queries (an ASK and a name lookup) one after another; prints a table of the figures.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
KG = Path(sys.executable).with_name("kg")
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CHEAP = {
    "ASK {}": "ASK {}",
    "name lookup": "PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT ?p WHERE { ?p gk:name ?n } LIMIT 5",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_cpu(pid: int) -> float:
    """CPU seconds used so far by the child processes of `pid`."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=HERE.parent.parent / "shared" / "seeds")
    parser.add_argument("--timeout", type=float, default=30.0, help="the server's query time limit (s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        store = Path(tmp) / "store"
        subprocess.run([str(KG), "ingest", "--store", str(store), str(args.pages)], check=True, capture_output=True)
        port = free_port()
        env = dict(os.environ, KG_QUERY_TIMEOUT_S=str(args.timeout))
        server = subprocess.Popen([str(KG), "serve", "--store", str(store), "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/sparql"
        try:
            for _ in range(300):  # until the server and its workers answer
                try:
                    requests.get(url, params={"query": "ASK {}"}, timeout=10)
                    break
                except requests.ConnectionError:
                    time.sleep(0.1)
            triples = requests.get(url, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                                   headers={"Accept": "application/sparql-results+json"}, timeout=10
                                   ).json()["results"]["bindings"][0]["n"]["value"]
            outcome: dict = {}

            def heavy() -> None:
                started = time.monotonic()
                response = requests.post(url, data={"query": HEAVY}, timeout=args.timeout + 30)
                outcome.update(status=response.status_code, seconds=time.monotonic() - started)

            runner = threading.Thread(target=heavy)
            runner.start()
            time.sleep(0.3)
            latencies: dict[str, list[float]] = {name: [] for name in CHEAP}
            session = requests.Session()
            while runner.is_alive():
                for name, query in CHEAP.items():
                    started = time.perf_counter()
                    response = session.get(url, params={"query": query}, timeout=10,
                                           headers={"Accept": "application/sparql-results+json"})
                    response.raise_for_status()
                    latencies[name].append((time.perf_counter() - started) * 1000)
                time.sleep(0.01)
            runner.join()
            time.sleep(3.0)  # the killed worker's replacement starts up (imports) meanwhile
            cpu_before = children_cpu(server.pid)
            time.sleep(2.0)
            idle_cpu = children_cpu(server.pid) - cpu_before
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"store: {args.pages} ({triples} triples); query time limit {args.timeout:g} s")
    print(f"{'figure':<48} {'value':>12}")
    print(f"{'runaway query answered (HTTP status)':<48} {outcome['status']:>12}")
    print(f"{'runaway query answered after (s)':<48} {outcome['seconds']:>12.2f}")
    for name, values in latencies.items():
        print(f"{f'{name}: queries answered meanwhile':<48} {len(values):>12}")
        print(f"{f'{name}: p50 / p99 / max (ms)':<48} "
              f"{statistics.median(values):>4.1f} / {percentile(values, 99):.1f} / {max(values):.1f}")
    print(f"{'worker CPU over 2 s, 3 s after the stop (s)':<48} {idle_cpu:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
