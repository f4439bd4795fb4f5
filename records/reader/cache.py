"""Per-language page caching and conditional GET for reader pages.

Cache keys carry the read model's version (newest publication and page ids), so a publish
is seen by every process at once without deleting anything; ETag and Last-Modified let
browsers and proxies revalidate for the price of one query.
"""

import functools
import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from .selectors import reader_state

CACHE_SECONDS = 24 * 60 * 60
KEY_PREFIX = "reader"


def _digest(*parts):
    return hashlib.sha256("|".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def reader_validators(version, modified, *parts):
    """Return ``(etag, timestamp)`` of the representation named by ``parts`` (its language,
    path, format…) at the read model's ``version`` and last modification."""
    etag = f'"{_digest(version, *parts)}"'
    return etag, int(modified.timestamp()) if modified else None


def reader_headers(response, etag, timestamp, *, public=True):
    """Give ``response`` its validators (a 200, or the 304 that confirms one) and make every
    cache revalidate."""
    if response.status_code in (200, 304):
        response["ETag"] = etag
        if timestamp is not None:
            response["Last-Modified"] = http_date(timestamp)
    if public:
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    else:
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    return response


def reader_page(view=None, *, cached=True):
    """Decorate a reader view: conditional GET on the read model's version, then the cache."""
    if view is None:
        return functools.partial(reader_page, cached=cached)

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        version, modified = reader_state()
        language = get_language() or ""
        path = request.get_full_path()
        etag, timestamp = reader_validators(version, modified, language, path)
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is not None:
            return response
        key = f"{KEY_PREFIX}:{version}:{language}:{_digest(path)}"
        stored = cache.get(key) if cached else None
        if stored is not None:
            status, content_type, content = stored
            response = HttpResponse(content, status=status, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if cached and response.status_code in (200, 404) and not response.streaming:
                stored = (response.status_code, response["Content-Type"], response.content)
                cache.set(key, stored, CACHE_SECONDS)
        return reader_headers(response, etag, timestamp)

    return wrapped
