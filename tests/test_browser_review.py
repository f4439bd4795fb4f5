"""The review flow of the demo accounts in a real Chromium, from an English edit to readers.

editor revises an English sentence → translator-ja finds it outdated in "My work", reads the
source diff, updates the Japanese and submits it (the row changes in place) → reviewer-ja
sends it back with a comment → translator-ja reads the comment, fixes and submits →
reviewer-ja approves → editor publishes Japanese from the history page → a reader sees it.

Screenshots of every step go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's
temporary directory.
"""

import pytest

from tests.browser_support import demo_live, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Segment 10 of the seed (ア…イ under "(2)"): it has Japanese and Russian translations.
SEGMENT_POSITION = 10
OLD_EN = "that have been closed."
NEW_EN = "that have been closed, and agreed to continue these discussions."
ADDED_EN = "and agreed to continue these discussions"
FIRST_JA = (
    "両首脳は、島内の閉鎖区域への元島民の立入りについても議論を行い、議論を続けることとした。"
)
COMMENT = "「議論を続けることで一致した」としてください（agreed）。"
FINAL_JA = (
    "両首脳は、島内の閉鎖区域への元島民の立入りについても議論を行い、議論を続けることで一致した。"
)


@pytest.fixture
def flow_demo(live_server):
    """The demo reviewed and published in three languages, with nothing in progress."""
    return demo_live(live_server, scenario=False)


def _unit(page, key):
    return page.locator(f'.unit[data-key="{key}"]')


def _mark_document(page):
    """Mark the loaded document: the mark survives only while the page is not reloaded."""
    page.evaluate("window.concordNoReload = true")


def _not_reloaded(page):
    assert page.evaluate("window.concordNoReload === true"), "the page was reloaded"


