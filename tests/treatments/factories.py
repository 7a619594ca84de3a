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
