"""StreamField blocks for treatment pages, one class per section of a treatment page.

Each block owns every face of its section: the admin form (its child blocks, icon,
description and preview), its template (``treatments/blocks/<name>.html``) and its
API JSON (``get_api_representation``). Front-end types and structured data are
derived from these definitions, never written a second time.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from clinic.api import PractitionerSerializer
from core.representations import ImageSerializer, PageLinkSerializer, prefetch_renditions

from . import structured_data as ld
from .publish_checks import publish_problems, testimonial_consent_missing

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def _reject(field, message):
    """Raise a StructBlock error attached to one child field, as the admin shows it."""
    raise StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


def _check_range(value, low, high, label):
    """Reject a minimum that exceeds its maximum, naming the fields involved."""
    if value.get(low) is not None and value.get(high) is not None and value[low] > value[high]:
        _reject(high, f"The maximum {label} must be at least the minimum ({value[low]}).")


# Choosers that arrive expanded in the API, never as a bare id.


class PrefetchedChooserMixin:
    """Reads the chosen objects an API response fetched for all its pages at once (core.prefetch)."""

    def bulk_to_python(self, values):
        from core.prefetch import objects_for

        found = objects_for(self.model_class, values)
        return found if found is not None else super().bulk_to_python(values)


class ClinicImageChooserBlock(PrefetchedChooserMixin, ImageChooserBlock):
    """An image chooser whose API form carries renditions, size and alt text."""

    def bulk_to_python(self, values):
        # Renditions of every image in the stream come in one extra query.
        images = super().bulk_to_python(values)
        prefetch_renditions([image for image in images if image is not None])
        return images

    def get_api_representation(self, value, context=None):
        return ImageSerializer.represent(value)

    def api_schema(self, schemas):
        # A chosen image may since have been deleted: null then.
        return {"anyOf": [schemas.ref("Image"), {"type": "null"}]}


class TreatmentChooserBlock(PrefetchedChooserMixin, blocks.PageChooserBlock):
    """A link to another treatment page; in the API its id, title and URL path."""

    def __init__(self, **kwargs):
        super().__init__(page_type="treatments.TreatmentPage", **kwargs)

    def get_api_representation(self, value, context=None):
        # A chosen page that is not live (a draft, or unpublished since) is not shown.
        return PageLinkSerializer.represent(value if value is not None and value.live else None)

    def api_schema(self, schemas):
        return {"anyOf": [schemas.ref("PageLink"), {"type": "null"}]}


class PractitionerChooserBlock(PrefetchedChooserMixin, SnippetChooserBlock):
    """A practitioner of the clinic; in the API their public profile."""

    def __init__(self, **kwargs):
        super().__init__("clinic.Practitioner", **kwargs)

    def get_api_representation(self, value, context=None):
        return PractitionerSerializer.represent(value)

    def api_schema(self, schemas):
        return {"anyOf": [schemas.ref("Practitioner"), {"type": "null"}]}


# Sections of a treatment page.


class OverviewBlock(blocks.StructBlock):
    """What the treatment is and how it works."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: What is BOTOX and how does it work?")
    what_it_is = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="What the product or procedure is.")
    how_it_works = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="How it works, in words a patient understands."
    )
    image = ClinicImageChooserBlock(required=False, help_text="Optional illustration beside the overview.")

    class Meta:
        icon = "doc-full"
        template = "treatments/blocks/overview.html"
        label = "Overview"
        description = "What the treatment is and how it works."
        preview_value = {
            "heading": "What is BOTOX and how does it work?",
            "what_it_is": "<p>BOTOX is a brand name for a product based on botulinum toxin type A.</p>",
            "how_it_works": "<p>It temporarily relaxes specific facial muscles.</p>",
        }

    def json_ld(self, value, context=None):
        """The treatment's description: what it is and how it works."""
        text = " ".join(filter(None, [ld.plain_text(value["what_it_is"]), ld.plain_text(value["how_it_works"])]))
        return {ld.THERAPY: {"description": text}}


SETTING_CHOICES = [("outpatient", "Outpatient"), ("in_office", "In office"), ("hospital", "Hospital")]
ANESTHESIA_CHOICES = [
    ("none", "None needed"),
    ("topical", "Topical numbing"),
    ("local", "Local anesthetic"),
    ("sedation", "Sedation"),
    ("general", "General anesthesia"),
]


