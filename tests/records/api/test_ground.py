"""The API's ground: tokens, problem details, throttling, CORS, the schema and its docs."""

import hashlib

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import override_settings

from records.api import ApiToken, token_create, token_revoke, token_user
from tests.helpers import api_client

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_a_token_is_stored_as_a_digest_and_found_by_its_key(editor):
    token, key = token_create(editor, "CAT connector")
    assert key.startswith("cnc_") and len(key) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {stored.digest, stored.prefix, stored.name}
    assert key.startswith(stored.prefix)
    assert token_user(key).user == editor
    assert token_user(key[:-1] + ("A" if key[-1] != "A" else "B")) is None


def test_a_revoked_token_no_longer_authenticates(editor):
    token, key = token_create(editor, "script")
    token_revoke(editor, token.pk)
    assert token_user(key) is None
    response = api_client().get("/api/v1/schema/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert "revoked" in response.json()["detail"]


@pytest.mark.parametrize("name", ["", "   ", "x" * 101])
def test_a_token_needs_a_name_and_nothing_is_created_without_one(editor, name):
    with pytest.raises(ValidationError):
        token_create(editor, name)
    assert not ApiToken.objects.exists()


def test_no_one_revokes_another_users_token(users):
    token, key = token_create(users["editor"], "mine")
    with pytest.raises(ValidationError, match="No such token"):
        token_revoke(users["translator-ja"], token.pk)
    assert token_user(key) is not None


def test_an_inactive_users_token_does_not_authenticate(editor):
    _token, key = token_create(editor, "tool")
    User.objects.filter(pk=editor.pk).update(is_active=False)
    assert token_user(key) is None


def test_an_unknown_api_path_is_a_problem_document_not_a_page():
    response = api_client().get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 404 and body["type"].startswith("urn:concord:problem:")
    assert body["instance"] == "/api/v1/no-such-thing/"


def test_a_malformed_authorization_header_is_refused_clearly():
    response = api_client().get("/api/v1/schema/", HTTP_AUTHORIZATION="Token a b")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


@override_settings(CONCORD_API_RATES={"token": "3/minute", "address": "1000/minute"})
def test_requests_beyond_a_tokens_rate_are_refused(editor, settings):
    from django.core.cache import cache

    cache.clear()
    client = api_client(editor)
    codes = [client.get("/api/v1/schema/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/v1/schema/")
    assert refused["Content-Type"] == PROBLEM and refused.json()["code"] == "throttled"
    # Another token of another user is counted apart.
    other = api_client(User.objects.create_user("other", is_staff=True))
    assert other.get("/api/v1/schema/").status_code == 200
    cache.clear()


@override_settings(CONCORD_API_RATES={"token": "1000/minute", "address": "2/minute"})
def test_requests_beyond_an_addresss_rate_are_refused_with_or_without_a_token(editor):
    from django.core.cache import cache

    cache.clear()
    anonymous = api_client()
    assert [anonymous.get("/api/v1/schema/").status_code for _ in range(2)] == [200, 200]
    assert api_client(editor).get("/api/v1/schema/").status_code == 429
    cache.clear()


def test_no_cross_origin_access_unless_origins_are_listed(settings):
    response = api_client().get("/api/v1/schema/", HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in response


@override_settings(CORS_ALLOWED_ORIGINS=["https://site.example"])
def test_listed_origins_get_cors_headers_on_the_api_only():
    response = api_client().get("/api/v1/schema/", HTTP_ORIGIN="https://site.example")
    assert response["Access-Control-Allow-Origin"] == "https://site.example"
    page = api_client().get("/en/", HTTP_ORIGIN="https://site.example")
    assert "Access-Control-Allow-Origin" not in page


def test_the_schema_is_valid_openapi_3():
    import yaml
    from openapi_spec_validator import validate

    response = api_client().get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_the_docs_page_runs_no_inline_script_and_loads_swagger_from_the_app():
    response = api_client().get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn." not in html and "unpkg" not in html
    import re

    scripts = re.findall(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", html, re.S)
    assert scripts
    assert all("src=" in attrs and not body.strip() for attrs, body in scripts), scripts


def test_the_browsable_pages_say_whose_api_they_are():
    response = api_client().get("/api/v1/published/en/releases/", HTTP_ACCEPT="text/html")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Concord API" in html and "Django REST framework" not in html


def test_the_schema_tells_how_to_send_a_token():
    import yaml

    schema = yaml.safe_load(api_client().get("/api/v1/schema/").content)
    assert "'Authorization: Token' followed by a key" in schema["info"]["description"]
