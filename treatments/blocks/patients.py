"""Sections for patients: questions, testimonials, booking and related treatments."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .. import structured_data as ld
from .base import RICH_TEXT_FEATURES, SectionBlock, reject_field
from .choosers import PractitionerChooserBlock, TreatmentChooserBlock
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
            # The demo's testimonial comes without a consent record; never public (see ``records``).
            ("demo_placeholder", "Demo placeholder: replace with the clinic's record"),
        ],
        required=False,
        help_text="How the patient gave consent.",
    )
    material_connection = blocks.BooleanBlock(
        required=False, help_text="The patient received something in return, e.g. a discounted treatment."
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

    # The consent record is the clinic's, never the public's (API, preview, schema).
    records = tuple(field for field, _message in CONSENT_FIELDS.values())

    def consent_missing(self, value):
        """The consent facts this testimonial lacks, in the clinic's words (empty when complete)."""
        return [name for name, (field, _message) in self.CONSENT_FIELDS.items() if not value.get(field)]

    def validate_for_publish(self, value, name):
        """The patient's consent must be on file, with when and how it was given."""
        missing = self.consent_missing(value)
        if not missing:
            return []
        verb = "is" if len(missing) == 1 else "are"
        return [
            f"{name}: {joined(missing)} {verb} required before publishing "
            "(the patient's consent to publish their words)."
        ]

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation:
            # Publishing or submitting for review: consent must be complete. Drafts may wait.
            missing = self.consent_missing(value)
            if missing:
                raise StructBlockValidationError(
                    block_errors={
                        field: ErrorList([ValidationError(f"Required before publishing. {message}")])
                        for field, message in (self.CONSENT_FIELDS[name] for name in missing)
                    }
                )
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
