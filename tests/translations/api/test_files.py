"""Files through the API: a release's PO and XLIFF in one language, the glossary's TBX, CSV and
PO; the same bytes and reports as the commands, refusals as problems with nothing written."""

import io
import shutil
import subprocess

import pytest
from django.contrib.auth import get_user_model

from records.models import Release
from tests.helpers import api_client, run
from tests.helpers import exchange_state as db_state
from tests.scenarios import glossary_with
from tests.translations.test_exchange_po import (
    another_release,
    edit_po,
    segment_keys,
    server_edit,
)
from tests.xliff_schema import assert_strict_xliff
from translations.exchange.services import release_file_export
from translations.glossary.services import glossary_file_export
from translations.models import Concept, GlossaryState, PendingRecheck, Term
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
GLOSSARY_FILE = "/api/v1/glossary/file/"


@pytest.fixture
def release(in_progress):
    return in_progress["release"]


def client_of(name):
    return api_client(get_user_model().objects.get(username=name))


def files_url(release_id, language, fmt=""):
    return f"/api/v1/releases/{release_id}/files/{language}/" + (f"{fmt}/" if fmt else "")


def upload(data, name="file.po", **options):
    file = io.BytesIO(data)
    file.name = name
    return {"file": file, **options}


# --- release files: download -----------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="needs GNU gettext's msgfmt")
@pytest.mark.parametrize("language", ["ja", "ru"])
def test_a_translator_downloads_a_po_file_that_msgfmt_accepts(release, language, tmp_path):
    response = client_of(f"translator-{language}").get(files_url(release.pk, language, "po"))
    assert response.status_code == 200
    assert response.content == release_file_export(release, language, "po")
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    name = f"{release.slug}.r{release.head_number}.{language}.po"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    path = tmp_path / name
    path.write_bytes(response.content)
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_the_xliff_download_is_strict_xliff_and_the_commands_bytes(release):
    response = client_of("reviewer-ja").get(files_url(release.pk, "ja", "xliff"))
    assert response.status_code == 200
    assert_strict_xliff(response.content)
    assert response.content.decode() == run("export_xliff", release.slug, "--lang", "ja")


def test_an_older_revision_is_downloaded_whatever_the_client_accepts(release):
    response = client_of("editor").get(
        files_url(release.pk, "ru", "po"),
        {"revision": 2},
        HTTP_ACCEPT="text/x-gettext-translation",
    )
    assert response.status_code == 200
    assert response.content == release_file_export(release, "ru", "po", 2)


@pytest.mark.parametrize(
    ("who", "where", "query", "status", "message"),
    [
        ("translator-ja", ("release", "ru"), {}, 403, "You may not edit the Russian text."),
        ("terminologist", ("release", "ja"), {}, 403, "You may not edit the Japanese text."),
        ("editor", (999999, "ru"), {}, 404, "There is no release 999999."),
        ("editor", ("release", "en"), {}, 404, "en is not a target language"),
        ("editor", ("release", "de"), {}, 404, "not a language Concord keeps"),
        ("editor", ("release", "ru"), {"revision": 99}, 400, "has no revision 99"),
        ("editor", ("release", "ru"), {"revision": "two"}, 400, "A valid integer is required."),
    ],
)
def test_a_download_that_cannot_be_made_is_a_problem(release, who, where, query, status, message):
    release_id, language = where
    release_id = release.pk if release_id == "release" else release_id
    for fmt in ("po", "xliff"):
        response = client_of(who).get(files_url(release_id, language, fmt), query)
        assert response.status_code == status and response["Content-Type"] == PROBLEM
        assert message in response.json()["detail"]


# --- release files: upload -------------------------------------------------------------------


def test_a_translator_uploads_a_po_file_and_gets_the_commands_report_as_json(release):
    keys = segment_keys(release)
    data = edit_po(release_file_export(release, "ru", "po"), {keys[1]: "Изменённый перевод"})
    head = release.head_number
    response = client_of("translator-ru").post(
        files_url(release.pk, "ru"), upload(data, "ru.po"), format="multipart"
    )
    assert response.status_code == 200, response.content
    report = response.json()
    assert report["counts"] == {
        "updated": 1,
        "confirmed": 0,
        "unchanged": report["counts"]["unchanged"],
        "skipped": 0,
        "conflicts": 0,
    }
    assert report["counts"]["unchanged"] > 0
    assert (report["release"], report["slug"], report["language"]) == (
        release.pk,
        release.slug,
        "ru",
    )
    assert (report["base"], report["head"], report["revision"]) == (head, head, head + 1)
    (updated,) = report["updated"]
    assert (updated["key"], updated["label"], updated["code"]) == (
        keys[1],
        "segment 2",
        "submitted",
    )
    assert updated["reason"] == "submitted for review"
    assert report["lines"][0].startswith(f"{release.slug} (ru), file based on revision {head}")
    assert report["lines"][-1] == f"Recorded as revision {head + 1}."
    row = UnitStatus.objects.get(release=release, language="ru", key=keys[1])
    assert (row.state, row.revision_number) == (UnitState.NEEDS_REVIEW, head + 1)


