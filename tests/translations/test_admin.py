"""Admin for terminologists and translators: glossary pages and highlighted findings."""

import pytest
from django.urls import reverse

from tests.helpers import revise_and_check
from translations.checks.services import release_terms_check
from translations.models import Concept, Term

pytestmark = pytest.mark.django_db


def test_term_review_highlights_findings_at_their_offsets(client, demo):
    release = demo["release"]
    revise_and_check(demo, 1, "ru", "Проблема Южных Курил")
    client.force_login(demo["users"]["translator-ru"])
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    page = client.get(url, {"lang": "ru"}).content.decode()
    assert 'Проблема <mark class="finding error"' in page
    assert ">Южных Курил</mark>" in page
    assert "северные территории" in page
    clean = client.get(url, {"lang": "ja"}).content.decode()
    assert "<mark" not in clean and "Errors: 0 · Warnings: 0 · Notes: 0" in clean


def test_missing_term_marks_the_english_source(client, demo):
    release = demo["release"]
    revise_and_check(demo, 1, "ja", "領土問題")
    client.force_login(demo["users"]["reviewer-ja"])
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    page = client.get(url, {"lang": "ja"}).content.decode()
    assert '<mark class="finding warning"' in page
    assert ">Northern Territories</mark> issue" in page


def test_release_translation_list_counts_findings(client, demo, django_assert_max_num_queries):
    release_terms_check(demo["release"])
    client.force_login(demo["users"]["translator-ja"])
    with django_assert_max_num_queries(11):
        response = client.get(reverse("admin:translations_releasetermfindings_changelist"))
    assert response.status_code == 200
    assert "Japan-Russia Summit Meeting" in response.content.decode()


def test_concept_admin_search_and_filters(client, demo, django_assert_max_num_queries):
    client.force_login(demo["users"]["terminologist"])
    url = reverse("admin:translations_concept_changelist")
    with django_assert_max_num_queries(13):
        response = client.get(url, {"q": "Курилы"})
    assert list(response.context["cl"].result_list) == [
        Concept.objects.get(identifier="northern-territories")
    ]
    forbidden = client.get(url, {"status": "forbidden"}).context["cl"].result_list
    assert [c.identifier for c in forbidden] == ["northern-territories"]
    page = client.get(
        reverse(
            "admin:translations_concept_change", args=[Concept.objects.get(identifier="tor").pk]
        )
    )
    body = page.content.decode()
    assert "先行発展領域" in body and "территория опережающего развития" in body


def test_terminologist_edit_rechecks(client, demo, django_capture_on_commit_callbacks):
    client.force_login(demo["users"]["terminologist"])
    concept = Concept.objects.get(identifier="peace-treaty")
    url = reverse("admin:translations_concept_change", args=[concept.pk])
    response = client.get(url)
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    terms = list(concept.terms.order_by("language", "position", "id"))
    data.update(
        {
            "terms-TOTAL_FORMS": str(len(terms)),
            "terms-INITIAL_FORMS": str(len(terms)),
            "terms-MIN_NUM_FORMS": "0",
            "terms-MAX_NUM_FORMS": "1000",
        }
    )
    for index, term in enumerate(terms):
        data.update(
            {
                f"terms-{index}-id": term.pk,
                f"terms-{index}-concept": concept.pk,
                f"terms-{index}-language": term.language,
                f"terms-{index}-text": term.text,
                f"terms-{index}-status": term.status,
                f"terms-{index}-position": term.position,
                f"terms-{index}-part_of_speech": term.part_of_speech,
            }
        )
    data["terms-2-text"] = "мирное соглашение"  # ru term replaced: the demo text now lacks it
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    assert Term.objects.filter(text="мирное соглашение").exists()
    from translations.models import Finding

    assert (
        Finding.objects.filter(language="ru", check_id="missing-term", concept=concept).count() == 2
    )


def test_translator_cannot_edit_glossary(client, demo):
    client.force_login(demo["users"]["translator-ru"])
    concept = Concept.objects.get(identifier="tor")
    response = client.post(
        reverse("admin:translations_concept_delete", args=[concept.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Concept.objects.filter(identifier="tor").exists()


def test_findings_speak_the_reviewers_language(client, demo):
    from django.core.management import call_command

    call_command("compile_catalogs", verbosity=0)
    release = demo["release"]
    revise_and_check(demo, 1, "ru", "Проблема Южных Курил")
    client.force_login(demo["users"]["reviewer-ru"])
    url = reverse("admin:translations_releasetermfindings_change", args=[release.pk])
    english = client.get(url, {"lang": "ru"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "is a forbidden term for Northern Territories;" in english
    russian = client.get(url, {"lang": "ru"}, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "is a forbidden term for" not in russian
    assert "«Южных Курил»" in russian or "“Южных Курил”" in russian


def test_unchanged_concept_save_keeps_the_glossary_version(client, demo):
    from translations.models import GlossaryState

    client.force_login(demo["users"]["terminologist"])
    concept = Concept.objects.get(identifier="eef")
    url = reverse("admin:translations_concept_change", args=[concept.pk])
    response = client.get(url)
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    formset = response.context["inline_admin_formsets"][0].formset
    for name in formset.management_form.fields:
        data[formset.management_form.add_prefix(name)] = formset.management_form[name].value()
    for sub in formset.forms:
        for name in sub.fields:
            value = sub[name].value()
            if value is not None and value is not False:
                data[sub.add_prefix(name)] = value
    before = GlossaryState.current()
    assert client.post(url, data).status_code == 302
    assert GlossaryState.current() == before


def test_term_findings_page_needs_its_own_view_permission(client, published):
    """One permission and one URL name: the old-name alias is gone."""
    from django.contrib.auth.models import Group, Permission, User
    from django.urls import NoReverseMatch

    assert not Permission.objects.filter(codename="view_releasetranslation").exists()
    with pytest.raises(NoReverseMatch):
        reverse("admin:translations_releasetranslation_change", args=[published["release"].pk])
    view = Permission.objects.get(
        content_type__app_label="translations", codename="view_releasetermfindings"
    )
    for group in Group.objects.all():
        assert view in group.permissions.all(), group.name
    url = reverse("admin:translations_releasetermfindings_change", args=[published["release"].pk])
    staff = User.objects.create_user("staff-only", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 403
    staff.user_permissions.add(view)
    staff = User.objects.get(pk=staff.pk)  # a fresh permission cache
    client.force_login(staff)
    assert client.get(url).status_code == 200
