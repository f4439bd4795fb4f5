"""`manage.py load_demo` prints what a person needs: addresses and logins, nothing else."""

import logging

import pytest

from tests.helpers import command_output

# The demo's mails and audit lines go out when its transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


def test_load_demo_prints_addresses_and_logins_only(settings, capsys, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    caplog.set_level(logging.INFO, logger="concord.audit")
    out, _err = command_output("load_demo", "--base-url", "http://demo.example")
    assert "http://demo.example/review/" in out
    assert "http://demo.example/ja/releases/" in out
    assert "reviewer-ru (Reviewers (ru))" in out
    # The demo's own review steps neither print mails nor log audit lines while it loads.
    assert "Subject:" not in capsys.readouterr().out
    assert not [record for record in caplog.records if record.name == "concord.audit"]
    # Audit logging works again afterwards.
    assert not logging.getLogger("concord.audit").disabled
