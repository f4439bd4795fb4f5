"""Language names as the page's language writes them: translated (原文: 英語, not English),
lower-case inside a Russian sentence, and the notifications' release quoted once."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from config import languages
from translations.notifications.kinds import summary
from translations.notifications.models import Notification
from translations.review.actions import units_approve

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("active", "alone", "in_sentence"),
    [("en", "Japanese", "Japanese"), ("ja", "日本語", "日本語"), ("ru", "Японский", "японский")],
)
def test_a_language_name_alone_and_inside_a_sentence(active, alone, in_sentence):
    with translation.override(active):
        assert languages.name("ja") == alone
        assert languages.name_in_sentence("ja") == in_sentence


def links_line(html):
    return re.search(r'<p class="wb-links">(.*?)</p>', html, re.S).group(1)


@pytest.mark.parametrize(
    ("code", "source", "wrong"),
    [("ja", "原文: 英語", "English"), ("ru", "оригинал: английский", "Английский")],
)
def test_the_workbench_names_its_source_language_in_the_page_language(
    client, published, code, source, wrong
):
    release = published["release"]
    client.force_login(published["users"][f"translator-{code}"])
    response = client.get(
        reverse("translations:workbench", args=[release.pk, code]), HTTP_ACCEPT_LANGUAGE=code
    )
    line = " ".join(re.sub(r"<[^>]+>", "", links_line(response.content.decode())).split())
    assert source in line
    assert wrong not in line


def test_a_russian_notification_quotes_the_release_once_and_lower_cases_the_language(
    in_progress,
):
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    units_approve(release, "ru", [key], users["reviewer-ru"], based_on=release.head_number)
    told = Notification.objects.filter(kind__in=["approved", "ready"]).order_by("pk")
    assert told.count() >= 2
    with translation.override("ru"):
        lines = [summary(notification) for notification in told]
    for line in lines:
        assert "««" not in line and "»»" not in line, line
        assert line.count("«") == line.count("»") == 1, line
        assert "Русский" not in line, line
    assert any("русский" in line for line in lines)
