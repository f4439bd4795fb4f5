"""Settings for Concord; the environment is read here and nowhere else."""

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config import languages, limits

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name, default=False):
    """Return the boolean value of an environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    """Return the integer value of an environment variable."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name, default=""):
    """Return a comma-separated environment variable as a list."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# EMAIL_URL schemes: plain SMTP, SMTP with STARTTLS, SMTP over TLS, or the console.
email_schemes = {
    "smtp": {"port": 25},
    "smtp+tls": {"port": 587, "EMAIL_USE_TLS": True},
    "smtp+ssl": {"port": 465, "EMAIL_USE_SSL": True},
    "smtps": {"port": 465, "EMAIL_USE_SSL": True},
}
console_email = "django.core.mail.backends.console.EmailBackend"


def email_settings(url):
    """Return Django's email settings for ``EMAIL_URL`` (console output when it is empty).

    ``smtp://user:password@host:port``, ``smtp+tls://…`` (STARTTLS), ``smtp+ssl://…`` or
    ``smtps://…`` (TLS from the start); user and password percent-encoded;
    ``?timeout=seconds`` optional. ``console://`` prints mail, as the default does.
    """
    found = {
        "EMAIL_BACKEND": console_email,
        "EMAIL_HOST": "localhost",
        "EMAIL_PORT": 25,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": None,
    }
    if not url or url.startswith("console:"):
        return found
    parts = urlsplit(url)
    scheme = email_schemes.get(parts.scheme)
    if scheme is None:
        raise ImproperlyConfigured(
            f"EMAIL_URL: unknown scheme “{parts.scheme}” (use smtp, smtp+tls, smtp+ssl or console)"
        )
    try:
        port = parts.port or scheme["port"]
    except ValueError:
        raise ImproperlyConfigured("EMAIL_URL: the port is not a number") from None
    if not parts.hostname:
        raise ImproperlyConfigured("EMAIL_URL: no host (smtp://user:password@host:port)")
    found.update(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST=parts.hostname,
        EMAIL_PORT=port,
        EMAIL_HOST_USER=unquote(parts.username or ""),
        EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
        EMAIL_USE_TLS=scheme.get("EMAIL_USE_TLS", False),
        EMAIL_USE_SSL=scheme.get("EMAIL_USE_SSL", False),
    )
    timeout = parse_qs(parts.query).get("timeout")
    if timeout:
        try:
            found["EMAIL_TIMEOUT"] = int(timeout[0])
        except ValueError:
            raise ImproperlyConfigured("EMAIL_URL: timeout is not a number of seconds") from None
    return found


# --- environment and secret key (production refuses to start on a doubtful value) -------------
# DJANGO_ENV must name one of these exactly: a typo ("prod", "Production", "production ")
# would otherwise run a production server with development settings.
ENVIRONMENTS = ("development", "production", "test")
ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
if ENVIRONMENT not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"DJANGO_ENV={ENVIRONMENT!r} is not a known environment: use exactly one of "
        + ", ".join(ENVIRONMENTS)
    )
PRODUCTION = ENVIRONMENT == "production"

# Published in this repository: good for a laptop, refused in production.
DEVELOPMENT_SECRET_KEY = "concord-development-only-secret-key-not-for-production-use-0123456789"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if PRODUCTION and not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_ENV=production.")
if PRODUCTION and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is the published development key; set a secret one in production."
    )
SECRET_KEY = SECRET_KEY or DEVELOPMENT_SECRET_KEY

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
)

INSTALLED_APPS = [
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "records",
    "translations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the app itself (compressed, far-future cached when collected).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Adds CORS headers only on /api/ and only for CONCORD_API_CORS_ORIGINS (none by default).
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # An API request with a body over the upload limit is refused before anything reads it.
    "records.api.limits.ApiBodyLimitMiddleware",
    # The address of each request, for the links of the notifications it causes.
    "config.middleware.RequestOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "config" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.limits",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'concord.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        # A kept connection is tested before each request reuses it, so a database restart
        # costs one reconnect instead of an error page.
        conn_health_checks=env_bool("DATABASE_CONN_HEALTH_CHECKS", default=PRODUCTION),
    )
}
if os.environ.get("DATABASE_TEST_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["DATABASE_TEST_NAME"]}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # Writers take SQLite's write lock when their transaction begins, so a second writer
    # waits for it and then sees the first one's revision (a clear conflict, not "locked").
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")
    # Tests use a file too: an in-memory database shares one cache and fails concurrent
    # writers with "table is locked" instead of letting them wait.
    # One file per test process, so two test runs side by side never share one.
    DATABASES["default"].setdefault("TEST", {}).setdefault(
        "NAME", str(VAR_DIR / f"test-{os.getpid()}.sqlite3")
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = languages.DEFAULT_SOURCE
LANGUAGES = languages.choices()
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = languages.DEFAULT_SOURCE
MODELTRANSLATION_FALLBACK_LANGUAGES = (languages.DEFAULT_SOURCE,)
# The topic of a release whose text file names none (no breadcrumb): its slug, and the names
# it is created with when missing (one per language; editable in the admin afterwards).
CONCORD_DEFAULT_TOPIC = os.environ.get("CONCORD_DEFAULT_TOPIC", "press-releases").strip()
if (
    not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", CONCORD_DEFAULT_TOPIC)
    or len(CONCORD_DEFAULT_TOPIC) > 100
):
    raise ImproperlyConfigured(
        "CONCORD_DEFAULT_TOPIC must be a topic slug of at most 100 characters (a-z, 0-9, "
        f"hyphens), not {CONCORD_DEFAULT_TOPIC!r}"
    )
CONCORD_DEFAULT_TOPIC_NAMES = {
    language.code: language.press_releases for language in languages.LANGUAGES
}
# The tabbed admin needs jQuery UI; serve a local copy so the admin works offline.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
TIME_ZONE = "UTC"
USE_I18N = True
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

# Uploaded photo files (records.photos); readers get them only through records.views.photo_file.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "media/"

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "config" / "static"]
# Outside production WhiteNoise serves straight from the finders: no collectstatic needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
# Files browsers ask for at the site's root (/favicon.ico), served by WhiteNoise as they are.
WHITENOISE_ROOT = BASE_DIR / "config" / "root"
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
if PRODUCTION:
    # collectstatic writes hashed, compressed copies; WhiteNoise serves them forever-cached.
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }

# Redis when CACHE_URL names it (shared by every process), else memory in each process;
# reader pages key their entries by the newest publication, so both see a publish at once.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "concord",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

LOGIN_URL = "admin:login"
# Logins (config.logins): this many failures for one username from one address lock that
# pair out, right password or not, until the window opened by the first failure closes.
AUTHENTICATION_BACKENDS = ["config.logins.RateLimitedModelBackend"]
CONCORD_LOGIN_FAILURE_LIMIT = env_int("CONCORD_LOGIN_FAILURE_LIMIT", 5)
CONCORD_LOGIN_LOCKOUT_SECONDS = env_int("CONCORD_LOGIN_LOCKOUT_SECONDS", 15 * 60)

# The largest release is one admin form of about a dozen fields a segment or photo row, with
# room to spare; no request body is larger than the largest upload.
DATA_UPLOAD_MAX_NUMBER_FIELDS = limits.MAX_UNITS * 15
DATA_UPLOAD_MAX_MEMORY_SIZE = limits.MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = limits.MAX_UPLOAD_BYTES

# Mail: printed to the console unless EMAIL_URL names an SMTP server.
mail = email_settings(os.environ.get("EMAIL_URL", ""))
EMAIL_BACKEND = mail["EMAIL_BACKEND"]
EMAIL_HOST = mail["EMAIL_HOST"]
EMAIL_PORT = mail["EMAIL_PORT"]
EMAIL_HOST_USER = mail["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = mail["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = mail["EMAIL_USE_TLS"]
EMAIL_USE_SSL = mail["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = mail["EMAIL_TIMEOUT"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Concord <concord@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where people reach this site: links in notifications start with it. Unset, they start with
# the address the action that caused them was made to (config.middleware.request_origin).
CONCORD_BASE_URL = os.environ.get("CONCORD_BASE_URL", "").strip().rstrip("/")
# Notification digests (translations.notifications): a daily digest goes out at this hour
# (TIME_ZONE), an hourly one at the start of each hour.
CONCORD_DIGEST_HOUR = env_int("CONCORD_DIGEST_HOUR", 8)
if not 0 <= CONCORD_DIGEST_HOUR <= 23:
    raise ImproperlyConfigured(
        f"CONCORD_DIGEST_HOUR must be an hour from 0 to 23, not {CONCORD_DIGEST_HOUR}"
    )

# Without a broker, tasks run in-process so a fresh clone needs no services.
CELERY_TASK_ALWAYS_EAGER = not os.environ.get("CELERY_BROKER_URL")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or "memory://localhost/"
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or (
    "cache+memory://" if CELERY_TASK_ALWAYS_EAGER else CELERY_BROKER_URL
)
CELERY_TASK_EAGER_PROPAGATES = True
# A task past the soft limit gets SoftTimeLimitExceeded and may retry; the hard limit kills
# its worker process. Acknowledged only when done (and rejected, hence redelivered, when its
# worker dies), a task runs again after a crash, so tasks stay idempotent; each process
# reserves one task at a time, so a long task holds no others back.
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis hands an unacknowledged task to another worker after the visibility timeout: it must
# outlast the longest run, or a task still running is started a second time.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", 600),
}
if not (
    0
    < CELERY_TASK_SOFT_TIME_LIMIT
    < CELERY_TASK_TIME_LIMIT
    < CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
):
    raise ImproperlyConfigured(
        "Celery limits must grow: 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT"
        " < CELERY_BROKER_VISIBILITY_TIMEOUT"
    )
# --- broker faults: a save never waits for a broker that is down ---------------------------
# Publishing after a save gives up within seconds (no retry loop); the revision listener has
# already written a PendingCheck row in the save's transaction, and the sweep below (beat,
# every minute, or `manage.py sweep`) enqueues it again once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = env_int("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS.update(
    socket_connect_timeout=CELERY_BROKER_CONNECTION_TIMEOUT,
    socket_timeout=env_int("CELERY_BROKER_SOCKET_TIMEOUT", 5),
    max_retries=1,
)
CELERY_TASK_PUBLISH_RETRY = False
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
CELERY_REDIS_SOCKET_TIMEOUT = CELERY_BROKER_TRANSPORT_OPTIONS["socket_timeout"]
CELERY_REDIS_BACKEND_HEALTH_CHECK_INTERVAL = 30
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 0}}
# Checks left pending (broker down at save time, a task lost) older than this are enqueued
# again by the sweep.
CONCORD_PENDING_CHECK_AGE = env_int("CONCORD_PENDING_CHECK_AGE", 60)
# Fault tests only: seconds a term check waits before it starts, so a test can kill its
# worker in the middle of a task. Always 0 in real use.
CONCORD_TERMS_CHECK_TEST_PAUSE = env_int("CONCORD_TERMS_CHECK_TEST_PAUSE", 0)
CELERY_BEAT_SCHEDULE = {
    "pending-checks-sweep": {
        "task": "translations.checks.pending_checks_sweep",
        "schedule": 60.0,
    },
    "topic-zips-sweep": {
        "task": "translations.exchange.topic_zips_sweep",
        "schedule": 60.0,
    },
    # Scheduled publications go out within this many seconds of their time.
    "scheduled-publications-sweep": {
        "task": "records.scheduled_publications_sweep",
        "schedule": 30.0,
    },
    # Hourly and daily digests when due, and mail a lost task left unsent.
    "notifications-sweep": {
        "task": "translations.notifications.sweep",
        "schedule": 60.0,
    },
    # Webhook deliveries that are due: retries, and what a broker outage left unsent.
    "webhooks-sweep": {
        "task": "translations.webhooks.sweep",
        "schedule": 60.0,
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    # One JSON line per service action (records/logs.py); propagates to the console handler.
    "loggers": {"concord.audit": {"level": os.environ.get("CONCORD_AUDIT_LOG_LEVEL", "INFO")}},
}

# --- the REST API: config/api_settings.py ------------------------------------------------
from config.api_settings import (  # noqa: E402, F401
    CONCORD_API_RATES,
    CORS_ALLOWED_ORIGINS,
    CORS_URLS_REGEX,
    REST_FRAMEWORK,
    SPECTACULAR_SETTINGS,
)

# --- security headers (every environment; check --deploy adds the production ones below) ---
# Inline handlers and one inline script remain in admin templates, hence 'unsafe-inline'.
CONTENT_SECURITY_POLICY = os.environ.get(
    "DJANGO_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'",
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
