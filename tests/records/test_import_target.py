"""Before anything is written, the import preview says where a text would go: the topic (an
existing one, or the new one the import creates, with its slug) and the release's slug (a new
release, or a new revision of an existing one) — and the import then goes exactly there."""

from pathlib import Path

import pytest

from records.models import Release, Revision, Topic
from records.segmenter import parse_release_text
from records.services import release_import_target, release_import_text

pytestmark = pytest.mark.django_db

URL = "/admin/records/release/import/"
RUSSIA = "ja-roshia-gaisho-2021-11-25.txt"
ORIGINALS = sorted(
    path.name for path in (Path(__file__).parents[1] / "data" / "originals").iterdir()
)


@pytest.fixture
def originals(data_dir):
    return data_dir / "originals"


def parsed(originals, name):
    language = name[:2]
    return parse_release_text((originals / name).read_bytes(), language), language


def written():
    return Release.objects.count(), Revision.objects.count(), Topic.objects.count()


@pytest.mark.parametrize("name", ORIGINALS)
def test_the_target_is_where_the_import_goes(originals, name):
    text, language = parsed(originals, name)
    target = release_import_target(text, source=language)
    topics = set(Topic.objects.values_list("slug", flat=True))

    release = release_import_text(text, source=language).release

    assert not target.refusal and not target.release_exists
    assert (release.slug, release.topic.slug) == (target.release_slug, target.topic_slug)
    assert target.topic_exists == (target.topic_slug in topics)


def post(client, text, **data):
    return client.post(
        URL, {"language": "ja", "source": "on", "release": "", "topic": "", "text": text, **data}
    )


def test_preview_names_a_new_topic_and_its_romanised_slug(client, users, originals):
    client.force_login(users["editor"])

    response = post(client, (originals / RUSSIA).read_text("utf-8"), action="preview")

    assert response.status_code == 200 and written() == (0, 0, 0)
    target = response.context["target"]
    assert (target.topic_name, target.topic_slug) == ("ロシア連邦", "roshia-renpo")
    assert not target.topic_exists and not target.release_exists
    assert target.release_slug == "nichiro-gaisho-kaidan-2021-11-25"
    page = response.content.decode()
    assert "<code>roshia-renpo</code>" in page and "a new topic, created by the import" in page
    assert "<code>nichiro-gaisho-kaidan-2021-11-25</code>" in page and "a new release" in page


def test_preview_names_the_existing_topic_the_breadcrumb_matches(client, users, originals):
    Topic.objects.create(slug="russia", name_en="Russia", name_ja="ロシア連邦")
    client.force_login(users["editor"])

    response = post(client, (originals / RUSSIA).read_text("utf-8"), action="preview")

    target = response.context["target"]
    assert (target.topic_slug, target.topic_exists) == ("russia", True)
    assert "<code>russia</code>" in response.content.decode()
    assert "an existing topic" in response.content.decode()


def test_preview_names_the_default_topic_of_a_file_without_breadcrumb(client, users, originals):
    client.force_login(users["editor"])

    text = (originals / "ja-no-breadcrumb-2021-03-18.txt").read_text("utf-8")
    target = post(client, text, action="preview").context["target"]

    assert (target.topic_slug, target.topic_default) == ("press-releases", True)


def test_preview_of_a_text_imported_before_names_its_release(client, users, originals):
    text, language = parsed(originals, RUSSIA)
    release = release_import_text(text, source=language).release
    client.force_login(users["editor"])
    before = written()

    target = post(client, (originals / RUSSIA).read_text("utf-8"), action="preview").context[
        "target"
    ]

    assert (target.release_slug, target.release_exists) == (release.slug, True)
    assert target.topic_exists and not target.refusal
    assert written() == before


def test_preview_shows_a_slug_taken_by_another_release_and_offers_no_import(
    client, users, seed_bytes
):
    english = parse_release_text(seed_bytes, "en")
    release_import_text(english, source="en")
    # Another text of the same title and date under another topic: the slug is taken.
    other = seed_bytes.decode("utf-8").replace("Japan-Russia Relations", "Other Relations", 1)
    client.force_login(users["editor"])
    before = written()

    response = client.post(
        URL, {"language": "en", "release": "", "topic": "", "text": other, "action": "preview"}
    )

    target = response.context["target"]
    assert "already exists" in target.refusal and target.release_exists
    page = response.content.decode()
    assert 'id="target-refusal"' in page and 'value="commit"' not in page
    assert written() == before
