"""The home page: the clinic's contact details from Clinic details, featured treatments by default."""

import pytest
from wagtail.models import Site

from clinic.models import ClinicSettings
from home.models import FeaturedTreatment, HomePage
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def test_after_changing_clinic_details_the_home_page_shows_one_number(client, demo):
    clinic = ClinicSettings.objects.get(site=Site.objects.get(is_default_site=True))
    clinic.phone = "503-555-0199"
    clinic.save()
    html = client.get("/").content.decode()
    assert "503-555-0199" in html
    assert "850-0414" not in html and "503.850" not in html


def test_featured_treatments_follow_the_newest_while_the_list_is_empty(client, demo, treatment_index):
    home = HomePage.objects.get()
    home.featured_treatments.all().delete()
    peel = treatment_index.add_child(
        instance=TreatmentPage(title="Chemical peel", slug="chemical-peel", category="skin", summary="Peels.")
    )
    peel.save_revision().publish()
    draft = treatment_index.add_child(
        instance=TreatmentPage(title="Fillers", slug="fillers", summary="Fillers.", live=False)
    )
    assert [page.pk for page in HomePage.objects.get().live_featured_treatments()] == [peel.pk, demo.pk]
    html = client.get("/").content.decode()
    assert "Chemical peel" in html and draft.title not in html


def test_the_demo_features_nothing_by_hand_so_a_new_treatment_appears(client, demo, treatment_index):
    assert not HomePage.objects.get().featured_treatments.exists()
    assert "BOTOX" in client.get("/").content.decode()
    peel = treatment_index.add_child(
        instance=TreatmentPage(title="Chemical peel", slug="chemical-peel", category="skin", summary="Peels.")
    )
    peel.save_revision().publish()
    assert "Chemical peel" in client.get("/").content.decode()


def test_a_hand_kept_list_wins(demo, treatment_index):
    home = HomePage.objects.get()
    home.featured_treatments.add(FeaturedTreatment(treatment=demo))
    home.save_revision().publish()
    peel = treatment_index.add_child(
        instance=TreatmentPage(title="Chemical peel", slug="chemical-peel", category="skin", summary="Peels.")
    )
    peel.save_revision().publish()
    assert [page.pk for page in HomePage.objects.get().live_featured_treatments()] == [demo.pk]


def test_the_treatment_editor_says_where_to_feature_a_page(admin_client, demo):
    html = admin_client.get(f"/admin/pages/{demo.pk}/edit/").content.decode()
    assert "Featured on the home page" in html and "newest live" in html
