"""Consistency findings through the check task: stored without a concept, shown in the workbench
and the admin, overridden with a reason, honoured by approval and the publish gate."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from records.services import release_publish
from records.snapshots import release_snapshot
from tests.helpers import command_output, revise_and_check
from translations.checks.services import release_terms_check
from translations.models import Concept, Event, Finding, FindingOverride
from translations.review.actions import (
    ReviewError,
    finding_override,
    units_approve,
    units_submit,
)
from translations.review.gate import publication_status
from translations.review.vocabulary import EventAction

from .reviewing import segment_key, write

pytestmark = pytest.mark.django_db

FIFTY = {"ja": ("約50分間", "約15分間"), "ru": ("около 50 минут", "около 15 минут")}


def fifteen_for_fifty(scenario, language):
    """Write segment 1 with 15 minutes for 50 in ``language`` and check it."""
    release = scenario["release"]
    text = release_snapshot(release)["segments"][0]["text"][language]
    assert FIFTY[language][0] in text
    return revise_and_check(scenario, 0, language, text.replace(*FIFTY[language]))


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_fifteen_minutes_for_fifty_is_an_error_without_a_concept(demo, language):
    release = fifteen_for_fifty(demo, language)
    finding = Finding.objects.get(release=release, language=language, check_id="number")
    texts = release_snapshot(release)["segments"][0]["text"]
    assert finding.concept_id is None and finding.severity == "error"
    assert texts["en"][finding.source_start : finding.source_end] == "50"
    assert texts[language][finding.start : finding.end] == "15"
    assert finding.fingerprint == "number:50"
    assert finding.message == "The source has the number 50; the translation has 15 instead."
    # The other target language keeps its correct translation: nothing found there.
    other = "ru" if language == "ja" else "ja"
    assert not Finding.objects.filter(release=release, language=other).exists()


DATES = {
    "ja": ("次回の会談は7月8日に行われる。", "次回の会談は7月7日に行われる。"),
    "ru": ("Следующая встреча состоится 8 июля.", "Следующая встреча состоится 7 июля."),
}


@pytest.mark.parametrize("language", ["ja", "ru"])
@pytest.mark.parametrize("wrong", [True, False])
def test_the_eighth_for_july_7_is_flagged(published, language, wrong):
    release, editor = published["release"], published["users"]["editor"]

    def change(content):
        texts = content["segments"][0]["text"]
        texts["en"] = "The next meeting will be held on July 7."
        texts["ja"], texts["ru"] = DATES["ja"][1], DATES["ru"][1]
        texts[language] = DATES[language][0 if wrong else 1]

    write(release, editor, change)
    release_terms_check(release)
    found = list(Finding.objects.filter(release=release, check_id="date"))
    if not wrong:
        assert found == []
        return
    [finding] = found
    assert (finding.language, finding.severity, finding.concept_id) == (language, "error", None)
    target = release_snapshot(release)["segments"][0]["text"][language]
    assert target[finding.start : finding.end] in ("7月8日", "8 июля")


def submitted(scenario, language):
    release = fifteen_for_fifty(scenario, language)
    key = segment_key(release, 0)
    units_submit(release, language, [key], scenario["users"][f"translator-{language}"])
    release.refresh_from_db()
    return release, key


def test_an_override_with_a_reason_lets_the_unit_be_approved_and_published(demo):
    release, key = submitted(demo, "ja")
    reviewer = demo["users"]["reviewer-ja"]
    with pytest.raises(ReviewError, match="The source has the number 50"):
        units_approve(release, "ja", [key], reviewer, based_on=release.head_number)
    override = finding_override(
        release,
        "ja",
        key,
        check_id="number",
        concept_id=None,
        fingerprint="number:50",
        reason="The ministry corrected the duration to 15 minutes.",
        user=reviewer,
    )
    assert override.concept_id is None and override.fingerprint == "number:50"
    units_approve(release, "ja", [key], reviewer, based_on=release.head_number)
    publication, created = release_publish(release, "ja", author=demo["users"]["editor"])
    assert created
    assert publication_status(release, publication.revision)["ja"] == []
    # The review history names the check as people know it, and the state once.
    from django.urls import reverse

    client = Client()
    client.force_login(reviewer)
    page = client.get(reverse("translations:history", args=[release.pk, "ja"])).content.decode()
    assert "Number: The ministry corrected the duration to 15 minutes." in page
    assert "number: The ministry" not in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"fingerprint": "number:35"}, "there is no such finding"),
        ({"check_id": "date"}, "there is no such finding"),
        ({"concept_id": "putin"}, "there is no such finding"),
        ({"reason": "  "}, "reason"),
    ],
)
def test_an_override_of_no_such_finding_is_refused_and_changes_nothing(demo, changes, message):
    release, key = submitted(demo, "ja")
    values = {
        "check_id": "number",
        "concept_id": None,
        "fingerprint": "number:50",
        "reason": "Checked with the ministry.",
    } | changes
    if values["concept_id"]:
        values["concept_id"] = Concept.objects.get(identifier=values["concept_id"]).pk
    events = Event.objects.count()
    with pytest.raises(ReviewError, match=message):
        finding_override(release, "ja", key, user=demo["users"]["reviewer-ja"], **values)
    assert FindingOverride.objects.count() == 0
    assert Event.objects.count() == events
    reviewer = demo["users"]["reviewer-ja"]
    with pytest.raises(ReviewError):
        units_approve(release, "ja", [key], reviewer, based_on=release.head_number)


def test_an_override_is_for_one_number_only(demo):
    """Overriding 50 does not silence a second wrong number in the same text."""
    release = demo["release"]
    text = release_snapshot(release)["segments"][0]["text"]["ru"]
    text = text.replace("около 50 минут", "около 15 минут").replace("около 35", "около 30")
    revise_and_check(demo, 0, "ru", text)
    key = segment_key(release, 0)
    units_submit(release, "ru", [key], demo["users"]["translator-ru"])
    release.refresh_from_db()
    reviewer = demo["users"]["reviewer-ru"]
    finding_override(
        release,
        "ru",
        key,
        check_id="number",
        concept_id=None,
        fingerprint="number:50",
        reason="Corrected by the ministry.",
        user=reviewer,
    )
    with pytest.raises(ReviewError, match="35"):
        units_approve(release, "ru", [key], reviewer, based_on=release.head_number)
    assert Event.objects.filter(action=EventAction.OVERRIDDEN).count() == 1


def test_the_workbench_shows_and_overrides_a_consistency_finding(client, demo):
    release, key = submitted(demo, "ru")
    client.force_login(demo["users"]["reviewer-ru"])
    page = client.get(reverse("translations:workbench", args=[release.pk, "ru"])).content.decode()
    assert '<mark class="finding error"' in page and ">15</mark>" in page
    assert 'name="fingerprint" value="number:50"' in page
    assert 'name="concept_id" value="None"' not in page
    response = client.post(
        reverse("translations:workbench_action", args=[release.pk, "ru", "override"]),
        {
            "key": key,
            "check_id": "number",
            "concept_id": "",
            "fingerprint": "number:50",
            "reason": "Confirmed with the ministry.",
        },
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    assert FindingOverride.objects.filter(check_id="number", concept=None).count() == 1
    page = client.get(reverse("translations:workbench", args=[release.pk, "ru"])).content.decode()
    assert "Confirmed with the ministry." in page


def test_admin_page_and_command_show_a_finding_without_a_concept(client, demo):
    release = fifteen_for_fifty(demo, "ja")
    client.force_login(demo["users"]["reviewer-ja"])
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    page = client.get(url, {"lang": "ja"}).content.decode()
    assert "the translation has 15 instead" in page
    rows = json.loads(
        command_output("check_terms", release.slug, "--lang", "ja", "--format", "json")[0]
    )
    [row] = [row for row in rows if row["check"] == "number"]
    assert row["concept"] is None and row["text"] == "15"


def test_the_glossary_marks_proper_names_and_the_check_uses_them(demo):
    release = revise_and_check(
        demo,
        0,
        "ru",
        release_snapshot(demo["release"])["segments"][0]["text"]["ru"].replace(
            "в Гамбурге", "в Германии"
        ),
    )
    finding = Finding.objects.get(release=release, language="ru", check_id="proper-name")
    assert finding.concept.identifier == "hamburg" and finding.severity == "error"
    assert not Finding.objects.filter(release=release, check_id="missing-term").exists()


def test_the_concept_admin_lists_and_filters_proper_names(client, demo):
    client.force_login(demo["users"]["terminologist"])
    url = reverse("admin:translations_concept_changelist")
    names = client.get(url, {"proper_name": "yes"}).context["cl"].result_list
    assert {c.identifier for c in names} == {"abe", "putin", "hamburg", "moscow", "vladivostok"}
    others = client.get(url, {"proper_name": "no"}).context["cl"].result_list
    assert "tor" in {c.identifier for c in others} and "putin" not in {c.identifier for c in others}


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_a_proper_name_travels_through_glossary_files(fmt):
    from translations.glossary.files import (
        ConceptData,
        TermData,
        csv_dump,
        csv_load,
        tbx_dump,
        tbx_load,
    )
    from translations.glossary.vocabulary import PROPER_NOUN

    concept = ConceptData(
        identifier="putin",
        terms=(
            TermData("en", "President Putin", part_of_speech=PROPER_NOUN),
            TermData("ru", "президент Путин", part_of_speech=PROPER_NOUN),
        ),
    )
    dump, load = (tbx_dump, tbx_load) if fmt == "tbx" else (csv_dump, csv_load)
    [loaded] = load(dump([concept]))
    assert {term.part_of_speech for term in loaded.terms} == {PROPER_NOUN}


def test_the_queue_counts_a_consistency_error_until_it_is_overridden(demo):
    from translations.review.queue import my_work

    release, key = submitted(demo, "ja")
    reviewer = demo["users"]["reviewer-ja"]

    def errors():
        [row] = [row for row in my_work(reviewer, [release]) if row.language == "ja"]
        return row.errors

    assert errors() == 1
    finding_override(
        release,
        "ja",
        key,
        check_id="number",
        concept_id=None,
        fingerprint="number:50",
        reason="The ministry corrected the duration.",
        user=reviewer,
    )
    assert errors() == 0


def test_a_japanese_original_is_checked_in_english_and_russian(editor):
    from records.services import release_write

    document = {
        "slug": "japanese-original-consistency",
        "date": "2017-07-07",
        "source_language": "ja",
        "topic": {"slug": "japan-russia-relations", "name": {"ja": "日露関係"}},
        "title": {"ja": "日露首脳会談"},
        "photos": [],
        "segments": [
            {
                "key": "66666666-6666-4666-8666-666666666666",
                "kind": "paragraph",
                "level": 0,
                "text": {
                    "ja": "平成29年7月7日、両首脳は約50分間会談を行った。",
                    "en": "On July 8, 2017, the leaders held talks for approximately 50 minutes.",
                    "ru": "7 июля 2017 года лидеры провели переговоры продолжительностью около "
                    "15 минут.",
                },
            },
        ],
    }
    release = release_write(document, author=editor).release
    release_terms_check(release)
    found = set(Finding.objects.filter(release=release).values_list("language", "check_id"))
    assert found == {("en", "date"), ("ru", "number")}
