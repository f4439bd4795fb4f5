"""Text edits at the cost of the edit: ``release_texts_write`` writes what ``release_write``
writes for the same content, and hands it everything it cannot decide from the edit alone."""

import uuid

import pytest

from records.models import Release, Revision, RevisionChange, Topic
from records.revisions import head as heads
from records.services import (
    ActionNotAllowed,
    MergeConflict,
    ReleaseContentError,
    release_write,
)
from records.services.texts import release_texts_write, unit_read
from records.snapshots import release_snapshot, snapshot_checksum
from translations.review.models import Event, UnitStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_kept_heads():
    heads.head_states_forget()
    yield
    heads.head_states_forget()


def content(slug, keys):
    return {
        "slug": slug,
        "date": "2017-07-07",
        "topic": "japan-russia-relations",
        "title": {"en": "Summit", "ja": "", "ru": ""},
        "photos": [{"key": keys[-1], "caption": {"en": "Leaders"}, "credit": {"en": "Office"}}],
        "segments": [
            {
                "key": key,
                "kind": "paragraph",
                "level": 0,
                "text": {"en": f"The leaders discussed item {n}.", "ja": "", "ru": ""},
            }
            for n, key in enumerate(keys[:-1])
        ],
    }


def fresh(release):
    return Release.objects.select_related("topic").get(pk=release.pk)


def full_write(release, edits, author, based_on=None):
    """The same edits through ``release_write`` with the whole content."""
    release = fresh(release)
    current = release_snapshot(release)
    for (key, language), text in edits.items():
        if key == "title":
            current["title"][language] = text
            continue
        item, _sep, field = key.partition(":")
        for segment in current["segments"] + current["photos"]:
            if segment["key"] == item:
                segment[field or "text"][language] = text
    return release_write(
        current, author=author, based_on=based_on or release.head_number, release_id=release.pk
    )


def without_slug(snapshot):
    return {name: value for name, value in snapshot.items() if name != "slug"}


def states(release):
    return sorted(
        UnitStatus.objects.filter(release=release).values_list(
            "key",
            "language",
            "state",
            "source_checksum",
            "target_checksum",
            "translated_by_id",
            "approved_by_id",
            "revision_number",
        )
    )


def events(release):
    return sorted(
        Event.objects.filter(release=release).values_list(
            "key", "language", "action", "from_state", "to_state", "revision_number", "actor_id"
        )
    )


def test_text_edits_write_what_the_whole_content_would(users):
    keys = [str(uuid.uuid4()) for _ in range(6)]
    editor, translator = users["editor"], users["translator-ja"]
    fast = release_write(content("fast", keys), author=editor).release
    full = release_write(content("full", keys), author=editor).release
    steps = [
        {(keys[0], "ja"): "第一項。"},
        {("title", "ja"): "首脳会談", (keys[2], "ja"): "第三項。"},
        {(f"{keys[-1]}:caption", "ja"): "両首脳"},
        {(keys[0], "ja"): "第一項(改)。"},
        {(keys[0], "ja"): "第一項(改)。"},  # unchanged: no revision
    ]
    for edits in steps:
        head = fresh(fast).head_number
        result = release_texts_write(fast.pk, edits, author=translator, based_on=head)
        expected = full_write(full, edits, translator)
        assert (result.revision is None) == (expected.revision is None)
        if result.revision is None:
            continue
        written = Revision.objects.get(pk=result.revision.pk)
        assert without_slug(written.snapshot) == without_slug(expected.revision.snapshot)
        assert written.checksum == snapshot_checksum(written.snapshot)
        assert written.checksum == snapshot_checksum(release_snapshot(fresh(fast)))
        assert RevisionChange.objects.filter(revision=written).count() == len(
            {key.split(":")[0] for key, _language in edits}
        )
    assert fresh(fast).head_number == fresh(full).head_number == 5
    # The states and their audit events are those of the whole-content writes.
    assert states(fast) == states(full) and events(fast) == events(full)


def test_a_stale_edit_merges_with_other_units_and_conflicts_as_release_write_does(users):
    keys = [str(uuid.uuid4()) for _ in range(4)]
    editor, translator = users["editor"], users["translator-ja"]
    release = release_write(content("stale", keys), author=editor).release
    full_write(release, {(keys[1], "ja"): "査読者。"}, users["reviewer-ja"])
    result = release_texts_write(
        release.pk, {(keys[0], "ja"): "訳。"}, author=translator, based_on=1
    )
    snapshot = Revision.objects.get(pk=result.revision.pk).snapshot
    assert [s["text"]["ja"] for s in snapshot["segments"][:2]] == ["訳。", "査読者。"]
    with pytest.raises(MergeConflict) as refusal:
        release_texts_write(
            release.pk, {(keys[1], "ja"): "私の訳。"}, author=translator, based_on=1
        )
    [conflict] = refusal.value.conflicts
    assert (conflict.theirs, conflict.mine) == ("査読者。", "私の訳。")
    assert fresh(release).head_number == 3


