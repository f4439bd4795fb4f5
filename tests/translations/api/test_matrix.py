"""Who may do what through the API: every role × endpoint × language, with the workbench's
matrix (``tests/translations/test_workbench.py``: its database, its rule of who may do what,
its data for each action and its check of what an action did) applied to the API's endpoints.

Every refusal is a problem document and leaves the database as it was; every action allowed
does what the page's does.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from records.models import Publication
from records.reader import ReaderPage
from tests.helpers import api_client
from tests.translations.test_workbench import (  # noqa: F401 (prepared: the module's fixture)
    LANGUAGES,
    REVISED,
    ROLES,
    action_data,
    allowed,
    assert_done,
    database_state,
    prepared,
)
from translations.review.actions import comment_add

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
# Beyond the pages' roles: no token, a user in a role group who is not staff, a staff user in
# no role.
OUTSIDERS = ("anonymous", "non-staff", "staff-without-role")
READS = ("releases", "release", "revisions", "diff", "units", "unit")
# The pages' actions (``allowed`` and ``assert_done`` know them) and the API's status for each.
ACTIONS = {
    "save": 200,
    "submit": 200,
    "approve": 200,
    "request-changes": 200,
    "override": 201,
    "comment": 201,
}
OTHERS = ("reply", "resolve", "publish")
# Endpoints that name no language run once.
CASES = [
    (endpoint, language)
    for endpoint in (*READS, *ACTIONS, *OTHERS)
    for language in ((None,) if endpoint in READS[:4] else LANGUAGES)
]
THREAD = "Should the date be spelled out?"


def expected(role, endpoint, language):
    """Return the status ``role`` gets from ``endpoint`` in ``language``."""
    if role == "anonymous":
        return 401
    if role in OUTSIDERS:
        return 403
    if endpoint in READS or endpoint == "reply":
        return 200 if endpoint in READS else 201
    if endpoint == "resolve":
        # The thread's author (the terminologist), or whoever edits or reviews its language.
        return 200 if role == "terminologist" or allowed(role, "save", language) else 403
    if endpoint == "publish":
        # Editors may publish; the gate then refuses a language not yet approved.
        return 422 if role in ("editor", "admin") else 403
    return ACTIONS[endpoint] if allowed(role, endpoint, language) else 403


def user_for(role):
    User = get_user_model()
    if role == "anonymous":
        return None
    if role == "non-staff":
        user = User.objects.create_user("non-staff")
        user.groups.add(Group.objects.get(name="Reviewers (ja)"))
        return user
    if role == "staff-without-role":
        return User.objects.create_user("staff-without-role", is_staff=True)
    return User.objects.get(username=role)


@pytest.fixture(scope="module")
def threaded(prepared, django_db_blocker):  # noqa: F811 (the workbench module's fixture)
    """The workbench module's database, with a thread the terminologist started in each
    target language."""
    release, author = prepared["release"], prepared["users"]["terminologist"]
    with django_db_blocker.unblock():
        threads = {
            code: comment_add(release, prepared["keys"][REVISED], code, THREAD, author)
            for code in LANGUAGES
        }
    return {**prepared, "threads": threads}


@pytest.fixture
def bench(threaded, db):
    release = threaded["release"]
    release.refresh_from_db()
    return {**threaded, "release": release}


def request_of(bench, endpoint, language):
    """Return ``(method, path, body, key)`` of ``endpoint`` for a unit where it is possible."""
    release = bench["release"]
    base = f"/api/v1/releases/{release.pk}/"
    if endpoint in READS[:4]:
        paths = {"releases": "/api/v1/releases/", "release": base}
        return "get", paths.get(endpoint, f"{base}{endpoint}/"), None, None
    lang = f"{base}languages/{language}/"
    if endpoint in ("units", "unit"):
        key = bench["keys"][0]
        return "get", f"{lang}units/" + (f"{key}/" if endpoint == "unit" else ""), None, None
    if endpoint in ("reply", "resolve"):
        thread = bench["threads"][language]
        path = f"{lang}comments/{thread.pk}/" + ("replies/" if endpoint == "reply" else "resolve/")
        return "post", path, {"text": "Yes."} if endpoint == "reply" else {}, thread.key
    if endpoint == "publish":
        return "post", f"{lang}publish/", {}, None
    key, data = action_data(bench, endpoint, language)
    if endpoint == "save":
        body = {"text": data["text"], "base_revision": data["based_on"]}
        return "put", f"{lang}units/{key}/", body, key
    if endpoint in ("override", "comment"):
        body = (
            {"check": data["check_id"], "concept": data["concept_id"], "reason": data["reason"]}
            if endpoint == "override"
            else {"text": data["text"]}
        )
        return "post", f"{lang}units/{key}/{endpoint}/".replace("comment/", "comments/"), body, key
    body = {"keys": [key], "base_revision": data["based_on"]}
    if endpoint == "request-changes":
        body["comment"] = data["comment"]
    return "post", f"{lang}{endpoint}/", body, key


def everything(release):
    """What a refusal must leave as it was: the pages' list, and what publishing writes."""
    return {
        **database_state(release),
        "published": [Publication.objects.count(), ReaderPage.objects.count()],
    }


@pytest.mark.parametrize(("endpoint", "language"), CASES)
@pytest.mark.parametrize("role", (*ROLES, *OUTSIDERS))
def test_permission_matrix(bench, role, endpoint, language):
    user = user_for(role)
    client = api_client(user)
    method, path, body, key = request_of(bench, endpoint, language)
    before = everything(bench["release"])
    response = getattr(client, method)(path, body, format="json")
    status = expected(role, endpoint, language)
    assert response.status_code == status, (response.status_code, response.content[:300])
    if status >= 400:
        assert response["Content-Type"] == PROBLEM
        problem = response.json()
        assert problem["status"] == status and problem["detail"]
        assert everything(bench["release"]) == before
        if status == 422:
            assert "cannot be published yet" in problem["detail"]
        return
    if endpoint in ACTIONS:
        assert_done(bench, endpoint, language, key, user, before)
    elif endpoint == "reply":
        assert response.json()["comment"]["replies"][0]["author"] == role
    elif endpoint == "resolve":
        assert response.json()["comment"]["resolved_by"] == role
    else:
        assert everything(bench["release"]) == before
