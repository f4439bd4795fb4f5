import json
import time
from pathlib import Path

import pytest

from .figures import CASE, FIGURES, baseline_name, figure_add, figures_table

ROOT = Path(__file__).resolve().parents[2]


def timed(function, repeat=5):
    """Return (best seconds, result) of ``repeat`` calls of ``function``."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def report(name, seconds, baseline=None, queries=None, unit="ms", goal=None, baseline_as=""):
    """Print one benchmark line and register it as a figure of the session's table.

    ``unit`` is "ms" or "s"; ``baseline`` is the baseline's time in seconds, and its name that
    of the figure reported with that time (or ``baseline_as``). ``goal`` is the largest ratio
    to the baseline aimed at.
    """
    scale = 1 if unit == "s" else 1000
    line = f"{name:<58} {seconds * scale:9.2f} {unit}"
    if queries is not None:
        line += f"  {queries:4d} queries"
        name = f"{name} [{queries} queries]"
    if baseline:
        line += f"  ratio {seconds / baseline:7.2f}x"
    print(line)
    base = baseline * scale if baseline else None
    figure_add(name, seconds * scale, unit, baseline_as or baseline_name(base), base, goal)


def pytest_report_header(config):
    from . import synthetic

    return f"benchmark sizes: {synthetic.sizes_text()}"


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    from . import synthetic

    terminalreporter.section("benchmark figures")
    terminalreporter.write_line(f"sizes: {synthetic.sizes_text()}; database: {DATABASE['text']}")
    terminalreporter.write_line(figures_table())


DATABASE = {"text": "not used"}


@pytest.fixture(scope="session", autouse=True)
def _database_noted(django_db_setup, django_db_blocker):
    """Note the database the figures were measured on, for the table's heading."""
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            DATABASE["text"] = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            cursor.execute("SELECT sqlite_version()")
            DATABASE["text"] = f"SQLite {cursor.fetchone()[0]}"


@pytest.fixture(autouse=True)
def _figure_case(request):
    """Name a parametrized benchmark's parameters in its figures."""
    callspec = getattr(request.node, "callspec", None)
    parameters = callspec.params.items() if callspec else ()
    CASE["parameters"] = ", ".join(f"{name}={value}" for name, value in parameters)
    yield
    CASE["parameters"] = ""


@pytest.fixture(scope="session")
def demo_translations():
    return json.loads((ROOT / "records/demo/seed_translations.json").read_text("utf-8"))
