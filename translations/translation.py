from modeltranslation.translator import TranslationOptions, register

from .models import Concept


@register(Concept)
class ConceptTranslationOptions(TranslationOptions):
    fields = ("definition", "note")