def test_an_xliff_upload_reports_conflicts_and_keeps_the_servers_text(release):
    keys = segment_keys(release)
    data = release_file_export(release, "ja", "xliff")
    server_edit(release, {(0, "ja"): "サーバーの訳"})
    from tests.translations.test_exchange_po import _edited

    data = _edited(data, "xliff", {keys[0]: "ファイルの訳", keys[1]: "ファイルだけの訳"})
    response = client_of("translator-ja").post(
        files_url(release.pk, "ja"), upload(data, "ja.xlf"), format="multipart"
    )
    assert response.status_code == 200, response.content
    report = response.json()
    assert [(c["key"], c["code"]) for c in report["conflicts"]] == [(keys[0], "changed")]
    assert report["counts"]["conflicts"] == 1 and report["counts"]["updated"] == 1
    release.refresh_from_db()
    assert release.segments.order_by("position")[0].text_ja == "サーバーの訳"


def test_a_dry_run_reports_and_writes_nothing(release):
    keys = segment_keys(release)
    data = edit_po(release_file_export(release, "ru", "po"), {keys[1]: "Изменённый перевод"})
    before = db_state(release)
    response = client_of("translator-ru").post(
        files_url(release.pk, "ru"), upload(data, "ru.po", dry_run="true"), format="multipart"
    )
    assert response.status_code == 200
    report = response.json()
    assert report["dry_run"] is True and report["counts"]["updated"] == 1
    assert report["revision"] is None and report["lines"][-1] == "Dry run: nothing was written."
    assert db_state(release) == before


def refusal_cases(release):
    keys = segment_keys(release)
    changed = edit_po(release_file_export(release, "ru", "po"), {keys[1]: "Изменённый перевод"})
    japanese = edit_po(release_file_export(release, "ja", "po"), {keys[1]: "変更"})
    other = another_release(release)
    return {
        "wrong language": ("translator-ja", release.pk, "ja", changed, {}, 400, "not in Japanese"),
        "a language not theirs": (
            "translator-ja",
            release.pk,
            "ru",
            changed,
            {},
            403,
            "You may not edit the Russian text.",
        ),
        "reviewer of another language": (
            "reviewer-ja",
            release.pk,
            "ru",
            changed,
            {},
            403,
            "You may not edit the Russian text.",
        ),
        "another release's url": (
            "translator-ru",
            other.pk,
            "ru",
            changed,
            {},
            400,
            "belongs to release",
        ),
        "unknown release": ("translator-ru", 999999, "ru", changed, {}, 404, "no release 999999"),
        "not a target": ("editor", release.pk, "en", changed, {}, 404, "not a target language"),
        "malformed": (
            "translator-ru",
            release.pk,
            "ru",
            b'msgid "a"\nbogus\n',
            {},
            400,
            "not a valid PO",
        ),
        "binary": ("translator-ru", release.pk, "ru", b"\x00\x01\x02", {}, 400, "NUL"),
        "latin-1": (
            "translator-ru",
            release.pk,
            "ru",
            'msgid "é"\nmsgstr "é"\n'.encode("latin-1"),
            {},
            400,
            "not UTF-8",
        ),
        "xliff named po": (
            "translator-ru",
            release.pk,
            "ru",
            changed,
            {"format": "xliff"},
            400,
            "XLIFF",
        ),
        "empty file": (
            "translator-ru",
            release.pk,
            "ru",
            b"",
            {},
            400,
            "The submitted file is empty.",
        ),
        "unknown format": (
            "translator-ru",
            release.pk,
            "ru",
            changed,
            {"format": "docx"},
            400,
            "valid choice",
        ),
        "japanese into russian": ("editor", release.pk, "ru", japanese, {}, 400, "not in Russian"),
    }


CASES = [
    "wrong language",
    "a language not theirs",
    "reviewer of another language",
    "another release's url",
    "unknown release",
    "not a target",
    "malformed",
    "binary",
    "latin-1",
    "xliff named po",
    "empty file",
    "unknown format",
    "japanese into russian",
]


