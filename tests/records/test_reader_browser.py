"""The reader site in a real Chromium: languages, side by side, topic pages, phone layout.

Screenshots (desktop and phone) are saved under var/screenshots/ (gitignored) and the test's
tmp dir (or $CONCORD_SCREENSHOTS, which CI keeps), as artifacts to look at.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings

from tests import browser_support

SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo_live(live_server):
    """The demo as published (no work in progress) behind a live server."""
    return browser_support.demo_live(live_server, scenario=False)


def shoot(page, tmp_path, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for folder in (browser_support.screenshot_dir(tmp_path), SCREENSHOTS):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


def horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_reader_switches_languages_compares_and_reads_a_topic(browser, demo_live, tmp_path):
    url, slug = demo_live["url"], demo_live["release"].slug
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{url}/en/releases/{slug}/")
    assert page.locator("h1").inner_text() == "Japan-Russia Summit Meeting"
    shoot(page, tmp_path, "release-en-desktop")
    page.locator('.language-switcher a[hreflang="ja"]').click()
    page.wait_for_url(f"**/ja/releases/{slug}/")
    assert page.locator("h1").inner_text() == "日露首脳会談"
    assert page.locator("article").get_attribute("lang") == "ja"
    # Hanging indent: a wrapped item line starts under the text, not under its label.
    item = page.locator(".segment.item").first
    label_box = item.locator(".label").bounding_box()
    text_box = item.locator(".text").bounding_box()
    assert text_box["x"] > label_box["x"] + label_box["width"] - 1
    shoot(page, tmp_path, "release-ja-desktop")

    page.locator(".compare-link a").click()
    page.wait_for_url(f"**/ja/releases/{slug}/compare/")
    assert page.locator(".compare-table").count() == 1
    # Every row's cells start at the same height, however long each language's text is.
    tops = page.evaluate(
        """() => [...document.querySelectorAll('.compare-table tbody tr')].map(
            row => [...row.cells].map(cell => Math.round(cell.getBoundingClientRect().top)))"""
    )
    assert tops and all(len(set(row)) == 1 for row in tops)
    assert len(tops[0]) == 3
    shoot(page, tmp_path, "compare-ja-desktop")

    page.goto(f"{url}/ja/releases/{slug}/")
    page.locator(".breadcrumb a").click()
    page.wait_for_url("**/ja/topics/*/")
    assert page.locator(f'a[href="/ja/releases/{slug}/"]').count() == 1
    shoot(page, tmp_path, "topic-ja-desktop")

    # Keyboard: the skip link is the first stop and lands on the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    context.close()


def test_phone_layout_has_no_horizontal_scroll(browser, demo_live, tmp_path):
    url, slug = demo_live["url"], demo_live["release"].slug
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    pages = {
        "home-ru": "/ru/",
        "release-ru": f"/ru/releases/{slug}/",
        "release-ja": f"/ja/releases/{slug}/",
        "compare-en": f"/en/releases/{slug}/compare/",
        "topic-ja": "/ja/topics/japan-russia-relations/",
        "search-ru": "/ru/search/?q=%D1%82%D0%B5%D1%80%D1%80%D0%B8%D1%82%D0%BE%D1%80%D0%B8%D1%8F",
    }
    for name, path in pages.items():
        page.goto(url + path)
        assert horizontal_overflow(page) <= 0, name
        shoot(page, tmp_path, f"{name}-phone")
    context.close()


def test_photo_with_an_image_is_shown_with_its_caption(browser, demo_live, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image, ImageDraw

    from records.photos import photo_image_store
    from records.services import release_publish, release_write
    from records.snapshots import release_snapshot

    settings.MEDIA_ROOT = tmp_path / "media"
    picture = Image.new("RGB", (1600, 1000), (34, 85, 136))
    ImageDraw.Draw(picture).ellipse((500, 200, 1100, 800), fill=(240, 200, 60))
    data = io.BytesIO()
    picture.save(data, "JPEG")
    name = photo_image_store(SimpleUploadedFile("summit.jpg", data.getvalue()))
    release, editor = demo_live["release"], demo_live["users"]["editor"]
    content = release_snapshot(release)
    content["photos"][0]["image"] = name
    release_write(content, author=editor, based_on=release.head_number)
    release.refresh_from_db()
    release_publish(release, "en", author=editor)

    for viewport, label in ((DESKTOP, "desktop"), (PHONE, "phone")):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(f"{demo_live['url']}/en/releases/{release.slug}/")
        image = page.locator("figure.photo img")
        image.scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('figure.photo img').complete")
        assert image.evaluate("img => img.naturalWidth") > 0
        assert image.get_attribute("alt") == release.photos.order_by("position")[0].caption_en
        assert horizontal_overflow(page) <= 0
        shoot(page, tmp_path, f"photo-en-{label}")
        context.close()
