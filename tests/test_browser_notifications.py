"""Notifications in a real Chromium at 1,366 px: reviewer-ja approves three units at once,
translator-ja finds one notification for it (and one mail), opens it, and chooses an hourly
summary; the editors hear once that Japanese is ready to publish."""

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1366


@pytest.fixture
def flow_demo(live_server):
    return demo_live(live_server, scenario=False)


def no_horizontal_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_notifications_list_and_settings(browser, flow_demo, tmp_path, mailoutbox):
    from playwright.sync_api import expect

    from records.services import release_write
    from records.snapshots import release_snapshot
    from translations.notifications.models import Notification, NotificationProfile
    from translations.review.actions import units_submit

    expect.set_options(timeout=10_000)
    url, release, users = flow_demo["url"], flow_demo["release"], flow_demo["users"]
    shots = screenshot_dir(tmp_path)
    Notification.objects.update(read_at="2017-07-07T00:00:00Z")
    # translator-ja revises three sentences and sends them for review in one action.
    content = release_snapshot(release)
    keys = []
    for segment in content["segments"][1:4]:
        segment["text"]["ja"] += "（改）"
        keys.append(segment["key"])
    release_write(content, author=users["translator-ja"], based_on=release.head_number)
    release.refresh_from_db()
    mailoutbox.clear()
    units_submit(release, "ja", keys, users["translator-ja"])
    assert [mail.to for mail in mailoutbox] == [[users["reviewer-ja"].email]]

    # reviewer-ja sees it in the header and approves the three units at once.
    reviewer = login(browser, url, "reviewer-ja", width=WIDTH)
    expect(reviewer.locator("#user-tools .notifications-link .count")).to_have_text("1")
    reviewer.goto(f"{url}/review/{release.pk}/ja/?filter=review")
    reviewer.locator("form.wb-bulk button[type=submit]").click()
    expect(reviewer.locator("#wb-status")).to_contain_text("3 units approved.")
    mails = {mail.to[0]: mail for mail in mailoutbox[1:]}
    # One mail each: the translator for the three units, the editor that Japanese is ready.
    assert len(mailoutbox) == 3
    assert sorted(mails) == sorted([users["translator-ja"].email, users["editor"].email])
    assert "reviewer-ja approved 3 units" in mails[users["translator-ja"].email].subject
    assert "is ready to publish" in mails[users["editor"].email].subject

    # translator-ja: one unread notification, listed; opening it leads to the workbench.
    translator = login(browser, url, "translator-ja", width=WIDTH)
    count = translator.locator("#user-tools .notifications-link .count")
    expect(count).to_have_text("1")
    translator.locator("#user-tools .notifications-link").click()
    translator.wait_for_url(f"{url}/review/notifications/")
    unread = translator.locator("table.notifications tr.unread")
    expect(unread).to_have_count(1)
    expect(unread).to_contain_text("reviewer-ja approved 3 units of “Japan-Russia Summit")
    no_horizontal_overflow(translator)
    translator.screenshot(path=str(shots / "notifications-list.png"), full_page=True)
    unread.get_by_role("link").click()
    translator.wait_for_url(f"{url}/review/{release.pk}/ja/")
    expect(count).to_have_count(0)

    # How often mail comes: an hourly summary.
    translator.goto(f"{url}/review/notifications/settings/")
    translator.get_by_label("hourly, one mail with everything of the hour").check()
    translator.get_by_role("button", name="Save").click()
    expect(translator.locator(".messagelist")).to_contain_text("settings are saved")
    no_horizontal_overflow(translator)
    translator.screenshot(path=str(shots / "notification-settings.png"), full_page=True)
    assert NotificationProfile.objects.get(user=users["translator-ja"]).digest == "hourly"
    for page in (reviewer, translator):
        page.context.close()
