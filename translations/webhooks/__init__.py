"""Webhooks: signed JSON POSTs to the URLs an admin lists.

Sent when a language version is published (``language.published``) or becomes ready to
publish (``language.ready``):

- :mod:`.models` — ``Webhook`` (URL, events, secret, active) and ``WebhookDelivery`` (one
  event for one webhook: payload, status, attempts and what each one got back);
- :mod:`.services` — the list's writes, and the deliveries an event makes, recorded in the
  transaction of what caused it (``webhooks_fire``; a publication listener and the review's
  "ready to publish" call it), sending them again (``deliveries_resend``);
- :mod:`.sending` — one attempt: claimed first (a task run twice sends once), signed
  (HMAC-SHA256), POSTed with a timeout and no redirects, retried with backoff;
- :mod:`.dispatch` — the first attempts after commit: a task each with a broker, a thread
  without one (no request waits on a receiver);
- :mod:`.tasks` — the attempt after commit, and beat's sweep of what is due;
- :mod:`.admin` — the list of webhooks, and the deliveries (read-only; "Send again").

At the bottom of the app beside notifications: it imports records, never another package.
Its ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
