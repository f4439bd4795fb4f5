"""The admin's Import release page, through HTTP: preview, commit, refusals and roles."""

import html

import pytest
from django.urls import reverse

from records.models import Photo, Release, Revision, Segment

pytestmark = pytest.mark.django_db

URL = "/admin/records/release/import/"


def written():
    return (
        Release.objects.count(),
        Segment.objects.count(),
        Photo.objects.count(),
        Revision.objects.count(),
    )


def post(client, **data):
    return client.post(URL, {"language": "en", "release": "", "topic": "", **data})


def test_changelist_links_to_the_import_page(client, users):
    client.force_login(users["editor"])
    page = client.get(reverse("admin:records_release_changelist")).content.decode()
    assert f'href="{URL}"' in page
    assert client.get(URL).status_code == 200


def test_terminologist_is_refused(client, users):
    client.force_login(users["terminologist"])
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"text": "x", "language": "en"}).status_code == 403


def test_editor_previews_then_commits_a_new_release(client, users, seed_bytes):
    client.force_login(users["editor"])

    response = post(client, text=seed_bytes.decode("utf-8"), action="preview")

    assert response.status_code == 200 and written() == (0, 0, 0, 0)
    preview = response.context["preview"]
    assert preview["title"] == "Japan-Russia Summit Meeting"
    assert preview["date"].isoformat() == "2017-07-07"
    assert len(preview["photos"]) == 2 and len(preview["segments"]) == 20
    assert [s["label"] for s in preview["segments"][:6]] == ["", "1.", "•", "•", "(1)", "(i)"]
    page = response.content.decode()
    assert "Northern Territories issue" in page and 'value="commit"' in page

    response = post(client, text=seed_bytes.decode("utf-8"), action="commit")

    release = Release.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:records_release_change", args=[release.pk])
    assert release.segments.count() == 20
    assert Revision.objects.get().author == users["editor"]


def test_upload_is_previewed_with_doubtful_lines_marked(client, users, data_dir):
    client.force_login(users["editor"])
    with open(data_dir / "release-variant-no-breadcrumb-2010-11-13.txt", "rb") as file:
        response = client.post(URL, {"file": file, "language": "en", "action": "preview"})

    preview = response.context["preview"]
    assert preview["title"] == "Japan-Russia Foreign Ministers’ Meeting"
    assert all(photo["doubts"] for photo in preview["photos"])
    assert [s["label"] for s in preview["segments"][1:5]] == ["1. (1)", "(a)", "(b)", "(c)"]
    assert 'class="photo doubt"' in response.content.decode()
    assert written() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "upload a file or paste the release text"),
        ("Japan-Russia Relations\nFebruary 30, 2017\nText.\n", "line 2: the date"),
        ("Japan-Russia Relations\nJuly 7, 2017\n\n1.\n\nText.", 'line 4: the heading marker "1."'),
        ("Japan-Russia Relations\nMeeting\nText.\n", "line 3: expected a date"),
    ],
)
def test_bad_input_is_refused_naming_the_line_and_nothing_is_written(client, users, text, message):
    client.force_login(users["editor"])

    response = post(client, text=text, action="commit")

    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert written() == (0, 0, 0, 0)


def test_translator_imports_japanese_into_an_existing_release(
    client, users, seed_release, data_dir
):
    client.force_login(users["translator-ja"])
    text = (data_dir / "release-seed-ja-2017-07-07.txt").read_text("utf-8")

    response = post(client, text=text, language="ja", release=seed_release.slug, action="preview")

    alignment = response.context["alignment"]
    assert alignment.ok and len(alignment.segments) == 20
    assert seed_release.revisions.count() == 1
    assert "北方領土問題" in response.content.decode()

    response = post(client, text=text, language="ja", release=seed_release.slug, action="commit")

    assert response.status_code == 302
    revision = seed_release.revisions.get(number=2)
    assert revision.author == users["translator-ja"]
    assert revision.snapshot["segments"][1]["text"]["ja"] == "北方領土問題"


def test_misaligned_version_is_refused_with_the_line(client, users, seed_release, data_dir):
    client.force_login(users["translator-ja"])
    text = (data_dir / "release-seed-ja-2017-07-07.txt").read_text("utf-8")
    text = text.replace("- ア　両首脳は、6月末", "・両首脳は、6月末")
    before = written()

    response = post(client, text=text, language="ja", release=seed_release.slug, action="commit")

    assert response.status_code == 200
    assert "line 13: the file has a segment (bullet)" in response.content.decode()
    assert written() == before
    assert not Segment.objects.exclude(text_ja="").exists()


@pytest.mark.parametrize(
    ("language", "release", "message"),
    [
        ("ja", "", "you may not create releases"),
        ("ru", "seed", "Select a valid choice"),
        ("en", "seed", "Select a valid choice"),
    ],
)
def test_translator_may_import_only_japanese_into_an_existing_release(
    client, users, seed_release, data_dir, language, release, message
):
    client.force_login(users["translator-ja"])
    before = written()
    names = {"ja": "release-seed-ja-2017-07-07.txt", "ru": "release-seed-ru-2017-07-07.txt"}
    text = (data_dir / names.get(language, "release-seed-2017-07-07.txt")).read_text("utf-8")
    text = text.replace("Japan-Russia Summit Meeting (Photo", "Japan-Russia Summit (Photo")

    response = post(
        client,
        text=text,
        language=language,
        release=seed_release.slug if release else "",
        action="commit",
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert written() == before


def test_release_page_links_to_importing_a_text_into_it(client, users, seed_release):
    client.force_login(users["translator-ja"])
    change = reverse("admin:records_release_change", args=[seed_release.pk])
    link = f"{URL}?release={seed_release.slug}"

    assert link in client.get(change).content.decode()
    form = client.get(link).context["form"]
    assert form["release"].value() == seed_release.slug
    assert [code for code, _name in form.fields["language"].choices] == ["ja"]
