"""Admin pages for exchange files: downloads, uploads with reports and refusals, topic zips."""

import io
import zipfile

import polib
import pytest
from django.urls import reverse

from records.models import Revision
from tests.scenarios import glossary_with
from translations.exchange.services import release_file_export
from translations.models import Concept
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

pytestmark = pytest.mark.django_db


@pytest.fixture
def release(in_progress):
    return in_progress["release"]


def login(client, name):
    client.login(username=name, password="test-password-123")
    return client


def export_url(release, language, fmt="po"):
    return reverse(f"admin:translations_release_{fmt}_export", args=[release.pk, language])


def upload_url(release, language):
    return reverse("admin:translations_release_file_import", args=[release.pk, language])


@pytest.mark.parametrize("fmt", ["po", "xliff"])
def test_translator_downloads_their_language(client, release, fmt):
    login(client, "translator-ru")
    response = client.get(export_url(release, "ru", fmt))
    assert response.status_code == 200
    assert response.content == release_file_export(release, "ru", fmt)
    assert f"{release.slug}.r{release.head_number}.ru" in response["Content-Disposition"]
    assert client.get(export_url(release, "ja", fmt)).status_code == 403


def test_release_page_links_to_exchange_files(client, release):
    login(client, "editor")
    page = client.get(reverse("admin:records_release_change", args=[release.pk]))
    content = page.content.decode()
    for code in ("ja", "ru"):
        assert export_url(release, code) in content
        assert upload_url(release, code) in content


def test_upload_creates_revision_with_changed_units_for_review(client, release):
    login(client, "translator-ru")
    data = release_file_export(release, "ru", "po")
    po = polib.pofile(data.decode())
    entry = po[3]
    entry.msgstr = "Изменённый перевод"
    entry.flags = []
    head = release.head_number
    upload = io.BytesIO(str(po).encode())
    upload.name = "ru.po"
    response = client.post(upload_url(release, "ru"), {"file": upload})
    assert response.status_code == 200
    assert "1 updated" in response.content.decode()
    release.refresh_from_db()
    assert release.head_number == head + 1
    waiting = UnitStatus.objects.filter(
        release=release, language="ru", state=UnitState.NEEDS_REVIEW, revision_number=head + 1
    ).values_list("key", flat=True)
    assert list(waiting) == [entry.msgctxt]


