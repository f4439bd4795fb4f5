"""Publishing several language versions together: one transaction, all or none, each through
the same gate, the refusal naming what blocks which language of which release."""

import pytest
from django.urls import reverse

from records.models import Publication
from records.services import (
    ActionNotAllowed,
    PublicationError,
    PublicationsRefused,
    releases_publish,
)
from tests.helpers import approve_all
from tests.scenarios import release_with, work_in_progress

pytestmark = pytest.mark.django_db

URL = "admin:records_release_dashboard"


def published_revisions(release):
    """Return ``{language: revision number}`` of what readers of each language see."""
    seen = {}
    for publication in Publication.objects.filter(release=release).order_by("id"):
        seen[publication.language] = publication.revision.number
    return seen


def test_languages_of_one_release_are_published_together(in_progress):
    release, users = in_progress["release"], in_progress["users"]
    approve_all(release, "ja", users["reviewer-ja"])
    done = releases_publish([(release, "en", 4), (release, "ja", 4)], author=users["editor"])
    assert [(p.language, p.revision.number, created) for p, created in done] == [
        ("en", 4, True),
        ("ja", 4, True),
    ]
    assert published_revisions(release) == {"en": 4, "ja": 4, "ru": 2}


def test_one_blocked_language_publishes_none_and_is_named(in_progress):
    release, users = in_progress["release"], in_progress["users"]
    before = Publication.objects.count()
    with pytest.raises(PublicationsRefused) as refused:
        releases_publish(
            [(release, "en", 4), (release, "ja", 4), (release, "ru", 4)], author=users["editor"]
        )
    # English alone could go out, but nothing did: all or none.
    assert Publication.objects.count() == before
    assert published_revisions(release) == {"en": 2, "ja": 2, "ru": 2}
    # Every blocked language is named, with the gate's own reason.
    reasons = {code: reason for _release, code, reason in refused.value.refusals}
    assert set(reasons) == {"ja", "ru"}
    assert reasons["ja"].startswith("Japanese of revision 4 cannot be published yet: 1 of")
    assert "segment 7" in reasons["ru"]
    message = str(refused.value)
    assert message.startswith("Nothing was published: “Summit Meeting” in Japanese:")
    assert "“Summit Meeting” in Russian:" in message


def test_several_releases_are_published_together_or_not_at_all(in_progress):
    users = in_progress["users"]
    first = in_progress["release"]
    second = work_in_progress(slug="second-meeting", units=2)["release"]
    approve_all(first, "ja", users["reviewer-ja"])
    before = Publication.objects.count()
    # The second release's Japanese is outdated: neither release is published.
    with pytest.raises(PublicationsRefused) as refused:
        releases_publish(
            [(first, "ja", 4), (second, "en", 4), (second, "ja", 4)], author=users["editor"]
        )
    assert [(r.slug, code) for r, code, _reason in refused.value.refusals] == [
        ("second-meeting", "ja")
    ]
    assert Publication.objects.count() == before
    approve_all(second, "ja", users["reviewer-ja"])
    releases_publish(
        [(first, "ja", 4), (second, "en", 4), (second, "ja", 4)], author=users["editor"]
    )
    assert published_revisions(first)["ja"] == 4
    assert published_revisions(second) == {"en": 4, "ja": 4, "ru": 2}


def test_a_release_changed_since_the_page_was_loaded_is_refused(in_progress):
    release, users = in_progress["release"], in_progress["users"]
    before = Publication.objects.count()
    with pytest.raises(PublicationsRefused, match="revision 4 now, the page showed revision 3"):
        releases_publish([(release, "en", 3)], author=users["editor"])
    assert Publication.objects.count() == before


@pytest.mark.parametrize("username", ["translator-ja", "reviewer-ru", "terminologist"])
def test_only_editors_publish_together(in_progress, username):
    release, users = in_progress["release"], in_progress["users"]
    before = Publication.objects.count()
    with pytest.raises(ActionNotAllowed, match=f"{username} may not publish releases"):
        releases_publish([(release, "en", 4)], author=users[username])
    assert Publication.objects.count() == before


