"""Settings of the REST API (``/api/v1/``: ``records.api``, ``translations.api``): DRF, its
throttle rates, the OpenAPI schema and CORS. Plain values read from the environment, imported
by :mod:`config.settings`."""

import os

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "records.api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["records.api.permissions.IsStaff"],
    "DEFAULT_THROTTLE_CLASSES": [
        "records.api.throttling.TokenRateThrottle",
        "records.api.throttling.AddressRateThrottle",
    ],
    "DEFAULT_PAGINATION_CLASS": "records.api.pagination.Cursor",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "records.api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Requests per token and per address ("N/second|minute|hour|day"); counted in the cache.
CONCORD_API_RATES = {
    "token": os.environ.get("CONCORD_API_RATE_TOKEN", "1200/minute"),
    "address": os.environ.get("CONCORD_API_RATE_ADDRESS", "600/minute"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Concord API",
    "DESCRIPTION": (
        "Published releases for readers; releases, units, review, glossary, memory and "
        "files for staff, under the same rules as Concord's pages. Authenticate with "
        "the header 'Authorization: Token' followed by a key made on the API tokens page."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every field holding a language code is one enum, whatever the field is called.
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "config.languages.choices",
        "UnitKindEnum": "translations.api.releases.schemas.UNIT_KINDS",
    },
}
# Cross-origin browsers may call the API only from these origins (none by default).
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CONCORD_API_CORS_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/.*$"
