"""The release admin's own pages: history, compare, restore, publish, and conflict choices."""

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views import View

from config import languages

from .. import permissions
from ..dashboard import release_cells, release_schedules, with_publication_state
from ..diff import UNCHANGED, diff_revisions_all
from ..extensions import registry
from ..models import REVISION_NUMBER_MAX, Release, RevisionChange, Segment
from ..revisions.history import KINDS
from ..selectors import (
    RevisionMissing,
    history_filters,
    history_groups,
    release_history_runs,
    revision_pair,
)
from ..services import (
    MINE,
    THEIRS,
    ActionNotAllowed,
    MergeConflict,
    PublicationError,
    ReleaseContentError,
    release_publish,
    release_write,
    revision_restore,
    revision_snapshot,
)
from .base import object_pk_or_404, revision_number
from .forms import conflict_label

HISTORY_PAGE_SIZE = 50
# Signs the pending write a conflict page carries, so it comes back as it was sent.
PENDING_SALT = "records.admin.pending-write"


class ReleaseAdminView(View):
    """A page of one release inside the admin; ``model_admin`` is the ReleaseAdmin."""

    model_admin = None
    post_only = False

    def dispatch(self, request, object_id):
        self.release = get_object_or_404(
            Release.objects.select_related("topic"), pk=object_pk_or_404(Release, object_id)
        )
        if not self.model_admin.has_view_or_change_permission(request, self.release):
            raise PermissionDenied
        self.history_url = reverse("admin:records_release_history", args=[self.release.pk])
        if self.post_only and request.method != "POST":
            return HttpResponseRedirect(self.history_url)
        return super().dispatch(request, object_id)

    def context(self, title, **extra):
        request = self.request
        return {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.opts,
            "object": self.release,
            "title": title,
            "subtitle": None,
            "languages": languages.CODES,
            "can_publish": permissions.can_publish(request.user),
            "can_restore": permissions.can_restore(request.user),
            "release_links": registry.links_for(request, self.release),
            **extra,
        }


class HistoryView(ReleaseAdminView):
    def get(self, request, object_id):
        """List the release's revisions, filtered and paginated, one author's run of saves in
        one language as one line, in a constant number of queries."""
        filters = history_filters(request.GET)
        history = release_history_runs(self.release, **filters)
        paginator = self.model_admin.get_paginator(request, history.shown, HISTORY_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("p", 1))
        # The code, marked up with its language and its name in that language.
        labels = {
            code: format_html(
                '<abbr lang="{0}" title="{1}">{0}</abbr>',
                code,
                get_language_info(code)["name_local"],
            )
            for code in languages.CODES
        }
        groups = history_groups(self.release, history, page, filtered=any(filters.values()))
        for group in groups:
            for row in group["rows"]:
                for option in row["publish"]:
                    option["label"] = labels[option["code"]]
        context = self.context(
            _("History of %(release)s") % {"release": self.release},
            page=page,
            groups=groups,
            page_range=paginator.get_elided_page_range(page.number),
            filters=filters,
            query=urlencode({name: value for name, value in filters.items() if value}),
            authors=sorted({summary.author for summary in history.summaries if summary.author}),
            kinds=[(kind, RevisionChange._meta.get_field(kind).verbose_name) for kind in KINDS],
            compare={"a": max(self.release.head_number - 1, 1), "b": self.release.head_number},
            # The languages as the editor's dashboard shows them, to publish together.
            together=release_cells(
                with_publication_state(Release.objects.filter(pk=self.release.pk)),
                schedules=False,
            )[0],
            schedules=release_schedules(self.release),
            time_zone=timezone.get_current_timezone_name(),
            now=timezone.localtime(),
        )
        return TemplateResponse(request, "admin/records/release/history.html", context)