def test_an_unknown_language_or_nothing_chosen_is_refused(in_progress):
    release, users = in_progress["release"], in_progress["users"]
    before = Publication.objects.count()
    with pytest.raises(PublicationsRefused, match="unknown language “de”"):
        releases_publish([(release, "en", 4), (release, "de", 4)], author=users["editor"])
    with pytest.raises(PublicationError, match="Choose at least one language version"):
        releases_publish([], author=users["editor"])
    assert Publication.objects.count() == before


# --- from the dashboard and the release history ----------------------------------------------


def post(client, **data):
    return client.post(reverse(URL), data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_dashboard_publishes_the_chosen_cells_together(client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    approve_all(release, "ru", users["reviewer-ru"])
    client.force_login(users["editor"])
    response = post(client, action="publish", cell=[f"{release.pk}:en:4", f"{release.pk}:ru:4"])
    assert messages_of(response) == [
        "Published revision 4 of “Summit Meeting” in English.",
        "Published revision 4 of “Summit Meeting” in Russian.",
    ]
    assert published_revisions(release) == {"en": 4, "ja": 2, "ru": 4}


def test_the_dashboard_names_each_refusal_and_publishes_nothing(client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["editor"])
    before = Publication.objects.count()
    response = post(client, action="publish", cell=[f"{release.pk}:en:4", f"{release.pk}:ja:4"])
    found = messages_of(response)
    assert found[0] == "Nothing was published:"
    assert found[1].startswith("“Summit Meeting” in Japanese: Japanese of revision 4 cannot")
    assert len(found) == 2
    assert Publication.objects.count() == before


@pytest.mark.parametrize(
    "cells, expected",
    [
        ([], "Choose at least one language version; nothing was changed."),
        (["nonsense"], "“nonsense” names no language version of a release"),
        (["999999:en:1"], "“999999:en:1” names no language version of a release"),
    ],
)
def test_the_dashboard_refuses_a_form_it_cannot_read(client, in_progress, cells, expected):
    client.force_login(in_progress["users"]["editor"])
    before = Publication.objects.count()
    response = post(client, action="publish", cell=cells)
    assert expected in messages_of(response)[0]
    assert Publication.objects.count() == before


def test_a_stale_dashboard_publishes_nothing(client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["editor"])
    before = Publication.objects.count()
    # The page showed revision 3; revision 4 has come since.
    response = post(client, action="publish", cell=[f"{release.pk}:en:3"])
    found = messages_of(response)
    assert "the release changed since the page was loaded" in found[1]
    assert Publication.objects.count() == before


def test_the_dashboard_refuses_someone_who_may_not_publish(client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    client.force_login(users["translator-ru"])
    before = Publication.objects.count()
    response = post(client, action="publish", cell=[f"{release.pk}:en:4"])
    assert messages_of(response) == [
        "translator-ru may not publish releases; nothing was published"
    ]
    assert Publication.objects.count() == before


def test_the_history_page_offers_the_languages_to_publish_together(client, in_progress):
    release, users = in_progress["release"], in_progress["users"]
    approve_all(release, "ja", users["reviewer-ja"])
    client.force_login(users["editor"])
    history = reverse("admin:records_release_history", args=[release.pk])
    page = client.get(history).content.decode()
    assert 'id="publish-together"' in page
    for code in ("en", "ja", "ru"):
        assert f'value="{release.pk}:{code}:4"' in page
    response = client.post(
        reverse(URL),
        {
            "action": "publish",
            "cell": [f"{release.pk}:en:4", f"{release.pk}:ja:4"],
            "next": history,
        },
    )
    assert response.status_code == 302 and response["Location"] == history
    assert published_revisions(release) == {"en": 4, "ja": 4, "ru": 2}


def test_the_form_never_sends_anyone_to_another_site(client, in_progress):
    release = in_progress["release"]
    client.force_login(in_progress["users"]["editor"])
    response = client.post(
        reverse(URL),
        {"action": "publish", "cell": [f"{release.pk}:en:4"], "next": "https://example.com/"},
    )
    assert response["Location"] == reverse(URL)


def test_a_release_with_nothing_translated_is_published_in_its_source_alone(client, users):
    release = release_with(units=2)
    client.force_login(users["editor"])
    post(client, action="publish", cell=[f"{release.pk}:en:1"])
    assert published_revisions(release) == {"en": 1}
