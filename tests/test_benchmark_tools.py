"""The benchmarks' own tools: the synthetic archive and the session's table of figures."""

import pytest

from config import languages
from records.models import Release, Revision
from records.snapshots import release_snapshot, snapshot_checksum
from tests.benchmarks import synthetic
from tests.benchmarks.figures import FIGURES, Figure, figure_skip, figures_table
from translations.checks.services import release_terms_check
from translations.glossary.services import glossary_concept_validate
from translations.models import Concept, Finding, GlossaryState, Term


@pytest.fixture
def figures():
    """Leave the session's figures as they were after the test."""
    saved = list(FIGURES)
    FIGURES.clear()
    yield FIGURES
    FIGURES[:] = saved


def test_glossary_has_the_demo_concepts_then_valid_generated_ones():
    concepts = synthetic.glossary(120)
    demo = synthetic.demo_glossary()
    assert len(concepts) == 120
    assert concepts[: len(demo)] == demo
    assert len({concept.identifier for concept in concepts}) == 120
    for concept in concepts[len(demo) :]:
        glossary_concept_validate(concept)
        assert {term.language for term in concept.terms} == set(languages.CODES)
    assert synthetic.glossary(120) == concepts  # seeded: every run measures the same data


def test_glossary_store_writes_every_term_and_changes_the_version(db):
    concepts = synthetic.glossary(50)
    version = GlossaryState.current()
    count = synthetic.glossary_store(concepts)
    assert Concept.objects.count() == 50
    assert Term.objects.count() == count == sum(len(c.terms) for c in concepts)
    assert GlossaryState.current() != version


def test_archive_releases_have_a_head_revision_of_their_working_copy(db):
    concepts = synthetic.glossary(200)
    synthetic.glossary_store(concepts)
    releases = synthetic.archive_create(12, 15, concepts)
    assert Release.objects.count() == 12
    for release in Release.objects.all():
        revision = Revision.objects.get(release=release, number=release.head_number)
        assert revision.snapshot == release_snapshot(release)
        assert revision.checksum == snapshot_checksum(revision.snapshot)
        assert release.segments.count() == 15
    for release in releases:
        release_terms_check(release)
    # Some units carry a generated term in English only: the check reports it missing.
    missing = Finding.objects.filter(check_id="missing-term")
    assert set(missing.values_list("language", flat=True)) == set(languages.targets())


@pytest.mark.parametrize(
    ("name", "default", "value", "expected"),
    [
        ("BENCH_RELEASES", 7, None, 7),
        ("BENCH_RELEASES", 7, "", 7),
        ("BENCH_RELEASES", 7, "1000", 1000),
        ("BENCH_CONCEPTS", 7, "100_000", 100_000),
        ("BENCH_CONCEPTS", 7, "10,000", 10_000),
    ],
)
def test_sizes_come_from_the_environment(monkeypatch, name, default, value, expected):
    if value is None:
        monkeypatch.delenv(name, raising=False)
    else:
        monkeypatch.setenv(name, value)
    assert synthetic.size(name, default) == expected


def test_report_feeds_the_table_with_the_baselines_name_ratio_and_goal(figures, capsys):
    from tests.benchmarks.conftest import report

    report("bare scan (baseline)", 0.002)
    report("term check", 0.012, 0.002, goal=5)
    report("revision save", 0.003, 0.002, queries=9, goal=2)
    assert "term check" in capsys.readouterr().out
    check, save = figures[1], figures[2]
    assert (check.baseline, check.baseline_value, round(check.ratio, 2)) == (
        "bare scan (baseline)",
        2.0,
        6.0,
    )
    assert check.met is False and save.met is True
    assert save.name == "revision save [9 queries]"
    lines = figures_table().splitlines()
    assert len(lines) == 2 + 3  # heading, separator, one line per figure
    assert [cell.strip() for cell in lines[3].strip("|").split("|")] == [
        "term check",
        "12.00 ms",
        "bare scan (baseline)",
        "2.00 ms",
        "6.00x",
        "<= 5x",
        "NO",
    ]


def test_a_skipped_figure_has_a_row_saying_why(figures):
    figure_skip("page cost", "needs PostgreSQL")
    assert "skipped: needs PostgreSQL" in figures_table().splitlines()[2]
    assert Figure("x", 1.0).ratio is None and Figure("x", 1.0).met is None


def test_a_parametrized_benchmark_names_its_parameters_in_its_figures(figures):
    from tests.benchmarks.figures import CASE, figure_add

    CASE["parameters"] = "units=200"
    try:
        figure_add("polib save (baseline)", 1.0)
    finally:
        CASE["parameters"] = ""
    figure_add("polib save (baseline)", 2.0)
    assert [f.name for f in figures] == [
        "polib save (baseline) (units=200)",
        "polib save (baseline)",
    ]
