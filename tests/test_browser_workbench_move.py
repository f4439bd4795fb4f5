"""Moving through work in a real Chromium: translator-ja searches the series' next release,
jumps to the next untranslated unit with the keyboard, sees the translation's length as she
types, pre-translates and submits every draft of the page at once, and is asked first because
one draft has an error finding, which the question names. The term check's notice goes by
itself once the check has finished.

Screenshots (1,366 and 390 px wide) go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the
test's temporary directory.
"""

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A Japanese forbidden term for the test (the demo glossary forbids only Russian ones).
FORBIDDEN = "南クリル"
TYPED = f"両首脳は{FORBIDDEN}について議論した。"


@pytest.fixture
def series_demo(live_server):
    from tests.scenarios import glossary_with
    from translations.demo import demo_load_all

    loaded = demo_load_all(password=BROWSER_PASSWORD, scenario=False, series=True)
    glossary_with(("northern-territories", {"ja": [(FORBIDDEN, "forbidden")]}))
    loaded["url"] = live_server.url
    return loaded


def _focused_key(page):
    return page.evaluate("(document.activeElement.closest('.unit') || {dataset: {}}).dataset.key")


def test_search_jump_count_submit_all_and_confirm(browser, series_demo, tmp_path):
    from playwright.sync_api import expect

    from records.folding import fold
    from records.services import revision_snapshot
    from records.units import translatable_units
    from translations.models import UnitStatus
    from translations.review.vocabulary import UnitState

    expect.set_options(timeout=10_000)
    shots = screenshot_dir(tmp_path)
    url, series = series_demo["url"], series_demo["series"]
    workbench = f"{url}/review/{series.pk}/ja/"
    page = login(browser, url, "translator-ja", width=1366, height=900)

    # Search the release: every unit whose English (or Japanese) has the words, any case.
    units = translatable_units(revision_snapshot(series, series.head_number), "en")
    matching = [unit.key for unit in units if "north korea" in fold(unit.text("en"))]
    assert len(matching) >= 2
    page.goto(workbench)
    page.fill("#wb-search", "North KOREA")
    page.press("#wb-search", "Enter")
    expect(page.locator(".wb-found")).to_contain_text(f"{len(matching)} units match")
    assert page.locator(".unit").evaluate_all("units => units.map(u => u.dataset.key)") == matching
    page.screenshot(path=str(shots / "move-1-search-1366.png"), full_page=False)
    page.click("text=Clear the search")
    expect(page.locator(".wb-found")).to_have_count(0)

    # The keyboard: from the unit before the first paragraph, the next untranslated one.
    keys = page.locator(".unit").evaluate_all("units => units.map(u => u.dataset.key)")
    segments = page.locator(".unit.state-untranslated").evaluate_all(
        "units => units.filter(u => u.querySelector('h3').textContent.startsWith('segment'))"
        ".map(u => u.dataset.key)"
    )
    target = segments[0]
    before = page.locator(f'.unit[data-key="{keys[keys.index(target) - 1]}"]')
    before.locator("textarea.translation").focus()
    page.keyboard.press("Alt+Shift+U")
    expect(page.locator(f'.unit[data-key="{target}"] textarea.translation')).to_be_focused()
    assert _focused_key(page) == target

    # Its length as she types, neutral: characters and the ratio to the English.
    unit = page.locator(f'.unit[data-key="{target}"]')
    source_length = int(unit.locator(".unit-length").get_attribute("data-source-length"))
    page.keyboard.type(TYPED)
    expect(unit.locator(".length-target")).to_have_text(str(len(TYPED)))
    expect(unit.locator(".length-ratio")).to_have_text(f"{len(TYPED) / source_length:.2f}")
    page.keyboard.press("Control+Enter")
    expect(unit.locator(".badge.state-draft")).to_be_visible()
    expect(unit.locator(".badge.errors")).to_be_visible()
    label = unit.locator("h3").inner_text()

    # The keyboard list, opened with "?" outside a text field.
    page.locator("h1").first.click()
    page.keyboard.press("?")
    expect(page.locator("#wb-keys")).to_be_visible()
    expect(page.locator("#wb-keys")).to_contain_text("next untranslated unit")
    page.screenshot(path=str(shots / "move-2-keys-1366.png"))
    page.keyboard.press("Escape")
    expect(page.locator("#wb-keys")).to_be_hidden()
    # The search and the filters from anywhere, then back to the unit.
    unit.locator("textarea.translation").focus()
    page.keyboard.press("Alt+Shift+F")
    expect(page.locator("#wb-search")).to_be_focused()
    page.keyboard.press("Alt+Shift+L")
    expect(page.locator(".wb-filters a[aria-current]")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(page.locator(".wb-filters a").nth(1)).to_be_focused()

    # Pre-translate, then submit every draft of the page at once: asked first, naming the
    # unit with the error finding and the finding.
    page.locator("form.wb-pretranslate button").click()
    expect(page.locator("#wb-status")).to_contain_text("pre-translated")
    drafts = page.locator(".unit.state-draft").count()
    expect(page.locator("form.wb-submit-all .count")).to_have_text(str(drafts))
    page.locator("form.wb-submit-all button").click()
    dialog = page.locator("#wb-confirm")
    expect(dialog).to_be_visible()
    # Every error finding of the drafts, all on the unit she typed (the forbidden term, and
    # what the checks also found in so short a text), each named with its unit.
    findings = dialog.locator(".findings li")
    expect(findings.filter(has_text=FORBIDDEN)).to_have_count(1)
    assert all(text.startswith(f"{label}: ") for text in findings.all_inner_texts())
    page.screenshot(path=str(shots / "move-3-confirm-1366.png"))
    states = UnitStatus.objects.filter(release=series, language="ja")
    assert states.filter(state=UnitState.NEEDS_REVIEW).count() == 0  # nothing changed yet
    dialog.locator('button[value="confirm"]').click()
    expect(page.locator("#wb-status")).to_contain_text(f"{drafts} drafts sent for review")
    expect(page.locator(".unit.state-needs-review")).to_have_count(drafts)
    expect(page.locator("form.wb-submit-all")).to_be_hidden()
    assert states.filter(state=UnitState.NEEDS_REVIEW).count() == drafts
    page.screenshot(path=str(shots / "move-4-submitted-1366.png"), full_page=True)

    # A phone: the same page at 390 px.
    phone = login(browser, url, "translator-ja", width=390, height=844)
    phone.goto(workbench + "?q=north+korea")
    expect(phone.locator(".wb-found")).to_be_visible()
    phone.screenshot(path=str(shots / "move-5-search-390.png"), full_page=True)
    phone.locator(".wb-keys-open").click()
    expect(phone.locator("#wb-keys")).to_be_visible()
    phone.screenshot(path=str(shots / "move-6-keys-390.png"))


def test_the_check_notice_goes_by_itself(browser, series_demo, tmp_path):
    from playwright.sync_api import expect

    from translations.checks.models import PendingCheck
    from translations.checks.pending import pending_check_done
    from translations.checks.services import release_terms_check
    from translations.glossary.models import GlossaryState

    expect.set_options(timeout=10_000)
    url, series = series_demo["url"], series_demo["series"]
    # A check waiting for this release (a glossary change, the worker not there yet).
    GlossaryState.bump()
    PendingCheck.objects.create(release=series, revision_number=series.head_number)
    page = login(browser, url, "translator-ja", width=1366, height=900)
    page.goto(f"{url}/review/{series.pk}/ja/")
    page.evaluate("window.concordNoReload = true")
    expect(page.locator("#wb-check-pending")).to_be_visible()
    page.screenshot(path=str(screenshot_dir(tmp_path) / "move-7-pending-1366.png"))
    # The worker's check: the page notices within its polling interval, without a reload.
    release_terms_check(series)
    pending_check_done(series.pk, series.head_number)
    expect(page.locator("#wb-check-pending")).to_have_count(0, timeout=20_000)
    expect(page.locator("#wb-status")).to_contain_text("term check has finished")
    assert page.evaluate("window.concordNoReload === true")
