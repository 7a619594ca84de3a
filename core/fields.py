"""Model fields the apps declare alike."""

from django.db import models


def optional_image(help_text):
    """An image an editor may leave empty; deleting the image empties the field, never the row.

    A plain ``ForeignKey`` (not a subclass), so migrations see the same field as before.
    """
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )
