"""Every refusal the API raises itself has one base (``records.api.Refusal``) and one path
to its problem document: status, code and the ``extra`` members, whichever app raised it."""

import importlib
import inspect
import json
import pkgutil

import pytest
from rest_framework import exceptions
from rest_framework.test import APIRequestFactory

import records.api
import translations.api
from records.api import Conflict, Refusal
from records.api.problems import problem_exception_handler
from translations.api.releases.errors import Invalid, Refused, Stale, refuse, service_errors
from translations.api.uploads import TooLarge
from translations.review.common import StaleUnits


def _modules(package):
    yield package
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield importlib.import_module(info.name)


def _api_exceptions():
    for package in (records.api, translations.api):
        for module in _modules(package):
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, exceptions.APIException) and value.__module__ == (
                    module.__name__
                ):
                    yield value


def test_every_exception_the_api_defines_is_a_refusal():
    defined = set(_api_exceptions())
    assert {Conflict, Invalid, Refused, Stale, TooLarge} <= defined
    assert [cls.__name__ for cls in defined if not issubclass(cls, Refusal)] == []


def _answer(exc):
    request = APIRequestFactory().get("/api/v1/releases/7/")
    return problem_exception_handler(exc, {"request": request})


@pytest.mark.parametrize(
    ("exc", "status", "code", "members"),
    [
        (Conflict("collides", extra={"head": 4}), 409, "conflict", {"head": 4}),
        (Stale("changed", extra={"head": 5}), 409, "stale", {"head": 5}),
        (
            Invalid("bad", extra={"errors": {"q": ["bad"]}}),
            400,
            "invalid",
            {"errors": {"q": ["bad"]}},
        ),
        (TooLarge("too big"), 413, "too_large", {}),
    ],
)
def test_refusals_of_both_apps_take_the_same_path(exc, status, code, members):
    response = _answer(exc)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = json.loads(response.content)
    assert body["code"] == code and body["type"] == "urn:concord:problem:" + code
    assert body["instance"] == "/api/v1/releases/7/"
    assert {key: body[key] for key in members} == members


def test_a_services_refusal_becomes_a_refusal():
    with pytest.raises(Refusal) as raised, service_errors():
        raise StaleUnits("The unit changed.")
    assert raised.value.status_code == 409 and raised.value.extra == {}
    with pytest.raises(Refusal) as raised:
        refuse("cursor", "Not a cursor.")
    assert raised.value.extra == {"errors": {"cursor": ["Not a cursor."]}}
