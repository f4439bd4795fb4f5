from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from records.api import token_create
from records.cli import user_by_username


class Command(BaseCommand):
    help = _(
        "Create an API token for a user and print its key (shown this once; only its digest "
        "is kept)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help=_("what the token is for, such as the tool that uses it"))

    def handle(self, *args, username, name, **options):
        user = user_by_username(username)
        if not user.is_active:
            raise CommandError(
                _("“%(name)s” is not an active user; no token was made") % {"name": username}
            )
        try:
            _token, key = token_create(user, name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(key)
