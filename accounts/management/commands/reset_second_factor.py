"""Forget a staff member's authenticator app and recovery codes (a lost or replaced phone)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log

from accounts.second_factor import remove_all
from accounts.views import RESET_ACTION


class Command(BaseCommand):
    help = (
        "Remove a user's two-step verification (authenticator app and recovery codes). Their next "
        "sign-in asks them to set it up again. Written to the admin's audit log (Reports > Site history)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The staff member whose phone was lost or replaced.")
        parser.add_argument("--by", metavar="USERNAME", help="Who asked for the reset (kept in the audit log).")
        parser.add_argument("--reason", default="", help="Why, in a few words (kept in the audit log).")

    def handle(self, *args, username, by=None, reason="", **options):
        user = self.find_user(username)
        actor = self.find_user(by) if by else None
        removed = remove_all(user)
        log(user, RESET_ACTION, user=actor, data={"devices": removed, "reason": reason, "via": "reset_second_factor"})
        self.stdout.write(
            f"Removed {removed} two-step device(s) of {username!r}; their next sign-in asks them to set it up again."
        )

    @staticmethod
    def find_user(username):
        User = get_user_model()
        try:
            return User.objects.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"No user named {username!r}.") from error
