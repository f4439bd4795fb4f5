"""Notifications: what a user is told of, in a list in the admin and by mail.

- :mod:`.models` — ``Notification`` (one per recipient and event: kind, payload, when it was
  created, mailed and read) and ``NotificationProfile`` (how often mail comes: immediately,
  hourly or daily; made the first time it is changed);
- :mod:`.services` — recording notifications in the transaction of what caused them
  (``notifications_record``; ``users_notify`` for "tell these users of this event"), profile
  and read-mark changes;
- :mod:`.kinds` — how each kind reads (the packages that send them register theirs);
- :mod:`.mail` — one mail per recipient per action, digests, claimed before they are sent so
  a task run twice sends once; :mod:`.tasks` sends them after commit and from beat's sweep;
- :mod:`.selectors` and :mod:`.views` — "My notifications", its unread count and settings.

The lowest package of the app: it imports none of the others, so any of them may notify.
Its ``__init__`` imports nothing, so ``translations.models`` can import the models.
"""
