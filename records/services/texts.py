"""Text edits of existing units (the workbench's saves) through the one write path, at the
cost of the edit rather than of the release.

``release_texts_write`` gives the result :func:`release_write` gives for the same content
(the base revision's, with these texts): the same permissions, merge, validation, revision,
checksum and listeners. It reads only the edited units (at the base revision and in the head
state the process keeps), writes their rows of the working copy, computes the new checksum
from the head's canonical pieces and stores one change per edited unit. Whatever it cannot do
that way (a conflict, a unit not in both revisions, the source language, a head in an older
schema or a renamed topic) it hands to ``release_write`` unchanged, which then refuses or
writes exactly as it always does.
"""

import uuid

from django.db import transaction

from config.languages import CODES

from ..logs import audit
from ..models import Photo, Release, Segment
from ..revisions.content import RELEASE, item_slot
from ..revisions.head import head_state, head_state_keep
from ..revisions.reading import slots_read
from ..revisions.storing import revision_changes_store
from ..snapshots import DERIVED_FIELDS, SCHEMA_VERSION, translated
from ..units import CAPTION, CREDIT, TITLE, TextEdits, Unit
from .errors import WriteResult
from .merging import FieldChange
from .validation import field_text_check, text_limit
from .writing import (
    changes_allowed,
    release_lock,
    release_write,
    revision_read,
    revision_record,
    revision_snapshot,
)


def unit_field(key):
    """Return ``(slot name, field)`` of a translatable unit's text (``records.units`` keys)."""
    if key == TITLE:
        return RELEASE, "title"
    item, _sep, field = key.partition(":")
    if field in (CAPTION, CREDIT):
        return item_slot("photos", item), field
    return item_slot("segments", key), "text"


def unit_read(release, number, key):
    """Return the unit ``key`` of revision ``number`` of ``release`` (a ``records.units.Unit``
    numbered among the units of its sort), or None where that revision has no such unit."""
    name, field = unit_field(key)
    list_name = name.split(":", 1)[0]
    values, slot_ids = slots_read(
        release.pk, number, {name} if name == RELEASE else {name, list_name}
    )
    value = values.get(name)
    if not isinstance(value, dict) or not isinstance(value.get(field), dict):
        return None
    if name == RELEASE:
        return Unit(TITLE, TITLE, 0, value[field])
    order = values.get(list_name) or []
    if slot_ids[name] not in order:
        return None
    kind = field if list_name == "photos" else value.get("kind", "")
    return Unit(key, kind, order.index(slot_ids[name]) + 1, value[field])


def _working_copy_write(release, name, field, language, text):
    column = f"{field}_{language}"
    if name == RELEASE:
        setattr(release, column, text)
        Release.objects.filter(pk=release.pk).update(**{column: text})
        return
    list_name, key = name.split(":", 1)
    model = Segment if list_name == "segments" else Photo
    model.objects.filter(release=release, key=uuid.UUID(key)).update(**{column: text})


def _path(state, name, field, language):
    """Return where a text is in a snapshot, as validation names it ("segments[4].text.ja")."""
    if name == RELEASE:
        return f"title.{language}"
    list_name = name.split(":", 1)[0]
    return f"{list_name}[{state.orders[list_name].index(name)}].{field}.{language}"


def _plan(release, state, based_on, texts):
    """Return ``{slot name: new value}`` of the edits ``texts`` make over the head, with the
    field changes they make against the base; None where ``release_write`` must decide."""
    meta = state.values[RELEASE]
    source = meta.get("source_language")
    if meta.get("schema_version") != SCHEMA_VERSION or meta.get("topic_name") != translated(
        release.topic, "name"
    ):
        return None
    where = {key: unit_field(key) for key, _language in texts}
    if any(language == source or language not in CODES for _key, language in texts) or not all(
        name in state.values for name, _field in where.values()
    ):
        return None
    base = state.values
    if based_on != state.number:
        base, _ids = slots_read(release.pk, based_on, {name for name, _field in where.values()})
        if not all(name in base for name, _field in where.values()):
            return None
    edits, changes = {}, []
    for (key, language), text in texts.items():
        name, field = where[key]
        old = base[name][field].get(language, "")
        theirs = state.values[name][field].get(language, "")
        if text == old:
            continue
        if theirs not in (old, text):
            return None  # both changed it: the full write reports the conflict
        unit = "release" if name == RELEASE else name
        changes.append(FieldChange(unit, field, language))
        value = edits.get(name, state.values[name])
        if value[field].get(language, "") != text:
            edits[name] = {**value, field: {**value[field], language: text}}
    return edits, changes