class CompareView(ReleaseAdminView):
    def get(self, request, object_id):
        """Compare two revisions of a release, one language at a time."""
        head = self.release.head_number
        numbers = {"a": max(head - 1, 1), "b": head}
        for name in numbers:
            if name not in request.GET:
                continue
            value = request.GET[name]
            numbers[name] = revision_number(value)
            if numbers[name] is None:
                messages.error(
                    request,
                    _(
                        "“%(value)s” is not a revision number: revision numbers are whole "
                        "numbers from 1 to %(max)s."
                    )
                    % {"value": Truncator(value).chars(40), "max": REVISION_NUMBER_MAX},
                )
                return HttpResponseRedirect(self.history_url)
        try:
            old, new = revision_pair(self.release, numbers["a"], numbers["b"])
        except RevisionMissing as missing:
            messages.error(request, str(missing))
            return HttpResponseRedirect(self.history_url)
        if old.number == new.number:
            messages.warning(
                request,
                _(
                    "Revision %(n)s compared with itself shows no change: choose two different "
                    "revisions."
                )
                % {"n": old.number},
            )
            return HttpResponseRedirect(self.history_url)
        if old.number > new.number:
            # Always older → newer: the diff says what was added and removed going forward.
            messages.info(
                request,
                _(
                    "Revision %(a)s is newer than revision %(b)s: shown here are the changes "
                    "from %(b)s to %(a)s."
                )
                % {"a": old.number, "b": new.number},
            )
            query = {"a": new.number, "b": old.number}
            if request.GET.get("lang"):
                query["lang"] = request.GET["lang"]
            return HttpResponseRedirect(f"{request.path}?{urlencode(query)}")
        diffs = diff_revisions_all(old.snapshot, new.snapshot, languages.CODES)
        language = request.GET.get("lang")
        if language not in diffs:
            # Open on the first language that changed, not on an English page saying "no
            # changes" when a translator's edit is what the editor came to see.
            changed = [code for code, diff in diffs.items() if diff.changed]
            language = (changed or list(languages.CODES))[0]
        diff = diffs[language]
        kinds = dict(Segment.Kind.choices)
        styles = dict(Segment.Style.choices)
        context = self.context(
            _("Revision %(a)s → %(b)s of %(release)s")
            % {"a": old.number, "b": new.number, "release": self.release},
            old=old,
            new=new,
            diff=diff,
            language=language,
            language_tabs=[
                {"code": code, "changed": diffs[code].changed} for code in languages.CODES
            ],
            metadata=[
                {"label": Release._meta.get_field(change.field).verbose_name, "change": change}
                for change in diff.metadata
            ],
            segments=[
                {
                    "change": change,
                    "kind": kinds.get(change.kind, change.kind),
                    "old_kind": kinds.get(change.old_kind, change.old_kind),
                    "style": styles.get(change.style, change.style),
                    "old_style": styles.get(change.old_style, change.old_style),
                }
                for change in diff.segments
                if change.status != UNCHANGED or change.moved
            ],
            photos=[change for change in diff.photos if change.status != UNCHANGED or change.moved],
        )
        return TemplateResponse(request, "admin/records/release/compare.html", context)


def conflict_response(request, model_admin, release, conflict, pending):
    """Render the conflicts of a refused write side by side, for the editor to choose.

    ``pending`` describes the write (``content``, ``based_on``, ``message``, ``kind``); it
    travels signed in the page and comes back to :class:`ResolveView` with the choices.
    """
    base = revision_snapshot(release, conflict.based_on)
    theirs = revision_snapshot(release, conflict.head)
    rows = [
        {
            "id": item.id,
            "label": conflict_label(item, base, theirs),
            "language": item.language,
            "base": _shown(item.base),
            "theirs": _shown(item.theirs),
            "mine": _shown(item.mine),
        }
        for item in conflict.conflicts
    ]
    view = ReleaseAdminView(model_admin=model_admin)
    view.request, view.release = request, release
    context = view.context(
        _("Conflicting changes in %(release)s") % {"release": release},
        conflict=conflict,
        rows=rows,
        pending=signing.dumps(pending, salt=PENDING_SALT, compress=True),
        MINE=MINE,
        THEIRS=THEIRS,
    )
    return TemplateResponse(request, "admin/records/release/conflicts.html", context, status=409)


def _shown(value):
    """Return a conflict value as an editor reads it."""
    if value is None:
        return _("(deleted)")
    if isinstance(value, dict):
        text = value.get("text") or value.get("caption")
        if isinstance(text, dict):
            return " / ".join(part for part in text.values() if part)
        return str(value)
    if isinstance(value, list):
        return ngettext(
            "%(count)s item in another order", "%(count)s items in another order", len(value)
        ) % {"count": len(value)}
    return str(value)


