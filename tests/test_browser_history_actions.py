"""The history page's actions in a real Chromium, at 1,366 px and on a phone (390 px): a
revision's Publish and Restore buttons stand apart, and Restore (which replaces the current
text in every language) looks unlike Publish.

Screenshots go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's temporary directory.
"""

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Pixels at least between two buttons side by side, or between two rows of buttons.
ROOM = 12


@pytest.fixture
def flow_demo(live_server):
    return demo_live(live_server, scenario=False)


def _box(locator):
    box = locator.bounding_box()
    assert box is not None
    return box


def _apart(first, second):
    """Return the room between two boxes: beside each other, or one above the other."""
    left, right = sorted((first, second), key=lambda box: box["x"])
    beside = right["x"] - (left["x"] + left["width"])
    top, bottom = sorted((first, second), key=lambda box: box["y"])
    above = bottom["y"] - (top["y"] + top["height"])
    return max(beside, above)


@pytest.mark.parametrize(("width", "name"), [(1366, "desktop"), (390, "phone")])
def test_publish_and_restore_stand_apart_and_differ(browser, flow_demo, tmp_path, width, name):
    from playwright.sync_api import expect

    expect.set_options(timeout=10_000)
    url, release = flow_demo["url"], flow_demo["release"]
    shots = screenshot_dir(tmp_path)
    page = login(browser, url, "editor", width=width, height=900)
    page.goto(f"{url}/admin/records/release/{release.pk}/history/")
    # An older revision offers both: publishing it (in its source language) and restoring it.
    row = page.locator("tr.revision").filter(has=page.locator("button[name=language]"))
    row = row.filter(has=page.locator("form.restore-form")).first
    publish = row.locator("button[name=language]").first
    restore = row.locator("form.restore-form button")
    expect(publish).to_be_visible()
    expect(restore).to_be_visible()
    row.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / f"history-actions-{name}-{width}.png"), full_page=True)

    assert publish.evaluate("b => b.form.action").endswith("/publish/")
    for button in row.locator("button[name=language]").all():
        assert _apart(_box(button), _box(restore)) >= ROOM
    # Restore is marked as the destructive one, in colour as well as in words.
    style = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]"
    assert restore.evaluate(style) != publish.evaluate(style)
    assert "destructive" in (restore.get_attribute("class") or "")
    # Nothing is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.context.close()