class WhatToExpectValue(blocks.StructValue):
    """Adds the human labels of the chosen setting and anesthesia for templates."""

    def setting_label(self):
        return dict(SETTING_CHOICES).get(self.get("setting"), "")

    def anesthesia_label(self):
        return dict(ANESTHESIA_CHOICES).get(self.get("anesthesia"), "")


class WhatToExpectBlock(blocks.StructBlock):
    """The appointment itself: setting, anesthesia and how long it takes."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: What can you expect?")
    setting = blocks.ChoiceBlock(
        choices=SETTING_CHOICES, default="outpatient", help_text="Where the treatment takes place."
    )
    anesthesia = blocks.ChoiceBlock(
        choices=ANESTHESIA_CHOICES, default="none", help_text="What the patient gets to numb or calm them."
    )
    duration = blocks.CharBlock(max_length=100, help_text="How long the procedure takes, e.g. 'a few minutes'.")
    description = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="The appointment in the clinic's words.")

    class Meta:
        value_class = WhatToExpectValue
        icon = "time"
        template = "treatments/blocks/what_to_expect.html"
        label = "What to expect"
        description = "Setting, anesthesia and duration of the appointment."
        preview_value = {
            "heading": "What can you expect?",
            "setting": "outpatient",
            "anesthesia": "none",
            "duration": "A few minutes",
            "description": "<p>Very fine needles, minimal discomfort.</p>",
        }

    def json_ld(self, value, context=None):
        """How the treatment is performed, in the clinic's words."""
        return {ld.THERAPY: {"howPerformed": ld.plain_text(value["description"])}}


class CandidateCriteriaBlock(blocks.StructBlock):
    """Who the treatment suits, who must not have it, and what may rule a patient out."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: Who is a good candidate?")
    intro = blocks.TextBlock(
        required=False, max_length=1000, help_text="Who is usually a good candidate, in a sentence."
    )
    good_candidates = blocks.ListBlock(
        blocks.CharBlock(max_length=200), min_num=1, help_text="One kind of good candidate per line."
    )
    contraindications = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        help_text="People who should not have this treatment.",
    )
    contraindications_intro = blocks.TextBlock(
        required=False, max_length=1000, help_text="A sentence before the list of people who must not be treated."
    )
    possible_exclusions = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        required=False,
        default=[],  # optional: start with no empty item to fill or delete
        help_text="Conditions that may exclude a patient after evaluation.",
    )
    possible_exclusions_intro = blocks.TextBlock(
        required=False, max_length=1000, help_text="A sentence before the conditions that may exclude a patient."
    )
    closing_note = blocks.TextBlock(
        required=False, max_length=1000, help_text="For example: what the consultation decides."
    )

    class Meta:
        icon = "user"
        template = "treatments/blocks/candidate_criteria.html"
        label = "Candidate criteria"
        description = "Good candidates, contraindications and possible exclusions."
        preview_value = {
            "heading": "Who is a good candidate?",
            "good_candidates": ["Adults who show signs of aging"],
            "contraindications": ["Women who are pregnant or breastfeeding"],
            "possible_exclusions": ["Difficulty swallowing"],
        }

    def json_ld(self, value, context=None):
        """Contraindications; possible exclusions are a matter for the consultation, not listed."""
        return {ld.THERAPY: {"contraindication": ld.named("MedicalContraindication", value["contraindications"])}}


class DosageBlock(blocks.StructBlock):
    """How much product a typical treatment uses."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: How many units will I need?")
    unit_name = blocks.CharBlock(max_length=50, default="units", help_text="What is counted, e.g. 'units'.")
    typical_min = blocks.IntegerBlock(min_value=0, max_value=10000, help_text="Typical minimum amount.")
    typical_max = blocks.IntegerBlock(min_value=0, max_value=10000, help_text="Typical maximum amount.")
    explanation = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="Why the amount differs from patient to patient."
    )

    class Meta:
        icon = "order"
        template = "treatments/blocks/dosage.html"
        label = "Dosage"
        description = "Typical amount per treatment, as a range."
        preview_value = {
            "heading": "How many units will I need?",
            "unit_name": "units",
            "typical_min": 30,
            "typical_max": 50,
        }

    def clean(self, value):
        value = super().clean(value)
        _check_range(value, "typical_min", "typical_max", "amount")
        return value

    def json_ld(self, value, context=None):
        """A ``DoseSchedule``: schema.org has no range, so the minimum plus the range in words."""
        low, high, unit = value["typical_min"], value["typical_max"], value["unit_name"]
        amount = f"{low}" if low == high else f"{low}–{high}"
        schedule = {
            "@type": "DoseSchedule",
            "doseValue": low,
            "doseUnit": unit,
            "description": f"Typically {amount} {unit} per treatment.",
        }
        return {ld.THERAPY: {"doseSchedule": schedule}}


