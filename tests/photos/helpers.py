"""Builders of photo authorizations and before-and-after pairs for tests."""

import datetime

from photos.models import PhotoAuthorization
from tests.treatments.factories import EXPECTED, RESULTS

PATIENT_REFERENCE = "chart 4411"
__all__ = ["EXPECTED", "PATIENT_REFERENCE", "RESULTS", "make_authorization", "pair_block"]


def make_authorization(**fields):
    values = {
        "patient_reference": PATIENT_REFERENCE,
        "label": "Forehead lines, March 2026",
        "covers_website": True,
        "signed_on": datetime.date(2026, 3, 1),
        **fields,
    }
    return PhotoAuthorization.objects.create(**values)


def pair_block(before, after, authorization=None, **fields):
    value = {
        "before_image": before.pk,
        "after_image": after.pk,
        "treatment_area": "Forehead lines",
        "time_since_treatment": "2 weeks after treatment",
        "sessions": 1,
        "practitioner": None,
        "caption": "Relaxed forehead lines.",
        "authorization": authorization.pk if authorization else None,
        **fields,
    }
    return {"type": "before_after", "value": value}
