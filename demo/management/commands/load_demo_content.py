"""Create what is missing of the demo clinic site: home, /treatments/, the BOTOX page, logins.

Never changes what exists: Clinic details, pages and drafts belong to whoever edited them last.
``reset_demo_content`` is the explicit way back to the demo as shipped.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Create what is missing of the demo clinic (BOTOX page, practitioner, clinic details) and the local "
        "logins 'admin' and 'dr.kim'. Never changes content that exists."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-superuser",
            "--no-logins",
            dest="no_logins",
            action="store_true",
            help="Do not create the local logins (the superuser and Dr. Kim's practitioner login).",
        )
        parser.add_argument(
            "--hostname",
            help="The site's hostname, for canonical URLs and the sitemap (default: keep; new: localhost).",
        )
        parser.add_argument("--port", type=int, help="The site's port (default: keep; new: 80).")

    @transaction.atomic
    def handle(self, *args, **options):
        loader = DemoLoader(log=self.stdout.write)
        site, treatment = loader.load(options["hostname"], options["port"], logins=not options["no_logins"])
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {treatment.get_url()} (site {site})"))
