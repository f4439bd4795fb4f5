import json
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def timed(function, repeat=5):
    """Return (best seconds, result) of ``repeat`` calls of ``function``."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def report(name, seconds, baseline=None, queries=None, unit="ms"):
    """Print one benchmark line: time, optional query count, ratio to the baseline."""
    line = f"{name:<58} {seconds * 1000:9.2f} {unit}"
    if queries is not None:
        line += f"  {queries:4d} queries"
    if baseline:
        line += f"  ratio {seconds / baseline:7.2f}x"
    print(line)


@pytest.fixture(scope="session")
def demo_translations():
    return json.loads((ROOT / "records/demo/seed_translations.json").read_text("utf-8"))
