"""Selectors: read stored term-check results for pages and commands."""

from django.db.models import Count, Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from records.models import Revision

from .models import CheckRun, Finding
from .services import TARGET_LANGUAGES


def release_findings(release, language):
    """Return the stored findings of ``release`` in ``language``, in segment order.

    Each finding gets ``segment_position`` and ``text`` (the flagged words) from the checked
    revision.
    """
    findings = list(
        Finding.objects.filter(release=release, language=language)
        .select_related("concept", "term")
        .order_by("id")
    )
    if not findings:
        return []
    numbers = {finding.revision_number for finding in findings}
    snapshots = dict(
        Revision.objects.filter(release=release, number__in=numbers).values_list(
            "number", "snapshot"
        )
    )
    for finding in findings:
        segments = snapshots[finding.revision_number]["segments"]
        positions = {segment["key"]: index for index, segment in enumerate(segments)}
        index = positions.get(str(finding.segment_key))
        finding.segment_position = index + 1 if index is not None else None
        text = segments[index]["text"].get(language, "") if index is not None else ""
        finding.text = text[finding.start : finding.end] if finding.start is not None else ""
    findings.sort(key=lambda f: (f.segment_position or 0, f.start or -1, f.id))
    return findings


def check_run(release, language):
    """Return the latest check run of ``release`` in ``language``, or None."""
    return CheckRun.objects.filter(release=release, language=language).first()


def highlight(text, spans):
    """Return ``text`` as safe HTML with ``spans`` ``(start, end, css_class, title)`` marked."""
    parts = []
    cursor = 0
    for start, end, css, title in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start < cursor or end > len(text) or start >= end:
            continue  # overlapping or stale span: the earlier mark wins
        parts.append((text[cursor:start], "", "", ""))
        parts.append(("", text[start:end], css, title))
        cursor = end
    parts.append((text[cursor:], "", "", ""))
    return mark_safe(
        format_html_join(
            "",
            "{}{}",
            (
                (
                    plain,
                    format_html('<mark class="{}" title="{}">{}</mark>', css, title, marked)
                    if marked
                    else "",
                )
                for plain, marked, css, title in parts
            ),
        )
    )


def release_term_review(release, language):
    """Return rows for the admin's term review page: segments with highlighted findings."""
    revision = Revision.objects.filter(release=release, number=release.head_number).first()
    if revision is None:
        return [], []
    findings = release_findings(release, language)
    current = [f for f in findings if f.revision_number == revision.number]
    by_key = {}
    for finding in current:
        by_key.setdefault(str(finding.segment_key), []).append(finding)
    rows = []
    for index, segment in enumerate(revision.snapshot["segments"], start=1):
        found = by_key.get(segment["key"], [])
        source_spans = [
            (f.source_start, f.source_end, f"finding {f.severity}", f.display_message())
            for f in found
            if f.source_start is not None and f.start is None
        ]
        target_spans = [
            (f.start, f.end, f"finding {f.severity}", f.display_message())
            for f in found
            if f.start is not None
        ]
        rows.append(
            {
                "position": index,
                "key": segment["key"],
                "kind": segment["kind"],
                "source": highlight(segment["text"].get("en", ""), source_spans),
                "target": highlight(segment["text"].get(language, ""), target_spans),
                "findings": found,
            }
        )
    return rows, current


def finding_tallies(release):
    """Return ``{language: {"total": n, "serious": n}}`` of the stored findings of ``release``.

    ``serious`` counts errors and warnings; every target language is present. One query.
    """
    tallies = {code: {"total": 0, "serious": 0} for code in TARGET_LANGUAGES}
    rows = (
        Finding.objects.filter(release=release)
        .order_by()
        .values("language")
        .annotate(
            total=Count("id"),
            serious=Count(
                "id",
                filter=Q(severity__in=[Finding.Severity.ERROR, Finding.Severity.WARNING]),
            ),
        )
    )
    for row in rows:
        if row["language"] in tallies:
            tallies[row["language"]] = {"total": row["total"], "serious": row["serious"]}
    return tallies
