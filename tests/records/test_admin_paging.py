"""The change form of a large release shows its segments a page at a time (``?segments=N``)
and a save writes only what the shown page changed; small releases show every segment."""

import uuid

import pytest

from records.admin.paging import PAGE_SIZE
from records.models import Release, Revision, Segment
from records.services import release_write, revision_snapshot
from tests.helpers import change_url, form_data
from tests.records.test_admin_input import add_inline_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def big_release(editor, size, slug="big"):
    """A release of ``size`` segments, "Paragraph N." in English (N from 1), revision 1."""
    content = {
        "slug": slug,
        "date": "2020-02-02",
        "topic": "paging",
        "title": {"en": "Long release", "ja": "", "ru": ""},
        "photos": [],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {"en": f"Paragraph {n}.", "ja": "", "ru": ""},
            }
            for n in range(1, size + 1)
        ],
    }
    return release_write(content, author=editor, topic_names={"en": "Paging"}).release


def english(release, number=None):
    revisions = release.revisions.order_by("number")
    revision = revisions.get(number=number) if number else revisions.last()
    return [item["text"]["en"] for item in revision.snapshot["segments"]]


def state():
    """What the database holds of releases, for before/after comparisons."""
    return (
        list(Revision.objects.order_by("id").values_list("id", "number")),
        list(Segment.objects.order_by("id").values_list("id", "position", "text_en")),
    )


@pytest.fixture
def big(editor):
    return big_release(editor, 20 * PAGE_SIZE)


def page_rows(response):
    [inline] = [
        i for i in response.context["inline_admin_formsets"] if i.formset.prefix == "segments"
    ]
    return inline.formset


def test_a_small_release_shows_every_segment_and_no_pager(client, editor):
    release = big_release(editor, 20)
    client.force_login(editor)
    response = client.get(change_url(release))
    assert len(page_rows(response).forms) == 20
    assert b"segments-pager" not in response.content
    data = form_data(response)
    data["segments-19-text_en"] = "The last one, edited."
    assert client.post(change_url(release), data).status_code == 302
    assert english(release) == [f"Paragraph {n}." for n in range(1, 20)] + ["The last one, edited."]


def test_a_large_release_shows_one_page_with_a_pager_above_and_below(client, editor, big):
    client.force_login(editor)
    response = client.get(f"{change_url(big)}?segments=2")
    formset = page_rows(response)
    assert [form.instance.text_en for form in formset.forms] == [
        f"Paragraph {n}." for n in range(101, 201)
    ]
    html = response.content.decode()
    assert html.count("Segments 101–200 of 2,000") == 2
    assert 'href="?segments=3"' in html
    assert form_data(response)["segments-TOTAL_FORMS"] == "100"


def test_saving_page_3_of_20_changes_only_its_rows(client, editor, big):
    client.force_login(editor)
    url = f"{change_url(big)}?segments=3"
    response = client.get(url)
    data = form_data(response)
    data["segments-4-text_en"] = "Paragraph 205, edited."
    data["segments-6-DELETE"] = "on"
    add_inline_row(response, data, "segments", {"text_en": "A new paragraph after 300."})
    data["_continue"] = "Save and continue editing"
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == url
    expected = [f"Paragraph {n}." for n in range(1, 2001)]
    expected[204] = "Paragraph 205, edited."
    expected.insert(300, "A new paragraph after 300.")
    del expected[206]
    assert english(big) == expected
    base, saved = (revision_snapshot(big, n)["segments"] for n in (1, 2))
    # Rows of other pages are the base revision's, untouched, keys and all.
    assert saved[:200] == base[:200]
    assert saved[300:] == base[300:]


def test_a_row_moves_to_another_page_by_its_position(client, editor, big):
    client.force_login(editor)
    url = f"{change_url(big)}?segments=3"
    data = form_data(client.get(url))
    assert data["segments-9-position"] == "210"
    data["segments-9-position"] = "5"
    assert client.post(url, data).status_code == 302
    texts = english(big)
    assert texts[3:6] == ["Paragraph 4.", "Paragraph 210.", "Paragraph 5."]
    assert texts[209:211] == ["Paragraph 209.", "Paragraph 211."]
    assert len(texts) == 2000


def test_a_stale_save_of_one_page_merges_with_a_newer_edit_on_another(client, editor, big):
    client.force_login(editor)
    url = f"{change_url(big)}?segments=3"
    data = form_data(client.get(url))
    assert data["based_on"] == "1"
    # Meanwhile someone edits a segment of page 1 and one of page 20.
    theirs = revision_snapshot(big, 1)
    theirs["segments"][9]["text"]["ja"] = "第十段落。"
    theirs["segments"][1999]["text"]["en"] = "The very last, theirs."
    release_write(theirs, author=editor, based_on=1, release_id=big.pk)
    data["segments-0-text_en"] = "Paragraph 201, mine."
    assert client.post(url, data).status_code == 302
    assert Release.objects.get(pk=big.pk).head_number == 3
    merged = revision_snapshot(big, 3)["segments"]
    assert merged[9]["text"]["ja"] == "第十段落。"
    assert merged[1999]["text"]["en"] == "The very last, theirs."
    assert merged[200]["text"]["en"] == "Paragraph 201, mine."
    assert len(merged) == 2000


@pytest.mark.parametrize(
    ("asked", "label"),
    [
        ("99", "Segments 1,901–2,000 of 2,000"),
        ("0", "Segments 1–100 of 2,000"),
        ("-3", "Segments 1–100 of 2,000"),
        ("three", "Segments 1–100 of 2,000"),
    ],
)
def test_a_page_out_of_range_clamps_to_the_nearest(client, editor, big, asked, label):
    client.force_login(editor)
    response = client.get(f"{change_url(big)}?segments={asked}")
    assert response.status_code == 200
    assert label in response.content.decode()


def test_an_unchanged_save_of_a_page_out_of_range_writes_nothing(client, editor, big):
    client.force_login(editor)
    url = f"{change_url(big)}?segments=99"
    data = form_data(client.get(url))
    before = state()
    response = client.post(url, data, follow=True)
    assert "Nothing changed: no new revision." in response.content.decode()
    assert state() == before


@pytest.mark.parametrize("size", [20, 20 * PAGE_SIZE])
def test_the_change_form_takes_as_many_queries_at_any_size(
    client, editor, size, django_assert_max_num_queries
):
    release = big_release(editor, size)
    client.force_login(editor)
    client.get(change_url(release))  # the session and caches, as for any page
    with django_assert_max_num_queries(12):
        response = client.get(f"{change_url(release)}?segments=2")
    assert response.status_code == 200
