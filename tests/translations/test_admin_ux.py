"""Admin UX of the translations side: default language, tabs, search, filters and wording."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from tests.helpers import revise_and_check
from tests.scenarios import demo_glossary
from translations.checks.services import release_terms_check
from translations.models import Concept, Finding

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary(users):
    """The demo's glossary alone (no releases), with every role's account."""
    demo_glossary()
    return {"users": users}


def terms_url(release):
    return reverse("admin:translations_releasetermfindings_change", args=[release.pk])


def with_russian_kurils(demo):
    """Give the demo release a forbidden Russian term (one error in ru, none in ja)."""
    return revise_and_check(demo, 1, "ru", "Проблема Южных Курил")


def tabs_text(page):
    """Return the visible text of the language tabs paragraph."""
    match = re.search(r'<p class="lang-tabs">(.*?)</p>', page, re.S)
    assert match, "the page has language tabs"
    return " ".join(strip_tags(match.group(1)).split())


def summary_text(page):
    match = re.search(r'<p class="summary">(.*?)</p>', page, re.S)
    assert match, "the page has a summary"
    return " ".join(strip_tags(match.group(1)).split())


# 1. The page opens on the language that matters to its reader, with counts on the tabs.


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ("translator-ru", "ru"),  # the language they may edit
        ("translator-ja", "ja"),  # ... even where the other language has more findings
        ("reviewer-ja", "ja"),  # reviewers edit (and review) their own language too
        ("terminologist", "ru"),  # no editable language: the one with the most findings
        ("editor", "ru"),  # every language editable: the one with the most findings
    ],
)
def test_terms_page_opens_on_the_users_language(client, demo, user, expected):
    release = with_russian_kurils(demo)
    assert Finding.objects.filter(release=release, language="ja").count() == 0
    client.force_login(demo["users"][user])
    response = client.get(terms_url(release))
    assert response.status_code == 200
    assert response.context["language"] == expected


def test_translator_ru_opens_on_russian_without_any_findings(client, demo):
    release_terms_check(demo["release"])
    assert not Finding.objects.filter(release=demo["release"]).exists()
    client.force_login(demo["users"]["translator-ru"])
    assert client.get(terms_url(demo["release"])).context["language"] == "ru"


def test_without_findings_or_editable_language_the_first_target_language_opens(client, demo):
    release_terms_check(demo["release"])
    client.force_login(demo["users"]["terminologist"])
    assert client.get(terms_url(demo["release"])).context["language"] == "ja"


def test_most_errors_and_warnings_decide_not_notes(client, demo):
    release = with_russian_kurils(demo)
    ru = Finding.objects.get(release=release, language="ru")
    # Three notes in Japanese weigh less than one Russian error.
    Finding.objects.bulk_create(
        [
            Finding(
                release=release,
                revision_number=ru.revision_number,
                segment_key=ru.segment_key,
                language="ja",
                check_id="missing-term",
                concept=ru.concept,
                severity=Finding.Severity.INFO,
                message="note",
            )
            for _ in range(3)
        ]
    )
    client.force_login(demo["users"]["terminologist"])
    response = client.get(terms_url(release))
    assert response.context["language"] == "ru"
    assert response.context["tabs"] == [("ja", 3), ("ru", 1)]


def test_an_explicit_or_unknown_language_in_the_address(client, demo):
    release = with_russian_kurils(demo)
    client.force_login(demo["users"]["translator-ru"])
    assert client.get(terms_url(release), {"lang": "ja"}).context["language"] == "ja"
    assert client.get(terms_url(release), {"lang": "xx"}).context["language"] == "ru"


def test_language_tabs_show_finding_counts(client, demo, django_assert_max_num_queries):
    release = with_russian_kurils(demo)
    client.force_login(demo["users"]["reviewer-ru"])
    # 13: the page reads the glossary version too, to tell findings of an older glossary,
    # the head revision's text in two queries (its changes, then its texts), and the
    # header's unread notification count.
    with django_assert_max_num_queries(13):
        page = client.get(terms_url(release)).content.decode()
    assert tabs_text(page).startswith("日本語 (0)Русский (1)")
    assert 'lang="ru">Русский</span>' in page


def test_terms_page_query_count_does_not_grow_with_findings(client, demo):
    release = with_russian_kurils(demo)
    client.force_login(demo["users"]["editor"])
    client.get(terms_url(release))  # warm caches (content types, permissions)
    with CaptureQueriesContext(connection) as few:
        client.get(terms_url(release))
    ru = Finding.objects.get(release=release, language="ru")
    for _ in range(5):
        ru.pk = None
        ru.save()
    with CaptureQueriesContext(connection) as many:
        response = client.get(terms_url(release))
    assert response.context["tabs"] == [("ja", 0), ("ru", 6)]
    assert len(many.captured_queries) == len(few.captured_queries) <= 13


def test_terms_page_waits_only_while_a_check_or_recheck_is_pending(client, demo):
    from translations.checks.pending import (
        pending_check_done,
        pending_recheck_expand,
        pending_recheck_record,
    )
    from translations.models import GlossaryState, PendingRecheck, ReleaseConcept

    release = with_russian_kurils(demo)
    # What the worker does after commit (tests never commit): the check and the demo
    # glossary's re-check are done.
    pending_check_done(release.pk, release.head_number)
    PendingRecheck.objects.all().delete()
    client.force_login(demo["users"]["editor"])
    assert client.get(terms_url(release)).context["stale"] is False
    # A glossary change of a concept the release does not use: its findings stay valid.
    GlossaryState.bump()
    unused = pending_recheck_record([Concept.objects.create(identifier="unused").pk], [])
    assert client.get(terms_url(release)).context["stale"] is False
    # One of a concept it uses, its re-check not yet run: the findings may change.
    used = ReleaseConcept.objects.filter(release=release, language="ru").first().concept_id
    recheck = pending_recheck_record([used], [])
    assert client.get(terms_url(release)).context["stale"] is True
    # The re-checks find the changes touch no release: the findings shown are valid again.
    for row in (unused, recheck):
        assert pending_recheck_expand(row.pk, lambda concepts, new_terms: []) == []
    assert client.get(terms_url(release)).context["stale"] is False


# 2. Concept search ignores case in every script.


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("курилы", ["northern-territories"]),
        ("ЮЖНЫЕ", ["northern-territories"]),
        ("кУРИЛЬСКИЕ", ["northern-territories"]),
        ("южные курилы", ["northern-territories"]),
        ('"южные курилы"', ["northern-territories"]),
        # "тор" is also inside "территории" (northern-territories) and "территория" (tor).
        ("тор", ["northern-territories", "tor"]),
        ("ТОР", ["northern-territories", "tor"]),
        ("Курилы", ["northern-territories"]),
        ("NORTHERN territories", ["northern-territories"]),
        ("先行発展", ["tor"]),
        ("восточный ЭКОНОМИЧЕСКИЙ", ["eef"]),
        ("курилы мирный", []),  # every word must match
        ("100%", []),  # no LIKE or regex wildcards
        (".*", []),
    ],
)
def test_concept_search_ignores_case_in_every_script(
    client, glossary, django_assert_max_num_queries, query, expected
):
    client.force_login(glossary["users"]["terminologist"])
    with django_assert_max_num_queries(13):
        response = client.get(reverse("admin:translations_concept_changelist"), {"q": query})
    assert [c.identifier for c in response.context["cl"].result_list] == expected


# 3. The status and language filters constrain the same term.


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "forbidden", "language": "en"}, []),
        ({"status": "forbidden", "language": "ru"}, ["northern-territories"]),
        ({"status": "forbidden"}, ["northern-territories"]),
        ({"status": "admitted", "language": "ja"}, ["abe", "tor"]),
        ({"language": "ru", "status": "admitted"}, ["summit-meeting", "tor"]),
        ({"status": "forbidden", "language": "ja"}, []),
    ],
)
def test_term_filters_constrain_the_same_term(
    client, glossary, django_assert_max_num_queries, params, expected
):
    client.force_login(glossary["users"]["terminologist"])
    with django_assert_max_num_queries(13):
        response = client.get(reverse("admin:translations_concept_changelist"), params)
    assert sorted(c.identifier for c in response.context["cl"].result_list) == expected


def test_language_filter_alone_lists_concepts_with_terms_in_that_language(client, glossary):
    concept = Concept.objects.create(identifier="english-only")
    concept.terms.create(language="en", text="English only")
    client.force_login(glossary["users"]["terminologist"])
    url = reverse("admin:translations_concept_changelist")
    japanese = client.get(url, {"language": "ja"}).context["cl"].result_list
    english = client.get(url, {"language": "en"}).context["cl"].result_list
    assert "english-only" not in {c.identifier for c in japanese}
    assert "english-only" in {c.identifier for c in english}
    assert len(english) == len(set(english)) == Concept.objects.count()


# 4. Findings name concepts by their English term, not their identifier.


def test_findings_name_the_concept_by_its_english_preferred_term(client, demo):
    release = with_russian_kurils(demo)
    finding = Finding.objects.get(release=release, language="ru")
    assert finding.params["concept"] == "Northern Territories"
    assert "northern-territories" not in finding.message
    client.force_login(demo["users"]["reviewer-ru"])
    page = client.get(terms_url(release), {"lang": "ru"}).content.decode()
    assert "is a forbidden term for Northern Territories;" in page
    assert "northern-territories" not in page


def test_missing_term_names_the_source_words_and_the_approved_term(demo):
    release = demo["release"]
    revise_and_check(demo, 1, "ja", "領土問題")
    finding = Finding.objects.get(release=release, language="ja", check_id="missing-term")
    assert finding.message == (
        "The source uses “Northern Territories”; the translation uses no approved term for it: "
        "use “北方領土”."
    )


def test_concept_label_falls_back_to_first_english_term_then_identifier(
    glossary, django_assert_max_num_queries
):
    from translations.checks.services import _concept_labels

    admitted = Concept.objects.create(identifier="admitted-only")
    admitted.terms.create(language="en", text="second", status="admitted", position=2)
    admitted.terms.create(language="en", text="first", status="deprecated", position=1)
    admitted.terms.create(language="ru", text="русский", status="preferred", position=0)
    bare = Concept.objects.create(identifier="no-english")
    bare.terms.create(language="ja", text="日本語だけ")
    preferred = Concept.objects.get(identifier="four-northern-islands")
    with django_assert_max_num_queries(1):
        labels = _concept_labels("en")
    assert labels[admitted.pk] == "first"
    assert labels[bare.pk] == "no-english"
    assert labels[preferred.pk] == "Four Northern Islands"
    assert len(labels) == Concept.objects.count()


# 5. Counts and punctuation of the summary.


def test_summary_has_no_broken_plurals_or_double_period(client, demo):
    release = with_russian_kurils(demo)
    client.force_login(demo["users"]["translator-ru"])
    summary = summary_text(client.get(terms_url(release)).content.decode())
    assert "Errors: 1 · Warnings: 0 · Notes: 0" in summary
    assert re.search(r"Checked revision 3 \([^()]+\)\.", summary), summary
    assert ".." not in summary
    assert "errors," not in summary and "warnings," not in summary


# 6. The edit link is shown only to users who may edit the release.


@pytest.mark.parametrize(
    ("user", "shown"),
    [
        ("terminologist", False),
        ("reviewer-ru", True),
        ("translator-ru", True),
        ("editor", True),
    ],
)
def test_edit_link_only_for_users_who_may_change_the_release(client, published, user, shown):
    release = published["release"]
    release_terms_check(release)
    client.force_login(published["users"][user])
    page = client.get(terms_url(release)).content.decode()
    edit_url = reverse("admin:records_release_change", args=[release.pk])
    assert (f'href="{edit_url}"' in page) is shown
    assert ("Edit the release" in page) is shown


# 7. The note of a term is a small box, so the terms table fits the window.


def test_term_note_is_a_small_textarea(client, glossary):
    client.force_login(glossary["users"]["terminologist"])
    concept = Concept.objects.get(identifier="northern-territories")
    page = client.get(reverse("admin:translations_concept_change", args=[concept.pk]))
    body = page.content.decode()
    note = re.search(r'<textarea[^>]*name="terms-0-note"[^>]*>', body)
    assert note, "the first term has a note box"
    assert 'rows="2"' in note.group(0) and 'cols="11"' in note.group(0)
    # The concept's own notes keep their full size.
    concept_note = re.search(r'<textarea[^>]*name="note_en"[^>]*>', body)
    assert concept_note and 'rows="2"' not in concept_note.group(0)
