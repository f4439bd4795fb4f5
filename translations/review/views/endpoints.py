"""The workbench's actions, posted by its script (JSON) or by a plain form (redirect back).

Each action calls one service and answers with the re-rendered rows it touched, the counts,
the progress and the newest revision. Refusals come from the services: ``ActionNotAllowed``
→ 403, ``ReviewError``/invalid content → 400, a save that collides with a newer one → 409
with the conflicting texts. Submitting units with error findings without ``confirm=1`` → 400
naming the findings (``confirm``), or a page that asks, for a plain form; so does approving
units with open comment threads without it. Nothing is written
when a request is refused.
"""

import functools

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from records.revisions.history import units_changed
from records.services import ActionNotAllowed, ReleaseContentError, RevisionConflict
from records.services.merging import PRESENCE
from translations.review.actions import (
    ReviewError,
    comment_add,
    comment_resolve,
    finding_override,
    units_request_changes,
)
from translations.review.approving import ApproveConfirmation, units_approve_confirmed
from translations.review.extensions import extensions
from translations.review.models import Comment
from translations.review.submitting import (
    SubmitConfirmation,
    unit_save_confirmed,
    units_submit_confirmed,
)
from translations.review.views.base import ReleaseLanguageView, admin_context, refused, wants_json
from translations.review.views.workbench import render_rows
from translations.review.workbench import workbench

# What the page asking for a confirmation says: title, explanation, the button that confirms.
CONFIRMATIONS = {
    SubmitConfirmation.kind: (
        gettext_lazy("Submit with error findings?"),
        gettext_lazy(
            "These units have error findings without an override. Their reviewer cannot "
            "approve them until the text is fixed or each finding is overridden with a "
            "reason. Nothing was changed yet."
        ),
        gettext_lazy("Submit anyway"),
    ),
    ApproveConfirmation.kind: (
        gettext_lazy("Approve with open comments?"),
        gettext_lazy(
            "These units have comment threads nobody has resolved: a question may still "
            "wait for an answer. Read them first, or approve anyway. Nothing was changed yet."
        ),
        gettext_lazy("Approve anyway"),
    ),
}


class BadInput(ValueError):
    """The request lacks a field or has one of the wrong form; nothing was done."""


def number_field(post, name, *, required=True):
    value = post.get(name, "").strip()
    if not value and not required:
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadInput(
            _("“%(name)s” must be a whole number (got “%(value)s”)")
            % {"name": name, "value": value[:40]}
        ) from None
    if number < 1:
        raise BadInput(_("“%(name)s” must be at least 1") % {"name": name})
    return number


def _keys(post):
    keys = [key for key in post.getlist("key") if key]
    if not keys:
        raise BadInput(_("no unit was named"))
    return keys


def _comment(release, post, name):
    pk = number_field(post, name)
    comment = Comment.objects.filter(pk=pk, release=release).first()
    if comment is None:
        raise BadInput(_("this release has no comment %(id)s") % {"id": pk})
    return comment


def save_message(release, number, based_on, user):
    """Tell the translator what revision ``number`` (based on ``based_on``) became, naming the
    people whose changes since then it was merged with (the translator's own saves are not a
    merge)."""
    _keys, authors = units_changed(release, based_on, number - 1)
    others = sorted(name for pk, name in authors.items() if pk != user.pk)
    if not others:
        return _("Saved as revision %(n)s.") % {"n": number}
    return _(
        "Saved as revision %(n)s, merged with the changes %(people)s saved since revision %(base)s."
    ) % {"n": number, "people": ", ".join(others), "base": based_on}


