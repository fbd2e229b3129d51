from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from conftest import ANNOTATED
from kg import build, derive, pipeline
from kg.errors import ManifestError
from kg.store import GraphStore
from kg.vocab import GK

DATES = {"qinglan_0513.txt": date(2025, 5, 13), "qinglan_0603.txt": date(2025, 6, 3)}
MANIFEST = pipeline.Manifest(DATES)


def only(*names: str) -> pipeline.Manifest:
    """The manifest for just these pages."""
    return pipeline.Manifest({n: DATES[n] for n in names})


def quads(store: GraphStore) -> set[str]:
    return {str(q) for q in store.quads()}


def test_ingest_counts_pages_and_articles(pages, store, minter):
    summary = pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    assert (summary.pages, summary.articles, summary.errors) == (2, 6, [])
    derived = derive.graph(minter.base)
    assert summary.triples == sum(1 for q in store.quads() if q.graph_name.value != derived)  # the pages' own


def test_ingest_counts_who_attended_events_together(pages, store, minter):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    counted = {(r["a"].value, r["b"].value): int(r["n"].value) for r in store.query(
        "SELECT ?a ?b ?n WHERE { ?c a gk:CoAttendance ; gk:member ?a , ?b ; gk:sharedEvents ?n FILTER (STR(?a) < STR(?b)) }")}
    direct = {(r["a"].value, r["b"].value): int(r["n"].value) for r in store.query(
        """SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m gk:attendedBy ?a , ?b FILTER (STR(?a) < STR(?b))
           ?a a gk:Official . ?b a gk:Official } GROUP BY ?a ?b""")}
    assert counted and counted == direct
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)  # a re-run counts afresh, never twice
    again = {(r["a"].value, r["b"].value): int(r["n"].value) for r in store.query(
        "SELECT ?a ?b ?n WHERE { ?c a gk:CoAttendance ; gk:member ?a , ?b ; gk:sharedEvents ?n FILTER (STR(?a) < STR(?b)) }")}
    assert again == direct


def test_ingesting_a_page_again_leaves_the_store_identical(pages, store, minter):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    before = quads(store)
    pipeline.ingest([pages / "qinglan_0513.txt"], store, minter, manifest=only("qinglan_0513.txt"))
    assert quads(store) == before


def test_a_changed_page_replaces_what_it_wrote_before(pages, store, minter, tmp_path: Path):
    page = tmp_path / "qinglan_0513.txt"
    shutil.copy(pages / "qinglan_0513.txt", page)
    pipeline.ingest([page], store, minter, manifest=only("qinglan_0513.txt"))
    # the same file, now holding only its first article
    page.write_text(page.read_text(encoding="utf-8").split("（沈若溪）")[0] + "（沈若溪）\n", encoding="utf-8")
    pipeline.ingest([page], store, minter, manifest=only("qinglan_0513.txt"))
    articles = {str(row["a"].value) for row in store.query("SELECT ?a WHERE { ?a a gk:Article }")}
    assert articles == {str(minter.article("qinglan_0513.txt", 1))}
    assert not any(q.graph_name.value.endswith("-2") for q in store.quads())


def test_article_metadata_is_in_the_article_graph(pages, store, minter):
    pipeline.ingest([pages / "qinglan_0513.txt"], store, minter, manifest=only("qinglan_0513.txt"))
    a = minter.article("qinglan_0513.txt", 4)
    rows = list(store.query(f"""SELECT ?p ?o WHERE {{ GRAPH <{a}> {{ <{a}> ?p ?o }} }}"""))
    facts = {(r["p"].value, r["o"].value) for r in rows}
    assert (str(GK.sourceFile), "qinglan_0513.txt") in facts
    assert (str(GK.date), "2025-05-12") in facts  # 昨日 in the issue of 13 May
    assert (str(GK.author), "许可馨") in facts
    assert (str(GK.headline), "青澜港二期码头主体完工") in facts
    assert (str(GK.issueDate), "2025-05-13") in facts


