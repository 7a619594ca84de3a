"""Query counts of the API do not grow with content: blocks, images, rich-text links, pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic.models import Practitioner
from tests.api.content import every_block_body
from tests.treatments.factories import faq_block, make_treatment


@pytest.fixture(autouse=True)
def _no_server_cache(settings):
    # Measure the work of building responses, not the response cache.
    settings.CMS_API_CACHE_TIMEOUT = 0


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def linked_faq(pages):
    answer = "".join(f'<p><a linktype="page" id="{p.pk}">{p.title}</a></p>' for p in pages)
    return faq_block(n_items=2, answer=answer)


def test_detail_is_constant_in_blocks_images_and_links(demo, treatment_index, client, make_image):
    targets = [make_treatment(treatment_index) for _ in range(6)]
    practitioner = Practitioner.objects.create(name="Dr. Q", photo=make_image(title="Q"))

    def page_with(n):
        body = []
        for i in range(n):
            body += every_block_body(image=make_image(), practitioner=practitioner, linked_page=targets[i % 6])
            body.append(linked_faq(targets[: i + 1]))
        return make_treatment(treatment_index, body=body, hero_image=make_image(), reviewed_by=practitioner)

    small, large = page_with(1), page_with(6)
    assert len(large.body) == 6 * len(small.body)
    for page in (small, large):
        count(client, f"/api/v2/pages/{page.pk}/")  # renditions are generated on the first request
    baseline = count(client, f"/api/v2/pages/{small.pk}/")
    assert count(client, f"/api/v2/pages/{large.pk}/") == baseline
    # Measured: 10 with every block type, images, practitioners and links (issue 12: one more for
    # the change sequence number read from the database, one more for Wagtail's own site lookup).
    assert baseline <= 11, baseline


def test_rich_text_links_cost_nothing_per_link(demo, treatment_index, client, django_assert_max_num_queries):
    targets = [make_treatment(treatment_index) for _ in range(10)]
    one = make_treatment(treatment_index, body=[linked_faq(targets[:1])])
    ten = make_treatment(treatment_index, body=[linked_faq(targets)] * 5)
    baseline = count(client, f"/api/v2/pages/{one.pk}/")
    with django_assert_max_num_queries(baseline):
        body = client.get(f"/api/v2/pages/{ten.pk}/").content.decode()
    assert all(f'href=\\"/treatments/{t.slug}/\\"' in body for t in targets)  # JSON-escaped quotes


def test_listing_is_constant_in_pages(demo, treatment_index, client, make_image, django_assert_max_num_queries):
    practitioner = Practitioner.objects.create(name="Dr. L", photo=make_image(title="L"))
    image = make_image()
    for _ in range(100):
        make_treatment(
            treatment_index,
            body=every_block_body(image=image, practitioner=practitioner, linked_page=demo),
            hero_image=image,
            reviewed_by=practitioner,
        )
    url = "/api/v2/pages/?type=treatments.TreatmentPage&fields=*&limit={}"
    count(client, url.format(100))  # renditions
    twenty = count(client, url.format(20))
    with django_assert_max_num_queries(twenty):
        data = client.get(url.format(100)).json()
    assert len(data["items"]) == 100
    assert twenty <= 25


def test_demo_detail_costs_six_queries(demo, client):
    # The change sequence number (the database decides what is current), the site (Wagtail's
    # public Site.find_for_request, once per request), the specific page (relations joined: the
    # testimonial's practitioner is the reviewer), its hero image's sizes, its treatment areas and
    # its products (with their safety information: issue 17).
    url = f"/api/v2/pages/{demo.pk}/"
    # The first request after a change also looks up the page's type, the view restrictions,
    # the parent and the clinic details (remembered under the sequence number), and makes the
    # hero image's sizes.
    assert count(client, url) <= 14
    assert count(client, url) <= 6


def test_remembered_lookups_follow_changes(demo, client):
    from clinic.models import ClinicSettings

    url = f"/api/v2/pages/{demo.pk}/"
    client.get(url)
    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-555-0199"
    clinic.save()
    assert client.get(url).json()["clinic"]["phone"] == "503-555-0199"


def test_ids_that_are_no_page_are_not_remembered(demo, client):
    # Page types are remembered per id, but a client choosing ids must not fill the cache.
    from django.core.cache import cache

    from core.caching import content_version

    assert client.get("/api/v2/pages/987654/").status_code == 404
    assert cache.get(f"cms:remembered:{content_version()}:page-type:987654", "absent") == "absent"
    client.get(f"/api/v2/pages/{demo.pk}/")
    value, _tags = cache.get(f"cms:remembered:{content_version()}:page-type:{demo.pk}")
    assert value == demo.content_type_id


def test_demo_detail_reads_only_the_page_its_areas_and_products_once_lookups_are_remembered(demo, client):
    # The page's type, the view restrictions, the clinic details and the parent's summary are
    # remembered until content changes; the sequence number and the site are read each time.
    url = f"/api/v2/pages/{demo.pk}/"
    client.get(url)
    assert count(client, url) <= 6


def test_remembered_parent_follows_changes(demo, client):
    url = f"/api/v2/pages/{demo.pk}/"
    parent = demo.get_parent().specific
    assert client.get(url).json()["meta"]["parent"]["title"] == parent.title
    parent.title = "Our treatments"
    parent.save_revision().publish()
    assert client.get(url).json()["meta"]["parent"]["title"] == "Our treatments"


def test_a_parent_that_is_not_public_is_null_without_looking_again(demo, client):
    url = f"/api/v2/pages/{demo.pk}/"
    assert client.get(url).json()["meta"]["parent"]["id"] == demo.get_parent().pk
    demo.get_parent().unpublish()
    client.get(url)  # the remembered lookups, after the change
    assert count(client, url) <= 6  # Wagtail's own parent field would look it up again
    assert client.get(url).json()["meta"]["parent"] is None
