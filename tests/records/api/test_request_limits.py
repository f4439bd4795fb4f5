"""Requests the API refuses whole: a body over the upload limit (413, before anything reads
it), and an error inside a view (500, without a trace of it in the answer)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from config import limits
from records.api.limits import MAX_BODY_BYTES
from records.models import Topic
from tests.helpers import api_client

from .writing_urls import WRITE_PATH

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def _topics():
    return list(Topic.objects.values_list("slug", flat=True).order_by("slug"))


@pytest.mark.urls("tests.records.api.writing_urls")
def test_a_body_over_the_limit_is_refused_before_anything_is_written(editor):
    client = api_client(editor)
    before = _topics()
    padding = "x" * (MAX_BODY_BYTES + 1)
    response = client.post(WRITE_PATH, {"slug": "too-big", "padding": padding}, format="json")
    assert response.status_code == 413 and response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == "too_large" and body["status"] == 413
    assert body["detail"] == f"The request is larger than {limits.MAX_UPLOAD_MB} MB."
    assert _topics() == before
    # The same endpoint writes what fits.
    response = client.post(WRITE_PATH, {"slug": "fits"}, format="json")
    assert response.status_code == 201
    assert _topics() == sorted([*before, "fits"])


@pytest.mark.urls("tests.records.api.writing_urls")
def test_a_file_of_the_full_upload_size_still_goes_through(editor):
    upload = SimpleUploadedFile("big.po", b"x" * limits.MAX_UPLOAD_BYTES)
    response = api_client(editor).post(WRITE_PATH, {"file": upload}, format="multipart")
    assert response.status_code == 201
    assert response.json()["slug"] == f"upload-{limits.MAX_UPLOAD_BYTES}"


def test_any_api_address_refuses_an_oversized_body_first(published):
    before = _topics()
    response = api_client().post(
        f"/api/v1/published/en/releases/{published['release'].slug}/",
        b"x" * (MAX_BODY_BYTES + 1),
        content_type="application/octet-stream",
    )
    assert response.status_code == 413 and response["Content-Type"] == PROBLEM
    assert _topics() == before
    # Pages outside the API keep Django's own limits.
    page = api_client().post("/en/", b"x" * (MAX_BODY_BYTES + 1), content_type="text/plain")
    assert page.status_code != 413


def test_an_error_inside_a_view_is_a_500_problem_without_its_trace(published, monkeypatch, caplog):
    from records.api.readers import views

    def broken(*args, **kwargs):
        raise RuntimeError("secret state in /srv/concord/records/reader/selectors.py line 42")

    monkeypatch.setattr(views, "latest_pages", broken)
    response = api_client().get("/api/v1/published/en/releases/")
    assert response.status_code == 500 and response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == "server_error" and body["status"] == 500
    text = response.content.decode()
    for leak in ("Traceback", "RuntimeError", "secret", ".py", "line 42", "selectors"):
        assert leak not in text, leak
    # The operator still has the whole of it in the log.
    assert "secret state" in caplog.text and "RuntimeError" in caplog.text
