"""``manage.py api_token <username> <name>``: a token for the demo and for scripts."""

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError

from records.api import ApiToken, token_user
from tests.helpers import api_client, run

pytestmark = pytest.mark.django_db


def test_the_command_prints_a_new_key_once_and_keeps_only_its_digest(users):
    key = run("api_token", "translator-ja", "CAT connector").strip()
    token = token_user(key)
    assert token.user == users["translator-ja"] and token.name == "CAT connector"
    assert key not in {token.digest, token.prefix}
    response = api_client().get("/api/v1/releases/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    # Each run makes another token.
    assert run("api_token", "translator-ja", "CAT connector").strip() != key
    assert ApiToken.objects.filter(user=users["translator-ja"]).count() == 2


@pytest.mark.parametrize(
    ("username", "name", "message"),
    [
        ("nobody", "tool", "unknown user “nobody”"),
        ("editor", "  ", "Give the token a name"),
        ("editor", "x" * 101, "at most 100 characters"),
        ("inactive", "tool", "not an active user"),
    ],
)
def test_the_command_refuses_clearly_and_makes_nothing(users, username, name, message):
    User.objects.create_user("inactive", is_staff=True, is_active=False)
    with pytest.raises(CommandError, match=message):
        run("api_token", username, name)
    assert not ApiToken.objects.exists()