class SafetyClaimBlock(blocks.StructBlock):
    """One safety or efficacy claim and where it comes from."""

    claim = blocks.CharBlock(
        max_length=300, help_text="One safety or efficacy statement, e.g. 'Approved for use in 96 countries'."
    )
    source = blocks.CharBlock(max_length=300, help_text="Who says so: a citation, study or the manufacturer.")
    source_url = blocks.URLBlock(required=False, help_text="Link to the source, if public.")

    class Meta:
        icon = "success"


class SafetyBlock(blocks.StructBlock):
    """Safety record of the treatment, every claim with its source."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: How safe is BOTOX?")
    intro = blocks.TextBlock(required=False, max_length=1000, help_text="A sentence before the claims.")
    claims = blocks.ListBlock(
        SafetyClaimBlock(), min_num=1, help_text="Each claim with its source; a claim without one cannot be published."
    )
    summary = blocks.TextBlock(required=False, max_length=1000, help_text="A closing sentence after the claims.")

    class Meta:
        icon = "success"
        template = "treatments/blocks/safety.html"
        label = "Safety"
        description = "Safety and efficacy claims, each with its source."
        preview_value = {
            "heading": "How safe is it?",
            "claims": [{"claim": "Approved for use in 96 countries", "source": "The manufacturer"}],
        }


class ResultsBlock(blocks.StructBlock):
    """When results show and how long they last."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: How long do the results last?")
    days_to_full_effect = blocks.IntegerBlock(min_value=0, max_value=365, help_text="Days until the full effect shows.")
    duration_min_months = blocks.IntegerBlock(min_value=0, max_value=120, help_text="Results last at least (months).")
    duration_max_months = blocks.IntegerBlock(min_value=0, max_value=120, help_text="Results last at most (months).")
    visits_per_year_min = blocks.IntegerBlock(
        min_value=0, max_value=52, required=False, help_text="Fewest visits a year to keep the results."
    )
    visits_per_year_max = blocks.IntegerBlock(
        min_value=0, max_value=52, required=False, help_text="Most visits a year to keep the results."
    )
    description = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="What the results look like, in the clinic's words."
    )

    class Meta:
        icon = "date"
        template = "treatments/blocks/results.html"
        label = "Results"
        description = "Time to full effect, how long results last, visits per year."
        preview_value = {
            "heading": "How long do the results last?",
            "days_to_full_effect": 7,
            "duration_min_months": 3,
            "duration_max_months": 4,
            "visits_per_year_min": 3,
            "visits_per_year_max": 4,
        }

    def clean(self, value):
        value = super().clean(value)
        _check_range(value, "duration_min_months", "duration_max_months", "duration in months")
        _check_range(value, "visits_per_year_min", "visits_per_year_max", "visits per year")
        return value


class SideEffectsBlock(blocks.StructBlock):
    """Common and rare side effects."""

    heading = blocks.CharBlock(max_length=200, help_text="For example: Are there side effects?")
    common = blocks.ListBlock(
        blocks.CharBlock(max_length=200), min_num=1, help_text="Side effects many patients notice, one per line."
    )
    rare = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        required=False,
        default=[],
        help_text="Side effects few patients have, one per line.",
    )
    note = blocks.TextBlock(required=False, max_length=1000, help_text="For example: when to call the clinic.")

    class Meta:
        icon = "warning"
        template = "treatments/blocks/side_effects.html"
        label = "Side effects"
        description = "Common and rare side effects."
        preview_value = {"heading": "Side effects", "common": ["Temporary bruising"], "rare": ["Headaches"]}

    def json_ld(self, value, context=None):
        """Common and rare side effects, as adverse outcomes."""
        outcomes = list(value["common"]) + list(value["rare"] or [])
        return {ld.THERAPY: {"adverseOutcome": ld.named("MedicalEntity", outcomes)}}


class FaqItemBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(max_length=300, help_text="As a patient would ask it.")
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="The clinic's answer.")

    class Meta:
        icon = "help"


class FaqBlock(blocks.StructBlock):
    """Frequently asked questions about the treatment."""

    heading = blocks.CharBlock(
        max_length=200, default="Frequently asked questions", help_text="The title above the questions."
    )
    items = blocks.ListBlock(FaqItemBlock(), min_num=1, help_text="Each question may appear only once.")

    class Meta:
        icon = "help"
        template = "treatments/blocks/faq.html"
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
            _reject("items", "Each question may appear only once.")
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


class OffLabelUsesBlock(blocks.StructBlock):
    """Uses of the product beyond its approved indications, always labelled off-label."""

    DEFAULT_DISCLAIMER = (
        "These uses are off-label: they are not approved by the FDA for this product. "
        "Your practitioner will discuss the benefits and risks with you."
    )

    heading = blocks.CharBlock(max_length=300, help_text="For example: What are the off-label uses of BOTOX?")
    intro = blocks.TextBlock(required=False, max_length=1000, help_text="A sentence before the list.")
    uses = blocks.ListBlock(
        blocks.CharBlock(max_length=200), min_num=1, help_text="One off-label use per line; each is labelled off-label."
    )
    disclaimer = blocks.TextBlock(
        max_length=1000,
        default=DEFAULT_DISCLAIMER,
        help_text="Shown with the list; says these uses are off-label.",
    )

    class Meta:
        icon = "list-ul"
        template = "treatments/blocks/off_label_uses.html"
        label = "Off-label uses"
        description = "Uses beyond the approved indications, with a disclaimer."
        preview_value = {
            "heading": "Off-label uses",
            "uses": ["Lift the mouth corners"],
            "disclaimer": "These uses are off-label.",
        }

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["off_label"] = True
        return data

    def api_schema_extra(self):
        """The API's addition to the generated schema (see ``get_api_representation``)."""
        return {"properties": {"off_label": {"const": True}}, "required": ["off_label"]}

    def json_ld(self, value, context=None):
        """Off-label uses: plain ``MedicalIndication``s, never ``ApprovedIndication``s."""
        return {
            ld.THERAPY: {"indication": ld.named("MedicalIndication", value["uses"], description=value["disclaimer"])}
        }


class PrepStepBlock(blocks.StructBlock):
    """One thing to do before the treatment, and when."""

    instruction = blocks.CharBlock(max_length=300, help_text="What to do, e.g. 'Stop taking aspirin'.")
    timing = blocks.CharBlock(max_length=100, required=False, help_text="When, e.g. 'two weeks before'.")
    days_before = blocks.IntegerBlock(min_value=0, max_value=365, required=False, help_text="The same, in days.")
    reason = blocks.CharBlock(max_length=300, required=False, help_text="Why, e.g. 'to reduce bruising'.")

    class Meta:
        icon = "tick"


class PrepInstructionsBlock(blocks.StructBlock):
    """How to prepare: steps with timing, and substances to avoid."""

    heading = blocks.CharBlock(max_length=300, help_text="For example: How should I prepare?")
    steps = blocks.ListBlock(PrepStepBlock(), min_num=1, help_text="Steps before the appointment, earliest first.")
    substances_intro = blocks.CharBlock(
        max_length=300, required=False, help_text="A sentence before the substances to avoid."
    )
    substances_to_avoid = blocks.ListBlock(
        blocks.CharBlock(max_length=100),
        required=False,
        default=[],
        help_text="Medicines and supplements to avoid, one per line.",
    )

    class Meta:
        icon = "list-ol"
        template = "treatments/blocks/prep_instructions.html"
        label = "Preparation instructions"
        description = "Steps before the treatment and substances to avoid."
        preview_value = {
            "heading": "How to prepare",
            "steps": [{"instruction": "Stop taking aspirin", "timing": "Two weeks before", "days_before": 14}],
            "substances_to_avoid": ["Fish oil", "Ginseng"],
        }

    def json_ld(self, value, context=None):
        """Each step (with its timing) and the substances to avoid, as preparation text."""
        steps = [
            f"{step['timing'][:1].upper()}{step['timing'][1:]}: {step['instruction']}"
            if step["timing"]
            else step["instruction"]
            for step in value["steps"]
        ]
        if value["substances_to_avoid"]:
            intro = value["substances_intro"] or "Substances to avoid"
            steps.append(f"{intro}: {', '.join(value['substances_to_avoid'])}.")
        return {ld.THERAPY: {"preparation": steps}}


