"""The shared scorer, run on the seed pages through the real `kg` command."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import GOLD, SEEDS, SHARED, needs_seeds

KG = Path(sys.executable).with_name("kg")
# The figures each issue must hold on the seeds; a drop below any of them fails.
FLOORS = {"articles": 0.97, "headline": 0.95, "authors": 0.97, "date": 0.97}


@needs_seeds
def test_the_seed_pages_score_at_least_the_floors():
    args = [sys.executable, str(SHARED / "eval" / "score.py"), "--pages", str(SEEDS), "--gold", str(GOLD),
            "--kg", str(KG)]
    args += [f"--min={name.replace(' ', '_')}={value}" for name, value in FLOORS.items()]
    result = subprocess.run(args, capture_output=True, text=True, timeout=600)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
