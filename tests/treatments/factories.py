"""Builders of real treatment pages for tests."""

import itertools

from treatments.models import TreatmentPage

_counter = itertools.count(1)


def faq_block(n_items=2, answer="<p>An answer.</p>"):
    return {
        "type": "faq",
        "value": {
            "heading": "Questions",
            "items": [{"question": f"Question {i}?", "answer": answer} for i in range(n_items)],
        },
    }


def make_treatment(parent, body=None, publish=True, **fields):
    """Add a treatment page under ``parent`` with a raw StreamField ``body``."""
    n = next(_counter)
    defaults = {"title": f"Treatment {n}", "slug": f"treatment-{n}", "summary": f"Summary of treatment {n}."}
    defaults.update(fields)
    page = TreatmentPage(live=publish, **defaults)
    page.body = TreatmentPage.body.field.stream_block.to_python(body or [])
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


# A results section and the expected-results statement generated from it (testimonials, photos).
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


def quote_block(**fields):
    """A testimonial with its consent and provenance on record; ``fields`` override."""
    value = {
        "quote": "Lovely results.",
        "attribution": "Sam P.",
        "consent_on_file": True,
        "consent_date": "2026-11-01",
        "consent_method": "written",
        "given_via": "online_review",
        "given_on": "2026-10-30",
        "source_reference": "https://reviews.example/123",
        **fields,
    }
    return {"type": "testimonial", "value": value}