class TestimonialBlock(blocks.StructBlock):
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
        choices=[("written", "Written form"), ("email", "Email"), ("online_review", "Public online review")],
        required=False,
        help_text="How the patient gave consent.",
    )
    material_connection = blocks.BooleanBlock(
        required=False, help_text="The patient received something in return, e.g. a discounted treatment."
    )

    class Meta:
        icon = "openquote"
        template = "treatments/blocks/testimonial.html"
        label = "Testimonial"
        description = "A patient's quote, with consent on file."
        preview_value = {
            "quote": "The results are always satisfying.",
            "attribution": "Monica Z.",
            "consent_on_file": True,
            "consent_date": "2026-11-01",
            "consent_method": "written",
        }

    CONSENT_FIELDS = {
        "consent on file": ("consent_on_file", "Tick this once the patient's consent is on file."),
        "consent date": ("consent_date", "Enter when the patient gave consent."),
        "how it was given": ("consent_method", "Choose how the patient gave consent."),
    }

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation:
            # Publishing or submitting for review: consent must be complete. Drafts may wait.
            missing = testimonial_consent_missing(value)
            if missing:
                raise StructBlockValidationError(
                    block_errors={
                        field: ErrorList([ValidationError(f"Required before publishing. {message}")])
                        for field, message in (self.CONSENT_FIELDS[name] for name in missing)
                    }
                )
        return value


class CallToActionBlock(blocks.StructBlock):
    """Invites the visitor to book a consultation; link and phone come from clinic settings."""

    heading = blocks.CharBlock(max_length=200, default="Schedule Consultation", help_text="The invitation's title.")
    text = blocks.TextBlock(required=False, max_length=500, help_text="A sentence inviting the patient to book.")
    button_label = blocks.CharBlock(
        max_length=60, default="Schedule Consultation", help_text="The words on the booking button."
    )

    class Meta:
        icon = "mail"
        template = "treatments/blocks/call_to_action.html"
        label = "Call to action"
        description = "Book a consultation, with the clinic's phone number."
        preview_value = {"heading": "Schedule Consultation", "button_label": "Schedule Consultation"}


class RelatedTreatmentsBlock(blocks.StructBlock):
    """Other treatments a patient may consider."""

    heading = blocks.CharBlock(max_length=200, default="Related treatments", help_text="The title above the links.")
    treatments = blocks.ListBlock(
        TreatmentChooserBlock(), min_num=1, help_text="Other treatment pages a patient may consider."
    )

    class Meta:
        icon = "link"
        template = "treatments/blocks/related_treatments.html"
        label = "Related treatments"
        description = "Links to other treatment pages."


class TreatmentBodyBlock(blocks.StreamBlock):
    """Every section a treatment page may hold; the type names are the API contract."""

    overview = OverviewBlock(group="About the treatment")
    what_to_expect = WhatToExpectBlock(group="About the treatment")
    candidate_criteria = CandidateCriteriaBlock(group="Medical")
    dosage = DosageBlock(group="Medical")
    safety = SafetyBlock(group="Medical")
    results = ResultsBlock(group="About the treatment")
    side_effects = SideEffectsBlock(group="Medical")
    prep_instructions = PrepInstructionsBlock(group="Medical")
    off_label_uses = OffLabelUsesBlock(group="Medical")
    faq = FaqBlock(group="Patients")
    testimonial = TestimonialBlock(group="Patients")
    call_to_action = CallToActionBlock(group="Patients")
    related_treatments = RelatedTreatmentsBlock(group="Patients")

    def clean(self, value):
        # Publishing and submitting (not drafts) list what blocks publication at the top of
        # the field, naming each block, besides the messages next to the fields themselves.
        problems = [] if self.is_deferred_validation else publish_problems(value)
        try:
            value = super().clean(value)
        except StreamBlockValidationError as error:
            error.non_block_errors.extend(ValidationError(problem) for problem in problems)
            raise
        if problems:
            raise StreamBlockValidationError(non_block_errors=problems)
        return value
