"""What an ingest's worker processes start from. The ingest's fork server imports this module once,
before it forks the workers, so each starts with the build code, jieba's dictionary and jieba-rs's
already loaded (over a second of a core that every worker would otherwise spend again).
"""
from kg.build import build_file  # noqa: F401  (what the workers run)
from kg.extract.base import segmenter

segmenter()
