"""The translation memory in a real Chromium: translator-ja opens the series' next release,
uses a fuzzy match in one click, then pre-translates the exact matches — without a reload.

Screenshots go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's temporary directory.
"""

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def series_demo(live_server):
    from translations.demo import demo_load_all

    loaded = demo_load_all(password=BROWSER_PASSWORD, scenario=False, series=True)
    loaded["url"] = live_server.url
    return loaded


def test_use_a_match_then_pretranslate(browser, series_demo, tmp_path):
    from translations.models import UnitStatus
    from translations.review.vocabulary import UnitState

    shots = screenshot_dir(tmp_path)
    url, series = series_demo["url"], series_demo["series"]
    page = login(browser, url, "translator-ja")
    page.goto(f"{url}/review/{series.pk}/ja/")
    page.evaluate("window.concordNoReload = true")
    fuzzy = page.locator(".unit:has(.match.fuzzy)").first
    key = fuzzy.get_attribute("data-key")
    target = fuzzy.locator(".match.fuzzy .match-target").first.inner_text()
    assert fuzzy.locator(".match.fuzzy ins, .match.fuzzy del").count() >= 1
    page.screenshot(path=str(shots / "memory-1-matches.png"), full_page=True)

    fuzzy.locator(".match.fuzzy button").first.click()
    unit = page.locator(f'.unit[data-key="{key}"]')
    unit.locator(".badge.state-draft").wait_for()
    assert unit.locator("textarea.translation").input_value() == target
    assert page.evaluate("window.concordNoReload === true")

    page.locator("form.wb-pretranslate button").click()
    page.locator("#wb-status.ok", has_text="pre-translated").wait_for()
    assert "9 units pre-translated" in page.locator("#wb-status").inner_text()
    assert page.locator(".unit .badge.state-draft").count() == 10
    assert page.evaluate("window.concordNoReload === true")
    page.screenshot(path=str(shots / "memory-2-pretranslated.png"), full_page=True)
    states = UnitStatus.objects.filter(release=series, language="ja")
    assert states.filter(state=UnitState.DRAFT).count() == 10
    assert not states.filter(state=UnitState.APPROVED).exists()
