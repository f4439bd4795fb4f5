"""Every glossary write path refuses what could not be exported and imported back."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.scenarios import demo_glossary, user_with_role
from translations.glossary import services as glossary_services
from translations.glossary.files import (
    ConceptData,
    GlossaryFormatError,
    TermData,
    csv_dump,
    tbx_dump,
)
from translations.glossary.files.tbx import TBX_NS
from translations.glossary.services import GlossaryImportError, glossary_export, glossary_import
from translations.models import Concept, GlossaryState, Term


@pytest.fixture
def glossary(db):
    """The demo's glossary (18 concepts, 64 terms), imported alone: no releases."""
    return demo_glossary()


def glossary_state():
    """Return everything a refused write must leave as it was."""
    return (
        sorted(Concept.objects.values_list("identifier", "subject_field", "definition_en")),
        sorted(Term.objects.values_list("concept__identifier", "language", "text", "status")),
        GlossaryState.current(),
    )


def concept_form_data(identifier="new-concept", terms=(), **fields):
    """Return the admin add-form POST data of a concept with ``terms`` (language, text)."""
    data = {
        "identifier": identifier,
        "subject_field": "",
        **{f"{name}_{code}": "" for name in ("definition", "note") for code in ("en", "ja", "ru")},
        "terms-TOTAL_FORMS": str(len(terms)),
        "terms-INITIAL_FORMS": "0",
        "terms-MIN_NUM_FORMS": "0",
        "terms-MAX_NUM_FORMS": "1000",
    }
    for index, (language, text) in enumerate(terms):
        data.update(
            {
                f"terms-{index}-language": language,
                f"terms-{index}-text": text,
                f"terms-{index}-status": "preferred",
                f"terms-{index}-position": "0",
                f"terms-{index}-part_of_speech": "",
                f"terms-{index}-note": "",
            }
        )
    data.update(fields)
    return data


# --- the admin ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("terms", "fields", "message", "where"),
    [
        ((), {}, "no terms in concept", "non-form"),
        (
            (("en", "summit"),),
            {"definition_ja": "首脳会談"},
            "definition for language 'ja'",
            "non-form",
        ),
        ((("en", "sum\x1bmit"),), {}, "term contains a character XML cannot hold", "text"),
        ((("en", "sum\x85mit"),), {}, "term contains a control character", "text"),
        ((("en", "summit"),), {"subject_field": "a\x07b"}, "subject field contains", "non-form"),
        (
            (("en", "summit"),),
            {"terms-0-variants": "summit\x85level talks"},
            "variants contains a control character",
            "variants",
        ),
    ],
    ids=[
        "no-terms",
        "orphan-definition",
        "escape-in-term",
        "c1-control-in-term",
        "bell-subject",
        "c1-control-in-variants",
    ],
)
def test_admin_refuses_a_concept_that_could_not_be_exported(
    client, glossary, terms, fields, message, where
):
    client.force_login(user_with_role("terminologist"))
    before = glossary_state()
    response = client.post(
        reverse("admin:translations_concept_add"), concept_form_data(terms=terms, **fields)
    )
    assert response.status_code == 200, "the form is shown again, not saved"
    formset = response.context["inline_admin_formsets"][0].formset
    if where == "non-form":
        errors = " ".join(formset.non_form_errors())
    else:
        errors = " ".join(formset.forms[0].errors.get(where, []))
    assert message in errors
    assert glossary_state() == before
    # What the admin stores can always be exported.
    assert tbx_dump(glossary_export())


def test_admin_accepts_a_valid_concept(client, glossary):
    client.force_login(user_with_role("terminologist"))
    response = client.post(
        reverse("admin:translations_concept_add"),
        concept_form_data(terms=[("en", "summit"), ("ja", "首脳会談")], definition_ja="会談"),
    )
    assert response.status_code == 302
    concept = Concept.objects.get(identifier="new-concept")
    assert sorted(concept.terms.values_list("text", flat=True)) == ["summit", "首脳会談"]
    tbx_dump(glossary_export())


# --- the import service and commands -------------------------------------------------------


@pytest.mark.parametrize(
    ("concept", "field", "message"),
    [
        (ConceptData("c"), "terms", "no terms in concept 'c'"),
        (
            ConceptData("c", definition={"ja": "x"}, terms=(TermData("en", "a"),)),
            "definition",
            "definition for language 'ja'",
        ),
        (ConceptData("c", terms=(TermData("en", "a\x1bb"),)), "text", "XML cannot hold"),
        (ConceptData("c", terms=(TermData("en", "x" * 301),)), "text", "term is 301 characters"),
        (ConceptData("c" * 101, terms=(TermData("en", "a"),)), "identifier", "at most 100"),
        (
            ConceptData("c", subject_field="s" * 201, terms=(TermData("en", "a"),)),
            "subject_field",
            "subject field is 201 characters",
        ),
        (
            ConceptData("c", terms=(TermData("en", "a", part_of_speech="p" * 41),)),
            "part_of_speech",
            "at most 40",
        ),
    ],
    ids=["no-terms", "orphan", "escape", "long-term", "long-id", "long-subject", "long-pos"],
)
def test_import_refuses_what_could_not_be_stored_or_exported(glossary, concept, field, message):
    before = glossary_state()
    good = ConceptData("fine", terms=(TermData("en", "fine"),))
    with pytest.raises(GlossaryFormatError) as raised:
        glossary_import([good, concept])
    assert raised.value.field == field
    assert message in str(raised.value)
    assert glossary_state() == before


def test_over_long_term_in_a_file_is_refused_by_the_command(glossary, tmp_path):
    path = tmp_path / "long.csv"
    path.write_bytes(csv_dump([ConceptData("long", terms=(TermData("en", "y" * 400),))]).encode())
    before = glossary_state()
    with pytest.raises(CommandError, match="term is 400 characters long .* at most 300"):
        call_command("import_glossary", str(path))
    assert glossary_state() == before


