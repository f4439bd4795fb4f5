"""The API tokens page in a real Chromium, at 1,366 and 390 px: translator-ja opens it from the
header, is refused a token without a name, creates one, copies its key (shown once), uses it,
and revokes it after a confirmation (a dismissed confirmation revokes nothing).

Screenshots go to ``$CONCORD_SCREENSHOTS`` (CI keeps them) or the test's tmp directory."""

import pytest

from tests.browser_support import BROWSER_PASSWORD, login, screenshot_dir

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def accounts(live_server):
    from records.demo import accounts_ensure
    from translations.roles import roles_sync

    roles_sync()
    return {"users": accounts_ensure(BROWSER_PASSWORD), "url": live_server.url}


def no_horizontal_overflow(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page is {width} px wide"


@pytest.mark.parametrize("width", [1366, 390])
def test_create_copy_use_and_revoke_a_token(browser, accounts, tmp_path, width):
    from playwright.sync_api import expect

    from records.api import ApiToken

    expect.set_options(timeout=10_000)
    url = accounts["url"]
    shots = screenshot_dir(tmp_path)
    page = login(browser, url, "translator-ja", width=width, height=844 if width < 500 else 900)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url)

    page.locator("#user-tools a.api-tokens-link").click()
    page.wait_for_url(f"{url}/account/api-tokens/")
    expect(page.locator("h1")).to_have_text("API tokens")
    expect(page.locator("table.tokens")).to_contain_text("You have no tokens yet.")
    no_horizontal_overflow(page)
    page.screenshot(path=str(shots / f"api-tokens-1-empty-{width}.png"), full_page=True)

    # No name: refused, nothing created.
    page.get_by_role("button", name="Create token").click()
    expect(page.locator(".errorlist")).to_contain_text("Give the token a name")
    no_horizontal_overflow(page)
    page.screenshot(path=str(shots / f"api-tokens-1-refused-{width}.png"), full_page=True)
    assert not ApiToken.objects.exists()

    # A name: the key, once, with its Copy button.
    page.get_by_label("Name").fill("CAT connector")
    page.get_by_role("button", name="Create token").click()
    key_box = page.locator("textarea.key")
    expect(key_box).to_be_visible()
    key = key_box.input_value()
    token = ApiToken.objects.get()
    assert key.startswith(token.prefix) and token.name == "CAT connector"
    expect(page.locator(".copy-hint")).to_contain_text("it is not shown again")
    copy = page.locator("button.copy-key")
    expect(copy).to_have_text("Copy")
    copy.click()
    expect(copy).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == key
    no_horizontal_overflow(page)
    page.screenshot(path=str(shots / f"api-tokens-2-created-{width}.png"), full_page=True)

    # The key works; the page shows when it was last used, and never the key again.
    answer = page.request.get(f"{url}/api/v1/schema/", headers={"Authorization": f"Token {key}"})
    assert answer.status == 200
    page.goto(f"{url}/account/api-tokens/")
    expect(page.locator("textarea.key")).to_have_count(0)
    assert key not in page.content()
    row = page.locator("table.tokens tbody tr")
    expect(row).to_contain_text("CAT connector")
    expect(row).to_contain_text(f"{token.prefix}…")
    expect(row).not_to_contain_text("never")

    # Revoking asks first: dismissed, nothing changes; accepted, the token stops working.
    messages = []
    page.once("dialog", lambda dialog: (messages.append(dialog.message), dialog.dismiss()))
    row.get_by_role("button", name="Revoke").click()
    expect(row).to_have_class("active")
    assert messages and "CAT connector" in messages[0]
    token.refresh_from_db()
    assert token.revoked_at is None
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Revoke").click()
    expect(page.locator(".messagelist")).to_contain_text("“CAT connector” is revoked")
    expect(page.locator("table.tokens tbody tr")).to_have_class("revoked")
    expect(page.locator("table.tokens tbody tr")).to_contain_text("revoked")
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = page.request.get(f"{url}/api/v1/schema/", headers={"Authorization": f"Token {key}"})
    assert refused.status == 401
    no_horizontal_overflow(page)
    page.screenshot(path=str(shots / f"api-tokens-3-revoked-{width}.png"), full_page=True)
    page.context.close()
