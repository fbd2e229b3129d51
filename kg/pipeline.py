"""Compose the stages: page files in, one atomic write per page into the store.

    summary = ingest([Path("pages/")], store, manifest=read_manifest(Path("m.csv")))
"""
from __future__ import annotations

import csv
import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path

from rdflib import URIRef

from kg import derive
from kg.build import Sent, build_file
from kg.errors import ManifestError
from kg.store import GraphStore
from kg.vocab import Minter

PAGE_SUFFIXES = {".txt"}
_AHEAD = 4  # pages in flight per worker process
PUBLISH_EVERY_S = 30  # how stale, at most, what servers read is during a long ingest


@dataclass
class Summary:
    pages: int = 0
    articles: int = 0
    facts: int = 0  # facts read from a sentence, each with its evidence
    triples: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Manifest:
    """Issue dates by file name, and the rows that could not be read (their files are skipped)."""

    dates: dict[str, date] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)  # file name → problem


def read_manifest(path: Path) -> Manifest:
    """The issue date of each page file, from a CSV with columns `file,date` (ISO dates).
    Raises ManifestError when the file itself cannot be read; a bad row is recorded, not fatal."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            columns = reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: cannot read the manifest: {exc}") from exc
    if not {"file", "date"} <= set(columns):
        raise ManifestError(f"{path}: the manifest needs the columns file,date (it has {','.join(columns)})")
    manifest = Manifest()
    for n, row in enumerate(rows, start=2):
        name, value = (row.get("file") or "").strip(), (row.get("date") or "").strip()
        if not name:
            manifest.bad[f"{path.name}:{n}"] = "a row without a file name"
            continue
        try:
            manifest.dates[Path(name).name] = date.fromisoformat(value)
        except ValueError:
            manifest.bad[Path(name).name] = f"manifest row {n}: {value!r} is not an ISO date (YYYY-MM-DD)"
    return manifest


def page_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The page files named, folders expanded to their `.txt` files in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in PAGE_SUFFIXES and p.is_file())
        else:
            yield path


def ingest(paths: Iterable[Path], store: GraphStore, minter: Minter, manifest: Manifest | None = None,
           issue_date: date | None = None, progress: Callable[[Path], None] | None = None,
           jobs: int = 1) -> Summary:
    """Ingest every page; a bad page is reported in the summary and the others still go in.
    `jobs` processes build pages at once; the store is written here, in the pages' order."""
    summary = Summary()
    manifest = manifest or Manifest()
    files = list(page_files(paths))
    given = {p.name for p in files}
    summary.errors += [f"{name}: named by the manifest but not among the pages given"
                       for name in sorted(set(manifest.dates) - given)]
    summary.errors += [f"{name}: {problem}" for name, problem in manifest.bad.items()]
    published = time.monotonic()
    jobs_to_do = [(path, manifest.dates.get(path.name, issue_date),
                   "manifest" if path.name in manifest.dates else ("--date" if issue_date else None))
                  for path in files if path.name not in manifest.bad]  # a bad date: fix the manifest, run again
    skipped = [path for path in files if path.name in manifest.bad]
    if progress:
        for path in skipped:
            progress(path)
    for path, built in _built_pages(jobs_to_do, minter.base, jobs):
        if store.persistent and time.monotonic() - published > PUBLISH_EVERY_S:
            store.update(derive.update(minter.base, store.merged))
            store.publish()  # readers see a long ingest's progress, a page at a time
            published = time.monotonic()
        if progress:
            progress(path)
        if isinstance(built, str):
            summary.errors.append(built)
            continue
        summary.triples += store.replace_page(URIRef(built.page), built.graphs)
        summary.pages += 1
        summary.articles += built.articles
        summary.facts += built.facts
    store.update(derive.update(minter.base, store.merged))
    if store.persistent:
        store.publish()
    return summary


def _exit_with_ingest(alive: Connection) -> None:
    """In a worker: exit once the ingest is gone. A killed ingest cannot stop its workers, and they
    hold both ends of the pool's queues, so they would wait for work forever; nor does the fork
    server they came from end while they live. The ingest holds the only writing end of `alive`
    and never writes: reading it returns when that end closes, with the ingest."""
    def watch() -> None:
        try:
            alive.recv()
        except EOFError:
            pass
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="kg-ingest-watch").start()


def _built_pages(todo: list[tuple[Path, date | None, str | None]], base: str,
                 jobs: int) -> Iterator[tuple[Path, Sent | str]]:
    """Each page built, in the order given: here, or by `jobs` worker processes. Only this process
    writes the store, in that order, so the result is the same either way."""
    if jobs <= 1 or len(todo) <= 1:
        for path, when, basis in todo:
            yield path, build_file(path, when, basis, base)
        return
    # Workers fork from a server process that loaded what they need once (kg.worker), not from
    # this one: no thread or store handle of ours is copied into them.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.worker"])
    alive, held = context.Pipe(duplex=False)
    with held, ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context,
                                   initializer=_exit_with_ingest, initargs=(alive,)) as pool:
        window: deque[tuple[Path, Future]] = deque()
        pending = iter(todo)
        for path, when, basis in itertools.islice(pending, jobs * _AHEAD):
            window.append((path, pool.submit(build_file, path, when, basis, base)))
        while window:
            path, future = window.popleft()
            following = next(pending, None)
            if following:  # keep `jobs * _AHEAD` pages in flight: memory stays bounded
                window.append((following[0], pool.submit(build_file, *following, base)))
            yield path, future.result()
