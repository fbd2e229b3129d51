"""The `kg` command: each subcommand calls one library function and translates its errors."""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.config import Settings
from kg.errors import KgError
from kg.stats import stats as graph_stats
from kg.store import FORMATS, GraphStore, open_snapshots, open_store
from kg.vocab import Minter


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--store and --endpoint, shared by every command that opens the store."""
    command = click.option("--endpoint", metavar="URL", help="SPARQL 1.1 server to use as the store "
                           "[env KG_SPARQL_ENDPOINT].")(command)
    return click.option("--store", "store_dir", metavar="DIR", help="Directory of the embedded store "
                        "[env KG_STORE].")(command)


def _open(store_dir: str | None, endpoint: str | None) -> tuple[Settings, GraphStore]:
    try:
        settings = Settings.load(store=store_dir, endpoint=endpoint)
        return settings, open_store(settings)
    except (KgError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc


@click.group()
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """govkg: Chinese local-government news pages into a knowledge graph."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False),
              help="CSV with columns file,date: the ISO issue date of each page.")
@click.option("--date", "issue_date", type=click.DateTime(["%Y-%m-%d"]),
              help="Issue date of pages the manifest does not list.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes building pages at once; the store is the same whatever the number.")
@store_options
def ingest(paths: tuple[Path, ...], manifest: Path | None, issue_date: Any, jobs: int, store_dir: str | None,
           endpoint: str | None) -> None:
    """Ingest page files (or folders of them) into the store.

    Each page replaces what an earlier ingest of the same file wrote, atomically. Without an
    issue date, the year is inferred from the text where it can be, and datelines that cannot be
    resolved stay unresolved. Bad pages are reported and skipped; the exit status is then 1.

    Example:

        kg ingest --store var/store --manifest issues.csv pages/
    """
    from kg import pipeline  # here: the other commands, a server's above all, need no extraction code

    settings, store = _open(store_dir, endpoint)
    try:
        dates = pipeline.read_manifest(manifest) if manifest else pipeline.Manifest()
    except KgError as exc:
        raise click.ClickException(str(exc)) from exc
    files = list(pipeline.page_files(paths))
    try:
        with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:
            summary = pipeline.ingest(files, store, Minter(settings.base), manifest=dates,
                                      issue_date=issue_date.date() if issue_date else None,
                                      progress=lambda _path: bar.update(1), jobs=jobs)
        store.flush()
    except KgError as exc:  # the store failed: what it holds is whole pages, and a re-run goes on
        raise click.ClickException(f"{exc} (the pages written before this are whole; run the ingest again)") from exc
    for error in summary.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(f"{summary.pages} pages, {summary.articles} articles, {summary.facts} facts, "
               f"{summary.triples} triples, {len(summary.errors)} errors")
    if summary.errors:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="File to write; standard output by default.")
@click.option("--asserted-only", is_flag=True, help="Leave out what reasoning inferred and the counts derived.")
@store_options
def export(fmt: str, output: Path | None, asserted_only: bool, store_dir: str | None,
           endpoint: str | None) -> None:
    """Export the graph: asserted and inferred triples, named graphs kept where the format can.

    Example:

        kg export --format nquads --output graph.nq
    """
    _, store = _open(store_dir, endpoint)
    if output is None:
        store.export(sys.stdout.buffer, fmt, asserted_only)
        return
    partial = output.with_name(output.name + ".partial")
    with partial.open("wb") as fh:
        store.export(fh, fmt, asserted_only)
    partial.replace(output)  # never leave a half-written export under the real name


@cli.command()
@store_options
def stats(store_dir: str | None, endpoint: str | None) -> None:
    """Count what the graph holds: pages, articles, people, meetings and the rest.

    Example:

        kg stats --store var/store
    """
    _, store = _open(store_dir, endpoint)
    for name, count in graph_stats(store).items():
        click.echo(f"{name:<16} {count:>8}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=int, help="Requests served at once.")
@store_options
def serve(host: str, port: int, threads: int, store_dir: str | None, endpoint: str | None) -> None:
    """Serve the SPARQL endpoint, canned queries, linked data and pages for people (waitress).

    Example:

        kg serve --store var/store --host 127.0.0.1 --port 5000
    """
    import waitress

    from kg.sandbox import QueryPool
    from kg.web import create_app

    try:
        settings = Settings.load(store=store_dir, endpoint=endpoint)
        if settings.endpoint:  # a SPARQL server: its own process answers; govkg's limit is the client's
            store, pool = open_store(settings), None
        else:
            store = open_snapshots(settings)
            store.current()  # fail now, by name, rather than on the first request
            pool = QueryPool(store.root, settings.query_workers, settings.query_timeout_s)
    except (KgError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"serving on http://{host}:{port}/ (SPARQL at /sparql; queries stopped after "
               f"{settings.query_timeout_s:g} s, cut at {settings.max_rows} rows)", err=True)
    try:
        # channel_request_lookahead lets waitress notice a client that hangs up mid-query
        waitress.serve(create_app(settings, store, pool), host=host, port=port, threads=threads,
                       channel_request_lookahead=1)
    finally:
        if pool:
            pool.close()


@cli.command()
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A parameter's value (repeatable).")
@click.option("--format", "fmt", default="application/json", show_default=True,
              help="Media type: application/json, text/csv, application/sparql-results+json, …")
@store_options
def query(name: str, params: tuple[str, ...], fmt: str, store_dir: str | None, endpoint: str | None) -> None:
    """Run a canned query and print exactly what /queries/NAME answers.

    Example:

        kg query meetings_chaired -p person=林向东 -p from=2025-03-01 -p to=2025-03-31
    """
    from kg.web import create_app

    values = dict(p.split("=", 1) for p in params if "=" in p)
    if len(values) != len(params):
        raise click.BadParameter("write each parameter as KEY=VALUE", param_hint="--param")
    settings, store = _open(store_dir, endpoint)
    response = create_app(settings, store).test_client().get(
        f"/queries/{name}", query_string=values, headers={"Accept": fmt})
    click.echo(response.get_data(as_text=True), nl=False)
    if response.status_code >= 400:
        sys.exit(1)
