from __future__ import annotations

import json
import threading
from datetime import date
from urllib.parse import quote

import pytest
from rdflib import Graph, Literal, URIRef

from conftest import PAGES
from kg import pipeline, protocol
from kg.config import Settings
from kg.store import GraphStore
from kg.vocab import GK, Minter
from kg.web import create_app

MANIFEST = pipeline.Manifest({"qinglan_0513.txt": date(2025, 5, 13), "qinglan_0603.txt": date(2025, 6, 3)})
JSON = "application/sparql-results+json"


@pytest.fixture(scope="module")
def graph_store() -> GraphStore:
    store = GraphStore(None)
    pipeline.ingest([PAGES], store, Minter(), manifest=MANIFEST)
    return store


@pytest.fixture
def client(graph_store):
    return create_app(store=graph_store).test_client()


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()["rows"]


# ---------------------------------------------------------------- the SPARQL protocol

def test_get_form_post_and_direct_post_answer_alike(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a a gk:Article }"
    answers = [
        client.get("/sparql", query_string={"query": query}, headers={"Accept": JSON}),
        client.post("/sparql", data={"query": query}, headers={"Accept": JSON}),
        client.post("/sparql", data=query.encode(), content_type="application/sparql-query", headers={"Accept": JSON}),
    ]
    counts = {a.get_json()["results"]["bindings"][0]["n"]["value"] for a in answers}
    assert counts == {"6"}


@pytest.mark.parametrize("accept, mime", [
    (None, "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.9, text/csv", "text/csv"),
])
def test_select_results_by_accept(client, accept, mime):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s a gk:Meeting }"}, headers=headers)
    assert response.status_code == 200 and response.mimetype == mime


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld")])
def test_construct_results_by_accept_parse_back(client, accept, fmt):
    query = "CONSTRUCT { ?p gk:name ?n } WHERE { ?p a gk:Person ; gk:name ?n }"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": accept})
    g = Graph().parse(data=response.get_data(as_text=True), format=fmt)
    assert (None, GK.name, Literal("林向东")) in g


