"""Small named scenarios for tests, built through the project's own write path.

Every builder writes the way a user's actions do: accounts join the role groups that
``translations.roles`` keeps; releases go through ``release_write`` (with the review
listeners and the term check after each revision), translations are approved with
``units_approve`` and published with ``release_publish``; glossaries go through
``glossary_import``. A test that needs only "a release translated and published in three
languages" builds that, in a few milliseconds, instead of loading the whole demo.

The accounts keep the demo's usernames (``editor``, ``translator-ja``, ``reviewer-ru``,
``terminologist``, ``admin``), so a test reads the same with either.
"""

import json
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from config import languages
from records.services import release_publish, release_write
from records.snapshots import release_snapshot
from translations import roles
from translations.glossary.files import ConceptData, TermData
from translations.glossary.services import glossary_import
from translations.review.actions import comment_add, units_approve
from translations.review.models import UnitStatus
from translations.review.vocabulary import UnitState

PASSWORD = "test-password-123"
SOURCE = languages.DEFAULT_SOURCE
TARGETS = tuple(languages.targets(SOURCE))

# --- accounts ------------------------------------------------------------------------------

ROLE_GROUPS = {
    "editor": lambda language: roles.EDITORS,
    "translator": roles.translators,
    "reviewer": roles.reviewers,
    "terminologist": lambda language: roles.TERMINOLOGISTS,
}


def user_with_role(role, language=None, *, username=None):
    """Return a staff account in ``role``'s group (``"admin"``: a superuser), password
    :data:`PASSWORD`; translators and reviewers work in ``language``. The username is the
    demo's for that role (``translator-ja``) unless given; an existing account is reused."""
    if role in ("translator", "reviewer") and language not in TARGETS:
        raise ValueError(f"a {role} works in one of {TARGETS}, not {language!r}")
    name = username or (f"{role}-{language}" if language else role)
    user, created = get_user_model().objects.get_or_create(
        username=name,
        defaults={
            "is_staff": True,
            "is_superuser": role == "admin",
            "email": f"{name}@example.org",
        },
    )
    if created:
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        if role != "admin":
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role](language)))
    return user


def team():
    """Return every role's account by username, as the demo's ``users`` (and ``admin``)."""
    accounts = [("editor", None), ("terminologist", None), ("admin", None)]
    accounts += [(role, code) for role in ("translator", "reviewer") for code in TARGETS]
    users = [user_with_role(role, code) for role, code in accounts]
    return {user.username: user for user in users}


# --- releases ------------------------------------------------------------------------------

TOPIC = "japan-russia-relations"
TOPIC_NAMES = {
    "en": "Japan-Russia Relations",
    "ja": "日露関係",
    "ru": "Российско-японские отношения",
}
TITLES = {"en": "Summit Meeting", "ja": "首脳会談", "ru": "Встреча на высшем уровне"}
# Paragraph n in each language: what the leaders discussed. No numbers, dates or glossary
# terms, so the checks find nothing in a built release unless a test puts it there.
SUBJECTS = [
    ("trade", "貿易", "торговлю"),
    ("energy", "エネルギー", "энергетику"),
    ("fisheries", "漁業", "рыболовство"),
    ("tourism", "観光", "туризм"),
    ("culture", "文化", "культуру"),
    ("education", "教育", "образование"),
    ("health care", "医療", "здравоохранение"),
    ("transport", "運輸", "транспорт"),
    ("science", "科学", "науку"),
    ("the environment", "環境", "окружающую среду"),
]
PARAGRAPHS = {
    "en": ("The leaders discussed {}.", " and "),
    "ja": ("両首脳は{}について議論した。", "と"),
    "ru": ("Лидеры обсудили {}.", " и "),
}
CAPTIONS = {"en": "The leaders", "ja": "両首脳", "ru": "Лидеры"}
CREDITS = {"en": "Press Office", "ja": "広報室", "ru": "Пресс-служба"}


