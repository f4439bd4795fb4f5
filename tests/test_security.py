"""Who may reach what: every non-public URL refuses anonymous and non-staff users, and logins
are rate-limited per username and address."""

import json
import re
import time

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

from config.logins import LOCKED_CODE

PASSWORD = "test-password-123"
# The reader's site and what it needs; everything else must ask for a staff login.
PUBLIC = {
    "admin:login",
    "admin:logout",  # logging out asks nothing of anyone (POST only, as Django's)
    "photo_file",
    "django.contrib.sitemaps.views.sitemap",
    "records:release_list",
    "records:search",
    "records:feed",
    "records:topic",
    "records:topic_feed",
    "records:release_detail",
    "records:release_compare",
    # The API's schema, its docs, its 404 for unknown paths, and the readers' resources.
    "api-schema",
    "api-docs",
    "api-not-found",
    "api-published-releases",
    "api-published-release",
    "api-published-topics",
    "api-published-topic-releases",
    "api-published-search",
}
# A value each converter accepts; "1" is also an object id, a slug and a language-ish string.
SAMPLES = {"IntConverter": "1", "UUIDConverter": "00000000-0000-0000-0000-000000000001"}
GROUP_CANDIDATES = ("records", "translations", "auth", "1", "x")
ROUTE_PART = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _route(pattern):
    converters = pattern.converters

    def sample(match):
        return SAMPLES.get(type(converters[match["name"]]).__name__, "1")

    return ROUTE_PART.sub(sample, str(pattern))


def _group_end(regex, start):
    """Return the index of the parenthesis closing the group that opens at ``start``."""
    depth, index = 0, start
    while index < len(regex):
        char = regex[index]
        if char == "\\":
            index += 2  # an escaped character never opens or closes a group
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise ValueError(regex)


def _regex(pattern):
    """Return a path the regex pattern matches, each named group filled by a candidate."""
    regex = str(pattern).removeprefix("^").removesuffix("$")
    while (start := regex.find("(?P<")) >= 0:
        end = _group_end(regex, start)
        group = regex[start : end + 1]
        inner = re.compile(group)
        value = next(c for c in GROUP_CANDIDATES if inner.fullmatch(c))
        regex = regex[:start] + value + regex[end + 1 :]
    return regex.replace("\\", "")


def _part(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return _route(pattern)
    assert isinstance(pattern, RegexPattern), pattern
    return _regex(pattern)


def _leaves(resolver, prefix="/", namespace=""):
    """Yield ``(path, name)`` for every URL pattern of the project, with a path it matches."""
    for entry in resolver.url_patterns:
        path = prefix + _part(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, (namespace, entry.namespace)))
            yield from _leaves(entry, path, inner)
        else:
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield path, name, entry.callback


LEAVES = list(_leaves(get_resolver()))
# "/" (unnamed) only redirects to the default language's release list.
PRIVATE = [(path, name) for path, name, _callback in LEAVES if name not in PUBLIC and path != "/"]


def test_the_walk_finds_every_kind_of_url():
    names = {name for _path, name, _callback in LEAVES}
    assert PUBLIC <= names
    for expected in ("admin:index", "translations:workbench", "translations:history"):
        assert expected in names
    assert any(name and name.startswith("admin:translations_") for name in names)
    assert len(PRIVATE) > 50


@pytest.mark.parametrize(("path", "name"), [(path, name) for path, name, _c in LEAVES])
def test_each_sample_path_reaches_its_own_pattern(path, name):
    callback = next(c for p, n, c in LEAVES if p == path and n == name)
    assert resolve(path).func == callback


@pytest.fixture
def outsider(db):
    """An active account without staff status (a reader who somehow has a login)."""
    return get_user_model().objects.create_user("outsider", password=PASSWORD)


@pytest.mark.parametrize(("path", "name"), PRIVATE)
@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_non_public_urls_refuse_outsiders(client, outsider, path, name, who):
    if who == "not staff":
        client.force_login(outsider)
    for method in (client.get, client.post):
        response = method(path)
        login = reverse("admin:login")
        if path.startswith("/api/"):
            # The API refuses with a problem document: 401 asks for a token, 403 refuses the user.
            assert response.status_code in (401, 403), (name, response.status_code)
            assert response["Content-Type"] == "application/problem+json", name
            continue
        assert response.status_code in (302, 403), (name, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(login), (name, response["Location"])


# --- rate-limited login ------------------------------------------------------------------------


@pytest.fixture
def limits(settings):
    settings.CONCORD_LOGIN_FAILURE_LIMIT = 3
    settings.CONCORD_LOGIN_LOCKOUT_SECONDS = 600
    return settings


def _login(client, username, password, address="10.0.0.1"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def _logged_in(client):
    return "_auth_user_id" in client.session


def _fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        response = _login(client, username, "wrong-password", address)
        assert response.status_code == 200 and not _logged_in(client)


def _locked(response):
    form = response.context["form"]
    return any(error.code == LOCKED_CODE for error in form.errors.as_data()["__all__"])


def test_login_locks_out_after_repeated_failures_even_with_the_right_password(
    client, users, limits, caplog
):
    with caplog.at_level("WARNING", logger="concord.logins"):
        _fail(client, "editor", 3)
    assert [json.loads(record.message) for record in caplog.records] == [
        {"action": "login_locked", "user": "editor", "address": "10.0.0.1"}
    ]
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 200
    assert not _logged_in(client)
    assert _locked(response)
    assert "Too many failed logins" in response.content.decode()


def test_login_below_the_limit_succeeds(client, users, limits):
    _fail(client, "editor", 2)
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_a_successful_login_resets_the_count(client, users, limits):
    _fail(client, "editor", 2)
    assert _login(client, "editor", PASSWORD).status_code == 302
    client.logout()
    _fail(client, "editor", 2)
    assert _login(client, "editor", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_another_username_or_address_is_not_locked(client, users, limits):
    _fail(client, "editor", 3)
    assert _login(client, "reviewer-ja", PASSWORD).status_code == 302
    client.logout()
    assert _login(client, "editor", PASSWORD, address="10.0.0.2").status_code == 302
    client.logout()
    assert _locked(_login(client, "editor", PASSWORD))


def test_the_lock_ends_when_the_window_passes(client, users, limits, monkeypatch):
    if "LocMemCache" not in limits.CACHES["default"]["BACKEND"]:
        pytest.skip("moves the local-memory cache's clock; Redis keeps its own")
    _fail(client, "editor", 3)
    assert _locked(_login(client, "editor", PASSWORD))
    later = time.time() + limits.CONCORD_LOGIN_LOCKOUT_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = _login(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_the_username_is_locked_whatever_its_case(client, users, limits):
    _fail(client, "EDITOR", 3)
    assert _locked(_login(client, "editor", PASSWORD))


def test_every_login_path_through_authenticate_is_limited(users, limits):
    """A login view other than the admin's, calling authenticate(), meets the same limit."""
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.9")
    for _ in range(3):
        assert authenticate(request, username="editor", password="wrong") is None
    assert authenticate(request, username="editor", password=PASSWORD) is None
    other = RequestFactory().post("/", REMOTE_ADDR="10.0.0.10")
    assert authenticate(other, username="editor", password=PASSWORD) == users["editor"]
