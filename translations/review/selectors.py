"""Read review data for pages, commands and tests (data, never HTML)."""

from django.contrib.auth import get_user_model
from django.db.models import Count

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


def language_reviewers(codes):
    """Return ``{language: {user id}}``: the active users who may approve units of each
    language in ``codes`` (``review_text_<language>``; superusers too), one query each."""
    users = get_user_model().objects
    return {
        code: set(
            users.with_perm(
                f"records.review_text_{code}", is_active=True, include_superusers=True
            ).values_list("pk", flat=True)
        )
        for code in codes
    }


def units_without_reviewer(releases, codes, waiting=None):
    """Return ``{(release id, language): number of units}`` waiting for review that no one
    but their translator could approve (four eyes: another reviewer of the language must).

    ``waiting``: ``(release id, language, translator id, count)`` of the units waiting for
    review, when the caller has read them already; else one aggregate query reads them. The
    reviewers are read only for the languages where units wait.
    """
    codes = list(codes)
    if not codes:
        return {}
    if waiting is None:
        waiting = (
            UnitStatus.objects.filter(
                release__in=releases, language__in=codes, state=UnitState.NEEDS_REVIEW
            )
            .order_by()
            .values_list("release_id", "language", "translated_by_id")
            .annotate(n=Count("id"))
        )
    waiting = list(waiting)
    if not waiting:
        return {}
    reviewers = language_reviewers(sorted({language for _r, language, _t, _n in waiting}))
    stuck = {}
    for release_id, language, translator_id, count in waiting:
        if not reviewers[language] - {translator_id}:
            stuck[(release_id, language)] = stuck.get((release_id, language), 0) + count
    return stuck