def test_refusals_are_those_of_release_write_and_write_nothing(users):
    keys = [str(uuid.uuid4()) for _ in range(3)]
    release = release_write(content("refused", keys), author=users["editor"]).release
    with pytest.raises(ActionNotAllowed, match="may not edit the Japanese text"):
        release_texts_write(
            release.pk, {(keys[0], "ja"): "訳。"}, author=users["translator-ru"], based_on=1
        )
    with pytest.raises(ReleaseContentError, match=r"segments\[1\]\.text\.ja: contains the control"):
        release_texts_write(
            release.pk, {(keys[1], "ja"): "訳\x07"}, author=users["translator-ja"], based_on=1
        )
    with pytest.raises(ReleaseContentError, match=r"has no revision 7 \(the newest is 1\)"):
        release_texts_write(
            release.pk, {(keys[0], "ja"): "訳。"}, author=users["translator-ja"], based_on=7
        )
    assert fresh(release).head_number == 1 and Revision.objects.count() == 1
    assert release_snapshot(fresh(release))["segments"][1]["text"]["ja"] == ""


def test_what_the_edit_alone_cannot_decide_goes_through_release_write(users):
    keys = [str(uuid.uuid4()) for _ in range(3)]
    editor = users["editor"]
    release = release_write(content("handed", keys), author=editor).release
    # A renamed topic: the revision records the names readers will see.
    Topic.objects.filter(slug="japan-russia-relations").update(name_ja="日露関係")
    result = release_texts_write(release.pk, {(keys[0], "ja"): "訳。"}, author=editor, based_on=1)
    assert result.revision.snapshot["topic_name"]["ja"] == "日露関係"
    # The source language: its required text is checked on the whole content.
    with pytest.raises(ReleaseContentError, match="the English text is required"):
        release_texts_write(release.pk, {(keys[1], "en"): " "}, author=editor, based_on=2)
    result = release_texts_write(release.pk, {(keys[1], "en"): "New."}, author=editor, based_on=2)
    assert Revision.objects.get(pk=result.revision.pk).snapshot["segments"][1]["text"]["en"] == (
        "New."
    )


def test_the_kept_head_follows_writes_it_did_not_make(users):
    keys = [str(uuid.uuid4()) for _ in range(3)]
    editor = users["editor"]
    release = release_write(content("kept", keys), author=editor).release
    release_texts_write(release.pk, {(keys[0], "ja"): "一。"}, author=editor, based_on=1)
    # Another process's writes: a reordering, a new segment and a removed photo.
    current = release_snapshot(fresh(release))
    current["segments"].reverse()
    current["segments"].append({**current["segments"][0], "key": str(uuid.uuid4())})
    current["photos"] = []
    release_write(current, author=editor, based_on=2)
    result = release_texts_write(release.pk, {(keys[1], "ru"): "Два."}, author=editor, based_on=3)
    written = Revision.objects.get(pk=result.revision.pk)
    assert written.checksum == snapshot_checksum(written.snapshot)
    assert written.snapshot == release_snapshot(fresh(release))
    # A kept state that no longer tells the truth is not used: the head is read in full.
    kept = heads.head_state(Revision.objects.get(pk=written.pk))
    wrong = {**kept.pieces, f"segments:{keys[0]}": '"wrong"'}
    heads.head_state_keep(heads.HeadState(**{**kept.__dict__, "number": 3, "pieces": wrong}))
    result = release_texts_write(release.pk, {(keys[0], "ru"): "Один."}, author=editor, based_on=4)
    written = Revision.objects.get(pk=result.revision.pk)
    assert written.checksum == snapshot_checksum(written.snapshot)


def test_unit_read_names_a_unit_as_its_revision_holds_it(users):
    keys = [str(uuid.uuid4()) for _ in range(3)]
    release = release_write(content("units", keys), author=users["editor"]).release
    assert unit_read(release, 1, keys[1]).number == 2
    assert unit_read(release, 1, f"{keys[-1]}:credit").texts["en"] == "Office"
    assert unit_read(release, 1, "title").kind == "title"
    assert unit_read(release, 1, str(uuid.uuid4())) is None
    current = release_snapshot(fresh(release))
    current["segments"].pop(0)
    release_write(current, author=users["editor"], based_on=1)
    assert unit_read(release, 2, keys[0]) is None and unit_read(release, 1, keys[0]) is not None
