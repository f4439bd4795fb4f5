"""Demo data: the seed release in three languages, roles, accounts and publications."""

import json
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from config import languages
from records.segmenter import parse_release_text
from records.services import release_import_text, release_publish, release_write, topic_ensure
from records.snapshots import release_snapshot

DEMO_DIR = Path(__file__).resolve().parent
SEED_PATH = DEMO_DIR / "japan-russia-summit-2017-07-07.txt"
TRANSLATIONS_PATH = DEMO_DIR / "seed_translations.json"
DEFAULT_PASSWORD = "concord-demo"
# The seed release and its translations file are written in English.
SOURCE = languages.DEFAULT_SOURCE

# Username → role group (the groups themselves come from translations.roles).
ACCOUNTS = [
    ("editor", "Editors"),
    *((f"translator-{code}", f"Translators ({code})") for code in languages.targets(SOURCE)),
    *((f"reviewer-{code}", f"Reviewers ({code})") for code in languages.targets(SOURCE)),
    ("terminologist", "Terminologists"),
]


def demo_password():
    """Return the password of the demo accounts."""
    return os.environ.get("CONCORD_DEMO_PASSWORD", DEFAULT_PASSWORD)


def accounts_ensure(password):
    """Create or update the demo accounts (in the role groups) and the admin superuser."""
    groups = {group.name: group for group in Group.objects.all()}
    missing = sorted({name for _username, name in ACCOUNTS} - set(groups))
    if missing:
        raise LookupError(f"missing role groups (run manage.py sync_roles): {', '.join(missing)}")
    users = {}
    User = get_user_model()
    for username, group_name in ACCOUNTS:
        user, _created = User.objects.get_or_create(username=username)
        user.is_staff = True
        user.is_superuser = False
        user.email = f"{username}@example.org"
        user.set_password(password)
        user.save()
        user.groups.set([groups[group_name]])
        users[username] = user
    admin, _created = User.objects.get_or_create(username="admin")
    admin.is_staff = admin.is_superuser = True
    admin.email = "admin@example.org"
    admin.set_password(password)
    admin.save()
    users["admin"] = admin
    return users


def translations_content(snapshot, translations):
    """Return ``snapshot`` with the demo translations filled in, matched by English text."""
    by_english = {item[SOURCE]: item for item in translations["segments"]}
    content = json.loads(json.dumps(snapshot))
    content["title"].update(translations["title"])
    for photo, extra in zip(content["photos"], translations["photos"], strict=False):
        photo["caption"].update(extra["caption"])
        photo["credit"].update(extra["credit"])
    for segment in content["segments"]:
        item = by_english.get(segment["text"][SOURCE])
        if item:
            segment["text"].update({code: item[code] for code in languages.targets(SOURCE)})
    return content


@transaction.atomic
def demo_load(*, password=None):
    """Load the demo: roles, accounts, the seed release in three languages, publications."""
    password = password or demo_password()
    users = accounts_ensure(password)
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
    for code in languages.CODES:
        release_publish(result.release, code, author=editor)
    return {"release": result.release, "users": users, "password": password}
