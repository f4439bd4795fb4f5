"""The segments of a large release, a page at a time, in a real Chromium at 1,366 px: the
pager above and below the rows, going to the next page, and save-and-continue keeping it."""

import pytest

from tests.browser_support import demo_live, login, screenshot_dir
from tests.records.test_admin_paging import big_release

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("no_term_checks"),
]

WIDTH = 1366


def test_segment_pages_in_a_1366_px_window(browser, live_server, tmp_path):
    loaded = demo_live(live_server, scenario=False)
    url = loaded["url"]
    release = big_release(loaded["users"]["admin"], 250, slug="long-browser")
    page = login(browser, url, "admin", width=WIDTH)
    change = f"{url}/admin/records/release/{release.pk}/change/"
    page.goto(f"{change}?segments=2")
    pagers = page.locator(".segments-pager")
    assert pagers.count() == 2
    assert pagers.first.locator(".segments-pager-label").inner_text() == "Segments 101–200 of 250"
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    pagers.first.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir(tmp_path) / "segment-pages-2.png"))
    assert overflow <= 0.5, overflow
    pagers.last.get_by_role("link", name="Next ›").click()
    page.wait_for_url(f"{change}?segments=3")
    assert pagers.first.locator(".segments-pager-label").inner_text() == "Segments 201–250 of 250"
    page.fill("#id_segments-0-text_en", "Paragraph 201, edited in the browser.")
    page.click("input[name=_continue]")
    page.wait_for_url(f"{change}?segments=3")
    assert page.locator("#id_segments-0-text_en").input_value() == (
        "Paragraph 201, edited in the browser."
    )
    texts = [
        item["text"]["en"]
        for item in release.revisions.order_by("number").last().snapshot["segments"]
    ]
    assert texts[199:202] == [
        "Paragraph 200.",
        "Paragraph 201, edited in the browser.",
        "Paragraph 202.",
    ]
    page.context.close()
