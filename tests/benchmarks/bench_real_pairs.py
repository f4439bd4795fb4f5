"""Real parallel releases held apart from the project: each original imported with its source
language alone, the other language aligned to it (as it is, or the proposal), and the date and
number checks run on the aligned pairs. Printed for reading, nothing asserted.

The pairs are files ``<key>-<source>.txt`` and ``<key>-<target>.txt`` in the directory
``$CONCORD_REAL_PAIRS`` (``$CONCORD_REAL_PAIRS_LANGUAGES``, default ``ja en``: the source
language, then the target); skipped without it. Whether a proposal is right is for the reader
to judge: the proposal is printed beside the release's units.
"""

import os
from pathlib import Path

import pytest

from records.alignment import Proposal
from records.previews import alignment_lines, proposal_lines
from records.segmenter import SegmenterError, parse_release_text
from records.services import ReleaseContentError, release_import_language, release_import_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]
PAIRS = os.environ.get("CONCORD_REAL_PAIRS", "")


def _pair(key, folder, source, target):
    """Return (what the import and the alignment gave, lines to print, findings)."""
    from translations.checks import run_checks
    from translations.checks.matching.matcher import TermMatcher

    original = (folder / f"{key}-{source}.txt").read_bytes()
    version = (folder / f"{key}-{target}.txt").read_bytes()
    try:
        release = release_import_text(parse_release_text(original, source), source=source).release
    except (SegmenterError, ReleaseContentError) as error:
        return "original refused", [str(error)], []
    parsed = parse_release_text(version, target)
    try:
        alignment, _result = release_import_language(
            parsed, language=target, into=release.slug, dry_run=True
        )
    except ReleaseContentError as error:
        return "refused", [str(error)], []
    proposal = isinstance(alignment, Proposal)
    lines = [f"{release.slug} (topic {release.topic.slug})"]
    lines += proposal_lines(alignment) if proposal else alignment_lines(alignment)
    release_import_language(parsed, language=target, into=release.slug, accept_alignment=True)
    texts = [
        (str(segment.key), getattr(segment, f"text_{source}"), getattr(segment, f"text_{target}"))
        for segment in release.segments.order_by("position")
    ]
    texts = [text for text in texts if text[2]]
    findings = run_checks(
        texts,
        target,
        TermMatcher([], source),
        TermMatcher([], target),
        checks=["date", "number"],
        release_date=release.date,
    )
    return ("proposal" if proposal else "as it is"), lines, findings


@pytest.mark.skipif(not PAIRS, reason="no $CONCORD_REAL_PAIRS directory of real pairs")
def test_real_pairs():
    folder = Path(PAIRS)
    source, target = os.environ.get("CONCORD_REAL_PAIRS_LANGUAGES", "ja en").split()
    keys = sorted(
        path.name.removesuffix(f"-{source}.txt") for path in folder.glob(f"*-{source}.txt")
    )
    outcomes = {}
    for key in keys:
        outcome, lines, findings = _pair(key, folder, source, target)
        outcomes[key] = (outcome, len(findings))
        print(f"\n== {key}: {outcome}")
        print("\n".join(lines))
        for finding in findings:
            print(f"   finding [{finding.check}] {finding.message}")
    print(f"\n{len(keys)} pairs ({source} original, {target} aligned):")
    for kind in ("as it is", "proposal", "refused", "original refused"):
        print(f"  {kind}: {sum(1 for outcome, _n in outcomes.values() if outcome == kind)}")
    print(f"  date and number findings: {sum(n for _outcome, n in outcomes.values())}")
