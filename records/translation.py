from modeltranslation.translator import TranslationOptions, register

from .models import Photo, Release, Segment, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Release)
class ReleaseTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Segment)
class SegmentTranslationOptions(TranslationOptions):
    fields = ("text",)


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "credit")