def test_review_flow_from_english_edit_to_japanese_readers(browser, flow_demo, tmp_path):
    from playwright.sync_api import expect

    from records.models import Publication

    expect.set_options(timeout=10_000)
    url, release = flow_demo["url"], flow_demo["release"]
    shots = screenshot_dir(tmp_path)
    segment = release.segments.get(position=SEGMENT_POSITION)
    key = str(segment.key)
    assert segment.text_en.endswith(OLD_EN) and segment.text_ja and segment.text_ru
    workbench = f"{url}/review/{release.pk}/ja/"

    # The editor revises the English sentence in the release's change form.
    editor = login(browser, url, "editor")
    editor.goto(f"{url}/admin/records/release/{release.pk}/change/")
    prefix = editor.locator(f'input[name$="-id"][value="{segment.pk}"]').get_attribute("name")
    field = editor.locator(f'textarea[name="{prefix.removesuffix("-id")}-text_en"]')
    field.fill(segment.text_en.replace(OLD_EN, NEW_EN))
    editor.fill("#id_revision_message", "Continued discussions")
    editor.click("input[name=_continue]")
    edited = release.head_number + 1
    expect(editor.locator(".messagelist")).to_contain_text(f"Saved as revision {edited}.")
    # The Japanese of that revision is not offered for publication: a unit is outdated.
    editor.goto(f"{url}/admin/records/release/{release.pk}/history/")
    newest = editor.locator(f'tr.revision[data-number="{edited}"]')
    expect(newest.locator('.publish-blocked[data-language="ja"]')).to_be_visible()
    expect(newest.locator('button[name=language][value="ja"]')).to_have_count(0)

    # translator-ja: "My work" lists the outdated unit; the workbench shows the source diff.
    translator = login(browser, url, "translator-ja")
    translator.goto(f"{url}/review/")
    outdated = translator.locator(f'a[href="/review/{release.pk}/ja/?filter=outdated"]')
    expect(outdated).to_have_text("1")
    translator.screenshot(path=str(shots / "01-translator-ja-my-work.png"), full_page=True)
    outdated.click()
    translator.wait_for_url(f"{workbench}?filter=outdated")
    expect(translator.locator(".unit")).to_have_count(1)
    unit = _unit(translator, key)
    expect(unit.locator(".badge.state")).to_have_text("outdated")
    expect(unit.locator(".source-diff ins")).to_contain_text(ADDED_EN)
    translator.screenshot(path=str(shots / "02-translator-ja-outdated.png"), full_page=True)
    _mark_document(translator)
    unit.locator("textarea.translation").fill(FIRST_JA)
    unit.get_by_role("button", name="Save and submit").click()
    # The row is replaced in place: a fresh locator finds the new state, no reload.
    expect(_unit(translator, key).locator(".badge.state")).to_have_text("needs review")
    expect(translator.locator("#wb-status")).to_contain_text("Sent for review.")
    _not_reloaded(translator)
    assert translator.url == f"{workbench}?filter=outdated"
    translator.screenshot(path=str(shots / "03-translator-ja-submitted.png"), full_page=True)

    # reviewer-ja sends it back with a comment.
    reviewer = login(browser, url, "reviewer-ja")
    reviewer.goto(f"{workbench}?filter=review")
    unit = _unit(reviewer, key)
    expect(unit.locator("textarea.translation")).to_have_value(FIRST_JA)
    # The reviewer sees the change of the English that the translation follows.
    expect(unit.locator(".source-diff")).to_contain_text(
        "This translation follows a changed source"
    )
    reviewer.screenshot(path=str(shots / "04-reviewer-ja-to-review.png"), full_page=True)
    expect(reviewer.locator("form.wb-bulk")).to_be_visible()
    _mark_document(reviewer)
    unit.get_by_text("Request changes").click()
    unit.locator("textarea[name=comment]").fill(COMMENT)
    unit.get_by_role("button", name="Send back with this comment").click()
    unit = _unit(reviewer, key)
    expect(unit.locator(".badge.state")).to_have_text("draft")
    expect(unit.locator("div.comments")).to_contain_text(COMMENT)
    # The bulk approval offered for it when the page loaded is gone with it.
    expect(reviewer.locator("form.wb-bulk")).to_have_count(0)
    _not_reloaded(reviewer)
    reviewer.screenshot(path=str(shots / "05-reviewer-ja-changes-requested.png"), full_page=True)

    # translator-ja reads the comment among the units with open comments, fixes, submits.
    translator.goto(f"{workbench}?filter=comments")
    unit = _unit(translator, key)
    expect(unit.locator("div.comments")).to_contain_text(COMMENT)
    expect(unit.locator(".badge.comments")).to_have_text("1 open comment")
    translator.screenshot(path=str(shots / "06-translator-ja-comment.png"), full_page=True)
    _mark_document(translator)
    unit.locator("textarea.translation").fill(FINAL_JA)
    unit.get_by_role("button", name="Save and submit").click()
    expect(_unit(translator, key).locator(".badge.state")).to_have_text("needs review")
    _not_reloaded(translator)

    # reviewer-ja approves it; the progress reaches every unit.
    reviewer.goto(f"{workbench}?filter=review")
    unit = _unit(reviewer, key)
    expect(unit.locator("textarea.translation")).to_have_value(FINAL_JA)
    _mark_document(reviewer)
    unit.get_by_role("button", name="Approve", exact=True).click()
    expect(_unit(reviewer, key).locator(".badge.state")).to_have_text("approved")
    expect(_unit(reviewer, key).locator(".source-diff")).to_have_count(0)
    expect(reviewer.locator("#wb-progress")).to_contain_text("(100%)")
    _not_reloaded(reviewer)
    reviewer.screenshot(path=str(shots / "07-reviewer-ja-approved.png"), full_page=True)

    # The editor publishes Japanese: the history page offers it now.
    release.refresh_from_db()
    head = release.head_number
    editor.goto(f"{url}/admin/records/release/{release.pk}/history/")
    publish = editor.locator(f'tr.revision[data-number="{head}"] button[value="ja"]')
    editor.once("dialog", lambda dialog: dialog.accept())
    publish.click()
    expect(editor.locator(".messagelist")).to_contain_text(
        f"Published revision {head} of “{release}” in Japanese."
    )
    editor.screenshot(path=str(shots / "08-editor-published.png"), full_page=True)
    newest_ja = Publication.objects.filter(release=release, language="ja").first()
    assert newest_ja.revision.number == head

    # A reader, not logged in, reads the new Japanese sentence.
    reader = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    reader.goto(f"{url}/ja/releases/{release.slug}/")
    expect(reader.locator("article.release")).to_contain_text(FINAL_JA)
    expect(reader.locator("article.release")).not_to_contain_text(FIRST_JA)
    reader.screenshot(path=str(shots / "09-reader-ja.png"), full_page=True)
    for page in (editor, translator, reviewer, reader):
        page.context.close()
