"""What a first look trips on (issue 22, item 6): releases of one title told apart wherever
they are listed, the file forms in the admin's style with breadcrumbs, /favicon.ico, plural
forms in counted messages, exports naming units as the workbench does."""

import html
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from records.services import MergeConflict, release_write
from records.snapshots import release_snapshot
from tests.scenarios import TARGETS, release_with, user_with_role
from translations.exchange.services import release_file_export
from translations.glossary.merge import GlossaryReport

pytestmark = pytest.mark.django_db

TITLE = "Summit Meeting"
TWINS = [("summit-2017-07-07", "2017-07-07"), ("summit-2018-05-26", "2018-05-26")]


@pytest.fixture
def twins(roles):
    """Two releases with the same title, told apart only by date and slug."""
    return [
        release_with(slug=slug, date=date, title=TITLE, languages=("en", *TARGETS))
        for slug, date in TWINS
    ]


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_favicon_is_served(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_the_release_list_tells_same_titles_apart(client, twins):
    text = page(client, user_with_role("editor"), reverse("admin:records_release_changelist"))
    for slug, _date in TWINS:
        assert f'{TITLE}<br><span class="help">{slug}</span>' in text, slug


def test_the_import_form_offers_releases_by_title_date_and_slug(client, twins):
    text = page(client, user_with_role("editor"), reverse("admin:records_release_import"))
    assert f">{TITLE} (July 7, 2017 · summit-2017-07-07)</option>" in text
    assert f">{TITLE} (May 26, 2018 · summit-2018-05-26)</option>" in text


def test_my_work_tells_same_titles_apart(client, twins):
    text = page(
        client, user_with_role("translator", "ja"), reverse("translations:my_work") + "?all=1"
    )
    assert '<time datetime="2017-07-07">July 7, 2017</time> · summit-2017-07-07' in text
    assert '<time datetime="2018-05-26">May 26, 2018</time> · summit-2018-05-26' in text


def test_the_publication_list_tells_same_titles_apart(client, roles):
    for slug, date in TWINS:
        release_with(slug=slug, date=date, title=TITLE, published=("en",))
    text = page(client, user_with_role("editor"), reverse("admin:records_publication_changelist"))
    assert "July 7, 2017 · summit-2017-07-07" in text and "May 26, 2018 · summit-2018-05-26" in text


@pytest.mark.parametrize(
    "url, crumbs",
    [
        (
            reverse("admin:records_release_import"),
            ["Home", "Records", "Releases", "Import release"],
        ),
        (
            reverse("admin:translations_glossary_import"),
            ["Home", "Translations", "Concepts", "Upload a glossary"],
        ),
    ],
)
def test_file_forms_have_the_admin_style_and_breadcrumbs(client, roles, url, crumbs):
    text = page(client, user_with_role("admin"), url)
    trail = re.search(r'<div class="breadcrumbs">(.*?)</div>', text, re.S).group(1)
    assert [part.strip() for part in re.sub(r"<[^>]+>", "", trail).split("›")] == crumbs
    assert "admin/css/forms.css" in text
    assert 'class="form-row field-' in text and 'class="flex-container' in text


def test_a_glossary_report_of_one_concept_says_concept(roles):
    report = GlossaryReport()
    report.created = ["northern-territories"]
    report.empty = ["entry 3"]
    lines = "\n".join(report.lines())
    assert "1 concept created," in lines
    assert "1 entry has no term in a language Concord keeps and was skipped." in lines
    report.created.append("peace-treaty")
    assert "2 concepts created," in "\n".join(report.lines())


def test_one_conflict_is_said_in_the_singular(roles):
    release = release_with()
    editor = user_with_role("editor")
    base = release.head_number
    mine, theirs = release_snapshot(release), release_snapshot(release)
    theirs["segments"][0]["text"]["en"] = "Their sentence."
    release_write(theirs, author=editor, based_on=base)
    mine["segments"][0]["text"]["en"] = "My sentence."
    with pytest.raises(MergeConflict) as refusal:
        release_write(mine, author=editor, based_on=base)
    assert "1 of your changes collides with theirs" in str(refusal.value)


def test_a_command_counting_one_page_says_page(published):
    from io import StringIO

    out = StringIO()
    with translation.override("en"):
        call_command("rebuild_reader", stdout=out)
    assert re.fullmatch(r"Rebuilt \d+ reader pages?\.\n", out.getvalue())
    count = int(re.search(r"\d+", out.getvalue()).group())
    assert out.getvalue().endswith("page.\n" if count == 1 else "pages.\n")


def test_exports_name_units_as_the_workbench_does(roles):
    release = release_with(languages=("en", *TARGETS), photos=1)
    po = release_file_export(release, "ja", "po").decode()
    assert "#. segment 1\n" in po and "#. photo 1 caption\n" in po and "#. title\n" in po
    assert "#. paragraph" not in po and "#. caption" not in po
    xliff = release_file_export(release, "ja", "xliff").decode()
    assert 'resname="segment 2"' in xliff and 'resname="photo 1 credit"' in xliff
