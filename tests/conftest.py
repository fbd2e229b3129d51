from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.store import GraphStore
from kg.vocab import Minter

HERE = Path(__file__).resolve().parent
PAGES = HERE / "data" / "pages"
SHARED = HERE.parent.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the project")


@pytest.fixture
def pages() -> Path:
    return PAGES


@pytest.fixture
def store() -> GraphStore:
    return GraphStore(None)


@pytest.fixture
def minter() -> Minter:
    return Minter()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
