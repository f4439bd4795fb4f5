"""Request throttling per token and per address (DRF throttles on the Django cache).

Rates come from ``settings.CONCORD_API_RATES`` (read on every request, so a test or an
operator changes them without a restart of the class); the counts live in the default cache,
which is Redis shared by every process when ``CACHE_URL`` names one.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class _SettingsRate(SimpleRateThrottle):
    def get_rate(self):
        return settings.CONCORD_API_RATES.get(self.scope)

    def allow_request(self, request, view):
        # The rate is read per request, not once when the class was defined.
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_ident(self, request):
        # The address the server saw: X-Forwarded-For is trivially forged (as for logins).
        return request.META.get("REMOTE_ADDR", "")


class TokenRateThrottle(_SettingsRate):
    """Requests made with one token."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class AddressRateThrottle(_SettingsRate):
    """Requests from one address, with or without a token."""

    scope = "address"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
