"""The OpenAPI schema says what the staff's endpoints answer: every answer (built as plain
data) has exactly the members its schema names, at every depth."""

import json

import pytest

from tests.helpers import api_client
from tests.scenarios import glossary_with, work_in_progress
from translations.checks.services import release_terms_check
from translations.review.actions import comment_add

from .support import language_url, ok, release_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def components():
    response = api_client().get("/api/v1/schema/", {"format": "json"})
    return json.loads(response.content)["components"]["schemas"]


def _resolve(node, components):
    """Return the schema ``node`` stands for, and whether it (or a wrapper) allows null."""
    nullable = False
    while True:
        nullable = nullable or bool(node.get("nullable"))
        if "$ref" in node:
            node = components[node["$ref"].rsplit("/", 1)[1]]
        elif "allOf" in node and len(node["allOf"]) == 1:
            node = node["allOf"][0]
        else:
            return node, nullable


def assert_shape(data, node, components, path="answer"):
    """Assert that ``data`` has the members ``node`` (a schema) names, and only those."""
    node, nullable = _resolve(node, components)
    if data is None:
        assert nullable, f"{path} is null"
        return
    if node.get("type") == "array":
        for index, item in enumerate(data):
            assert_shape(item, node["items"], components, f"{path}[{index}]")
    elif "properties" in node:
        assert set(data) == set(node["properties"]), path
        for name, value in data.items():
            assert_shape(value, node["properties"][name], components, f"{path}.{name}")
    elif isinstance(node.get("additionalProperties"), dict):
        for name, value in data.items():
            assert_shape(value, node["additionalProperties"], components, f"{path}.{name}")


def test_every_answer_has_exactly_the_members_of_its_schema(components, users):
    release = work_in_progress(units=4, photos=1)["release"]
    # A term forbidden after the approvals: paragraph 3's Japanese now has an error finding.
    glossary_with(("fisheries", {"en": "fisheries", "ja": [("漁業", "forbidden")]}))
    release_terms_check(release)
    keys = [str(key) for key in release.segments.order_by("position").values_list("key", flat=True)]
    thread = comment_add(release, keys[0], "ja", "Why?", users["translator-ja"])
    comment_add(release, "", "ja", "Because.", users["reviewer-ja"], parent=thread)
    release.refresh_from_db()
    reviewer, editor = api_client(users["reviewer-ja"]), api_client(users["editor"])
    units = ok(reviewer.get(language_url(release, "ja", "units")))
    assert any(unit["findings"] for unit in units["results"])
    assert any(unit["comments"] for unit in units["results"])
    answers = {
        "UnitPageOut": units,
        "PaginatedReleaseOutList": ok(editor.get("/api/v1/releases/")),
        "ReleaseDetailOut": ok(editor.get(release_url(release))),
        "PaginatedRevisionOutList": ok(editor.get(release_url(release, "revisions"))),
        "DiffOut": ok(editor.get(release_url(release, "diff"), {"from": 1})),
        "ActionOut": ok(
            reviewer.post(
                language_url(release, "ja", "request-changes"),
                {"keys": [keys[2]], "base_revision": release.head_number, "comment": "Again."},
                format="json",
            )
        ),
        "CommentActionOut": ok(
            reviewer.post(
                language_url(release, "ja", "comments", thread.pk, "replies"),
                {"text": "Yes."},
                format="json",
            ),
            201,
        ),
        "PublishOut": ok(
            editor.post(language_url(release, "en", "publish"), {}, format="json"), 201
        ),
    }
    for name, answer in answers.items():
        assert_shape(answer, {"$ref": f"#/components/schemas/{name}"}, components, name)
