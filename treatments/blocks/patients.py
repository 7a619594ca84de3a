"""Sections for patients: questions, testimonials, booking and related treatments."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .. import structured_data as ld
from .base import RICH_TEXT_FEATURES, SectionBlock, reject_field
from .choosers import PractitionerChooserBlock, TreatmentChooserBlock
from .expected_results import expected_results
from .formatting import joined


class FaqItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(max_length=300, help_text="As a patient would ask it.")
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="The clinic's answer.")

    class Meta:
        icon = "help"


class FaqBlock(SectionBlock):
    """Frequently asked questions about the treatment."""

    nav_label = "FAQ"

    heading = blocks.CharBlock(
        max_length=200, default="Frequently asked questions", help_text="The title above the questions."
    )
    items = blocks.ListBlock(FaqItemBlock(), min_num=1, help_text="Each question may appear only once.")

    class Meta:
        icon = "help"
        label = "FAQ"
        description = "Questions patients ask, each with its answer."
        preview_value = {
            "heading": "FAQ",
            "items": [{"question": "Are injections painful?", "answer": "<p>They feel like small pinches.</p>"}],
        }

    def clean(self, value):
        value = super().clean(value)
        questions = [item["question"].strip().lower() for item in value["items"]]
        if len(questions) != len(set(questions)):
            reject_field("items", "Each question may appear only once.")
        return value

    def json_ld(self, value, context=None):
        """The questions of an ``FAQPage``, answers as plain text."""
        questions = [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {"@type": "Answer", "text": ld.plain_text(item["answer"])},
            }
            for item in value["items"]
        ]
        return {ld.FAQ_PAGE: {"mainEntity": questions}}


GIVEN_VIA_CHOICES = [
    ("in_clinic", "In the clinic (form or card)"),
    ("email", "Email"),
    ("online_review", "Public online review"),
    ("social_media", "Social media"),
    ("other", "Other"),
    # The demo's testimonial comes without a record of where it was given.
    ("demo_placeholder", "Demo placeholder: replace with the clinic's record"),
]
RELATIONSHIP_CHOICES = [
    ("", "None"),
    ("employee", "Works for the clinic"),
    ("relative", "Relative of someone who works for the clinic"),
]
# What the site says of each tie (16 CFR 255.5), generated so no one forgets it.
RELATIONSHIP_DISCLOSURES = {
    "employee": "The author works for the clinic.",
    "relative": "The author is related to someone who works for the clinic.",
}
DISCLOSURE_REQUIRED = (
    "the patient received something of value: a disclosure shown with the testimonial is required "
    "before publishing (16 CFR 255.5)."
)
INDIVIDUAL_RESULTS_VARY = "Individual results vary."


class TestimonialBlock(SectionBlock):
    """A patient's words about the clinic, published only with their consent."""

    quote = blocks.TextBlock(max_length=2000, help_text="The patient's own words, unedited apart from spelling.")
    attribution = blocks.CharBlock(max_length=100, help_text="How the patient is named, e.g. 'Monica Z.'.")
    practitioner = PractitionerChooserBlock(required=False, help_text="The practitioner the patient saw.")
    # Not required while drafting; clean() asks for all three before publishing.
    consent_on_file = blocks.BooleanBlock(
        required=False, help_text="Tick once the patient's signed or written consent to publish is on file."
    )
    consent_date = blocks.DateBlock(required=False, help_text="When the patient gave consent to publish.")
    consent_method = blocks.ChoiceBlock(
        choices=[
            ("written", "Written form"),
            ("email", "Email"),
            ("online_review", "Public online review"),
            # The demo's testimonial comes without a consent record: its date and method both stand
            # in for the clinic's, and the label says so. Never public (see ``records``).
            ("demo_placeholder", "Demo placeholder (date and method): replace with the clinic's record"),
        ],
        required=False,
        help_text="How the patient gave consent.",
    )
    # Provenance (16 CFR 465: no fake or bought reviews): where, when, and a link or reference.
    given_via = blocks.ChoiceBlock(
        choices=GIVEN_VIA_CHOICES, required=False, help_text="Where the patient gave these words."
    )
    given_on = blocks.DateBlock(required=False, help_text="When the patient gave these words.")
    source_reference = blocks.CharBlock(
        max_length=500,
        required=False,
        help_text="A link to the review, or where the clinic keeps the original (e.g. 'form 2026-031').",
    )
    # Connections the Endorsement Guides (16 CFR 255.5) ask to disclose.
    material_connection = blocks.BooleanBlock(
        required=False,
        help_text="The patient received something of value, e.g. a free or discounted treatment, a gift or payment.",
    )
    value_received = blocks.CharBlock(
        max_length=200, required=False, help_text="What the patient received, for the clinic's records."
    )
    relationship = blocks.ChoiceBlock(
        choices=RELATIONSHIP_CHOICES,
        required=False,
        help_text="Whether the author works for the clinic or is related to someone who does.",
    )
    disclosure = blocks.TextBlock(
        max_length=300,
        required=False,
        help_text=(
            "Shown next to the testimonial when the patient received something of value, e.g. 'This patient "
            "received a discounted treatment.' Required before publishing in that case."
        ),
    )

    class Meta:
        icon = "openquote"
        label = "Testimonial"
        description = "A patient's quote, with consent on file."
        preview_value = {
            "quote": "The results are always satisfying.",
            "attribution": "Monica Z.",
            "consent_on_file": True,
            "consent_date": "2026-11-01",
            "consent_method": "written",
        }

    # The facts of the patient's consent, in the clinic's words: the field holding each and
    # what the admin says next to that field when it is missing.
    CONSENT_FIELDS = {
        "consent on file": ("consent_on_file", "Tick this once the patient's consent is on file."),
        "consent date": ("consent_date", "Enter when the patient gave consent."),
        "how it was given": ("consent_method", "Choose how the patient gave consent."),
    }

    # The consent and provenance records are the clinic's, never the public's (API, preview, schema).
    records = (
        *(field for field, _message in CONSENT_FIELDS.values()),
        "given_via",
        "given_on",
        "source_reference",
        "value_received",
        "relationship",
    )

    def disclosures(self, value):
        """The disclosures the site shows with this testimonial, when they apply (16 CFR 255.5)."""
        shown = []
        if value.get("material_connection"):
            # Published before disclosures were required: the words the site always showed.
            shown.append(value.get("disclosure") or "This patient received a discounted or free treatment.")
        if value.get("relationship") in RELATIONSHIP_DISCLOSURES:
            shown.append(RELATIONSHIP_DISCLOSURES[value["relationship"]])
        return shown

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["disclosures"] = self.disclosures(value)
        data["expected_results"] = (context or {}).get("expected_results") or INDIVIDUAL_RESULTS_VARY
        return data

    def api_schema_extra(self):
        """The generated keys the API adds (see ``get_api_representation``)."""
        return {
            "properties": {
                "disclosures": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Disclosures of a material connection, employment or family tie, to show.",
                },
                "expected_results": {
                    "type": "string",
                    "description": "The generally expected results, from the page's results section; show it.",
                },
            },
            "required": ["disclosures", "expected_results"],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = context.get("page")
        body = getattr(page, "body", None)
        context["disclosures"] = self.disclosures(value)
        context["expected_results"] = (expected_results(body) if body else "") or INDIVIDUAL_RESULTS_VARY
        return context

    def consent_missing(self, value):
        """The consent facts this testimonial lacks, in the clinic's words (empty when complete)."""
        return [name for name, (field, _message) in self.CONSENT_FIELDS.items() if not value.get(field)]

    def validate_for_publish(self, value, name):
        """The patient's consent must be on file, with when and how it was given; an incentivised
        testimonial must carry its disclosure."""
        problems = []
        missing = self.consent_missing(value)
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            problems.append(
                f"{name}: {joined(missing)} {verb} required before publishing "
                "(the patient's consent to publish their words)."
            )
        if self.disclosure_missing(value):
            problems.append(f"{name}: {DISCLOSURE_REQUIRED}")
        return problems

    def disclosure_missing(self, value):
        return bool(value.get("material_connection")) and not (value.get("disclosure") or "").strip()

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation:
            # Publishing or submitting for review: consent must be complete. Drafts may wait.
            errors = {
                field: ErrorList([ValidationError(f"Required before publishing. {message}")])
                for field, message in (self.CONSENT_FIELDS[name] for name in self.consent_missing(value))
            }
            if self.disclosure_missing(value):
                errors["disclosure"] = ErrorList([ValidationError(DISCLOSURE_REQUIRED)])
            if errors:
                raise StructBlockValidationError(block_errors=errors)
        return value


