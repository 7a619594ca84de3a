import pytest

from tests.treatments.factories import make_treatment

from .helpers import RESULTS, make_authorization, pair_block


@pytest.fixture
def authorization(db):
    return make_authorization()


@pytest.fixture
def photos(make_image):
    return make_image("Before 1"), make_image("After 1")


@pytest.fixture
def pair_page(treatment_index, photos, authorization):
    """A live treatment page with a results section and one authorized pair."""
    return make_treatment(treatment_index, body=[RESULTS, pair_block(*photos, authorization)], slug="forehead")
