"""``manage.py import_treatments PATH``: recreate exported treatment pages on this site."""

from portability.command import PortabilityCommand
from portability.importing import import_treatments


class Command(PortabilityCommand):
    help = (
        "Recreate the treatment pages of an export_treatments folder under the site's treatment index "
        "(created if missing). Pages with the same slug are updated; all or nothing."
    )
    path_help = "A folder written by export_treatments."
    done = "Imported {count} treatment page(s) from {path}"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--site", dest="site", default=None, help="Hostname of the site (default: the default site)."
        )

    def move(self, path, *, site, **options):
        return import_treatments(path, site_hostname=site)
