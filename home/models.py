"""The clinic site's home page."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from clinic.models import Practitioner
from core.fields import optional_image
from core.page_cache import CachedPageMixin
from core.representations import PageLinkSerializer
from treatments.api import ImageField
from treatments.models import LISTING_COLUMNS, TreatmentPage

# How many of the newest treatments the home page shows when none are featured by hand.
NEWEST_SHOWN = 3


class HomePage(CachedPageMixin, Page):
    """The site root: a welcome and the treatments the clinic features."""

    intro = models.TextField(blank=True, max_length=1000, help_text="A short welcome under the clinic's name.")
    hero_image = optional_image("The large picture at the top of the home page; describe it for blind visitors.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel(
            "featured_treatments",
            label="Featured treatment",
            heading="Featured treatments",
            help_text="Leave empty to show the newest live treatments.",
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["treatments.TreatmentIndexPage"]
    max_count = 1

    api_fields = [APIField("intro"), APIField("hero_image", serializer=ImageField()), APIField("featured")]

    @property
    def featured(self):
        """Featured treatments for the API: id, title and URL of each."""
        return [PageLinkSerializer.represent(page) for page in self.live_featured_treatments()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["practitioners"] = Practitioner.objects.select_related("photo")
        return context

    def live_featured_treatments(self):
        """Featured treatments that are live and public, in the editor's order.

        While the editor's list is empty, the newest live treatments of this site, so a new
        treatment appears on the home page without anyone remembering to feature it.
        """
        ids = [item.treatment_id for item in self.featured_treatments.all()]
        # Title, summary and URL only: never the bodies. The cards name each page's areas: one
        # query for all of them, not one per card.
        live = (
            TreatmentPage.objects.live()
            .public()
            .only(*LISTING_COLUMNS)
            .select_related("hero_image")
            .prefetch_related("treatment_areas")
        )
        if not ids:
            return list(live.descendant_of(self).order_by("-first_published_at", "-pk")[:NEWEST_SHOWN])
        pages = live.in_bulk(ids)
        return [pages[pk] for pk in ids if pk in pages]


class FeaturedTreatment(Orderable):
    """A treatment shown on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_treatments")
    treatment = models.ForeignKey("treatments.TreatmentPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("treatment")]
