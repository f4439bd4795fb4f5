"""The REST API's ground and the readers' resources (``/api/v1/``).

- :mod:`.models` and :mod:`.tokens` — personal tokens, stored as SHA-256 digests, shown once;
- :mod:`.auth` — ``Authorization: Token <key>``;
- :mod:`.problems` — every error as RFC 7807 problem details;
- :mod:`.throttling` — per token and per address; :mod:`.pagination` — cursors;
- :mod:`.permissions` — the staff part needs an active staff user.

The staff resources live in ``translations.api``, which builds on these.
"""

from .models import ApiToken
from .problems import Conflict, Refusal, problem
from .tokens import token_create, token_revoke, token_user

__all__ = [
    "ApiToken",
    "Conflict",
    "Refusal",
    "problem",
    "token_create",
    "token_revoke",
    "token_user",
]
