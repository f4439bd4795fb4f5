"""The Django project (config/) is the apps' host, not their user: it imports neither app."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

CONFIG = Path(__file__).resolve().parent.parent / "config"
APPS = ("records", "translations")


def imported_modules(source):
    """Return every module an ``import`` or ``from … import`` statement of ``source`` names."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def app_imports(path):
    return [
        module
        for module in imported_modules(path.read_text("utf-8"))
        if module.split(".")[0] in APPS
    ]


def test_the_import_scan_sees_both_spellings():
    source = "import records.views\nfrom translations.models import Term\nimport os\n"
    assert list(imported_modules(source)) == ["records.views", "translations.models", "os"]


@pytest.mark.parametrize(
    "path", sorted(CONFIG.rglob("*.py")), ids=lambda path: str(path.relative_to(CONFIG))
)
def test_config_imports_neither_app(path):
    assert app_imports(path) == []


def test_site_routes_keep_their_names_and_addresses():
    assert reverse("photo_file", args=["x.jpg"]) == "/photos/x.jpg"
    assert reverse("django.contrib.sitemaps.views.sitemap") == "/sitemap.xml"
