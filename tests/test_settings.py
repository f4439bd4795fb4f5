"""Settings come from the environment; production refuses to start without a secret key."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_check(DJANGO_ENV="production", DJANGO_ALLOWED_HOSTS="concord.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deploy_check():
    result = run_check(
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY="x" * 20 + "a-long-random-production-secret-key-1234567890",
        DJANGO_ALLOWED_HOSTS="concord.example",
    )
    assert result.returncode == 0, result.stderr


def test_celery_limits_grow_from_soft_limit_to_visibility_timeout():
    """A task is warned, then killed, before Redis would hand it to a second worker."""
    from django.conf import settings

    from config.celery import app

    soft, hard = settings.CELERY_TASK_SOFT_TIME_LIMIT, settings.CELERY_TASK_TIME_LIMIT
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert 0 < soft < hard < visibility
    # config/celery.py reads the CELERY_ settings (namespace="CELERY").
    assert (app.conf.task_soft_time_limit, app.conf.task_time_limit) == (soft, hard)
    assert app.conf.broker_transport_options["visibility_timeout"] == visibility
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1


def celery_limits(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    environment.update(env)
    code = (
        "import django; django.setup(); from config.celery import app; c = app.conf;"
        "print(c.task_soft_time_limit, c.task_time_limit,"
        " c.broker_transport_options['visibility_timeout'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_celery_limits_come_from_the_environment_and_must_grow():
    result = celery_limits(
        CELERY_TASK_SOFT_TIME_LIMIT="50",
        CELERY_TASK_TIME_LIMIT="60",
        CELERY_BROKER_VISIBILITY_TIMEOUT="3600",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["50", "60", "3600"]
    refused = celery_limits(CELERY_TASK_TIME_LIMIT="900")
    assert refused.returncode != 0
    assert "Celery limits must grow" in refused.stderr
    assert "must be a whole number" in celery_limits(CELERY_TASK_TIME_LIMIT="5m").stderr


def run_print_settings(names, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "EMAIL_", "DEFAULT_FROM_EMAIL", "CONCORD_"))
    }
    environment.update(env)
    code = "from django.conf import settings; " + "; ".join(
        f"print(repr(settings.{name}))" for name in names
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [ast.literal_eval(line) for line in result.stdout.strip().splitlines()]


def test_mail_goes_to_the_console_unless_email_url_says_smtp():
    names = ["EMAIL_BACKEND", "DEFAULT_FROM_EMAIL", "CONCORD_BASE_URL"]
    backend, sender, base = run_print_settings(names)
    assert backend == "django.core.mail.backends.console.EmailBackend"
    # No base URL: notification links start with the address each action was made to.
    assert sender and base == ""
    names = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS"]
    names += ["DEFAULT_FROM_EMAIL", "CONCORD_BASE_URL"]
    found = run_print_settings(
        names,
        EMAIL_URL="smtp+tls://mailer:secret@mail.example:2587",
        DEFAULT_FROM_EMAIL="Concord <press@mail.example>",
        CONCORD_BASE_URL="https://concord.example/",
    )
    assert found == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example",
        2587,
        "mailer",
        True,
        "Concord <press@mail.example>",
        "https://concord.example",
    ]


PRODUCTION_KEY = "x" * 20 + "a-long-random-production-secret-key-1234567890"


@pytest.mark.parametrize("value", ["prod", "Production", "production ", "PRODUCTION", "", "live"])
def test_an_unknown_environment_refuses_to_start(value):
    result = run_check(
        DJANGO_ENV=value, DJANGO_SECRET_KEY=PRODUCTION_KEY, DJANGO_ALLOWED_HOSTS="concord.example"
    )
    assert result.returncode != 0
    assert "is not a known environment" in result.stderr
    assert "development, production, test" in result.stderr


@pytest.mark.parametrize(
    "key", ["   ", "concord-development-only-secret-key-not-for-production-use-0123456789"]
)
def test_production_refuses_a_blank_or_published_secret_key(key):
    result = run_check(
        DJANGO_ENV="production", DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS="concord.example"
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr and "ImproperlyConfigured" in result.stderr


def test_production_keeps_database_connections_and_checks_them():
    database, policy = run_print_settings(
        ["DATABASES['default']", "CONTENT_SECURITY_POLICY"],
        DJANGO_ENV="production",
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
        DJANGO_ALLOWED_HOSTS="concord.example",
        DATABASE_URL="postgres://concord@127.0.0.1:5432/concord",
    )
    assert (database["CONN_MAX_AGE"], database["CONN_HEALTH_CHECKS"]) == (60, True)
    assert "default-src 'self'" in policy


def test_every_response_carries_the_security_headers(client, db):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def _script_sources(policy):
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    return directives.get("script-src", directives.get("default-src", []))


def test_the_policy_runs_no_inline_script(client, db):
    sources = _script_sources(client.get("/en/")["Content-Security-Policy"])
    assert "'self'" in sources
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources


def test_no_template_carries_inline_script_or_event_handlers():
    """Pages keep working under the policy: scripts come from files, handlers from listeners."""
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
    handler = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
    offenders = []
    for app in ("records", "translations", "config"):
        for path in (ROOT / app).rglob("*.html"):
            text = path.read_text("utf-8")
            if inline_script.search(text) or handler.search(text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


@pytest.mark.parametrize("hour", ["24", "-1"])
def test_the_digest_hour_must_be_an_hour(hour):
    result = run_check(CONCORD_DIGEST_HOUR=hour)
    assert result.returncode != 0
    assert "CONCORD_DIGEST_HOUR must be an hour from 0 to 23" in result.stderr
