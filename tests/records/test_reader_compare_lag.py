"""The reader's side-by-side page says which columns follow an older source text."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from config import languages
from records.services import release_publish
from tests.helpers import approve_all
from tests.scenarios import published_release, release_edit, user_with_role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("users")]

SUMMIT = datetime.datetime(2017, 7, 7, 9, tzinfo=datetime.UTC)
NOTICE = (
    "This %(name)s text follows the %(source)s of %(date)s (revision %(n)s); "
    "the %(source)s has changed since."
)


def compare(client, language, slug):
    with translation.override(language):
        url = reverse("records:release_compare", args=[slug])
    return client.get(url)


@pytest.fixture
def revised():
    """Published in every language on 7 July 2017 (revision 2); the English revised and
    published on 10 July (revision 3)."""
    with time_machine.travel(SUMMIT, tick=False) as clock:
        release = published_release(units=3)
        clock.shift(datetime.timedelta(days=3))
        release = release_edit(release, "en", 1, "The leaders discussed energy at length.")
        release_publish(release, "en", author=user_with_role("editor"))
    return release


def expected(reader, version, number=2):
    with translation.override(reader):
        return translation.gettext(NOTICE) % {
            # Inside a sentence: lower-case in Russian ("японский").
            "name": languages.name_in_sentence(version),
            "source": languages.name_in_sentence("en"),
            "date": date_format(SUMMIT.date(), "DATE_FORMAT"),
            "n": number,
        }


@pytest.mark.parametrize("reader", ["en", "ja", "ru"])
def test_each_lagging_column_says_what_it_follows(client, revised, reader):
    response = compare(client, reader, revised.slug)
    page = response.content.decode()
    assert expected(reader, "ja") in page
    assert expected(reader, "ru") in page
    assert page.count('class="notice translation-lag"') == 2
    # The column headers point at their notice; the English column has none.
    assert 'aria-describedby="lag-ja"' in page and 'aria-describedby="lag-ru"' in page
    assert 'aria-describedby="lag-en"' not in page


def test_the_notice_reads_in_english(client, revised):
    page = compare(client, "en", revised.slug).content.decode()
    assert (
        "This Japanese text follows the English of July 7, 2017 (revision 2); the English has "
        "changed since."
    ) in page


def test_a_column_that_follows_the_newest_source_has_no_notice(client, revised):
    approve_all(revised, "ja", user_with_role("reviewer", "ja"))
    release_publish(revised, "ja", author=user_with_role("editor"))
    page = compare(client, "en", revised.slug).content.decode()
    assert 'id="lag-ja"' not in page and 'id="lag-ru"' in page


def test_no_notice_while_every_column_follows_the_same_source(client):
    release = published_release(units=2)
    page = compare(client, "en", release.slug).content.decode()
    assert "translation-lag" not in page
