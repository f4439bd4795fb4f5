"""The translator's and reviewer's day in a real Chromium, on a release of 200 units.

translator-ja opens the workbench, sees the terms of unit 1 before typing, searches the
concordance (Ctrl+K), pre-translates from the memory (an earlier release approved in
Japanese), updates the one outdated unit, submits every draft and is warned first of the
forbidden term she typed → reviewer-ja sees what changed against the translation approved
before, corrects a typo (the unit stays in review, "revised by" her) and approves all → the
editor restores the English that came before his last edit, and the approved Japanese stays
approved, by its reviewer.

Screenshots at 1,366 and 390 px wide go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the
test's temporary directory.
"""

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEGMENTS = 199  # and the title: 200 units, two pages of the workbench
REMEMBERED = 60  # paragraphs of the earlier release, approved in Japanese
PREFERRED, FORBIDDEN = "首脳会談", "サミット"
# Paragraph 3 ("fisheries"): approved before the day, then its English was changed.
OUTDATED_INDEX = 3 - 1
CHANGED_EN = "The leaders discussed fisheries at the Summit Meeting."
APPROVED_JA = "両首脳は漁業について議論した。"
FORBIDDEN_JA = f"両首脳は{FORBIDDEN}で漁業について議論した。"
TYPO_JA = f"両首脳は{PREFERRED}で漁業についてて議論した。"
CORRECTED_JA = f"両首脳は{PREFERRED}で漁業について議論した。"
# Paragraph 10: the editor changes its English after the approval, then restores it.
RESTORED_INDEX = 10 - 1


@pytest.fixture
def day(live_server):
    """An earlier release approved in Japanese (the memory), and the day's release: 199
    paragraphs in English, the Japanese of paragraph 3 approved and since outdated."""
    from records.snapshots import release_snapshot
    from tests.scenarios import (
        demo_glossary,
        glossary_with,
        paragraph,
        release_edit,
        release_with,
        team,
    )
    from translations.review.actions import units_approve

    users = team()
    for user in users.values():
        user.set_password(BROWSER_PASSWORD)
        user.save(update_fields=["password"])
    demo_glossary()
    glossary_with(("summit-meeting", {"ja": [(FORBIDDEN, "forbidden")]}))
    earlier = release_with(
        units=REMEMBERED, languages=("en", "ja"), slug="earlier", date="2017-06-01"
    )
    release = release_with(units=SEGMENTS, slug="the-day", date="2017-07-07")
    key = release_snapshot(release)["segments"][OUTDATED_INDEX]["key"]
    assert paragraph(OUTDATED_INDEX + 1, "ja") == APPROVED_JA
    release_edit(
        release, "ja", OUTDATED_INDEX, APPROVED_JA, author=users["translator-ja"], submit=True
    )
    units_approve(release, "ja", [key], users["reviewer-ja"], based_on=release.head_number)
    release.refresh_from_db()
    release_edit(release, "en", OUTDATED_INDEX, CHANGED_EN)
    return {
        "url": live_server.url,
        "release": release,
        "earlier": earlier,
        "users": users,
        "outdated": key,
    }


def _unit(page, key):
    return page.locator(f'.unit[data-key="{key}"]')


def _save(page, unit, text):
    """Type ``text`` as the unit's translation and save it (Ctrl+Enter), waiting for the row."""
    area = unit.locator("textarea.translation")
    area.fill(text)
    with page.expect_response(lambda response: "/save/" in response.url):
        area.press("Control+Enter")


def _fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport + 1, f"the page is {width} px wide on a {viewport} px screen"


