"""StreamField blocks for treatment pages, one class per section of a treatment page.

Each block owns every face of its section: the admin form (its child blocks, icon,
description and preview), its template (``treatments/blocks/<name>.html``), its API JSON
(``get_api_representation``), its piece of the page's JSON-LD (``json_ld``) and what
publishing requires of it (``validate_for_publish``). Front-end types are derived from
these definitions, never written a second time.

- ``base.py``: what every section shares (``SectionBlock``, rich-text features, field errors)
- ``formatting.py``: how ranges and lines read, shared by templates and JSON-LD
- ``choosers.py``: image, treatment page and practitioner choosers, expanded in the API
- ``about.py``, ``medical.py``, ``patients.py``: the sections, by their group in the admin
- ``before_after.py``: a patient's before-and-after photos under their photo authorization
- ``body.py``: ``TreatmentBodyBlock``, the StreamField of a treatment page

Every name stays importable from ``treatments.blocks``: the migrations written before the
package existed name the choosers ``treatments.blocks.<Name>``. They load the same classes, so
Django sees no change to the StreamField and the move needed no migration.
"""

from .about import (
    ANESTHESIA_CHOICES,
    SETTING_CHOICES,
    OverviewBlock,
    ResultsBlock,
    ResultsValue,
    WhatToExpectBlock,
    WhatToExpectValue,
)
from .base import RICH_TEXT_FEATURES, SectionBlock
from .before_after import BeforeAfterBlock, PhotoAuthorizationChooserBlock
from .body import TreatmentBodyBlock, shown_sections
from .choosers import (
    ClinicImageChooserBlock,
    PractitionerChooserBlock,
    PrefetchedChooserMixin,
    TreatmentChooserBlock,
)
from .medical import (
    CandidateCriteriaBlock,
    DosageBlock,
    DosageValue,
    OffLabelUsesBlock,
    PrepInstructionsBlock,
    PrepInstructionsValue,
    PrepStepBlock,
    PrepStepValue,
    SafetyBlock,
    SafetyClaimBlock,
    SideEffectsBlock,
)
from .patients import (
    CallToActionBlock,
    FaqBlock,
    FaqItemBlock,
    RelatedTreatmentsBlock,
    TestimonialBlock,
)

__all__ = [
    "ANESTHESIA_CHOICES",
    "RICH_TEXT_FEATURES",
    "SETTING_CHOICES",
    "BeforeAfterBlock",
    "CallToActionBlock",
    "CandidateCriteriaBlock",
    "ClinicImageChooserBlock",
    "DosageBlock",
    "DosageValue",
    "FaqBlock",
    "FaqItemBlock",
    "OffLabelUsesBlock",
    "OverviewBlock",
    "PhotoAuthorizationChooserBlock",
    "PractitionerChooserBlock",
    "PrefetchedChooserMixin",
    "PrepInstructionsBlock",
    "PrepInstructionsValue",
    "PrepStepBlock",
    "PrepStepValue",
    "RelatedTreatmentsBlock",
    "ResultsBlock",
    "ResultsValue",
    "SafetyBlock",
    "SafetyClaimBlock",
    "SectionBlock",
    "SideEffectsBlock",
    "TestimonialBlock",
    "TreatmentBodyBlock",
    "TreatmentChooserBlock",
    "WhatToExpectBlock",
    "WhatToExpectValue",
    "shown_sections",
]
