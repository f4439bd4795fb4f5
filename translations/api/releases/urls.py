"""``/api/v1/releases/…``: the staff's releases, units and review actions."""

from django.urls import path

from . import action_views, unit_views, views

LANGUAGE = "releases/<int:release_id>/languages/<str:language>/"

urlpatterns = [
    path("releases/", views.ReleaseListView.as_view(), name="api-releases"),
    path("releases/<int:release_id>/", views.ReleaseView.as_view(), name="api-release"),
    path(
        "releases/<int:release_id>/revisions/",
        views.RevisionListView.as_view(),
        name="api-release-revisions",
    ),
    path("releases/<int:release_id>/diff/", views.DiffView.as_view(), name="api-release-diff"),
    path(LANGUAGE + "publish/", views.PublishView.as_view(), name="api-publish"),
    path(LANGUAGE + "units/", unit_views.UnitListView.as_view(), name="api-units"),
    path(LANGUAGE + "units/<str:key>/", unit_views.UnitView.as_view(), name="api-unit"),
    path(
        LANGUAGE + "units/<str:key>/override/",
        action_views.OverrideView.as_view(),
        name="api-unit-override",
    ),
    path(
        LANGUAGE + "units/<str:key>/comments/",
        action_views.CommentView.as_view(),
        name="api-unit-comments",
    ),
    path(LANGUAGE + "submit/", action_views.SubmitView.as_view(), name="api-submit"),
    path(LANGUAGE + "approve/", action_views.ApproveView.as_view(), name="api-approve"),
    path(
        LANGUAGE + "request-changes/",
        action_views.RequestChangesView.as_view(),
        name="api-request-changes",
    ),
    path(
        LANGUAGE + "comments/<int:comment_id>/replies/",
        action_views.ReplyView.as_view(),
        name="api-comment-replies",
    ),
    path(
        LANGUAGE + "comments/<int:comment_id>/resolve/",
        action_views.ResolveView.as_view(),
        name="api-comment-resolve",
    ),
]
