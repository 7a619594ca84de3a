"""Sections about the treatment itself: overview, the appointment, results."""

from wagtail import blocks

from .. import structured_data as ld
from .base import RICH_TEXT_FEATURES, SectionBlock, check_range
from .choosers import ClinicImageChooserBlock
from .formatting import number_range


class OverviewBlock(SectionBlock):
    """What the treatment is and how it works."""

    nav_label = "What it is"

    heading = blocks.CharBlock(max_length=200, help_text="For example: What is BOTOX and how does it work?")
    what_it_is = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="What the product or procedure is.")
    how_it_works = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="How it works, in words a patient understands."
    )
    image = ClinicImageChooserBlock(required=False, help_text="Optional illustration beside the overview.")

    class Meta:
        icon = "doc-full"
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


class WhatToExpectBlock(SectionBlock):
    """The appointment itself: setting, anesthesia and how long it takes."""

    nav_label = "What to expect"

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


class ResultsValue(blocks.StructValue):
    """How long results last and how often patients come back, as ranges a patient reads."""

    def duration_months(self):
        """E.g. "3–4" (months), or "4" when both ends are the same."""
        return number_range(self.get("duration_min_months"), self.get("duration_max_months"))

    def visits_per_year(self):
        """E.g. "3–4" (visits a year); the minimum alone when there is no maximum."""
        return number_range(self.get("visits_per_year_min"), self.get("visits_per_year_max"))

    def typical_results(self):
        """E.g. "Results typically last 3–4 months", read from this section's own numbers."""
        if self.get("duration_min_months") is None:
            return ""
        return f"Results typically last {self.duration_months()} months"

    def expected_results(self):
        """The generally expected results a testimonial or photo is shown with (16 CFR 255.2)."""
        parts = []
        if self.get("days_to_full_effect") is not None:
            days = self["days_to_full_effect"]
            parts.append(f"the full effect shows after about {days} day{'s' if days != 1 else ''}")
        if self.typical_results():
            parts.append(self.typical_results()[0].lower() + self.typical_results()[1:])
        return f"Generally expected results: {'; '.join(parts)}." if parts else ""


class ResultsBlock(SectionBlock):
    """When results show and how long they last."""

    nav_label = "Results"

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
        value_class = ResultsValue
        icon = "date"
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
        check_range(value, "duration_min_months", "duration_max_months", "duration in months")
        check_range(value, "visits_per_year_min", "visits_per_year_max", "visits per year")
        return value
