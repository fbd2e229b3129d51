"""How govkg's cost grows: ingest throughput, reasoning per article, store size and memory per
triple, and each canned query's latency at growing store sizes — direct on the store, through
`/queries` over HTTP, and (at the middle size) the same SPARQL on rdflib's in-memory store.

    .venv/bin/python bench/scale.py [--sizes 100000,1000000] [--runs 15]

Pages come from bench/synth.py (seeded, so runs compare). Each size is reached by ingesting
more synthetic pages with all cores; the table prints each measured figure beside its target.
"""
from __future__ import annotations

import argparse
import http.client
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from datetime import date
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

from kg import build, queries, reason, text  # noqa: E402
from kg.store import GraphStore  # noqa: E402
from kg.vocab import Minter  # noqa: E402

KG = Path(sys.executable).with_name("kg")
ROWS: list[tuple[str, str, str]] = []  # (figure, measured, target)


def row(figure: str, measured: str, target: str = "") -> None:
    ROWS.append((figure, measured, target))
    print(f"  {figure}: {measured}", file=sys.stderr, flush=True)


def write_pages(folder: Path, start: int, count: int, seed: int) -> int:
    """Pages `start`…`start+count-1` of the seeded series and their `manifest.csv` (issue dates,
    as a user ingests an archive); returns their characters."""
    folder.mkdir(parents=True, exist_ok=True)
    chars, rows = 0, ["file,date"]
    for number in range(start, start + count):
        page, name = synth.page(seed, number), f"synth_{seed}_{number:06d}.txt"
        (folder / name).write_text(page, encoding="utf-8")
        rows.append(f"{name},{synth.issue_date(number).isoformat()}")
        chars += len(page)
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return chars


def ingest(store: Path, pages: Path, jobs: int) -> float:
    return ingest_using(store, pages, jobs)[0]


def ingest_using(store: Path, pages: Path, jobs: int) -> tuple[float, float]:
    """Seconds an ingest takes, and the cores it kept busy meanwhile: the machine's busy time over
    the wall time (its worker processes and the store's loader threads are not all the ingest's
    children, so their CPU time is read off the machine, which the bench otherwise leaves idle)."""
    manifest = ["--manifest", str(pages / "manifest.csv")] if (pages / "manifest.csv").exists() else []
    busy, started = busy_seconds(), time.perf_counter()
    subprocess.run([str(KG), "ingest", "--store", str(store), "--jobs", str(jobs), *manifest, str(pages)],
                   check=True, capture_output=True)
    seconds = time.perf_counter() - started
    return seconds, (busy_seconds() - busy) / seconds


def busy_seconds() -> float:
    """CPU seconds all cores have spent on anything but idling since boot."""
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def yield_of(pages: Path, store_dir: Path) -> str:
    """Characters a page and triples per 1,000 characters, once `pages` are ingested into `store_dir`."""
    files = sorted(pages.glob("*.txt"))
    chars = sum(len(text.read_page(p).raw) for p in files)
    return f"{chars / len(files):,.0f}, {triples(GraphStore.read_only(current(store_dir))) / chars * 1000:.0f}"


def current(store_dir: Path) -> Path:
    """The snapshot a store directory's readers open."""
    return store_dir / "snapshots" / (store_dir / "snapshots" / "CURRENT").read_text()


