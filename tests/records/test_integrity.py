"""What a reader, a translator or a concurrent writer must never lose or see by mistake."""

import json
import re
import threading

import pytest
from django.core.management import CommandError
from django.db import connection

from records.models import Publication, Release, Revision, Segment
from records.segmenter import parse_release_text
from records.services import (
    ReleaseContentError,
    RevisionConflict,
    release_import_document,
    release_import_text,
    release_publish,
    release_write,
)
from records.snapshots import release_snapshot
from tests.helpers import run

# What the draft shows of its slug, date and topic, as words.
DRAFT_WORDS = re.compile(r"\b2099\b|secret")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def test_readers_never_see_a_draft_slug_date_or_topic(client, published):
    release, editor = published["release"], published["users"]["editor"]
    old_slug = release.slug
    content = release_snapshot(release)
    content.update(slug="draft-secret-slug", date="2099-01-01", topic="secret-draft-topic")
    release_write(content, author=editor, based_on=2, release_id=release.pk)
    assert client.get("/en/releases/draft-secret-slug/").status_code == 404
    page = client.get(f"/en/releases/{old_slug}/")
    assert page.status_code == 200
    body = page.content.decode()
    # Whole words: random keys in the page (unit ids, nonces) may hold the digits 2099.
    assert not DRAFT_WORDS.search(body)
    listing = client.get("/en/").content.decode()
    assert not DRAFT_WORDS.search(listing)
    # Once published in English the new slug is the address; the old one redirects there.
    release_publish(Release.objects.get(), "en", author=editor)
    moved = client.get(f"/en/releases/{old_slug}/")
    assert moved.status_code == 301 and moved["Location"] == "/en/releases/draft-secret-slug/"
    assert client.get("/en/releases/draft-secret-slug/").status_code == 200
    # Japanese readers still read revision 2 under its own slug; the new slug leads there too.
    assert client.get(f"/ja/releases/{old_slug}/").status_code == 200
    assert client.get("/ja/releases/draft-secret-slug/").status_code == 301


def test_reimport_never_moves_a_translation_onto_another_sentence(editor):
    def text(*paragraphs):
        body = "\n\n".join(paragraphs)
        return f"Topic\nJuly 7, 2017\nphoto1: Title (Photo: Office)\n\n{body}\n"

    first = release_import_text(
        parse_release_text(
            text(
                "Alpha one is about the economy.",
                "Bravo two is about security.",
                "Charlie three is about culture.",
            )
        ),
        author=editor,
    ).release
    content = release_snapshot(first)
    for segment, ja in zip(
        content["segments"], ["アルファ", "ブラボー", "チャーリー"], strict=True
    ):
        segment["text"]["ja"] = ja
    release_write(content, author=editor, based_on=1)
    release_import_text(
        parse_release_text(
            text(
                "Alpha one is about the economy.",
                "Charlie three is about culture, edited.",
                "Delta four is entirely new.",
            )
        ),
        author=editor,
    )
    rows = list(Segment.objects.order_by("position").values_list("text_en", "text_ja"))
    assert rows == [
        ("Alpha one is about the economy.", "アルファ"),
        ("Charlie three is about culture, edited.", "チャーリー"),
        ("Delta four is entirely new.", ""),
    ]


def test_json_import_without_a_language_keeps_that_language(demo, tmp_path):
    release = demo["release"]
    document = json.loads(run("export_release", release.slug))
    document["title"].pop("ru")
    for segment in document["segments"]:
        segment["text"].pop("ru")
    document["title"]["en"] = "Japan-Russia Summit Meeting in Hamburg"
    path = tmp_path / "no-ru.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    assert "revision 3" in run("import_release", str(path))
    fresh = Release.objects.get()
    assert fresh.title_ru == "Российско-японская встреча на высшем уровне"
    assert Segment.objects.exclude(text_ru="").count() == 20


@pytest.mark.parametrize(
    "mutate, message",
    [
        (
            lambda d: d["photos"][0]["caption"].update(ja="写" * 301),
            "photos[0].caption.ja: too long",
        ),
        (lambda d: d["title"].update(en="T" * 301), "title.en: too long"),
        (lambda d: d.update(slug="s" * 201), "slug: too long"),
        (lambda d: d["segments"][0].update(kind=["paragraph"]), "unknown kind"),
        (lambda d: d["segments"][0]["text"].update(en=""), "the English text is required"),
        (lambda d: d.update(revision=True), "revision: expected a revision number"),
    ],
)
def test_json_that_the_database_would_cut_is_refused(published, mutate, message):
    document = json.loads(run("export_release", published["release"].slug))
    mutate(document)
    with pytest.raises(ReleaseContentError, match=message.replace("[", r"\[").replace("]", r"\]")):
        release_import_document(document)
    assert Revision.objects.count() == 2
    assert release_snapshot(Release.objects.get()) == Revision.objects.get(number=2).snapshot


def test_restore_and_publish_permissions_hold_in_the_shell(published):
    slug = published["release"].slug
    with pytest.raises(CommandError, match="may not restore"):
        run("release_restore", slug, "1", "--author", "translator-ja")
    with pytest.raises(CommandError, match="no revision 0"):
        run("release_publish", slug, "--lang", "en", "--revision", "0", "--author", "editor")
    assert Revision.objects.count() == 2 and Publication.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_get_a_conflict_not_an_error(editor, seed_bytes):
    """On the default database too, a concurrent writer is told of the conflict."""
    release = release_import_text(parse_release_text(seed_bytes), author=editor).release
    barrier = threading.Barrier(4)
    outcomes = []

    def writer(index):
        try:
            content = release_snapshot(Release.objects.get(pk=release.pk))
            content["title"]["ja"] = f"書き手{index}"
            barrier.wait()
            release_write(content, author=editor, based_on=1)
            outcomes.append("landed")
        except RevisionConflict:
            outcomes.append("conflict")
        except Exception as error:  # noqa: BLE001 - the assertion shows it
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "conflict", "conflict", "landed"]
    assert list(Revision.objects.values_list("number", flat=True).order_by("number")) == [1, 2]
