"""``manage.py export_treatments PATH``: every treatment page to a portable folder."""

from portability.command import PortabilityCommand
from portability.export import export_treatments


class Command(PortabilityCommand):
    help = (
        "Write every treatment page (fields, blocks, treatment areas, the images and practitioners "
        "they use) to the folder PATH as treatments.json plus image files."
    )
    path_help = "Folder to write; created if missing, must hold no other files."
    done = "Exported {count} treatment page(s) to {path}"

    def move(self, path, **options):
        return export_treatments(path, notice=lambda message: self.stdout.write(self.style.WARNING(message)))