@pytest.mark.parametrize("case", CASES)
def test_a_refused_upload_is_a_problem_and_writes_nothing(release, case):
    who, release_id, language, data, options, status, message = refusal_cases(release)[case]
    before = {
        pk: db_state(Release.objects.get(pk=pk))
        for pk in Release.objects.values_list("pk", flat=True)
    }
    response = client_of(who).post(
        files_url(release_id, language), upload(data, "file.po", **options), format="multipart"
    )
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    assert message in response.json()["detail"]
    after = {
        pk: db_state(Release.objects.get(pk=pk))
        for pk in Release.objects.values_list("pk", flat=True)
    }
    assert after == before


def test_an_upload_without_a_file_is_a_problem(release):
    before = db_state(release)
    response = client_of("translator-ru").post(files_url(release.pk, "ru"), {}, format="multipart")
    assert response.status_code == 400 and "file" in response.json()["errors"]
    assert db_state(release) == before


def test_strict_refuses_a_file_with_a_conflict_and_writes_nothing(release):
    keys = segment_keys(release)
    data = release_file_export(release, "ru", "po")
    server_edit(release, {(0, "ru"): "Серверный перевод"})
    data = edit_po(data, {keys[0]: "Перевод из файла", keys[1]: "Другой перевод"})
    before = db_state(release)
    response = client_of("translator-ru").post(
        files_url(release.pk, "ru"), upload(data, strict="true"), format="multipart"
    )
    assert response.status_code == 400 and "strict" in response.json()["detail"]
    assert db_state(release) == before


def test_an_upload_over_the_limit_is_refused_before_it_is_read(release, monkeypatch):
    from translations import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 10)
    data = release_file_export(release, "ru", "po")
    before = db_state(release)
    response = client_of("translator-ru").post(
        files_url(release.pk, "ru"), upload(data), format="multipart"
    )
    assert response.status_code == 413 and response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "too_large" and "20 MB" in response.json()["detail"]
    assert db_state(release) == before


# --- the glossary as a file ------------------------------------------------------------------


@pytest.fixture
def glossary(users):
    glossary_with(
        ("peace-treaty", {"en": "peace treaty", "ja": "平和条約", "ru": "мирный договор"}),
        ("summit", {"en": "summit meeting", "ja": "首脳会談", "ru": "встреча на высшем уровне"}),
    )
    PendingRecheck.objects.all().delete()
    return users


def glossary_state():
    return (
        sorted(Concept.objects.values_list("identifier", "subject_field", "updated_at")),
        sorted(Term.objects.values_list("concept__identifier", "language", "text", "status")),
        GlossaryState.current(),
        PendingRecheck.objects.count(),
    )


@pytest.mark.parametrize(
    ("query", "fmt", "content_type", "name"),
    [
        ({}, "tbx", "application/x-tbx+xml", "glossary.tbx"),
        ({"format": "tbx2008"}, "tbx2008", "application/x-tbx+xml", "glossary-tbx2008.tbx"),
        ({"format": "csv"}, "csv", "text/csv; charset=utf-8", "glossary.csv"),
        ({"format": "po", "language": "ru"}, "po", "text/x-gettext-translation", "glossary.ru.po"),
    ],
)
def test_whoever_reads_the_glossary_downloads_it_as_the_command_writes_it(
    glossary, query, fmt, content_type, name
):
    response = client_of("translator-ja").get(GLOSSARY_FILE, query)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.content == glossary_file_export(fmt, language=query.get("language"))
    options = ["--lang", "ru"] if fmt == "po" else []
    assert response.content.decode() == run("export_glossary", "--format", fmt, *options)


def test_a_csv_for_excel_starts_with_a_byte_order_mark(glossary):
    response = client_of("editor").get(GLOSSARY_FILE, {"format": "csv", "excel": "true"})
    assert response.content.startswith("\ufeff".encode())


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"format": "po"}, 400, "A PO glossary needs its target language."),
        ({"format": "po", "language": "en"}, 400, "valid choice"),
        ({"format": "docx"}, 400, "valid choice"),
    ],
)
def test_a_glossary_download_that_cannot_be_made_is_a_problem(glossary, query, status, message):
    response = client_of("editor").get(GLOSSARY_FILE, query)
    assert response.status_code == status and response["Content-Type"] == PROBLEM
    assert message in response.json()["detail"]


def test_a_staff_user_without_the_glossary_may_not_download_it(glossary):
    nobody = get_user_model().objects.create_user("nobody", is_staff=True)
    response = api_client(nobody).get(GLOSSARY_FILE)
    assert (
        response.status_code == 403
        and response.json()["detail"] == "You may not read the glossary."
    )


CSV_HEADER = (
    "concept,subject_field,language,term,status,case_sensitive,part_of_speech,note,definition,"
    "concept_note\n"
)


