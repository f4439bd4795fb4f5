"""The release change form at 200 and 2,000 segments: the page's render time and queries.

A release of that many segments is paged (``?segments=N``), so the form renders one page of
segment rows whatever the release's size.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from records.services import release_write
from tests.helpers import change_url

from .bench_history import release_content
from .conftest import report, timed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_term_checks")]


@pytest.mark.parametrize("size", [200, 2000])
def test_change_form_render(client, editor, demo_translations, size):
    content = release_content(demo_translations, f"form-{size}", size)
    release = release_write(content, author=editor, message="Bench").release
    client.force_login(editor)
    url = change_url(release)

    def render():
        response = client.get(url)
        assert response.status_code == 200
        return response

    seconds, response = timed(render, repeat=3)
    with CaptureQueriesContext(connection) as queries:
        render()
    report(
        f"change form render, {size} segments ({len(response.content) // 1024} KB)",
        seconds,
        queries=len(queries),
        unit="s",
    )
