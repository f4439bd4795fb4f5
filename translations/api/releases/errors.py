"""The services' refusals as problem documents (``records.api.problems`` writes them).

The exceptions are those the workbench answers (403, 400, 409); the API gives each the status
a client can act on:

- ``ActionNotAllowed`` → 403 ``not_allowed``;
- a save that collides with newer work (``MergeConflict``) → 409 ``conflict`` with ``base``,
  ``theirs`` and ``mine``; a unit changed since the revision an action names
  (``StaleUnits``) → 409 ``stale``; units with error findings submitted without ``confirm``
  (``SubmitConfirmation``) → 409 ``confirm`` with the ``findings``;
- any other refusal of a rule (``ReviewError``, invalid content, a publication the gate
  refuses) → 422 ``refused``;
- a body that is not what the endpoint takes → 400 ``invalid`` with ``errors`` per field.
"""

from contextlib import contextmanager

from django.utils.translation import gettext as _
from rest_framework import status

from records.api import Conflict, Refusal
from records.services import (
    ActionNotAllowed,
    MergeConflict,
    PublicationError,
    ReleaseContentError,
    RevisionConflict,
)
from records.services.merging import PRESENCE
from records.units import CAPTION, CREDIT
from translations.review.common import ReviewError, StaleUnits
from translations.review.submitting import SubmitConfirmation


class Invalid(Refusal):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"


class NotAllowed(Refusal):
    status_code = status.HTTP_403_FORBIDDEN
    default_code = "not_allowed"


class Refused(Refusal):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "refused"


class Stale(Refusal):
    status_code = status.HTTP_409_CONFLICT
    default_code = "stale"


class ConfirmNeeded(Refusal):
    status_code = status.HTTP_409_CONFLICT
    default_code = "confirm"


def refuse(field, message):
    """Refuse (400) a request whose ``field`` (a query parameter) is wrong."""
    raise Invalid(message, extra={"errors": {field: [message]}})


def body_of(serializer_class, request):
    """Return the validated body of ``request``; refuse (400) naming the first bad field."""
    serializer = serializer_class(data=request.data)
    if serializer.is_valid():
        return serializer.validated_data
    errors = {name: [str(message) for message in found] for name, found in _items(serializer)}
    name, messages = next(iter(errors.items()))
    detail = messages[0]
    if name != "non_field_errors":
        detail = _("“%(field)s”: %(message)s") % {"field": name, "message": detail}
    raise Invalid(detail, extra={"errors": errors})


def _items(serializer):
    for name, found in serializer.errors.items():
        if isinstance(found, dict):
            found = [message for messages in found.values() for message in messages]
        yield name, found


def conflict_text(value, key, language):
    """Return one side of a colliding unit as text (None: the unit was deleted on it)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        part = key.rpartition(":")[2]
        inner = value.get(part if part in (CAPTION, CREDIT) else "text", value)
        if isinstance(inner, dict):
            return inner.get(language, "")
    return str(value)


def collision(error, key, language):
    """Return the 409 of a save that collided with newer work (``MergeConflict``)."""
    conflicts = [
        {
            "unit": item.unit,
            "field": item.field,
            "language": item.language,
            "deleted": item.field == PRESENCE,
            "base": conflict_text(item.base, key, language),
            "theirs": conflict_text(item.theirs, key, language),
            "mine": conflict_text(item.mine, key, language),
        }
        for item in error.conflicts
    ]
    mine = next(
        (item for item in conflicts if item["language"] in (language, None)),
        conflicts[0] if conflicts else {},
    )
    return Conflict(
        str(error),
        extra={
            "base_revision": error.based_on,
            "head": error.head,
            "base": mine.get("base"),
            "theirs": mine.get("theirs"),
            "mine": mine.get("mine"),
            "conflicts": conflicts,
        },
    )


@contextmanager
def service_errors(key=None, language=None):
    """Turn what a service refuses into the API's problem (nothing was written)."""
    try:
        yield
    except ActionNotAllowed as error:
        raise NotAllowed(str(error)) from None
    except SubmitConfirmation as error:
        raise ConfirmNeeded(str(error), extra={"findings": error.findings}) from None
    except StaleUnits as error:
        raise Stale(str(error)) from None
    except MergeConflict as error:
        raise collision(error, key or "", language) from None
    except RevisionConflict as error:
        raise Stale(str(error), extra={"head": error.head}) from None
    except (ReviewError, ReleaseContentError, PublicationError) as error:
        raise Refused(str(error) or _("The request was refused; nothing was changed.")) from None
