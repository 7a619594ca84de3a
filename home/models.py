"""The clinic site's home page."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page

from core.page_cache import CachedPageMixin
from core.representations import PageLinkSerializer
from treatments.models import TreatmentPage


class HomePage(CachedPageMixin, Page):
    """The site root: a welcome and the treatments the clinic features."""

    intro = models.TextField(blank=True, max_length=1000, help_text="A short welcome under the clinic's name.")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_treatments", label="Featured treatment", heading="Featured treatments"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["treatments.TreatmentIndexPage"]
    max_count = 1

    api_fields = [APIField("intro"), APIField("featured")]

    @property
    def featured(self):
        """Featured treatments for the API: id, title and URL of each."""
        return [PageLinkSerializer.represent(page) for page in self.live_featured_treatments()]

    def live_featured_treatments(self):
        """Featured treatments that are live and public, in the editor's order."""
        ids = [item.treatment_id for item in self.featured_treatments.all()]
        pages = TreatmentPage.objects.live().public().in_bulk(ids)
        return [pages[pk] for pk in ids if pk in pages]


class FeaturedTreatment(Orderable):
    """A treatment shown on the home page."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_treatments")
    treatment = models.ForeignKey("treatments.TreatmentPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("treatment")]
