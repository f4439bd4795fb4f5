"""No lost work, no silent damage: merges on every write path, one validation, clear refusals."""

import json
import re
import threading
import uuid
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from records.models import Release, Revision, Segment, Topic
from records.segmenter import parse_release_text
from records.selectors import release_document
from records.services import (
    ActionNotAllowed,
    ReleaseContentError,
    ReleaseExists,
    merge_snapshots,
    release_import_document,
    release_import_text,
    release_publish,
    release_write,
    snapshot_changes,
)
from records.services.validation import MAX_JSON_DEPTH, MAX_UNITS
from records.snapshots import release_snapshot
from tests.helpers import change_url, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

LANGS = ("en", "ja", "ru")


def counts():
    return Release.objects.count(), Revision.objects.count(), Segment.objects.count()


# -- the merge itself: a change only one side made always survives -------------------------


def _snapshot(texts):
    return {
        "slug": "s",
        "title": {code: "t" for code in LANGS},
        "photos": [],
        "segments": [
            {"key": key, "kind": "paragraph", "level": 0, "text": dict(text)} for key, text in texts
        ],
    }


edits = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(LANGS), st.sampled_from(["x", "y", "z"])),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(mine_edits=edits, their_edits=edits, mine_drop=st.sets(st.integers(0, 5), max_size=2))
def test_random_edits_from_one_base_never_lose_a_one_sided_change(
    mine_edits, their_edits, mine_drop
):
    keys = [str(uuid.UUID(int=index + 1)) for index in range(6)]
    base = _snapshot([(key, {code: f"{key[-1]}{code}" for code in LANGS}) for key in keys])
    mine, theirs = json.loads(json.dumps(base)), json.loads(json.dumps(base))
    for index, code, text in mine_edits:
        mine["segments"][index]["text"][code] = text
    for index, code, text in their_edits:
        theirs["segments"][index]["text"][code] = text
    mine["segments"] = [s for i, s in enumerate(mine["segments"]) if i not in mine_drop]
    result = merge_snapshots(base, mine, theirs)
    collided = {conflict.unit for conflict in result.conflicts}
    merged = {item["key"]: item for item in result.content["segments"]}
    for side, other in ((mine, theirs), (theirs, mine)):
        for change in snapshot_changes(base, side):
            if (
                change.unit in collided
                or change.unit.split(":")[0] == "segments"
                and any(c.field == "presence" and c.unit == change.unit for c in result.conflicts)
            ):
                continue
            if change in snapshot_changes(base, other):
                continue  # both made it; equal values merge, different ones are conflicts
            key = change.unit.split(":", 1)[1]
            if change.field == "presence":
                assert key not in merged
                continue
            side_item = {item["key"]: item for item in side["segments"]}[key]
            assert merged[key]["text"][change.language] == side_item["text"][change.language]
    # Every conflict is reported with both values, never dropped in silence.
    for conflict in result.conflicts:
        assert conflict.mine != conflict.theirs


def test_additions_on_both_sides_are_both_kept_in_place():
    keys = [str(uuid.UUID(int=index + 1)) for index in range(3)]
    base = _snapshot([(key, {"en": key}) for key in keys])
    mine, theirs = json.loads(json.dumps(base)), json.loads(json.dumps(base))
    mine["segments"].insert(1, {"key": "m", "kind": "paragraph", "level": 0, "text": {"en": "m"}})
    theirs["segments"].append({"key": "t", "kind": "paragraph", "level": 0, "text": {"en": "t"}})
    result = merge_snapshots(base, mine, theirs)
    assert not result.conflicts
    assert [item["key"] for item in result.content["segments"]] == [keys[0], "m", *keys[1:], "t"]


def test_reordering_on_both_sides_is_a_conflict():
    keys = [str(uuid.UUID(int=index + 1)) for index in range(3)]
    base = _snapshot([(key, {"en": key}) for key in keys])
    mine, theirs = json.loads(json.dumps(base)), json.loads(json.dumps(base))
    mine["segments"].reverse()
    theirs["segments"].append(theirs["segments"].pop(0))
    assert [c.id for c in merge_snapshots(base, mine, theirs).conflicts] == ["segments:order"]