def test_the_translators_and_reviewers_day(browser, day, tmp_path):
    from playwright.sync_api import expect

    from records.services import revision_snapshot
    from records.units import translatable_units
    from translations.models import UnitStatus
    from translations.review.vocabulary import UnitState

    expect.set_options(timeout=15_000)
    shots = screenshot_dir(tmp_path)
    url, release, users = day["url"], day["release"], day["users"]
    outdated = day["outdated"]
    workbench = f"{url}/review/{release.pk}/ja/"
    states = UnitStatus.objects.filter(release=release, language="ja")
    units = translatable_units(revision_snapshot(release, release.head_number), "en")
    assert len(units) == 200
    earlier = day["earlier"]
    remembered = {
        unit.text("en")
        for unit in translatable_units(revision_snapshot(earlier, earlier.head_number), "en")
    }
    assert states.get(key=outdated).state == UnitState.OUTDATED

    # translator-ja: unit 1 (the title) shows its terms before anything is typed.
    translator = login(browser, url, "translator-ja", width=1366, height=900)
    translator.goto(workbench)
    translator.evaluate("window.concordNoReload = true")
    expect(translator.locator(".unit")).to_have_count(100)
    title = translator.locator(".unit").first
    assert title.get_attribute("data-key") == "title"
    expect(title.locator(".unit-source mark.term")).to_have_text("Summit Meeting")
    expect(title.locator(".term-insert")).to_have_text(PREFERRED)
    expect(title.locator(".term-rejected del")).to_have_text(FORBIDDEN)
    expect(title.locator("textarea.translation")).to_have_value("")
    translator.screenshot(path=str(shots / "day-01-terms-1366.png"))

    # The concordance (Ctrl+K): the earlier release's approved Japanese of "fisheries".
    title.locator("textarea.translation").press("Control+k")
    dialog = translator.locator("#wb-concordance")
    expect(dialog).to_be_visible()
    dialog.locator("input[name=q]").fill("fisheries")
    dialog.locator("select[name=side]").select_option("source")
    dialog.locator("input[name=q]").press("Enter")
    expect(dialog.locator(".c-hit").first.locator(".c-target")).to_contain_text("漁業")
    translator.screenshot(path=str(shots / "day-02-concordance-1366.png"))
    translator.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # Pre-translate: every unit with an exact match in the memory becomes a draft.
    translator.locator("form.wb-pretranslate button").click()
    expect(translator.locator("#wb-status")).to_contain_text("pre-translated")
    expect(title.locator("textarea.translation")).to_have_value(PREFERRED)
    drafts = set(states.filter(state=UnitState.DRAFT).values_list("key", flat=True))
    # The units whose English the earlier release had (but the outdated one, not untranslated).
    assert drafts == {unit.key for unit in units if unit.text("en") in remembered} - {outdated}
    assert states.filter(state=UnitState.UNTRANSLATED).count() == 200 - len(drafts) - 1 > 0
    on_page = [
        key
        for key in translator.locator(".unit").evaluate_all(
            "units => units.map(u => u.dataset.key)"
        )
        if key in drafts
    ]
    expect(translator.locator(".unit.state-draft")).to_have_count(len(on_page))

    # The outdated unit: its source diff; she updates it, typing the forbidden term.
    unit = _unit(translator, outdated)
    expect(unit.locator(".badge.state")).to_have_text("outdated")
    expect(unit.locator(".source-diff ins")).to_contain_text("at the Summit Meeting")
    _save(translator, unit, FORBIDDEN_JA)
    unit = _unit(translator, outdated)
    expect(unit.locator(".badge.state")).to_have_text("draft")
    expect(unit.locator(".badge.errors")).to_be_visible()

    # Submit all: asked first, the forbidden term named; she cancels and nothing changes.
    submit_all = translator.locator("form.wb-submit-all")
    expect(submit_all.locator(".count")).to_have_text(str(len(on_page) + 1))
    submit_all.locator("button").click()
    confirm = translator.locator("#wb-confirm")
    expect(confirm).to_be_visible()
    expect(confirm.locator(".findings li").filter(has_text=FORBIDDEN)).to_have_count(1)
    translator.screenshot(path=str(shots / "day-03-confirm-1366.png"))
    confirm.locator('button[value="cancel"]').click()
    expect(confirm).to_be_hidden()
    assert not states.filter(state=UnitState.NEEDS_REVIEW).exists()

    # Fixed (a typo left in), the drafts of the page go without a question.
    _save(translator, unit, TYPO_JA)
    unit = _unit(translator, outdated)
    expect(unit.locator(".badge.errors")).to_have_count(0)
    submit_all.locator("button").click()
    expect(translator.locator("#wb-status")).to_contain_text(
        f"{len(on_page) + 1} drafts sent for review"
    )
    expect(confirm).to_be_hidden()
    expect(submit_all).to_be_hidden()
    assert states.filter(state=UnitState.NEEDS_REVIEW).count() == len(on_page) + 1
    assert translator.evaluate("window.concordNoReload === true")
    # The second page's drafts, the same way.
    translator.goto(f"{workbench}?page=2")
    rest = len(drafts) - len(on_page)
    expect(submit_all.locator(".count")).to_have_text(str(rest))
    submit_all.locator("button").click()
    expect(translator.locator("#wb-status")).to_contain_text(f"{rest} drafts sent for review")
    waiting = len(drafts) + 1
    assert states.filter(state=UnitState.NEEDS_REVIEW).count() == waiting
    assert not states.filter(state=UnitState.DRAFT).exists()
    translator.screenshot(path=str(shots / "day-04-submitted-1366.png"))

    # reviewer-ja: what changed against the Japanese approved before; the others are new.
    reviewer = login(browser, url, "reviewer-ja", width=1366, height=900)
    reviewer.goto(f"{workbench}?filter=review")
    unit = _unit(reviewer, outdated)
    expect(unit.locator(".target-diff .help")).to_contain_text("Changed since reviewer-ja")
    expect(unit.locator(".target-diff ins").first).to_have_text(f"{PREFERRED}で")
    expect(_unit(reviewer, "title").locator(".target-diff.first")).to_contain_text(
        "First translation"
    )
    unit.scroll_into_view_if_needed()
    reviewer.screenshot(path=str(shots / "day-05-target-diff-1366.png"))
    phone = login(browser, url, "reviewer-ja", width=390, height=844)
    phone.goto(f"{workbench}?filter=review#unit-{outdated}")
    _unit(phone, outdated).scroll_into_view_if_needed()
    expect(_unit(phone, outdated).locator(".target-diff ins").first).to_be_visible()
    phone.screenshot(path=str(shots / "day-06-target-diff-390.png"))
    _fits(phone)

    # She corrects the typo: still in review, still translator-ja's, revised by her.
    _save(reviewer, unit, CORRECTED_JA)
    unit = _unit(reviewer, outdated)
    expect(unit.locator(".badge.state")).to_have_text("needs review")
    expect(unit.locator(".meta")).to_contain_text("translated by translator-ja")
    expect(unit.locator(".meta")).to_contain_text("revised by reviewer-ja")
    status = states.get(key=outdated)
    assert status.state == UnitState.NEEDS_REVIEW
    assert status.translated_by == users["translator-ja"]
    assert status.revised_by == users["reviewer-ja"]

    # Approve all, page after page of the units waiting.
    approved = 0
    while reviewer.locator("form.wb-bulk").count():
        bulk = reviewer.locator("form.wb-bulk")
        count = bulk.locator('input[name="key"]').count()
        bulk.locator("button[type=submit]").click()
        expect(reviewer.locator("#wb-status")).to_contain_text(f"{count} units approved.")
        approved += count
        reviewer.goto(f"{workbench}?filter=review")
    assert approved == waiting
    assert not states.filter(state=UnitState.NEEDS_REVIEW).exists()
    status = states.get(key=outdated)
    assert status.state == UnitState.APPROVED and status.approved_by == users["reviewer-ja"]
    assert status.translated_by == users["translator-ja"]
    reviewer.goto(f"{workbench}?filter=approved")
    expect(_unit(reviewer, outdated).locator(".meta")).to_contain_text("approved by reviewer-ja")
    reviewer.screenshot(path=str(shots / "day-07-approved-1366.png"))

    # The editor changes an English sentence (its Japanese is outdated), then restores the
    # revision before, from the history page: the Japanese is approved again, by reviewer-ja.
    from tests.scenarios import paragraph, release_edit

    release.refresh_from_db()
    before = release.head_number
    restored = units[1 + RESTORED_INDEX].key
    release_edit(release, "en", RESTORED_INDEX, paragraph(RESTORED_INDEX + 1) + " Revised.")
    assert states.get(key=restored).state == UnitState.OUTDATED
    editor = login(browser, url, "editor", width=1366, height=900)
    editor.goto(f"{url}/admin/records/release/{release.pk}/history/")
    editor.once("dialog", lambda question: question.accept())
    row = editor.locator(f'tr.revision[data-number="{before}"]')
    row.get_by_role("button", name=f"Restore revision {before}").click()
    expect(editor.locator(".messagelist")).to_contain_text(
        f"Restored revision {before} as revision {before + 2}."
    )
    editor.screenshot(path=str(shots / "day-08-restored-1366.png"))
    status = states.get(key=restored)
    assert status.state == UnitState.APPROVED
    assert status.approved_by == users["reviewer-ja"]
    assert status.translated_by == users["translator-ja"]
    assert not states.exclude(state__in=[UnitState.APPROVED, UnitState.UNTRANSLATED]).exists()
    reviewer.goto(f"{workbench}#unit-{restored}")
    unit = _unit(reviewer, restored)
    expect(unit.locator(".badge.state")).to_have_text("approved")
    expect(unit.locator(".meta")).to_contain_text("approved by reviewer-ja")
    expect(unit.locator(".meta")).not_to_contain_text("editor")
    unit.scroll_into_view_if_needed()
    reviewer.screenshot(path=str(shots / "day-09-approved-again-1366.png"))
    reviewer.set_viewport_size({"width": 390, "height": 844})
    unit.scroll_into_view_if_needed()
    reviewer.screenshot(path=str(shots / "day-10-approved-again-390.png"))
    _fits(reviewer)
    for page in (translator, reviewer, phone, editor):
        page.context.close()
