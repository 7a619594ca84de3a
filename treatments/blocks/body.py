"""The StreamField of a treatment page: which sections it may hold, and what publishing asks."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError

from ..publish_checks import publish_problems
from .about import OverviewBlock, ResultsBlock, WhatToExpectBlock
from .before_after import BeforeAfterBlock
from .expected_results import expected_results
from .medical import (
    CandidateCriteriaBlock,
    DosageBlock,
    OffLabelUsesBlock,
    PrepInstructionsBlock,
    SafetyBlock,
    SideEffectsBlock,
)
from .patients import CallToActionBlock, FaqBlock, RelatedTreatmentsBlock, TestimonialBlock


def shown_sections(stream_value, today=None):
    """The sections a visitor sees today: a section may withhold itself (``is_shown``), as a
    before-and-after pair does once its authorization is withdrawn."""
    today = today or timezone.localdate()
    return [
        child
        for child in stream_value or []
        if getattr(child.block, "is_shown", None) is None or child.block.is_shown(child.value, today)
    ]


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
    before_after = BeforeAfterBlock(group="Patients")
    call_to_action = CallToActionBlock(group="Patients")
    related_treatments = RelatedTreatmentsBlock(group="Patients")

    def get_api_representation(self, value, context=None):
        # Testimonials (and photos) carry the page's generally expected results: read them once.
        context = {**(context or {}), "expected_results": expected_results(value)}
        # A section that withholds itself today is left out, not sent empty.
        return super().get_api_representation(shown_sections(value), context=context)

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
