"""The canned queries' OpenAPI description, checked against the app by schemathesis."""
from __future__ import annotations

from datetime import date

import schemathesis
from hypothesis import HealthCheck, settings

from conftest import PAGES
from kg import pipeline
from kg.store import GraphStore
from kg.vocab import Minter
from kg.web import create_app


def _app():
    store = GraphStore(None)
    pipeline.ingest([PAGES / "qinglan_0513.txt"], store, Minter(), manifest=pipeline.Manifest({"qinglan_0513.txt": date(2025, 5, 13)}))
    return create_app(store=store)


schema = schemathesis.openapi.from_wsgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_canned_query_answers_as_described(case):
    case.call_and_validate()


def test_the_description_lists_every_query():
    described = _app().test_client().get("/openapi.json").get_json()["paths"]
    assert "/queries/meetings_chaired" in described
    params = described["/queries/meetings_chaired"]["get"]["parameters"]
    assert [(p["name"], p["required"]) for p in params] == [("person", True), ("from", False), ("to", False)]
