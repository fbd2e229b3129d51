"""Property-based tests: arbitrary text and mutated pages never make a stage raise, and every
offset points at the character it stands for."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PAGES
from kg import dates, segment, text
from kg.errors import PageError
from kg.extract import extract_page
from kg.model import Page

SAMPLE = (PAGES / "qinglan_0513.txt").read_text(encoding="utf-8")
# Characters pages are made of: Chinese, digits, the punctuation and brackets that segmentation
# reads, quotes, spaces and line breaks.
ALPHABET = st.sampled_from(list("本报讯市委书记林向东长主持召开会议审议通过《》“”（）、，。：；！？ \n\n0123456789月日年·摄"))


def page_of(raw: str) -> Page:
    return Page(source="fuzz.txt", raw=raw, content_hash="0")


def check(raw: str) -> None:
    page = page_of(raw)
    articles = segment.articles(page)
    for article in articles:
        assert all(raw[o] == ch for ch, o in zip(article.body.text, article.body.offsets))
        for line in article.headline:
            assert all(raw[o] == ch for ch, o in zip(line.text, line.offsets))
        article.date = dates.resolve(article.body.text, None, 2025, "fuzz").date
    for article, found in zip(articles, extract_page(articles)):
        body = article.body.text
        for person in found.persons:
            assert all(body[s:e] == person.name for s, e in person.spans)
        for where in [p.evidence for p in found.persons] + [m.evidence for m in found.meetings]:
            if where is not None:
                article.body.origin(*where)  # raises if the sentence is not in the body


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_arbitrary_text_never_raises(raw):
    check(raw)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_mutated_pages_never_raise(data):
    raw = SAMPLE
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["cut", "insert", "swap"]))
        if action == "cut":
            raw = raw[:at] + raw[at + data.draw(st.integers(1, 40)):]
        elif action == "insert":
            raw = raw[:at] + data.draw(st.text(alphabet=ALPHABET, max_size=20)) + raw[at:]
        else:
            other = data.draw(st.integers(0, len(raw)))
            a, b = sorted((at, other))
            raw = raw[:a] + raw[b:] + raw[a:b]
    check(raw)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_read_or_refused_by_name(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "junk.txt"
    path.write_bytes(data)
    try:
        page = text.read_page(path)
    except PageError as exc:
        assert "junk.txt" in str(exc)
        return
    check(page.raw)


def test_a_single_one_megabyte_line_is_ingested_or_refused(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("本报讯 5月1日，" + "市长王某出席活动并讲话，强调要抓好落实" * 52000 + "。（李某）\n", encoding="utf-8")
    page = text.read_page(path)
    [article] = segment.articles(page)
    [found] = extract_page([article])
    assert [p.name for p in found.persons] == ["王某"] and article.authors == ["李某"]
