"""The benchmarks' synthetic pages: the same seed gives the same pages, and they read as pages."""
from __future__ import annotations

import random
import sys
from pathlib import Path

from kg import segment
from kg.extract import extract_page
from kg.model import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import synth  # noqa: E402


def test_the_same_seed_gives_the_same_pages_and_another_seed_others():
    assert list(synth.pages(3, seed=5)) == list(synth.pages(3, seed=5))
    assert list(synth.pages(3, seed=5)) != list(synth.pages(3, seed=6))


def test_a_synthetic_page_splits_into_its_four_articles_with_their_people():
    raw = synth.page(5, 0)
    page = Page(source="s.txt", raw=raw, content_hash="0")
    articles = segment.articles(page)
    assert len(articles) == 4 and all(a.authors for a in articles)
    found = extract_page(articles)
    names = {p.name for extraction in found for p in extraction.persons}
    city = synth.Invented(random.Random(5 * 7919))  # the city and leaders page 0 was written with
    assert {city.secretary, city.mayor} & names
    assert all(extraction.meetings for extraction in found)
