"""Builders of photo authorizations and before-and-after pairs for tests."""

import datetime

from photos.models import PhotoAuthorization

PATIENT_REFERENCE = "chart 4411"
RESULTS = {
    "type": "results",
    "value": {
        "heading": "How long do results last?",
        "days_to_full_effect": 7,
        "duration_min_months": 3,
        "duration_max_months": 4,
    },
}
EXPECTED = "Generally expected results: the full effect shows after about 7 days; results typically last 3–4 months."


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
