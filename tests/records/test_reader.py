"""Reader pages: only published revisions, per-language numbering, language switcher."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from records.models import Publication, Revision
from records.numbering import number_segments
from records.services import release_publish, release_write
from records.snapshots import release_snapshot
from tests.helpers import approve_all

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def detail(language, slug):
    with translation.override(language):
        return reverse("records:release_detail", args=[slug])


@pytest.mark.parametrize(
    "language, title, heading, subheading, item, bullet",
    [
        ("en", "Japan-Russia Summit Meeting", "1.", "(1)", "(i)", "•"),
        ("ja", "日露首脳会談", "1", "(1)", "ア", "・"),
        ("ru", "Российско-японская встреча на высшем уровне", "1.", "1)", "а)", "•"),
    ],
)
def test_release_page_in_each_language(
    client, demo, language, title, heading, subheading, item, bullet
):
    slug = demo["release"].slug
    response = client.get(f"/{language}/releases/{slug}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{title}</h1>" in page
    assert f'<html lang="{language}">' in page
    labels = [segment.label for segment in response.context["segments"]]
    assert labels[1] == heading and labels[4] == subheading
    assert labels[5] == item and labels[2] == bullet
    assert labels[6] == {"en": "(ii)", "ja": "イ", "ru": "б)"}[language]
    assert labels[11] == {"en": "2.", "ja": "2", "ru": "2."}[language]
    for code in ("en", "ja", "ru"):
        assert f'hreflang="{code}"' in page


def test_readers_see_the_published_revision_not_the_working_copy(client, demo):
    release = demo["release"]
    content = release_snapshot(release)
    content["title"]["en"] = "Draft title nobody approved"
    release_write(content, author=demo["users"]["editor"], based_on=2)
    page = client.get(detail("en", release.slug)).content.decode()
    assert "Draft title nobody approved" not in page
    assert "Japan-Russia Summit Meeting" in page
    release_publish(release, "en", author=demo["users"]["editor"])
    assert "Draft title nobody approved" in client.get(detail("en", release.slug)).content.decode()
    # Japanese readers still see revision 2.
    assert client.get(detail("ja", release.slug)).context["page"].revision_number == 2


def test_unpublished_release_and_language_are_404(client, seed_release, editor):
    assert client.get(detail("en", seed_release.slug)).status_code == 404
    release_publish(seed_release, "en", author=editor)
    assert client.get(detail("en", seed_release.slug)).status_code == 200
    assert client.get(detail("ja", seed_release.slug)).status_code == 404
    assert client.get(detail("en", "no-such-release")).status_code == 404


def test_list_page_uses_constant_queries(client, demo, django_assert_max_num_queries):
    editor = demo["users"]["editor"]
    with django_assert_max_num_queries(3):
        first = client.get("/ru/")
    assert "Российско-японская встреча на высшем уровне" in first.content.decode()
    for index in range(6):
        content = release_snapshot(demo["release"])
        content["slug"] = f"copy-{index}"
        for item in content["segments"] + content["photos"]:
            item["key"] = str(uuid.uuid4())
        result = release_write(content, author=editor)
        approve_all(result.release, "ru", demo["users"]["reviewer-ru"])
        release_publish(result.release, "ru", author=editor)
    with django_assert_max_num_queries(3):
        response = client.get("/ru/")
    assert len(response.context["entries"]) == 7


def test_detail_page_uses_constant_queries(client, demo, django_assert_max_num_queries):
    release = demo["release"]
    with django_assert_max_num_queries(4):
        response = client.get(detail("ja", release.slug))
    assert response.status_code == 200
    editor = demo["users"]["editor"]
    for index in range(5):
        content = release_snapshot(release)
        content["segments"].append(
            {
                "key": str(uuid.uuid4()),
                "kind": "bullet",
                "level": 1,
                "text": {"en": f"More {index}.", "ja": f"追加{index}。", "ru": f"Ещё {index}."},
            }
        )
        release_write(content, author=editor, based_on=release.head_number)
        approve_all(release, "ja", demo["users"]["reviewer-ja"])
        release_publish(release, "ja", author=editor)
    with django_assert_max_num_queries(4):
        response = client.get(detail("ja", release.slug))
    assert len(response.context["segments"]) == 25


def test_root_redirects_to_english(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/en/"


def test_numbering_restarts_per_section():
    segments = [
        {"key": str(i), "kind": kind, "level": level, "text": {"en": "x"}}
        for i, (kind, level) in enumerate(
            [
                ("heading", 1),
                ("heading", 2),
                ("item", 3),
                ("item", 3),
                ("heading", 2),
                ("item", 3),
                ("heading", 1),
                ("item", 3),
                ("bullet", 1),
            ]
        )
    ]
    assert [s.label for s in number_segments(segments, "en")] == [
        "1.",
        "(1)",
        "(i)",
        "(ii)",
        "(2)",
        "(i)",
        "2.",
        "(i)",
        "•",
    ]
    assert [s.label for s in number_segments(segments, "ja")] == [
        "1",
        "(1)",
        "ア",
        "イ",
        "(2)",
        "ア",
        "2",
        "ア",
        "・",
    ]
    assert [s.label for s in number_segments(segments, "ru")] == [
        "1.",
        "1)",
        "а)",
        "б)",
        "2)",
        "а)",
        "2.",
        "а)",
        "•",
    ]


def revise_source(scenario, text="in Moscow in late August 2017."):
    """The editor revises English segment 7 and publishes the English (revision 3)."""
    release = scenario["release"]
    content = release_snapshot(release)
    segment = content["segments"][6]
    segment["text"]["en"] = segment["text"]["en"].replace("in Moscow in late August.", text)
    release_write(content, author=scenario["users"]["editor"], based_on=release.head_number)
    release.refresh_from_db()
    release_publish(release, "en", author=scenario["users"]["editor"])
    return release


# The notice's class: its text is translated in each reader language.
LAG = 'class="notice translation-lag"'


def test_translation_lagging_the_source_says_so(client, demo, django_assert_max_num_queries):
    release = revise_source(demo)
    with django_assert_max_num_queries(4):
        response = client.get(detail("ja", release.slug))
    page = response.content.decode()
    followed = timezone.localdate(Revision.objects.get(release=release, number=2).created_at)
    with translation.override("ja"):
        shown = date_format(followed, "DATE_FORMAT")
        notice = translation.gettext(
            "This translation follows the original text of %(date)s (revision %(n)s); "
            "the original has been revised since."
        ) % {"date": shown, "n": 2}
    assert response.context["lag"] == {"language": "en", "number": 2, "date": followed}
    assert LAG in page
    assert notice in page
    assert f'href="{detail("en", release.slug)}" hreflang="en"' in page
    assert (
        'class="notice translation-lag"' in client.get(detail("ru", release.slug)).content.decode()
    )
    assert LAG not in client.get(detail("en", release.slug)).content.decode()


def test_no_lag_notice_while_the_source_text_is_the_same(client, demo):
    release = demo["release"]
    assert LAG not in client.get(detail("ja", release.slug)).content.decode()
    # A newer English publication whose English text did not change (only the Russian did).
    content = release_snapshot(release)
    segment = content["segments"][6]
    segment["text"]["ru"] = segment["text"]["ru"].replace("августа", "августа 2017 года")
    release_write(content, author=demo["users"]["editor"], based_on=release.head_number)
    release_publish(release, "en", author=demo["users"]["editor"])
    assert Publication.objects.filter(language="en").latest("id").revision.number == 3
    response = client.get(detail("ja", release.slug))
    assert response.context["lag"] is None and LAG not in response.content.decode()


def test_lag_notice_goes_once_the_translation_follows(client, demo):
    release = revise_source(demo)
    approve_all(release, "ja", demo["users"]["reviewer-ja"])
    release_publish(release, "ja", author=demo["users"]["editor"])
    assert LAG not in client.get(detail("ja", release.slug)).content.decode()
    assert LAG in client.get(detail("ru", release.slug)).content.decode()
