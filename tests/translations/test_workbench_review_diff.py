"""The reviewer sees the change: a unit not approved now shows its diff from the translation
last approved ("first translation" when none was), and "submitted unchanged" is marked."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from records.snapshots import release_snapshot
from tests.scenarios import published_release, release_with
from translations.review.actions import units_approve, units_request_changes, units_submit
from translations.review.vocabulary import UnitState
from translations.review.workbench import workbench

from .reviewing import segment_key, set_text, status, write

pytestmark = pytest.mark.django_db

INDEX = 1


def page(client, user, release, language="ja"):
    client.force_login(user)
    response = client.get(reverse("translations:workbench", args=[release.pk, language]))
    assert response.status_code == 200
    return response.content.decode()


def unit_html(html, key):
    """Return the HTML of unit ``key``'s section."""
    start = html.index(f'id="unit-{key}"')
    return html[start : html.index("</section>", start)]


def test_a_changed_translation_under_review_shows_its_diff_from_the_approved_one(client, users):
    release = published_release(units=3)
    key = segment_key(release, INDEX)
    approved = release_snapshot(release)["segments"][INDEX]["text"]["ja"]
    write(
        release,
        users["translator-ja"],
        set_text(INDEX, "ja", approved.replace("。", "、新たに。")),
        context={"submit": {"ja": True}},
    )
    row = workbench(release, "ja").by_key()[key]
    assert row.state == UnitState.NEEDS_REVIEW and not row.submitted_unchanged
    assert [op.text for op in row.approval_diff if op.op == "insert"] == ["、新たに"]
    html = unit_html(page(client, users["reviewer-ja"], release), key)
    assert "Changed since reviewer-ja approved it (revision 2):" in html
    assert "<ins>、新たに</ins>" in html
    assert "submitted unchanged" not in html
    # Approved units show no diff.
    other = unit_html(page(client, users["reviewer-ja"], release), segment_key(release, 0))
    assert "target-diff" not in other


def test_a_translation_never_approved_is_a_first_translation(client, users):
    release = release_with(units=2, languages=("en", "ja"), states={"ja": "needs_review"})
    key = segment_key(release, INDEX)
    row = workbench(release, "ja").by_key()[key]
    assert row.first_translation and row.approval is None
    html = unit_html(page(client, users["reviewer-ja"], release), key)
    assert "First translation: nothing was approved before." in html


def test_an_outdated_translation_confirmed_unchanged_is_submitted_unchanged(client, users):
    release = published_release(units=3)
    key = segment_key(release, INDEX)
    write(release, users["editor"], set_text(INDEX, "en", "A changed English sentence."))
    units_submit(release, "ja", [key], users["translator-ja"])
    row = workbench(release, "ja").by_key()[key]
    assert row.submitted_unchanged and row.approval_diff == []
    html = unit_html(page(client, users["reviewer-ja"], release), key)
    assert re.search(r'class="badge unchanged"[^>]*>submitted unchanged<', html)
    assert "The text reviewer-ja approved (revision 2), unchanged." in html


def test_a_resubmission_without_a_change_is_marked_and_one_with_a_change_is_not(users):
    release = release_with(units=2, languages=("en", "ja"), states={"ja": "needs_review"})
    key = segment_key(release, INDEX)

    def send_back():
        release.refresh_from_db()
        units_request_changes(
            release,
            "ja",
            [key],
            users["reviewer-ja"],
            comment="もう一度見てください。",
            based_on=release.head_number,
        )

    send_back()
    units_submit(release, "ja", [key], users["editor"])
    assert status(release, key, "ja").submitted_unchanged
    assert workbench(release, "ja").by_key()[key].submitted_unchanged
    send_back()
    write(release, users["editor"], set_text(INDEX, "ja", "直した訳。"))
    units_submit(release, "ja", [key], users["editor"])
    assert not workbench(release, "ja").by_key()[key].submitted_unchanged


def review_queries(client, user, size):
    """Return the queries of the workbench of a release whose ``size`` units all wait for
    review with a change since their approval."""
    release = published_release(units=size, slug=f"summit-{size}")

    def change(content):
        for segment in content["segments"]:
            segment["text"]["ja"] += "(改)"

    write(release, user, change, context={"submit": {"ja": True}})
    client.force_login(user)
    url = reverse("translations:workbench", args=[release.pk, "ja"])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.content.decode().count("<ins>(改)</ins>") == size
    return len(captured)


def test_the_diffs_take_no_query_per_unit(client, users):
    few = review_queries(client, users["translator-ja"], 2)
    many = review_queries(client, users["translator-ja"], 12)
    assert many <= few


@pytest.mark.parametrize("how", ["confirmed unchanged", "updated and submitted"])
def test_the_reviewer_sees_the_source_change_that_outdated_a_unit_until_approving_it(
    client, users, how
):
    release = published_release(units=3)
    key = segment_key(release, INDEX)
    content = release_snapshot(release)["segments"][INDEX]["text"]
    old_english = content["en"]
    write(release, users["editor"], set_text(INDEX, "en", old_english + " In detail."))
    if how == "confirmed unchanged":
        units_submit(release, "ja", [key], users["translator-ja"], based_on=release.head_number)
    else:
        write(
            release,
            users["translator-ja"],
            set_text(INDEX, "ja", content["ja"] + "詳細に。"),
            context={"submit": {"ja": True}},
        )
    row = workbench(release, "ja").by_key()[key]
    assert row.state == UnitState.NEEDS_REVIEW
    inserted = "".join(op.text for op in row.source_diff if op.op == "insert")
    assert "In detail" in inserted
    assert "".join(op.text for op in row.source_diff if op.op != "insert") == old_english
    html = unit_html(page(client, users["reviewer-ja"], release), key)
    assert "This translation follows a changed source; the change:" in html
    assert f"<ins>{inserted}</ins>" in html
    # Sent back and resubmitted, it still shows; approved, it is gone.
    units_request_changes(
        release, "ja", [key], users["reviewer-ja"], comment="詳しく。", based_on=release.head_number
    )
    assert workbench(release, "ja").by_key()[key].source_diff
    units_submit(release, "ja", [key], users["translator-ja"], based_on=release.head_number)
    units_approve(release, "ja", [key], users["reviewer-ja"], based_on=release.head_number)
    assert status(release, key, "ja").source_previous == ""
    assert not workbench(release, "ja").by_key()[key].source_diff
    html = unit_html(page(client, users["reviewer-ja"], release), key)
    assert "source-diff" not in html
