"""Helpers shared by the test modules (test modules never import one another)."""

import os
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from records.services import release_write
from records.snapshots import release_snapshot
from translations.checks.matching.matcher import TermSpec
from translations.checks.services import release_terms_check

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "release-seed-2017-07-07.txt"

# Ten levels of entities, each ten of the one below: "&lol9;" expands to 10^9 "lol"s.
BILLION_LAUGHS_PROLOG = """<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""

# --- management commands -------------------------------------------------------------------


def command_output(*args, **options):
    """Run a management command; return what it wrote to ``(stdout, stderr)``."""
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def run(*args, **options):
    """Run a management command; return what it wrote to stdout."""
    return command_output(*args, **options)[0]


# --- the release admin ---------------------------------------------------------------------


def change_url(release):
    return reverse("admin:records_release_change", args=[release.pk])


class _FormFields(HTMLParser):
    """Collect what a browser submits from a page's forms: named inputs, textareas, selects."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = {}
        self._textarea = self._select = None
        self._option = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "textarea" and name and "disabled" not in attrs:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name and "disabled" not in attrs:
            self._select, self._option = name, None
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if "selected" in attrs or self._select not in self.data:
                self.data[self._select] = value

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(response):
    """Return the POST data a browser sends back for an admin change form left unchanged.

    Read from the page's HTML, as a browser does: a field the form has but the page does not
    render is not sent.
    """
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = parser.data
    data.pop("csrfmiddlewaretoken", None)
    for name, value in data.items():
        # A browser sends a textarea's text without the newline right after its start tag.
        if value.startswith("\n"):
            data[name] = value[1:]
    return data


def photo_upload_data(client, release, upload):
    """Return the release change form's POST data with ``upload`` as its first photo's file."""
    data = form_data(client.get(change_url(release)))
    prefix = next(key for key in data if key.endswith("-0-caption_en")).rsplit("-0-", 1)[0]
    data[f"{prefix}-0-image"] = upload
    data["revision_message"] = "Photo file"
    return data


# --- a scenario's release (the demo's or a built one: ``{"release", "users"}``) ----------------


def revise_and_check(scenario, index, language, text):
    """Give segment ``index`` of the scenario's release a new ``language`` text (as the
    editor) and check its terms."""
    release = scenario["release"]
    content = release_snapshot(release)
    content["segments"][index]["text"][language] = text
    release_write(content, author=scenario["users"]["editor"], based_on=release.head_number)
    release.refresh_from_db()
    release_terms_check(release)
    return release


# --- the glossary of /work/shared/glossary-facts.md as TermSpecs -----------------------------

P, A, D, F = "preferred", "admitted", "deprecated", "forbidden"

# /work/shared/glossary-facts.md, concept by concept: (slug, {language: [(text, status, cs)]}).
GLOSSARY_FACTS = [
    (
        "northern-territories",
        {
            "en": [("Northern Territories", P)],
            "ja": [("北方領土", P)],
            "ru": [
                ("северные территории", P),
                ("Южные Курилы", F),
                ("Южные Курильские острова", F),
            ],
        },
    ),
    (
        "four-northern-islands",
        {
            "en": [("Four Northern Islands", P), ("four islands", A)],
            "ja": [("北方四島", P)],
            "ru": [("четыре северных острова", P)],
        },
    ),
    (
        "tor",
        {
            "en": [
                ("territories of priority development", P),
                ("priority development areas", A),
                ("TOR", A, True),
            ],
            "ja": [("先行発展領域", P), ("TOR", A, True)],
            "ru": [("территория опережающего развития", P), ("ТОР", A, True)],
        },
    ),
    (
        "peace-treaty",
        {"en": [("peace treaty", P)], "ja": [("平和条約", P)], "ru": [("мирный договор", P)]},
    ),
    (
        "joint-economic-activities",
        {
            "en": [("joint economic activities", P)],
            "ja": [("共同経済活動", P)],
            "ru": [("совместная хозяйственная деятельность", P)],
        },
    ),
    (
        "former-residents",
        {
            "en": [("former island residents", P), ("former residents", A)],
            "ja": [("元島民", P)],
            "ru": [("бывшие жители островов", P)],
        },
    ),
    (
        "grave-visit",
        {
            "en": [("special grave visit", P)],
            "ja": [("特別墓参", P)],
            "ru": [("специальное посещение мест захоронений", P)],
        },
    ),
    (
        "tete-a-tete",
        {
            "en": [("tête-à-tête meeting", P)],
            "ja": [("テタテ会談", P)],
            "ru": [("встреча тет-а-тет", P)],
        },
    ),
    (
        "vice-ministerial",
        {
            "en": [("vice-ministerial consultations", P)],
            "ja": [("次官級協議", P)],
            "ru": [("консультации на уровне заместителей министров", P)],
        },
    ),
    (
        "eef",
        {
            "en": [("Eastern Economic Forum", P)],
            "ja": [("東方経済フォーラム", P)],
            "ru": [("Восточный экономический форум", P)],
        },
    ),
    (
        "eight-point-plan",
        {
            "en": [("eight-point cooperation plan", P)],
            "ja": [("8項目の「協力プラン」", P)],
            "ru": [("план сотрудничества из восьми пунктов", P)],
        },
    ),
    (
        "summit-meeting",
        {
            "en": [("Summit Meeting", P)],
            "ja": [("首脳会談", P)],
            "ru": [("встреча на высшем уровне", P), ("саммит", A)],
        },
    ),
    (
        "npt-regime",
        {
            "en": [("nuclear non-proliferation regime", P)],
            "ja": [("核不拡散体制", P)],
            "ru": [("режим ядерного нераспространения", P)],
        },
    ),
    (
        "abe",
        {
            "en": [("Prime Minister Abe", P)],
            "ja": [("安倍総理", P), ("安倍総理大臣", A)],
            "ru": [("премьер-министр Абэ", P)],
        },
    ),
    (
        "putin",
        {
            "en": [("President Putin", P)],
            "ja": [("プーチン大統領", P)],
            "ru": [("президент Путин", P)],
        },
    ),
]

