"""The workbench of a long release says where the page is, above the units and below them:
the range of units shown out of those listed, the previous and next pages, the page numbers."""

import html
import re

import pytest
from django.urls import reverse

from tests.scenarios import release_with
from translations.review.views.workbench import ROWS_PER_PAGE

pytestmark = pytest.mark.django_db

UNITS = ROWS_PER_PAGE + 50
LISTED = UNITS + 1  # the title is a unit too


@pytest.fixture
def paged(users):
    return release_with(units=UNITS, languages=("en", "ja"), states={"ja": "draft"})


def page_text(client, release, **params):
    response = client.get(reverse("translations:workbench", args=[release.pk, "ja"]), params)
    assert response.status_code == 200
    return response.content.decode()


def pagers(text):
    return re.findall(r'<nav class="wb-pager wb-pager-(\w+)".*?</nav>', text, re.S)


def pager_blocks(text):
    return re.findall(r'(<nav class="wb-pager .*?</nav>)', text, re.S)


def test_the_range_and_the_steps_stand_above_and_below_the_units(client, users, paged):
    client.force_login(users["translator-ja"])
    text = page_text(client, paged)
    assert pagers(text) == ["top", "bottom"]
    top, bottom = pager_blocks(text)
    first_unit = text.index('class="unit')
    assert text.index(top) < first_unit < text.index(bottom)
    for block in (top, bottom):
        assert f"Units 1–{ROWS_PER_PAGE} of {LISTED}" in html.unescape(block)
        assert 'rel="next"' in block and 'rel="prev"' not in block
        assert "filter=all&amp;page=2" in block

    text = page_text(client, paged, page=2)
    top, _bottom = pager_blocks(text)
    assert f"Units {ROWS_PER_PAGE + 1}–{LISTED} of {LISTED}" in html.unescape(top)
    assert 'rel="prev"' in top and 'rel="next"' not in top
    assert '<span class="this-page" aria-current="page">2</span>' in top


def test_the_range_counts_the_units_listed_not_the_release(client, users, paged):
    client.force_login(users["translator-ja"])
    # Every paragraph speaks of "the leaders"; the title does not.
    top, _bottom = pager_blocks(page_text(client, paged, q="leaders"))
    assert f"Units 1–{ROWS_PER_PAGE} of {UNITS}" in html.unescape(top)
    assert "q=leaders" in top
    assert pagers(page_text(client, paged, q="zzzz-nothing")) == []


def test_one_page_needs_no_pager(client, users):
    release = release_with(units=5, languages=("en", "ja"), states={"ja": "draft"})
    client.force_login(users["translator-ja"])
    assert pagers(page_text(client, release)) == []
