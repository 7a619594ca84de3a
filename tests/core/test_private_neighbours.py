"""Private or unpublished pages and private-collection images never show inside a public page (issue 12)."""

import json
from datetime import date
from pathlib import Path

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from clinic.models import ClinicSettings, Practitioner
from tests.treatments.factories import faq_block, make_treatment
from treatments.models import TreatmentPage


@pytest.fixture(autouse=True)
def _caches_on(settings):
    settings.CMS_PAGE_CACHE_TIMEOUT = 300


def related_block(page):
    return {"type": "related_treatments", "value": {"heading": "Related", "treatments": [page.pk]}}


def overview_block(image):
    value = {"heading": "What is it?", "what_it_is": "<p>About.</p>", "how_it_works": "", "image": image.pk}
    return {"type": "overview", "value": value}


def link_block(page):
    return faq_block(n_items=1, answer=f'<p><a linktype="page" id="{page.pk}">Secret page</a></p>')


@pytest.fixture
def private_image(make_image):
    """An image in a collection only signed-in staff may see."""
    private = Collection.get_first_root_node().add_child(name="Staff only")
    image = make_image(title="Private photo")
    image.collection = private
    image.save()
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    return image


def test_a_password_protected_page_disappears_from_pages_that_link_to_it(demo, treatment_index, client):
    target = make_treatment(treatment_index, body=[faq_block()], title="Members only")
    page = make_treatment(treatment_index, body=[related_block(target), link_block(target)])
    api = f"/api/v2/pages/{page.pk}/"
    assert "Members only" in client.get(api).content.decode()
    assert target.url in client.get(page.url).content.decode()

    PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.PASSWORD, password="x")
    data = client.get(api).json()
    related = next(block for block in data["body"] if block["type"] == "related_treatments")
    assert related["value"]["treatments"] == [None]
    assert target.url not in json.dumps(data)  # the rich-text link kept its text, lost its href
    html = client.get(page.url).content.decode()
    assert "Members only" not in html and target.url not in html


def test_an_unpublished_page_disappears_from_pages_that_link_to_it(demo, treatment_index, client):
    target = make_treatment(treatment_index, body=[faq_block()], title="Withdrawn treatment")
    page = make_treatment(treatment_index, body=[related_block(target), link_block(target)])
    client.get(f"/api/v2/pages/{page.pk}/"), client.get(page.url)
    target.unpublish()
    assert target.url not in client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    assert "Withdrawn treatment" not in client.get(page.url).content.decode()


def test_images_of_a_private_collection_are_not_shown(demo, treatment_index, client, make_image):
    private = Collection.get_first_root_node().add_child(name="Before and after, consented")
    image = make_image(title="Private photo")
    image.collection = private
    image.save()
    page = make_treatment(treatment_index, body=[overview_block(image)], hero_image=image)
    api = f"/api/v2/pages/{page.pk}/"
    assert client.get(api).json()["hero_image"]["id"] == image.pk  # not restricted yet

    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    data = client.get(api).json()
    assert data["hero_image"] is None
    overview = next(block for block in data["body"] if block["type"] == "overview")
    assert overview["value"]["image"] is None
    html = client.get(page.url).content.decode()
    # The clinic's logo (a public image) is on every page; nothing of the private image is.
    private_file = Path(image.file.name).stem
    assert "Private photo" not in html and private_file not in html and 'property="og:image"' not in html


def test_private_images_stay_off_listings_profiles_and_the_header(demo, treatment_index, client, private_image):
    image = private_image
    # The treatment card (home, index), the home hero, the practitioner's card, profile and
    # JSON-LD, and the clinic's logo in the header and the location page's JSON-LD.
    make_treatment(treatment_index, hero_image=image, slug="peel", title="Peel")
    home = demo.get_parent().get_parent().specific
    home.hero_image = image
    home.save_revision().publish()
    kim = Practitioner.objects.get(slug="dr-michael-kim")
    kim.photo = image
    kim.save()
    clinic = ClinicSettings.objects.get(site=Site.objects.get(is_default_site=True))
    clinic.logo = image
    clinic.save()
    private_file = Path(image.file.name).stem
    for path in ["/", "/treatments/", "/practitioners/dr-michael-kim/", "/location/", "/treatments/botox/"]:
        html = client.get(path).content.decode()
        assert "Private photo" not in html and private_file not in html, path


def test_a_practitioner_photo_in_a_private_collection_is_null_in_the_api(demo, client, private_image):
    image = private_image
    kim = Practitioner.objects.get(slug="dr-michael-kim")
    kim.photo = image
    kim.save()
    # The reviewer is how a practitioner reaches the pages API (set here on the row, as a
    # practitioner's approval would).
    TreatmentPage.objects.filter(pk=demo.pk).update(reviewed_by=kim, last_reviewed=date(2026, 11, 1))

    reviewer = client.get(f"/api/v2/pages/{demo.pk}/").json()["reviewed_by"]

    assert reviewer["name"] == "Dr. Michael Kim" and reviewer["photo"] is None