CONCEPT_IDS = {slug: number for number, (slug, _terms) in enumerate(GLOSSARY_FACTS, start=1)}
CONCEPT_LABELS = {number: slug for slug, number in CONCEPT_IDS.items()}


def glossary_terms() -> list[TermSpec]:
    """Return the glossary-facts glossary as TermSpecs with stable ids."""
    terms = []
    for slug, by_language in GLOSSARY_FACTS:
        for language, entries in by_language.items():
            for text, status, *case_sensitive in entries:
                terms.append(
                    TermSpec(
                        id=len(terms) + 1,
                        concept_id=CONCEPT_IDS[slug],
                        language=language,
                        text=text,
                        status=status,
                        case_sensitive=bool(case_sensitive and case_sensitive[0]),
                    )
                )
    return terms


def approve_all(release, language, reviewer, submitter=None):
    """Submit ``release``'s draft and outdated ``language`` units (as ``submitter``, default
    the reviewer's counterpart: the editor) and approve every unit waiting, as ``reviewer``."""
    from django.contrib.auth import get_user_model

    from translations.review.actions import units_approve, units_submit
    from translations.review.selectors import keys_in_state, keys_to_review
    from translations.review.vocabulary import UnitState

    release.refresh_from_db()
    submitter = submitter or get_user_model().objects.get(username="editor")
    drafts = keys_in_state(release, language, [UnitState.DRAFT, UnitState.OUTDATED])
    if drafts:
        units_submit(release, language, drafts, submitter)
    waiting = keys_to_review(release, language)
    if waiting:
        units_approve(release, language, waiting, reviewer, based_on=release.head_number)


# --- the reader site -----------------------------------------------------------------------


def reader_archive(count, template, topic, start=0):
    """Bulk-create ``count`` published releases whose read-model pages copy ``template`` (a
    ReaderPage) in its language: releases, revisions, publications and pages in a few queries."""
    import datetime

    from django.utils import timezone

    from records.models import Publication, Release, Revision
    from records.reader import ReaderPage

    first = datetime.date(2000, 1, 1)
    numbers = range(start, start + count)
    releases = Release.objects.bulk_create(
        Release(
            slug=f"archive-{n}",
            topic=topic,
            date=first + datetime.timedelta(days=n),
            title=f"Archive {n}",
            head_number=1,
        )
        for n in numbers
    )
    revisions = Revision.objects.bulk_create(
        Revision(release=release, number=1, checksum="") for release in releases
    )
    now = timezone.now()
    publications = Publication.objects.bulk_create(
        Publication(
            release=release, language=template.language, revision=revision, slug=release.slug
        )
        for release, revision in zip(releases, revisions, strict=True)
    )
    ReaderPage.objects.bulk_create(
        ReaderPage(
            release=release,
            language=template.language,
            publication=publication,
            published_at=now,
            slug=release.slug,
            title=f"{template.title} {n}",
            date=release.date,
            topic=topic,
            topic_slug=template.topic_slug,
            topic_name=template.topic_name,
            source_language=template.source_language,
            revision_number=1,
            revision_created_at=now,
            source_checksum=template.source_checksum,
            summary=template.summary,
            body_html=template.body_html,
            body_text=template.body_text,
            units=template.units,
        )
        for n, release, publication in zip(numbers, releases, publications, strict=True)
    )
    return releases


def broker_use(url):
    """Point the Celery app at broker ``url`` (None: back to the settings); drop its pools.

    Read and write URLs are set because Celery prefers CELERY_BROKER_URL from the
    environment (as in CI) over ``broker_url``."""
    from config.celery import app

    app.conf.broker_read_url = app.conf.broker_write_url = url
    app._pool = None
    app.amqp._producer_pool = None


# What a save may spend on a broker that is down: one connection and one retry (the
# transport's max_retries=1) after a pause no longer than the connect timeout. With Celery's
# publish retries on, a save tried 4 times and paused about 20 s.
MAX_BROKER_CONNECTS = 2


