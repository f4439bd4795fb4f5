"""The admin import preview of a second language whose structure differs: the proposal side
by side, the editor's adjustments (pair, unpair, merge, split), and confirmations that are
stale or name what does not exist (refused, nothing written)."""

import pytest

from records.models import Revision, Segment
from records.segmenter import parse_release_text
from records.services import release_import_text, release_write
from records.snapshots import release_snapshot

pytestmark = pytest.mark.django_db

URL = "/admin/records/release/import/"
DATE = "2023-05-16"


@pytest.fixture
def release(data_dir, users):
    path = data_dir / "parallel" / f"en-freedonia-{DATE}.txt"
    return release_import_text(parse_release_text(path.read_bytes(), "en"), source="en").release


@pytest.fixture
def japanese(data_dir):
    return (data_dir / "parallel" / f"ja-freedonia-{DATE}.txt").read_text("utf-8")


def post(client, release, text, **data):
    return client.post(URL, {"language": "ja", "release": release.slug, "text": text, **data})


def confirmed(response, **changes):
    """Return the pairing the page proposes (its selected values), with ``changes``."""
    values = {
        f"unit-{item['row'].number}": item["value"] for item in response.context["proposal_rows"]
    }
    values.update(changes)
    return {"proposal_head": str(response.context["proposal"].head), **values}


def written(release):
    release.refresh_from_db()
    return release.head_number, release_snapshot(release), Revision.objects.count()


def test_preview_shows_the_proposal_side_by_side_and_writes_nothing(
    client, users, release, japanese
):
    client.force_login(users["translator-ja"])
    before = written(release)

    response = post(client, release, japanese, action="preview")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="proposal"' in page and 'name="unit-10"' in page
    rows = response.context["proposal_rows"]
    assert [item["value"] for item in rows][:3] == ["1a", "1b", "2"]
    assert rows[9]["value"] == "9+10" and rows[9]["pair"].kind == "1:2"
    assert written(release) == before


def test_confirming_the_proposal_writes_one_revision(client, users, release, japanese):
    client.force_login(users["translator-ja"])
    preview = post(client, release, japanese, action="preview")

    response = post(client, release, japanese, action="commit", **confirmed(preview))

    assert response.status_code == 302
    assert release.revisions.count() == 2
    texts = [s.text_ja for s in release.segments.order_by("position")]
    assert texts[2] == "二国間関係" and texts[9].startswith("北朝鮮問題")


def test_editor_adjusts_the_pairing_before_confirming(client, users, release, japanese):
    client.force_login(users["translator-ja"])
    preview = post(client, release, japanese, action="preview")
    # Unpair the heading 「北朝鮮問題」: the English paragraph takes only block 10; the lead
    # goes whole to the first paragraph and the second stays untranslated.
    adjusted = confirmed(preview, **{"unit-10": "10", "unit-1": "1", "unit-2": ""})

    response = post(client, release, japanese, action="commit", **adjusted)

    assert response.status_code == 302
    segments = list(release.segments.order_by("position"))
    assert segments[9].text_ja.startswith("両外相は、1月以降12発")
    assert segments[0].text_ja.endswith("概要は以下のとおりです。") and segments[1].text_ja == ""


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"unit-3": "99"}, "the file has no block “99”"),
        ({"unit-3": "4"}, "block 4 is given to more than one segment"),
        ({"unit-3": "2b"}, "block 2 is one sentence and cannot be split in two"),
        ({"unit-3": "x+y"}, "the file has no block “x+y”"),
        ({"unit-77": "2"}, "segment 77, which the release does not have"),
        ({"unit-1": "1", "unit-2": "1b"}, "block 1 is given to more than one segment"),
    ],
)
def test_an_invalid_pairing_is_refused_and_nothing_written(
    client, users, release, japanese, changes, message
):
    client.force_login(users["translator-ja"])
    preview = post(client, release, japanese, action="preview")
    before = written(release)

    response = post(client, release, japanese, action="commit", **confirmed(preview, **changes))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert written(release) == before
    assert not Segment.objects.exclude(text_ja="").exists()


def test_a_pairing_made_on_an_older_revision_is_refused(client, users, release, japanese):
    client.force_login(users["translator-ja"])
    preview = post(client, release, japanese, action="preview")
    snapshot = release_snapshot(release)
    snapshot["segments"][0]["text"]["en"] += " (updated)"
    release_write(snapshot, author=users["editor"], based_on=1, release_id=release.pk)
    before = written(release)

    response = post(client, release, japanese, action="commit", **confirmed(preview))

    assert response.status_code == 200
    assert "the release has changed since the proposal (revision 2" in response.content.decode()
    assert written(release) == before


def test_commit_without_a_confirmed_pairing_is_refused(client, users, release, japanese):
    client.force_login(users["translator-ja"])
    before = written(release)

    response = post(client, release, japanese, action="commit")

    assert response.status_code == 200
    assert "review the proposed pairing" in response.content.decode()
    assert written(release) == before


def test_preview_of_a_file_sharing_nothing_is_refused(client, users, release, data_dir):
    client.force_login(users["translator-ja"])
    text = (data_dir / "parallel" / f"ja-unrelated-{DATE}.txt").read_text("utf-8")

    response = post(client, release, text, action="preview")

    assert "shares nothing with release" in response.content.decode()
    assert 'value="commit"' not in response.content.decode()


def test_the_texts_of_an_adjusted_pairing_are_shown_and_nothing_written(
    client, users, release, japanese
):
    client.force_login(users["translator-ja"])
    preview = post(client, release, japanese, action="preview")
    before = written(release)
    adjusted = confirmed(preview, **{"unit-1": "1", "unit-2": ""})

    response = post(client, release, japanese, action="pairing", **adjusted)

    assert response.status_code == 200 and written(release) == before
    assert response.context["proposal"].chosen
    rows = {item["row"].number: item for item in response.context["proposal_rows"]}
    assert rows[1]["row"].text.endswith("概要は以下のとおりです。") and rows[2]["row"].text == ""
    assert (rows[1]["changed"], rows[2]["changed"], rows[3]["changed"]) == (True, True, False)
    assert (rows[1]["proposed"], rows[1]["value"]) == ("1a", "1")
    page = response.content.decode()
    assert "Your pairing with the release" in page and 'class="proposal-row changed' in page
