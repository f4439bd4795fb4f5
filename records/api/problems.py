"""Errors as RFC 7807 problem details (``application/problem+json``), never a stack trace.

Every error the API returns has ``type``, ``title``, ``status`` and ``detail``; a refused
input adds ``errors`` (field → messages), and an exception may carry more members in
``extra`` (a save that collides adds ``base``, ``theirs`` and ``mine``).

Every refusal the API raises itself is a :class:`Refusal` (here or in ``translations.api``),
so one path writes them all: the handler takes the status, the code and the ``extra``
members from it; DRF's own exceptions (validation, authentication, throttling) and Django's
are turned into the same document.
"""

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler

from config import limits

logger = logging.getLogger(__name__)

CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:concord:problem:"


class Refusal(exceptions.APIException):
    """A request the API refuses: ``status_code``, ``default_code`` and, in ``extra``, more
    members for the problem document. The base of every refusal the API raises itself."""

    def __init__(self, detail=None, code=None, extra=None):
        super().__init__(detail, code)
        self.extra = dict(extra or {})


class Conflict(Refusal):
    """The write met newer work that collides with it; ``extra`` says what collided."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The text changed since the revision this edit is based on."
    default_code = "conflict"


class PayloadTooLarge(Refusal):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"

    def __init__(self):
        super().__init__(_("The request is larger than %(mb)d MB.") % {"mb": limits.MAX_UPLOAD_MB})


def _title(status_code):
    from http import HTTPStatus

    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "Error"


def problem(status_code, detail, code, *, instance="", **members):
    """Return the problem document for one error as a dict."""
    body = {
        "type": TYPE_PREFIX + code,
        "title": _title(status_code),
        "status": status_code,
        "detail": str(detail),
        "code": code,
    }
    if instance:
        body["instance"] = instance
    body.update(members)
    return body


def _flatten(detail):
    """DRF's nested error detail as plain strings (field → [messages])."""
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(item) for item in detail]
    return str(detail)


def _first_message(errors):
    # A list's items without errors are empty ({} for a valid item of a nested list).
    if isinstance(errors, dict | list):
        values = errors.values() if isinstance(errors, dict) else errors
        return next((found for value in values if (found := _first_message(value))), "")
    return str(errors)


def _as_api_exception(exc):
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            return exceptions.ValidationError(
                {field: [str(m) for m in messages] for field, messages in exc.message_dict.items()}
            )
        return exceptions.ValidationError({"non_field_errors": [str(m) for m in exc.messages]})
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, TooManyFieldsSent | SuspiciousOperation):
        return exceptions.ParseError(_("The request could not be read."))
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def problem_exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: every error becomes a problem document."""
    exc = _as_api_exception(exc)
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    response = exception_handler(exc, context)
    if response is None:
        # Not an API error: log it whole, answer without any of it.
        logger.error("API error on %s", instance, exc_info=exc)
        body = problem(500, _("The server could not complete this request."), "server_error")
        return _problem_response(body, 500)
    members = {}
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        if isinstance(errors, list):
            errors = {"non_field_errors": errors}
        members["errors"] = errors
        detail, code = _first_message(errors) or _("The request is not valid."), "invalid"
    else:
        detail = (
            exc.detail
            if not isinstance(exc.detail, dict | list)
            else _first_message(_flatten(exc.detail))
        )
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else getattr(exc, "default_code", "error")
    if isinstance(exc, Refusal):
        members.update(exc.extra)
    body = problem(response.status_code, detail, code, instance=instance, **members)
    return _problem_response(body, response.status_code, response.headers)


def _problem_response(body, status_code, headers=None):
    # A plain JSON response, whatever renderer the endpoint negotiated (YAML, HTML…): errors
    # read the same everywhere. Headers DRF set (Retry-After, WWW-Authenticate) are kept.
    response = JsonResponse(
        body,
        status=status_code,
        content_type=CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
    for name in ("Retry-After", "WWW-Authenticate", "Allow"):
        if headers and name in headers:
            response[name] = headers[name]
    return response


def not_found(request, *args, **kwargs):
    """Any path under /api/ that names no endpoint."""
    body = problem(404, _("No API endpoint at this address."), "not_found", instance=request.path)
    return _problem_response(body, 404)


class ProblemSerializer(serializers.Serializer):
    """The shape of every error (for the OpenAPI schema; answers are built by ``problem``)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    code = serializers.CharField()
    instance = serializers.CharField(required=False)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="A refused input: field → messages.",
    )
