"""Driving a real Chromium through Playwright (Debian's chromium; tests skip without it)."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
BROWSER_PASSWORD = "browser-password-1"
SCREENSHOTS_ENV = "CONCORD_SCREENSHOTS"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(sync_api):
    """Yield a launched Chromium, or skip the test where none is installed."""
    if not os.path.exists(CHROMIUM):
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    # Playwright's sync API runs an event loop; the test's own ORM calls are synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


def demo_live(live_server, *, scenario):
    """Load the demo for a live server; return it with the server's ``url``."""
    from translations.demo import demo_load_all

    loaded = demo_load_all(password=BROWSER_PASSWORD, scenario=scenario)
    loaded["url"] = live_server.url
    return loaded


def screenshot_dir(tmp_path):
    """Return where screenshots go: ``$CONCORD_SCREENSHOTS`` (kept by CI) or ``tmp_path``."""
    configured = os.environ.get(SCREENSHOTS_ENV)
    path = Path(configured) if configured else tmp_path / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def login(browser, url, username, *, width=1280, height=900):
    """Return a page of a new browser context, logged in as ``username`` through the admin."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", BROWSER_PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{url}/admin/")
    return page
