"""The glossary's concepts through the API: read by every role that reads the glossary, written
by terminologists through the glossary's service, refusals changing nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.helpers import api_client
from tests.scenarios import glossary_with, user_with_role
from translations.glossary.services import concept_save
from translations.models import Concept, GlossaryState, PendingRecheck, Term

pytestmark = pytest.mark.django_db

CONCEPTS = "/api/v1/glossary/concepts/"
PROBLEM = "application/problem+json"


def concept_url(identifier):
    return f"{CONCEPTS}{identifier}/"


def glossary_state():
    """Everything a refused write must leave as it was."""
    return (
        sorted(
            Concept.objects.values_list(
                "identifier", "subject_field", "definition_en", "note_ja", "updated_at"
            )
        ),
        sorted(
            Term.objects.values_list(
                "pk", "concept__identifier", "language", "text", "status", "note", "position"
            )
        ),
        GlossaryState.current(),
        PendingRecheck.objects.count(),
    )


@pytest.fixture
def glossary(users):
    glossary_with(
        ("peace-treaty", {"en": "peace treaty", "ja": "平和条約", "ru": "мирный договор"}),
        (
            "kurils",
            {"en": "Kuril Islands", "ru": [("Курилы", "admitted"), ("Южные Курилы", "forbidden")]},
        ),
        ("summit", {"en": "summit meeting", "ja": "首脳会談"}),
    )
    PendingRecheck.objects.all().delete()
    return users


def client_of(name):
    return api_client(get_user_model().objects.get(username=name))


def new_concept(identifier="visa-free", **fields):
    return {
        "identifier": identifier,
        "subject_field": "travel",
        "definition": {"en": "Travel without a visa."},
        "terms": [
            {"language": "en", "text": "visa-free travel"},
            {"language": "ru", "text": "безвизовый режим", "status": "admitted", "note": "MID"},
        ],
        **fields,
    }


# --- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["editor", "terminologist", "translator-ja", "reviewer-ru", "admin"]
)
def test_every_role_that_reads_the_glossary_lists_its_concepts(glossary, name):
    if name == "admin":
        user_with_role("admin")
    response = client_of(name).get(CONCEPTS)
    assert response.status_code == 200, response.content
    body = response.json()
    assert [c["identifier"] for c in body["results"]] == ["kurils", "peace-treaty", "summit"]
    kurils = body["results"][0]
    assert [(t["language"], t["text"], t["status"]) for t in kurils["terms"]] == [
        ("en", "Kuril Islands", "preferred"),
        ("ru", "Курилы", "admitted"),
        ("ru", "Южные Курилы", "forbidden"),
    ]
    assert set(kurils["terms"][0]) == {
        "id",
        "language",
        "text",
        "status",
        "case_sensitive",
        "part_of_speech",
        "note",
        "variants",
        "position",
    }


def test_a_staff_user_without_the_glossary_is_refused_and_anonymous_asked_to_log_in(glossary):
    nobody = get_user_model().objects.create_user("nobody", is_staff=True)
    response = api_client(nobody).get(CONCEPTS)
    assert response.status_code == 403 and response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == "You may not read the glossary."
    assert api_client().get(CONCEPTS).status_code == 401


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"q": "курилы"}, ["kurils"]),
        ({"q": "treaty"}, ["peace-treaty"]),
        ({"q": "summit"}, ["summit"]),
        ({"language": "ja"}, ["peace-treaty", "summit"]),
        ({"status": "forbidden"}, ["kurils"]),
        # The status and the language constrain the same term.
        ({"status": "forbidden", "language": "en"}, []),
        ({"status": "admitted", "language": "ru"}, ["kurils"]),
        ({"q": "meeting", "language": "ja"}, ["summit"]),
    ],
)
def test_the_list_filters_by_words_language_and_status(glossary, query, found):
    response = client_of("translator-ru").get(CONCEPTS, query)
    assert response.status_code == 200
    assert [c["identifier"] for c in response.json()["results"]] == found


@pytest.mark.parametrize("query", [{"language": "xx"}, {"status": "best"}])
def test_an_unknown_filter_value_is_a_problem(glossary, query):
    response = client_of("editor").get(CONCEPTS, query)
    assert response.status_code == 400 and response["Content-Type"] == PROBLEM
    assert list(response.json()["errors"]) == list(query)


def bulk_glossary(count, start=0):
    """``count`` valid concepts with two terms each, written in bulk."""
    concepts = Concept.objects.bulk_create(
        Concept(identifier=f"concept-{n:05d}", definition_en=f"Concept {n}.")
        for n in range(start, start + count)
    )
    Term.objects.bulk_create(
        term.fill_match_forms()
        for concept in concepts
        for term in (
            Term(concept=concept, language="en", text=f"term {concept.pk}"),
            Term(concept=concept, language="ja", text=f"用語{concept.pk}", position=1),
        )
    )


def list_queries(client, **query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CONCEPTS, query)
    assert response.status_code == 200
    return len(queries), response.json()


def test_the_list_costs_the_same_queries_at_20_and_2000_concepts(users):
    client = client_of("translator-ja")
    client.get(CONCEPTS)  # the token's first use is written once
    bulk_glossary(20)
    few, page = list_queries(client)
    assert len(page["results"]) == 20 and page["next"] is None
    bulk_glossary(1980, start=20)
    many, page = list_queries(client)
    assert len(page["results"]) == 50 and page["next"]
    assert many == few
    filtered, _page = list_queries(client, q="term", language="ja")
    assert filtered == few
    following = client.get(page["next"]).json()
    assert following["results"][0]["identifier"] == "concept-00050"
    assert [t["language"] for t in following["results"][0]["terms"]] == ["en", "ja"]


def test_a_concept_is_read_by_its_identifier(glossary):
    response = client_of("reviewer-ja").get(concept_url("peace-treaty"))
    assert response.status_code == 200
    assert [t["text"] for t in response.json()["terms"]] == [
        "peace treaty",
        "平和条約",
        "мирный договор",
    ]
    missing = client_of("reviewer-ja").get(concept_url("no-such-concept"))
    assert missing.status_code == 404 and missing["Content-Type"] == PROBLEM
    assert missing.json()["detail"] == "There is no concept “no-such-concept”."


# --- writing -----------------------------------------------------------------------------------


def test_a_terminologist_creates_a_concept_and_its_releases_are_rechecked(glossary):
    version = GlossaryState.current()
    response = client_of("terminologist").post(CONCEPTS, new_concept(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    concept = Concept.objects.get(identifier="visa-free")
    assert body["id"] == concept.pk and body["definition"] == {"en": "Travel without a visa."}
    assert concept.subject_field == "travel" and concept.definition_en == "Travel without a visa."
    assert list(
        concept.terms.order_by("position").values_list("language", "text", "status", "note")
    ) == [
        ("en", "visa-free travel", "preferred", ""),
        ("ru", "безвизовый режим", "admitted", "MID"),
    ]
    assert [t["text"] for t in body["terms"]] == ["visa-free travel", "безвизовый режим"]
    # The same glossary change as the admin's save: a new version and a re-check recorded.
    assert GlossaryState.current() != version
    recheck = PendingRecheck.objects.get()
    assert (recheck.concepts, recheck.new_terms) == ([concept.pk], [concept.pk])
    assert concept.terms.get(language="ru").match_forms["units"]


@pytest.mark.parametrize("name", ["editor", "translator-ru", "reviewer-ja"])
def test_only_terminologists_write_the_glossary(glossary, name):
    client = client_of(name)
    before = glossary_state()
    kurils = client.get(concept_url("kurils")).json()
    attempts = [
        client.post(CONCEPTS, new_concept(), format="json"),
        client.put(concept_url("kurils"), {**kurils, "subject_field": "geography"}, format="json"),
        client.patch(concept_url("kurils"), {"subject_field": "geography"}, format="json"),
        client.delete(concept_url("kurils")),
    ]
    for response in attempts:
        assert response.status_code == 403 and response["Content-Type"] == PROBLEM
        assert response.json()["detail"] == "Only terminologists may change the glossary."
    assert glossary_state() == before


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        ({"terms": []}, ["terms"], "no terms in concept 'visa-free'"),
        (
            {"terms": [{"language": "en", "text": "visa"}, {"language": "en", "text": "visa"}]},
            ["terms", 1, "text"],
            "duplicate term 'visa' in language 'en'",
        ),
        (
            {"terms": [{"language": "en", "text": "vi\x1bsa"}]},
            ["terms", 0, "text"],
            "term contains a character XML cannot hold",
        ),
        (
            {"terms": [{"language": "en", "text": "visa", "note": "a\x85b"}]},
            ["terms", 0, "note"],
            "term note contains a control character",
        ),
        ({"definition": {"ja": "査証"}}, ["definition"], "definition for language 'ja'"),
        ({"definition": {"xx": "?"}}, ["definition"], "“xx” is not a language Concord keeps"),
        ({"identifier": "visa free"}, ["identifier"], "slug"),
        ({"identifier": "kurils"}, ["identifier"], "already exists"),
        ({"subject_field": "x" * 201}, ["subject_field"], "no more than 200"),
        (
            {"terms": [{"language": "en", "text": "x" * 301}]},
            ["terms", 0, "text"],
            "no more than 300",
        ),
        (
            {"terms": [{"language": "de", "text": "Visum"}]},
            ["terms", 0, "language"],
            "valid choice",
        ),
        (
            {"terms": [{"language": "en", "text": "visa", "status": "best"}]},
            ["terms", 0, "status"],
            "valid choice",
        ),
    ],
)
def test_an_invalid_concept_is_refused_field_by_field_and_nothing_is_written(
    glossary, change, where, message
):
    before = glossary_state()
    response = client_of("terminologist").post(CONCEPTS, new_concept(**change), format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert response["Content-Type"] == PROBLEM and body["code"] == "invalid"
    found = body["errors"]
    for step in where:
        found = found[step]
    assert message in found[0] and message in body["detail"]
    assert glossary_state() == before


def test_a_terminologist_replaces_a_concepts_terms_by_id_and_by_text(glossary):
    client = client_of("terminologist")
    kurils = client.get(concept_url("kurils")).json()
    english, kept, dropped = kurils["terms"]
    body = {
        **kurils,
        "note": {"ru": "Спорная территория"},
        "terms": [
            {"id": english["id"], "language": "en", "text": "Kuril Islands", "status": "admitted"},
            {"language": "ru", "text": "Курилы"},  # the stored term, found by its text
            {"language": "ja", "text": "千島列島", "part_of_speech": "properNoun"},
        ],
    }
    response = client.put(concept_url("kurils"), body, format="json")
    assert response.status_code == 200, response.content
    terms = response.json()["terms"]
    assert [(t["language"], t["text"], t["status"]) for t in terms] == [
        ("en", "Kuril Islands", "admitted"),
        ("ru", "Курилы", "admitted"),
        ("ja", "千島列島", "preferred"),
    ]
    assert terms[0]["id"] == english["id"] and terms[1]["id"] == kept["id"]
    assert not Term.objects.filter(pk=dropped["id"]).exists()
    assert Concept.objects.get(identifier="kurils").note_ru == "Спорная территория"
    assert PendingRecheck.objects.get().concepts == [kurils["id"]]


def test_saving_a_concept_unchanged_is_no_glossary_change(glossary):
    client = client_of("terminologist")
    summit = client.get(concept_url("summit")).json()
    version = GlossaryState.current()
    response = client.put(concept_url("summit"), summit, format="json")
    assert response.status_code == 200 and response.json()["terms"] == summit["terms"]
    assert GlossaryState.current() == version and not PendingRecheck.objects.exists()


def test_a_patch_changes_only_what_it_sends(glossary):
    client = client_of("terminologist")
    before = client.get(concept_url("summit")).json()
    response = client.patch(concept_url("summit"), {"subject_field": "diplomacy"}, format="json")
    assert response.status_code == 200
    after = response.json()
    assert after["subject_field"] == "diplomacy" and after["terms"] == before["terms"]


def test_a_term_may_take_the_spelling_of_one_the_same_save_removes(glossary):
    client = client_of("terminologist")
    kurils = client.get(concept_url("kurils")).json()
    english, admitted, _forbidden = kurils["terms"]
    terms = [
        english,
        {"id": admitted["id"], "language": "ru", "text": "Южные Курилы", "status": "admitted"},
    ]
    response = client.patch(concept_url("kurils"), {"terms": terms}, format="json")
    assert response.status_code == 200, response.content
    assert list(
        Term.objects.filter(concept__identifier="kurils", language="ru").values_list("pk", "text")
    ) == [(admitted["id"], "Южные Курилы")]


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ([{"id": 999999, "language": "en", "text": "summit"}], "This concept has no term 999999."),
        ("twice", "is listed twice"),
    ],
)
def test_a_term_id_must_be_the_concepts_own_and_listed_once(glossary, terms, message):
    client = client_of("terminologist")
    summit = client.get(concept_url("summit")).json()
    if terms == "twice":
        first = summit["terms"][0]
        terms = [first, {**first, "text": "summit talks"}]
    before = glossary_state()
    response = client.patch(concept_url("summit"), {"terms": terms}, format="json")
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert glossary_state() == before


def test_another_concepts_term_id_is_refused(glossary):
    other = Term.objects.filter(concept__identifier="kurils").first()
    before = glossary_state()
    response = client_of("terminologist").patch(
        concept_url("summit"),
        {"terms": [{"id": other.pk, "language": "en", "text": "summit"}]},
        format="json",
    )
    assert response.status_code == 400 and glossary_state() == before


def test_a_terminologist_deletes_a_concept(glossary):
    client = client_of("terminologist")
    concept = Concept.objects.get(identifier="summit")
    response = client.delete(concept_url("summit"))
    assert response.status_code == 204
    assert not Concept.objects.filter(pk=concept.pk).exists()
    assert not Term.objects.filter(concept_id=concept.pk).exists()
    assert PendingRecheck.objects.get().concepts == [concept.pk]
    assert client.delete(concept_url("summit")).status_code == 404


def test_a_write_racing_another_is_a_conflict_and_writes_nothing(glossary, monkeypatch):
    from translations.api import glossary as api_glossary

    def raced(concept, terms):
        # Another request stores the same identifier after this one was validated.
        Concept.objects.create(identifier=concept.identifier)
        return concept_save(concept, terms)

    monkeypatch.setattr(api_glossary, "concept_save", raced)
    response = client_of("terminologist").post(CONCEPTS, new_concept(), format="json")
    assert response.status_code == 409 and response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "conflict"
    stored = Concept.objects.get(identifier="visa-free")
    assert stored.subject_field == "" and not stored.terms.exists()
    assert not PendingRecheck.objects.exists()


def test_a_body_that_is_not_json_is_a_problem_and_writes_nothing(glossary):
    client = client_of("terminologist")
    before = glossary_state()
    broken = client.post(CONCEPTS, data='{"identifier": ', content_type="application/json")
    assert broken.status_code == 400 and broken.json()["code"] == "parse_error"
    form = client.post(CONCEPTS, {"identifier": "visa-free"}, format="multipart")
    assert form.status_code == 415 and form["Content-Type"] == PROBLEM
    assert glossary_state() == before
