"""Project middleware: a Content-Security-Policy header on every response (Django 5.2 has no
setting for it), and the address each request was made to, for links written while it runs."""

from contextvars import ContextVar

from django.conf import settings

_origin = ContextVar("concord_request_origin", default="")


def request_origin():
    """Return the scheme and host the current request came to ("https://host:port"), or ""
    outside a request (a command, a task)."""
    return _origin.get()


class ContentSecurityPolicyMiddleware:
    """Add ``settings.CONTENT_SECURITY_POLICY`` unless the view set its own policy."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response


class RequestOriginMiddleware:
    """Keep the address the request was made to while it runs (``request_origin``): a mail
    written during an action links back to the site as its user reached it, when no
    ``CONCORD_BASE_URL`` says otherwise. After CommonMiddleware, which refuses unknown hosts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _origin.set(request.build_absolute_uri("/").rstrip("/"))
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)
