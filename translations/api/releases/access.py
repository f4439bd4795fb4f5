"""Who may use the releases' endpoints, and the release and language an address names."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from config import languages
from records.api.permissions import IsStaff
from records.models import Release
from translations.review import permissions


class CanViewReleases(BasePermission):
    """Staff who may see releases (``records.view_release``), as the workbench asks."""

    message = gettext_lazy("You may not see releases.")

    def has_permission(self, request, view):
        return permissions.can_view(request.user)


STAFF = [IsStaff, CanViewReleases]


def release_get(release_id):
    """Return the release ``release_id`` names, with its topic; 404 when there is none."""
    release = Release.objects.select_related("topic").filter(pk=release_id).first()
    if release is None:
        raise NotFound(_("There is no release %(id)s.") % {"id": release_id})
    return release


def target_check(release, language):
    """Refuse (404) a language that is not a target of ``release``, as the workbench does."""
    refusal = release.target_refusal(language)
    if refusal:
        raise NotFound(refusal)


def language_check(language):
    """Refuse (404) a code that names no language Concord keeps."""
    if language not in languages.CODES:
        raise NotFound(
            _("unknown language “%(language)s” (expected one of %(known)s)")
            % {"language": language[:20], "known": ", ".join(languages.CODES)}
        )