@pytest.mark.parametrize("method, kwargs, status", [
    ("get", {"query_string": {"query": "SELECT * WHERE {"}}, 400),
    ("get", {"query_string": "query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
    ("get", {"query_string": {"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}}, 400),
    ("post", {"data": "INSERT DATA { <a:a> <a:b> <a:c> }", "content_type": "application/sparql-update"}, 400),
    ("post", {"data": "ASK {}", "content_type": "text/plain"}, 415),
    ("post", {"data": b"ASK {}"}, 415),
    ("post", {"data": "ASK {}".encode("utf-16"), "content_type": "application/sparql-query; charset=UTF-16"}, 415),
    ("post", {"data": b"ASK {\xff}", "content_type": "application/sparql-query"}, 400),
    ("get", {"query_string": "query=ASK%20%7B%7D%zz"}, 400),
    ("get", {"query_string": "query=ASK%20%7B%FF%7D"}, 400),
    ("put", {"data": "ASK {}", "content_type": "application/sparql-query"}, 405),
    ("post", {"data": {"nothing": "here"}}, 400),
    ("get", {"query_string": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}}, 400),
])
def test_bad_requests_get_4xx_in_one_shape(client, method, kwargs, status):
    response = getattr(client, method)("/sparql", **kwargs)
    assert response.status_code == status
    assert response.get_json() == {"ok": False, "error": response.get_json()["error"], "status": status}
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_a_request_without_query_gets_the_service_description(client):
    response = client.get("/sparql")
    g = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), None) in g


def test_unacceptable_formats_get_406(client):
    response = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert response.status_code == 406


def test_the_dataset_of_the_request_replaces_the_union(client, graph_store):
    article = str(Minter().article("qinglan_0603.txt", 1))
    query = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a gk:Article }"
    one = client.get("/sparql", query_string={"query": query, "default-graph-uri": article}, headers={"Accept": JSON})
    assert one.get_json()["results"]["bindings"][0]["n"]["value"] == "1"


def test_cors_preflight(client):
    response = client.options("/sparql", headers={"Access-Control-Request-Method": "POST"})
    assert response.status_code == 204 and "POST" in response.headers["Access-Control-Allow-Methods"]


def test_concurrent_first_queries_are_safe(graph_store):
    # One fresh app, as `kg serve` builds, whose first sixteen queries arrive at once. (Apps are
    # not built in threads: building one compiles its routes, which CPython 3.11 cannot do in
    # several threads at once.)
    app = create_app(store=graph_store)
    errors, results = [], []

    def ask():
        try:
            client = app.test_client()
            response = client.get("/sparql", query_string={"query": "SELECT ?n WHERE { ?p gk:name ?n } LIMIT 1"},
                                  headers={"Accept": JSON})
            results.append((response.status_code, response.get_data(as_text=True)[:200]))
        except Exception as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert [status for status, _ in results] == [200] * 16, results


# ---------------------------------------------------------------- canned queries

def test_the_queries_are_listed_with_their_parameters(client):
    listing = client.get("/queries", headers={"Accept": "application/json"}).get_json()["queries"]
    by_name = {q["name"]: q for q in listing}
    assert {"meetings_chaired", "person_timeline", "person_posts", "title_holders", "enterprise_ties",
            "co_attendance", "documents_adopted", "projects_with_amounts", "search", "entity_facts",
            "stats"} <= set(by_name)
    assert [p["name"] for p in by_name["meetings_chaired"]["params"]] == ["person", "from", "to"]
    assert all(q["title"] for q in listing)


def test_meetings_chaired_in_a_date_range(client):
    got = rows(client.get("/queries/meetings_chaired", query_string={"person": "林向东", "to": "2025-05-31"}))
    assert [(r["date"], r["type"], r["session"]) for r in got] == [("2025-05-12", "常委会会议", "58")]
    assert set(got[0]["adopted"].split("；")) == {"青澜市数字经济发展三年行动方案", "关于加强基层治理的实施意见"}
    assert rows(client.get("/queries/meetings_chaired", query_string={"person": "林向东", "from": "2025-06-01"})) == []
    # a span of a few months is looked up through their month index: the same meeting, and none outside it
    month = {"person": "林向东", "from": "2025-05-01", "to": "2025-05-31"}
    assert [r["date"] for r in rows(client.get("/queries/meetings_chaired", query_string=month))] == ["2025-05-12"]
    april = {"person": "林向东", "from": "2025-03-01", "to": "2025-04-30"}
    assert rows(client.get("/queries/meetings_chaired", query_string=april)) == []


def test_person_timeline(client):
    got = rows(client.get("/queries/person_timeline", query_string={"person": "宋明远"}))
    assert [(r["date"], r["type"], r["role"]) for r in got] == [("2025-05-12", "会见", "attendee"),
                                                                ("2025-06-02", "座谈会", "chair")]


def test_person_posts_with_first_and_last_dates(client):
    got = rows(client.get("/queries/person_posts", query_string={"person": "林向东"}))
    assert [(r["title"], r["first"], r["last"], r["articles"]) for r in got] == [("市委书记", "2025-05-12", "2025-06-02", "3")]


def test_title_holders(client):
    got = rows(client.get("/queries/title_holders", query_string={"title": "副市长"}))
    assert [(r["name"], r["first"], r["last"]) for r in got] == [("韩佳宁", "2025-05-12", "2025-06-02")]


def test_enterprise_ties_with_evidence(client):
    got = rows(client.get("/queries/enterprise_ties"))
    pairs = {(r["enterpriseName"], r["officialName"]) for r in got}
    assert ("华岳智能科技集团", "林向东") in pairs
    assert all("华岳智能科技集团" in r["evidence"] for r in got if r["enterpriseName"] == "华岳智能科技集团")


def test_co_attendance(client):
    got = rows(client.get("/queries/co_attendance"))
    top = {(r["aName"], r["bName"]): int(r["events"]) for r in got}
    assert top[("宋明远", "韩佳宁")] == 1 or top[("韩佳宁", "宋明远")] == 1
    assert len(top) == len(got) and not any((b, a) in top for a, b in top)  # each pair once


def test_documents_adopted(client):
    got = rows(client.get("/queries/documents_adopted"))
    assert {r["title"] for r in got} == {"青澜市数字经济发展三年行动方案", "关于加强基层治理的实施意见"}


def test_enterprise_ties_in_a_window_are_those_of_the_whole_listing_on_those_days(client):
    every = rows(client.get("/queries/enterprise_ties"))
    day = every[0]["date"]
    got = rows(client.get("/queries/enterprise_ties", query_string={"from": day, "to": day}))
    assert got and got == [r for r in every if r["date"] == day]


def test_documents_adopted_between_two_dates(client):
    every = rows(client.get("/queries/documents_adopted"))
    day = every[0]["date"]
    got = rows(client.get("/queries/documents_adopted", query_string={"from": day, "to": day}))
    assert got and [r["title"] for r in got] == [r["title"] for r in every if r["date"] == day]
    assert not rows(client.get("/queries/documents_adopted", query_string={"from": "1990-01-01", "to": "1990-12-31"}))


def test_projects_with_amounts_over_a_minimum(client):
    got = rows(client.get("/queries/projects_with_amounts", query_string={"min": "50"}))
    assert [(r["name"], r["amount"]) for r in got] == [("青澜湾综合治理工程", "86.5亿元")]
    ask = f'ASK {{ <{got[0]["article"]}> gk:text ?t FILTER (CONTAINS(?t, "86.5亿元")) }}'
    answer = client.get("/sparql", query_string={"query": ask}, headers={"Accept": "application/sparql-results+json"})
    assert answer.get_json()["boolean"] is True  # the article given is the one stating the amount


def test_search_finds_part_of_a_name(client):
    got = rows(client.get("/queries/search", query_string={"q": "华岳"}))
    assert any(r["label"] == "华岳智能科技集团" for r in got)
    assert all(int(r["articles"]) >= 1 for r in got)


def test_search_lists_people_not_their_posts(client):
    got = rows(client.get("/queries/search", query_string={"q": "市委书记"}))
    assert got == []  # the post's title matches; posts are not what the search lists
    people = rows(client.get("/queries/search", query_string={"q": "林向"}))
    assert {(r["label"], r["class"]) for r in people} == {("林向东", str(GK.Person))}


def test_entity_facts_carry_their_sentences(client):
    person = str(Minter().iri("person", "贺立群", "华岳智能科技集团"))
    got = rows(client.get("/queries/entity_facts", query_string={"iri": person}))
    holds = [r for r in got if r["property"] == str(GK.holdsPost)]
    assert holds and "贺立群" in holds[0]["sentence"]


def test_stats(client):
    got = {r["class"].rsplit("#", 1)[-1]: int(r["count"]) for r in rows(client.get("/queries/stats"))}
    assert got["Article"] == 6 and got["Page"] == 2


@pytest.mark.parametrize("value", ['林向东" } UNION { ?s ?p ?o } #', "}\nSELECT * WHERE { ?s ?p ?o }",
                                   "<http://evil/>", "林向东'))", "\\u0022"])
def test_parameters_cannot_inject_sparql(client, value):
    assert rows(client.get("/queries/person_timeline", query_string={"person": value})) == []


@pytest.mark.parametrize("query_string, status", [
    ({}, 400),  # person is required
    ({"person": "林向东", "from": "yesterday"}, 400),
    ({"person": "林向东", "bogus": "1"}, 400),
])
def test_bad_parameters(client, query_string, status):
    assert client.get("/queries/meetings_chaired", query_string=query_string).status_code == status


def test_an_unknown_query_is_404(client):
    response = client.get("/queries/nope")
    assert response.status_code == 404 and response.get_json()["ok"] is False


def test_results_as_csv_and_html(client):
    csv = client.get("/queries/stats", headers={"Accept": "text/csv"})
    assert csv.mimetype == "text/csv" and "class" in csv.get_data(as_text=True)
    html = client.get("/queries/search", query_string={"q": "林向东", "format": "text/html"})
    assert html.mimetype == "text/html" and "/resource/person/" in html.get_data(as_text=True)


# ---------------------------------------------------------------- linked data and pages

def test_an_entity_dereferences_as_turtle(client):
    response = client.get("/resource/" + quote("person/林向东"), headers={"Accept": "text/turtle"})
    g = Graph().parse(data=response.get_data(as_text=True), format="turtle")
    person = Minter().iri("person", "林向东")
    assert (person, GK.name, Literal("林向东")) in g
    assert g.value(person, GK.holdsPost) == Minter().iri("post", "林向东", "市委书记")


def test_an_entity_page_shows_facts_with_evidence(client):
    page = client.get("/resource/" + quote("person/林向东"), headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "林向东" in page and "市委书记林向东" in page and 'class="evidence"' in page


def test_an_unknown_entity_is_404(client):
    assert client.get("/resource/person/nobody", headers={"Accept": "text/turtle"}).status_code == 404


def test_the_graph_store_protocol_serves_the_union_and_one_graph(client):
    union = client.get("/rdf-graph-store?default", headers={"Accept": "application/n-triples"})
    assert union.status_code == 200 and len(union.get_data(as_text=True).splitlines()) > 100
    article = str(Minter().article("qinglan_0603.txt", 1))
    one = client.get("/rdf-graph-store", query_string={"graph": article}, headers={"Accept": "text/turtle"})
    g = Graph().parse(data=one.get_data(as_text=True), format="turtle")
    assert (URIRef(article), GK.sourceFile, Literal("qinglan_0603.txt")) in g


def test_the_home_page_has_search_queries_and_editor(client):
    page = client.get("/").get_data(as_text=True)
    assert 'name="q"' in page and "form-meetings_chaired" in page and 'id="sparql"' in page


def test_kg_query_prints_what_the_endpoint_answers(runner, tmp_path):
    from kg.cli import cli
    store = str(tmp_path / "s")
    runner.invoke(cli, ["ingest", "--store", store, str(PAGES)])
    printed = runner.invoke(cli, ["query", "search", "--store", store, "-p", "q=华岳"]).output
    served = create_app(store=GraphStore(None)).test_client()  # same route, another store: same shape
    assert json.loads(printed)["query"] == "search" and "rows" in json.loads(printed)
    assert served.get("/queries/search?q=x").get_json().keys() == json.loads(printed).keys()


def test_relative_iris_resolve_against_the_endpoint(client):
    response = client.get("/sparql", query_string={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
                          headers={"Accept": "application/n-triples"})
    assert response.status_code == 200 and "<http://localhost/s>" in response.get_data(as_text=True)


def test_a_wrong_method_is_405_with_the_allowed_ones(client):
    response = client.delete("/queries/stats")
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
    assert response.get_json()["status"] == 405


def test_concurrent_queries_through_the_rdflib_parser_are_safe(graph_store):
    # "service" in a query sends it through rdflib's parser (to look for SERVICE), which is not
    # thread-safe on first use; sixteen at once must all answer.
    app = create_app(store=graph_store)
    errors, results = [], []

    def ask(i: int):
        try:
            client = app.test_client()
            query = f'SELECT ?s WHERE {{ ?s gk:name "service {i}" }}'
            results.append(client.get("/sparql", query_string={"query": query}, headers={"Accept": JSON}).status_code)
        except Exception as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [200] * 16


# ---------------------------------------------------------------- the row cap

@pytest.fixture
def capped(graph_store):
    return create_app(Settings(max_rows=3), graph_store).test_client()


ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def test_a_result_past_the_row_cap_is_cut_and_says_so_in_every_format(capped):
    answer = capped.get("/sparql", query_string={"query": ALL}, headers={"Accept": JSON})
    document = answer.get_json()
    assert len(document["results"]["bindings"]) == 3
    assert document["truncated"] is True and protocol.TRUNCATED in document["head"]["link"]
    assert answer.headers["KG-Truncated"]
    xml = capped.get("/sparql", query_string={"query": ALL}, headers={"Accept": "application/sparql-results+xml"})
    assert xml.get_data(as_text=True).count("<result>") == 3 and protocol.TRUNCATED in xml.get_data(as_text=True)
    for mime in ("text/csv", "text/tab-separated-values"):
        table = capped.get("/sparql", query_string={"query": ALL}, headers={"Accept": mime})
        assert len(table.get_data(as_text=True).strip().splitlines()) == 4 and table.headers["KG-Truncated"]
    turtle = capped.get("/sparql", query_string={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "text/turtle"})
    assert turtle.get_data(as_text=True).startswith(f"# {protocol.TRUNCATED}") and turtle.headers["KG-Truncated"]
    assert len(Graph().parse(data=turtle.get_data(as_text=True), format="turtle")) == 3


def test_a_result_within_the_cap_is_whole_and_unflagged(capped):
    answer = capped.get("/sparql", query_string={"query": ALL + " LIMIT 3"}, headers={"Accept": JSON})
    assert "truncated" not in answer.get_json() and "KG-Truncated" not in answer.headers
    assert len(answer.get_json()["results"]["bindings"]) == 3


def test_canned_query_tables_are_cut_and_flagged_too(capped):
    answer = capped.get("/queries/search", query_string={"q": "青澜"})
    assert answer.get_json()["truncated"] is True and len(answer.get_json()["rows"]) == 3
    html = capped.get("/queries/search", query_string={"q": "青澜", "format": "text/html"}).get_data(as_text=True)
    assert "Only the first 3 rows" in html


def test_terms_keep_their_kind_language_and_datatype_through_the_cap(capped):
    query = 'SELECT ?a ?b ?c ?d WHERE { BIND(<http://x/y> AS ?a) BIND("名"@zh AS ?b) BIND(7 AS ?c) BIND(BNODE() AS ?d) }'
    [row] = capped.get("/sparql", query_string={"query": query}, headers={"Accept": JSON}).get_json()["results"]["bindings"]
    assert row["a"] == {"type": "uri", "value": "http://x/y"}
    assert row["b"] == {"type": "literal", "value": "名", "xml:lang": "zh"}
    assert row["c"] == {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert row["d"]["type"] == "bnode"
