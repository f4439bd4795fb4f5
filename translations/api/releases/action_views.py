"""Review actions on units of one language, each the workbench's own service: submit (error
findings confirmed first), approve (four eyes), request changes (with a comment), override a
finding (with a reason), comment, reply and resolve."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from translations.review.actions import (
    comment_add,
    comment_resolve,
    finding_override,
    units_approve,
    units_request_changes,
)
from translations.review.models import Comment
from translations.review.submitting import units_submit_confirmed
from translations.review.workbench import threads_of

from . import schemas
from .errors import Invalid, body_of, service_errors
from .unit_views import KEY, LANGUAGE, ReleaseLanguageView
from .units import thread_data


def _count(singular, plural, keys):
    return ngettext(singular, plural, len(keys)) % {"n": len(keys)}


def _schema(name, summary, body, answer=schemas.ActionOut, *, key=False, code=200):
    return extend_schema(
        operation_id=name,
        summary=summary,
        parameters=[LANGUAGE, KEY] if key else [LANGUAGE],
        request=body,
        responses=schemas.answers(answer, 400, 409, 422, code=code),
    )


class SubmitView(ReleaseLanguageView):
    @_schema("units_submit", "Send units to review", schemas.SubmitBody)
    def post(self, request, release_id, language):
        body = body_of(schemas.SubmitBody, request)
        keys = list(dict.fromkeys(body["keys"]))
        with service_errors():
            units_submit_confirmed(
                self.release,
                self.language,
                keys,
                request.user,
                based_on=body["base_revision"],
                confirm=body["confirm"],
            )
        message = _count("%(n)s unit sent for review.", "%(n)s units sent for review.", keys)
        return Response({"message": message, "saved_revision": None, **self.units_of(keys)})


class ApproveView(ReleaseLanguageView):
    @_schema("units_approve", "Approve units waiting for review (four eyes)", schemas.ApproveBody)
    def post(self, request, release_id, language):
        body = body_of(schemas.ApproveBody, request)
        keys = list(dict.fromkeys(body["keys"]))
        with service_errors():
            units_approve(
                self.release, self.language, keys, request.user, based_on=body["base_revision"]
            )
        message = _count("%(n)s unit approved.", "%(n)s units approved.", keys)
        return Response({"message": message, "saved_revision": None, **self.units_of(keys)})


class RequestChangesView(ReleaseLanguageView):
    @_schema("units_request_changes", "Send units back with a comment", schemas.RequestChangesBody)
    def post(self, request, release_id, language):
        body = body_of(schemas.RequestChangesBody, request)
        keys = list(dict.fromkeys(body["keys"]))
        with service_errors():
            units_request_changes(
                self.release,
                self.language,
                keys,
                request.user,
                comment=body["comment"],
                based_on=body["base_revision"],
            )
        message = _count(
            "Changes requested on %(n)s unit.", "Changes requested on %(n)s units.", keys
        )
        return Response({"message": message, "saved_revision": None, **self.units_of(keys)})


class OverrideView(ReleaseLanguageView):
    @_schema(
        "units_override",
        "Override an error finding of the unit's text, with a reason",
        schemas.OverrideBody,
        key=True,
        code=201,
    )
    def post(self, request, release_id, language, key):
        body = body_of(schemas.OverrideBody, request)
        with service_errors():
            finding_override(
                self.release,
                self.language,
                key,
                check_id=body["check"],
                concept_id=body["concept"],
                fingerprint=body["fingerprint"],
                reason=body["reason"],
                user=request.user,
            )
        message = _("The finding is overridden; the reason is shown to everyone.")
        data = {"message": message, "saved_revision": None, **self.units_of([key])}
        return Response(data, status=status.HTTP_201_CREATED)


class CommentViewBase(ReleaseLanguageView):
    def thread(self, root, message, code=status.HTTP_201_CREATED):
        comments = list(
            Comment.objects.filter(Q(pk=root.pk) | Q(parent=root.pk))
            .select_related("author", "resolved_by")
            .order_by("created_at", "id")
        )
        [thread] = threads_of(comments)[root.key]
        return Response({"message": message, "comment": thread_data(thread)}, status=code)

    def comment_get(self, comment_id):
        comment = Comment.objects.filter(pk=comment_id, release=self.release).first()
        if comment is None:
            raise NotFound(_("this release has no comment %(id)s") % {"id": comment_id})
        return comment


class CommentView(CommentViewBase):
    @_schema(
        "units_comment",
        "Start a comment thread on the unit (target or source language)",
        schemas.CommentBody,
        schemas.CommentActionOut,
        key=True,
        code=201,
    )
    def post(self, request, release_id, language, key):
        body = body_of(schemas.CommentBody, request)
        source = self.release.source_language
        language = body.get("language") or self.language
        if language not in (self.language, source):
            message = _("comments here are in %(target)s or %(source)s") % {
                "target": self.language,
                "source": source,
            }
            raise Invalid(message, extra={"errors": {"language": [message]}})
        with service_errors():
            comment = comment_add(self.release, key, language, body["text"], request.user)
        return self.thread(comment, _("Comment added."))


class ReplyView(CommentViewBase):
    @_schema("comments_reply", "Reply to a thread", schemas.ReplyBody, schemas.CommentActionOut)
    def post(self, request, release_id, language, comment_id):
        parent = self.comment_get(comment_id)
        body = body_of(schemas.ReplyBody, request)
        with service_errors():
            comment_add(
                self.release, parent.key, parent.language, body["text"], request.user, parent=parent
            )
        return self.thread(parent, _("Reply added."))


class ResolveView(CommentViewBase):
    @_schema("comments_resolve", "Resolve a thread", None, schemas.CommentActionOut)
    def post(self, request, release_id, language, comment_id):
        comment = self.comment_get(comment_id)
        with service_errors():
            comment_resolve(comment, request.user)
        return self.thread(comment, _("Thread resolved."), status.HTTP_200_OK)
