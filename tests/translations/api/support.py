"""What the staff API's tests share: answers read, refusals checked, the database compared."""

from records.models import Publication, Revision
from records.reader import ReaderPage
from translations.models import Comment, Event, FindingOverride, UnitStatus

PROBLEM = "application/problem+json"


def ok(response, status=200):
    """Return the JSON of an answer that must have ``status``."""
    assert response.status_code == status, response.content[:500]
    return response.json()


def refused(response, status, code=None):
    """Return the problem document of a refusal that must have ``status`` (and ``code``)."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status and problem["detail"], problem
    if code is not None:
        assert problem["code"] == code, problem
    return problem


def database():
    """Return everything an API write could change: revisions, unit states, events, comments,
    overrides, publications and readers' pages."""
    return {
        "revisions": list(Revision.objects.order_by("id").values_list("id", "release_id")),
        "states": sorted(
            UnitStatus.objects.values_list(
                "release_id",
                "key",
                "language",
                "state",
                "translated_by_id",
                "approved_by_id",
                "target_checksum",
                "revision_number",
            )
        ),
        "events": Event.objects.count(),
        "comments": sorted(Comment.objects.values_list("id", "text", "resolved_at")),
        "overrides": FindingOverride.objects.count(),
        "publications": Publication.objects.count(),
        "pages": sorted(ReaderPage.objects.values_list("id", "revision_number")),
    }


def release_url(release, *parts):
    """Return the API address of ``release`` (and of ``parts`` under it)."""
    path = "/".join(str(part) for part in parts)
    return f"/api/v1/releases/{release.pk}/" + (f"{path}/" if path else "")


def language_url(release, language, *parts):
    return release_url(release, "languages", language, *parts)
