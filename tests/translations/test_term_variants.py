"""Hyphen and compound variants of a term, as the terminologist declares them (not guessed)."""

import io

import pytest
from django.urls import reverse

from tests.scenarios import glossary_with, user_with_role
from translations.checks import run_checks
from translations.checks.matching.matcher import TermMatcher, TermSpec
from translations.checks.services import glossary_terms
from translations.models import Term

SOURCE = "次官級協議を開催した。"
TARGET = "The two sides held a vice-ministerial-level consultation."


def _specs(variants=""):
    return [
        TermSpec(1, 1, "ja", "次官級協議", "preferred"),
        TermSpec(2, 1, "en", "vice-ministerial consultations", "preferred", variants=variants),
    ]


def _missing(specs):
    return run_checks(
        [("s1", SOURCE, TARGET)],
        "en",
        TermMatcher(specs, "ja"),
        TermMatcher(specs, "en"),
        checks=["missing-term"],
    )


def test_an_undeclared_hyphen_level_form_is_not_guessed():
    assert [f.check for f in _missing(_specs())] == ["missing-term"]


def test_a_declared_variant_is_matched_as_the_term_itself():
    specs = _specs("vice-ministerial-level consultation\n\n  vice ministerial level consultations ")
    assert _missing(specs) == []
    matcher = TermMatcher(specs, "en")
    [match] = matcher.find(TARGET)
    assert match.term.id == 2
    assert TARGET[match.start : match.end] == "vice-ministerial-level consultation"
    [other] = matcher.find("vice ministerial level consultations resumed")
    assert other.term.id == 2


def test_a_declared_variant_in_japanese_is_matched():
    specs = [
        TermSpec(1, 1, "ja", "次官級協議", "preferred", variants="次官級の協議"),
        TermSpec(2, 1, "en", "vice-ministerial consultations", "preferred"),
    ]
    [match] = TermMatcher(specs, "ja").find("両国は次官級の協議を行った。")
    assert match.term.id == 1


@pytest.mark.django_db
def test_a_saved_term_carries_its_variants_into_its_match_forms():
    glossary_with(("vmc", {"en": "vice-ministerial consultations", "ja": "次官級協議"}))
    term = Term.objects.get(language="en")
    term.variants = "vice-ministerial-level consultation"
    term.save()
    assert len(term.match_forms["variants"]) == 1
    [spec] = glossary_terms("en")
    assert spec.variants == "vice-ministerial-level consultation"
    [match] = TermMatcher([spec], "en").find(TARGET)
    assert match.term.id == term.pk


@pytest.mark.django_db
def test_the_glossary_admin_shows_the_variants_field(client):
    glossary_with(("vmc", {"en": "vice-ministerial consultations"}))
    client.force_login(user_with_role("terminologist"))
    term = Term.objects.get()
    page = client.get(reverse("admin:translations_concept_change", args=[term.concept_id]))
    assert page.status_code == 200
    assert 'name="terms-0-variants"' in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("concord", [True, False], ids=["own-export", "other-tool"])
def test_an_import_keeps_the_variants_the_file_does_not_carry(concord):
    from translations.glossary.files import tbx_dump, tbx_iter
    from translations.glossary.services import glossary_export, glossary_import

    glossary_with(("vmc", {"en": "vice-ministerial consultations", "ja": "次官級協議"}))
    term = Term.objects.get(language="en")
    term.variants = "vice-ministerial-level consultation"
    term.save()
    # A file without variants: an older export, or another tool that dropped the notes.
    data = tbx_dump(glossary_export()).replace(
        b'<note xml:lang="zxx">concord:variant=vice-ministerial-level consultation</note>', b""
    )
    assert b"concord:variant=" not in data
    if not concord:
        # Another tool's file: no Concord marker, the status of the English term changed.
        data = data.replace(b"Concord", b"OtherTool").replace(
            b"preferredTerm-admn-sts", b"admittedTerm-admn-sts", 1
        )
    report = glossary_import(tbx_iter(io.BytesIO(data)))
    term = Term.objects.get(language="en")
    assert term.variants == "vice-ministerial-level consultation"
    assert "vice-ministerial-level" in str(term.match_forms["variants"])
    if concord:
        assert report.unchanged == 1
