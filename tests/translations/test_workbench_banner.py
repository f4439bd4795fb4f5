"""The term check's notice on the workbench: only while a check is pending for that release
and language, and the status the page polls to take it away without a reload."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.scenarios import glossary_with, release_with
from translations.checks.models import CheckRun, PendingCheck, PendingRecheck
from translations.checks.pending import pending_check_done, pending_recheck_expand
from translations.checks.selectors import CHECK_CURRENT, CHECK_MISSING, CHECK_PENDING
from translations.checks.services import release_terms_check, releases_affected
from translations.glossary.models import Concept

pytestmark = pytest.mark.django_db

NOTICE = 'id="wb-check-pending"'
MISSING = 'id="wb-check-missing"'


@pytest.fixture
def trade():
    """A glossary of one concept, "trade" (paragraph 1 of every built release), its re-check
    done."""
    glossary_with(("trade", {"en": "trade", "ja": "貿易", "ru": "торговлю"}))
    PendingRecheck.objects.all().delete()


def checked(release):
    """Do what the worker does after a revision (tests never commit): check it, then forget
    the pending check."""
    release_terms_check(release)
    pending_check_done(release.pk, release.head_number)
    release.refresh_from_db()
    return release


def page(client, release, language="ja"):
    response = client.get(reverse("translations:workbench", args=[release.pk, language]))
    assert response.status_code == 200
    return response.content.decode()


def status(client, release, language="ja"):
    url = reverse("translations:workbench_check_status", args=[release.pk, language])
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response.json()["check"]


def test_the_notice_shows_while_the_revisions_check_is_pending(client, users, trade):
    release = release_with(units=3, languages=("en", "ja"), states={"ja": "draft"})
    assert PendingCheck.objects.filter(release=release).exists()  # the worker has not run
    client.force_login(users["translator-ja"])
    html = page(client, release)
    assert NOTICE in html and "goes away by itself" in html
    assert (
        'data-status-url="'
        + reverse("translations:workbench_check_status", args=[release.pk, "ja"])
        in html
    )
    assert status(client, release) == CHECK_PENDING
    checked(release)
    assert NOTICE not in page(client, release) and status(client, release) == CHECK_CURRENT


def test_a_glossary_change_that_does_not_touch_the_release_shows_no_notice(client, users, trade):
    """The issue's case: the notice stayed on releases a glossary change did not touch."""
    release = checked(release_with(units=3, languages=("en", "ja"), states={"ja": "draft"}))
    client.force_login(users["translator-ja"])
    assert NOTICE not in page(client, release)
    # A new concept whose terms the release does not contain: its re-check is still pending
    # (no worker has run it), and it will not touch this release.
    glossary_with(("whaling", {"en": "whaling", "ja": "捕鯨", "ru": "китобойный промысел"}))
    assert PendingRecheck.objects.exists()
    assert not CheckRun.objects.get(release=release, language="ja").is_current(release.head_number)
    assert NOTICE not in page(client, release) and status(client, release) == CHECK_CURRENT
    # Nor does a change of that concept's status (no new spelling to look for).
    PendingRecheck.objects.all().delete()
    glossary_with(("whaling", {"ja": [("捕鯨", "deprecated")]}))
    recheck = PendingRecheck.objects.get()
    assert recheck.new_terms == [] and recheck.concepts == [
        Concept.objects.get(identifier="whaling").pk
    ]
    assert NOTICE not in page(client, release) and status(client, release) == CHECK_CURRENT


def test_a_glossary_change_the_release_uses_shows_the_notice_until_its_check(client, users, trade):
    release = checked(release_with(units=3, languages=("en", "ja"), states={"ja": "draft"}))
    client.force_login(users["translator-ja"])
    # "trade" gets a Japanese synonym: the release uses the concept, its findings may change.
    glossary_with(("trade", {"ja": [("通商", "admitted")]}))
    assert NOTICE in page(client, release) and status(client, release) == CHECK_PENDING
    # The re-check runs: this release gets a pending check, then its check.
    for recheck in PendingRecheck.objects.all():
        assert release.pk in pending_recheck_expand(recheck.pk, releases_affected)
    assert status(client, release) == CHECK_PENDING
    checked(release)
    assert NOTICE not in page(client, release) and status(client, release) == CHECK_CURRENT


def test_a_new_spelling_found_in_the_text_counts_as_pending(client, users, trade):
    """A re-check with new terms may touch releases that never used the concept: the page
    looks for them in the release's text, as the re-check will."""
    release = checked(release_with(units=3, languages=("en", "ja"), states={"ja": "draft"}))
    client.force_login(users["translator-ja"])
    glossary_with(("energy", {"en": "energy", "ja": "エネルギー"}))  # paragraph 2
    assert NOTICE in page(client, release) and status(client, release) == CHECK_PENDING


def test_a_revision_never_checked_and_nothing_pending_says_so_without_waiting(client, users, trade):
    release = release_with(units=3, languages=("en", "ja"), states={"ja": "draft"})
    PendingCheck.objects.filter(release=release).delete()  # a check lost, nothing queued
    client.force_login(users["translator-ja"])
    html = page(client, release)
    assert NOTICE not in html and MISSING in html
    assert status(client, release) == CHECK_MISSING


def test_status_takes_constant_queries(client, users, trade, django_assert_max_num_queries):
    small = checked(release_with(units=3, languages=("en", "ja"), slug="small"))
    large = checked(release_with(units=300, languages=("en", "ja"), slug="large"))
    glossary_with(("energy", {"en": "energy", "ja": "エネルギー"}))
    client.force_login(users["translator-ja"])
    with CaptureQueriesContext(connection) as few:
        assert status(client, small) == CHECK_PENDING
    with django_assert_max_num_queries(len(few)):
        assert status(client, large) == CHECK_PENDING
