"""Sending one delivery: claim it, POST its signed JSON, record what came back.

Safe to repeat (a task delivered twice, the sweep sending what a task is already sending):
an attempt first claims the delivery with one conditional UPDATE — still pending, due, its
webhook active — that counts the attempt and moves its next attempt ahead by a lease; a
second run finds nothing to claim, and a delivered one is never sent again. The POST runs
outside any transaction; its outcome is then written in one.

Success is a 2xx answer. Anything else (another status, a redirect — never followed —, a
refused connection, a timeout) is tried again after ``BACKOFF[n]`` seconds, and after the
last one the delivery has failed.
"""

import datetime
import hashlib
import hmac
import http.client
import json
import urllib.error
import urllib.request

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from translations.webhooks.models import WebhookDelivery

# Seconds before each retry: 1 min, 5 min, 30 min, 2 h, 12 h; then the delivery has failed.
BACKOFF = (60, 300, 1800, 7200, 43200)
MAX_ATTEMPTS = len(BACKOFF) + 1
# Seconds a connection, and each read from it, may take.
TIMEOUT = 5
# An attempt in progress holds its delivery this long (well beyond TIMEOUT and the task's
# time limit); a worker that died in the middle leaves the delivery due again after it.
LEASE = datetime.timedelta(minutes=10)
# What is kept of an answer: the first bytes read, the first characters stored.
READ_BYTES = 4096
EXCERPT_CHARS = 1000
ERROR_CHARS = 1000
USER_AGENT = "Concord-Webhooks/1"

Status = WebhookDelivery.Status


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: the 3xx answer itself is the outcome (not a success)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def signature(secret, body):
    """Return the ``X-Concord-Signature`` of ``body`` (bytes): ``sha256=<hex HMAC>``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


# The members of a delivery's body after event, delivery and sent_at (docs/api.md, Webhooks).
PAYLOAD_ORDER = ("release", "language", "revision", "url")


def body_of(delivery, sent_at):
    """Return the JSON body (bytes) of ``delivery`` sent at ``sent_at``."""
    document = {
        "event": delivery.event,
        "delivery": delivery.pk,
        "sent_at": sent_at.isoformat(),
    }
    # In a fixed order: PostgreSQL's jsonb gives the stored payload's keys back in its own.
    payload = delivery.payload
    for name in PAYLOAD_ORDER:
        if name in payload:
            document[name] = payload[name]
    document.update((name, value) for name, value in payload.items() if name not in document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def post(url, body, headers):
    """POST ``body`` to ``url``; return ``(status or None, excerpt, error)``."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with _opener.open(request, timeout=TIMEOUT) as response:
            return response.status, _excerpt(response), ""
    except urllib.error.HTTPError as answer:
        with answer:
            return answer.code, _excerpt(answer), ""
    except urllib.error.URLError as error:
        return None, "", _error(error.reason)
    except (OSError, http.client.HTTPException, ValueError) as error:
        return None, "", _error(error)


def _excerpt(response):
    try:
        data = response.read(READ_BYTES)
    except (OSError, http.client.HTTPException):
        return ""
    return data.decode("utf-8", "replace")[:EXCERPT_CHARS]


def _error(error):
    text = f"{type(error).__name__}: {error}" if isinstance(error, Exception) else str(error)
    return text[:ERROR_CHARS]


def delivery_claim(delivery_id, now):
    """Claim ``delivery_id`` for one attempt at ``now``; return whether it was claimed."""
    return bool(
        WebhookDelivery.objects.filter(
            pk=delivery_id,
            status=Status.PENDING,
            next_attempt_at__lte=now,
            webhook__active=True,
        ).update(attempts=F("attempts") + 1, last_attempt_at=now, next_attempt_at=now + LEASE)
    )


def delivery_attempt(delivery_id):
    """Make one attempt at delivering ``delivery_id`` if it is due; return a small dict."""
    now = timezone.now()
    if not delivery_claim(delivery_id, now):
        return {"delivery": delivery_id, "skipped": "not due, done or inactive"}
    delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)
    body = body_of(delivery, now)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Concord-Event": delivery.event,
        "X-Concord-Delivery": str(delivery.pk),
        "X-Concord-Signature": signature(delivery.webhook.secret, body),
    }
    code, excerpt, error = post(delivery.webhook.url, body, headers)
    return delivery_record(delivery_id, code, excerpt, error)


@transaction.atomic
def delivery_record(delivery_id, code, excerpt, error):
    """Write the outcome of the attempt in progress on ``delivery_id``; return a small dict."""
    delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery_id)
    now = timezone.now()
    delivered = code is not None and 200 <= code < 300
    delivery.response_status = code
    delivery.response_excerpt = excerpt
    delivery.error = error
    delivery.log = [
        *delivery.log,
        {"at": now.isoformat(), "status": code, "excerpt": excerpt[:200], "error": error},
    ][-MAX_ATTEMPTS:]
    if delivered:
        delivery.status = Status.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = now + datetime.timedelta(seconds=BACKOFF[delivery.attempts - 1])
    delivery.save()
    return {
        "delivery": delivery.pk,
        "attempt": delivery.attempts,
        "status": delivery.status,
        "response": code,
    }
