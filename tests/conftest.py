from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

import pytest
import requests
from click.testing import CliRunner

from kg.config import Settings
from kg.store import GraphStore
from kg.vocab import Minter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "data" / "pages"
ANNOTATED = HERE / "data" / "annotated"  # pages we wrote, with gold annotations beside them
SHARED = HERE.parent.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"

KG = Path(sys.executable).with_name("kg")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the project")


@pytest.fixture
def pages() -> Path:
    return PAGES


@pytest.fixture
def store() -> GraphStore:
    return GraphStore(None)


@pytest.fixture
def minter() -> Minter:
    return Minter()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served(NamedTuple):
    url: str
    pid: int


LIVE_TIMEOUT_S = 3  # the live server's query time limit: short, so that runaway-query tests are


@contextlib.contextmanager
def serving(store: Path, timeout_s: float = LIVE_TIMEOUT_S) -> Iterator[Served]:
    """`kg serve` over `store` on a free loopback port; its base URL and process. Stopped after."""
    port = free_port()
    env = dict(os.environ, KG_QUERY_TIMEOUT_S=str(timeout_s))
    server = subprocess.Popen([str(KG), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):  # up to 15 s to start
            try:
                requests.get(url + "/sparql", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        # Ready to serve means queries are answered: as many at once as there are query workers, so
        # that they have started and opened the store's snapshot, and a test timing a query times it.
        workers = Settings.query_workers
        with ThreadPoolExecutor(workers) as asking:
            answers = list(asking.map(lambda _: requests.post(url + "/sparql", data={"query": "ASK {}"}, timeout=60),
                                      range(workers)))
        assert all(a.status_code == 200 for a in answers), [a.text for a in answers]
        yield Served(url, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


def cpu_seconds_of_children(pid: int) -> dict[int, float]:
    """CPU time used so far by each child process of `pid` (from /proc)."""
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:  # ppid
            out[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """`kg serve` over our sample pages on a free loopback port; its base URL. Stopped after."""
    store = tmp_path_factory.mktemp("live") / "store"
    subprocess.run([str(KG), "ingest", "--store", str(store), str(PAGES)], check=True, capture_output=True)
    with serving(store) as served:
        yield served.url


class SparqlServer(NamedTuple):
    """A running SPARQL server and the settings that make govkg use it as its store."""

    name: str
    url: str
    env: dict[str, str]


def _answering(url: str) -> None:
    """Return once the server at `url` answers a query (at most 30 s)."""
    for _ in range(300):
        try:
            requests.get(url, params={"query": "ASK {}"}, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.1)


@contextlib.contextmanager
def _oxigraph(folder: Path) -> Iterator[SparqlServer]:
    """Oxigraph's server (the `oxigraph` package's)."""
    port, log = free_port(), folder / "oxigraph.log"
    with log.open("wb") as written:
        server = subprocess.Popen([str(KG.with_name("oxigraph")), "serve", "--location", str(folder / "oxigraph"),
                                   "--bind", f"127.0.0.1:{port}"], stdout=written, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/query"
    try:
        _answering(url)
        yield SparqlServer("oxigraph", url, {"KG_SPARQL_ENDPOINT": url})
    finally:
        server.terminate()
        server.wait(timeout=10)
        _show_tail(log)


VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
"""


@contextlib.contextmanager
def _virtuoso(folder: Path) -> Iterator[SparqlServer]:
    """Virtuoso Open Source 7 (Debian's `virtuoso-opensource-7-bin`), its SPARQL user allowed to
    update. Its default graph is the union of all graphs: govkg keeps the merge in a named graph."""
    folder = folder / "virtuoso"
    folder.mkdir()
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, sql=sql, http=http))
    with (folder / "console.log").open("wb") as written:  # in the foreground, Virtuoso logs here
        server = subprocess.Popen(["virtuoso-t", "-c", str(folder / "virtuoso.ini"), "+foreground"],
                                  stdout=written, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http}/sparql"
    try:
        _answering(url)
        subprocess.run(["isql-vt", f"127.0.0.1:{sql}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                       check=True, capture_output=True, timeout=30)
        yield SparqlServer("virtuoso", url, {"KG_SPARQL_ENDPOINT": url,
                                             "KG_SPARQL_MERGED_GRAPH": "https://w3id.org/govkg/resource/merged"})
    finally:
        server.terminate()
        server.wait(timeout=30)
        _show_tail(folder / "console.log")


def _show_tail(log: Path, lines: int = 40) -> None:
    """The end of a server's log, printed: pytest shows it with a failed test's output, where a
    server's own account of an error it answered is wanted (CI cannot be asked again)."""
    if log.exists():
        print(f"--- the last lines of {log.name}:", *log.read_text(errors="replace").splitlines()[-lines:], sep="\n")


@pytest.fixture(params=["oxigraph", "virtuoso"])
def sparql_server(request, tmp_path) -> Iterator[SparqlServer]:
    """A real SPARQL server on free loopback ports, its data in a temporary directory. Stopped after."""
    with (_oxigraph if request.param == "oxigraph" else _virtuoso)(tmp_path) as server:
        yield server
