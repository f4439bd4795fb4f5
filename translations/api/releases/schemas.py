"""Request bodies (validated here, judged by the services) and the shapes of the answers, for
the OpenAPI schema. The answers are built as plain data (:mod:`.shapes`, :mod:`.units`); a
test holds them to these shapes."""

from rest_framework import serializers

from records.api.problems import ProblemSerializer
from records.models import REVISION_NUMBER_MAX
from records.units import MAX_KEY_LENGTH

# Units one action may name: every unit of the largest release, as a page may list them.
from .paging import MAX_PAGE_SIZE

S = serializers
# What a unit is, as the API names it (``UnitKindEnum`` in the schema: settings).
UNIT_KINDS = ["title", "segment", "caption", "credit"]


def _revision(**options):
    return S.IntegerField(min_value=1, max_value=REVISION_NUMBER_MAX, **options)


def _keys():
    return S.ListField(
        child=S.CharField(max_length=MAX_KEY_LENGTH), min_length=1, max_length=MAX_PAGE_SIZE
    )


# --- request bodies -------------------------------------------------------------------------


class SaveBody(S.Serializer):
    text = S.CharField(allow_blank=True, trim_whitespace=False)
    base_revision = _revision(help_text="The revision the text was written against.")
    submit = S.BooleanField(default=False, help_text="Send the unit to review too.")
    confirm = S.BooleanField(default=False, help_text="Submit despite error findings.")


class SubmitBody(S.Serializer):
    keys = _keys()
    base_revision = _revision(required=False, allow_null=True, default=None)
    confirm = S.BooleanField(default=False, help_text="Submit despite error findings.")


class ApproveBody(S.Serializer):
    keys = _keys()
    base_revision = _revision()


class RequestChangesBody(ApproveBody):
    comment = S.CharField(allow_blank=True, trim_whitespace=False)


class OverrideBody(S.Serializer):
    check = S.CharField(max_length=40)
    concept = S.IntegerField(allow_null=True, default=None, min_value=1)
    fingerprint = S.CharField(max_length=200, allow_blank=True, default="")
    reason = S.CharField(allow_blank=True, trim_whitespace=False)


class CommentBody(S.Serializer):
    text = S.CharField(allow_blank=True, trim_whitespace=False)
    language = S.CharField(
        required=False, max_length=8, help_text="The target (default) or the source language."
    )


class ReplyBody(S.Serializer):
    text = S.CharField(allow_blank=True, trim_whitespace=False)


class PublishBody(S.Serializer):
    revision = _revision(required=False, allow_null=True, default=None)


# --- answers --------------------------------------------------------------------------------


class UnitCounts(S.Serializer):
    total = S.IntegerField()
    untranslated = S.IntegerField()
    outdated = S.IntegerField()
    draft = S.IntegerField()
    needs_review = S.IntegerField()
    approved = S.IntegerField()
    with_errors = S.IntegerField()


class LanguageState(S.Serializer):
    state = S.ChoiceField(choices=["published", "ready", "blocked", "empty"])
    source = S.BooleanField()
    published_revision = S.IntegerField(allow_null=True)
    units = UnitCounts(allow_null=True)
    checked = S.BooleanField()
    scheduled_at = S.DateTimeField(allow_null=True)


class TopicOut(S.Serializer):
    slug = S.CharField()
    name = S.DictField(child=S.CharField())


class ReleaseOut(S.Serializer):
    id = S.IntegerField()
    url = S.URLField()
    slug = S.CharField()
    title = S.DictField(child=S.CharField())
    date = S.DateField()
    topic = TopicOut()
    source_language = S.CharField()
    revision = S.IntegerField()
    languages = S.DictField(child=LanguageState())


class ReleaseLinks(S.Serializer):
    revisions = S.URLField()
    diff = S.URLField()
    units = S.DictField(child=S.URLField())


class ReleaseDetailOut(ReleaseOut):
    readiness = S.DictField(child=S.ListField(child=S.CharField()))
    links = ReleaseLinks()


class RevisionOut(S.Serializer):
    number = S.IntegerField()
    author = S.CharField(allow_null=True)
    created_at = S.DateTimeField()
    message = S.CharField()
    checksum = S.CharField()
    source_language = S.CharField(allow_null=True)
    published = S.ListField(child=S.CharField())
    current = S.ListField(child=S.CharField())


class TextOp(S.Serializer):
    op = S.ChoiceField(choices=["equal", "insert", "delete"])
    text = S.CharField()


class Structure(S.Serializer):
    changed = S.BooleanField()
    kind = S.CharField()
    level = S.IntegerField()
    style = S.CharField()
    old_kind = S.CharField(allow_null=True)
    old_level = S.IntegerField(allow_null=True)
    old_style = S.CharField(allow_null=True)


class UnitChange(S.Serializer):
    key = S.CharField()
    kind = S.ChoiceField(choices=UNIT_KINDS)
    status = S.ChoiceField(choices=["added", "removed", "changed", "unchanged"])
    moved = S.BooleanField()
    old_position = S.IntegerField(allow_null=True)
    new_position = S.IntegerField(allow_null=True)
    old_text = S.CharField()
    new_text = S.CharField()
    ops = TextOp(many=True)
    structure = Structure(allow_null=True)


class MetadataChange(S.Serializer):
    field = S.CharField()
    old = S.CharField()
    new = S.CharField()


class LanguageDiff(S.Serializer):
    changed = S.BooleanField()
    metadata = MetadataChange(many=True)
    units = UnitChange(many=True)


class DiffOut(S.Serializer):
    release = S.IntegerField()
    from_revision = S.IntegerField()
    to_revision = S.IntegerField()
    languages = S.DictField(child=LanguageDiff())


class OverrideOut(S.Serializer):
    reason = S.CharField()
    by = S.CharField(allow_null=True)
    at = S.DateTimeField()


class FindingOut(S.Serializer):
    check = S.CharField()
    check_name = S.CharField()
    severity = S.CharField()
    message = S.CharField()
    suggestion = S.CharField()
    concept = S.IntegerField(allow_null=True)
    term = S.CharField(allow_null=True)
    fingerprint = S.CharField()
    start = S.IntegerField(allow_null=True)
    end = S.IntegerField(allow_null=True)
    source_start = S.IntegerField(allow_null=True)
    source_end = S.IntegerField(allow_null=True)
    blocking = S.BooleanField()
    override = OverrideOut(allow_null=True)


class CommentOut(S.Serializer):
    id = S.IntegerField()
    author = S.CharField(allow_null=True)
    text = S.CharField()
    created_at = S.DateTimeField()


class ThreadOut(CommentOut):
    language = S.CharField()
    resolved = S.BooleanField()
    resolved_by = S.CharField(allow_null=True)
    resolved_at = S.DateTimeField(allow_null=True)
    replies = CommentOut(many=True)


class UnitOut(S.Serializer):
    key = S.CharField()
    kind = S.ChoiceField(choices=UNIT_KINDS)
    segment_kind = S.CharField(allow_null=True)
    number = S.IntegerField()
    label = S.CharField()
    state = S.ChoiceField(choices=["untranslated", "outdated", "draft", "needs_review", "approved"])
    source_language = S.CharField()
    language = S.CharField()
    source = S.CharField()
    target = S.CharField()
    source_previous = S.CharField(allow_null=True)
    revision = S.IntegerField(help_text="The revision the unit was read at: a save's base.")
    state_revision = S.IntegerField(allow_null=True)
    translated_by = S.CharField(allow_null=True)
    revised_by = S.CharField(allow_null=True)
    approved_by = S.CharField(allow_null=True)
    findings = FindingOut(many=True)
    comments = ThreadOut(many=True)


class UnitPageOut(S.Serializer):
    revision = S.IntegerField()
    check = S.ChoiceField(choices=["current", "pending", "missing"])
    counts = S.DictField(child=S.IntegerField())
    next = S.URLField(allow_null=True)
    previous = S.URLField(allow_null=True)
    results = UnitOut(many=True)


class ActionOut(S.Serializer):
    message = S.CharField()
    revision = S.IntegerField(help_text="The newest revision after the action.")
    saved_revision = S.IntegerField(allow_null=True)
    changed = S.ListField(child=S.CharField())
    units = UnitOut(many=True)


class CommentActionOut(S.Serializer):
    message = S.CharField()
    comment = ThreadOut()


class PublicationOut(S.Serializer):
    id = S.IntegerField()
    language = S.CharField()
    revision = S.IntegerField()
    slug = S.CharField()
    published_at = S.DateTimeField()
    published_by = S.CharField(allow_null=True)


class PublishOut(S.Serializer):
    message = S.CharField()
    created = S.BooleanField()
    publication = PublicationOut()


class ConflictOut(S.Serializer):
    unit = S.CharField()
    field = S.CharField()
    language = S.CharField(allow_null=True)
    deleted = S.BooleanField()
    base = S.CharField(allow_null=True)
    theirs = S.CharField(allow_null=True)
    mine = S.CharField(allow_null=True)


class ConfirmFinding(S.Serializer):
    key = S.CharField()
    unit = S.CharField()
    message = S.CharField()


class StaffProblem(ProblemSerializer):
    """A problem document, with the members some of the staff's refusals add."""

    findings = ConfirmFinding(many=True, required=False, help_text="code confirm")
    base_revision = S.IntegerField(required=False, help_text="code conflict")
    head = S.IntegerField(required=False, help_text="code conflict or stale")
    base = S.CharField(required=False, allow_null=True, help_text="code conflict")
    theirs = S.CharField(required=False, allow_null=True, help_text="code conflict")
    mine = S.CharField(required=False, allow_null=True, help_text="code conflict")
    conflicts = ConflictOut(many=True, required=False, help_text="code conflict")


PROBLEM_TYPE = "application/problem+json"


def answers(ok, *problems, code=200):
    """Return ``extend_schema``'s responses: ``ok`` with ``code``, then a problem document for
    each status in ``problems`` (and the refusals every endpoint may give)."""
    statuses = sorted({401, 403, 404, 429, *problems})
    return {code: ok, **{(status, PROBLEM_TYPE): StaffProblem for status in statuses}}
