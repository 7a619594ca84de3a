"""Treatment pages, the clinic's practitioners and the clinic's contact details."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.caching import remembered
from core.page_cache import CachedPageMixin
from core.preview import HeadlessPreviewPage

from . import api
from .blocks import TreatmentBodyBlock

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
        max_length=300, default="/consultation/", help_text="Where 'Schedule Consultation' leads."
    )
    consultation_label = models.CharField(
        max_length=60, default="Schedule Consultation", help_text="The words on every booking button."
    )

    @classmethod
    def for_site(cls, site):
        """Wagtail's per-site settings, remembered until content (settings included) changes."""
        if site is None:
            return super().for_site(site)
        return remembered(f"clinic-settings:{site.pk}", lambda: super(ClinicSettings, cls).for_site(site))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("public_email")]),
        FieldPanel("notification_email"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("region")]),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("country")]),
            ],
            heading="Address",
        ),
        FieldRowPanel([FieldPanel("consultation_url"), FieldPanel("consultation_label")]),
    ]

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name or "Clinic details"

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
    credentials = models.CharField(max_length=100, blank=True, help_text="e.g. MD, board certification.")
    job_title = models.CharField(max_length=200, blank=True, help_text="e.g. Injector, BOTOX Portland.")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A friendly portrait; its description is read aloud to blind visitors.",
    )
    bio = models.TextField(blank=True, max_length=2000, help_text="A short introduction for patients.")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practitioner",
        help_text="The practitioner's admin login: their approvals in the medical review are signed with this profile.",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("credentials"), FieldPanel("job_title")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        # Only clinic managers link logins to practitioners: the link signs medical reviews.
        FieldPanel("user", permission="treatments.add_practitioner"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name


class TreatmentIndexPage(CachedPageMixin, HeadlessPreviewPage, Page):
    """The list of the clinic's treatments, at /treatments/."""

    intro = models.TextField(blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["treatments.TreatmentPage"]
    max_count_per_parent = 1

    api_fields = [APIField("intro")]

    def treatments(self):
        """Live, public treatments under this index, in menu order."""
        return (
            TreatmentPage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .select_related("hero_image")
            .prefetch_related("treatment_areas")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = self.treatments()
        return context


class TreatmentPage(CachedPageMixin, HeadlessPreviewPage, Page):
    """One treatment the clinic offers, in structured sections."""

    CATEGORY_CHOICES = [
        ("neuromodulator", "Neuromodulator"),
        ("dermal_filler", "Dermal filler"),
        ("laser", "Laser and light"),
        ("skin", "Skin treatment"),
        ("surgical", "Surgical procedure"),
        ("other", "Other"),
    ]

    summary = models.TextField(
        max_length=300, help_text="One or two sentences for listings and search engines (plain text)."
    )
    brand_name = models.CharField(max_length=100, blank=True, help_text="e.g. BOTOX")
    generic_name = models.CharField(max_length=200, blank=True, help_text="e.g. botulinum toxin type A")
    category = models.CharField(
        max_length=30, choices=CATEGORY_CHOICES, default="other", help_text="The kind of treatment, for listings."
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The large photo at the top of the page; describe it for blind visitors.",
    )
    body = StreamField(TreatmentBodyBlock(), blank=True, help_text="The sections of the page, in order.")
    reviewed_by = models.ForeignKey(
        Practitioner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_treatments",
        help_text="The practitioner who last reviewed this page medically.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When the medical review took place.")
    review_interval_months = models.PositiveSmallIntegerField(
        default=12, help_text="How often the page must be reviewed again, in months."
    )
    show_faq_structured_data = models.BooleanField(
        default=True, help_text="Offer the FAQ to search engines as structured data."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    facts_panels = [
        FieldRowPanel([FieldPanel("brand_name"), FieldPanel("generic_name")]),
        FieldPanel("category"),
        InlinePanel("treatment_areas", label="On-label treatment areas", heading="Treatment areas"),
    ]
    review_panels = [
        FieldPanel("reviewed_by"),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")]),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("show_faq_structured_data")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(facts_panels, heading="Treatment facts"),
            ObjectList(review_panels, heading="Medical review"),
            ObjectList(promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    parent_page_types = ["treatments.TreatmentIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("brand_name"),
        index.SearchField("generic_name"),
        index.SearchField("body"),
        index.FilterField("category"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("brand_name"),
        APIField("generic_name"),
        APIField("category"),
        APIField("hero_image", serializer=api.ImageField()),
        APIField("treatment_areas", serializer=api.TreatmentAreaSerializer(many=True, source="areas")),
        APIField("body"),
        APIField("reviewed_by", serializer=api.PractitionerField()),
        APIField("last_reviewed"),
        APIField("clinic", serializer=api.ClinicField()),
        APIField("structured_data", serializer=api.StructuredDataField()),
    ]

    class Meta:
        verbose_name = "treatment page"

    def publish(self, revision, *args, **kwargs):
        # Every publish path (admin, workflow approval, scheduled publishing, code) obeys
        # the consent and source rules; drafts are never checked.
        from .publish_checks import check_ready_to_publish

        check_ready_to_publish(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    @property
    def review_due_date(self):
        """When the next medical review falls due (None if never reviewed)."""
        from .review import review_due_date

        return review_due_date(self)

    @property
    def review_state(self):
        """overdue, due_soon or current; see treatments.review."""
        from .review import review_state

        return review_state(self)

    @cached_property
    def areas(self):
        """The treatment areas in order, read once per page object: template, JSON-LD and API share them.

        A preview's areas live in memory and a listing's were prefetched; the relation's
        manager answers from either before it asks the database.
        """
        return list(self.treatment_areas.all())

    def structured_data(self, request=None):
        """The page's JSON-LD document (schema.org), composed from its blocks; embedded and in the API."""
        from .structured_data import treatment_page_json_ld

        clinic = ClinicSettings.for_request(request) if request else ClinicSettings.for_site(self.get_site())
        return treatment_page_json_ld(self, clinic, {"request": request, "page": self})


class TreatmentArea(Orderable):
    """An on-label area a treatment is approved for, e.g. crow's feet."""

    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="treatment_areas")
    name = models.CharField(max_length=100, help_text="An approved area, e.g. Crow's feet.")
    description = models.CharField(max_length=300, blank=True, help_text="Optional: what is treated there.")

    panels = [FieldPanel("name"), FieldPanel("description")]

    def __str__(self):
        return self.name
