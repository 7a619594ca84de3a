"""The clinic's contact details and its practitioners: what every other app reads about the clinic."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.caching import remembered
from core.fields import optional_image

from .blocks import OpeningPeriodBlock

PHONE_VALIDATOR = RegexValidator(
    r"^\+?[0-9][0-9 ().-]{6,}$", "Enter a phone number of digits, spaces, dashes or dots, e.g. 503-850-0414."
)


@register_setting(icon="site")
class ClinicSettings(BaseSiteSetting):
    """The clinic's name and contact details: one place for the phone number and booking link."""

    name = models.CharField(max_length=200, help_text="The clinic's name as patients know it.")
    phone = models.CharField(
        max_length=30, validators=[PHONE_VALIDATOR], help_text="Shown on every page, e.g. 503-850-0414."
    )
    public_email = models.EmailField(blank=True, help_text="Public contact address, if any.")
    notification_email = models.EmailField(
        blank=True, help_text="Where new consultation requests are sent. Never shown publicly."
    )
    street_address = models.CharField(
        max_length=200, blank=True, help_text="Street and number, as on the clinic's sign."
    )
    city = models.CharField(max_length=100, blank=True, help_text="e.g. Portland")
    region = models.CharField(max_length=100, blank=True, help_text="State or region, e.g. OR.")
    postal_code = models.CharField(max_length=20, blank=True, help_text="ZIP or postal code.")
    country = models.CharField(max_length=2, default="US", help_text="Two-letter country code.")
    consultation_url = models.CharField(
        "Booking link", max_length=300, default="/consultation/", help_text="Where 'Schedule Consultation' leads."
    )
    consultation_label = models.CharField(
        max_length=60, default="Schedule Consultation", help_text="The words on every booking button."
    )
    logo = optional_image(
        "The clinic's logo, shown in the site header; its description is read aloud to blind visitors."
    )
    opening_hours = StreamField(
        [("period", OpeningPeriodBlock())],
        blank=True,
        help_text="One entry per day and opening period; days without an entry are shown as closed.",
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text="For maps and search engines, e.g. 45.5152."
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, help_text="For maps and search engines, e.g. -122.6784."
    )
    privacy_url = models.CharField(
        "Privacy notice link",
        max_length=300,
        blank=True,
        help_text="The clinic's privacy notice (a page or document address); linked in the footer when set.",
    )

    @classmethod
    def for_site(cls, site):
        """Wagtail's per-site settings, remembered until content (settings included) changes."""
        if site is None:
            return super().for_site(site)
        # Not the key used while these details lived in ``treatments``: a copy cached then
        # names a class that no longer exists.
        return remembered(f"clinic-details:{site.pk}", lambda: super(ClinicSettings, cls).for_site(site))

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("public_email")]),
        FieldPanel("notification_email"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
            ],
            heading="Address",
            help_text="To be completed by the clinic: shown on the location page and in the footer once filled in.",
        ),
        MultiFieldPanel(
            [FieldPanel("opening_hours"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading="Opening hours and map position",
            help_text="To be completed by the clinic: the location page shows only what is filled in.",
        ),
        FieldPanel("logo"),
        FieldPanel("privacy_url"),
        FieldRowPanel([FieldPanel("consultation_url"), FieldPanel("consultation_label")]),
    ]

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name or "Clinic details"

    @property
    def address_lines(self):
        """The postal address as the lines printed on an envelope (empty parts left out)."""
        locality = " ".join(
            part
            for part in (self.city + ("," if self.city and self.region else ""), self.region, self.postal_code)
            if part
        )
        return [line for line in (self.street_address, locality) if line]

    @property
    def directions_url(self):
        """A plain link to a map search for the address: no script, no embed (empty without a street)."""
        if not self.street_address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": ", ".join(self.address_lines)})

    @property
    def phone_href(self):
        """The phone number as a ``tel:`` URI (US numbers get their country code)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if self.phone.strip().startswith("+"):
            return f"tel:+{digits}"
        if len(digits) == 10 and self.country == "US":
            return f"tel:+1{digits}"
        return f"tel:{digits}"


@register_snippet
class Practitioner(index.Indexed, models.Model):
    """A practitioner of the clinic: reviews pages, treats patients."""

    name = models.CharField(max_length=200, help_text="As patients address them, e.g. Dr. Michael Kim.")
    slug = models.SlugField(
        max_length=200,
        unique=True,
        blank=True,
        help_text="The last part of the profile's address, /practitioners/<slug>/. Left empty, made from the name.",
    )
    credentials = models.CharField(max_length=100, blank=True, help_text="e.g. MD, board certification.")
    job_title = models.CharField(max_length=200, blank=True, help_text="e.g. Injector, BOTOX Portland.")
    photo = optional_image("A friendly portrait; its description is read aloud to blind visitors.")
    bio = models.TextField(blank=True, max_length=2000, help_text="A short introduction for patients.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner",
        verbose_name="Admin login",
        help_text="The practitioner's admin login: their approvals in the medical review are signed with this profile.",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("credentials"), FieldPanel("job_title")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        # Only clinic managers link logins to practitioners: the link signs medical reviews.
        FieldPanel("user", permission="clinic.add_practitioner"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name, Practitioner.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"/practitioners/{self.slug}/"


def unique_slug(name, others):
    """``slugify(name)``, with -2, -3... when another practitioner has it already."""
    base = slugify(name)[:190] or "practitioner"
    slug, n = base, 1
    while others.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
