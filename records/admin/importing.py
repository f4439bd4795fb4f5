"""The admin's "Import release" page: paste or upload a release text, see what it gives
(structure, numbers, photos, date, title, doubtful lines; or, for another language of an
existing release, the alignment), then commit it through the import services."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from config import languages
from config.limits import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB

from .. import permissions
from ..alignment import Proposal, choice_options, choice_value, proposed_values
from ..models import Release
from ..previews import parsed_preview
from ..segmenter import SegmenterError, parse_release_text
from ..services import (
    ActionNotAllowed,
    AlignmentError,
    ReleaseContentError,
    RevisionConflict,
    release_import_language,
    release_import_target,
    release_import_text,
)

PREVIEW = "preview"
COMMIT = "commit"
# Show the texts an editor's pairing gives, writing nothing.
PAIRING = "pairing"
TOO_LARGE = gettext_lazy("the file is larger than %(max)s MB")
NO_TEXT = gettext_lazy("upload a file or paste the release text")
NEEDS_SOURCE = gettext_lazy(
    "a new release in %(language)s needs “written in this language” (it is the original), "
    "or choose the existing release this text belongs to"
)
MAY_NOT_CREATE = gettext_lazy("you may not create releases; choose an existing release")


class ReleaseChoiceField(forms.ModelChoiceField):
    """Releases by title, date and slug: two of the same title are told apart."""

    def label_from_instance(self, obj):
        return obj.label


class ReleaseImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("file"), required=False)
    text = forms.CharField(
        label=gettext_lazy("or paste the text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
    )
    language = forms.ChoiceField(label=gettext_lazy("language"), choices=())
    release = ReleaseChoiceField(
        label=gettext_lazy("existing release"),
        queryset=Release.objects.order_by("-date", "slug"),
        required=False,
        to_field_name="slug",
        help_text=gettext_lazy("leave empty to create a new release"),
    )
    source = forms.BooleanField(
        label=gettext_lazy("a new release written in this language (its original)"),
        required=False,
    )
    topic = forms.CharField(
        label=gettext_lazy("topic (slug or name)"),
        required=False,
        help_text=gettext_lazy(
            "instead of the file's breadcrumb; a file without one goes to the default topic"
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        editable = permissions.editable_languages(user)
        self.fields["language"].choices = [
            (code, name) for code, name in languages.choices() if code in editable
        ]
        self.user = user

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(TOO_LARGE % {"max": MAX_UPLOAD_MB})
            cleaned["data"] = upload.read()
        elif cleaned.get("text", "").strip():
            cleaned["data"] = cleaned["text"]
        else:
            raise forms.ValidationError(NO_TEXT)
        release, language = cleaned.get("release"), cleaned.get("language")
        if release is None and language:
            if not permissions.can_edit_structure(self.user):
                raise forms.ValidationError(MAY_NOT_CREATE)
            if language != languages.DEFAULT_SOURCE and not cleaned.get("source"):
                raise forms.ValidationError(
                    NEEDS_SOURCE % {"language": languages.name_in_sentence(language)}
                )
        return cleaned


class ReleaseImportView(View):
    """Preview a release text, then import it (as a new release, or into an existing one)."""

    model_admin = None
    template_name = "admin/records/release/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.editable_languages(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        initial = {"language": languages.DEFAULT_SOURCE, "release": request.GET.get("release")}
        return self.render(ReleaseImportForm(initial=initial, user=request.user))

    def post(self, request):
        form = ReleaseImportForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render(form)
        cleaned = form.cleaned_data
        language, release = cleaned["language"], cleaned["release"]
        data = cleaned["data"]
        text = data if isinstance(data, str) else data.decode("utf-8", errors="replace")
        try:
            parsed = parse_release_text(data, language)
            if release is not None and language != release.source_language:
                alignment, result = release_import_language(
                    parsed,
                    language=language,
                    into=release.slug,
                    author=request.user,
                    dry_run=request.POST.get("action") != COMMIT,
                    **pairing_posted(request.POST),
                )
                if result is None:
                    return self.render(form, text=text, parsed=parsed, alignment=alignment)
                for note in alignment.notes:
                    messages.info(request, note)
            elif request.POST.get("action") != COMMIT:
                target = release_import_target(
                    parsed,
                    source=release.source_language if release else language,
                    topic=cleaned["topic"] or None,
                    into=release.slug if release else None,
                )
                return self.render(form, text=text, parsed=parsed, target=target)
            else:
                result = release_import_text(
                    parsed,
                    author=request.user,
                    into=release.slug if release else None,
                    source=release.source_language if release else language,
                    topic=cleaned["topic"] or None,
                )
        except SegmenterError as error:
            form.add_error(None, str(error))
            return self.render(form, text=text)
        except AlignmentError as error:
            form.add_error(None, str(error))
            return self.render(form, text=text, parsed=parsed, alignment=error.alignment)
        except (ReleaseContentError, ActionNotAllowed, RevisionConflict) as error:
            form.add_error(None, str(error))
            return self.render(form, text=text, parsed=parsed)
        for note in result.notes:
            messages.info(request, note)
        if result.revision is None:
            messages.info(request, _("Nothing changed: no revision was written."))
        else:
            messages.success(
                request,
                _("Imported: release “%(slug)s”, revision %(n)s.")
                % {"slug": result.release.slug, "n": result.revision.number},
            )
        return HttpResponseRedirect(
            reverse("admin:records_release_change", args=[result.release.pk])
        )

    def render(self, form, text="", parsed=None, alignment=None, target=None):
        if isinstance(alignment, Proposal):
            return self.render_proposal(form, text, parsed, alignment)
        request = self.request
        language = form.data.get("language") or languages.DEFAULT_SOURCE
        context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.opts,
            "title": _("Import release"),
            "subtitle": None,
            "form": form,
            "text": text,
            "preview": parsed_preview(parsed, language) if parsed is not None else None,
            "alignment": alignment,
            # Where the text would go: the topic (existing or new) and the release's slug.
            "target": target,
            "can_commit": parsed is not None
            and (alignment is None or alignment.ok)
            and not (target and target.refusal),
        }
        return TemplateResponse(request, self.template_name, context)

    def render_proposal(self, form, text, parsed, proposal):
        """Show the proposal side by side, each unit with a choice of what it takes."""
        response = self.render(form, text=text, parsed=parsed)
        pairs = {number: pair for pair in proposal.pairs for number in pair.units}
        proposed = proposed_values(proposal)
        rows = []
        for row in proposal.segments:
            value = choice_value(row.pieces)
            rows.append(
                {
                    "row": row,
                    "pair": pairs[row.number],
                    "value": value,
                    "proposed": proposed[row.number],
                    "changed": value != proposed[row.number],
                }
            )
        response.context_data.update(
            {
                "proposal": proposal,
                "proposal_rows": rows,
                "proposal_options": choice_options(proposal.blocks),
                "left_out": [
                    proposal.block(index)
                    for pair in proposal.pairs
                    if pair.kind == "0:1"
                    for index in pair.blocks
                ],
                "can_commit": proposal.ok,
            }
        )
        return response


def pairing_posted(data):
    """Return the pairing an editor confirmed (or asked to see the texts of) on the proposal
    (``unit-N`` fields and the revision it was made on), as arguments of
    ``release_import_language``; {} for none."""
    if data.get("action") not in (COMMIT, PAIRING) or "proposal_head" not in data:
        return {}
    try:
        head = int(data["proposal_head"])
    except ValueError:
        head = -1
    pairing = {}
    for name, value in data.items():
        if name.startswith("unit-"):
            number = name.removeprefix("unit-")
            pairing[int(number) if number.isdigit() else -1] = value
    return {"pairing": pairing, "expected_head": head}
