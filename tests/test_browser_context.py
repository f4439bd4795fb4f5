"""Context before typing in a real Chromium: translator-ja opens the series' next release
(untranslated), sees the glossary terms of its first unit before typing, inserts one with a
click, sees a live finding appear for a forbidden term, and finds an approved translation in
the concordance opened with Ctrl+K — nothing is saved on the way; then saves, and the saved
text's findings show at once.

Screenshots at 1366 and 390 px wide go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the
test's temporary directory.
"""

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PREFERRED, FORBIDDEN = "首脳会談", "サミット"


@pytest.fixture
def series_demo(live_server):
    """The demo published in three languages, the series' next release untranslated, and a
    Japanese forbidden term for "Summit Meeting" (the demo glossary forbids Russian ones)."""
    from translations.demo import demo_load_all
    from translations.models import Concept, GlossaryState, Term

    loaded = demo_load_all(password=BROWSER_PASSWORD, scenario=False, series=True)
    concept = Concept.objects.get(identifier="summit-meeting")
    Term.objects.create(concept=concept, language="ja", text=FORBIDDEN, status="forbidden")
    GlossaryState.bump()
    loaded["url"] = live_server.url
    return loaded


def test_terms_live_checks_and_concordance_before_saving(browser, series_demo, tmp_path):
    from playwright.sync_api import expect

    from records.models import Revision
    from translations.models import UnitStatus
    from translations.review.vocabulary import UnitState

    expect.set_options(timeout=10_000)
    shots = screenshot_dir(tmp_path)
    url, series = series_demo["url"], series_demo["series"]
    revisions = Revision.objects.count()
    page = login(browser, url, "translator-ja", width=1366, height=900)
    page.goto(f"{url}/review/{series.pk}/ja/")
    page.evaluate("window.concordNoReload = true")

    # Unit 1 (the title) shows its term before anything is typed or checked.
    unit = page.locator(".unit").first
    assert unit.get_attribute("data-key") == "title"
    expect(unit.locator(".unit-source mark.term")).to_have_text("Summit Meeting")
    term = unit.locator(".term-insert")
    expect(term).to_have_text(PREFERRED)
    expect(unit.locator(".term-rejected del")).to_have_text(FORBIDDEN)
    expect(unit.locator(".term-rejected .badge")).to_have_text("forbidden")
    area = unit.locator("textarea.translation")
    assert area.input_value() == ""
    page.screenshot(path=str(shots / "context-1-terms-1366.png"))

    # A click on the term inserts it at the cursor.
    area.click()
    area.press_sequentially("日露")
    term.click()
    expect(area).to_have_value("日露" + PREFERRED)
    expect(area).to_be_focused()
    live = unit.locator(".unit-live")
    expect(live.locator(".live-clean")).to_be_visible()

    # The forbidden term is flagged while typing, before any save.
    area.press("End")
    area.press_sequentially("と" + FORBIDDEN)
    finding = live.locator("li.finding-error")
    expect(finding).to_contain_text("forbidden term")
    expect(finding).to_contain_text(FORBIDDEN)
    unit.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "context-2-live-finding-1366.png"))

    # Ctrl+K opens the concordance; the approved Japanese of the published release is found.
    area.press("Control+k")
    dialog = page.locator("#wb-concordance")
    expect(dialog).to_be_visible()
    query = dialog.locator("input[name=q]")
    expect(query).to_be_focused()
    query.fill(PREFERRED)
    dialog.locator("select[name=side]").select_option("target")
    query.press("Enter")
    hit = dialog.locator(".c-hit").first
    expect(hit.locator(".c-target mark").first).to_have_text(PREFERRED)
    target = hit.locator(".c-target").inner_text()
    page.screenshot(path=str(shots / "context-3-concordance-1366.png"))

    # A click on Insert puts the translation at the cursor of the unit being typed in.
    area_value = area.input_value()
    hit.locator("button", has_text="Insert").click()
    expect(dialog).to_be_hidden()
    expect(area).to_have_value(area_value + target)
    expect(area).to_be_focused()

    # The same on a phone.
    page.set_viewport_size({"width": 390, "height": 844})
    unit.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "context-4-unit-390.png"))
    page.keyboard.press("Control+k")
    expect(dialog).to_be_visible()
    dialog.locator("select[name=side]").select_option("source")
    query.fill("summit")
    query.press("Enter")
    expect(dialog.locator(".c-hit").first).to_be_visible()
    page.screenshot(path=str(shots / "context-5-concordance-390.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px screen"
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.emulate_media(color_scheme="dark")
    page.screenshot(path=str(shots / "context-6-unit-dark-390.png"))

    # Nothing was saved on the way, and the page never reloaded.
    assert page.evaluate("window.concordNoReload === true")
    assert Revision.objects.count() == revisions
    title = UnitStatus.objects.get(release=series, language="ja", key="title")
    assert title.state == UnitState.UNTRANSLATED

    # Saved, the text is checked again: the release-wide check stored the title's forbidden
    # term as a finding of the title, so the row shows it and the check of the saved text
    # does not say it twice.
    page.emulate_media(color_scheme="light")
    with page.expect_response(lambda response: "/check/" in response.url):
        area.press("Control+Enter")
    expect(unit.locator(".badge.state-draft")).to_be_visible()
    expect(unit.locator("ul.findings > li.finding-error")).to_contain_text(FORBIDDEN)
    expect(unit.locator(".unit-live")).to_be_hidden()
    assert Revision.objects.count() == revisions + 1
    assert page.evaluate("window.concordNoReload === true")
