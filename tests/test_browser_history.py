"""The workbench follows the newest revision in a real Chromium: a translator's consecutive
saves are never called a merge; a save after someone else's names them and shows their text;
the history then reads the session as one line."""

import pytest

from tests.browser_support import demo_live, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def flow_demo(live_server):
    return demo_live(live_server, scenario=False)


def test_consecutive_saves_follow_the_newest_revision(browser, flow_demo):
    from playwright.sync_api import expect

    from records.services import release_write
    from records.snapshots import release_snapshot

    expect.set_options(timeout=10_000)
    url, release, users = flow_demo["url"], flow_demo["release"], flow_demo["users"]
    keys = [str(key) for key in release.segments.order_by("position").values_list("key", flat=True)]
    head = release.head_number
    translator = login(browser, url, "translator-ja")
    translator.goto(f"{url}/review/{release.pk}/ja/")
    status = translator.locator("#wb-status")

    def save(key, text):
        unit = translator.locator(f'.unit[data-key="{key}"]')
        unit.locator("textarea.translation").fill(text)
        unit.get_by_role("button", name="Save", exact=True).click()

    save(keys[3], "第一の訳。")
    expect(status).to_have_text(f"Saved as revision {head + 1}.")
    save(keys[4], "第二の訳。")
    expect(status).to_have_text(f"Saved as revision {head + 2}.")

    # reviewer-ja changes another unit meanwhile.
    release.refresh_from_db()
    content = release_snapshot(release)
    content["segments"][5]["text"]["ja"] = "査読者の訳。"
    release_write(content, author=users["reviewer-ja"], based_on=head + 2)
    save(keys[6], "第三の訳。")
    expect(status).to_have_text(
        f"Saved as revision {head + 4}, merged with the changes reviewer-ja saved since "
        f"revision {head + 2}."
    )
    # The reviewer's text is on the page now, and every unit is based on the newest revision.
    other = translator.locator(f'.unit[data-key="{keys[5]}"]')
    expect(other.locator("textarea.translation")).to_have_value("査読者の訳。")
    bases = translator.locator(".unit").evaluate_all("units => units.map(u => u.dataset.base)")
    assert set(bases) == {str(head + 4)}
    save(keys[7], "第四の訳。")
    expect(status).to_have_text(f"Saved as revision {head + 5}.")

    editor = login(browser, url, "editor")
    editor.goto(f"{url}/admin/records/release/{release.pk}/history/")
    run = editor.locator(f'tr.run-line[data-first="{head + 4}"]')
    expect(run).to_contain_text("translator-ja · 2 units (ja)")
    expect(editor.locator(f'tr.run-line[data-first="{head + 1}"]')).to_contain_text(
        "translator-ja · 2 units (ja)"
    )
    for page in (translator, editor):
        page.context.close()
