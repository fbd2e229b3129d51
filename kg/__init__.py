"""govkg: newspaper pages of Chinese local government turned into a knowledge graph."""
from __future__ import annotations

__version__ = "0.1.0"
