"""Dates on the review pages: one format for dates (``DATE_FORMAT``), one for moments
(``DATETIME_FORMAT``), in the page's language, each in a ``<time>``."""

import re

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from translations.notifications.models import Notification
from translations.review.models import Comment, Event

pytestmark = pytest.mark.django_db


def times(html):
    """Return ``[(datetime attribute, text)]`` of the page's ``<time>`` elements."""
    return re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', html)


def moment(value):
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


@pytest.mark.parametrize("code", ["en", "ja", "ru"])
def test_review_pages_write_dates_and_moments_one_way(client, in_progress, code):
    release, key, users = in_progress["release"], in_progress["key"], in_progress["users"]
    reviewer = users["reviewer-ru"]
    client.force_login(reviewer)
    comment = Comment.objects.get(pk=in_progress["comment"].pk)
    event = Event.objects.filter(release=release, language="ru").order_by("-id").first()
    told = Notification.objects.filter(recipient=reviewer).order_by("-pk").first()
    pages = {
        "workbench": reverse("translations:workbench", args=[release.pk, "ru"]),
        "history": reverse("translations:history", args=[release.pk, "ru"]),
        "unit": reverse("translations:unit_history", args=[release.pk, "ru", key]),
        "my work": reverse("translations:my_work"),
        "notifications": reverse("translations:notifications"),
    }
    html = {
        name: client.get(path, HTTP_ACCEPT_LANGUAGE=code).content.decode()
        for name, path in pages.items()
    }
    with translation.override(code):
        shown = (timezone.localtime(comment.created_at).isoformat(), moment(comment.created_at))
        assert shown in times(html["workbench"])
        assert moment(comment.created_at) in [text for _iso, text in times(html["unit"])]
        assert moment(event.created_at) in [text for _iso, text in times(html["history"])]
        assert moment(told.created) in [text for _iso, text in times(html["notifications"])]
        release_date = formats.date_format(release.date, "DATE_FORMAT")
        assert (release.date.isoformat(), release_date) in times(html["my work"])