def test_a_terminologist_uploads_a_csv_glossary_and_gets_the_commands_report(glossary, tmp_path):
    csv = (
        CSV_HEADER
        + "visa-free,travel,en,visa-free travel,preferred,false,,,,\n"
        + "visa-free,travel,ru,безвизовый режим,preferred,false,,,,\n"
        + "summit,,en,summit meeting,admitted,false,,,,\n"
    ).encode()
    response = client_of("terminologist").post(
        GLOSSARY_FILE, upload(csv, "glossary.csv"), format="multipart"
    )
    assert response.status_code == 200, response.content
    report = response.json()
    assert report["counts"] == {"created": 1, "updated": 1, "unchanged": 0}
    assert report["term_counts"] == {"added": 2, "changed": 1, "removed": 0, "kept": 0}
    assert report["created"] == ["visa-free"] and report["updated"] == ["summit"]
    assert report["terms"]["changed"] == [
        {
            "concept": "summit",
            "language": "en",
            "text": "summit meeting",
            "detail": "status preferred → admitted",
        }
    ]
    assert report["lines"][0].startswith("Glossary imported: 1 concept created, 1 updated")
    assert Concept.objects.get(identifier="visa-free").terms.count() == 2
    assert PendingRecheck.objects.exists()


def test_a_replacing_dry_run_reports_removals_and_writes_nothing(glossary):
    csv = (CSV_HEADER + "summit,,en,summit talks,preferred,false,,,,\n").encode()
    before = glossary_state()
    response = client_of("terminologist").post(
        GLOSSARY_FILE,
        upload(csv, "glossary.csv", dry_run="true", replace="true"),
        format="multipart",
    )
    assert response.status_code == 200
    report = response.json()
    assert report["dry_run"] is True and report["replace"] is True
    assert [(t["text"]) for t in report["terms"]["removed"]] == ["summit meeting"]
    assert report["lines"][-1] == "Dry run: nothing was written."
    assert glossary_state() == before


@pytest.mark.parametrize(
    ("who", "data", "name", "status", "message"),
    [
        ("editor", None, "glossary.csv", 403, "Only terminologists may change the glossary."),
        (
            "translator-ru",
            None,
            "glossary.csv",
            403,
            "Only terminologists may change the glossary.",
        ),
        (
            "terminologist",
            b'<tbx xmlns="urn:iso:std:iso:30042:ed-2"><oops></tbx>',
            "bad.tbx",
            400,
            "not well-formed XML",
        ),
        ("terminologist", b"\x00\x01", "glossary.txt", 400, "NUL character"),
        ("terminologist", b"", "glossary.tbx", 400, "The submitted file is empty."),
        (
            "terminologist",
            (CSV_HEADER + "a b,,en,x,preferred,false,,,,\n").encode(),
            "glossary.csv",
            400,
            "invalid concept identifier",
        ),
        (
            "terminologist",
            (CSV_HEADER + "x,,en,treaty,best,false,,,,\n").encode(),
            "glossary.csv",
            400,
            "unknown status 'best'",
        ),
    ],
)
def test_a_refused_glossary_upload_is_a_problem_and_writes_nothing(
    glossary, who, data, name, status, message
):
    data = data if data is not None else glossary_file_export("csv")
    before = glossary_state()
    response = client_of(who).post(GLOSSARY_FILE, upload(data, name), format="multipart")
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM and message in response.json()["detail"]
    assert glossary_state() == before


def test_a_glossary_upload_over_the_limit_is_refused_before_it_is_read(glossary, monkeypatch):
    from translations import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 10)
    before = glossary_state()
    response = client_of("terminologist").post(
        GLOSSARY_FILE, upload(glossary_file_export("csv"), "glossary.csv"), format="multipart"
    )
    assert response.status_code == 413 and "20 MB" in response.json()["detail"]
    assert glossary_state() == before


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/glossary/concepts/"),
        ("post", "/api/v1/glossary/concepts/"),
        ("get", "/api/v1/glossary/concepts/summit/"),
        ("get", GLOSSARY_FILE),
        ("post", GLOSSARY_FILE),
        ("post", "/api/v1/memory/lookup/"),
        ("get", "/api/v1/memory/concordance/"),
        ("get", "/api/v1/memory/tmx/"),
        ("post", "/api/v1/memory/tmx/"),
        ("get", "release/ru/po/"),
        ("get", "release/ru/xliff/"),
        ("post", "release/ru/"),
    ],
)
def test_anonymous_requests_are_asked_to_authenticate_and_write_nothing(
    release, glossary, method, path
):
    if path.startswith("release/"):
        path = files_url(release.pk, *path.split("/")[1:3])
    before = (db_state(release), glossary_state())
    response = getattr(api_client(), method)(path)
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == "Token"
    assert (db_state(release), glossary_state()) == before