def test_without_an_issue_date_the_year_comes_from_the_text_and_relative_dates_stay_open(pages, store, minter):
    pipeline.ingest([pages / "qinglan_0513.txt"], store, minter)
    rows = store.query("SELECT ?pos ?d WHERE { ?a a gk:Article ; gk:position ?pos OPTIONAL { ?a gk:date ?d } }")
    got = {int(r["pos"].value): (r["d"].value if r["d"] else None) for r in rows}
    assert got == {1: "2025-05-12", 2: "2025-05-12", 3: "2025-05-12", 4: None}


def test_a_bad_page_is_reported_and_the_others_still_go_in(pages, store, minter, tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    furniture = tmp_path / "menu.txt"
    furniture.write_text("返回目录\n\n上一版\n", encoding="utf-8")
    summary = pipeline.ingest([empty, furniture, pages / "qinglan_0603.txt"], store, minter)
    assert summary.pages == 1
    assert [e.split(":")[0] for e in summary.errors] == ["empty.txt", "menu.txt"]
    assert "no recognisable article" in summary.errors[1]


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle", "jsonld"])
def test_the_export_parses_back(pages, store, minter, fmt):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    out = io.BytesIO()
    store.export(out, fmt)
    ds = Dataset(default_union=True)
    ds.parse(data=out.getvalue().decode("utf-8"), format={"jsonld": "json-ld"}.get(fmt, fmt))
    a = URIRef(str(minter.article("qinglan_0603.txt", 1)))
    assert (a, GK.date, Literal("2025-06-02", datatype=XSD.date)) in ds
    if fmt != "turtle":
        assert sum(1 for _ in ds.quads((None, None, None, None))) == len(store)


def test_the_export_holds_inferred_triples_unless_asked_not_to(pages, store, minter):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    full, asserted = io.BytesIO(), io.BytesIO()
    store.export(full, "nquads")
    store.export(asserted, "nquads", asserted_only=True)
    assert len(asserted.getvalue()) < len(full.getvalue())
    assert b"/inferred>" not in asserted.getvalue()
    assert b"/derived>" in full.getvalue() and b"/derived>" not in asserted.getvalue()  # counts are not read either


@pytest.mark.parametrize("content, message", [
    ("name,when\nqinglan_0513.txt,2025-05-13\n", "needs the columns file,date"),
    (b"\xff\xfe\x00garbage", "cannot read the manifest"),
])
def test_unreadable_manifests_are_refused(tmp_path: Path, content, message):
    manifest = tmp_path / "m.csv"
    manifest.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ManifestError) as err:
        pipeline.read_manifest(manifest)
    assert message in str(err.value) and "m.csv" in str(err.value)


def test_bad_manifest_rows_skip_their_page_and_the_rest_goes_in(pages, store, minter, tmp_path: Path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,date\nqinglan_0513.txt,2025-13-01\nqinglan_0603.txt,2025-06-03\n"
                        "gone.txt,2025-01-01\n", encoding="utf-8")
    summary = pipeline.ingest([pages], store, minter, manifest=pipeline.read_manifest(manifest))
    assert summary.pages == 1
    assert sorted(e.split(":")[0] for e in summary.errors) == ["gone.txt", "qinglan_0513.txt"]
    assert any("not an ISO date" in e for e in summary.errors)


def test_every_evidence_points_at_its_sentence_in_the_original_file(pages, store, minter):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    raw = {p.name: p.read_text(encoding="utf-8") for p in pages.glob("*.txt")}
    rows = list(store.query("""SELECT ?f ?s ?start ?end WHERE {
        ?e a gk:Evidence ; gk:sentence ?s ; gk:startOffset ?start ; gk:endOffset ?end ;
           prov:wasQuotedFrom/gk:sourceFile ?f }"""))
    assert len(rows) > 10  # sentences, each with the several facts read from it
    for row in rows:
        printed = raw[row["f"].value][int(row["start"].value):int(row["end"].value)]
        assert "".join(printed.split()) == "".join(row["s"].value.split())


