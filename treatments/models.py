"""Treatment pages: the /treatments/ index and one page per treatment, with its on-label areas."""

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from clinic.models import ClinicSettings, Practitioner
from core.fields import optional_image
from core.page_cache import CachedPageMixin
from core.preview import HeadlessPreviewPage
from products.api import ImportantSafetyInformationSerializer
from products.models import Product

from . import api, review
from .blocks import TreatmentBodyBlock
from .permissions import TreatmentIndexPermissionTester, TreatmentPagePermissionTester
from .publish_checks import check_ready_to_publish
from .review_fields import review_record_panels
from .review_task import PractitionerApprovalTask  # noqa: F401 (a model: the workflow's task)
from .safety import TreatmentPageSafetyForm, copy_product_names, product_problems
from .structured_data import treatment_page_json_ld

# Treatments per page of the /treatments/ index (``?page=2``, ...); see docs/decisions.md.
TREATMENTS_PER_PAGE = 24
# What a listing (the index, the home page's featured list) shows of a treatment: never its body.
LISTING_COLUMNS = ("id", "title", "slug", "url_path", "path", "depth", "locale", "content_type", "summary")
LISTING_COLUMNS += ("category", "hero_image")
# The fields review_due is worked out from.
REVIEW_SCHEDULE_FIELDS = frozenset(["last_reviewed", "review_interval_months"])


