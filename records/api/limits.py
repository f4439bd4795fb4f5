"""The size of an API request's body: refused (413) before anything reads it.

Django limits a form's fields (``DATA_UPLOAD_MAX_MEMORY_SIZE``) when it reads ``request.body``;
DRF's parsers read the stream itself, so the API checks the declared length first, for every
path under ``/api/``, as the pages refuse an upload over ``config.limits.MAX_UPLOAD_BYTES``.
"""

from config import limits

from .problems import PayloadTooLarge, _problem_response, problem

# A file of the full size still fits: multipart boundaries and part headers come on top.
FRAMING_BYTES = 64 * 1024
MAX_BODY_BYTES = limits.MAX_UPLOAD_BYTES + FRAMING_BYTES


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class ApiBodyLimitMiddleware:
    """Answer an API request whose body is over the limit with a 413 problem document."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/") and _declared_length(request) > MAX_BODY_BYTES:
            refusal = PayloadTooLarge()
            body = problem(
                refusal.status_code, refusal.detail, refusal.default_code, instance=request.path
            )
            return _problem_response(body, refusal.status_code)
        return self.get_response(request)
