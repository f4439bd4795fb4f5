"""The reviewer approves a unit whose comment thread is still open, in a real Chromium: the
workbench asks first, naming the thread; cancelling approves nothing, confirming approves.

Screenshots go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's temporary directory.
"""

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def open_thread(live_server, in_progress):
    """The work in progress (paragraph 7's Russian submitted with translator-ru's question
    still open), reviewer-ru able to log in."""
    reviewer = in_progress["users"]["reviewer-ru"]
    reviewer.set_password(BROWSER_PASSWORD)
    reviewer.save()
    return {**in_progress, "url": live_server.url}


def test_approving_with_an_open_thread_asks_and_cancel_changes_nothing(
    browser, open_thread, tmp_path
):
    from playwright.sync_api import expect

    from tests.translations.reviewing import review_tables
    from translations.review.models import UnitStatus
    from translations.review.vocabulary import UnitState

    expect.set_options(timeout=10_000)
    shots = screenshot_dir(tmp_path)
    url, release, key = open_thread["url"], open_thread["release"], open_thread["key"]
    comment = open_thread["comment"]
    page = login(browser, url, "reviewer-ru", width=1366, height=900)
    page.goto(f"{url}/review/{release.pk}/ru/?filter=review")
    unit = page.locator(f'.unit[data-key="{key}"]')
    expect(unit.locator(".badge.state")).to_have_text("needs review")
    before = review_tables()

    # Approve: the workbench asks, naming the open thread and who wrote last.
    unit.get_by_role("button", name="Approve", exact=True).click()
    dialog = page.locator("#wb-confirm-approve")
    expect(dialog).to_be_visible()
    expect(dialog.locator("h2")).to_have_text("Approve with open comments?")
    expect(dialog.locator(".findings li")).to_have_count(1)
    expect(dialog.locator(".findings li")).to_contain_text(f"translator-ru: {comment.text}")
    page.screenshot(path=str(shots / "approve-1-asked-1366.png"))

    # Cancel: the dialog closes, the unit is still waiting for review, nothing was written.
    dialog.locator('button[value="cancel"]').click()
    expect(dialog).to_be_hidden()
    page.wait_for_load_state("networkidle")
    expect(page.locator(f'.unit[data-key="{key}"] .badge.state')).to_have_text("needs review")
    assert review_tables() == before
    state = UnitStatus.objects.get(release=release, key=key, language="ru").state
    assert state == UnitState.NEEDS_REVIEW
    page.reload()
    expect(page.locator(f'.unit[data-key="{key}"] .badge.state')).to_have_text("needs review")

    # Approve again and confirm: approved, the row changes in place.
    page.locator(f'.unit[data-key="{key}"]').get_by_role(
        "button", name="Approve", exact=True
    ).click()
    expect(dialog).to_be_visible()
    dialog.locator('button[value="confirm"]').click()
    expect(page.locator(f'.unit[data-key="{key}"] .badge.state')).to_have_text("approved")
    page.screenshot(path=str(shots / "approve-2-confirmed-1366.png"))
    state = UnitStatus.objects.get(release=release, key=key, language="ru").state
    assert state == UnitState.APPROVED
    page.context.close()