def _fallback(release, texts, *, author, message, based_on, context):
    head = release.head_number
    # An unknown base is refused by release_write itself, in its words.
    known = isinstance(based_on, int) and 1 <= based_on <= head
    content = revision_snapshot(release, based_on if known else head)
    content = {name: value for name, value in content.items() if name not in DERIVED_FIELDS}
    content["title"] = dict(content["title"])
    for list_name in ("segments", "photos"):
        content[list_name] = [dict(item) for item in content[list_name]]
    for (key, language), text in texts.items():
        name, field = unit_field(key)
        if name == RELEASE:
            content["title"][language] = text
            continue
        list_name, item_key = name.split(":", 1)
        for item in content[list_name]:
            if item["key"] == item_key:
                item[field] = {**item[field], language: text}
    return release_write(
        content,
        author=author,
        message=message,
        based_on=based_on,
        release_id=release.pk,
        context=context,
    )


@transaction.atomic
def release_texts_write(release_id, texts, *, author=None, message="", based_on, context=None):
    """Write ``texts`` (``{(unit key, language): text}``, units of revision ``based_on``) as one
    revision, or none when nothing changed; return the :class:`WriteResult`, as
    :func:`release_write` would for that revision's content with these texts."""
    release = release_lock(release_id)
    head = release.head_number
    if not isinstance(based_on, int) or not 1 <= based_on <= head:
        return _fallback(
            release, texts, author=author, message=message, based_on=based_on, context=context
        )
    head_revision = revision_read(release, head)
    state = head_state(head_revision)
    plan = _plan(release, state, based_on, texts)
    if plan is None:
        return _fallback(
            release, texts, author=author, message=message, based_on=based_on, context=context
        )
    edits, changes = plan
    changes_allowed(author, changes)
    warnings = []
    for (key, language), text in texts.items():
        name, field = unit_field(key)
        if name in edits and field_text_check(
            text, _path(state, name, field, language), text_limit(field)
        ):
            warnings.append(_path(state, name, field, language))
    if not edits:
        return WriteResult(release=release, revision=None, created=False, warnings=warnings)
    for (key, language), text in texts.items():
        name, field = unit_field(key)
        if name in edits:
            _working_copy_write(release, name, field, language, text)
    new_state = state.changed(edits, head + 1)
    source = state.values[RELEASE].get("source_language")

    def store(revision):
        changed = [(name, value, state.values[name]) for name, value in edits.items()]
        revision_changes_store(revision, changed, source)
        revision.text_edits = TextEdits(source, _units(new_state, texts))

    revision = revision_record(
        release,
        head=head_revision,
        checksum=new_state.checksum,
        author=author,
        message=message,
        context=context,
        store=store,
    )
    head_state_keep(new_state)
    audit(
        "release.write",
        user=author,
        release=release,
        language=",".join(sorted({change.language for change in changes})),
        revision=revision.number,
        based_on=based_on,
        conflicts=0,
    )
    return WriteResult(
        release=release, revision=revision, created=False, conflicts=[], warnings=warnings
    )


def _units(state, texts):
    """Return the units ``texts`` edited, with every language's text as ``state`` holds it."""
    units = {}
    for key, _language in texts:
        name, field = unit_field(key)
        value = state.values[name]
        kind = field if name != RELEASE else TITLE
        if name != RELEASE and field == "text":
            kind = value.get("kind", "")
        units[key] = Unit(key, kind, 0, dict(value[field]))
    return tuple(units.values())
