"""Demo data: the seed release in three languages, roles, accounts and publications."""

import json
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from records.segmenter import parse_release_text
from records.services import release_import_text, release_publish, release_write, topic_ensure
from records.snapshots import LANGUAGE_CODES, release_snapshot

DEMO_DIR = Path(__file__).resolve().parent
SEED_PATH = DEMO_DIR / "japan-russia-summit-2017-07-07.txt"
TRANSLATIONS_PATH = DEMO_DIR / "seed_translations.json"
DEFAULT_PASSWORD = "concord-demo"

# Group name → permission codenames ("app_label.codename").
READ_GLOSSARY = [
    "translations.view_concept",
    "translations.view_term",
    "translations.view_releasetranslation",
]
READ_RELEASES = ["records.view_release", "records.view_segment", "records.view_photo"]


def _translator(language):
    return [
        *READ_RELEASES,
        "records.change_release",
        f"records.edit_text_{language}",
        "records.change_segment",
        "records.change_photo",
        *READ_GLOSSARY,
    ]


ROLES = {
    "Editors": [
        *READ_RELEASES,
        "records.view_topic",
        "records.add_topic",
        "records.change_topic",
        "records.add_release",
        "records.change_release",
        "records.publish_release",
        "records.edit_text_en",
        "records.edit_text_ja",
        "records.edit_text_ru",
        "records.add_segment",
        "records.change_segment",
        "records.delete_segment",
        "records.add_photo",
        "records.change_photo",
        "records.delete_photo",
        "records.view_publication",
        *READ_GLOSSARY,
    ],
    "Translators (ja)": _translator("ja"),
    "Translators (ru)": _translator("ru"),
    "Reviewers (ja)": [*READ_RELEASES, *READ_GLOSSARY],
    "Reviewers (ru)": [*READ_RELEASES, *READ_GLOSSARY],
    "Terminologists": [
        *READ_GLOSSARY,
        "translations.add_concept",
        "translations.change_concept",
        "translations.delete_concept",
        "translations.add_term",
        "translations.change_term",
        "translations.delete_term",
    ],
}

ACCOUNTS = [
    ("editor", "Editors"),
    ("translator-ja", "Translators (ja)"),
    ("translator-ru", "Translators (ru)"),
    ("reviewer-ja", "Reviewers (ja)"),
    ("reviewer-ru", "Reviewers (ru)"),
    ("terminologist", "Terminologists"),
]


def demo_password():
    """Return the password of the demo accounts."""
    return os.environ.get("CONCORD_DEMO_PASSWORD", DEFAULT_PASSWORD)


def roles_ensure(roles=ROLES):
    """Create the demo groups with exactly their permissions."""
    wanted = {perm for perms in roles.values() for perm in perms}
    by_name = {
        f"{perm.content_type.app_label}.{perm.codename}": perm
        for perm in Permission.objects.select_related("content_type")
    }
    missing = sorted(wanted - set(by_name))
    if missing:
        raise LookupError(f"unknown permissions: {', '.join(missing)}")
    groups = {}
    for name, perms in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([by_name[perm] for perm in perms])
        groups[name] = group
    return groups


def accounts_ensure(groups, password):
    """Create or update the demo accounts and the admin superuser."""
    users = {}
    User = get_user_model()
    for username, group_name in ACCOUNTS:
        user, _created = User.objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = False
        user.set_password(password)
        user.save()
        user.groups.set([groups[group_name]])
        users[username] = user
    admin, _created = User.objects.get_or_create(username="admin")
    admin.is_staff = admin.is_superuser = True
    admin.set_password(password)
    admin.save()
    users["admin"] = admin
    return users


def translations_content(snapshot, translations):
    """Return ``snapshot`` with the demo translations filled in, matched by English text."""
    by_english = {item["en"]: item for item in translations["segments"]}
    content = json.loads(json.dumps(snapshot))
    content["title"].update(translations["title"])
    for photo, extra in zip(content["photos"], translations["photos"], strict=False):
        photo["caption"].update(extra["caption"])
        photo["credit"].update(extra["credit"])
    for segment in content["segments"]:
        item = by_english.get(segment["text"]["en"])
        if item:
            segment["text"].update({code: item[code] for code in LANGUAGE_CODES if code != "en"})
    return content


@transaction.atomic
def demo_load(*, password=None):
    """Load the demo: roles, accounts, the seed release in three languages, publications."""
    password = password or demo_password()
    groups = roles_ensure()
    users = accounts_ensure(groups, password)
    editor = users["editor"]
    parsed = parse_release_text(SEED_PATH.read_bytes())
    result = release_import_text(parsed, author=editor, message="Seed release imported")
    translations = json.loads(TRANSLATIONS_PATH.read_text(encoding="utf-8"))
    topic_ensure(result.release.topic.slug, translations["topic"])
    content = translations_content(release_snapshot(result.release), translations)
    result = release_write(
        content,
        author=editor,
        message="Japanese and Russian translations",
        based_on=result.release.head_number,
    )
    for code in LANGUAGE_CODES:
        release_publish(result.release, code, author=editor)
    return {"release": result.release, "users": users, "password": password}
