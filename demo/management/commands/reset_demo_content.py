"""Delete the demo clinic's pages, Clinic details and practitioner, then load the demo afresh.

Destroys the clinic's edits, so it asks for ``--yes``; without it, it lists what would go.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from demo.loader import delete_demo_content, demo_content


class Command(BaseCommand):
    help = "Delete the demo site's pages, Clinic details and practitioner, and load the demo again."

    def add_arguments(self, parser):
        parser.add_argument("--yes", action="store_true", help="Really delete (without it: only list).")
        parser.add_argument("--no-superuser", "--no-logins", dest="no_logins", action="store_true")

    def handle(self, *args, **options):
        content = demo_content()
        self.stdout.write("Resetting the demo deletes:")
        for description, objects in content:
            for obj in objects:
                self.stdout.write(f"  - {description}: {obj}")
        self.stdout.write("Logins are kept (their passwords too).")
        if not options["yes"]:
            raise CommandError("Nothing deleted. Run again with --yes to delete all of the above.")
        # Deleting the home page deletes the Site with it: the new one keeps its address.
        site = Site.objects.filter(is_default_site=True).first()
        address = ["--hostname", site.hostname, "--port", str(site.port)] if site else []
        with transaction.atomic():
            delete_demo_content()
            extra = address + (["--no-logins"] if options["no_logins"] else [])
            call_command("load_demo_content", *extra, stdout=self.stdout, verbosity=options["verbosity"])