def test_facts_are_counted(pages, store, minter):
    summary = pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    statements = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?statement gk:evidence ?e }")
    assert summary.facts == int(next(iter(statements))["n"].value) > 0


def test_a_sentence_is_one_evidence_for_all_the_facts_read_from_it(pages, store, minter):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    spans = list(store.query("""SELECT ?a ?start (COUNT(DISTINCT ?e) AS ?copies) (COUNT(?statement) AS ?facts) WHERE {
        ?e a gk:Evidence ; prov:wasQuotedFrom ?a ; gk:startOffset ?start . ?statement gk:evidence ?e
        } GROUP BY ?a ?start"""))
    assert spans and all(int(row["copies"].value) == 1 for row in spans)
    assert max(int(row["facts"].value) for row in spans) > 3
    assert not store.query("""ASK { ?statement gk:evidence ?e FILTER NOT EXISTS {
        ?statement rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?s ?p ?o } }""")  # each states a fact


def merged(store: GraphStore) -> set[str]:
    return {str(t) for t in store.query("CONSTRUCT WHERE { ?s ?p ?o }")}


def test_the_default_graph_stays_the_merge_of_the_named_graphs(pages, store, minter, tmp_path: Path):
    page = tmp_path / "qinglan_0513.txt"
    shutil.copy(pages / "qinglan_0513.txt", page)
    pipeline.ingest([page, pages / "qinglan_0603.txt"], store, minter, manifest=MANIFEST)
    assert merged(store) == {str(q.triple) for q in store.quads()}
    page.write_text(page.read_text(encoding="utf-8").split("（沈若溪）")[0] + "（沈若溪）\n", encoding="utf-8")
    pipeline.ingest([page], store, minter, manifest=only("qinglan_0513.txt"))
    assert merged(store) == {str(q.triple) for q in store.quads()}
    # 林向东 is still named on the other page, so his name stays; the removed articles' meeting goes
    assert store.query(f"ASK {{ <{minter.iri('person', '林向东')}> gk:name '林向东' }}")
    assert not store.query(f"ASK {{ <{minter.iri('meeting', 'qinglan_0513-2-1')}> ?p ?o }}")


def test_a_triple_counts_once_however_many_articles_state_it(pages, store, minter):
    pipeline.ingest([pages], store, minter, manifest=MANIFEST)
    rows = list(store.query(f"SELECT ?n WHERE {{ <{minter.iri('person', '林向东')}> gk:name ?n }}"))
    assert len(rows) == 1


def test_parallel_ingest_writes_byte_for_byte_the_store_one_process_writes(pages, minter, tmp_path: Path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 not a page")
    exports = []
    for jobs in (1, 2):
        store = GraphStore(tmp_path / f"store{jobs}")
        summary = pipeline.ingest([pages, ANNOTATED, bad], store, minter, manifest=MANIFEST, jobs=jobs)
        assert summary.pages == 2 + len(list(ANNOTATED.glob("*.txt"))) and summary.errors[0].startswith("bad.txt")
        out = io.BytesIO()
        store.export(out, "nquads")
        exports.append(out.getvalue())
    assert exports[0] == exports[1] and len(exports[0]) > 100_000


def test_a_page_the_extractor_fails_on_is_reported_and_the_others_still_go_in(pages, store, minter, monkeypatch):
    real = build.extract_page

    def failing(articles):
        if "0513" in articles[0].page.source:
            raise IndexError("string index out of range")
        return real(articles)

    monkeypatch.setattr(build, "extract_page", failing)
    summary = pipeline.ingest([pages], store, minter, manifest=MANIFEST, jobs=1)
    assert summary.pages == 1
    assert len(summary.errors) == 1 and summary.errors[0].startswith("qinglan_0513.txt: not ingested")
    assert "IndexError" in summary.errors[0]
