from __future__ import annotations

import pytest

from kg import queries

SPAN = """# title: Events in a span
# param: from date 1900-01-01 — first day
# param: to date 2999-12-31 — last day
# months: from to
SELECT ?from ?to ?m WHERE { ?m <https://w3id.org/govkg/ontology#month> ?month }
"""


def months_in(text: str) -> list[str]:
    values = text.split("VALUES ?month {", 1)[1].split("}", 1)[0]
    return [term.split('"')[1] for term in values.split()]


def test_a_span_is_found_through_the_months_it_covers():
    query = queries.parse("span", SPAN)
    bound = queries.bind(query, {"from": "2024-11-20", "to": "2025-02-03"})
    assert months_in(queries.text(query, bound)) == ["2024-11", "2024-12", "2025-01", "2025-02"]
    one = queries.bind(query, {"from": "2025-03-01", "to": "2025-03-31"})
    assert months_in(queries.text(query, one)) == ["2025-03"]


def test_a_span_of_decades_leaves_the_month_free_and_an_empty_one_finds_nothing():
    query = queries.parse("span", SPAN)
    assert "VALUES" not in queries.text(query, queries.bind(query, {}))  # 1900 to 2999: read the store
    backwards = queries.text(query, queries.bind(query, {"from": "2025-04-01", "to": "2025-03-01"}))
    assert "VALUES" in backwards and months_in(backwards) == []  # an empty span finds nothing


def test_months_must_name_two_date_parameters():
    with pytest.raises(ValueError, match="months"):
        queries.parse("bad", SPAN.replace("# months: from to", "# months: from q"))


def test_without_lateral_a_query_is_plain_sparql_with_the_same_patterns():
    query = queries.get("enterprise_ties")
    bound = queries.bind(query, {"from": "2025-03-01", "to": "2025-03-31"})
    plain = queries.text(query, bound, lateral=False)
    assert "LATERAL {" in queries.text(query, bound) and "LATERAL {" not in plain
    assert plain.count("{") == plain.count("}") and "OPTIONAL { ?statement rdf:subject ?meeting" in plain


SAMPLE = {"string": "林向东", "date": "2025-03-01", "integer": "3", "decimal": "1.5",
          "iri": "https://w3id.org/govkg/resource/person/林向东"}


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_canned_query_parses_with_and_without_lateral(name):
    from kg.store import GraphStore
    query = queries.get(name)
    bound = queries.bind(query, {p.name: SAMPLE[p.type] for p in query.params})
    for lateral in (True, False):  # without: as a remote server is sent it
        list(GraphStore(None).query(queries.text(query, bound, lateral=lateral), bindings=bound))


def test_a_parameter_written_with_a_dollar_is_one_serialised_term():
    query = queries.parse("named", '# title: By name\n# param: q string — a name\n'
                                   'SELECT ?q ?s WHERE { ?s <https://w3id.org/govkg/ontology#name> ?n FILTER (?n = $q) }\n')
    hostile = 'x" ) } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    text = queries.text(query, queries.bind(query, {"q": hostile}))
    assert "$q" not in text and text.count("DROP ALL") == 1
    from kg.store import GraphStore
    assert list(GraphStore(None).query(text)) == []  # parses as one query with one literal, finds nothing
