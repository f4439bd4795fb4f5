"""Term checks at scale: one match pass per text, and the index of concepts each release uses."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.models import Release, Revision
from records.services import release_write
from records.snapshots import release_snapshot
from records.units import snapshot_units
from translations.checks import pending
from translations.checks.matching.matcher import TermMatcher
from translations.checks.services import (
    glossary_terms,
    release_terms_check,
    releases_affected,
    releases_using,
)
from translations.glossary.files import ConceptData, TermData
from translations.glossary.services import glossary_import
from translations.models import Concept, PendingRecheck, ReleaseConcept, Term

pytestmark = pytest.mark.django_db


def small_release(editor, slug, texts):
    """Write a release of one segment per ``{"en": ..., "ja": ..., "ru": ...}`` of ``texts``."""
    content = {
        "slug": slug,
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": slug, "ja": slug, "ru": slug},
        "photos": [],
        "segments": [
            {"key": str(uuid.uuid4()), "kind": "paragraph", "level": 0, "text": dict(text)}
            for text in texts
        ],
    }
    return release_write(content, author=editor).release


SUMMIT = {"en": "The summit meeting.", "ja": "首脳会談。", "ru": "Встреча на высшем уровне."}
RAIN = {"en": "Rain.", "ja": "雨。", "ru": "Дождь."}
TOR = {"en": "The TOR was discussed.", "ja": "TORについて。", "ru": "Обсудили ТОР."}


def scanned(concept_ids):
    """Return the releases whose head text contains a term of ``concept_ids`` (a full scan)."""
    matchers = [TermMatcher(glossary_terms(code), code) for code in ("en", "ja", "ru")]
    wanted = set(concept_ids)
    found = set()
    for release in Release.objects.all():
        snapshot = Revision.objects.get(release=release, number=release.head_number).snapshot
        texts = [snapshot["title"]] + [segment["text"] for segment in snapshot["segments"]]
        for matcher in matchers:
            for text in texts:
                if any(
                    m.term.concept_id in wanted for m in matcher.find(text.get(matcher.language))
                ):
                    found.add(release.pk)
    return sorted(found)


# --- one match pass -------------------------------------------------------------------------


def test_the_check_matches_each_text_once(demo, monkeypatch):
    release = demo["release"]
    calls = []
    find = TermMatcher.find

    def counting(matcher, text):
        calls.append((matcher.language, text))
        return find(matcher, text)

    monkeypatch.setattr(TermMatcher, "find", counting)
    release_terms_check(release, force=True)
    snapshot = Revision.objects.get(release=release, number=release.head_number).snapshot
    # Every unit: the title, the photos' captions and credits, the segments.
    units = snapshot_units(snapshot)
    assert len(units) > len(snapshot["segments"]) + 1
    expected = [("en", unit.text("en")) for unit in units] + [
        (code, unit.text(code))
        for code in ("ja", "ru")
        for unit in units
        if unit.text(code).strip()
    ]
    assert sorted(calls) == sorted(expected)


# --- the concepts index ---------------------------------------------------------------------


@pytest.fixture
def releases(demo, editor):
    """The demo release and three small ones, all checked."""
    made = [
        demo["release"],
        small_release(editor, "summit-only", [SUMMIT]),
        small_release(editor, "weather", [RAIN]),
        small_release(editor, "tor-and-summit", [TOR, SUMMIT]),
    ]
    for release in made:
        release_terms_check(release)
    return made


def test_the_index_agrees_with_a_scan_of_every_release(releases):
    concept_ids = list(Concept.objects.values_list("pk", flat=True))
    assert releases_using(concept_ids) == scanned(concept_ids)
    for concept_id in concept_ids:
        assert releases_affected([concept_id], new_terms=[]) == scanned([concept_id])
        assert releases_affected([concept_id]) == scanned([concept_id])
    summit = Concept.objects.get(identifier="summit-meeting")
    assert len(releases_using([summit.pk])) == 3


def test_a_new_term_is_found_by_a_scan_and_then_by_the_index(releases):
    weather = releases[2]
    glossary_import([ConceptData("rain", terms=(TermData("en", "rain"), TermData("ru", "дождь")))])
    rain = Concept.objects.get(identifier="rain")
    assert releases_using([rain.pk]) == []  # no check has seen the new concept yet
    assert releases_affected([rain.pk]) == [weather.pk]
    release_terms_check(weather)
    assert releases_using([rain.pk]) == [weather.pk]


def test_a_deleted_concept_still_finds_the_releases_that_used_it(releases):
    summit = Concept.objects.get(identifier="summit-meeting")
    pk, before = summit.pk, releases_using([summit.pk])
    summit.delete()
    assert releases_affected([pk], new_terms=[]) == before
    assert len(before) == 3


def test_a_later_check_replaces_the_release_rows(releases, editor):
    release = releases[1]
    summit = Concept.objects.get(identifier="summit-meeting")
    content = release_snapshot(release)
    content["segments"][0]["text"] = dict(RAIN)
    release_write(content, author=editor, based_on=release.head_number)
    release.refresh_from_db()
    release_terms_check(release)
    assert release.pk not in releases_using([summit.pk])
    assert not ReleaseConcept.objects.filter(release=release).exists()


def test_index_lookup_queries_do_not_grow_with_the_releases(demo, editor):
    concept_ids = list(Concept.objects.values_list("pk", flat=True))
    counts = []
    for batch in range(2):
        for index in range(3 + 7 * batch):
            release_terms_check(small_release(editor, f"r{batch}-{index}", [SUMMIT, TOR]))
        with CaptureQueriesContext(connection) as queries:
            found = releases_affected(concept_ids, new_terms=[])
        counts.append(len(queries))
        assert found == scanned(concept_ids)
        assert len(found) == Release.objects.count()
    assert counts[0] == counts[1] == 1


def test_the_import_tells_which_concepts_gained_terms(
    demo, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(
        pending, "task_send", lambda name, recheck_id, label: sent.append(recheck_id)
    )
    tor = Concept.objects.get(identifier="tor")
    terms = [
        TermData(t.language, t.text, t.status, t.case_sensitive, t.part_of_speech, "a new note")
        for t in Term.objects.filter(concept=tor).order_by("position", "id")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        glossary_import([ConceptData("tor", terms=tuple(terms))])
        glossary_import([ConceptData("brand-new", terms=(TermData("en", "brand new"),))])
    new = Concept.objects.get(identifier="brand-new")
    rows = PendingRecheck.objects.in_bulk(sent)
    assert [(rows[pk].concepts, rows[pk].new_terms) for pk in sent] == [
        ([tor.pk], []),
        ([new.pk], [new.pk]),
    ]


def test_glossary_wide_data_is_derived_once_per_glossary_version(releases, monkeypatch):
    """Labels and proper names are read once for many releases, again after a change."""
    from translations.checks import services as terms
    from translations.checks.matching.cache import clear_matcher_cache

    clear_matcher_cache()
    calls = []
    labels = terms._concept_labels
    monkeypatch.setattr(terms, "_concept_labels", lambda code: calls.append(code) or labels(code))
    for release in Release.objects.all():
        release_terms_check(release, force=True)
    assert calls == ["en"]
    tor = Concept.objects.get(identifier="tor")
    glossary_import([ConceptData("tor", terms=(TermData("en", "TOR"), TermData("ru", "ТОР")))])
    release_terms_check(Release.objects.first(), force=True)
    assert calls == ["en", "en"]
    assert tor.pk in terms._concept_labels("en")


def test_a_large_import_has_postgresql_analyse_the_glossary(postgres, monkeypatch):
    from translations.glossary import services as glossary

    def analysed(concepts):
        with CaptureQueriesContext(connection) as queries:
            glossary_import(concepts)
        return sorted(q["sql"] for q in queries.captured_queries if q["sql"].startswith("ANALYZE"))

    monkeypatch.setattr(glossary, "ANALYSE_AFTER", 3)
    small = [ConceptData(f"c{n}", terms=(TermData("en", f"word{n}"),)) for n in range(2)]
    assert analysed(small) == []
    large = [ConceptData(f"d{n}", terms=(TermData("en", f"term{n}"),)) for n in range(3)]
    assert analysed(large) == ['ANALYZE "translations_concept"', 'ANALYZE "translations_term"']
