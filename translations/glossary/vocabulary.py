"""The glossary's vocabulary (term statuses), defined once for models and pure modules.

``django.db.models`` can be imported without settings, so the pure matching, checking and
file code uses these very classes (their members are plain ``str`` values)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TermStatus(models.TextChoices):
    """How the glossary rates a term (TBX-Basic's administrative status, plus forbidden)."""

    PREFERRED = "preferred", _("preferred")
    ADMITTED = "admitted", _("admitted")
    DEPRECATED = "deprecated", _("deprecated")
    FORBIDDEN = "forbidden", _("forbidden")


# TBX-Basic's part of speech for names of people and places: a concept with such a term is
# a proper name, which a translation must render in its approved form.
PROPER_NOUN = "properNoun"


class PartOfSpeech(models.TextChoices):
    """The parts of speech the glossary offers, TBX's values (a term read from a file may
    carry another, which stays as it was)."""

    NOUN = "noun", _("noun")
    VERB = "verb", _("verb")
    ADJECTIVE = "adjective", _("adjective")
    ADVERB = "adverb", _("adverb")
    PROPER_NOUN = PROPER_NOUN, _("proper noun (a person or a place)")
    OTHER = "other", _("other")


# Terms a translation should use, and terms it should not.
ACCEPTED_STATUSES = frozenset({TermStatus.PREFERRED, TermStatus.ADMITTED})


REJECTED_STATUSES = frozenset({TermStatus.DEPRECATED, TermStatus.FORBIDDEN})
