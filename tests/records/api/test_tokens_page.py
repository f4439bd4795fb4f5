"""The API tokens page: a staff user lists, creates and revokes their own tokens; the key is
shown once; every refusal says why and changes nothing."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from records.api import ApiToken, token_create, token_user
from records.api.tokens import MAX_ACTIVE_TOKENS
from tests.helpers import api_client

pytestmark = pytest.mark.django_db

PAGE = "/account/api-tokens/"
KEY = re.compile(r'class="key"[^>]*>(cnc_[^<]+)</textarea>')


def revoke_url(token):
    return reverse("account_api_token_revoke", args=[token.pk])


def _rows():
    return list(ApiToken.objects.order_by("pk").values())


@pytest.fixture
def staff(client, users):
    client.force_login(users["translator-ja"])
    return client


def test_the_page_has_its_address_and_the_header_links_it(staff):
    assert reverse("account_api_tokens") == PAGE
    admin = staff.get(reverse("admin:index")).content.decode()
    assert f'<a class="api-tokens-link" href="{PAGE}">API tokens</a>' in admin
    response = staff.get(PAGE)
    assert response.status_code == 200
    assert "You have no tokens yet." in response.content.decode()


def test_creating_a_token_shows_its_key_once_and_stores_only_a_digest(staff, users):
    response = staff.post(PAGE, {"name": "CAT connector"})
    assert response.status_code == 200
    page = response.content.decode()
    [key] = KEY.findall(page)
    assert "Copy the key now: it is not shown again." in page
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get()
    assert token.user == users["translator-ja"] and token.name == "CAT connector"
    assert key not in (token.digest, token.prefix) and key.startswith(token.prefix)
    assert token_user(key).pk == token.pk
    # The key works for the API, and the page never shows it again.
    assert api_client().get("/api/v1/schema/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    again = staff.get(PAGE).content.decode()
    assert key not in again and KEY.search(again) is None
    assert "CAT connector" in again and f"{token.prefix}…" in again


def test_the_list_shows_name_prefix_created_last_use_and_revocation(staff, users):
    user = users["translator-ja"]
    used, key = token_create(user, "used script")
    token_user(key)
    revoked, _key = token_create(user, "old tool")
    staff.post(revoke_url(revoked))
    token_create(users["editor"], "someone else's")
    response = staff.get(PAGE)
    table = response.content.decode().split('<table class="tokens">')[1].split("</table>")[0]
    rows = re.findall(r"<tr class=\"(\w+)[^\"]*\">(.*?)</tr>", table, re.S)
    assert [state for state, _row in rows] == ["revoked", "active"]
    revoked_row, used_row = rows[0][1], rows[1][1]
    assert "old tool" in revoked_row and "revoked" in revoked_row and "Revoke" not in revoked_row
    assert "never" in revoked_row
    assert "used script" in used_row and f"<code>{used.prefix}…</code>" in used_row
    assert "never" not in used_row and "Revoke" in used_row
    assert "someone else" not in response.content.decode()


def test_the_list_costs_the_same_queries_for_one_token_or_twenty(staff, users):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = users["translator-ja"]
    counts = []
    for total in (1, MAX_ACTIVE_TOKENS):
        while ApiToken.objects.filter(user=user).count() < total:
            token_create(user, "tool")
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(PAGE).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the token a name, such as the tool that will use it."),
        ("   ", "Give the token a name, such as the tool that will use it."),
        ("x" * 101, "A token&#x27;s name has at most 100 characters."),
    ],
)
def test_a_token_without_a_proper_name_is_refused(staff, name, message):
    before = _rows()
    response = staff.post(PAGE, {"name": name})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page and KEY.search(page) is None
    assert _rows() == before


def test_no_more_active_tokens_than_the_limit(staff, users):
    for number in range(MAX_ACTIVE_TOKENS):
        token_create(users["translator-ja"], f"tool {number}")
    before = _rows()
    response = staff.post(PAGE, {"name": "one more"})
    assert response.status_code == 400
    assert f"You have {MAX_ACTIVE_TOKENS} active tokens" in response.content.decode()
    assert _rows() == before


def test_revoking_stops_the_token_at_once(staff, users):
    token, key = token_create(users["translator-ja"], "script")
    response = staff.post(revoke_url(token), follow=True)
    assert response.redirect_chain == [(PAGE, 302)]
    assert "The token “script” is revoked." in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None and token_user(key) is None
    assert api_client().get("/api/v1/schema/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    # Revoking twice changes nothing.
    revoked_at = token.revoked_at
    staff.post(revoke_url(token))
    token.refresh_from_db()
    assert token.revoked_at == revoked_at


def test_no_one_revokes_another_users_token(staff, users):
    token, key = token_create(users["editor"], "editor's tool")
    before = _rows()
    response = staff.post(revoke_url(token), follow=True)
    assert "No such token of yours." in response.content.decode()
    assert _rows() == before
    missing = staff.post(reverse("account_api_token_revoke", args=[999999]), follow=True)
    assert "No such token of yours." in missing.content.decode()
    assert _rows() == before and token_user(key) is not None


def test_revoking_needs_a_post_with_a_csrf_token(users):
    from django.test import Client

    token, key = token_create(users["translator-ja"], "script")
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["translator-ja"])
    before = _rows()
    assert client.get(revoke_url(token)).status_code == 405
    assert client.post(revoke_url(token)).status_code == 403
    assert client.post(PAGE, {"name": "no csrf"}).status_code == 403
    assert _rows() == before and token_user(key) is not None
    # With the page's CSRF token it goes through.
    page = client.get(PAGE).content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert client.post(revoke_url(token), {"csrfmiddlewaretoken": csrf}).status_code == 302
    assert token_user(key) is None


@pytest.mark.parametrize("who", ["anonymous", "not staff", "inactive staff"])
def test_outsiders_are_sent_to_the_login_and_change_nothing(client, users, who):
    token, key = token_create(users["translator-ja"], "script")
    if who != "anonymous":
        user = get_user_model().objects.create_user(
            "outsider", password="x", is_staff=who == "inactive staff"
        )
        if who == "inactive staff":
            user.is_active = False
            user.save()
        client.force_login(user)
    before = _rows()
    login = reverse("admin:login")
    for response in (
        client.get(PAGE),
        client.post(PAGE, {"name": "mine now"}),
        client.post(revoke_url(token)),
    ):
        assert response.status_code == 302 and response["Location"].startswith(login)
    assert _rows() == before and token_user(key) is not None


@pytest.mark.parametrize("language", ["ja", "ru"])
def test_the_page_reads_in_the_users_language(staff, language):
    response = staff.get(PAGE, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
