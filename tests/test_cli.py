from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.cli import cli
from kg.vocab import GK


def write_manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,date\nqinglan_0513.txt,2025-05-13\nqinglan_0603.txt,2025-06-03\n", encoding="utf-8")
    return manifest


def test_ingest_then_export_through_the_environment(runner, pages, tmp_path: Path):
    env = {"KG_STORE": str(tmp_path / "store")}
    result = runner.invoke(cli, ["ingest", "--manifest", str(write_manifest(tmp_path)), str(pages)], env=env)
    assert result.exit_code == 0, result.output
    assert "2 pages, 6 articles" in result.output and "0 errors" in result.output
    out = tmp_path / "out.nq"
    result = runner.invoke(cli, ["export", "--format", "nquads", "--output", str(out)], env=env)
    assert result.exit_code == 0, result.output
    ds = Dataset(default_union=True)
    ds.parse(out, format="nquads")
    assert len(set(ds.subjects(None, GK.Article))) == 6
    assert not (tmp_path / "out.nq.partial").exists()


def test_a_bad_page_makes_the_exit_status_nonzero_and_is_named(runner, pages, tmp_path: Path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\xfa\xfb not text")
    result = runner.invoke(cli, ["ingest", "--store", str(tmp_path / "s"), str(bad), str(pages / "qinglan_0603.txt")])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "1 pages" in result.output


def test_a_missing_store_setting_is_a_clear_error(runner, pages):
    result = runner.invoke(cli, ["ingest", str(pages)], env={"KG_STORE": ""})
    assert result.exit_code != 0 and "KG_STORE" in result.output


def test_stats_counts_the_classes(runner, pages, tmp_path: Path):
    store = str(tmp_path / "s")
    runner.invoke(cli, ["ingest", "--store", store, "--manifest", str(write_manifest(tmp_path)), str(pages)])
    result = runner.invoke(cli, ["stats", "--store", store])
    counts = dict(line.split() for line in result.output.splitlines())
    assert counts["Page"] == "2" and counts["Article"] == "6" and counts["Meeting"] == "4"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"kg {command}" in result.output
