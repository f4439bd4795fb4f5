"""Rate-limited logins: after ``CONCORD_LOGIN_FAILURE_LIMIT`` failed attempts for one username
from one address, that pair is refused (even with the right password) until
``CONCORD_LOGIN_LOCKOUT_SECONDS`` have passed since the first failure.

Counts live in the Django cache (local memory, or Redis shared by every process). The
authentication backend enforces the limit for every login path; the admin's login form says
why it refuses.
"""

import hashlib
import json
import logging

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

LOCKED = _(
    "Too many failed logins for this username from your address. Try again in %(minutes)s minutes."
)
LOCKED_CODE = "too_many_attempts"

logger = logging.getLogger("concord.logins")


def _address(request):
    return request.META.get("REMOTE_ADDR", "")


def _key(request, username):
    address = _address(request)
    digest = hashlib.sha256(f"{username.casefold()}\0{address}".encode()).hexdigest()
    return f"concord:login-failures:{digest}"


def login_locked(request, username):
    """Return whether logins for ``username`` from the request's address are refused."""
    return cache.get(_key(request, username), 0) >= settings.CONCORD_LOGIN_FAILURE_LIMIT


def login_failure_record(request, username):
    """Count a failed login; the window starts at the first failure and does not slide."""
    key = _key(request, username)
    cache.add(key, 0, timeout=settings.CONCORD_LOGIN_LOCKOUT_SECONDS)
    try:
        failures = cache.incr(key)
    except ValueError:  # expired between add and incr
        failures = 1
        cache.set(key, failures, timeout=settings.CONCORD_LOGIN_LOCKOUT_SECONDS)
    if failures == settings.CONCORD_LOGIN_FAILURE_LIMIT:
        entry = {"action": "login_locked", "user": username, "address": _address(request)}
        logger.warning(json.dumps(entry, ensure_ascii=False))


def login_success_record(request, username):
    """Forget the failures of a username and address once a login succeeds."""
    cache.delete(_key(request, username))


class RateLimitedModelBackend(ModelBackend):
    """The model backend, refusing a locked username and address before it checks the
    password. Calls without a request (the shell, the test client) are not counted."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        name = username if username is not None else kwargs.get(get_user_model().USERNAME_FIELD)
        if request is None or not isinstance(name, str):
            return super().authenticate(request, username, password, **kwargs)
        if login_locked(request, name):
            # Stops every backend: Django's authenticate() reports a failed login.
            raise PermissionDenied(LOCKED_CODE)
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            login_failure_record(request, name)
        else:
            login_success_record(request, name)
        return user


class RateLimitedLoginForm(AdminAuthenticationForm):
    """The admin login form, saying that a locked username and address must wait."""

    error_messages = {**AdminAuthenticationForm.error_messages, LOCKED_CODE: LOCKED}

    def clean(self):
        username = self.cleaned_data.get("username")
        if username and login_locked(self.request, username):
            raise ValidationError(
                self.error_messages[LOCKED_CODE],
                code=LOCKED_CODE,
                params={"minutes": -(-settings.CONCORD_LOGIN_LOCKOUT_SECONDS // 60)},
            )
        return super().clean()
