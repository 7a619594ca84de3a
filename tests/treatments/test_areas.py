"""A treatment page's areas: read once, and not at all when a preview or a listing already holds them."""

import pytest

from treatments.models import TreatmentArea, TreatmentPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def peel(demo):
    """A second treatment with two areas."""
    page = TreatmentPage(title="Chemical peel", slug="chemical-peel", summary="A peel.")
    demo.get_parent().add_child(instance=page)
    TreatmentArea.objects.create(page=page, name="Cheeks", sort_order=0)
    TreatmentArea.objects.create(page=page, name="Forehead", sort_order=1)
    return TreatmentPage.objects.get(pk=page.pk)


def test_areas_are_read_once_in_order_and_point_at_their_page(peel, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert [area.name for area in peel.areas] == ["Cheeks", "Forehead"]
        assert [area.name for area in peel.areas] == ["Cheeks", "Forehead"]
        assert peel.areas[0].page is peel


def test_treatment_areas_of_previews_and_prefetched_listings_are_not_read_again(peel, django_assert_num_queries):
    listed = TreatmentPage.objects.prefetch_related("treatment_areas").get(pk=peel.pk)
    with django_assert_num_queries(0):
        assert [area.name for area in listed.areas] == ["Cheeks", "Forehead"]
    # A preview: the page rebuilt from its revision, areas edited in memory and not saved.
    peel.save_revision()
    draft = TreatmentPage.objects.get(pk=peel.pk).get_latest_revision_as_object()
    draft.treatment_areas.add(TreatmentArea(name="Neck", sort_order=2))
    with django_assert_num_queries(0):
        assert [area.name for area in draft.areas] == ["Cheeks", "Forehead", "Neck"]
