"""The photo and term tables fit a 1,366 px window beside the admin's navigation, for an
editor and for a translator (who sees other languages' captions as text), in a real Chromium."""

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1366
OVERFLOW = """() => [
    document.documentElement.scrollWidth - window.innerWidth,
    ...Array.from(document.querySelectorAll('.inline-group'), group =>
        Math.max(group.scrollWidth - group.clientWidth,
                 ...Array.from(group.querySelectorAll('table'), table =>
                     table.getBoundingClientRect().right - group.getBoundingClientRect().right)))
]"""


@pytest.fixture
def flow_demo(live_server):
    return demo_live(live_server, scenario=False)


@pytest.mark.parametrize(
    "username, what",
    [("admin", "release"), ("translator-ru", "release"), ("terminologist", "concept")],
)
def test_inline_tables_fit_1366_px(browser, flow_demo, tmp_path, username, what):
    from translations.glossary.models import Concept

    url, release = flow_demo["url"], flow_demo["release"]
    if what == "release":
        path = f"/admin/records/release/{release.pk}/change/"
    else:
        concept = Concept.objects.get(identifier="northern-territories")
        path = f"/admin/translations/concept/{concept.pk}/change/"
    page = login(browser, url, username, width=WIDTH)
    page.goto(f"{url}{path}")
    assert page.locator(".inline-group").count() >= 1
    overflow = page.evaluate(OVERFLOW)
    page.screenshot(path=str(screenshot_dir(tmp_path) / f"inline-{what}-{username}.png"))
    assert max(overflow) <= 0.5, overflow
    page.context.close()