def test_escape_character_in_a_file_is_refused_by_the_command(glossary, tmp_path):
    path = tmp_path / "escape.csv"
    header = "concept,language,term\r\n"
    path.write_bytes((header + "esc,en,a\x1bb\r\n").encode())
    before = glossary_state()
    with pytest.raises(CommandError, match=r"line 2: term contains a character XML cannot hold"):
        call_command("import_glossary", str(path))
    assert glossary_state() == before


def test_whatever_is_stored_exports_and_imports_back(glossary):
    exported = glossary_export()
    before = glossary_state()
    report = glossary_import(exported)
    assert report.counts() == {"created": 0, "updated": 0, "unchanged": len(exported)}
    assert glossary_state() == before


# --- size limits and batches ---------------------------------------------------------------


def generated_tbx(count):
    """Return a TBX file with ``count`` one-term concepts, written as a stream."""
    out = io.BytesIO()
    out.write(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" '
        f'xml:lang="en" xmlns="{TBX_NS}"><tbxHeader><fileDesc><sourceDesc><p>g</p>'
        "</sourceDesc></fileDesc></tbxHeader><text><body>\n".encode()
    )
    for index in range(count):
        out.write(
            f'<conceptEntry id="g{index}"><langSec xml:lang="en"><termSec>'
            f"<term>generated term {index}</term></termSec></langSec></conceptEntry>\n".encode()
        )
    out.write(b"</body></text></tbx>\n")
    return out.getvalue()


def test_glossary_over_the_concept_limit_is_refused_and_nothing_written(
    glossary, tmp_path, monkeypatch
):
    monkeypatch.setattr(glossary_services, "GLOSSARY_MAX_CONCEPTS", 1_200)
    path = tmp_path / "big.tbx"
    path.write_bytes(generated_tbx(1_201))
    before = glossary_state()
    with pytest.raises(CommandError, match="more than 1200 concepts; split it"):
        call_command("import_glossary", str(path))
    assert glossary_state() == before


def test_glossary_at_the_limit_is_written_in_batches(
    glossary, tmp_path, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(glossary_services, "GLOSSARY_MAX_CONCEPTS", 1_200)
    path = tmp_path / "big.tbx"
    path.write_bytes(generated_tbx(1_200))
    concepts_before = Concept.objects.count()
    # Three batches of at most 500 concepts, a handful of queries each (not one per concept).
    with django_assert_max_num_queries(40):
        call_command("import_glossary", str(path), stdout=io.StringIO())
    assert Concept.objects.count() == concepts_before + 1_200
    assert Term.objects.get(concept__identifier="g1199").text == "generated term 1199"


def test_duplicate_identifier_across_batches_is_refused(glossary):
    concepts = [ConceptData(f"d{i}", terms=(TermData("en", f"d {i}"),)) for i in range(600)]
    concepts.append(ConceptData("d3", terms=(TermData("en", "again"),)))
    before = glossary_state()
    with pytest.raises(GlossaryImportError, match="“d3” appears twice"):
        glossary_import(iter(concepts))
    assert glossary_state() == before


def test_tbx_reader_drops_each_entry_once_read():
    from translations.glossary.files import tbx_iter

    concepts = tbx_iter(generated_tbx(3))
    assert [next(concepts).identifier, next(concepts).identifier] == ["g0", "g1"]
    body = concepts._concepts.gi_frame.f_locals["body"]
    # g0 is gone and g1 emptied (the parser may already hold g2): memory stays bounded.
    assert len(body) == 2
    assert len(body[0]) == 0 and body[0].get("id") is None
    assert [c.identifier for c in concepts] == ["g2"]


def test_concept_save_writes_the_concept_and_exactly_its_terms(
    db, django_capture_on_commit_callbacks
):
    from translations.glossary.services import concept_save
    from translations.models import Concept, GlossaryState, PendingRecheck, Term

    concept = concept_save(
        Concept(identifier="summit"), [Term(language="en", text="summit meeting")]
    )
    assert list(concept.terms.values_list("language", "text")) == [("en", "summit meeting")]
    recheck = PendingRecheck.objects.get()
    assert (recheck.concepts, recheck.new_terms) == ([concept.pk], [concept.pk])

    version = GlossaryState.current()
    concept_save(concept, list(concept.terms.all()))  # nothing changed: no glossary change
    assert GlossaryState.current() == version and PendingRecheck.objects.count() == 1

    kept = concept.terms.get()
    kept.note = "the meeting of leaders"
    concept_save(concept, [kept, Term(language="ja", text="首脳会談")])
    assert sorted(concept.terms.values_list("language", "text", "note")) == [
        ("en", "summit meeting", "the meeting of leaders"),
        ("ja", "首脳会談", ""),
    ]
    assert GlossaryState.current() != version
    concept_save(concept, [Term.objects.get(language="ja")])  # the English term goes
    assert list(concept.terms.values_list("language", flat=True)) == ["ja"]


def test_concept_save_refuses_an_invalid_concept_and_writes_nothing(db):
    from translations.glossary.files import GlossaryFormatError
    from translations.glossary.services import concept_save
    from translations.models import Concept, GlossaryState, Term

    version = GlossaryState.current()
    with pytest.raises(GlossaryFormatError):
        concept_save(
            Concept(identifier="twice"),
            [Term(language="en", text="summit"), Term(language="en", text="summit")],
        )
    with pytest.raises(GlossaryFormatError):
        concept_save(Concept(identifier="no-terms"), [])
    assert not Concept.objects.exists() and not Term.objects.exists()
    assert GlossaryState.current() == version
