"""Helpers for the review tests: writes through the one write path, states, table snapshots."""

from records.models import Publication, Revision
from records.services import release_write
from records.snapshots import release_snapshot
from translations.models import Finding
from translations.review.models import Comment, Event, FindingOverride, UnitStatus


def write(release, author, change, *, context=None, message=""):
    """Apply ``change(content)`` to the release's working copy as one revision by ``author``."""
    release.refresh_from_db()
    content = release_snapshot(release)
    change(content)
    result = release_write(
        content, author=author, based_on=release.head_number, context=context, message=message
    )
    release.refresh_from_db()
    return result


def set_text(index, language, text):
    """Return a change that gives segment ``index`` (0-based) a new ``language`` text."""

    def change(content):
        content["segments"][index]["text"][language] = text

    return change


def segment_key(release, index):
    return str(release.segments.order_by("position")[index].key)


def status(release, key, language):
    return UnitStatus.objects.get(release=release, key=key, language=language)


def states(release, language):
    """Return ``{key: state}`` of ``release``'s units in ``language``."""
    return dict(
        UnitStatus.objects.filter(release=release, language=language).values_list("key", "state")
    )


def review_tables():
    """Return everything review and publishing write, to compare before and after a refusal."""
    return {
        "states": list(UnitStatus.objects.order_by("pk").values()),
        "events": list(Event.objects.order_by("pk").values_list("pk", flat=True)),
        "comments": list(Comment.objects.order_by("pk").values()),
        "overrides": list(FindingOverride.objects.order_by("pk").values()),
        "findings": list(Finding.objects.order_by("pk").values_list("pk", flat=True)),
        "revisions": list(Revision.objects.order_by("pk").values_list("pk", flat=True)),
        "publications": list(Publication.objects.order_by("pk").values_list("pk", flat=True)),
    }
