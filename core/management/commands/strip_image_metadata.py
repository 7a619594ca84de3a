"""``manage.py strip_image_metadata``: images stored before uploads were cleaned get the same treatment.

Each image whose file still holds metadata, or whose name is not a random one, is saved again with
its file: the upload receiver (``core.image_uploads``) stores it clean under a random name, its
renditions are deleted (Wagtail deletes their files; they are made again from the clean file when
next shown), and the old file is deleted once that is committed. Saving the image raises the
content-change signal, so cached pages and API answers showing it are refreshed. Running it again
changes nothing.
"""

import os
from io import BytesIO

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model

from core.image_files import UnreadableImage, clean_image, has_random_name


class Command(BaseCommand):
    help = "Store every image file without metadata under a random name (images uploaded before it was automatic)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List the images that would change; change none.")

    def handle(self, *args, dry_run=False, **options):
        changed = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                with image.open_file() as handle:
                    content = handle.read()
                cleaned, _extension = clean_image(content)
            except (UnreadableImage, OSError) as error:  # OSError: Wagtail's SourceImageIOError, a missing file
                self.stderr.write(f"Image {image.pk} ('{image.title}') left as it is: {error}")
                continue
            if cleaned == content and has_random_name(image.file.name):
                continue
            changed += 1
            self.stdout.write(f"{'Would clean' if dry_run else 'Cleaned'} image {image.pk} ('{image.title}').")
            if not dry_run:
                self.restore(image, content)
        self.stdout.write(f"{changed} image(s) {'to clean' if dry_run else 'cleaned'}.")

    def restore(self, image, content):
        """Save ``image`` with its own content as a new upload; the receiver cleans and renames it."""
        old_name = image.file.name
        storage = image.file.storage
        with transaction.atomic():
            image.file = ImageFile(BytesIO(content), name=os.path.basename(old_name))
            image.save()
            image.renditions.all().delete()
            if not type(image).objects.filter(file=old_name).exists():
                transaction.on_commit(lambda: storage.delete(old_name))
