"""The release change form and its inlines, read into content for the one write path.

The forms never save rows themselves: :func:`content_from_forms` turns what the editor sent
into snapshot-shaped content on top of the revision the page was loaded from, and
``release_write`` merges it with anything saved since.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config import languages

from ..models import Release
from ..photos import PhotoImageError, image_size_check, photo_image_store
from .paging import SegmentPage

STALE_FORM = gettext_lazy(
    "This form does not say which revision it started from, so someone else's change could be "
    "lost. Nothing was saved: reload the page and apply your change again."
)


class ReleaseAdminForm(forms.ModelForm):
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    revision_message = forms.CharField(
        label=gettext_lazy("Revision message"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("What changed and why; shown in the release's history."),
    )

    class Meta:
        model = Release
        fields = ["slug", "topic", "date", "source_language", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A change must name the revision it was based on, or the merge could not tell
            # the editor's changes from someone else's.
            self.fields["based_on"].required = True
            if not self.is_bound:
                self.fields["based_on"].initial = self.instance.head_number

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.has_error("based_on"):
            # based_on is a hidden field, whose own error the admin does not show.
            raise ValidationError(STALE_FORM, code="based_on")
        return cleaned


class KeyedInlineForm(forms.ModelForm):
    """An inline row; its row's key is a field of the page, so the browser sends it back."""

    row_key = forms.UUIDField(required=False, widget=forms.HiddenInput)


class PhotoImageField(forms.ImageField):
    """An image upload refused by its size before Pillow opens it."""

    def to_python(self, data):
        if isinstance(data, UploadedFile):
            try:
                image_size_check(data)
            except PhotoImageError as error:
                raise ValidationError(str(error), code="image") from None
        return super().to_python(data)


class PhotoInlineForm(KeyedInlineForm):
    """A photo row: an uploaded image is stored (content-addressed) as soon as it is valid, and
    the row then carries the stored name, as the snapshot does."""

    class Meta:
        field_classes = {"image": PhotoImageField}

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            try:
                return photo_image_store(image)
            except PhotoImageError as error:
                raise ValidationError(str(error), code="image") from None
        return image


class KeyedInlineFormSet(BaseInlineFormSet):
    """Inline rows that carry their segment's key, and survive a row deleted meanwhile.

    A row someone else deleted after the page was loaded is still read (by its key), so the
    merge can tell an untouched row (deleted) from an edited one (a conflict).

    Where ``page_number`` is set (the segments inline), the rows are one page of them
    (:mod:`.paging`); ``page`` is then that page, for the pager.
    """

    page_number = None
    page_query = None
    page = None

    def get_queryset(self):
        rows = super().get_queryset()
        if self.page_number is None:
            return rows
        if self.page is None:
            self.page = SegmentPage(rows, self.page_number, self.page_query)
            self._queryset = self.page.rows if self.page.paged else rows
        return self._queryset

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_name = self._pk_field.name
        form.fields[pk_name] = forms.IntegerField(required=False, widget=forms.HiddenInput)
        form.fields["row_key"] = forms.UUIDField(required=False, widget=forms.HiddenInput)
        if form.instance.pk is not None:
            form.fields[pk_name].initial = form.instance.pk
            form.fields["row_key"].initial = form.instance.key
        elif "position" in form.fields:
            # New rows are offered the place after the existing ones (added at the end).
            positions = [obj.position for obj in self.get_queryset()]
            form.fields["position"].initial = max(positions, default=0) + 1

    def _existing_object(self, pk):
        found = super()._existing_object(pk)
        # A row deleted since the page was loaded: an unsaved stand-in keeps the form bound.
        return found if found is not None else self.model(pk=pk)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if i < self.initial_form_count():
            form.empty_permitted = False
        return form


