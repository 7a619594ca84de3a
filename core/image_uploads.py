"""Every image upload goes through ``core.image_files.clean_image``: admin, ORM and imports alike.

- ``clean_uploaded_image`` is a ``pre_save`` receiver on Wagtail's image model (connected in
  ``CoreConfig.ready``). When an image gets a new or replaced file, it rewrites the file not yet
  stored without metadata, under a random name, and sets ``file_size`` and ``file_hash`` from what
  is stored (the hash as Wagtail computes it, ``wagtail.utils.file.hash_filelike``). Renditions
  are made from that file, so they carry no metadata either (Willow copies the source's EXIF into
  JPEG, WebP and AVIF renditions: there is none left to copy).
- ``ImageForm`` (``WAGTAILIMAGES_IMAGE_FORM_BASE``, the admin's single and multiple upload)
  decodes the upload in full while the form is validated, so a damaged file is a form error ("not
  a readable image"), never a server error. A title equal to the uploaded file's name, or to its
  name without extension, is the default the admin fills in, not what an editor typed: it may hold
  a patient's name and is shown as alt text while the description is empty, so it becomes
  "Untitled image, uploaded <date>". Titles set through the ORM or an import are kept.
"""

import os
from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

from .image_files import UNREADABLE, UnreadableImage, clean_image, open_image, random_name

# Where Wagtail stores originals (``AbstractImage.get_upload_to``).
ORIGINALS_FOLDER = "original_images"


def clean_uploaded_image(sender, instance, update_fields=None, **kwargs):
    """``pre_save``: a new or replaced image file is stored without metadata, under a random name."""
    if not _has_new_file(sender, instance, update_fields):
        return
    previous_name = instance.file.name
    instance.file.open("rb")
    content = instance.file.read()
    try:
        cleaned, extension = clean_image(content)
    except UnreadableImage as error:
        raise ValidationError({"file": str(error)}, code="unreadable_image") from error
    # Assigning the file also sets width and height again (the orientation may have swapped them).
    instance.file = ImageFile(BytesIO(cleaned), name=random_name(extension))
    instance.file_size = len(cleaned)
    instance.file_hash = hash_filelike(BytesIO(cleaned))
    _forget_stored_original(sender, instance, previous_name)


def _has_new_file(model, instance, update_fields):
    if not instance.file or (update_fields is not None and "file" not in update_fields):
        return False
    if instance.pk is None:
        return True
    stored = model.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    return stored != instance.file.name


def _forget_stored_original(model, instance, previous_name):
    """Delete the named file a new image was given already stored, once the clean copy is saved.

    Wagtail's multiple upload stores the file before saving the image when the image's other
    fields need filling in first; that copy still has its metadata and its name. A file another
    image uses is left alone.
    """
    storage = instance.file.storage
    if not previous_name.startswith(f"{ORIGINALS_FOLDER}/") or not storage.exists(previous_name):
        return
    if model.objects.filter(file=previous_name).exists():
        return
    transaction.on_commit(lambda: storage.delete(previous_name))


class ReadableImageField(WagtailImageField):
    """Wagtail's image upload field; a file that cannot be decoded in full is a validation error."""

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except OSError as error:  # Willow decodes the file to count its pixels: a damaged one fails there
            raise ValidationError(UNREADABLE, code="unreadable_image") from error
        if uploaded is not None:
            try:
                open_image(uploaded.read()).close()
            except UnreadableImage as error:
                raise ValidationError(str(error), code="unreadable_image") from error
            finally:
                uploaded.seek(0)
        return uploaded


class ImageForm(BaseImageForm):
    """Wagtail's image form with ``ReadableImageField``, and no title taken from a file's name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = ReadableImageField(
                label=field.label, required=field.required, widget=field.widget, help_text=field.help_text
            )

    def clean(self):
        cleaned_data = super().clean()
        uploaded = cleaned_data.get("file")
        if uploaded and "file" in self.changed_data and cleaned_data.get("title") in _default_titles(uploaded.name):
            cleaned_data["title"] = f"Untitled image, uploaded {date_format(timezone.localdate(), 'j F Y')}"
        return cleaned_data


def _default_titles(file_name):
    """The titles Wagtail's upload forms derive from a file's name."""
    base = os.path.basename(file_name or "")
    return {base, os.path.splitext(base)[0]}
