"""Demo data: the accounts of every role and the seed release with its translations."""

import json
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from config import languages
from records.segmenter import parse_release_text
from records.services import release_import_text

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


def seed_translations():
    """Return the demo translations of the seed release (title, photos, segments by English)."""
    return json.loads(TRANSLATIONS_PATH.read_text(encoding="utf-8"))


def translations_content(snapshot, translations, codes=None):
    """Return ``snapshot`` with the demo translations of ``codes`` (default: every target)
    filled in, segments matched by English text."""
    codes = list(languages.targets(SOURCE) if codes is None else codes)
    by_english = {item[SOURCE]: item for item in translations["segments"]}
    content = json.loads(json.dumps(snapshot))
    content["title"].update({code: translations["title"][code] for code in codes})
    for photo, extra in zip(content["photos"], translations["photos"], strict=False):
        photo["caption"].update({code: extra["caption"][code] for code in codes})
        photo["credit"].update({code: extra["credit"][code] for code in codes})
    for segment in content["segments"]:
        item = by_english.get(segment["text"][SOURCE])
        if item:
            segment["text"].update({code: item[code] for code in codes})
    return content


def seed_parsed():
    """Return the parsed seed release text."""
    return parse_release_text(SEED_PATH.read_bytes())


@transaction.atomic
def seed_import(editor):
    """Import the seed release's English text as ``editor``; return the write result."""
    return release_import_text(seed_parsed(), author=editor, message="Seed release imported")