# -- JSON imports need a base; --force is recorded ----------------------------------------


def test_json_import_without_a_base_is_refused_then_forced(published):
    release = published["release"]
    document = release_document(release)
    del document["revision"]
    document["title"]["ru"] = "Старый заголовок"
    before = counts()
    with pytest.raises(ReleaseExists, match="already exists"):
        release_import_document(document, author=published["users"]["editor"])
    assert counts() == before
    result = release_import_document(document, author=published["users"]["editor"], force=True)
    assert "forced" in result.revision.message
    assert Release.objects.get().title_ru == "Старый заголовок"


# -- creating one new slug from several writers: one create, the rest refused ------------


@pytest.mark.django_db(transaction=True)
def test_same_new_slug_from_several_writers_creates_once(editor, seed_bytes):
    parsed = parse_release_text(seed_bytes)
    barrier = threading.Barrier(4)
    outcomes = []

    def writer():
        try:
            barrier.wait()
            release_import_document(
                {
                    "slug": "one-slug",
                    "date": "2017-07-07",
                    "topic": "topic",
                    "title": {"en": "T"},
                    "segments": [{"text": {"en": s.text}} for s in parsed.segments[:3]],
                },
                author=editor,
            )
            outcomes.append("created")
        except ReleaseContentError:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - the assertion shows it
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["created", "refused", "refused", "refused"]
    assert Revision.objects.count() == 1


# -- text imports never write into a release they do not continue --------------------------

RUSSIAN = """Российско-японские отношения
7 июля 2017 года
photo1: Встреча на высшем уровне
Первый абзац.
"""
OTHER = """Another Topic
July 7, 2017
photo1: 2017
Unrelated text.
"""


def test_cyrillic_title_gets_a_transliterated_slug(editor):
    result = release_import_text(parse_release_text(OTHER.encode()), author=editor)
    assert result.release.slug == "2017-2017-07-07"
    parsed = parse_release_text(RUSSIAN.replace("7 июля 2017 года", "July 7, 2017").encode())
    russian = release_import_text(parsed, author=editor, source="ru")
    assert russian.release.slug == "vstrecha-na-vysshem-urovne-2017-07-07"
    assert russian.release.topic.slug == "rossijsko-yaponskie-otnosheniya"


def test_text_import_colliding_with_another_release_is_refused(editor, data_dir):
    release_import_text(parse_release_text(OTHER.encode()), author=editor)
    other = OTHER.replace("Another Topic", "A Third Topic").replace("Unrelated", "Different")
    before = counts()
    with pytest.raises(ReleaseExists, match="2017-2017-07-07"):
        release_import_text(parse_release_text(other.encode()), author=editor)
    assert counts() == before
    updated = release_import_text(
        parse_release_text(other.encode()), author=editor, into="2017-2017-07-07"
    )
    assert updated.revision.number == 2
    path = data_dir.parent / "tmp-other.txt"
    try:
        path.write_text(other.replace("A Third Topic", "A Fourth Topic"), "utf-8")
        with pytest.raises(CommandError, match="--into 2017-2017-07-07"):
            call_command("import_release", str(path), stdout=StringIO())
    finally:
        path.unlink()


# -- the admin saves large releases and validates like the importer ------------------------


