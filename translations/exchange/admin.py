"""Admin pages for release exchange files: PO/XLIFF download and upload under a release, and
the zip of a topic's releases built by Celery with its progress.

The views only check who may act and call the services; the services' refusals are shown as
they are, and nothing is written then. URL names (all under ``admin:``):
``translations_release_po_export`` / ``translations_release_xliff_export`` (release id,
language), ``translations_release_file_import``, ``translations_topic_export``,
``translations_export_job``, ``translations_export_job_json``,
``translations_export_job_download``."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages
from records.models import Release, Topic
from records.permissions import editable_languages
from records.services import ActionNotAllowed, ReleaseContentError, RevisionConflict
from translations.checks.admin import ReleaseTermFindingsAdmin
from translations.exchange import bulk as exchange_bulk
from translations.exchange.imports import release_file_import
from translations.exchange.services import (
    FORMATS,
    exchange_format_for,
    language_check,
    release_file_export,
    release_file_name,
)
from translations.exchange.units import ExchangeFileError
from translations.glossary.admin_files import (
    admin_view,
    exchange_page,
    file_attachment,
)
from translations.uploads import UploadError, upload_read

REFUSALS = (UploadError, ActionNotAllowed, ReleaseContentError, RevisionConflict)


class ReleaseFileForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("PO or XLIFF file"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: report what would change, write nothing"), required=False
    )
    strict = forms.BooleanField(
        label=gettext_lazy("Strict: refuse the whole file if any entry conflicts"),
        required=False,
    )


class TopicExportForm(forms.Form):
    topic = forms.ModelChoiceField(Topic.objects.all(), label=gettext_lazy("Topic"))
    lang = forms.ChoiceField(label=gettext_lazy("Language"), choices=languages.choices)
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=[("po", "PO"), ("xliff", "XLIFF 1.2")]
    )


def _may_edit(request, language):
    if language not in editable_languages(request.user):
        raise PermissionDenied


def _release(release_id, language):
    release = get_object_or_404(Release.objects.select_related("topic"), pk=release_id)
    try:
        language_check(release, language)
    except ExchangeFileError:
        raise Http404 from None
    return release


def release_file_download(admin, request, release_id, language, fmt):
    _may_edit(request, language)
    release = _release(release_id, language)
    revision = request.GET.get("revision")
    revision = int(revision) if revision and revision.isdigit() else None
    try:
        data = release_file_export(release, language, fmt, revision)
    except (ExchangeFileError, ReleaseContentError) as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    name = release_file_name(release, language, revision, fmt)
    return file_attachment(data, FORMATS[fmt].content_type, name)


def release_file_upload(admin, request, release_id, language):
    _may_edit(request, language)
    release = _release(release_id, language)
    form = ReleaseFileForm(request.POST or None, request.FILES or None)
    report = error = None
    if request.method == "POST" and form.is_valid():
        try:
            name, data = upload_read(form)
            fmt = exchange_format_for(name)
            report = release_file_import(
                data,
                fmt,
                author=request.user,
                dry_run=form.cleaned_data["dry_run"],
                strict=form.cleaned_data["strict"],
                release=release,
                language=language,
            )
        except REFUSALS as refusal:
            error = str(refusal)
    title = _("Upload a translated file: %(release)s (%(language)s)") % {
        "release": release,
        "language": languages.name_in_sentence(language),
    }
    return exchange_page(
        request,
        admin,
        "upload.html",
        title,
        form=form,
        error=error,
        report=report.lines() if report else None,
        status=400 if error else 200,
        links=_release_downloads(release, language),
        crumbs=_release_crumbs(release),
    )


def _release_crumbs(release):
    opts = release._meta
    return [
        (
            reverse("admin:app_list", kwargs={"app_label": opts.app_label}),
            opts.app_config.verbose_name,
        ),
        (reverse("admin:records_release_changelist"), capfirst(opts.verbose_name_plural)),
        (reverse("admin:records_release_change", args=[release.pk]), str(release)),
    ]


def _release_downloads(release, language):
    return [
        (reverse(f"admin:translations_release_{fmt}_export", args=[release.pk, language]), label)
        for fmt, label in (("po", _("Download PO")), ("xliff", _("Download XLIFF")))
    ]


def topic_export(admin, request):
    initial = {"topic": request.GET.get("topic"), "lang": request.GET.get("lang")}
    form = TopicExportForm(request.POST or None, initial=initial)
    error = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = exchange_bulk.topic_zip_start(
                data["topic"], data["lang"], data["format"], request.user
            )
        except REFUSALS as refusal:
            error = str(refusal)
        else:
            return redirect("admin:translations_export_job", job)
    return exchange_page(
        request,
        admin,
        "upload.html",
        _("Export a topic as a zip"),
        form=form,
        error=error,
        status=400 if error else 200,
        multipart=False,
    )


def _job(request, job_id):
    job = exchange_bulk.job_status(job_id)
    if job is None or job["user"] != request.user.pk:
        raise Http404
    return job


def _job_json(job):
    ready = exchange_bulk.job_file(job) is not None
    return {
        "state": job["state"],
        "done": job["done"],
        "total": job["total"],
        "error": job["error"],
        "download": reverse("admin:translations_export_job_download", args=[job["id"]])
        if ready
        else None,
    }


def export_job(admin, request, job_id):
    job = _job(request, job_id)
    return exchange_page(
        request,
        admin,
        "job.html",
        _("Zip of %(topic)s (%(language)s)")
        % {"topic": job["topic_name"], "language": languages.name_in_sentence(job["language"])},
        job=_job_json(job),
        status_url=reverse("admin:translations_export_job_json", args=[job_id]),
    )


def export_job_json(admin, request, job_id):
    return JsonResponse(_job_json(_job(request, job_id)))


def export_job_download(admin, request, job_id):
    job = _job(request, job_id)
    file = exchange_bulk.job_file(job)
    if file is None:
        raise Http404
    name = f"{job['topic_name']}.{job['language']}.{job['format']}.zip".replace('"', "")
    return FileResponse(file.open("rb"), as_attachment=True, filename=name)


def _download(fmt):
    def download(admin, request, release_id, language):
        return release_file_download(admin, request, release_id, language, fmt)

    return download


def release_urls(admin):
    """Return the release exchange URLs (and the topic zip's), for a release-based admin."""
    return [
        path(
            f"<int:release_id>/{fmt}/<str:language>/",
            admin_view(admin, _download(fmt)),
            name=f"translations_release_{fmt}_export",
        )
        for fmt in FORMATS
    ] + [
        path(
            "<int:release_id>/upload/<str:language>/",
            admin_view(admin, release_file_upload),
            name="translations_release_file_import",
        ),
        path("topic-export/", admin_view(admin, topic_export), name="translations_topic_export"),
        path("jobs/<str:job_id>/", admin_view(admin, export_job), name="translations_export_job"),
        path(
            "jobs/<str:job_id>/status.json",
            admin_view(admin, export_job_json),
            name="translations_export_job_json",
        ),
        path(
            "jobs/<str:job_id>/download/",
            admin_view(admin, export_job_download),
            name="translations_export_job_download",
        ),
    ]


def release_exchange_links(request, release):
    """Return the release page's links to its exchange files, per language the user edits."""
    editable = set(editable_languages(request.user))
    links = []
    for code in release.target_languages:
        if code not in editable:
            continue
        links += [
            (url, f"{label} ({code})", code) for url, label in _release_downloads(release, code)
        ]
        links.append(
            (
                reverse("admin:translations_release_file_import", args=[release.pk, code]),
                _("Upload PO/XLIFF (%(code)s)") % {"code": code},
                code,
            )
        )
        links.append(
            (
                f"{reverse('admin:translations_topic_export')}?topic={release.topic_id}&lang={code}",
                _("Zip of the topic (%(code)s)") % {"code": code},
                code,
            )
        )
    return links


ReleaseTermFindingsAdmin.url_providers.append(release_urls)
