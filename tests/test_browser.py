"""A real Chromium through Playwright: the reader site and the tabbed admin (skips without it)."""

import pytest

from tests.browser_support import BROWSER_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_reads_and_switches_languages(page, demo_live, tmp_path):
    slug = demo_live["release"].slug
    page.goto(f"{demo_live['url']}/ja/releases/{slug}/")
    assert page.locator("h1").inner_text() == "日露首脳会談"
    labels = page.locator(".segment .label").all_inner_texts()
    assert labels[:6] == ["1", "・", "・", "(1)", "ア", "イ"]
    # The Japanese text is laid out with a real CJK font: a heading has width, not tofu boxes.
    width = page.locator("h2").first.evaluate("e => e.getBoundingClientRect().width")
    assert width > 100
    assert page.evaluate("document.fonts.check('16px \"Noto Sans CJK JP\"')")
    page.screenshot(path=str(tmp_path / "reader-ja.png"), full_page=True)
    page.locator('.language-switcher a[hreflang="ru"]').click()
    page.wait_for_url(f"**/ru/releases/{slug}/")
    assert page.locator("h1").inner_text() == "Российско-японская встреча на высшем уровне"
    assert page.locator(".segment .label").all_inner_texts()[3:5] == ["1)", "а)"]


def test_editor_edits_japanese_title_in_tabbed_admin(page, demo_live):
    url = demo_live["url"]
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", BROWSER_PASSWORD)
    page.click("input[type=submit]")
    release = demo_live["release"]
    page.goto(f"{url}/admin/records/release/{release.pk}/change/")
    # modeltranslation's jQuery UI tabs are live: the ja tab shows the Japanese field.
    tab = page.locator(".ui-tabs-nav a", has_text="JA").first
    tab.click()
    title = page.locator("#id_title_ja")
    assert title.is_visible()
    assert title.input_value() == "日露首脳会談"
    assert not page.locator("#id_title_en").is_visible()
    title.fill("日露首脳会談（ハンブルク）")
    page.fill("#id_revision_message", "Title with the place")
    page.click("input[name=_continue]")
    # The demo ends with work in progress: the editor's save comes after its revisions.
    number = release.head_number + 1
    assert f"Saved as revision {number}." in page.locator(".messagelist").inner_text()
    from records.models import Revision

    revision = Revision.objects.get(release=release, number=number)
    assert revision.snapshot["title"]["ja"] == "日露首脳会談（ハンブルク）"
    assert revision.message == "Title with the place"