def assert_gives_up_at_once(effort, port, settings):
    """Check what the ``broker_effort`` fixture recorded against the broker on ``port``: the
    save tried it, gave up after one retry and never paused longer than the connect timeout."""
    connects = effort["connects"][port]
    assert 1 <= connects <= MAX_BROKER_CONNECTS, effort
    assert sum(effort["pauses"]) <= settings.CELERY_BROKER_CONNECTION_TIMEOUT, effort


# --- a Redis and Celery workers of a test's own (never the shared ones) ----------------------

CELERY = Path(sys.executable).with_name("celery")
WAIT_SECONDS = 90


def spare_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition, what, seconds=WAIT_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    pytest.fail(f"{what} did not happen within {seconds} s")


def worker_idle():
    """Return whether the queue is empty and the worker runs and holds no task."""
    from config.celery import app

    with app.connection_for_write() as broker:
        queued = broker.default_channel.queue_declare(queue="celery")
        if queued.message_count:
            return False
    inspect = app.control.inspect(timeout=1.0)
    for tasks in (inspect.active(), inspect.reserved(), inspect.scheduled()):
        if tasks is None or any(tasks.values()):
            return False
    return True


class Redis:
    """A redis-server of this test's own, without persistence."""

    def __init__(self, port):
        self.port, self.process = port, None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, "redis-server start", 10)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


class Workers:
    """Celery workers of this test's own, each in a process group the test may kill."""

    def __init__(self, broker):
        self.broker, self.processes = broker, []

    def start(self, name, **env):
        """Start worker ``name``; ``env`` adds to (or overrides) its environment."""
        environment = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("CELERY_", "DATABASE_", "CONCORD_", "DJANGO_"))
        }
        environment.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DATABASE_URL=database_url(),
            CELERY_BROKER_URL=self.broker,
            CELERY_RESULT_BACKEND=self.broker,
            # Redelivery of a killed worker's task within seconds, limits below it.
            CELERY_TASK_SOFT_TIME_LIMIT="20",
            CELERY_TASK_TIME_LIMIT="25",
            CELERY_BROKER_VISIBILITY_TIMEOUT="30",
        )
        environment.update(env)
        process = subprocess.Popen(
            [str(CELERY), "-A", "config", "worker", "-n", f"{name}@%h"]
            + ["--concurrency", "1", "--loglevel", "INFO", "--without-gossip", "--without-mingle"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process):
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    self.kill(process)


def user_named(name):
    """Return the user called ``name``."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def exchange_state(release):
    """Return what a PO/XLIFF import could change: revisions, unit states, events."""
    from records.models import Revision
    from translations.review.models import Event, UnitStatus

    return (
        Revision.objects.filter(release=release).count(),
        sorted(UnitStatus.objects.filter(release=release).values_list("key", "language", "state")),
        Event.objects.filter(release=release).count(),
    )


# --- the editor's dashboard ----------------------------------------------------------------


def dashboard_archive(count, topic, approver, *, units=4):
    """Bulk-create ``count`` releases for the editor's dashboard in a few queries: each has
    two revisions, is published at revision 1 in every language and, in revision 2, has its
    targets' ``units`` unit states spread over untranslated, outdated, in review and approved
    (one every fourth release approved throughout, so it is ready), approved by ``approver``."""
    import datetime

    from config import languages
    from records.models import Publication, Release, Revision
    from translations.review.models import UnitStatus
    from translations.review.vocabulary import UnitState

    first = datetime.date(2001, 1, 1)
    releases = Release.objects.bulk_create(
        Release(
            slug=f"dashboard-{n}",
            topic=topic,
            date=first + datetime.timedelta(days=n),
            title=f"Dashboard {n}",
            head_number=2,
        )
        for n in range(count)
    )
    revisions = Revision.objects.bulk_create(
        Revision(release=release, number=number, checksum="")
        for release in releases
        for number in (1, 2)
    )
    first_revisions = revisions[::2]
    Publication.objects.bulk_create(
        Publication(release=release, language=code, revision=revision, slug=release.slug)
        for release, revision in zip(releases, first_revisions, strict=True)
        for code in languages.CODES
    )
    mixed = [UnitState.UNTRANSLATED, UnitState.OUTDATED, UnitState.NEEDS_REVIEW]
    states = (
        (
            n,
            release,
            code,
            index,
            UnitState.APPROVED if n % 4 == 0 else [*mixed, UnitState.APPROVED][index % 4],
        )
        for n, release in enumerate(releases)
        for code in languages.targets(release.source_language)
        for index in range(units)
    )
    UnitStatus.objects.bulk_create(
        UnitStatus(
            release=release,
            key=f"unit-{index}",
            language=code,
            state=state,
            approved_by=approver if state == UnitState.APPROVED else None,
            revision_number=2,
        )
        for n, release, code, index, state in states
    )
    return releases


# --- the REST API ----------------------------------------------------------------------------


def api_client(user=None):
    """A DRF test client; with ``user``, authenticated by a fresh token of theirs."""
    from rest_framework.test import APIClient

    from records.api import token_create

    client = APIClient()
    if user is not None:
        _token, key = token_create(user, "tests")
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client
