"""What the export and import commands share: a folder PATH, and errors told as command errors."""

from django.core.management.base import BaseCommand, CommandError

from portability.format import PortabilityError


class PortabilityCommand(BaseCommand):
    """A command that moves treatment pages through the folder PATH.

    Subclasses say what PATH is (``path_help``), how to report success (``done``, formatted with
    ``count`` and ``path``) and do the work in ``move``; a ``PortabilityError`` ends the command
    as a ``CommandError`` carrying its message.
    """

    path_help = ""
    done = ""

    def add_arguments(self, parser):
        parser.add_argument("path", help=self.path_help)

    def handle(self, *args, path, **options):
        try:
            count = self.move(path, **options)
        except PortabilityError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(self.done.format(count=count, path=path)))

    def move(self, path, **options):
        """Export or import the pages; return how many treatment pages were moved."""
        raise NotImplementedError
