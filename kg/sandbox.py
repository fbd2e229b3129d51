"""Run SPARQL queries in worker processes, so that a runaway query can really be stopped.

Oxigraph cannot cancel a query once it runs, and a thread cannot be killed: a 5-way cartesian
product would burn a core until it finished. So each query runs in one of a few worker
processes, each with its own read-only handle on the store's current snapshot; the server waits
for the answer up to the time limit and, past it or when the client has gone, kills the worker
(SIGKILL: the work stops at once) and starts a fresh one. Other clients' queries go to the other
workers meanwhile.

    pool = QueryPool(store_dir, workers=3, timeout_s=30)
    answer = pool.answer(request, accept, max_rows)   # protocol.Answer, or QueryTimeout
"""
from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg import protocol
from kg.errors import ClientGone, KgError, QueryFailed, QueryTimeout

log = logging.getLogger(__name__)
# Workers are spawned, not forked: the server's threads and open handles stay in the server.
_CONTEXT = multiprocessing.get_context("spawn")
_CHECK_EVERY_S = 0.25  # how often a wait looks whether the client is still there
_STARTUP_S = 120  # a worker's imports take a second or two; far longer means it is broken


def _work(conn: Connection, root: str) -> None:
    """A worker's loop: answer each request on the current snapshot, until the pipe closes."""
    from kg.store import Snapshots  # imported here: the spawned process starts empty

    snapshots = Snapshots(root)
    conn.send(("ready", None))  # imports done: from now on a query's time is the query's
    while True:
        try:
            request, accept, max_rows = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", protocol.answer(snapshots.current(), request, accept, max_rows)))
        except KgError as exc:
            conn.send(("error", exc))
        except Exception as exc:  # a fault: the server logs it and answers 500
            conn.send(("fault", f"{type(exc).__name__}: {exc}"))


@dataclass(eq=False)  # each worker is itself: compared and hashed by identity
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    # A starter thread and the pool's close() may stop the same worker at once; closing its pipe
    # twice would close whatever file a third thread had opened under the same number meanwhile.
    _stopping: threading.Lock = field(default_factory=threading.Lock)

    def stop(self) -> None:
        with self._stopping:
            if self.conn.closed:
                return
            self.process.kill()
            self.process.join(timeout=5)
            self.conn.close()


class QueryPool:
    """Worker processes answering queries on a store directory's current snapshot."""

    def __init__(self, root: str | Path, workers: int, timeout_s: float) -> None:
        self.root = str(root)
        self.timeout_s = timeout_s
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._starters: list[threading.Thread] = []
        self._closing = threading.Event()
        starting = [self._start() for _ in range(workers)]
        for worker in starting:  # serve only once every worker can answer
            self._ready(worker, _STARTUP_S)

    def _start(self) -> _Worker:
        ours, theirs = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_work, args=(theirs, self.root), daemon=True, name="kg-query")
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._all.add(worker)
        return worker

    def _ready(self, worker: _Worker, wait_s: float) -> None:
        """Put `worker` among the idle ones once it says it is ready (or retire it if it never does)."""
        try:
            if worker.conn.poll(wait_s) and worker.conn.recv()[0] == "ready":
                self._idle.put(worker)
                return
        except (EOFError, OSError):
            pass
        if self._closing.is_set():  # killed by close() while starting: nothing went wrong
            return
        log.error("a query worker did not start within %s s", wait_s)
        worker.stop()
        self._all.discard(worker)

    def _replace(self, worker: _Worker) -> None:
        """Stop `worker` and start another, which joins the idle ones when ready (not on this request's time)."""
        worker.stop()
        self._all.discard(worker)
        fresh = self._start()
        starter = threading.Thread(target=self._ready, args=(fresh, _STARTUP_S), daemon=True)
        self._starters = [t for t in self._starters if t.is_alive()] + [starter]
        starter.start()

    def answer(self, request: protocol.QueryRequest, accept: str | None, max_rows: int,
               gone: Callable[[], bool] = lambda: False) -> protocol.Answer:
        """The query's answer, or QueryTimeout once the time limit (waiting included) is past.
        `gone` says whether the client has left: then the work is stopped at once."""
        deadline = time.monotonic() + self.timeout_s
        try:
            worker = self._idle.get(timeout=self.timeout_s)
        except queue.Empty:
            raise QueryTimeout(f"every query worker stayed busy for {self.timeout_s:g} s; try again later") from None
        try:
            worker.conn.send((request, accept, max_rows))
            while not worker.conn.poll(min(_CHECK_EVERY_S, max(0.0, deadline - time.monotonic()))):
                if gone():
                    self._replace(worker)
                    raise ClientGone("the client left before the query's answer")
                if time.monotonic() >= deadline:
                    self._replace(worker)
                    raise QueryTimeout(f"the query ran past the time limit of {self.timeout_s:g} s and was stopped")
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:  # the worker died under the query (out of memory, killed)
            self._replace(worker)
            raise QueryFailed("the process running the query died") from exc
        self._idle.put(worker)
        if status == "ok":
            return payload
        if status == "error":
            raise payload
        log.error("query worker fault: %s", payload)
        raise QueryFailed("the query failed on the server")

    def close(self) -> None:
        """Stop every worker. A worker still starting is killed first, so that its starter thread,
        waiting on the pipe, sees the end of it and is done before the pipe is closed."""
        self._closing.set()
        workers = list(self._all)
        for worker in workers:
            worker.process.kill()
        for starter in self._starters:
            starter.join(timeout=5)
        for worker in workers:
            worker.stop()
        self._all.clear()
