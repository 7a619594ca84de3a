"""History lines of pages sent back to Medical review by a change elsewhere (core.history)."""

import pytest
from wagtail.log_actions import log

from photos.models import WITHDRAWN_ACTION

pytestmark = pytest.mark.django_db


def test_a_withdrawn_authorization_reads_as_a_sentence_in_the_page_history(demo):
    page = demo
    entry = log(page, WITHDRAWN_ACTION, data={"authorization_id": 7, "label": "Forehead pair", "reason": "revoked"})

    assert entry.message == (
        "Sent to Medical review: the patient's photo authorization 7 (Forehead pair) was revoked; "
        "its before-and-after photos no longer show"
    )
    assert entry.formatter.label == "Photo authorization withdrawn"


def test_a_safety_change_entry_missing_its_data_still_reads_as_a_sentence(demo):
    entry = log(demo, "products.safety_information_changed", data={"product": "BOTOX"})

    assert entry.message == "Sent to Medical review: the Important Safety Information of BOTOX changed (version ?)"
