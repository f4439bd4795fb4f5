"""The roles Concord's users work in, as groups with exactly these permissions.

``roles_sync`` runs after every ``migrate`` (a post_migrate receiver, so the permissions
exist first) and from ``manage.py sync_roles``; it is idempotent, so a production install has
the groups without the demo. Languages come from ``config.languages``: a new language gets
its translator and reviewer groups from the same table.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from config import languages

EDITORS = "Editors"
TERMINOLOGISTS = "Terminologists"

READ_GLOSSARY = [
    "translations.view_concept",
    "translations.view_term",
    "translations.view_releasetermfindings",
]
READ_RELEASES = ["records.view_release", "records.view_segment", "records.view_photo"]
# Editing one language's text in the release form needs the form and its rows.
EDIT_TEXT_FORM = ["records.change_release", "records.change_segment", "records.change_photo"]


def translators(code):
    return f"Translators ({code})"


def reviewers(code):
    return f"Reviewers ({code})"


def role_permissions():
    """Return ``{group name: [app_label.codename, …]}`` for every role."""
    roles = {
        EDITORS: [
            *READ_RELEASES,
            *EDIT_TEXT_FORM,
            "records.view_topic",
            "records.add_topic",
            "records.change_topic",
            "records.add_release",
            "records.publish_release",
            *(f"records.edit_text_{code}" for code in languages.CODES),
            "records.add_segment",
            "records.delete_segment",
            "records.add_photo",
            "records.delete_photo",
            "records.view_publication",
            *READ_GLOSSARY,
        ],
        TERMINOLOGISTS: [
            *READ_RELEASES,
            *READ_GLOSSARY,
            "translations.add_concept",
            "translations.change_concept",
            "translations.delete_concept",
            "translations.add_term",
            "translations.change_term",
            "translations.delete_term",
        ],
    }
    for code in languages.CODES:
        text = [*READ_RELEASES, *EDIT_TEXT_FORM, f"records.edit_text_{code}", *READ_GLOSSARY]
        roles[translators(code)] = text
        roles[reviewers(code)] = [*text, f"records.review_text_{code}"]
    return roles


@transaction.atomic
def roles_sync(roles=None):
    """Create the role groups and give each exactly its permissions; return them by name."""
    roles = roles if roles is not None else role_permissions()
    wanted = {perm for perms in roles.values() for perm in perms}
    by_name = {
        f"{perm.content_type.app_label}.{perm.codename}": perm
        for perm in Permission.objects.select_related("content_type")
    }
    missing = sorted(wanted - set(by_name))
    if missing:
        raise LookupError(f"unknown permissions: {', '.join(missing)}")
    groups = {}
    for name, perms in roles.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set([by_name[perm] for perm in perms])
        groups[name] = group
    return groups


def roles_sync_after_migrate(sender, app_config=None, **kwargs):
    """Keep the roles in line once the last app's permissions exist (post_migrate)."""
    from django.apps import apps

    last = list(apps.get_app_configs())[-1]
    if app_config is not None and app_config.label != last.label:
        return
    roles_sync()