def paragraph(n, language=SOURCE):
    """Return the text of paragraph ``n`` (from 1 to 100) of a built release in ``language``:
    one subject, from the eleventh on two."""
    column = languages.CODES.index(language)
    template, joiner = PARAGRAPHS[language]
    first = SUBJECTS[(n - 1) % len(SUBJECTS)][column]
    if n <= len(SUBJECTS):
        return template.format(first)
    second = SUBJECTS[(n - 1 + (n - 1) // len(SUBJECTS)) % len(SUBJECTS)][column]
    return template.format(first + joiner + second)


def release_content(*, units=3, photos=0, slug, title, date, topic):
    """Return a new release's content: ``units`` paragraphs and ``photos`` photos in English."""
    return {
        "slug": slug,
        "date": date,
        "topic": topic,
        "source_language": SOURCE,
        "title": {SOURCE: title},
        "photos": [
            {"key": str(uuid.uuid4()), "caption": {SOURCE: CAPTIONS[SOURCE]}}
            | {"credit": {SOURCE: CREDITS[SOURCE]}}
            for _n in range(photos)
        ],
        "segments": [
            {
                "key": str(uuid.uuid4()),
                "kind": "paragraph",
                "level": 0,
                "text": {SOURCE: paragraph(n)},
            }
            for n in range(1, units + 1)
        ],
    }


def translated_content(snapshot, codes):
    """Return ``snapshot`` with the texts of ``codes`` filled in (paragraph n's own text)."""
    content = json.loads(json.dumps(snapshot))
    content["title"].update({code: TITLES[code] for code in codes})
    for photo in content["photos"]:
        photo["caption"].update({code: CAPTIONS[code] for code in codes})
        photo["credit"].update({code: CREDITS[code] for code in codes})
    for n, segment in enumerate(content["segments"], start=1):
        segment["text"].update({code: paragraph(n, code) for code in codes})
    return content


def release_with(
    *,
    units=3,
    languages=(SOURCE,),
    states=None,
    published=(),
    photos=0,
    slug="summit-meeting-2017-07-07",
    title=TITLES[SOURCE],
    date="2017-07-07",
    topic=TOPIC,
):
    """Return a release written by the editor: ``units`` paragraphs (and ``photos`` photos)
    in English, translated into the other ``languages``.

    ``states`` gives a target language's units their review state: ``"draft"`` (written, not
    submitted), ``"needs_review"`` (submitted) or ``"approved"`` (by that language's
    reviewer; the default). ``published`` languages are then published by the editor.
    """
    editor = user_with_role("editor")
    targets = [code for code in languages if code != SOURCE]
    states = {code: "approved" for code in targets} | (states or {})
    if set(states) - set(targets):
        raise ValueError(f"states for languages without text: {sorted(set(states) - set(targets))}")
    release = release_write(
        release_content(units=units, photos=photos, slug=slug, title=title, date=date, topic=topic),
        author=editor,
        message="Release written",
        topic_names={code: TOPIC_NAMES[code] for code in (SOURCE, *targets)},
    ).release
    if targets:
        release_write(
            translated_content(release_snapshot(release), targets),
            author=editor,
            message="Translations",
            based_on=release.head_number,
            context={"submit": {code: True for code in targets if states[code] != "draft"}},
        )
        release.refresh_from_db()
    for code in targets:
        if states[code] == "approved":
            units_approve(
                release,
                code,
                keys_in(release, code, UnitState.NEEDS_REVIEW),
                user_with_role("reviewer", code),
                based_on=release.head_number,
            )
    for code in published:
        release_publish(release, code, author=editor)
    release.refresh_from_db()
    return release


def keys_in(release, language, state):
    """Return the keys of ``release``'s ``language`` units in ``state``."""
    return list(
        UnitStatus.objects.filter(release=release, language=language, state=state)
        .order_by("key")
        .values_list("key", flat=True)
    )


def published_release(**options):
    """Return a release translated, approved and published in every language."""
    return release_with(languages=languages.CODES, published=languages.CODES, **options)


def release_edit(release, language, index, text, *, author=None, submit=False):
    """Write ``text`` as segment ``index``'s ``language`` text (as ``author``, default the
    editor), based on the newest revision; return the release, refreshed."""
    content = release_snapshot(release)
    content["segments"][index]["text"][language] = text
    release_write(
        content,
        author=author or user_with_role("editor"),
        based_on=release.head_number,
        context={"submit": {language: True}} if submit else None,
    )
    release.refresh_from_db()
    return release


REVISED_COMMENT = "Проверьте, пожалуйста, порядок слов."


def work_in_progress(*, units=3, revised=1, **options):
    """The demo's work in progress on a small release: published in every language
    (revision 2), then the editor revises paragraph ``revised``'s (0-based) English, which
    leaves its Japanese outdated (revision 3), and translator-ru updates the Russian, submits
    it (revision 4) and leaves the reviewer a comment on it.

    Return ``{"release", "key"`` (the revised unit), ``"comment"}``."""
    release = published_release(units=units, **options)
    english = paragraph(revised + 1) + " Revised."
    release_edit(release, SOURCE, revised, english)
    russian = paragraph(revised + 1, "ru") + " Исправлено."
    translator = user_with_role("translator", "ru")
    release_edit(release, "ru", revised, russian, author=translator, submit=True)
    key = str(release.segments.order_by("position")[revised].key)
    thread = comment_add(release, key, "ru", REVISED_COMMENT, translator)
    return {"release": release, "key": key, "comment": thread}


# --- glossaries ----------------------------------------------------------------------------


def demo_glossary():
    """Import the demo's glossary (translations/demo/glossary.csv) alone; return the counts."""
    from translations.demo import GLOSSARY_PATH
    from translations.glossary.files import csv_load

    return glossary_import(csv_load(GLOSSARY_PATH.read_bytes()))


def glossary_with(*concepts):
    """Import concepts given as ``(identifier, {language: term or [(term, status), …]})``
    through ``glossary_import``; return its counts."""
    data = []
    for identifier, by_language in concepts:
        terms = []
        for code, entries in by_language.items():
            for entry in [entries] if isinstance(entries, str) else entries:
                text, status = (entry, "preferred") if isinstance(entry, str) else entry
                terms.append(TermData(code, text, status))
        data.append(ConceptData(identifier, terms=tuple(terms)))
    return glossary_import(data)
