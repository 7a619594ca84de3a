"""``manage.py import_treatments PATH``: recreate exported treatment pages on this site."""

from django.core.management.base import BaseCommand, CommandError

from portability.format import PortabilityError
from portability.importing import import_treatments


class Command(BaseCommand):
    help = (
        "Recreate the treatment pages of an export_treatments folder under the site's treatment index "
        "(created if missing). Pages with the same slug are updated; all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A folder written by export_treatments.")
        parser.add_argument(
            "--site", dest="site", default=None, help="Hostname of the site (default: the default site)."
        )

    def handle(self, *args, path, site, **options):
        try:
            count = import_treatments(path, site_hostname=site)
        except PortabilityError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Imported {count} treatment page(s) from {path}"))
