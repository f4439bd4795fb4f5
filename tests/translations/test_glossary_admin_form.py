"""The concept page: headed by the concept's label (its preferred English term), the
identifier beside it; a term's part of speech chosen from TBX's values, a stored value that is
none of them kept as it is."""

import re

import pytest
from django.urls import reverse

from tests.scenarios import glossary_with, user_with_role
from translations.glossary.models import Concept, Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def concept(db):
    glossary_with(
        (
            "northern-territories",
            {"ja": "北方領土", "en": [("Kuril Islands", "deprecated"), "Northern Territories"]},
        )
    )
    return Concept.objects.get(identifier="northern-territories")


def change_url(concept):
    return reverse("admin:translations_concept_change", args=[concept.pk])


def form_data(response):
    """Return the concept form's and its terms formset's data as the page shows them."""
    context = response.context
    form = context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    (formset,) = [inline.formset for inline in context["inline_admin_formsets"]]
    management = formset.management_form
    data.update(
        {management.add_prefix(name): management[name].value() for name in management.fields}
    )
    data[management.add_prefix("TOTAL_FORMS")] = str(len(formset.initial_forms))
    for term_form in formset.initial_forms:
        for name in term_form.fields:
            value = term_form[name].value()
            if value is not None and value is not False:
                data[term_form.add_prefix(name)] = value
    return data


def test_the_concept_page_is_headed_by_its_label(client, concept):
    client.force_login(user_with_role("terminologist"))
    page = client.get(change_url(concept)).content.decode()
    assert "<h2>Northern Territories (northern-territories)</h2>" in page


def test_the_part_of_speech_is_a_choice_of_tbx_values(client, concept):
    client.force_login(user_with_role("terminologist"))
    page = client.get(change_url(concept), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    select = re.search(r'<select name="terms-0-part_of_speech"[^>]*>(.*?)</select>', page, re.S)
    assert select, "the part of speech is a list to choose from"
    values = re.findall(r'<option value="([^"]*)"', select.group(1))
    assert values == ["", "noun", "verb", "adjective", "adverb", "properNoun", "other"]
    assert "proper noun (a person or a place)" in select.group(1)


def test_a_stored_value_outside_the_list_is_kept_and_an_unknown_one_refused(client, concept):
    term = Term.objects.get(concept=concept, text="北方領土")
    term.part_of_speech = "nounPhrase"  # as another tool's TBX file may carry it
    term.save()
    client.force_login(user_with_role("terminologist"))
    response = client.get(change_url(concept))
    data = form_data(response)
    (index,) = [
        key.split("-")[1]
        for key, value in data.items()
        if key.endswith("-text") and value == term.text
    ]
    assert data[f"terms-{index}-part_of_speech"] == "nounPhrase"
    # Saved unchanged, the value stays.
    response = client.post(change_url(concept), data)
    assert response.status_code == 302, response.context["errors"]
    term.refresh_from_db()
    assert term.part_of_speech == "nounPhrase"
    # Chosen from the list, it changes; a value neither listed nor stored is refused.
    response = client.post(change_url(concept), {**data, f"terms-{index}-part_of_speech": "noun"})
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.part_of_speech == "noun"
    before = list(Term.objects.order_by("pk").values())
    response = client.post(change_url(concept), {**data, f"terms-{index}-part_of_speech": "verbal"})
    assert response.status_code == 200
    assert "Select a valid choice. verbal is not one of the available choices." in (
        response.content.decode()
    )
    assert list(Term.objects.order_by("pk").values()) == before
