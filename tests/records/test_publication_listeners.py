"""Publication listeners: what other apps register to run inside the publishing transaction."""

import pytest

from config import languages
from records.extensions import registry
from records.models import Publication
from records.reader.models import ReaderPage
from records.services import release_publish
from tests.scenarios import release_with, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(monkeypatch):
    """Register a listener of this test's own (removed when it ends); return what it heard."""
    found = []
    monkeypatch.setattr(registry, "publication_listeners", [*registry.publication_listeners])

    def listener(publication):
        # It runs once the publication and its reader page are written.
        page = ReaderPage.objects.get(release=publication.release, language=publication.language)
        found.append((publication.language, publication.revision.number, page.revision_number))

    registry.on_publication(listener)
    registry.on_publication(listener)  # registered once
    return found


def test_a_listener_hears_each_new_publication_once(roles, heard):
    release = release_with(languages=languages.CODES)
    editor = user_with_role("editor")
    target = languages.targets(release.source_language)[0]
    release_publish(release, target, author=editor)
    # The revision readers already see: nothing new is published, nothing heard.
    release_publish(release, target, author=editor)
    assert heard == [(target, release.head_number, release.head_number)]


def test_a_listener_that_fails_publishes_nothing(roles, monkeypatch):
    release = release_with(languages=languages.CODES)

    def failing(publication):
        raise RuntimeError("listener failed")

    monkeypatch.setattr(registry, "publication_listeners", [failing])
    with pytest.raises(RuntimeError, match="listener failed"):
        release_publish(release, release.source_language, author=user_with_role("editor"))
    assert not Publication.objects.exists() and not ReaderPage.objects.exists()
