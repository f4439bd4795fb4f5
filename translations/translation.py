from modeltranslation.translator import TranslationOptions, register

from translations.glossary.models import Concept


@register(Concept)
class ConceptTranslationOptions(TranslationOptions):
    fields = ("definition", "note")