@pytest.mark.parametrize(
    ("case", "message"),
    [("ja file", "not in Russian"), ("binary", "NUL"), ("latin-1", "not UTF-8")],
)
def test_upload_refusals_show_error_and_write_nothing(client, release, case, message):
    login(client, "translator-ru")
    data = {
        "ja file": release_file_export(release, "ja", "po"),
        "binary": b"\x00\x01\x02",
        "latin-1": 'msgid "é"\nmsgstr "é"\n'.encode("latin-1"),
    }[case]
    upload = io.BytesIO(data)
    upload.name = "file.po"
    revisions = Revision.objects.count()
    response = client.post(upload_url(release, "ru"), {"file": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Revision.objects.count() == revisions


def test_upload_over_the_limit_is_refused_before_reading(client, release, monkeypatch):
    from translations.exchange import units

    monkeypatch.setattr(units, "MAX_UPLOAD_BYTES", 10)
    login(client, "translator-ru")
    upload = io.BytesIO(release_file_export(release, "ru", "po"))
    upload.name = "ru.po"
    revisions = Revision.objects.count()
    response = client.post(upload_url(release, "ru"), {"file": upload})
    assert response.status_code == 400 and "20 MB" in response.content.decode()
    assert Revision.objects.count() == revisions


def test_glossary_download_and_upload(client, release, data_dir):
    glossary_with(
        ("peace-treaty", {"en": "peace treaty", "ja": "平和条約", "ru": "мирный договор"}),
        (
            "tor",
            {"en": "TOR", "ja": "先行発展地域", "ru": ["ТОР", "территории опережающего развития"]},
        ),
    )
    login(client, "terminologist")
    changelist = client.get(reverse("admin:translations_concept_changelist")).content.decode()
    assert reverse("admin:translations_glossary_import") in changelist
    tbx = client.get(reverse("admin:translations_glossary_export") + "?format=tbx")
    assert tbx.status_code == 200 and b"<tbx" in tbx.content
    po = client.get(reverse("admin:translations_glossary_export") + "?format=po&lang=ru")
    assert po.status_code == 200 and b'"Language: ru\\n"' in po.content
    upload = io.BytesIO((data_dir / "tbx" / "iate-2008.tbx").read_bytes())
    upload.name = "iate.tbx"
    response = client.post(reverse("admin:translations_glossary_import"), {"file": upload})
    assert response.status_code == 200
    page = response.content.decode()
    # IATE's TOR entry updates the concept that holds "TOR"; its other terms stay.
    assert "1 concept created, 1 updated" in page
    assert "IATE-3542113 → tor" in page
    assert Concept.objects.filter(identifier="IATE-887").exists()
    assert not Concept.objects.filter(identifier="IATE-3542113").exists()
    assert Concept.objects.get(identifier="tor").terms.filter(language="ru").count() >= 2
    bad = io.BytesIO(b'<tbx xmlns="urn:iso:std:iso:30042:ed-2"><oops></tbx>')
    bad.name = "bad.tbx"
    count = Concept.objects.count()
    response = client.post(reverse("admin:translations_glossary_import"), {"file": bad})
    assert response.status_code == 400
    assert "not well-formed XML" in response.content.decode()
    assert Concept.objects.count() == count


def test_glossary_upload_needs_terminologist(client, release):
    login(client, "translator-ru")
    assert client.get(reverse("admin:translations_glossary_import")).status_code == 403


def test_topic_zip_with_progress(
    client, release, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.EXCHANGE_EXPORT_DIR = tmp_path
    login(client, "translator-ja")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:translations_topic_export"),
            {"topic": release.topic_id, "lang": "ja", "format": "po"},
        )
    assert response.status_code == 302
    job_url = response["Location"]
    page = client.get(job_url)
    assert page.status_code == 200 and b"<progress" in page.content
    job_id = job_url.rstrip("/").rsplit("/", 1)[1]
    status = client.get(reverse("admin:translations_export_job_json", args=[job_id])).json()
    assert status["state"] == "done" and status["done"] == status["total"] == 1
    download = client.get(status["download"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert archive.namelist() == [f"{release.slug}.r{release.head_number}.ja.po"]
    assert archive.read(archive.namelist()[0]) == release_file_export(release, "ja", "po")
    # Only the user who asked sees the job.
    login(client, "translator-ru")
    assert client.get(job_url).status_code == 404


def test_topic_zip_refuses_a_language_the_user_may_not_edit(client, release):
    login(client, "translator-ja")
    response = client.post(
        reverse("admin:translations_topic_export"),
        {"topic": release.topic_id, "lang": "ru", "format": "po"},
    )
    assert response.status_code == 400 and "may not export" in response.content.decode()


def test_zip_task_is_idempotent(release, users, settings, tmp_path):
    from translations.exchange import bulk as exchange_bulk
    from translations.exchange.tasks import topic_export_zip

    settings.EXCHANGE_EXPORT_DIR = tmp_path
    job_id = exchange_bulk.topic_zip_start(release.topic, "ru", "xliff", users["translator-ru"])
    first = topic_export_zip(job_id)
    path = tmp_path / first["file"]
    stamp = path.stat().st_mtime_ns
    again = topic_export_zip(job_id)
    assert again == first and path.stat().st_mtime_ns == stamp
    assert topic_export_zip("no-such-job") == {"job": "no-such-job", "skipped": "no such job"}


def test_forms_render(client, release):
    login(client, "translator-ja")
    page = client.get(upload_url(release, "ja"))
    assert page.status_code == 200 and b'enctype="multipart/form-data"' in page.content
    assert export_url(release, "ja", "xliff").encode() in page.content
    assert client.get(upload_url(release, "ru")).status_code == 403
    page = client.get(
        reverse("admin:translations_topic_export") + f"?topic={release.topic_id}&lang=ja"
    )
    assert page.status_code == 200 and b"<select" in page.content


def test_job_ids_name_only_job_files(settings, tmp_path):
    from translations.exchange import bulk as exchange_bulk

    settings.EXCHANGE_EXPORT_DIR = tmp_path
    (tmp_path.parent / "secret.json").write_text('{"state": "done"}')
    assert exchange_bulk.job_status("../secret") is None
    assert exchange_bulk.job_status("0" * 32) is None
