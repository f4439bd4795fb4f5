"""``/api/v1/published/<language>/…``: the readers' resources."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "published/<str:language>/releases/",
        views.ReleaseListView.as_view(),
        name="api-published-releases",
    ),
    path(
        "published/<str:language>/releases/<slug:slug>/",
        views.ReleaseDetailView.as_view(),
        name="api-published-release",
    ),
    path(
        "published/<str:language>/topics/",
        views.TopicListView.as_view(),
        name="api-published-topics",
    ),
    path(
        "published/<str:language>/topics/<slug:topic>/releases/",
        views.TopicReleaseListView.as_view(),
        name="api-published-topic-releases",
    ),
    path(
        "published/<str:language>/search/",
        views.SearchView.as_view(),
        name="api-published-search",
    ),
]
