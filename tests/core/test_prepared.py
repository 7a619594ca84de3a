"""Prepared queries give what the queryset gives, in one query, for every value they run with."""

import pytest
from wagtail.models import Page

from clinic.models import Practitioner
from core.prepared import PreparedQuery
from treatments.models import TreatmentArea, TreatmentPage

pytestmark = pytest.mark.django_db


def concrete_values(obj):
    return {field.attname: getattr(obj, field.attname) for field in type(obj)._meta.concrete_fields}


@pytest.fixture
def reviewed_pages(demo, make_image):
    """The demo page and a second treatment, each reviewed by a practitioner with a photo."""
    photo = make_image("Dr. Lee")
    lee = Practitioner.objects.create(name="Dr. Ana Lee", credentials="MD", photo=photo)
    demo.reviewed_by = lee
    demo.hero_image = make_image("Hero")
    demo.save_revision().publish()
    peel = TreatmentPage(title="Chemical peel", slug="chemical-peel", summary="A peel.")
    demo.get_parent().add_child(instance=peel)
    TreatmentArea.objects.create(page=peel, name="Cheeks", sort_order=0)
    TreatmentArea.objects.create(page=peel, name="Forehead", sort_order=1)
    return TreatmentPage.objects.get(pk=demo.pk), TreatmentPage.objects.get(pk=peel.pk)


def test_same_instances_and_joined_objects_as_the_queryset(reviewed_pages, django_assert_num_queries):
    joined = TreatmentPage.objects.select_related("hero_image", "reviewed_by", "reviewed_by__photo")
    prepared = PreparedQuery(lambda pk: joined.filter(pk=pk), pk=1)
    for page in reviewed_pages:
        expected = joined.get(pk=page.pk)
        with django_assert_num_queries(1):
            got = prepared.first(pk=page.pk)
            # Joined objects came with the row: reading them costs nothing more.
            hero, reviewer = got.hero_image, got.reviewed_by
            photo = reviewer.photo if reviewer else None
        assert type(got) is TreatmentPage and got._state.adding is False and got._state.db == "default"
        assert concrete_values(got) == concrete_values(expected)
        assert (hero and concrete_values(hero)) == (expected.hero_image and concrete_values(expected.hero_image))
        assert (reviewer and concrete_values(reviewer)) == (
            expected.reviewed_by and concrete_values(expected.reviewed_by)
        )
        assert (photo and photo.pk) == (expected.reviewed_by and expected.reviewed_by.photo_id)
        assert list(got.body.raw_data) == list(expected.body.raw_data)
    assert prepared.first(pk=10**9) is None


def test_only_ordering_and_string_values(reviewed_pages):
    demo, peel = reviewed_pages
    prepared = PreparedQuery(lambda path: Page.objects.only("id", "title").filter(path=path, live=True), path="")
    parent = prepared.first(path=demo.path[: -Page.steplen])
    assert (parent.pk, parent.title) == (demo.get_parent().pk, demo.get_parent().title)
    assert parent.get_deferred_fields() == Page.objects.only("id", "title").get(pk=parent.pk).get_deferred_fields()
    assert prepared.first(path="0001' OR '1'='1") is None  # a value, never SQL

    areas = PreparedQuery(lambda page_id: TreatmentArea.objects.filter(page_id=page_id), page_id=1)
    assert [area.name for area in areas.run(page_id=peel.pk)] == ["Cheeks", "Forehead"]
    assert [a.pk for a in areas.run(page_id=demo.pk)] == list(demo.treatment_areas.values_list("pk", flat=True))


def test_values_must_reach_the_sql_unchanged(db):
    # A lookup that rewrites its value (contains escapes and wraps it in %...%) is refused up front.
    with pytest.raises(ValueError, match="must appear once, unchanged"):
        PreparedQuery(lambda title: Page.objects.filter(title__contains=title), title="").run(title="x")
    # A value used twice, too: only one place would change.
    with pytest.raises(ValueError, match="must appear once, unchanged"):
        PreparedQuery(lambda pk: Page.objects.filter(pk=pk, depth__lt=pk), pk=1).run(pk=1)
    with pytest.raises(TypeError):
        PreparedQuery(lambda live: Page.objects.filter(live=live), live=True).run(live=False)


def test_treatment_areas_of_previews_and_prefetched_listings_are_not_read_again(
    reviewed_pages, django_assert_num_queries
):
    _, peel = reviewed_pages
    with django_assert_num_queries(1):
        assert [area.name for area in peel.areas] == ["Cheeks", "Forehead"]
        assert peel.areas[0].page is peel
    listed = TreatmentPage.objects.prefetch_related("treatment_areas").get(pk=peel.pk)
    with django_assert_num_queries(0):
        assert [area.name for area in listed.areas] == ["Cheeks", "Forehead"]
    # A preview: the page rebuilt from its revision, areas edited in memory and not saved.
    peel.save_revision()
    draft = TreatmentPage.objects.get(pk=peel.pk).get_latest_revision_as_object()
    draft.treatment_areas.add(TreatmentArea(name="Neck", sort_order=2))
    with django_assert_num_queries(0):
        assert [area.name for area in draft.areas] == ["Cheeks", "Forehead", "Neck"]
