"""Medical sections: who may be treated, dosage, safety, side effects, preparation, off-label uses."""

from wagtail import blocks

from .. import structured_data as ld
from .base import RICH_TEXT_FEATURES, SectionBlock, check_range
from .formatting import number_range, sentence_start


class CandidateCriteriaBlock(SectionBlock):
    """Who the treatment suits, who must not have it, and what may rule a patient out."""

    nav_label = "Who it suits"

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


class DosageValue(blocks.StructValue):
    """The typical amount as the page and its structured data both show it."""

    def amount(self):
        """E.g. "30–50", or "40" when the minimum and maximum are the same."""
        return number_range(self.get("typical_min"), self.get("typical_max"))


class DosageBlock(SectionBlock):
    """How much product a typical treatment uses."""

    nav_label = "Units"

    heading = blocks.CharBlock(max_length=200, help_text="For example: How many units will I need?")
    unit_name = blocks.CharBlock(max_length=50, default="units", help_text="What is counted, e.g. 'units'.")
    typical_min = blocks.IntegerBlock(
        label="Typical amount from", min_value=0, max_value=10000, help_text="Typical minimum amount."
    )
    typical_max = blocks.IntegerBlock(
        label="Typical amount to", min_value=0, max_value=10000, help_text="Typical maximum amount."
    )
    explanation = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="Why the amount differs from patient to patient."
    )

    class Meta:
        value_class = DosageValue
        icon = "order"
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
        check_range(value, "typical_min", "typical_max", "amount")
        return value

    def json_ld(self, value, context=None):
        """A ``DoseSchedule``: schema.org has no range, so the minimum plus the range in words."""
        schedule = {
            "@type": "DoseSchedule",
            "doseValue": value["typical_min"],
            "doseUnit": value["unit_name"],
            "description": f"Typically {value.amount()} {value['unit_name']} per treatment.",
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


class SafetyBlock(SectionBlock):
    """Safety record of the treatment, every claim with its source."""

    nav_label = "Safety"

    heading = blocks.CharBlock(max_length=200, help_text="For example: How safe is BOTOX?")
    intro = blocks.TextBlock(required=False, max_length=1000, help_text="A sentence before the claims.")
    claims = blocks.ListBlock(
        SafetyClaimBlock(), min_num=1, help_text="Each claim with its source; a claim without one cannot be published."
    )
    summary = blocks.TextBlock(required=False, max_length=1000, help_text="A closing sentence after the claims.")

    class Meta:
        icon = "success"
        label = "Safety"
        description = "Safety and efficacy claims, each with its source."
        preview_value = {
            "heading": "How safe is it?",
            "claims": [{"claim": "Approved for use in 96 countries", "source": "The manufacturer"}],
        }

    def get_context(self, value, parent_context=None):
        """Claims with footnote numbers: each distinct source is listed once, under the claims."""
        context = super().get_context(value, parent_context=parent_context)
        sources, cited = [], []
        for claim in value["claims"]:
            key = (claim["source"], claim["source_url"] or "")
            if key not in sources:
                sources.append(key)
            cited.append((claim, sources.index(key) + 1))
        context["cited_claims"] = cited
        context["references"] = [
            {"number": number, "source": source, "url": url} for number, (source, url) in enumerate(sources, start=1)
        ]
        return context

    def validate_for_publish(self, value, name):
        """Every safety or efficacy claim needs its source."""
        return [
            f"{name}, claim {position}: a source (citation or URL) is required before publishing."
            for position, claim in enumerate(value.get("claims") or [], start=1)
            if not (claim.get("source") or "").strip()
        ]


class SideEffectsBlock(SectionBlock):
    """Common and rare side effects."""

    nav_label = "Side effects"

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
        label = "Side effects"
        description = "Common and rare side effects."
        preview_value = {"heading": "Side effects", "common": ["Temporary bruising"], "rare": ["Headaches"]}

    def json_ld(self, value, context=None):
        """Common and rare side effects, as adverse outcomes."""
        outcomes = list(value["common"]) + list(value["rare"] or [])
        return {ld.THERAPY: {"adverseOutcome": ld.named("MedicalEntity", outcomes)}}


class PrepStepValue(blocks.StructValue):
    """A preparation step as a line the patient reads: "Two weeks before: Stop taking aspirin"."""

    def timing_label(self):
        """The timing as it starts the line, e.g. "Two weeks before" (empty when not given)."""
        return sentence_start(self.get("timing"))

    def as_text(self):
        """The whole line in plain text (the template sets the timing in bold)."""
        timing = self.timing_label()
        return f"{timing}: {self['instruction']}" if timing else self["instruction"]


class PrepStepBlock(blocks.StructBlock):
    """One thing to do before the treatment, and when."""

    instruction = blocks.CharBlock(max_length=300, help_text="What to do, e.g. 'Stop taking aspirin'.")
    timing = blocks.CharBlock(max_length=100, required=False, help_text="When, e.g. 'two weeks before'.")
    days_before = blocks.IntegerBlock(min_value=0, max_value=365, required=False, help_text="The same, in days.")
    reason = blocks.CharBlock(max_length=300, required=False, help_text="Why, e.g. 'to reduce bruising'.")

    class Meta:
        value_class = PrepStepValue
        icon = "tick"


class PrepInstructionsValue(blocks.StructValue):
    """The heading of the substances to avoid, with the clinic's default."""

    def substances_heading(self):
        return self.get("substances_intro") or "Substances to avoid"


class PrepInstructionsBlock(SectionBlock):
    """How to prepare: steps with timing, and substances to avoid."""

    nav_label = "Preparation"

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
        value_class = PrepInstructionsValue
        icon = "list-ol"
        label = "Preparation instructions"
        description = "Steps before the treatment and substances to avoid."
        preview_value = {
            "heading": "How to prepare",
            "steps": [{"instruction": "Stop taking aspirin", "timing": "Two weeks before", "days_before": 14}],
            "substances_to_avoid": ["Fish oil", "Ginseng"],
        }

    def json_ld(self, value, context=None):
        """Each step (with its timing) and the substances to avoid, as preparation text."""
        steps = [step.as_text() for step in value["steps"]]
        if value["substances_to_avoid"]:
            steps.append(f"{value.substances_heading()}: {', '.join(value['substances_to_avoid'])}.")
        return {ld.THERAPY: {"preparation": steps}}


class OffLabelUsesBlock(SectionBlock):
    """Uses of the product beyond its approved indications, always labelled off-label."""

    nav_label = "Other uses"

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
