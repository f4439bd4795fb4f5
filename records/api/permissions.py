"""Who may use the staff part of the API: active staff users (by session or token)."""

from rest_framework.permissions import BasePermission


class IsStaff(BasePermission):
    """Authenticated, active staff. Finer rules (languages, roles) are the services' own."""

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and user.is_active and user.is_staff)
