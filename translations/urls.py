"""Review pages and notifications (included under ``review/``); every page needs a staff
login, as the admin."""

from django.contrib import admin
from django.urls import path

from translations.notifications import views as notification_views
from translations.review import views

app_name = "translations"


def _staff(view):
    return admin.site.admin_view(view.as_view())


urlpatterns = [
    path("", _staff(views.MyWorkView), name="my_work"),
    path(
        "notifications/",
        _staff(notification_views.NotificationListView),
        name="notifications",
    ),
    path(
        "notifications/<int:notification_id>/",
        _staff(notification_views.NotificationOpenView),
        name="notification_open",
    ),
    path(
        "notifications/settings/",
        _staff(notification_views.NotificationSettingsView),
        name="notification_settings",
    ),
    path("<int:release_id>/<str:language>/", _staff(views.WorkbenchView), name="workbench"),
    path("<int:release_id>/<str:language>/history/", _staff(views.HistoryView), name="history"),
    path(
        "<int:release_id>/<str:language>/units/<str:key>/history/",
        _staff(views.UnitHistoryView),
        name="unit_history",
    ),
    # Moving through the workbench: the next unit of a state, the check's status, fresh rows.
    path("<int:release_id>/<str:language>/next/", _staff(views.NextView), name="workbench_next"),
    path(
        "<int:release_id>/<str:language>/check-status/",
        _staff(views.CheckStatusView),
        name="workbench_check_status",
    ),
    path("<int:release_id>/<str:language>/rows/", _staff(views.RowsView), name="workbench_rows"),
    path(
        "<int:release_id>/<str:language>/units/<str:key>/check/",
        _staff(views.UnitCheckView),
        name="unit_check",
    ),
    path(
        "<int:release_id>/<str:language>/concordance/",
        _staff(views.ConcordanceView),
        name="concordance",
    ),
    path(
        "<int:release_id>/<str:language>/actions/<slug:action>/",
        _staff(views.ActionView),
        name="workbench_action",
    ),
]
