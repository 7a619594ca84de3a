"""``BeforeAfterBlock``: shown only under an authorization current today and covering the website."""

import datetime

import pytest

from photos.models import PhotoAuthorization
from treatments.blocks import BeforeAfterBlock, TreatmentBodyBlock

BLOCK = TreatmentBodyBlock().child_blocks["before_after"]
DAY = datetime.date(2026, 6, 1)
PHOTO = "a chosen image"  # is_shown only asks that both photos are there


def authorization(**fields):
    values = {"label": "Forehead", "covers_website": True, "signed_on": datetime.date(2026, 3, 1), **fields}
    return PhotoAuthorization(**values)


def value(auth, before=PHOTO, after=PHOTO):
    return {"before_image": before, "after_image": after, "authorization": auth}


def test_the_block_is_declared_like_every_section():
    assert isinstance(BLOCK, BeforeAfterBlock)
    assert BLOCK.meta.icon == "image" and BLOCK.get_description()
    assert BLOCK.get_template() == "treatments/blocks/before_after.html"
    assert BLOCK.records == ("authorization",) and BLOCK.nav_label == "Before and after"
    assert BLOCK.nav_text({"treatment_area": "Forehead lines"}) == "Before and after: Forehead lines"


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({}, True),
        ({"expires_on": DAY}, True),  # its last day
        ({"expires_on": DAY - datetime.timedelta(days=1)}, False),
        ({"revoked": True}, False),
        ({"covers_website": False, "covers_social": True, "covers_print": True}, False),
        ({"signed_on": DAY + datetime.timedelta(days=1)}, False),  # not yet in force
    ],
)
def test_shown_only_under_a_current_website_authorization(fields, shown):
    auth = authorization(**fields)
    assert BLOCK.is_shown(value(auth), DAY) is shown
    assert auth.covers_website_on(DAY) is shown


def test_no_authorization_or_a_missing_photo_hides_it():
    assert not BLOCK.is_shown(value(None), DAY)
    assert not BLOCK.is_shown(value(authorization(), after=None), DAY)


def test_statuses_in_the_clinic_words():
    assert authorization().status(DAY) == "current"
    assert authorization(revoked=True).status(DAY) == "revoked"
    assert authorization(expires_on=datetime.date(2026, 5, 31)).status(DAY) == "expired"
    assert authorization(signed_on=datetime.date(2026, 7, 1)).status(DAY) == "not yet in force"
    assert authorization(covers_social=True, covers_print=True).covers() == ["website", "social media", "print"]


def test_its_words_never_enter_the_search_index():
    assert BLOCK.get_searchable_content({"caption": "Relaxed forehead lines.", "treatment_area": "Forehead"}) == []