def triples(store: GraphStore) -> int:
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def size_on_disk(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def bench_ingest(tmp: Path, seed: int) -> None:
    pages = tmp / "ingest-pages"
    chars = write_pages(pages, 0, 1200, seed)  # enough that start-up (imports, dictionaries) is a small part
    write_pages(tmp / "one-page", 0, 1, seed)
    row("ingest start-up: one page, 1 process (s)", f"{ingest(tmp / 'one-page-store', tmp / 'one-page', 1):.2f}")
    cores = os.cpu_count() or 1
    for jobs in sorted({1, cores}):
        seconds, busy = ingest_using(tmp / f"ingest-store-{jobs}", pages, jobs)
        if jobs == 1 and SEEDS.is_dir():  # how like real pages the synthetic ones are, by what they yield
            ingest(tmp / "seeds-store", SEEDS, 1)
            row("synthetic pages: characters a page, triples per 1,000 characters", yield_of(pages, tmp / "ingest-store-1"),
                f"the seeds: {yield_of(SEEDS, tmp / 'seeds-store')}")
        row(f"ingest, {jobs} process{'es' if jobs > 1 else ''}: chars/s; cores kept busy; chars a busy core-second",
            f"{chars / seconds:,.0f}; {busy:.2f}; {chars / seconds / busy:,.0f}", "≥ 250,000 per core")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    row("ingest: peak memory of one process (MB)", f"{peak:,.0f}")
    minter = Minter()
    graphs = []
    for path in sorted(pages.glob("*.txt"))[:30]:
        built = build.build(text.read_page(path), minter)
        graphs += [g for name, g in built.graphs if "/article/" in str(name) and not str(name).endswith("/inferred")]
    started = time.perf_counter()
    for graph in graphs:
        reason.closure(graph, minter.base)
    row("reasoning per article (ms)", f"{(time.perf_counter() - started) / len(graphs) * 1000:.2f}", "≤ 5, flat")


def parameters(store: GraphStore) -> dict[str, dict[str, str]]:
    """Values for each canned query's parameters, taken from the store."""
    def first(query: str) -> str:
        return next(iter(store.query(query)))[0].value

    last = date.fromisoformat(first("SELECT (MAX(?d) AS ?last) WHERE { ?m a gk:Meeting ; gk:date ?d }"))
    person = first(f"""SELECT ?n WHERE {{ ?m gk:chairedBy ?p ; gk:date ?d . ?p gk:name ?n
                       FILTER (?d >= "{last.replace(day=1).isoformat()}"^^xsd:date) }} LIMIT 1""")
    entity = first("SELECT ?p WHERE { ?p a gk:Official } LIMIT 1")
    # Date-ranged queries ask about one month ("which enterprises did the mayor receive in
    # March"): a listing of the whole archive grows with it, and no fixed latency can hold for it.
    values = {"person": person, "iri": entity, "q": person[:2], "title": "副市长", "min": "100",
              "from": last.replace(day=1).isoformat(), "to": last.isoformat()}
    return {name: {p.name: values[p.name] for p in q.params if p.name in values}
            for name, q in queries.catalogue().items()}


def timed(call, runs: int) -> tuple[float, float]:
    """Median and p95 milliseconds of `runs` calls, after one that is not counted: the first run
    after a store opens reads its pages from disk, which a serving store has done long before."""
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def memory(pid: int) -> tuple[int, int]:
    """A server's resident bytes, and the proportional set size of it and the processes it started
    (its query workers, each with the store open): pages they share are counted once in all."""
    def field(path: Path, name: str) -> int:
        return int(path.read_text().split(name)[1].split()[0]) * 1024

    def tree(p: int) -> list[int]:
        children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
        return [p] + [q for c in children for q in tree(int(c))]

    whole = sum(field(Path(f"/proc/{p}/smaps_rollup"), "Pss:") for p in tree(pid))
    return field(Path(f"/proc/{pid}/status"), "VmRSS:"), whole


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_queries(store_dir: Path, label: str, runs: int, baseline: bool) -> None:
    store = GraphStore.read_only(current(store_dir))
    count = triples(store)
    row(f"{label}: triples", f"{count:,}")
    row(f"{label}: store on disk, bytes per triple", f"{size_on_disk(store_dir / 'db') / count:.0f}")
    params = parameters(store)
    port = free_port()
    server = subprocess.Popen([str(KG), "serve", "--store", str(store_dir), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                requests.get(url + "/sparql", params={"query": "ASK {}"}, timeout=30)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        rss, whole = memory(server.pid)
        session = requests.Session()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for name, values in params.items():
            canned = queries.get(name)

            def direct() -> None:
                list(queries.run(store, name, values))

            def with_requests() -> None:
                session.get(f"{url}/queries/{name}", params=values, timeout=120).raise_for_status()

            path = f"/queries/{name}?{urllib.parse.urlencode(values)}"

            def lean() -> None:  # the standard library's client: requests itself costs ~0.6 ms a call
                connection.request("GET", path)
                answer = connection.getresponse()
                answer.read()
                if answer.status != 200:
                    raise RuntimeError(f"{path}: HTTP {answer.status}")

            d50, d95 = timed(direct, runs)
            h50, h95 = timed(with_requests, runs)
            l50, _ = timed(lean, runs)
            aggregate = "GROUP BY" in canned.text or "COUNT" in canned.text
            row(f"{label}: {name}: direct p50 / p95 (ms)", f"{d50:.1f} / {d95:.1f}",
                "≤ 1000 (aggregation)" if aggregate else "p95 ≤ 100")
            row(f"{label}: {name}: /queries p50 / p95 (ms), HTTP ÷ direct; p50 and ratio with http.client",
                f"{h50:.1f} / {h95:.1f}, {h50 / max(d50, 0.01):.2f}×; {l50:.1f}, {l50 / max(d50, 0.01):.2f}×", "≤ 1.3×")
        rss_after, whole_after = memory(server.pid)
        row(f"{label}: server resident memory, bytes per triple", f"{max(rss, rss_after) / count:.0f}", "≤ 400")
        row(f"{label}: the same with its query workers (proportional set size), bytes per triple",
            f"{max(whole, whole_after) / count:.0f}", "≤ 400")
    finally:
        server.terminate()
        server.wait(timeout=10)
    if baseline:
        bench_rdflib(store, params, label, runs)


def bench_rdflib(store: GraphStore, params: dict[str, dict[str, str]], label: str, runs: int) -> None:
    """The same canned SPARQL on rdflib's in-memory store, loaded from the same triples."""
    from rdflib import Graph

    with tempfile.NamedTemporaryFile(suffix=".nt") as dump:
        with open(dump.name, "wb") as out:
            store.export(out, "ntriples")
        started = time.perf_counter()
        graph = Graph().parse(dump.name, format="nt")
        row(f"{label}: rdflib load (s)", f"{time.perf_counter() - started:.1f}")
    for name, values in params.items():
        canned = queries.get(name)
        bindings = {k: _rdflib_term(v) for k, v in queries.bind(canned, values).items()}
        ox50, _ = timed(lambda: list(queries.run(store, name, values)), runs)
        sparql = queries.text(canned, queries.bind(canned, values), lateral=False)  # rdflib has no LATERAL
        rd = _once_within(lambda: list(graph.query(sparql, initBindings=bindings)), RDFLIB_LIMIT_S)
        if isinstance(rd, str):
            row(f"{label}: {name}: rdflib (ms), rdflib ÷ govkg", f"fails: {rd}", "≥ 10×")
        elif rd is None:
            row(f"{label}: {name}: rdflib (ms), rdflib ÷ govkg", f"> {RDFLIB_LIMIT_S * 1000:.0f}, > "
                f"{RDFLIB_LIMIT_S * 1000 / max(ox50, 0.01):.0f}×", "≥ 10×")
        else:
            row(f"{label}: {name}: rdflib (ms), rdflib ÷ govkg", f"{rd:.0f}, {rd / max(ox50, 0.01):.0f}×", "≥ 10×")


RDFLIB_LIMIT_S = 60  # an rdflib query can run for many minutes at 1M triples: it is stopped here


def _once_within(call, limit_s: float) -> float | str | None:
    """Milliseconds `call` takes, run once in a forked copy of this process; None past `limit_s`;
    the error if it fails."""
    import multiprocessing

    def child(conn) -> None:
        started = time.perf_counter()
        try:
            call()
        except Exception as exc:  # noqa: BLE001 - whatever rdflib raises is reported, not timed
            conn.send(f"{type(exc).__name__}: {str(exc)[:80]}")
            return
        conn.send((time.perf_counter() - started) * 1000)

    context = multiprocessing.get_context("fork")  # the loaded graph is shared, not copied
    ours, theirs = context.Pipe()
    process = context.Process(target=child, args=(theirs,))
    process.start()
    result = ours.recv() if ours.poll(limit_s) else None
    process.kill()
    process.join()
    return result


def _rdflib_term(term):
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value) if term.datatype else None,
                   lang=term.language)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="store sizes to measure, in triples")
    parser.add_argument("--runs", type=int, default=15, help="runs per query and way, after one warm-up run")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp_name:
        tmp = Path(tmp_name)
        bench_ingest(tmp, args.seed)
        store_dir, written = tmp / "store", 0
        for target in sizes:
            have = triples(GraphStore.read_only(current(store_dir))) if written else 0
            while have < target:  # about 1,200 triples a page
                more = max(10, int((target - have) / 1200 * 1.05))
                batch = tmp / f"pages-{written}"
                write_pages(batch, written, more, args.seed)
                ingest(store_dir, batch, os.cpu_count() or 1)
                written += more
                have = triples(GraphStore.read_only(current(store_dir)))
            label = f"{target / 1e6:g}M" if target >= 1e6 else f"{target / 1e3:g}k"
            bench_queries(store_dir, label, args.runs, baseline=target == 1_000_000)
    width = max(len(f) for f, _, _ in ROWS)
    print(f"{'figure':<{width}}  {'measured':>28}  target")
    for figure, measured, target in ROWS:
        print(f"{figure:<{width}}  {measured:>28}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
