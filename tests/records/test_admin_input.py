"""Bad input to the admin and the export/diff commands: a 404 or a clear message, never a 500,
and nothing written."""

import pytest
from django.contrib.messages import get_messages
from django.core.management import CommandError
from django.urls import reverse

from records.models import Publication, Release, Revision, Segment
from records.snapshots import release_snapshot
from tests.helpers import change_url, form_data, run
from tests.scenarios import glossary_with, published_release, user_with_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]

HUGE = "99999999999999999999999"
BAD_IDS = ["abc", "1.5", "-1", "0", HUGE]


def state():
    """Everything a bad request must leave alone."""
    return (
        list(Revision.objects.order_by("id").values_list("id", "number", "checksum")),
        list(Publication.objects.order_by("id").values_list("id", "language", "revision_id")),
        [release_snapshot(release) for release in Release.objects.order_by("id")],
    )


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def release():
    """A release of twenty paragraphs and two photos, published in every language (revision 2)."""
    return published_release(units=20, photos=2)


@pytest.fixture
def translator_ja():
    return user_with_role("translator", "ja")


# --- 1. bad ids and parameters -------------------------------------------------------------


@pytest.mark.parametrize("object_id", BAD_IDS)
@pytest.mark.parametrize(
    "view, method",
    [("compare", "get"), ("history", "get"), ("restore", "post"), ("publish", "post")],
)
def test_release_views_answer_404_for_bad_ids(client, release, editor, view, method, object_id):
    client.force_login(editor)
    before = state()
    url = f"/admin/records/release/{object_id}/{view}/"
    response = getattr(client, method)(url, {"number": 1, "based_on": 2, "language": "en"})
    assert response.status_code == 404
    assert state() == before


@pytest.mark.parametrize("object_id", BAD_IDS)
def test_release_translation_page_answers_404_for_bad_ids(
    client, release, translator_ja, object_id
):
    client.force_login(translator_ja)
    response = client.get(f"/admin/translations/releasetermfindings/{object_id}/change/")
    assert response.status_code == 404


def test_release_translation_page_still_works_for_a_good_id(client, release, translator_ja):
    client.force_login(translator_ja)
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "params, shown",
    [
        ({"a": HUGE, "b": 2}, HUGE),
        ({"a": 1, "b": HUGE}, HUGE),
        ({"a": 0, "b": 2}, "“0”"),
        ({"a": 1, "b": -3}, "“-3”"),
        ({"a": "abc", "b": 2}, "“abc”"),
        ({"a": 1, "b": str(2**31)}, str(2**31)),
    ],
)
def test_compare_refuses_numbers_out_of_range_with_a_message(
    client, release, editor, params, shown
):
    client.force_login(editor)
    before = state()
    response = client.get(reverse("admin:records_release_compare", args=[release.pk]), params)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:records_release_history", args=[release.pk])
    [message] = texts(response)
    assert shown in message and "1 to 2147483647" in message
    assert state() == before


def test_compare_with_the_largest_number_is_just_a_missing_revision(client, release, editor):
    client.force_login(editor)
    url = reverse("admin:records_release_compare", args=[release.pk])
    response = client.get(url, {"a": 1, "b": 2**31 - 1})
    assert response.status_code == 302
    assert texts(response) == [f"Release “{release.slug}” has no revision 2147483647."]
    assert client.get(url, {"a": 1, "b": 2}).status_code == 200


@pytest.mark.parametrize(
    "number, message",
    [
        (HUGE, "has no revision " + HUGE),
        ("-1", "has no revision -1"),
        ("0", "has no revision 0"),
        ("x", "Choose a revision to "),
    ],
)
@pytest.mark.parametrize("view", ["restore", "publish"])
def test_restore_and_publish_refuse_bad_numbers_with_a_message(
    client, release, editor, view, number, message
):
    # A guard rather than a fix: these already answered with a message (exact lookups).
    client.force_login(editor)
    before = state()
    response = client.post(
        reverse(f"admin:records_release_{view}", args=[release.pk]),
        {"number": number, "based_on": 2, "language": "en"},
    )
    assert response.status_code == 302
    [text] = texts(response)
    assert message in text
    assert state() == before


@pytest.mark.parametrize("numbers", [(HUGE, "2"), ("1", HUGE), ("-1", "2"), ("0", "2")])
def test_release_diff_refuses_numbers_out_of_range(release, numbers):
    with pytest.raises(CommandError, match=r"whole numbers from 1 to 2147483647"):
        run("release_diff", release.slug, *numbers)


def test_release_diff_still_reports_a_missing_revision(release):
    with pytest.raises(CommandError, match="no revision 2147483647"):
        run("release_diff", release.slug, "1", str(2**31 - 1))


# --- 2. the stale-write check cannot be skipped ----------------------------------------------