class ActionView(ReleaseLanguageView):
    http_method_names = ["post"]

    def post(self, request, action):
        handler = getattr(self, "do_" + action.replace("-", "_"), None)
        if action in extensions.actions:
            handler = functools.partial(extensions.actions[action], self)
        elif handler is None or action not in ACTIONS:
            return refused(request, _("There is no action “%(name)s”.") % {"name": action}, 404)
        try:
            keys, message = handler(request.POST, request.user)
        except ActionNotAllowed as error:
            return self.refusal(error, 403)
        except (SubmitConfirmation, ApproveConfirmation) as error:
            return self.confirmation(error)
        except RevisionConflict as error:
            return self.conflict(error)
        except (ReviewError, ReleaseContentError, BadInput) as error:
            return self.refusal(error, 400)
        return self.done(keys, message)

    # -- the actions: each returns (keys of the rows it touched, a message) ----------------

    def do_save(self, post, user):
        key = post.get("key", "")
        if not key:
            raise BadInput(_("no unit was named"))
        based_on = number_field(post, "based_on")
        submit = post.get("submit") == "1"
        result = unit_save_confirmed(
            self.release,
            self.language,
            key,
            post.get("text", ""),
            user,
            based_on=based_on,
            submit=submit,
            confirm=post.get("confirm") == "1",
        )
        if result.revision is None:
            message = _("Nothing changed in the text.")
        else:
            message = save_message(self.release, result.revision.number, based_on, user)
        if submit:
            sent = _("Sent for review.")
            message = f"{message} {sent}"
        return [key], message

    def do_submit(self, post, user):
        keys = _keys(post)
        units_submit_confirmed(
            self.release,
            self.language,
            keys,
            user,
            based_on=number_field(post, "based_on", required=False),
            confirm=post.get("confirm") == "1",
        )
        return keys, ngettext(
            "%(n)s unit sent for review.", "%(n)s units sent for review.", len(keys)
        ) % {"n": len(keys)}

    def do_submit_all(self, post, user):
        """Submit the drafts the page lists, in one batch (*Submit all drafts on this page*);
        the page's revision is required, so a unit changed since is refused."""
        keys = _keys(post)
        units_submit_confirmed(
            self.release,
            self.language,
            keys,
            user,
            based_on=number_field(post, "based_on"),
            confirm=post.get("confirm") == "1",
        )
        return keys, ngettext(
            "%(n)s draft sent for review.", "%(n)s drafts sent for review.", len(keys)
        ) % {"n": len(keys)}

    def do_approve(self, post, user):
        keys = _keys(post)
        units_approve_confirmed(
            self.release,
            self.language,
            keys,
            user,
            based_on=number_field(post, "based_on"),
            confirm=post.get("confirm") == "1",
        )
        return keys, ngettext("%(n)s unit approved.", "%(n)s units approved.", len(keys)) % {
            "n": len(keys)
        }

    def do_request_changes(self, post, user):
        keys = _keys(post)
        units_request_changes(
            self.release,
            self.language,
            keys,
            user,
            comment=post.get("comment", ""),
            based_on=number_field(post, "based_on"),
        )
        return keys, ngettext(
            "Changes requested on %(n)s unit.", "Changes requested on %(n)s units.", len(keys)
        ) % {"n": len(keys)}

    def do_override(self, post, user):
        key = post.get("key", "")
        finding_override(
            self.release,
            self.language,
            key,
            check_id=post.get("check_id", ""),
            concept_id=number_field(post, "concept_id", required=False),
            fingerprint=post.get("fingerprint", ""),
            reason=post.get("reason", ""),
            user=user,
        )
        return [key], _("The finding is overridden; the reason is shown to everyone.")

    def do_comment(self, post, user):
        parent = _comment(self.release, post, "parent") if post.get("parent") else None
        language = post.get("language") or self.language
        if language not in (self.language, self.source_language):
            raise BadInput(
                _("comments here are in %(target)s or %(source)s")
                % {"target": self.language, "source": self.source_language}
            )
        comment = comment_add(
            self.release, post.get("key", ""), language, post.get("text", ""), user, parent=parent
        )
        return [comment.key], _("Reply added.") if parent else _("Comment added.")

    def do_resolve(self, post, user):
        comment = comment_resolve(_comment(self.release, post, "comment"), user)
        return [comment.key], _("Thread resolved.")

    # -- answers ----------------------------------------------------------------------

    def back(self):
        url = self.request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(url, {self.request.get_host()}):
            url = self.urls()["workbench"]
        return HttpResponseRedirect(url)

    def confirmation(self, error):
        """Ask before submitting units with error findings, or approving units with open
        comment threads: what to confirm for the script (``confirm``, and its ``kind``), a
        page repeating the request with ``confirm=1`` for a plain form."""
        if wants_json(self.request):
            return JsonResponse(
                {
                    "ok": False,
                    "error": str(error),
                    "confirm": error.findings,
                    "confirm_kind": error.kind,
                },
                status=400,
            )
        fields = [
            (name, value)
            for name, values in self.request.POST.lists()
            if name not in ("csrfmiddlewaretoken", "confirm")
            for value in values
        ]
        title, intro, button = CONFIRMATIONS[error.kind]
        context = admin_context(
            self.request,
            title,
            intro=intro,
            button=button,
            findings=error.findings,
            fields=fields,
            action=self.request.path,
            back=self.back().url,
        )
        return TemplateResponse(
            self.request, "translations/review/confirm_submit.html", context, status=400
        )

    def refusal(self, error, status):
        if not wants_json(self.request):
            messages.error(self.request, str(error))
            return self.back()
        return JsonResponse({"ok": False, "error": str(error)}, status=status)

    def conflict(self, error):
        if not wants_json(self.request):
            messages.error(self.request, str(error))
            return self.back()
        self.release.refresh_from_db()
        bench = workbench(self.release, self.language)
        key = self.request.POST.get("key", "")
        rows = [row for row in bench.rows if row.key == key]
        return JsonResponse(
            {
                "ok": False,
                "error": str(error),
                "head": error.head,
                "conflicts": [
                    {
                        "field": conflict.field,
                        "language": conflict.language,
                        "deleted": conflict.field == PRESENCE,
                        "base": conflict.base,
                        "theirs": conflict.theirs,
                        "mine": conflict.mine,
                    }
                    for conflict in getattr(error, "conflicts", [])
                ],
                "rows": render_rows(self, rows, bench.head),
                "base": bench.head,
            },
            status=409,
        )

    def done(self, keys, message):
        if not wants_json(self.request):
            messages.success(self.request, message)
            return self.back()
        self.release.refresh_from_db()
        bench = workbench(self.release, self.language)
        touched = set(keys)
        # Units others changed since the revision the page shows come back too, so the page
        # can follow the newest revision and keep every other unit's base there.
        seen = self.request.POST.get("seen", "")
        changed = set()
        if seen.isdigit() and int(seen) < bench.head:
            changed = units_changed(self.release, int(seen), bench.head)[0] - touched
        # A page names the units it shows: rows an action touched elsewhere are not rendered.
        shown = set(self.request.POST.getlist("shown"))
        wanted = touched | changed
        if shown:
            wanted &= shown
        rows = [row for row in bench.rows if row.key in wanted]
        return JsonResponse(
            {
                "ok": True,
                "message": message,
                "base": bench.head,
                "changed": sorted(changed),
                "rows": render_rows(self, rows, bench.head),
                "counts": bench.counts,
                "progress": bench.progress,
                "progress_html": render_to_string(
                    "translations/review/_progress.html", {"progress": bench.progress}
                ),
            }
        )


ACTIONS = (
    "save",
    "submit",
    "submit-all",
    "approve",
    "request-changes",
    "override",
    "comment",
    "resolve",
)
