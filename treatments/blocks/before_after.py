"""Before-and-after photos of one patient, shown only under their current authorization.

The pair refers to a :class:`photos.models.PhotoAuthorization`. It cannot be published without
one that is current and covers the website, and it is shown (page, admin preview, API) only
while that is still true today: the authorization is read from the database at every render,
so a revocation or expiry hides the pair at once. The authorization is the clinic's record: the
API says only ``authorized: true`` for a pair it shows, never which authorization or patient.
"""

import datetime

from django.utils import timezone
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from core import stamps

from .base import SectionBlock, reject_field
from .choosers import ClinicImageChooserBlock, PractitionerChooserBlock, PrefetchedChooserMixin
from .expected_results import expected_results
from .patients import INDIVIDUAL_RESULTS_VARY

AUTHORIZATION_REQUIRED = (
    "a patient's photo authorization that is current and covers the website is required before "
    "publishing (Snippets > Photo authorizations)."
)


def results_disclosure(statement):
    """ "Individual results vary." followed by the page's generally expected results, if any."""
    return f"{INDIVIDUAL_RESULTS_VARY} {statement}".strip()


class PhotoAuthorizationChooserBlock(PrefetchedChooserMixin, SnippetChooserBlock):
    """The patient's authorization; the chooser shows editors its label and status only."""

    def __init__(self, **kwargs):
        super().__init__("photos.PhotoAuthorization", **kwargs)


class BeforeAfterBlock(SectionBlock):
    """A patient's before and after photos, with what was treated and the results disclosure."""

    before_image = ClinicImageChooserBlock(help_text="The photo before treatment. Its alt text describes it.")
    after_image = ClinicImageChooserBlock(
        help_text="The photo after treatment, taken from the same angle and light as the first."
    )
    treatment_area = blocks.CharBlock(max_length=100, help_text="What was treated, e.g. 'Forehead lines'.")
    time_since_treatment = blocks.CharBlock(
        max_length=100, help_text="When the after photo was taken, e.g. '2 weeks after treatment'."
    )
    sessions = blocks.IntegerBlock(min_value=1, max_value=100, help_text="How many sessions the patient had.")
    practitioner = PractitionerChooserBlock(required=False, help_text="The practitioner who treated the patient.")
    caption = blocks.TextBlock(
        max_length=300, required=False, help_text="A sentence about the photos. Never the patient's name."
    )
    # Not required while drafting; publishing asks for a current one covering the website.
    authorization = PhotoAuthorizationChooserBlock(
        required=False,
        help_text="The patient's signed authorization to show these photos on the website.",
    )

    # Which patient and which authorization are the clinic's records, never the public's.
    records = ("authorization",)
    # A pair may vanish at any moment (revoked) without the page being indexed again: its words
    # never enter the search index or a search excerpt.
    searchable = False
    # Its authorization is a patient's record, kept by the clinic holding the signed form: an
    # export to another site leaves the pair out.
    portable = False
    nav_label = "Before and after"

    class Meta:
        icon = "image"
        label = "Before and after"
        description = "A patient's before and after photos, with their authorization."

    def nav_text(self, value):
        # Several pairs on a page each get their own entry, told apart by what was treated.
        area = value.get("treatment_area")
        return f"{self.nav_label}: {area}" if area else self.nav_label

    @staticmethod
    def is_shown(value, today=None):
        """The pair may show today: both photos, and an authorization current and covering the website."""
        authorization = value.get("authorization")
        today = today or timezone.localdate()
        if authorization is not None:
            # At midnight of its expiry (or signing) the answer changes with no edit: no cached page
            # or API answer, here or on a CDN, outlives that moment.
            day = authorization.website_changes_on(today)
            if day is not None:
                stamps.changes_at(timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)))
        return (
            authorization is not None
            and value.get("before_image") is not None
            and value.get("after_image") is not None
            and authorization.covers_website_on(today)
        )

    def validate_for_publish(self, value, name):
        authorization = value.get("authorization")
        if authorization is None or not authorization.covers_website_on(timezone.localdate()):
            return [f"{name}: {AUTHORIZATION_REQUIRED}"]
        return []

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and self.validate_for_publish(value, self.label):
            # Publishing or submitting: said next to the chooser too. Drafts may wait.
            reject_field("authorization", f"Required before publishing: {AUTHORIZATION_REQUIRED}")
        return value

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["authorized"] = True  # the body leaves out any pair that is not (TreatmentBodyBlock)
        data["disclosure"] = results_disclosure((context or {}).get("expected_results") or "")
        return data

    def api_schema_extra(self):
        """The generated keys the API adds (see ``get_api_representation``)."""
        return {
            "properties": {
                "authorized": {
                    "const": True,
                    "description": "Always true: the API sends a pair only under a current authorization.",
                },
                "disclosure": {
                    "type": "string",
                    "description": "'Individual results vary.' and the page's generally expected results; show it.",
                },
            },
            "required": ["authorized", "disclosure"],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        body = getattr(context.get("page"), "body", None)
        context["shown"] = self.is_shown(value)
        context["disclosure"] = results_disclosure(expected_results(body) if body else "")
        return context
