"""Included last under ``/api/``: an unknown path is a problem document, not an HTML page."""

from django.urls import re_path

from .problems import not_found

urlpatterns = [re_path(r"^.*$", not_found, name="api-not-found")]
