"""Read review data for pages, commands and tests (data, never HTML)."""

from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState


def keys_in_state(release, language, states):
    """Return the keys of ``release``'s units in ``language`` whose state is one of ``states``."""
    return list(
        UnitStatus.objects.filter(release=release, language=language, state__in=list(states))
        .order_by("id")
        .values_list("key", flat=True)
    )


def keys_to_review(release, language):
    return keys_in_state(release, language, [UnitState.NEEDS_REVIEW])
