"""A product a treatment uses (e.g. BOTOX), with its Important Safety Information (ISI).

The safety text is the manufacturer's, quoted word for word with its source and the date it was
checked; it is never paraphrased. Every change to it raises its ``safety_version`` and sends
:data:`products.signals.safety_information_changed`, and Wagtail keeps each saved version as a
revision (History in the admin).
"""

import html

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.html import strip_tags
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin
from wagtail.search import index

from .signals import safety_information_changed

SAFETY_FEATURES = ["bold", "italic", "link", "ul", "ol"]
TO_COMPLETE = "To be completed by the clinic"


def _filled(value):
    """A value holds something: rich text counts only for its words (an emptied editor leaves ``<p></p>``)."""
    if isinstance(value, str):
        return bool(html.unescape(strip_tags(value)).strip())
    return value is not None


class Product(RevisionMixin, index.Indexed, models.Model):
    """A product (drug or device) with its facts and its Important Safety Information."""

    PRESCRIPTION_ONLY = "PrescriptionOnly"
    OTC = "OTC"
    PRESCRIPTION_CHOICES = [
        ("", "Not recorded"),
        (PRESCRIPTION_ONLY, "Prescription only"),
        (OTC, "Over the counter"),
    ]
    CATEGORY_CHOICES = [
        ("", "Not recorded"),
        ("neuromodulator", "Neuromodulator"),
        ("dermal_filler", "Dermal filler"),
        ("device", "Device"),
        ("skin", "Skin product"),
        ("other", "Other"),
    ]
    # The fields whose change is a new version of the safety information.
    SAFETY_FIELDS = ("boxed_warning", "safety_information", "safety_source_url", "safety_checked_on")

    brand_name = models.CharField(max_length=100, help_text="As the manufacturer writes it, e.g. BOTOX.")
    generic_name = models.CharField(
        max_length=200, blank=True, help_text="The active ingredient, e.g. botulinum toxin type A."
    )
    manufacturer = models.CharField(max_length=200, blank=True, help_text="The company that makes the product.")
    category = models.CharField(max_length=30, choices=CATEGORY_CHOICES, blank=True, default="")
    prescription_status = models.CharField(
        max_length=20,
        choices=PRESCRIPTION_CHOICES,
        blank=True,
        default="",
        help_text="As the product's labelling states it.",
    )
    approved_indications = models.TextField(
        blank=True, help_text="The approved indications from the product's labelling, one a line."
    )
    boxed_warning = RichTextField(
        features=SAFETY_FEATURES,
        blank=True,
        help_text="The manufacturer's boxed warning, word for word. Never paraphrase it.",
    )
    safety_information = RichTextField(
        "Important Safety Information",
        features=SAFETY_FEATURES,
        blank=True,
        help_text="The manufacturer's Important Safety Information, word for word. Never paraphrase it.",
    )
    safety_source_url = models.URLField(
        "Source of the safety information",
        blank=True,
        help_text="The manufacturer's page or prescribing information the text was copied from.",
    )
    safety_checked_on = models.DateField(
        "Safety information checked on",
        null=True,
        blank=True,
        help_text="When someone last compared the text above with its source.",
    )
    requires_safety_information = models.BooleanField(
        "Pages must show the safety information",
        default=False,
        help_text=(
            "Tick for a prescription product with a boxed warning: every treatment page using it shows the "
            "boxed warning and Important Safety Information, and cannot be published without them."
        ),
    )
    units_note = models.TextField(
        blank=True, help_text="e.g. that dose units are not interchangeable with other products, as labelled."
    )
    safety_version = models.PositiveIntegerField(
        default=0, editable=False, help_text="Raised by one at every change of the safety information."
    )

    search_fields = [index.SearchField("brand_name"), index.SearchField("generic_name")]

    class Meta:
        ordering = ["brand_name"]

    def __str__(self):
        return f"{self.brand_name} ({self.generic_name})" if self.generic_name else self.brand_name

    def save(self, *args, **kwargs):
        changed = self._safety_text_changed()
        if changed:
            self.safety_version += 1
        with transaction.atomic():
            super().save(*args, **kwargs)
            if changed:
                safety_information_changed.send(sender=type(self), product=self, version=self.safety_version)

    @property
    def is_prescription(self):
        return self.prescription_status == self.PRESCRIPTION_ONLY

    @property
    def shows_safety_information(self):
        """Pages show this product's safety section: a prescription product with a boxed warning."""
        return self.requires_safety_information or (self.is_prescription and bool(self.boxed_warning))

    def safety_information_missing(self):
        """What the safety record lacks, in the clinic's words (empty when complete)."""
        wanted = {
            "boxed warning": self.boxed_warning,
            "Important Safety Information": self.safety_information,
            "source URL": self.safety_source_url,
            "date checked": self.safety_checked_on,
        }
        return [name for name, value in wanted.items() if not _filled(value)]

    @property
    def safety_status(self):
        """For the admin's list: complete, or to be completed by the clinic."""
        missing = self.safety_information_missing()
        return f"{TO_COMPLETE}: {', '.join(missing)}" if missing else "Complete"

    def indications(self):
        return [line.strip() for line in self.approved_indications.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.requires_safety_information:
            missing = self.safety_information_missing()
            if missing:
                raise ValidationError(
                    {
                        "requires_safety_information": (
                            f"Complete the {', '.join(missing)} first: pages cannot show incomplete safety information."
                        )
                    }
                )
        if (_filled(self.boxed_warning) or _filled(self.safety_information)) and not (
            self.safety_source_url and self.safety_checked_on
        ):
            raise ValidationError(
                {"safety_source_url": "Quoted safety text needs its source URL and the date it was checked."}
            )

    def _safety_text_changed(self):
        # Compared with the stored row, so every save path (admin, shell, import) is counted.
        if self.pk is None:
            return any(getattr(self, name) for name in self.SAFETY_FIELDS)
        stored = type(self).objects.filter(pk=self.pk).values(*self.SAFETY_FIELDS).first()
        return stored is None or any(stored[name] != getattr(self, name) for name in self.SAFETY_FIELDS)
