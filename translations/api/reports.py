"""The reports of file imports as JSON: what the commands print, as data.

Each serializer reads the service's own report object (``ImportReport``, ``GlossaryReport``,
``MemoryImport``), and ``lines`` carries the command's printed lines word for word. Lists of
names stop at :data:`LISTED` entries each (the counts are whole), as the printed report does.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from translations.glossary.merge import ADDED, CHANGED, KEPT, REMOVED, REPORT_NAMED

LISTED = REPORT_NAMED


class Listed(serializers.ListField):
    """A list of names, at most :data:`LISTED` of them."""

    def to_representation(self, data):
        return super().to_representation(list(data)[:LISTED])


def counts_field(*names):
    return serializers.DictField(
        child=serializers.IntegerField(), help_text=f"Keys: {', '.join(names)}."
    )


class ReportLineSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The unit's key (msgctxt, trans-unit id).")
    label = serializers.CharField(help_text="The unit as files name it: “segment 3”, “title”.")
    code = serializers.CharField(help_text="Why, as a code: submitted, fuzzy, changed, unknown…")
    reason = serializers.CharField(help_text="Why, in words.")


class ImportReportSerializer(serializers.Serializer):
    """What a PO or XLIFF upload did (or, in a dry run, would do)."""

    release = serializers.IntegerField(source="release.pk")
    slug = serializers.CharField(source="release.slug")
    language = serializers.CharField()
    base = serializers.IntegerField(help_text="The revision the file was exported from.")
    head = serializers.IntegerField(help_text="The release's newest revision before the upload.")
    dry_run = serializers.BooleanField()
    revision = serializers.IntegerField(
        allow_null=True, help_text="The revision the upload recorded (null: none)."
    )
    counts = counts_field("updated", "confirmed", "unchanged", "skipped", "conflicts")
    updated = ReportLineSerializer(many=True)
    confirmed = ReportLineSerializer(many=True)
    skipped = ReportLineSerializer(many=True)
    conflicts = ReportLineSerializer(many=True)
    notes = ReportLineSerializer(many=True)
    lines = serializers.ListField(child=serializers.CharField())


class TermChangeSerializer(serializers.Serializer):
    concept = serializers.CharField()
    language = serializers.CharField()
    text = serializers.CharField()
    detail = serializers.CharField(help_text="What changed (a changed term), else empty.")


class TermChangesSerializer(serializers.Serializer):
    added = TermChangeSerializer(many=True)
    changed = TermChangeSerializer(many=True)
    removed = TermChangeSerializer(many=True)
    kept = TermChangeSerializer(many=True)


class RenamedSerializer(serializers.Serializer):
    found = serializers.CharField(help_text="The file's identifier.")
    stored = serializers.CharField(help_text="The concept it was stored as.")


class NotImportedSerializer(serializers.Serializer):
    entry = serializers.CharField()
    reason = serializers.CharField()


class GlossaryReportSerializer(serializers.Serializer):
    """What a glossary upload did (or, in a dry run, would do)."""

    dry_run = serializers.BooleanField()
    replace = serializers.BooleanField(source="replace_terms")
    counts = counts_field("created", "updated", "unchanged")
    term_counts = counts_field(ADDED, CHANGED, REMOVED, KEPT)
    created = Listed(child=serializers.CharField())
    updated = Listed(child=serializers.CharField())
    renamed = serializers.SerializerMethodField()
    terms = serializers.SerializerMethodField()
    not_imported = serializers.SerializerMethodField()
    skipped_languages = serializers.DictField(
        child=serializers.IntegerField(), help_text="Terms left out, by language tag."
    )
    empty = Listed(child=serializers.CharField())
    lines = serializers.ListField(child=serializers.CharField())

    @extend_schema_field(RenamedSerializer(many=True))
    def get_renamed(self, report):
        return [{"found": found, "stored": stored} for found, stored in report.renamed[:LISTED]]

    @extend_schema_field(TermChangesSerializer)
    def get_terms(self, report):
        by_kind = {kind: [] for kind in (ADDED, CHANGED, REMOVED, KEPT)}
        for change in report.terms:
            listed = by_kind[change.kind]
            if len(listed) < LISTED:
                listed.append(TermChangeSerializer(change).data)
        return by_kind

    @extend_schema_field(NotImportedSerializer(many=True))
    def get_not_imported(self, report):
        return [{"entry": entry, "reason": why} for entry, why in report.not_imported[:LISTED]]


class MemoryImportSerializer(serializers.Serializer):
    """What a TMX upload did."""

    counts = counts_field("created", "updated", "unchanged")
    skipped_languages = serializers.DictField(
        source="read.skipped",
        child=serializers.IntegerField(),
        help_text="Segments left out, by language tag.",
    )
    skipped_units = Listed(
        source="read.skipped_units",
        child=serializers.CharField(),
        help_text="Units whose source language Concord does not keep (tuid or line).",
    )
    codes = Listed(
        source="read.codes",
        child=serializers.CharField(),
        help_text="Units whose formatting codes were removed (tuid or line).",
    )
    notes = Listed(
        source="read.notes",
        child=serializers.CharField(),
        help_text="Units whose <note>s were not kept (tuid or line): the memory keeps none.",
    )
    note_count = serializers.IntegerField(
        source="read.note_count", help_text="How many <note>s the file's units carried."
    )
    lines = serializers.ListField(child=serializers.CharField())


# A file download in the schema: its bytes.
FILE = OpenApiTypes.BINARY
