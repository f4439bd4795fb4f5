"""The editor's dashboard in a real Chromium, at a desktop's and a phone's width: Japanese
turns ready once reviewed, the editor schedules English and Japanese together, cancels, then
publishes both at once."""

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(live_server):
    return demo_live(live_server, scenario=True)


def cell(page, release, code):
    return page.locator(f'tr[data-release="{release.pk}"] .lang-cell[data-language="{code}"]')


def test_the_editor_publishes_from_the_dashboard(browser, desk, tmp_path):
    from playwright.sync_api import expect

    from records.models import Publication, ScheduledPublication
    from tests.helpers import approve_all

    expect.set_options(timeout=10_000)
    url, release, users = desk["url"], desk["release"], desk["users"]
    shots = screenshot_dir(tmp_path)
    editor = login(browser, url, "editor", width=1366, height=900)
    editor.get_by_role("link", name="Editor’s dashboard").first.click()
    expect(editor.locator("h1")).to_have_text("Editor’s dashboard")
    expect(cell(editor, release, "en")).to_have_attribute("data-state", "ready")
    expect(cell(editor, release, "ja")).to_have_attribute("data-state", "blocked")
    expect(cell(editor, release, "ja").locator("a.blocker-outdated")).to_have_text("1 outdated")
    expect(cell(editor, release, "ru").locator("a.blocker-review")).to_have_text("1 in review")
    editor.screenshot(path=str(shots / "dashboard-1366-blocked.png"), full_page=True)
    # The table fits the desktop's width: nothing to scroll sideways.
    assert editor.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # The count opens the workbench on the outdated unit.
    with editor.expect_navigation():
        cell(editor, release, "ja").locator("a.blocker-outdated").click()
    assert editor.url.endswith(f"/review/{release.pk}/ja/?filter=outdated")
    editor.go_back()

    approve_all(release, "ja", users["reviewer-ja"], users["translator-ja"])
    editor.reload()
    expect(cell(editor, release, "ja")).to_have_attribute("data-state", "ready")

    # Schedule English and Japanese together for a later time, then think again.
    cell(editor, release, "en").locator("input[type=checkbox]").check()
    cell(editor, release, "ja").locator("input[type=checkbox]").check()
    editor.fill("#publish-at", "2099-01-01T09:00")
    editor.get_by_role("button", name="Schedule").click()
    expect(editor.locator(".messagelist")).to_contain_text("will be published at")
    expect(editor.locator("#scheduled-publications tr.schedule")).to_have_count(1)
    expect(cell(editor, release, "ja").locator(".lang-scheduled")).to_contain_text("scheduled for")
    editor.screenshot(path=str(shots / "dashboard-1366-scheduled.png"), full_page=True)
    assert ScheduledPublication.objects.get().languages == ["en", "ja"]

    phone = login(browser, url, "editor", width=390, height=844)
    phone.goto(f"{url}/admin/records/release/dashboard/")
    expect(cell(phone, release, "ja")).to_have_attribute("data-state", "ready")
    phone.screenshot(path=str(shots / "dashboard-390.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    editor.on("dialog", lambda dialog: dialog.accept())
    editor.locator("#scheduled-publications").get_by_role("button", name="Cancel").click()
    expect(editor.locator(".messagelist")).to_contain_text("was cancelled")
    expect(editor.locator("#scheduled-publications")).to_have_count(0)
    assert ScheduledPublication.objects.get().state == "cancelled"

    # Publish both now, together.
    cell(editor, release, "en").locator("input[type=checkbox]").check()
    cell(editor, release, "ja").locator("input[type=checkbox]").check()
    editor.get_by_role("button", name="Publish the chosen ones now").click()
    expect(editor.locator(".messagelist")).to_contain_text("in Japanese.")
    expect(cell(editor, release, "en")).to_have_attribute("data-state", "published")
    expect(cell(editor, release, "ja")).to_have_attribute("data-state", "published")
    head = release.revisions.order_by("-number").first().number
    assert set(
        Publication.objects.filter(release=release, revision__number=head).values_list(
            "language", flat=True
        )
    ) == {"en", "ja"}
    editor.screenshot(path=str(shots / "dashboard-1366-published.png"), full_page=True)


def test_the_release_list_and_history_show_the_same_states(browser, desk, tmp_path):
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)
    url, release = desk["url"], desk["release"]
    shots = screenshot_dir(tmp_path)
    editor = login(browser, url, "editor", width=1366, height=900)
    editor.goto(f"{url}/admin/records/release/")
    row = editor.locator("#result_list tbody tr").first
    expect(row.locator('.lang-cell[data-language="ja"]')).to_have_attribute("data-state", "blocked")
    expect(row.locator('.lang-cell[data-language="en"]')).to_contain_text("ready to publish")
    editor.screenshot(path=str(shots / "release-list-1366.png"), full_page=True)
    assert editor.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    editor.goto(f"{url}/admin/records/release/{release.pk}/history/")
    together = editor.locator("#publish-together")
    expect(together.locator('.lang-cell[data-language="en"] input[type=checkbox]')).to_be_visible()
    editor.screenshot(path=str(shots / "history-1366.png"), full_page=False)
