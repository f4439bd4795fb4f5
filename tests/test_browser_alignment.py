"""The alignment preview in a real Chromium: the editor imports a Japanese original in the
admin (the preview names the new topic and the slugs first), then its English version, whose
translator put two bullets in the other order. The preview shows the proposal side by side with
confidences: one bullet left untranslated, its English left out. The editor pairs them, imports,
and the release holds the right pairing — nothing was written before the confirmation.

Screenshots at 1,366 and 390 px wide go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the
test's temporary directory.
"""

import re

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATE = "2023-05-16"
TRADE = (
    "The ministers welcomed that trade between the two countries reached 4,800 million "
    "dollars in 2022."
)
FLIGHT = (
    "The ministers agreed to open a direct flight between Tokyo and Freedonia City by March 2024."
)


@pytest.fixture
def desk(live_server):
    from records.demo import accounts_ensure
    from translations.roles import roles_sync

    roles_sync()
    accounts_ensure(BROWSER_PASSWORD)
    return live_server.url


@pytest.fixture
def texts(data_dir):
    """The Japanese original, and an English version with bullets (1) and (2) swapped."""
    japanese = (data_dir / "parallel" / f"ja-freedonia-{DATE}.txt").read_text("utf-8")
    english = (data_dir / "parallel" / f"en-freedonia-{DATE}.txt").read_text("utf-8")
    swapped = english.replace(f"(1) {TRADE}\n(2) {FLIGHT}", f"(1) {FLIGHT}\n(2) {TRADE}")
    assert swapped.index(FLIGHT) < swapped.index(TRADE)
    return japanese, swapped


def test_the_editor_confirms_an_adjusted_pairing(browser, desk, texts, tmp_path):
    from playwright.sync_api import expect

    from records.models import Release, Revision

    expect.set_options(timeout=10_000)
    shots = screenshot_dir(tmp_path)
    japanese, english = texts
    page = login(browser, desk, "editor", width=1366, height=900)

    # The Japanese original: the preview says where it goes before anything is written.
    page.goto(f"{desk}/admin/records/release/import/")
    page.select_option("#id_language", "ja")
    page.check("#id_source")
    page.fill("#id_text", japanese)
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#target-topic")).to_contain_text("フリードニア共和国")
    expect(page.locator("#target-topic code")).to_have_text("furidonia-kyowakoku")
    expect(page.locator("#target-topic")).to_contain_text("a new topic, created by the import")
    expect(page.locator("#target-release code")).to_have_text(
        f"nichi-furidonia-gaisho-kaidan-{DATE}"
    )
    page.screenshot(path=str(shots / "alignment-1-original-preview-1366.png"), full_page=True)
    assert Release.objects.count() == 0
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("revision 1")
    release = Release.objects.get()
    assert release.source_language == "ja" and release.segments.count() == 11

    # The English version: a proposal, not a refusal.
    page.goto(f"{desk}/admin/records/release/import/?release={release.slug}")
    page.select_option("#id_language", "en")
    page.fill("#id_text", english)
    page.get_by_role("button", name="Preview").click()
    proposal = page.locator("#proposal")
    expect(proposal).to_be_visible()
    rows = proposal.locator("tr.proposal-row")
    expect(rows).to_have_count(11)
    # Side by side with confidences; the moved bullet is left untranslated and its English
    # block left out.
    flight_row = rows.nth(3)
    expect(flight_row).to_have_attribute("data-pair", "1:0")
    expect(flight_row.locator("td.confidence")).to_have_text("0.50")
    expect(flight_row.locator("select")).to_have_value("")
    expect(rows.nth(2).locator("td.this-text")).to_contain_text("4,800 million dollars")
    expect(proposal.locator("tr.left-out")).to_contain_text("direct flight")
    page.screenshot(path=str(shots / "alignment-2-proposal-1366.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "alignment-2-proposal-390.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    assert release.revisions.count() == 1

    # The editor pairs the bullet with the block the proposal left out.
    block = proposal.locator("tr.left-out").get_attribute("data-block")
    flight_row.locator("select").select_option(block)
    expect(flight_row).to_have_class(re.compile(r"\bchanged\b"))
    expect(flight_row.locator("td.this-text")).to_have_text(FLIGHT)
    flight_row.scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "alignment-3-adjusted-1366.png"))
    # The texts of the adjusted pairing, before anything is written.
    page.get_by_role("button", name="Show the texts of this pairing").click()
    expect(rows.nth(3).locator("td.this-text")).to_contain_text("direct flight")
    expect(rows.nth(3)).to_have_class("proposal-row changed")  # no longer empty
    expect(page.locator("#proposal h2")).to_have_text("Your pairing with the release")
    page.set_viewport_size({"width": 390, "height": 844})
    rows.nth(3).scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "alignment-3-adjusted-390.png"))
    page.set_viewport_size({"width": 1366, "height": 900})
    assert release.revisions.count() == 1
    page.locator("#proposal-import").click()
    expect(page.locator(".messagelist")).to_contain_text("revision 2")

    texts = [segment.text_en for segment in release.segments.order_by("position")]
    assert texts[2:4] == [TRADE, FLIGHT]
    assert texts[0].startswith("On May 16,") and "The two ministers signed" in texts[0]
    assert texts[8] == "" and texts[9].startswith("Regarding North Korea")
    assert texts[10] == "The ministers agreed to meet again in the autumn."
    assert Revision.objects.filter(release=release).count() == 2
    page.screenshot(path=str(shots / "alignment-4-imported-1366.png"))
