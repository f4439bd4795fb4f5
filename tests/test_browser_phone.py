"""The pages people check on a phone fit 390 px without scrolling sideways, in a real Chromium:
a release's history (its revisions and scheduled publications as cards), My work (each release
and language a card), the notifications and the review history. Screenshots go to
``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's temporary directory."""

import datetime

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 390, 844
# The page's own sideways scroll, and how far any table reaches past the box it sits in.
OVERFLOW = """() => [
    document.documentElement.scrollWidth - window.innerWidth,
    ...Array.from(document.querySelectorAll('#content table'), table =>
        table.getBoundingClientRect().right - table.parentElement.getBoundingClientRect().right)
]"""


@pytest.fixture
def phone_demo(live_server):
    loaded = demo_live(live_server, scenario=True)
    from records.scheduling import publication_schedule

    # A scheduled publication, so the history shows that table too.
    publication_schedule(
        loaded["release"],
        ["en"],
        datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2),
        author=loaded["users"]["editor"],
    )
    return loaded


@pytest.mark.parametrize(
    "username, page_name",
    [
        ("editor", "history"),
        ("reviewer-ru", "my-work"),
        ("translator-ja", "my-work-all"),
        ("reviewer-ru", "notifications"),
        ("reviewer-ru", "review-history"),
    ],
)
def test_the_page_fits_a_phone(browser, phone_demo, tmp_path, username, page_name):
    url, release = phone_demo["url"], phone_demo["release"]
    path = {
        "history": f"/admin/records/release/{release.pk}/history/",
        "my-work": "/review/",
        "my-work-all": "/review/?all=1",
        "notifications": "/review/notifications/",
        "review-history": f"/review/{release.pk}/ru/history/",
    }[page_name]
    page = login(browser, url, username, width=WIDTH, height=HEIGHT)
    page.goto(f"{url}{path}")
    assert page.locator("#content table").count() >= 1
    page.screenshot(
        path=str(screenshot_dir(tmp_path) / f"phone-{page_name}-{username}.png"), full_page=True
    )
    overflow = page.evaluate(OVERFLOW)
    assert overflow[0] <= 0, f"the page scrolls sideways by {overflow[0]} px"
    if page_name != "review-history":
        # The review history's events scroll inside their own box; these tables wrap.
        assert max(overflow[1:]) <= 0.5, overflow
    page.context.close()
