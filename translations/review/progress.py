"""Translation progress of releases: approved units out of all units, per target language."""

from django.db.models import Count, Q

from config import languages
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState


def release_progress(releases):
    """Return ``{release_id: [(language, approved, total), …]}`` for ``releases`` in one query
    (target languages in the configured order; releases without units are left out)."""
    counts = (
        UnitStatus.objects.filter(release_id__in=[release.pk for release in releases])
        .values("release_id", "language")
        .annotate(total=Count("id"), approved=Count("id", filter=Q(state=UnitState.APPROVED)))
        .order_by()
    )
    order = {code: index for index, code in enumerate(languages.CODES)}
    progress = {}
    for row in sorted(counts, key=lambda row: order.get(row["language"], len(order))):
        progress.setdefault(row["release_id"], []).append(
            (row["language"], row["approved"], row["total"])
        )
    return progress
