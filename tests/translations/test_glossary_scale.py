"""Glossary writes at scale: bulk imports, and match forms stored with every term."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.helpers import glossary_terms as fact_terms
from tests.helpers import run
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.checks.services import glossary_terms
from translations.glossary import words as word_rules
from translations.glossary.files import ConceptData, GlossaryFormatError, TermData
from translations.glossary.forms import match_forms_version, term_match_forms
from translations.glossary.services import glossary_import
from translations.models import Concept, GlossaryState, Term

pytestmark = pytest.mark.django_db

RUSSIAN_TEXT = (
    "Лидеры обсудили совместную хозяйственную деятельность на южных Курильских островах, "
    "а ТОРы и «Росатом» — в Приморье. Северные территории; Совместной хозяйственной деятельностью."
)


def concepts(count, version=0, prefix="bulk"):
    return [
        ConceptData(
            f"{prefix}-{index}",
            subject_field=f"field {version}",
            definition={"en": f"definition {index} v{version}"},
            terms=(
                TermData("en", f"bulk term {index}"),
                TermData("ru", f"пробный термин {index} {version}"),
            ),
        )
        for index in range(count)
    ]


def import_queries(data):
    with CaptureQueriesContext(connection) as queries:
        glossary_import(data)
    return len(queries)


def glossary_rows():
    return (
        sorted(Concept.objects.values_list("identifier", "subject_field", "definition_en")),
        sorted(Term.objects.values_list("concept__identifier", "language", "text", "position")),
        GlossaryState.current(),
    )


# --- bulk import -------------------------------------------------------------------------------


def test_import_queries_do_not_grow_with_the_concepts_in_a_batch(db):
    glossary_import([ConceptData("first", terms=(TermData("en", "first"),))])  # state row made
    # 40 concepts and 80 terms stay below SQLite's 999 variables per statement, so no insert
    # is split by the database's limit; 100 may add one split statement per table.
    for version in (0, 1, 1):  # created, updated, unchanged
        counts = [import_queries(concepts(n, version, prefix=f"n{n}")) for n in (10, 40, 100)]
        assert counts[0] == counts[1]
        assert counts[2] <= counts[0] + 2


def test_bulk_update_writes_every_field_and_replaces_the_terms(db):
    glossary_import(concepts(3))
    before = dict(Concept.objects.values_list("identifier", "updated_at"))
    counts = glossary_import(concepts(3, version=1) + concepts(5)[3:], replace_terms=True)
    assert counts.counts() == {"created": 2, "updated": 3, "unchanged": 0}
    concept = Concept.objects.get(identifier="bulk-1")
    assert (concept.subject_field, concept.definition_en) == ("field 1", "definition 1 v1")
    assert concept.updated_at > before["bulk-1"]
    assert list(concept.terms.order_by("position").values_list("text", flat=True)) == [
        "bulk term 1",
        "пробный термин 1 1",
    ]
    assert Term.objects.filter(concept__identifier__startswith="bulk-").count() == 10


def test_bad_concept_in_a_later_batch_leaves_the_updated_ones_unchanged(db):
    glossary_import(concepts(600))
    before = glossary_rows()
    data = concepts(600, version=1)
    data.append(ConceptData("bad", terms=(TermData("xx", "unknown language"),)))
    with pytest.raises(GlossaryFormatError):
        glossary_import(iter(data))
    assert glossary_rows() == before


# --- match forms ---------------------------------------------------------------------------


def refuse_to_lemmatise(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the lemmatiser was called")

    monkeypatch.setattr(word_rules, "russian_lemmas", refuse)
    monkeypatch.setattr(word_rules, "morph", refuse)


def import_facts():
    """Import the glossary of the matching facts; return it as specs without stored forms."""
    by_concept = {}
    for spec in fact_terms():
        by_concept.setdefault(spec.concept_id, []).append(
            TermData(spec.language, spec.text, spec.status, spec.case_sensitive)
        )
    glossary_import([ConceptData(f"fact-{c}", terms=tuple(ts)) for c, ts in by_concept.items()])
    return [
        TermSpec(t.pk, t.concept_id, t.language, t.text, t.status, t.case_sensitive)
        for t in Term.objects.all()
    ]


def spans(matcher, text):
    return [(m.term.id, m.start, m.end) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", RUSSIAN_TEXT),
        ("en", "The TORs of Japan’s Northern Territories; joint economic activities."),
        ("ja", "北方四島における共同経済活動とＴＯＲについて"),
    ],
)
def test_building_a_matcher_from_stored_forms_lemmatises_nothing(monkeypatch, db, language, text):
    plain = import_facts()
    expected = spans(TermMatcher(plain, language), text)
    stored = glossary_terms(language)
    assert all(spec.forms for spec in stored)
    refuse_to_lemmatise(monkeypatch)
    matcher = TermMatcher(stored, language)
    monkeypatch.undo()
    assert spans(matcher, text) == expected
    assert expected, "the facts glossary has terms in this text"


def test_the_check_refuses_to_lemmatise_without_stored_forms(monkeypatch, db):
    # The test above can fail: without stored forms a Russian build does lemmatise.
    plain = [spec for spec in import_facts() if spec.language == "ru"]
    refuse_to_lemmatise(monkeypatch)
    with pytest.raises(AssertionError, match="lemmatiser was called"):
        TermMatcher(plain, "ru")


def test_every_write_path_stores_current_forms(client, published):
    glossary_import([ConceptData("imported", terms=(TermData("ru", "саммиты"),))])
    concept = Concept.objects.get(identifier="imported")
    saved = concept.terms.create(language="ru", text="встречи на высшем уровне")
    client.force_login(published["users"]["terminologist"])
    term = concept.terms.get(text="саммиты")
    response = client.post(
        reverse("admin:translations_concept_change", args=[concept.pk]),
        {
            "identifier": "imported",
            "subject_field": "",
            **{f"{name}_{c}": "" for name in ("definition", "note") for c in ("en", "ja", "ru")},
            "terms-TOTAL_FORMS": "2",
            "terms-INITIAL_FORMS": "2",
            "terms-MIN_NUM_FORMS": "0",
            "terms-MAX_NUM_FORMS": "1000",
            **{
                f"terms-{i}-{field}": value
                for i, (pk, text) in enumerate(
                    [(term.pk, "ТОР"), (saved.pk, "встречи на высшем уровне")]
                )
                for field, value in {
                    "id": pk,
                    "concept": concept.pk,
                    "language": "ru",
                    "text": text,
                    "status": "preferred",
                    "case_sensitive": "on",
                    "position": "0",
                    "part_of_speech": "",
                    "note": "",
                }.items()
            },
        },
    )
    assert response.status_code == 302
    for stored in Term.objects.all():
        assert stored.match_forms == term_match_forms(
            stored.language, stored.text, stored.case_sensitive
        )
    assert Term.objects.get(pk=term.pk).match_forms["units"] == [["=ТОР"]]


def test_stale_forms_are_recomputed_when_read_and_refreshed_by_the_command(db):
    glossary_import([ConceptData("stale", terms=(TermData("ru", "саммиты"),))])
    Term.objects.update(match_forms={"version": "0:old", "units": [["wrong"]], "longest": 5})
    matcher = TermMatcher(glossary_terms("ru"), "ru")
    assert [m.term.text for m in matcher.find("Саммит прошёл.")] == ["саммиты"]
    assert "for 1 term" in run("refresh_match_forms")
    term = Term.objects.get()
    assert term.match_forms["version"] == match_forms_version("ru")
    assert term.match_forms["units"] == [["саммит"]]
    assert "0 terms" in run("refresh_match_forms")
    assert "1 term." in run("refresh_match_forms", "--all")


def test_refreshing_forms_that_now_match_differently_is_a_glossary_change(db):
    glossary_import([ConceptData("region", terms=(TermData("en", "Indo-Pacific"),))])
    current = Term.objects.get().match_forms
    # Stored by the first rules: no split spelling ("Indo Pacific").
    Term.objects.update(
        match_forms={"version": "1:words:english", "units": [["indo-pacific"]], "longest": 12}
    )
    before = GlossaryState.current()
    assert "for 1 term" in run("refresh_match_forms")
    assert Term.objects.get().match_forms == current
    after = GlossaryState.current()
    assert after != before  # matchers are rebuilt, check runs of the old version are stale
    # Forms stale only by their stamp match as before: stored, no glossary change.
    Term.objects.update(match_forms={**current, "version": "1:words:english"})
    assert "for 1 term" in run("refresh_match_forms")
    assert GlossaryState.current() == after
    assert "0 terms" in run("refresh_match_forms")
    assert GlossaryState.current() == after


def test_a_reimported_term_keeps_its_forms_and_a_respelled_one_gets_new_ones(monkeypatch, db):
    glossary_import([ConceptData("kept", terms=(TermData("ru", "саммиты"),))])
    stored = Term.objects.get().match_forms
    refuse_to_lemmatise(monkeypatch)
    noted = TermData("ru", "саммиты", note="a new note")
    assert glossary_import([ConceptData("kept", terms=(noted,))])["updated"] == 1
    assert Term.objects.get().match_forms == stored
    with pytest.raises(AssertionError, match="lemmatiser was called"):
        glossary_import([ConceptData("kept", terms=(noted, TermData("ru", "встречи")))])
    monkeypatch.undo()
    glossary_import([ConceptData("kept", terms=(noted, TermData("ru", "встречи")))])
    assert Term.objects.get(text="встречи").match_forms["units"] == [["встреча"]]
