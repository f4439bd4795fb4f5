"""Read term-check data for pages and commands (data, never HTML)."""

from django.db.models import Count, Q

from records.models import Revision
from records.revisions import snapshots_read
from translations.checks.models import CheckRun, Finding, PendingCheck, PendingRecheck
from translations.checks.vocabulary import Severity


def release_findings(release, language, read=None):
    """Return the stored findings of ``release`` in ``language``, in segment order.

    Each finding gets ``segment_position`` and ``text`` (the flagged words) from the checked
    revision; ``read`` maps revision numbers to snapshots the caller has read already.
    """
    findings = list(
        Finding.objects.filter(release=release, language=language)
        .select_related("concept", "term")
        .order_by("id")
    )
    if not findings:
        return []
    snapshots = dict(read or {})
    numbers = {finding.revision_number for finding in findings} - set(snapshots)
    if numbers:
        revisions = list(Revision.objects.filter(release=release, number__in=numbers))
        contents = snapshots_read(revisions)
        snapshots.update((revision.number, contents[revision.pk]) for revision in revisions)
    for finding in findings:
        segments = snapshots[finding.revision_number]["segments"]
        positions = {segment["key"]: index for index, segment in enumerate(segments)}
        index = positions.get(str(finding.segment_key))
        finding.segment_position = index + 1 if index is not None else None
        text = segments[index]["text"].get(language, "") if index is not None else ""
        finding.text = text[finding.start : finding.end] if finding.start is not None else ""
    findings.sort(key=lambda f: (f.segment_position or 0, f.start or -1, f.id))
    return findings


def terms_check_waiting(release, language, run=None):
    """Return whether the findings shown for ``release`` in ``language`` wait for a check.

    They do while no run has checked the head revision, or while the glossary changed after
    the run and a check or a glossary re-check is still pending. A glossary change that does
    not touch the release leaves its findings valid: once the re-check has found the releases
    it affects, the others are not waiting, whatever the glossary version of their run.
    """
    run = run if run is not None else check_run(release, language)
    if run is None or run.revision_number != release.head_number:
        return True
    if run.is_current(release.head_number):
        return False
    return PendingCheck.objects.filter(release=release).exists() or PendingRecheck.objects.exists()


def check_run(release, language):
    """Return the latest check run of ``release`` in ``language``, or None."""
    return CheckRun.objects.filter(release=release, language=language).first()


def finding_spans(findings):
    """Return ``(source_spans, target_spans)`` of ``findings`` for the ``highlight`` tag.

    Spans are ``(start, end, severity, message)``; a missing term has only a source offset,
    so it is marked in the source.
    """
    source = [
        (f.source_start, f.source_end, f.severity, f.display_message())
        for f in findings
        if f.source_start is not None and f.start is None
    ]
    target = [
        (f.start, f.end, f.severity, f.display_message()) for f in findings if f.start is not None
    ]
    return source, target


def release_term_rows(release, language):
    """Return the segments of the head revision with the spans of their current findings.

    Returns ``(rows, findings)``: each row has ``position``, ``key``, ``kind``, ``source`` and
    ``target`` texts, ``source_spans``/``target_spans`` as ``(start, end, severity, message)``
    and its ``findings``; ``findings`` are those of the head revision.
    """
    revision = Revision.objects.filter(release=release, number=release.head_number).first()
    if revision is None:
        return [], []
    source = release.source_language
    findings = release_findings(release, language, {revision.number: revision.snapshot})
    current = [f for f in findings if f.revision_number == revision.number]
    by_key = {}
    for finding in current:
        by_key.setdefault(str(finding.segment_key), []).append(finding)
    rows = []
    for index, segment in enumerate(revision.snapshot["segments"], start=1):
        found = by_key.get(segment["key"], [])
        source_spans, target_spans = finding_spans(found)
        rows.append(
            {
                "position": index,
                "key": segment["key"],
                "kind": segment["kind"],
                "source": segment["text"].get(source, ""),
                "target": segment["text"].get(language, ""),
                "source_spans": source_spans,
                "target_spans": target_spans,
                "findings": found,
            }
        )
    return rows, current


def finding_tallies(release):
    """Return ``{language: {"total": n, "serious": n}}`` of the stored findings of ``release``.

    ``serious`` counts errors and warnings; every target language is present. One query.
    """
    tallies = {code: {"total": 0, "serious": 0} for code in release.target_languages}
    rows = (
        Finding.objects.filter(release=release)
        .order_by()
        .values("language")
        .annotate(
            total=Count("id"),
            serious=Count("id", filter=Q(severity__in=[Severity.ERROR, Severity.WARNING])),
        )
    )
    for row in rows:
        if row["language"] in tallies:
            tallies[row["language"]] = {"total": row["total"], "serious": row["serious"]}
    return tallies
