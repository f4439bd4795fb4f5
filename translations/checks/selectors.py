"""Read term-check data for pages and commands (data, never HTML)."""

from django.db.models import Count, Q

from records.models import Revision
from records.revisions import snapshots_read
from records.services import revision_snapshot
from records.units import CAPTION, CREDIT, TITLE, snapshot_units, unit_label
from translations.checks.models import (
    CheckRun,
    Finding,
    PendingCheck,
    PendingRecheck,
    ReleaseConcept,
)
from translations.checks.services import head_uses_terms
from translations.checks.vocabulary import Severity

# Unit kinds that are not segments (they have no segment number).
NOT_SEGMENTS = frozenset({TITLE, CAPTION, CREDIT})


def release_findings(release, language, read=None):
    """Return the stored findings of ``release`` in ``language``, in the units' reading order
    (title, photo captions and credits, segments).

    Each finding gets, from the checked revision, ``unit_label`` ("title", "segment 4",
    "photo 1 caption"), ``unit_position`` (its unit's place in reading order, from 0),
    ``segment_position`` (the segment's number; None for the title and photo texts) and
    ``text`` (the flagged words); ``read`` maps revision numbers to snapshots the caller has
    read already.
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
    units = {number: _units_by_key(snapshot) for number, snapshot in snapshots.items()}
    order = {number: {key: i for i, key in enumerate(by_key)} for number, by_key in units.items()}
    for finding in findings:
        by_key = units[finding.revision_number]
        key = str(finding.segment_key)
        unit = by_key.get(key)
        finding.unit_label = unit_label(key, by_key)
        finding.segment_position = (
            unit.number if unit is not None and unit.kind not in NOT_SEGMENTS else None
        )
        finding.unit_position = order[finding.revision_number].get(key, -1)
        text = (unit.text(language) or "") if unit is not None else ""
        finding.text = text[finding.start : finding.end] if finding.start is not None else ""
    findings.sort(key=lambda f: (f.unit_position, f.start or -1, f.id))
    return findings


def _units_by_key(snapshot):
    """Return the units of ``snapshot`` by key, in reading order."""
    return {unit.key: unit for unit in snapshot_units(snapshot)}


# Where the term check of a release in one language stands (:func:`terms_check_status`).
CHECK_CURRENT = "current"  # the findings are those of the newest revision and glossary
CHECK_PENDING = "pending"  # a check (or a glossary re-check that may touch it) is waiting
CHECK_MISSING = "missing"  # the newest revision has no check and none is waiting
# Concepts with new spellings a pending re-check may add, above which a page does not look for
# them in one release's text itself (the re-check does, and soon says which releases it touches).
RECHECK_SCAN_MAX = 500


def terms_check_status(release, language, run=None, snapshot=None):
    """Return :data:`CHECK_CURRENT`, :data:`CHECK_PENDING` or :data:`CHECK_MISSING` for the
    findings of ``release`` in ``language``, in a constant number of queries.

    Pending means a check is actually waiting for this release and language: its pending
    check, or a glossary re-check not yet run whose concepts the release uses in its source or
    in ``language`` (the index the checks write), or whose new spellings occur in those texts.
    A glossary change that touches neither leaves the findings current. ``snapshot``: the head
    revision's content, when the caller has read it already.
    """
    run = run if run is not None else check_run(release, language)
    head = release.head_number
    if run is not None and run.is_current(head):
        return CHECK_CURRENT
    if PendingCheck.objects.filter(release=release).exists():
        return CHECK_PENDING
    if run is None or run.revision_number != head:
        return CHECK_MISSING
    if recheck_touches(release, language, snapshot):
        return CHECK_PENDING
    return CHECK_CURRENT


def recheck_touches(release, language, snapshot=None):
    """Return whether a pending glossary re-check may change the findings of ``release`` in
    ``language``: it names a concept the release uses, or a new spelling that its source or
    ``language`` text contains."""
    rechecks = list(PendingRecheck.objects.values_list("concepts", "new_terms"))
    if not rechecks:
        return False
    used = set(
        ReleaseConcept.objects.filter(release=release, language=language).values_list(
            "concept_id", flat=True
        )
    )
    scan = set()
    for concepts, new_terms in rechecks:
        if used.intersection(concepts):
            return True
        scan.update(concepts if new_terms is None else set(new_terms) & set(concepts))
    if not scan:
        return False
    if len(scan) > RECHECK_SCAN_MAX:
        return True
    if snapshot is None:
        snapshot = revision_snapshot(release, release.head_number)
    return head_uses_terms(snapshot, scan, (release.source_language, language))


def terms_check_waiting(release, language, run=None):
    """Return whether the findings shown for ``release`` in ``language`` may not be those of its
    newest revision and glossary (a check is pending, or none was made)."""
    return terms_check_status(release, language, run) != CHECK_CURRENT


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
    """Return the units of the head revision with the spans of their current findings.

    Returns ``(rows, findings)``: a row per unit in reading order (the title and photo texts
    when either language has text or a finding names them, every segment), each with
    ``label`` ("title", "photo 1 caption"; a segment's number), ``key``, ``kind``, ``source``
    and ``target`` texts, ``source_spans``/``target_spans`` as ``(start, end, severity,
    message)`` and its ``findings``; ``findings`` are those of the head revision.
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
    units = _units_by_key(revision.snapshot)
    rows = []
    for unit in units.values():
        found = by_key.get(unit.key, [])
        texts = (unit.text(source) or "", unit.text(language) or "")
        segment = unit.kind not in NOT_SEGMENTS
        if not segment and not found and not any(text.strip() for text in texts):
            continue
        source_spans, target_spans = finding_spans(found)
        rows.append(
            {
                "label": unit.number if segment else unit_label(unit.key, units),
                "key": unit.key,
                "kind": unit.kind,
                "source": texts[0],
                "target": texts[1],
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
