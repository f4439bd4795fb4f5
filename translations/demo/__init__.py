"""The full demo: the glossary, the accounts, the seed release reviewed and published, and
work waiting in every queue.

1. the editor imports the English seed and the ministry's translations, submitted for
   review; each language's reviewer approves them; the editor publishes all three languages
   (what the accounts were told of on the way is past: read, and mailed to nobody);
2. the editor then revises one English sentence (the Japanese is outdated), and
   translator-ru updates the Russian, submits it and leaves a comment for the reviewer;
3. with ``series``, the editor imports the series' next release (English only, September
   2017): some of its sentences are the seed's, some nearly so, some new — its workbenches
   show the translation memory's exact and fuzzy matches, and Pre-translate fills the exact
   ones.

Loading again changes nothing once the seed release exists.
"""

from pathlib import Path

from django.db import transaction

from config import languages
from records.demo import (
    SOURCE,
    accounts_ensure,
    demo_password,
    seed_import,
    seed_parsed,
    seed_translations,
    translations_content,
)
from records.models import Release
from records.segmenter import parse_release_text
from records.services import release_import_text, release_publish, release_write, topic_ensure
from records.services.alignment import content_from_parsed
from records.snapshots import release_snapshot
from translations.glossary.files import csv_load
from translations.glossary.services import glossary_import
from translations.notifications.models import Notification
from translations.notifications.services import notifications_settle
from translations.review.actions import comment_add, units_approve
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

GLOSSARY_PATH = Path(__file__).resolve().parent / "glossary.csv"
# The next release of the seed's series, in English: translated from the memory.
SERIES_PATH = Path(__file__).resolve().parent / "japan-russia-summit-2017-09-07.txt"
# The sentence the editor revises after publication, and the Russian that follows it.
REVISED_INDEX = 6
REVISED_EN = ("in Moscow in late August.", "in Moscow in late August 2017.")
REVISED_RU = ("в конце августа в Москве", "в конце августа 2017 года в Москве")
COMMENT_RU = "Добавил год вслед за английским текстом. Проверьте, пожалуйста, порядок слов."


def _translate(release, users, translations):
    """The editor brings in the ministry's translations, submitted for review; each
    language's reviewer approves them."""
    release_write(
        translations_content(release_snapshot(release), translations),
        author=users["editor"],
        message="Japanese and Russian translations",
        based_on=release.head_number,
        context={"submit": dict.fromkeys(languages.targets(SOURCE), True)},
    )
    release.refresh_from_db()
    for code in languages.targets(SOURCE):
        keys = UnitStatus.objects.filter(
            release=release, language=code, state=UnitState.NEEDS_REVIEW
        ).values_list("key", flat=True)
        units_approve(
            release, code, list(keys), users[f"reviewer-{code}"], based_on=release.head_number
        )


def _revise(release, users):
    """The editor revises one English sentence; translator-ru follows and submits."""
    content = release_snapshot(release)
    segment = content["segments"][REVISED_INDEX]
    segment["text"][SOURCE] = segment["text"][SOURCE].replace(*REVISED_EN)
    release_write(
        content,
        author=users["editor"],
        message="Year added to the consultations",
        based_on=release.head_number,
    )
    release.refresh_from_db()
    content = release_snapshot(release)
    segment = content["segments"][REVISED_INDEX]
    segment["text"]["ru"] = segment["text"]["ru"].replace(*REVISED_RU)
    release_write(
        content,
        author=users["translator-ru"],
        message="Russian follows the revised English",
        based_on=release.head_number,
        context={"submit": {"ru": True}},
    )
    release.refresh_from_db()
    comment_add(release, segment["key"], "ru", COMMENT_RU, users["translator-ru"])


def series_ensure(editor):
    """Import the series' next release (English only) unless it exists; return it."""
    parsed = parse_release_text(SERIES_PATH.read_bytes())
    existing = Release.objects.filter(slug=content_from_parsed(parsed)["slug"]).first()
    if existing is not None:
        return existing
    return release_import_text(
        parsed, author=editor, message="Next release of the series imported"
    ).release


@transaction.atomic
def demo_load_all(*, password=None, scenario=True, series=False):
    """Load the demo glossary, accounts and release; ``scenario`` adds the work in progress,
    ``series`` the series' next release, untranslated (in ``loaded["series"]``)."""
    glossary = glossary_import(csv_load(GLOSSARY_PATH.read_bytes()))
    password = password or demo_password()
    users = accounts_ensure(password)
    slug = content_from_parsed(seed_parsed())["slug"]
    release = Release.objects.filter(slug=slug).first()
    loaded = {"users": users, "password": password, "glossary": glossary}
    if release is not None:
        if series:
            loaded["series"] = series_ensure(users["editor"])
        return {**loaded, "release": release, "created": False}
    told = Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    release = seed_import(users["editor"]).release
    translations = seed_translations()
    topic_ensure(release.topic.slug, translations["topic"])
    _translate(release, users, translations)
    for code in languages.CODES:
        release_publish(release, code, author=users["editor"])
    # The demo's past (25 units submitted, approved, ready to publish and published): its
    # notifications are read already; only the work in progress below is news.
    notifications_settle(Notification.objects.filter(pk__gt=told))
    if scenario:
        _revise(release, users)
    if series:
        loaded["series"] = series_ensure(users["editor"])
    release.refresh_from_db()
    return {**loaded, "release": release, "created": True}
