"""Every user-supplied text is escaped on every page that shows it: titles, segment texts in
every language, captions, topic names, comments, glossary terms and usernames, on the reader
site, its feeds and sitemap, the admin (change, history, compare, every changelist) and the
review pages (workbench with highlighted findings, my work, histories)."""

import uuid

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from records.services import release_publish, release_write
from records.snapshots import release_snapshot
from tests.helpers import approve_all
from translations.checks.services import release_terms_check
from translations.demo import GLOSSARY_PATH
from translations.glossary.files import ConceptData, TermData, csv_load
from translations.glossary.services import glossary_import
from translations.review.actions import comment_add

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RAW = ("<script>alert(1)", "<img src=x onerror")
ESCAPED = ("&lt;script&gt;alert(1)", "&lt;img src=x onerror")


def _text(language, words):
    return f"{words} {SCRIPT} {IMG} ({language})"


@pytest.fixture
def hostile(users):
    """A release whose every text carries markup, published in English and Japanese; the
    Russian draft uses a forbidden term next to markup (a highlighted finding)."""
    glossary_import(csv_load(GLOSSARY_PATH.read_bytes()))
    glossary_import(
        [ConceptData("hostile", terms=(TermData("en", f"term{SCRIPT}"), TermData("ja", "用語")))]
    )
    User = get_user_model()
    User.objects.filter(username="translator-ru").update(username=SCRIPT)
    User.objects.filter(username="reviewer-ja").update(username=IMG)
    texts = {
        "en": "The Northern Territories",
        "ja": "北方領土",
        "ru": "Южные Курилы",
    }
    content = {
        "slug": "hostile",
        "date": "2021-01-01",
        "topic": "hostile-topic",
        "title": {code: _text(code, "Title") for code in texts},
        "photos": [
            {
                "key": str(uuid.uuid4()),
                "caption": {code: _text(code, "Caption") for code in texts},
                "credit": {code: _text(code, "Credit") for code in texts},
            }
        ],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {code: _text(code, words) for code, words in texts.items()},
            }
        ],
    }
    editor = users["editor"]
    release = release_write(
        content, author=editor, topic_names={"en": f"Topic {SCRIPT} {IMG}"}
    ).release
    release_terms_check(release)
    key = content["segments"][0]["key"]
    comment_add(release, key, "ru", f"Comment {SCRIPT} {IMG}", User.objects.get(username=SCRIPT))
    reviewer = User.objects.get(username=IMG)
    approve_all(release, "ja", reviewer)
    release.refresh_from_db()
    release_publish(release, "en", author=editor)
    release_publish(release, "ja", author=editor)
    release.refresh_from_db()
    return {"release": release, "key": key, "users": users}


def _clean(response, where):
    assert response.status_code == 200, (where, response.status_code)
    content = response.content.decode()
    for raw in RAW:
        assert raw not in content, (where, raw)
    return content


def _shows_escaped(content, where):
    assert any(escaped in content for escaped in ESCAPED), where


def _reader_urls(release):
    urls = []
    for code in ("en", "ja"):
        with translation.override(code):
            urls += [
                reverse("records:release_list"),
                reverse("records:release_detail", args=[release.slug]),
                reverse("records:release_compare", args=[release.slug]),
                reverse("records:topic", args=[release.topic.slug]),
                reverse("records:feed"),
                reverse("records:topic_feed", args=[release.topic.slug]),
                reverse("records:search") + "?q=alert",
                reverse("records:search") + "?q=Title",
            ]
    return urls


def test_reader_pages_feeds_and_sitemap_escape_every_text(client, hostile):
    release = hostile["release"]
    for url in _reader_urls(release):
        content = _clean(client.get(url), url)
        if "search" not in url:
            _shows_escaped(content, url)
    _clean(client.get("/sitemap.xml"), "sitemap")
    search = _clean(client.get(_reader_urls(release)[-1]), "search")
    _shows_escaped(search, "search results")


def test_a_republished_text_is_escaped_in_the_stored_page_body(client, hostile):
    release = hostile["release"]
    content = release_snapshot(release)
    content["segments"][0]["text"]["en"] = f"Revised {SCRIPT}"
    release_write(content, author=hostile["users"]["editor"], based_on=release.head_number)
    release_publish(release, "en", author=hostile["users"]["editor"])
    with translation.override("en"):
        url = reverse("records:release_detail", args=[release.slug])
    _shows_escaped(_clean(client.get(url), url), url)


def _admin_urls(release, key):
    pk = release.pk
    urls = [
        reverse("admin:records_release_change", args=[pk]),
        reverse("admin:records_release_history", args=[pk]),
        reverse("translations:my_work"),
        reverse("translations:my_work") + "?all=1",
    ]
    for code in ("en", "ja", "ru"):
        urls.append(reverse("admin:records_release_compare", args=[pk]) + f"?a=1&b=2&lang={code}")
    for code in ("ja", "ru"):
        urls += [
            reverse("translations:workbench", args=[pk, code]),
            reverse("translations:history", args=[pk, code]),
            reverse("translations:unit_history", args=[pk, code, key]),
        ]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        urls.append(reverse("admin:{}_{}_changelist".format(*info)))
        for obj in model_admin.get_queryset(None).order_by("-pk")[:3]:
            urls.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    return urls


def test_admin_and_review_pages_escape_every_text(client, hostile):
    release = hostile["release"]
    # A second revision, so that compare and history have something to show.
    content = release_snapshot(release)
    content["segments"][0]["text"]["ru"] += f" ещё {IMG}"
    content["segments"][0]["text"]["en"] += f" more {SCRIPT}"
    release_write(content, author=hostile["users"]["editor"], based_on=release.head_number)
    release.refresh_from_db()
    client.force_login(get_user_model().objects.get(username="admin"))
    shown = 0
    for url in _admin_urls(release, hostile["key"]):
        content = _clean(client.get(url), url)
        shown += any(escaped in content for escaped in ESCAPED)
    assert shown > 20


def test_workbench_rows_and_findings_escape_markup(client, hostile):
    release = hostile["release"]
    client.force_login(get_user_model().objects.get(username=SCRIPT))
    url = reverse("translations:workbench", args=[release.pk, "ru"])
    page = _clean(client.get(url), url)
    assert "<mark" in page  # the forbidden term is highlighted, the markup around it escaped
    _shows_escaped(page, url)
    for name, data in (
        ("save", {"text": f"Южные Курилы {IMG}"}),
        ("comment", {"text": f"Reply {SCRIPT}"}),
    ):
        action = reverse("translations:workbench_action", args=[release.pk, "ru", name])
        data = {"key": hostile["key"], "based_on": release.head_number, **data}
        response = client.post(action, data, HTTP_ACCEPT="application/json")
        assert response.status_code == 200, response.content
        rows = response.json()["rows"]
        assert rows
        for html in rows.values():
            _shows_escaped(html, name)
            for raw in RAW:
                assert raw not in html
        release.refresh_from_db()