def test_admin_saves_a_release_of_hundreds_of_segments(client, demo):
    release = demo["release"]
    content = release_snapshot(release)
    for index in range(200):
        content["segments"].append(
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {
                    "en": f"Paragraph {index}.",
                    "ja": f"段落{index}。",
                    "ru": f"Абзац {index}.",
                },
            }
        )
    release_write(content, author=demo["users"]["editor"], based_on=2)
    client.force_login(demo["users"]["editor"])
    # The form shows 100 segments a page: the 211th is the 11th row of page 3.
    url = f"{change_url(release)}?segments=3"
    data = form_data(client.get(url))
    data["segments-10-text_ja"] = "二百十番目の段落。"
    response = client.post(url, data)
    assert response.status_code == 302
    assert (
        Revision.objects.get(number=4).snapshot["segments"][210]["text"]["ja"]
        == "二百十番目の段落。"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("segments-0-level", "50", "level: expected a number from 0 to 9"),
        ("segments-0-text_en", "   ", "the English text is required"),
        ("title_ja", "bell\x07", "control character U+0007"),
    ],
)
def test_admin_refuses_what_the_importer_refuses(client, published, field, value, message):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    data[field] = value
    before = counts()
    response = client.post(change_url(release), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert counts() == before
    assert data["segments-1-text_ja"] in response.content.decode()  # the user's text is kept


def test_invisible_characters_are_saved_and_reported(client, published):
    release = published["release"]
    client.force_login(published["users"]["editor"])
    data = form_data(client.get(change_url(release)))
    data["segments-1-text_ja"] = "北方\u200b領土問題"
    response = client.post(change_url(release), data, follow=True)
    texts = [str(message) for message in response.context["messages"]]
    assert any("segments[1].text.ja" in text and "Invisible" in text for text in texts)


# -- text hygiene and limits on the JSON path ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("null\x00byte", "U+0000"),
        ("escape \x1b[31m", "U+001B"),
        ("c1 \x85 inside", "U+0085"),
        ("lone \ud800", "U+D800"),
    ],
)
def test_json_control_characters_are_refused_with_the_field(published, text, message):
    document = release_document(published["release"])
    document["segments"][2]["text"]["ru"] = text
    before = counts()
    pattern = rf"segments\[2\]\.text\.ru: .*{re.escape(message)}"
    with pytest.raises(ReleaseContentError, match=pattern):
        release_import_document(document, author=published["users"]["editor"])
    assert counts() == before


def test_deep_json_is_refused_before_parsing(tmp_path, published):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    before = counts()
    with pytest.raises(CommandError, match=f"deeper than {MAX_JSON_DEPTH}"):
        call_command("import_release", str(path), stdout=StringIO())
    assert counts() == before


def test_too_many_units_are_refused(published):
    document = release_document(published["release"])
    document["segments"] = [{"text": {"en": "x"}} for _ in range(MAX_UNITS + 1)]
    with pytest.raises(ReleaseContentError, match="at most 2000"):
        release_import_document(document, author=published["users"]["editor"])


# -- permissions on every path -------------------------------------------------------------


def test_import_applies_the_authors_language_rights(published, tmp_path):
    document = release_document(published["release"])
    document["title"]["en"] = "Rewritten by a reviewer"
    document["title"]["ru"] = "Переписано"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    before = counts()
    with pytest.raises(CommandError, match="may not edit the English text"):
        call_command("import_release", str(path), "--author", "reviewer-ja", stdout=StringIO())
    assert counts() == before
    with pytest.raises(ActionNotAllowed):
        release_import_document(document, author=published["users"]["translator-ru"])
    del document["title"]["en"]
    result = release_import_document(document, author=published["users"]["translator-ru"])
    assert result.revision.snapshot["title"]["ru"] == "Переписано"


# -- readers see only what was published ---------------------------------------------------


def test_renaming_a_topic_changes_no_published_page(client, published):
    release = published["release"]
    url = f"/en/releases/{release.slug}/"
    assert "Japan-Russia Relations" in client.get(url).content.decode()
    Topic.objects.filter(pk=release.topic_id).update(name_en="Renamed Topic")
    assert "Renamed Topic" not in client.get(url).content.decode()
    content = release_snapshot(Release.objects.get())
    release_write(content, author=published["users"]["editor"], based_on=2)
    release_publish(release, "en", author=published["users"]["editor"])
    assert "Renamed Topic" in client.get(url).content.decode()


def test_resolve_page_needs_the_release_it_was_made_for(client, published):
    client.force_login(published["users"]["editor"])
    url = reverse("admin:records_release_resolve", args=[published["release"].pk])
    response = client.post(url, {"pending": "garbage"})
    assert response.status_code == 302
    assert Revision.objects.count() == 2
