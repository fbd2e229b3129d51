"""SIGKILL a real ingest at many points: the store stays consistent and a re-run completes it."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from conftest import KG, PAGES
from kg.store import GraphStore

COPIES = 8  # pages to ingest, copies of our samples under other names
KILL_POINTS = 6


def pages_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    sources = sorted(PAGES.glob("*.txt"))
    for i in range(COPIES):
        shutil.copy(sources[i % len(sources)], folder / f"page_{i:02d}.txt")
    return folder


def ingest(store: Path, pages: Path, kill_after: float | None = None) -> None:
    process = subprocess.Popen([str(KG), "ingest", "--store", str(store), "--jobs", "2", str(pages)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if kill_after is None:
        assert process.wait(timeout=600) == 0
        return
    time.sleep(kill_after)
    workers = children(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)], "a worker outlived the killed ingest"


def children(pid: int) -> list[int]:
    """The processes `pid` started and theirs in turn (its fork server, the build workers that
    forks), from /proc."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue  # gone meanwhile
    found, frontier = [], [pid]
    while frontier:
        below = [child for child, parent in parents.items() if parent in frontier]
        found += below
        frontier = below
    return found


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def consistent(path: Path) -> set[str]:
    """Check a store after a kill; return its quads."""
    store = GraphStore(path)
    try:
        pages = {r["p"].value for r in store.query("SELECT ?p WHERE { GRAPH ?p { ?p a gk:Page } }")}
        for page in pages:  # a page present is complete: every article graph and its entailments
            articles = [r["g"].value for r in store.query(
                f"SELECT ?g WHERE {{ GRAPH ?g {{ ?a gk:onPage <{page}> }} }}")]
            assert articles, page
            for graph in articles:
                assert store.query(f"ASK {{ GRAPH <{graph}/inferred> {{ ?s ?p ?o }} }}"), graph
        quads = {str(q) for q in store.quads()}
        merged = {str(t) for t in store.query("CONSTRUCT WHERE { ?s ?p ?o }")}
        assert merged == {str(q.triple) for q in store.quads()}
        return quads
    finally:
        del store


def test_killed_ingests_leave_the_store_consistent_and_a_rerun_completes_it(tmp_path: Path):
    pages = pages_dir(tmp_path)
    reference = tmp_path / "reference"
    started = time.monotonic()
    ingest(reference, pages)
    full = time.monotonic() - started
    expected = consistent(reference)

    store = tmp_path / "killed"
    seen_partial = False
    for k in range(KILL_POINTS):
        ingest(store, pages, kill_after=full * (k + 1) / (KILL_POINTS + 1))
        now = consistent(store)
        seen_partial = seen_partial or (0 < len(now) < len(expected))
    ingest(store, pages)
    assert consistent(store) == expected
    print(f"full ingest {full:.1f}s; {KILL_POINTS} kills; a partial store was seen: {seen_partial}")
