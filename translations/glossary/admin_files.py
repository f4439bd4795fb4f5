"""Glossary download (TBX v3 and 2008, CSV, PO) and upload (TBX, CSV) pages under the concept
admin, and the admin helpers the exchange pages share (page, attachment, view wrapping).

The views only check who may act and call the services; the services' refusals are shown as
they are, and nothing is written then. URL names (under ``admin:``):
``translations_glossary_export`` and ``translations_glossary_import``."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages
from translations.glossary.files import GlossaryFormatError, glossary_iter
from translations.glossary.services import (
    GLOSSARY_FILES,
    GlossaryImportError,
    glossary_file_export,
    glossary_import,
)
from translations.uploads import UploadError, upload_read


class GlossaryFileForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("TBX or CSV file"))
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: report what would change, write nothing"), required=False
    )
    replace = forms.BooleanField(
        label=gettext_lazy(
            "Replace: remove a concept's terms in the file's languages that the file does not "
            "hold (otherwise they are kept)"
        ),
        required=False,
    )


def exchange_page(request, admin, template, title, status=200, crumbs=None, **context):
    """Answer with a file page in the admin's look; its breadcrumbs lead through ``crumbs``
    (``[(url, label)]``; by default the admin's application and list)."""
    opts = admin.opts
    if crumbs is None:
        crumbs = [
            (
                reverse("admin:app_list", kwargs={"app_label": opts.app_label}),
                opts.app_config.verbose_name,
            ),
            (
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
                capfirst(opts.verbose_name_plural),
            ),
        ]
    return TemplateResponse(
        request,
        f"admin/translations/exchange/{template}",
        {
            **admin.admin_site.each_context(request),
            "opts": opts,
            "title": title,
            "crumbs": crumbs,
            **context,
        },
        status=status,
    )


def file_attachment(data, content_type, name):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def glossary_download(admin, request):
    if not request.user.has_perm("translations.view_concept"):
        raise PermissionDenied
    fmt = request.GET.get("format", "tbx")
    language = request.GET.get("lang")
    if fmt not in GLOSSARY_FILES or (fmt == "po" and language not in languages.targets()):
        raise Http404
    try:
        data = glossary_file_export(fmt, language=language, excel=request.GET.get("excel") == "1")
    except GlossaryFormatError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    content_type, name = GLOSSARY_FILES[fmt]
    return file_attachment(data, content_type, name.format(language=language))


def glossary_upload(admin, request):
    if not (
        request.user.has_perm("translations.add_concept")
        and request.user.has_perm("translations.change_concept")
    ):
        raise PermissionDenied
    form = GlossaryFileForm(request.POST or None, request.FILES or None)
    report = error = None
    if request.method == "POST" and form.is_valid():
        try:
            name, data = upload_read(form)
            report = glossary_import(
                glossary_iter(data, name),
                replace_terms=form.cleaned_data["replace"],
                dry_run=form.cleaned_data["dry_run"],
            ).lines()
        except (UploadError, GlossaryFormatError, GlossaryImportError) as refusal:
            error = str(refusal)
    return exchange_page(
        request,
        admin,
        "upload.html",
        _("Upload a glossary"),
        form=form,
        error=error,
        report=report,
        status=400 if error else 200,
        links=_glossary_downloads(),
    )


def _glossary_downloads():
    url = reverse("admin:translations_glossary_export")
    links = [
        (f"{url}?format=tbx", _("Download TBX")),
        (f"{url}?format=tbx2008", _("Download TBX 2008")),
        (f"{url}?format=csv", _("Download CSV")),
        (f"{url}?format=csv&excel=1", _("Download CSV for Excel")),
    ]
    links += [
        (f"{url}?format=po&lang={code}", _("Download PO (%(code)s)") % {"code": code})
        for code in languages.targets()
    ]
    return links


def admin_view(admin, function):
    def view(request, *args, **kwargs):
        return function(admin, request, *args, **kwargs)

    return admin.admin_site.admin_view(view)


def glossary_urls(admin):
    """Return the glossary download and upload URLs, for the concept admin."""
    return [
        path("export/", admin_view(admin, glossary_download), name="translations_glossary_export"),
        path("import/", admin_view(admin, glossary_upload), name="translations_glossary_import"),
    ]
