"""``/api/v1/``: the glossary, the translation memory and files (PO, XLIFF, TBX, CSV, TMX)."""

from django.urls import path

from translations.api import files, glossary, glossary_files, memory

RELEASE_FILES = "releases/<int:release_id>/files/<str:language>/"

urlpatterns = [
    path("glossary/concepts/", glossary.ConceptListView.as_view(), name="api-concepts"),
    path(
        "glossary/concepts/<slug:identifier>/",
        glossary.ConceptDetailView.as_view(),
        name="api-concept",
    ),
    path("glossary/file/", glossary_files.GlossaryFileView.as_view(), name="api-glossary-file"),
    path("memory/lookup/", memory.MemoryLookupView.as_view(), name="api-memory-lookup"),
    path("memory/concordance/", memory.ConcordanceView.as_view(), name="api-concordance"),
    path("memory/tmx/", memory.MemoryTmxView.as_view(), name="api-memory-tmx"),
    path(RELEASE_FILES, files.ReleaseFileUploadView.as_view(), name="api-release-file-upload"),
    path(f"{RELEASE_FILES}po/", files.ReleasePoView.as_view(), name="api-release-po"),
    path(f"{RELEASE_FILES}xliff/", files.ReleaseXliffView.as_view(), name="api-release-xliff"),
]