class ResolveView(ReleaseAdminView):
    """Save a refused write again with the editor's choice for each conflict."""

    post_only = True

    def post(self, request, object_id):
        try:
            pending = signing.loads(request.POST.get("pending", ""), salt=PENDING_SALT)
        except signing.BadSignature:
            messages.error(request, _("The conflict form was damaged; nothing was saved."))
            return HttpResponseRedirect(self.history_url)
        if pending.get("release") != self.release.pk:
            raise PermissionDenied
        choices = {
            name.removeprefix("choice:"): value
            for name, value in request.POST.items()
            if name.startswith("choice:") and value in (MINE, THEIRS)
        }
        try:
            if pending["kind"] == "restore":
                result = revision_restore(
                    self.release,
                    pending["number"],
                    author=request.user,
                    based_on=pending["based_on"],
                    resolutions=choices,
                )
            else:
                result = release_write(
                    pending["content"],
                    author=request.user,
                    message=pending["message"],
                    based_on=pending["based_on"],
                    release_id=self.release.pk,
                    resolutions=choices,
                )
        except MergeConflict as conflict:
            return conflict_response(request, self.model_admin, self.release, conflict, pending)
        except (ReleaseContentError, ActionNotAllowed) as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(self.history_url)
        saved_message(request, result)
        return HttpResponseRedirect(reverse("admin:records_release_change", args=[self.release.pk]))


def saved_message(request, result):
    """Tell the editor what a write did (and what it noticed)."""
    if result.revision is None:
        messages.info(request, _("Nothing changed: no new revision."))
    else:
        messages.success(request, _("Saved as revision %(n)s.") % {"n": result.revision.number})
    if result.warnings:
        messages.warning(
            request,
            _(
                "Invisible characters (zero-width spaces, soft hyphens, direction marks) are in: "
                "%(fields)s. Term checks ignore them; remove them unless they are meant."
            )
            % {"fields": ", ".join(result.warnings)},
        )


class RestoreView(ReleaseAdminView):
    post_only = True

    def post(self, request, object_id):
        """Restore an old revision as a new one."""
        if not permissions.can_restore(request.user):
            raise PermissionDenied
        try:
            number = int(request.POST["number"])
            based_on = int(request.POST["based_on"])
        except (KeyError, ValueError):
            messages.error(request, _("Choose a revision to restore."))
            return HttpResponseRedirect(self.history_url)
        try:
            result = revision_restore(self.release, number, author=request.user, based_on=based_on)
        except MergeConflict as conflict:
            pending = {
                "kind": "restore",
                "release": self.release.pk,
                "number": number,
                "based_on": based_on,
            }
            return conflict_response(request, self.model_admin, self.release, conflict, pending)
        except (ReleaseContentError, ActionNotAllowed) as error:
            messages.error(request, str(error))
        else:
            if result.revision is None:
                messages.info(
                    request, _("Revision %(n)s is already the current content.") % {"n": number}
                )
            else:
                messages.success(
                    request,
                    _("Restored revision %(old)s as revision %(new)s.")
                    % {"old": number, "new": result.revision.number},
                )
        return HttpResponseRedirect(self.history_url)


def publish(request, release, language, number=None):
    """Publish ``release`` in ``language`` for the admin user, reporting the outcome."""
    try:
        publication, created = release_publish(
            release, language, revision_number=number, author=request.user
        )
    except PublicationError as error:
        messages.error(request, f"“{release}”: {error}")
        return
    values = {
        "n": publication.revision.number,
        "slug": release,
        "language": languages.name_in_sentence(language),
    }
    if created:
        messages.success(
            request, _("Published revision %(n)s of “%(slug)s” in %(language)s.") % values
        )
    else:
        messages.info(
            request,
            _("Revision %(n)s of “%(slug)s” was already published in %(language)s.") % values,
        )


class PublishView(ReleaseAdminView):
    post_only = True

    def post(self, request, object_id):
        """Publish a revision in one language."""
        if not permissions.can_publish(request.user):
            raise PermissionDenied
        try:
            number = int(request.POST["number"])
        except (KeyError, ValueError):
            messages.error(request, _("Choose a revision to publish."))
            return HttpResponseRedirect(self.history_url)
        publish(request, self.release, request.POST.get("language", ""), number)
        return HttpResponseRedirect(self.history_url)
