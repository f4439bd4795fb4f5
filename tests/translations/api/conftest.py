"""A release with work in every state, built once per module; each test runs in a savepoint
of its own (as the workbench's tests do), so every test starts from the same database."""

import pytest
from django.db import transaction
from django.test import override_settings

ALL = ("en", "ja", "ru")


@pytest.fixture(scope="module")
def flagged_setup(django_db_setup, django_db_blocker):
    """The role accounts, and four paragraphs: Japanese drafts (paragraph 3 using a forbidden
    term: an error finding), Russian waiting for review."""
    from records.demo import accounts_ensure
    from tests.scenarios import PASSWORD, glossary_with, release_with
    from translations.checks.services import release_terms_check
    from translations.roles import roles_sync

    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=hashers):
        with transaction.atomic():
            roles_sync()
            users = accounts_ensure(PASSWORD)
            glossary_with(("fisheries", {"en": "fisheries", "ja": [("漁業", "forbidden")]}))
            release = release_with(
                units=4, languages=ALL, states={"ja": "draft", "ru": "needs_review"}
            )
            release_terms_check(release)
            yield {"users": users, "release": release}
            transaction.set_rollback(True)


@pytest.fixture
def flagged(flagged_setup, db):
    release = flagged_setup["release"]
    release.refresh_from_db()
    return release


@pytest.fixture
def flagged_users(flagged_setup, db):
    return flagged_setup["users"]
