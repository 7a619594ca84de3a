"""``manage.py export_treatments PATH``: every treatment page to a portable folder."""

from django.core.management.base import BaseCommand, CommandError

from portability.export import export_treatments
from portability.format import PortabilityError


class Command(BaseCommand):
    help = (
        "Write every treatment page (fields, blocks, treatment areas, the images and practitioners "
        "they use) to the folder PATH as treatments.json plus image files."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Folder to write; created if missing, must hold no other files.")

    def handle(self, *args, path, **options):
        try:
            count = export_treatments(path)
        except PortabilityError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Exported {count} treatment page(s) to {path}"))
