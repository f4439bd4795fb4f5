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
    path(
        "<int:release_id>/<str:language>/actions/<slug:action>/",
        _staff(views.ActionView),
        name="workbench_action",
    ),
]