class TreatmentIndexPage(CachedPageMixin, HeadlessPreviewPage, Page):
    """The list of the clinic's treatments, at /treatments/."""

    intro = models.TextField(blank=True, max_length=1000)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["treatments.TreatmentPage"]
    max_count_per_parent = 1

    api_fields = [APIField("intro")]

    def permissions_for_user(self, user):
        return TreatmentIndexPermissionTester(user, self)

    def treatments(self):
        """Live, public treatments under this index, in menu order, with only what a listing shows."""
        return (
            TreatmentPage.objects.child_of(self)
            .live()
            .public()
            .order_by("path")
            .only(*LISTING_COLUMNS)
            .select_related("hero_image")
            .prefetch_related("treatment_areas")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One page of treatments per request: the cost stays the same however many there are.
        paginator = Paginator(self.treatments(), TREATMENTS_PER_PAGE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage as e:
            raise Http404("No such page of treatments") from e
        context.update(treatments=page.object_list, treatments_page=page, paginator=paginator)
        return context


class TreatmentPage(CachedPageMixin, HeadlessPreviewPage, Page):
    """One treatment the clinic offers, in structured sections."""

    # A practitioner's approval in the Medical review workflow stamps reviewed_by/last_reviewed.
    records_medical_review = True

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
    # Copies of the first chosen product's names (treatments.safety), kept for the API, search and exports.
    brand_name = models.CharField(
        max_length=100, blank=True, editable=False, help_text="From the page's first product, e.g. BOTOX."
    )
    generic_name = models.CharField(
        max_length=200,
        blank=True,
        editable=False,
        help_text="From the page's first product, e.g. botulinum toxin type A.",
    )
    category = models.CharField(
        max_length=30, choices=CATEGORY_CHOICES, default="other", help_text="The kind of treatment, for listings."
    )
    hero_image = optional_image("The large photo at the top of the page; describe it for blind visitors.")
    body = StreamField(TreatmentBodyBlock(), blank=True, help_text="The sections of the page, in order.")
    reviewed_by = models.ForeignKey(
        Practitioner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_treatments",
        help_text="The practitioner who last reviewed this page medically.",
    )
    practitioners = ParentalManyToManyField(
        Practitioner,
        blank=True,
        related_name="treatments",
        verbose_name="Performed by",
        help_text="The practitioners who perform this treatment; their profile pages list it.",
    )
    last_reviewed = models.DateField(null=True, blank=True, help_text="When the medical review took place.")
    review_interval_months = models.PositiveSmallIntegerField(
        "Review every (months)", default=12, help_text="How often the page must be reviewed again, in months."
    )
    # last_reviewed + review_interval_months, kept by save(): reports filter and order by it in the
    # database (month arithmetic in SQL differs per backend; a stored date works on every one).
    review_due = models.DateField(
        "Review due",
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text="When the next medical review falls due (worked out from the last review).",
    )
    show_faq_structured_data = models.BooleanField(
        "Offer the FAQ to search engines", default=True, help_text="Offer the FAQ to search engines as structured data."
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    facts_panels = [
        InlinePanel(
            "product_links",
            label="Product",
            heading="Products",
            help_text=(
                "The products this treatment uses; the first gives the page its brand and generic names. "
                "A product's Important Safety Information shows on the page, from the product."
            ),
        ),
        FieldPanel("category"),
        FieldPanel("practitioners", widget=forms.CheckboxSelectMultiple),
        InlinePanel("treatment_areas", label="On-label treatment area", heading="Treatment areas"),
    ]
    # Stamped by a practitioner's approval; read-only except to those who may correct it.
    review_panels = [
        *review_record_panels("reviewed_by"),
        *review_record_panels("last_reviewed"),
        FieldPanel("review_interval_months"),
    ]
    promote_panels = Page.promote_panels + [
        FieldPanel("show_faq_structured_data"),
        HelpPanel(
            "The home page shows the treatments listed under Featured treatments on the home page "
            "(Pages, then the home page, then Edit). While that list is empty it shows the newest live "
            "treatments.",
            heading="Featured on the home page",
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(facts_panels, heading="Treatment facts"),
            ObjectList(review_panels, heading="Medical review"),
            ObjectList(promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    base_form_class = TreatmentPageSafetyForm
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
        APIField(
            "important_safety_information",
            serializer=ImportantSafetyInformationSerializer(many=True, source="safety_products"),
        ),
        APIField("body"),
        APIField("reviewed_by", serializer=api.PractitionerField()),
        APIField("last_reviewed"),
        APIField("clinic", serializer=api.ClinicField()),
        APIField("structured_data", serializer=api.StructuredDataField()),
    ]

    class Meta:
        verbose_name = "treatment page"
        permissions = [("correct_medical_review", "Can correct the medical review record")]

    def permissions_for_user(self, user):
        # Only practitioners publish; see treatments.permissions.
        return TreatmentPagePermissionTester(user, self)

    def save(self, *args, **kwargs):
        # Every save keeps the names read from the products and the stored due date true.
        copy_product_names(self)
        self.review_due = review.review_due_date(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and REVIEW_SCHEDULE_FIELDS & set(update_fields):
            kwargs["update_fields"] = [*update_fields, "review_due"]
        return super().save(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        # Every publish path (admin, workflow approval, scheduled publishing, code) obeys
        # the consent and source rules; drafts are never checked.
        check_ready_to_publish(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    def clean(self):
        super().clean()
        copy_product_names(self)

    @classmethod
    def api_prefetch_related(cls, field_names):
        """The chosen products, read in one query when the API shows a field that uses them."""
        if {"important_safety_information", "structured_data"} & set(field_names):
            yield Prefetch("product_links", queryset=TreatmentProduct.objects.select_related("product"))

    @cached_property
    def products(self):
        """The chosen products in order, read once per page object (template, JSON-LD and API share them)."""
        return [link.product for link in self.product_links.all() if link.product_id]

    @property
    def safety_products(self):
        """The products whose boxed warning and Important Safety Information this page shows."""
        return [product for product in self.products if product.shows_safety_information]

    def safety_problems(self):
        """What stops publishing because of the chosen products (see ``treatments.safety``)."""
        return product_problems(self.products)

    @property
    def review_due_date(self):
        """When the next medical review falls due (None if never reviewed)."""
        return review.review_due_date(self)

    @property
    def review_state(self):
        """overdue, due_soon or current; see treatments.review."""
        return review.review_state(self)

    @cached_property
    def areas(self):
        """The treatment areas in order, read once per page object: template, JSON-LD and API share them.

        A preview's areas live in memory and a listing's were prefetched; the relation's
        manager answers from either before it asks the database.
        """
        return list(self.treatment_areas.all())

    def structured_data(self, request=None):
        """The page's JSON-LD document (schema.org), composed from its blocks; embedded and in the API."""
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


class TreatmentProduct(Orderable):
    """A product a treatment page uses (e.g. BOTOX); the first one names the page's product."""

    page = ParentalKey(TreatmentPage, on_delete=models.CASCADE, related_name="product_links")
    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="treatment_links", help_text="Snippets > Products."
    )

    panels = [FieldPanel("product")]

    def __str__(self):
        return str(self.product)
