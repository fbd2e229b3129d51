"""Find the facts of one article: one module per kind, composed here."""
from __future__ import annotations

from kg.model import Article, Extraction


def extract(article: Article) -> Extraction:
    """Everything the extractors find in `article`."""
    return Extraction()