def _item_from_form(form, fields, base_item):
    """Return the snapshot item a bound inline form describes, on top of ``base_item``."""
    item = {**base_item} if base_item else {"key": str(uuid.uuid4())}
    for field in fields:
        texts = {**item.get(field, {code: "" for code in languages.CODES})}
        for code in languages.CODES:
            name = f"{field}_{code}"
            if name in form.cleaned_data:
                texts[code] = (form.cleaned_data[name] or "").strip()
        item[field] = texts
    for name in ("kind", "level", "style"):
        if name in form.cleaned_data:
            item[name] = form.cleaned_data[name]
    if "image" in form.cleaned_data:
        image = form.cleaned_data["image"]
        if image is False:  # "Clear" ticked
            item.pop("image", None)
        elif isinstance(image, str) and image:
            item["image"] = image
    return item


def _items_from_formset(formset, base_items, translated, defaults):
    """Return the list (in the editor's order) a formset describes, on top of ``base_items``.

    Rows of ``base_items`` the form did not show (the other pages of a paged inline) are
    carried over untouched, at their places; a shown row given another position moves
    before the row that holds that position, on any page.
    """
    base = {item["key"]: (index, item) for index, item in enumerate(base_items, start=1)}
    shown = {str(form.cleaned_data.get("row_key")) for form in formset.forms}
    rows = [
        (index, True, -1, item)
        for index, item in enumerate(base_items, start=1)
        if item["key"] not in shown
    ]
    for order, form in enumerate(formset.forms):
        key = form.cleaned_data.get("row_key")
        known = base.get(str(key)) if key else None
        if known is None and not form.has_changed():
            continue  # an untouched extra row
        if form.cleaned_data.get("DELETE"):
            continue
        base_position, base_item = known if known else (None, None)
        item = _item_from_form(
            form, translated, base_item or {"key": str(uuid.uuid4()), **defaults}
        )
        position = form.cleaned_data.get("position", base_position)
        moved = known is None or position != base_position
        rows.append(
            (position if position is not None else len(base_items) + 1, not moved, order, item)
        )
    return [item for *_ignored, item in sorted(rows, key=lambda row: row[:3])]


def content_from_forms(base, form, formsets):
    """Return the content the editor's form and inlines describe, on top of ``base``."""
    content = {**base}
    cleaned = form.cleaned_data
    for name in ("slug", "source_language"):
        if name in cleaned:
            content[name] = cleaned[name]
    if "date" in cleaned:
        content["date"] = cleaned["date"].isoformat()
    if cleaned.get("topic") is not None:
        content["topic"] = cleaned["topic"].slug
    content["title"] = {
        **base.get("title", {}),
        **{
            code: (cleaned[f"title_{code}"] or "").strip()
            for code in languages.CODES
            if f"title_{code}" in cleaned
        },
    }
    for formset in formsets:
        name = formset.model._meta.model_name
        if name == "segment":
            content["segments"] = _items_from_formset(
                formset,
                base.get("segments", []),
                ("text",),
                {"kind": "paragraph", "level": 0, "style": ""},
            )
        elif name == "photo":
            content["photos"] = _items_from_formset(
                formset, base.get("photos", []), ("caption", "credit"), {}
            )
    return content


def conflict_label(conflict, base, theirs):
    """Return where a conflict is, as an editor reads it ("Segment 4 · text · Japanese")."""
    field_names = {
        "title": _("title"),
        "text": _("text"),
        "caption": _("caption"),
        "credit": _("credit"),
        "kind": _("kind"),
        "level": _("level"),
        "style": _("marker style"),
        "slug": _("slug"),
        "date": _("date"),
        "topic": _("topic"),
        "source_language": _("source language"),
        "presence": _("deleted on one side, edited on the other"),
        "order": _("order"),
    }
    parts = []
    if conflict.list_name:
        noun = _("Segment") if conflict.list_name == "segments" else _("Photo")
        if conflict.key:
            keys = [item["key"] for item in theirs.get(conflict.list_name, [])] or [
                item["key"] for item in base.get(conflict.list_name, [])
            ]
            number = keys.index(conflict.key) + 1 if conflict.key in keys else "—"
            parts.append(f"{noun} {number}")
        else:
            parts.append(_("Segments") if conflict.list_name == "segments" else _("Photos"))
    else:
        parts.append(_("Release"))
    parts.append(str(field_names.get(conflict.field, conflict.field)))
    if conflict.language:
        parts.append(languages.name(conflict.language))
    return " · ".join(parts)
