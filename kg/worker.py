"""What an ingest's worker processes start from. The ingest's fork server imports this module once,
before it forks the workers, so each starts with the build code and jieba's dictionary already
loaded (two seconds of a core that every worker would otherwise spend again).
"""
from kg.build import build_file  # noqa: F401  (what the workers run)
from kg.extract.base import word_tags

word_tags()