@pytest.mark.parametrize("based_on", [None, "", "abc", "-1"])
def test_change_form_without_based_on_is_refused_and_keeps_the_text(
    client, release, editor, based_on
):
    client.force_login(editor)
    data = form_data(client.get(change_url(release)))
    assert data["based_on"] == "2"
    if based_on is None:
        del data["based_on"]
    else:
        data["based_on"] = based_on
    data["title_ja"] = "私の編集"
    before = state()
    response = client.post(change_url(release), data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.fields["based_on"].required
    [error] = form.non_field_errors()
    assert "reload the page and apply your change again" in error
    page = response.content.decode()
    assert "reload the page and apply your change again" in page
    assert "私の編集" in page
    assert state() == before
    assert Revision.objects.filter(release=release).count() == 2


def test_add_form_needs_no_based_on(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:records_release_add"))
    assert not response.context["adminform"].form.fields["based_on"].required


# --- 3. new inline rows go to the end --------------------------------------------------------


def add_inline_row(response, data, prefix, values):
    """Add one row the way the admin's "Add another" button does: a copy of the empty form."""
    [inline] = [i for i in response.context["inline_admin_formsets"] if i.formset.prefix == prefix]
    empty = inline.formset.empty_form
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    for name in empty.fields:
        value = empty[name].value()
        if value is not None and value is not False:
            data[f"{prefix}-{index}-{name}"] = value
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = index + 1
    return empty


def test_segment_added_in_the_admin_goes_last(client, release, editor):
    client.force_login(editor)
    response = client.get(change_url(release))
    data = form_data(response)
    count = release.segments.count()
    empty = add_inline_row(
        response, data, "segments", {"kind": "paragraph", "level": 0, "text_en": "Closing words."}
    )
    assert empty["position"].value() == count + 1
    add_inline_row(response, data, "photos", {"caption_en": "Last photo"})
    response = client.post(change_url(release), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    revision = Revision.objects.get(release=release, number=3)
    segments = revision.snapshot["segments"]
    assert len(segments) == count + 1
    assert segments[-1]["text"]["en"] == "Closing words."
    assert revision.snapshot["photos"][-1]["caption"]["en"] == "Last photo"
    positions = list(release.segments.order_by("position", "id").values_list("position", flat=True))
    assert positions == list(range(1, count + 2))
    photos = list(release.photos.order_by("position", "id").values_list("position", flat=True))
    assert photos == list(range(1, len(photos) + 1))


def test_two_added_segments_keep_their_order_and_positions_are_renumbered(client, release, editor):
    client.force_login(editor)
    # Gaps and a tie in the working copy's positions are closed by the next admin save.
    Segment.objects.filter(release=release, position__gte=3).update(position=50)
    response = client.get(change_url(release))
    data = form_data(response)
    count = release.segments.count()
    order_before = [
        str(key)
        for key in release.segments.order_by("position", "id").values_list("key", flat=True)
    ]
    add_inline_row(response, data, "segments", {"text_en": "First new."})
    add_inline_row(response, data, "segments", {"text_en": "Second new."})
    response = client.post(change_url(release), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    segments = Revision.objects.get(release=release, number=3).snapshot["segments"]
    assert [s["text"]["en"] for s in segments[-2:]] == ["First new.", "Second new."]
    assert [s["key"] for s in segments[:-2]] == order_before
    positions = list(release.segments.order_by("position", "id").values_list("position", flat=True))
    assert positions == list(range(1, count + 3))


def test_renumbering_uses_one_update_per_inline(
    client, release, editor, django_assert_max_num_queries
):
    client.force_login(editor)
    response = client.get(change_url(release))
    data = form_data(response)
    # Move the first segment to the end: every segment changes its position.
    data["segments-0-position"] = 1000
    count = release.segments.count()
    assert count >= 20
    with django_assert_max_num_queries(60) as captured:
        response = client.post(change_url(release), data)
    assert response.status_code == 302
    # An executemany is captured once, as "N times: UPDATE …".
    updates = [q["sql"] for q in captured.captured_queries if "UPDATE " in q["sql"][:40]]
    assert sum('"position"' in sql for sql in updates) == 1
    positions = list(release.segments.order_by("position", "id").values_list("position", flat=True))
    assert positions == list(range(1, count + 1))


def test_a_row_typed_at_a_position_takes_that_place(client, release, editor):
    """Typing 2 puts a new segment second, and moving a segment to 1 makes it first."""
    client.force_login(editor)
    response = client.get(change_url(release))
    data = form_data(response)
    add_inline_row(response, data, "segments", {"text_en": "Inserted second.", "position": 2})
    assert client.post(change_url(release), data).status_code == 302
    texts = [s["text"]["en"] for s in Revision.objects.get(number=3).snapshot["segments"]]
    assert texts[1] == "Inserted second." and len(texts) == 21
    response = client.get(change_url(release))
    data = form_data(response)
    last = len(texts) - 1
    assert data[f"segments-{last}-position"] == str(last + 1)
    data[f"segments-{last}-position"] = 1
    assert client.post(change_url(release), data).status_code == 302
    moved = [s["text"]["en"] for s in Revision.objects.get(number=4).snapshot["segments"]]
    assert moved[0] == texts[-1] and moved[1:] == texts[:-1]


# --- 5. unwritable output paths --------------------------------------------------------------


def test_export_release_to_a_missing_directory_is_a_clear_error(release, tmp_path):
    target = tmp_path / "missing" / "x.json"
    with pytest.raises(CommandError, match=r"cannot write .*x\.json: No such file or directory"):
        run("export_release", release.slug, "-o", str(target))
    assert not target.parent.exists()


def test_export_glossary_to_a_missing_directory_is_a_clear_error(tmp_path):
    glossary_with(("peace-treaty", {"en": "peace treaty", "ja": "平和条約"}))
    target = tmp_path / "missing" / "x.tbx"
    with pytest.raises(CommandError, match=r"cannot write .*x\.tbx: No such file or directory"):
        run("export_glossary", "-o", str(target))
    assert not target.parent.exists()


def test_export_release_to_a_directory_is_a_clear_error(release, tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        run("export_release", release.slug, "-o", str(tmp_path))
