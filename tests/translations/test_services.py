"""Term checks stored per release: after each revision, on glossary changes, in commands."""

import json

import pytest
from django.core.management import CommandError

from records.models import Release, Revision
from records.services import release_write
from records.snapshots import release_snapshot
from tests.helpers import run
from translations.checks.pending import RELEASE_TERMS_CHECK
from translations.checks.services import release_terms_check, releases_affected
from translations.glossary.files import ConceptData, TermData
from translations.glossary.services import glossary_import
from translations.models import CheckRun, Concept, Finding, GlossaryState, PendingCheck, Term

pytestmark = pytest.mark.django_db

NT_KEY = 1  # position of "Northern Territories issue" among the segments (0-based)


def write(release, editor, change):
    content = release_snapshot(release)
    change(content)
    return release_write(content, author=editor, based_on=release.head_number)


def test_demo_translations_are_clean(demo):
    counts = release_terms_check(demo["release"])
    findings = list(Finding.objects.values_list("language", "check_id", "message"))
    assert counts == {"ja": 0, "ru": 0}, findings


def test_checks_run_on_commit_after_each_revision(demo, editor, django_capture_on_commit_callbacks):
    release = demo["release"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        write(
            release,
            editor,
            lambda c: c["segments"][NT_KEY]["text"].update(ru="Проблема Южных Курил"),
        )
    # One term check; the other callback writes the audit line (records/logs.py).
    checks = [c for c in callbacks if getattr(c, "args", ())[:1] == (RELEASE_TERMS_CHECK,)]
    assert len(checks) == 1 and len(callbacks) == 2
    finding = Finding.objects.get(language="ru")
    assert finding.check_id == "forbidden-term"
    assert finding.severity == "error"
    assert finding.suggestion == "северные территории"
    assert finding.revision_number == 3
    text = Release.objects.get().segments.order_by("position")[NT_KEY].text_ru
    assert text[finding.start : finding.end] == "Южных Курил"
    assert CheckRun.objects.get(release=release, language="ru").revision_number == 3


def test_no_term_checks_fixture_leaves_out_only_the_term_check(
    request, demo, editor, django_capture_on_commit_callbacks
):
    from records.extensions import registry
    from translations.checks.pending import pending_check_after_revision

    listeners = list(registry.revision_listeners)
    assert pending_check_after_revision in listeners  # tests without the fixture get findings
    request.getfixturevalue("no_term_checks")
    assert registry.revision_listeners == [
        listener for listener in listeners if listener is not pending_check_after_revision
    ]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        write(
            demo["release"],
            editor,
            lambda c: c["segments"][NT_KEY]["text"].update(ru="Проблема Южных Курил"),
        )
    # Only the audit line is left (records/logs.py), and no check is pending.
    assert [c.__qualname__ for c in callbacks] == ["audit.<locals>.<lambda>"]
    assert not PendingCheck.objects.filter(revision_number=3).exists()
    assert Revision.objects.filter(number=3).exists()
    assert not Finding.objects.exists()


def test_inflected_russian_terms_give_no_missing_term(demo, editor):
    release = demo["release"]
    ru = release_snapshot(release)["segments"][10]["text"]["ru"]
    assert "территорий опережающего развития" in ru
    release_terms_check(release)
    assert not Finding.objects.filter(language="ru").exists()


def test_missing_term_in_japanese_and_recheck_is_idempotent(demo, editor):
    release = demo["release"]
    write(release, editor, lambda c: c["segments"][NT_KEY]["text"].update(ja="領土問題"))
    release.refresh_from_db()
    assert release_terms_check(release) == {"ja": 1, "ru": 0}
    finding = Finding.objects.get()
    assert (finding.check_id, finding.concept.identifier) == (
        "missing-term",
        "northern-territories",
    )
    english = release.segments.order_by("position")[NT_KEY].text_en
    assert english[finding.source_start : finding.source_end] == "Northern Territories"
    first_id = finding.pk
    release_terms_check(release)
    assert Finding.objects.get().pk == first_id  # nothing recomputed at the same versions


def test_glossary_change_rechecks_only_affected_releases(
    demo, editor, django_capture_on_commit_callbacks
):
    release = demo["release"]
    release_terms_check(release)
    other = write(release, editor, lambda c: None)  # unchanged: no new revision
    assert other.revision is None
    content = release_snapshot(release)
    content["slug"] = "unrelated"
    content["title"] = {"en": "Weather", "ja": "天気", "ru": "Погода"}
    content["photos"] = []
    content["segments"] = [
        {
            "key": "8a3c1cf4-4a51-4d43-9d0e-4b0b8f8c2a11",
            "kind": "paragraph",
            "level": 0,
            "text": {"en": "Rain.", "ja": "雨。", "ru": "Дождь."},
        }
    ]
    unrelated = release_write(content, author=editor).release
    release_terms_check(unrelated)
    tor = Concept.objects.get(identifier="tor")
    assert releases_affected([tor.pk]) == [release.pk]
    new = ConceptData(
        identifier="weather", terms=(TermData("en", "rain"), TermData("ru", "ливень"))
    )
    demo_run = CheckRun.objects.get(release=release, language="ru")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        glossary_import([new])
    assert callbacks, "a glossary change enqueues a re-check"
    weather = Concept.objects.get(identifier="weather")
    assert releases_affected([weather.pk]) == [unrelated.pk]
    finding = Finding.objects.get(release=unrelated)
    assert (finding.check_id, finding.language) == ("missing-term", "ru")
    # The demo release does not use the new concept: it was not checked again.
    assert CheckRun.objects.get(release=release, language="ru").checked_at == demo_run.checked_at


def test_check_terms_command_json_and_text(demo, editor):
    release = demo["release"]
    write(
        release, editor, lambda c: c["segments"][NT_KEY]["text"].update(ru="Вопрос о Южных Курилах")
    )
    rows = json.loads(run("check_terms", release.slug, "--lang", "ru", "--format", "json"))
    assert len(rows) == 1
    row = rows[0]
    assert row["check"] == "forbidden-term" and row["suggestion"] == "северные территории"
    assert row["text"] == "Южных Курилах" and row["concept"] == "northern-territories"
    assert row["segment_position"] == NT_KEY + 1
    assert "forbidden-term" in run("check_terms", release.slug)
    assert json.loads(run("check_terms", release.slug, "--lang", "ja", "--format", "json")) == []
    with pytest.raises(CommandError, match="no release"):
        run("check_terms", "nope")


def test_import_glossary_command_and_refusal(tmp_path, data_dir):
    from translations.demo import GLOSSARY_PATH

    out = run("import_glossary", str(GLOSSARY_PATH))
    assert "18 concepts created" in out
    assert Term.objects.count() == 64
    assert "18 unchanged" in run("import_glossary", str(GLOSSARY_PATH))
    german = tmp_path / "german.csv"
    german.write_text(GLOSSARY_PATH.read_text("utf-8") + "extra,,de,Begriff,preferred,false,,,,\n")
    out = run("import_glossary", str(german))
    assert "18 unchanged" in out and "de (1 term)" in out and "1 entry has no term" in out
    assert Concept.objects.filter(identifier="extra").count() == 0
    bad = tmp_path / "bad.csv"
    bad.write_text(GLOSSARY_PATH.read_text("utf-8") + "extra,,en,Begriff,sortof,false,,,,\n")
    with pytest.raises(CommandError, match="sortof"):
        run("import_glossary", str(bad))
    assert Concept.objects.filter(identifier="extra").count() == 0


def test_export_glossary_round_trip(tmp_path):
    from translations.demo import GLOSSARY_PATH

    run("import_glossary", str(GLOSSARY_PATH))
    for fmt in ("tbx", "csv"):
        path = tmp_path / f"glossary.{fmt}"
        run("export_glossary", "--format", fmt, "-o", str(path))
        assert "18 unchanged" in run("import_glossary", str(path))
    forbidden = Term.objects.get(text="Южные Курилы")
    assert forbidden.status == "forbidden"
    assert Term.objects.get(text="ТОР").case_sensitive is True
    assert Revision.objects.count() == 0


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec><term>&lol3;</term>
</termSec></langSec></conceptEntry></body></text></tbx>
"""


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bomb.tbx", BILLION_LAUGHS, "DOCTYPE"),
        ("broken.tbx", "<tbx><text><body>", "line"),
        (
            "status.csv",
            "concept,subject_field,language,term,status,case_sensitive,part_of_speech,note,"
            "definition,concept_note\nx,,en,Begriff,sortof,false,,,,\n",
            "sortof",
        ),
    ],
)
def test_hostile_or_malformed_glossary_files_write_nothing(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(CommandError, match=message):
        run("import_glossary", str(path))
    assert Concept.objects.count() == 0 and Term.objects.count() == 0


def test_export_of_an_empty_glossary_is_refused_clearly(tmp_path):
    target = tmp_path / "empty.tbx"
    with pytest.raises(CommandError, match="concept"):
        run("export_glossary", "--format", "tbx", "-o", str(target))
    assert not target.exists()


def test_a_late_check_of_an_old_revision_keeps_the_newer_findings(demo, editor):
    release = demo["release"]
    stale = Release.objects.get(pk=release.pk)  # loaded by a task before revision 3 arrived
    write(release, editor, lambda c: c["segments"][NT_KEY]["text"].update(ru="Южные Курилы"))
    fresh = Release.objects.get(pk=release.pk)
    assert release_terms_check(fresh)["ru"] == 1
    assert release_terms_check(stale, force=True) == {"ja": None, "ru": None}
    finding = Finding.objects.get(language="ru")
    assert finding.revision_number == 3 and finding.check_id == "forbidden-term"
    assert set(CheckRun.objects.values_list("revision_number", flat=True)) == {3}


def test_check_terms_force_runs_the_check_again(published):
    release = published["release"]
    run("check_terms", release.slug)
    first = CheckRun.objects.get(release=release, language="ja").checked_at
    run("check_terms", release.slug, "--lang", "ja")
    assert CheckRun.objects.get(release=release, language="ja").checked_at == first
    run("check_terms", release.slug, "--lang", "ja", "--force")
    assert CheckRun.objects.get(release=release, language="ja").checked_at > first


def test_a_check_run_is_current_only_for_its_revision_and_glossary_version(demo):
    run = CheckRun.objects.filter(release=demo["release"], language="ru").get()
    assert run.is_current(run.revision_number, run.glossary_version)
    assert not run.is_current(run.revision_number + 1, run.glossary_version)
    assert not run.is_current(run.revision_number, "another glossary")
    # Without a version, the current glossary's: a glossary change makes the run stale.
    assert run.is_current(run.revision_number) == (run.glossary_version == GlossaryState.current())
    GlossaryState.bump()
    assert not run.is_current(run.revision_number)