class CallToActionBlock(SectionBlock):
    """Invites the visitor to book a consultation; link and phone come from clinic settings."""

    nav_label = "Consultation"

    heading = blocks.CharBlock(max_length=200, default="Schedule Consultation", help_text="The invitation's title.")
    text = blocks.TextBlock(required=False, max_length=500, help_text="A sentence inviting the patient to book.")
    button_label = blocks.CharBlock(
        max_length=60, default="Schedule Consultation", help_text="The words on the booking button."
    )

    class Meta:
        icon = "mail"
        label = "Call to action"
        description = "Book a consultation, with the clinic's phone number."
        preview_value = {"heading": "Schedule Consultation", "button_label": "Schedule Consultation"}

    def nav_text(self, value):
        # A page may invite twice (the demo does): each entry reads as its own heading, so two
        # links in "On this page" never share a name for different places.
        return value.get("heading") or self.nav_label


class RelatedTreatmentsBlock(SectionBlock):
    """Other treatments a patient may consider."""

    nav_label = "Related treatments"

    heading = blocks.CharBlock(max_length=200, default="Related treatments", help_text="The title above the links.")
    treatments = blocks.ListBlock(
        TreatmentChooserBlock(), min_num=1, help_text="Other treatment pages a patient may consider."
    )

    class Meta:
        icon = "link"
        label = "Related treatments"
        description = "Links to other treatment pages."
