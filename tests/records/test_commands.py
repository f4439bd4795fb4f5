"""Shell commands for history, diff, restore, publish and JSON export."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError

from records.models import Photo, Publication, Release, Revision, Segment
from records.services import revision_commit
from tests.helpers import command_output, run

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


def test_history_text_and_json(demo):
    slug = demo["release"].slug
    text = run("release_history", slug)
    assert "Japanese and Russian translations" in text.splitlines()[0]
    rows = json.loads(run("release_history", slug, "--format", "json"))["revisions"]
    assert [row["number"] for row in rows] == [2, 1]
    assert rows[0]["author"] == "editor" and rows[0]["parent"] == 1


RED = "\x1b[31m"
RENDERER_CODES = re.compile("\x1b\\[(?:0|1|3[1236])m")


@pytest.fixture
def tainted(demo):
    """Revision 3 of the demo release with an escape sequence in texts, message and username.

    The write paths refuse control characters in texts; rows from before that rule, or written
    past the services, may still hold them, and user names and messages are free text.
    """
    release = demo["release"]
    author = get_user_model().objects.create_user(f"mallory{RED}", password="x")
    Release.objects.filter(pk=release.pk).update(title_en=f"Summit {RED}red")
    segment = release.segments.order_by("position").first()
    Segment.objects.filter(pk=segment.pk).update(text_en=f"{segment.text_en} {RED}red")
    Segment.objects.create(release=release, position=99, text_en=f"New {RED}line")
    Photo.objects.filter(release=release).update(caption_en=f"Caption {RED}red")
    release.refresh_from_db()
    assert revision_commit(release, author=author, message=f"Paint it {RED}red\x9b2J").number == 3
    return release


def test_history_prints_no_control_characters(tainted):
    text = run("release_history", tainted.slug)
    assert "\x1b" not in text and "\x9b" not in text
    line = text.splitlines()[0]
    assert "mallory\\x1b[31m" in line and "Paint it \\x1b[31mred\\x9b2J" in line
    as_json = run("release_history", tainted.slug, "--format", "json")
    assert "\x1b" not in as_json and "\x9b" not in as_json
    newest = json.loads(as_json)["revisions"][0]
    assert newest["message"] == f"Paint it {RED}red\x9b2J"  # the data itself is exact
    assert newest["author"] == f"mallory{RED}"


@pytest.mark.parametrize("color", [False, True])
def test_diff_prints_no_control_characters_from_the_text(tainted, color):
    out = run("release_diff", tainted.slug, "2", "3", "--lang", "en", *(["--color"] * color))
    # With --color, the renderer's own colour codes are the only escape sequences left.
    assert "\x1b" not in (RENDERER_CODES.sub("", out) if color else out)
    for text in ("Summit \\x1b[31mred", " \\x1b[31mred", "New \\x1b[31mline", "Caption \\x1b[31m"):
        assert text in out


def test_diff_per_language(demo):
    slug = demo["release"].slug
    out = run("release_diff", slug, "1", "2", "--lang", "ru")
    assert "=== ru" in out and "=== ja" not in out
    assert "{+Проблема северных территорий+}" in out
    everything = run("release_diff", slug, "1", "2")
    assert all(f"=== {code}" in everything for code in ("en", "ja", "ru"))
    with pytest.raises(CommandError, match="no revision 7"):
        run("release_diff", slug, "1", "7")


def test_restore_command(published):
    slug = published["release"].slug
    out = run("release_restore", slug, "1", "--author", "editor")
    assert "as revision 3" in out
    assert Release.objects.get().title_ja == ""
    with pytest.raises(CommandError, match="no revision 8"):
        run("release_restore", slug, "8", "--author", "editor")
    with pytest.raises(CommandError, match="unknown user"):
        run("release_restore", slug, "2", "--author", "ghost")
    assert Revision.objects.count() == 3


def test_publish_command_and_refusals(published):
    slug = published["release"].slug
    run("release_restore", slug, "1", "--author", "editor")
    out = run("release_publish", slug, "--lang", "en", "--author", "editor")
    assert "Published revision 3" in out
    with pytest.raises(CommandError, match="not fully translated"):
        run("release_publish", slug, "--lang", "ja", "--author", "editor")
    with pytest.raises(CommandError, match="may not publish"):
        run("release_publish", slug, "--lang", "en", "--revision", "2", "--author", "translator-ja")
    with pytest.raises(CommandError, match="no revision 5"):
        run("release_publish", slug, "--lang", "en", "--revision", "5", "--author", "editor")
    current = {
        p.language: p.revision.number
        for p in Publication.objects.order_by("id").select_related("revision")
    }
    assert current == {"en": 3, "ja": 2, "ru": 2}


def test_export_any_revision_and_import_back(published, tmp_path):
    slug = published["release"].slug
    latest = json.loads(run("export_release", slug, "--format", "json"))
    assert latest["revision"] == 2 and latest["title"]["ru"]
    assert latest["topic"]["name"]["ja"] == "日露関係"
    first = json.loads(run("export_release", slug, "--revision", "1"))
    assert first["revision"] == 1 and first["title"]["ru"] == ""
    with pytest.raises(CommandError, match="no revision 9"):
        run("export_release", slug, "--revision", "9")
    path = tmp_path / "latest.json"
    path.write_text(json.dumps(latest, ensure_ascii=False), "utf-8")
    assert "unchanged" in run("import_release", str(path))
    # An export of revision 1 changed nothing since: revision 2's translations stay.
    old = tmp_path / "first.json"
    old.write_text(json.dumps(first, ensure_ascii=False), "utf-8")
    assert "unchanged" in run("import_release", str(old))
    # Its Japanese title collides with revision 2's: --strict refuses the whole file …
    first["title"]["ja"] = "別の題"
    first["segments"][0]["text"]["en"] = "A lead edited in the file."
    old.write_text(json.dumps(first, ensure_ascii=False), "utf-8")
    with pytest.raises(CommandError, match="collide"):
        run("import_release", str(old), "--strict")
    assert Revision.objects.count() == 2
    # … by default the rest applies and the conflict is reported, revision 2's title kept.
    out, err = command_output("import_release", str(old))
    assert "revision 3" in out and "release:title:ja" in err
    published["release"].refresh_from_db()
    assert published["release"].title_ja == latest["title"]["ja"]
    assert published["release"].segments.first().text_en == "A lead edited in the file."
    assert "revision 4" in run("import_release", str(old), "--force")
    published["release"].refresh_from_db()
    assert published["release"].title_ja == "別の題"
    assert "forced" in Revision.objects.get(number=4).message


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(title={"en": "x", "de": "y"}), "unknown language de"),
        (lambda d: d["segments"][0].update(kind="footnote"), "unknown kind"),
        (lambda d: d["segments"][1].update(key=d["segments"][0]["key"]), "duplicate key"),
        (lambda d: d["segments"][0].update(key="not-a-uuid"), "is not a UUID"),
        (lambda d: d.update(date="2017-13-01"), "is not a date"),
        (lambda d: d.pop("segments"), "segments: missing"),
        (lambda d: d.update(format="something-else"), "format"),
    ],
)
def test_bad_json_is_refused_and_nothing_written(published, tmp_path, mutate, message):
    slug = published["release"].slug
    document = json.loads(run("export_release", slug))
    document["slug"] = "another-release"
    mutate(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    with pytest.raises(CommandError, match=message):
        run("import_release", str(path))
    assert Release.objects.count() == 1 and Revision.objects.count() == 2


def test_malformed_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "slug": "x",\n  oops\n}', "utf-8")
    with pytest.raises(CommandError, match="line 3: not valid JSON"):
        run("import_release", str(path))
    assert Release.objects.count() == 0


def three_language_document(**overrides):
    document = {
        "slug": "summit-three-languages",
        "date": "2017-07-07",
        "topic": {"slug": "japan-russia-relations", "name": {"en": "Japan-Russia Relations"}},
        "title": {"en": "Summit Meeting", "ja": "首脳会談", "ru": "Встреча на высшем уровне"},
        "photos": [],
        "segments": [
            {
                "key": "11111111-1111-4111-8111-111111111111",
                "kind": "heading",
                "level": 1,
                "text": {"en": "Economy", "ja": "経済", "ru": "Экономика"},
            },
            {
                "key": "22222222-2222-4222-8222-222222222222",
                "kind": "bullet",
                "level": 1,
                "text": {
                    "en": "The leaders discussed the eight-point cooperation plan.",
                    "ja": "両首脳は8項目の「協力プラン」について議論した。",
                    "ru": "Лидеры обсудили план сотрудничества из восьми пунктов.",
                },
            },
        ],
    }
    document.update(overrides)
    return document


def test_import_edit_restore_history_and_diffs_in_three_languages(tmp_path, editor):
    """Import, import an edited copy, restore revision 1: three right revisions."""
    first = three_language_document()
    edited = json.loads(json.dumps(first))
    edited["revision"] = 1
    bullet = edited["segments"][1]["text"]
    bullet["en"] = bullet["en"].replace("discussed", "reviewed")
    bullet["ja"] = bullet["ja"].replace("議論した", "検討した")
    bullet["ru"] = bullet["ru"].replace("обсудили", "рассмотрели")
    for name, document in (("first.json", first), ("edited.json", edited)):
        path = tmp_path / name
        path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
        run("import_release", str(path), "--author", "editor")
    slug = first["slug"]
    assert "as revision 3" in run("release_restore", slug, "1", "--author", "editor")

    history = json.loads(run("release_history", slug, "--format", "json"))["revisions"]
    assert [row["number"] for row in history] == [3, 2, 1]
    assert history[0]["message"] == "Restored revision 1"
    snapshots = {r.number: r.snapshot for r in Revision.objects.filter(release__slug=slug)}
    assert snapshots[3] == snapshots[1] != snapshots[2]

    forward = {
        code: run("release_diff", slug, "1", "2", "--lang", code) for code in ("en", "ja", "ru")
    }
    assert "[-discussed-]{+reviewed+}" in forward["en"]
    assert "[-議論-]{+検討+}" in forward["ja"]
    assert "[-обсудили-]{+рассмотрели+}" in forward["ru"]
    back = run("release_diff", slug, "2", "3", "--lang", "ru")
    assert "[-рассмотрели-]{+обсудили+}" in back
    release = Release.objects.get(slug=slug)
    assert release.segments.get(key=first["segments"][1]["key"]).text_ja == bullet["ja"].replace(
        "検討した", "議論した"
    )
