"""One Image shape everywhere: page fields, blocks, practitioners and /api/v2/images/, absolute URLs, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic.models import Practitioner
from core.representations import ImageSerializer
from tests.treatments.factories import make_treatment

SHAPE_FIELDS = ["id", "title", "alt", "width", "height", "focal_point", "srcset"]
SIZE_FIELDS = ["url", "width", "height", "format", "aspect_ratio"]


@pytest.fixture(autouse=True)
def _no_server_cache(settings):
    # Each request builds its answer: what is measured is the work, not the response cache.
    settings.CMS_API_CACHE_TIMEOUT = 0


def without_meta(item):
    return {key: value for key, value in item.items() if key != "meta"}


def test_the_same_image_has_the_same_shape_everywhere(demo, treatment_index, client, make_image):
    image = make_image(title="Same", size=(900, 600))
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 700, 300, 100, 80
    image.save()
    practitioner = Practitioner.objects.create(name="Dr. Same", photo=image)
    overview = {"type": "overview", "value": {"heading": "H", "what_it_is": "<p>x</p>", "image": image.pk}}
    page = make_treatment(treatment_index, hero_image=image, reviewed_by=practitioner, body=[overview])

    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    in_field = data["hero_image"]
    in_block = data["body"][0]["value"]["image"]
    on_practitioner = data["reviewed_by"]["photo"]
    detail = client.get(f"/api/v2/images/{image.pk}/").json()
    listed = next(item for item in client.get("/api/v2/images/").json()["items"] if item["id"] == image.pk)

    assert list(in_field) == SHAPE_FIELDS
    assert in_field == in_block == on_practitioner == without_meta(detail) == without_meta(listed)
    assert in_field["alt"] == "A patient's face after treatment"
    assert in_field["focal_point"] == {"x": 700, "y": 300, "width": 100, "height": 80}
    assert detail["meta"]["type"] == "wagtailimages.Image"
    assert all(list(size) == SIZE_FIELDS for size in in_field["srcset"])


def test_srcset_is_the_fixed_set_never_enlarged(db, make_image, settings):
    image = make_image(size=(1000, 500))
    sizes = ImageSerializer.represent(image)["srcset"]
    by_ratio = {}
    for size in sizes:
        by_ratio.setdefault((size["aspect_ratio"], size["format"]), []).append((size["width"], size["height"]))
    assert list(by_ratio) == [
        ("original", "webp"),
        ("original", "png"),
        ("16:9", "webp"),
        ("16:9", "png"),
        ("1:1", "webp"),
        ("1:1", "png"),
    ]
    # Widths 400, 800, 1200 (given at the image's own 1000) and no more; each crop keeps its ratio.
    assert by_ratio["original", "webp"] == [(400, 200), (800, 400), (1000, 500)]
    assert by_ratio["16:9", "png"] == [(400, 225), (800, 450), (890, 500)]
    assert by_ratio["1:1", "webp"] == [(400, 400), (500, 500)]
    assert ImageSerializer.represent(None) is None
    assert ImageSerializer.represent(image)["focal_point"] is None


def test_fields_alt_works_on_the_images_endpoint(demo, client, make_image):
    image = make_image(title="Alt", size=(120, 80))
    listing = client.get("/api/v2/images/?fields=alt")
    assert listing.status_code == 200, listing.content
    assert {item["alt"] for item in listing.json()["items"] if item["id"] == image.pk} == {image.default_alt_text}
    only = client.get("/api/v2/images/?fields=_,alt").json()["items"]
    assert only and all("alt" in item and "srcset" not in item and "title" not in item for item in only)
    detail = client.get(f"/api/v2/images/{image.pk}/?fields=alt")
    assert detail.status_code == 200 and detail.json()["alt"] == image.default_alt_text
    assert client.get("/api/v2/images/?fields=nonsense").status_code == 400


@pytest.mark.parametrize(
    ("host", "secure", "root"),
    [
        ("clinic.example:8351", False, "http://clinic.example:8351/media/images/"),
        ("clinic.example", False, "http://clinic.example/media/images/"),
        ("clinic.example", True, "https://clinic.example/media/images/"),
    ],
)
def test_urls_are_absolute_on_the_requests_own_host_and_port(demo, client, make_image, host, secure, root):
    image = make_image(size=(120, 80))
    for url in (f"/api/v2/images/{image.pk}/", f"/api/v2/pages/{demo.pk}/"):
        body = client.get(url, HTTP_HOST=host, secure=secure).json()
        urls = [size["url"] for size in (body.get("hero_image") or body)["srcset"]]
        assert urls and all(url.startswith(root) for url in urls), urls
    # The original's download URL too (Wagtail leaves it relative).
    download = client.get(f"/api/v2/images/{image.pk}/", HTTP_HOST=host, secure=secure).json()["meta"]["download_url"]
    assert download.startswith(root.replace("/images/", "/original_images/")), download
    assert ":80/" not in root and ":443/" not in root


def test_outside_a_request_urls_use_the_default_sites_root(demo, make_image):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "clinic.example", 8352
    site.save()
    sizes = ImageSerializer.represent(make_image(size=(120, 80)))["srcset"]
    assert all(size["url"].startswith("http://clinic.example:8352/media/images/") for size in sizes)


def count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured)


def test_images_endpoint_queries_do_not_grow_with_images(demo, client, make_image):
    for i in range(12):
        make_image(title=f"Many {i}", size=(60 + i, 40))
    client.get("/api/v2/images/?limit=20")  # the sizes are made on the first request
    two = count(client, "/api/v2/images/?limit=2")
    assert count(client, "/api/v2/images/?limit=20") == two
    assert count(client, "/api/v2/images/?limit=20&fields=alt") <= two


def test_a_page_with_many_images_costs_the_same_as_with_one(demo, treatment_index, client, make_image):
    def page_with(n):
        body = [
            {
                "type": "overview",
                "value": {"heading": "H", "what_it_is": "<p>x</p>", "image": make_image(size=(60, 40)).pk},
            }
            for _ in range(n)
        ]
        return make_treatment(treatment_index, body=body, hero_image=make_image(size=(60, 40)))

    one, many = page_with(1), page_with(10)
    for page in (one, many):
        client.get(f"/api/v2/pages/{page.pk}/")  # sizes made
    assert count(client, f"/api/v2/pages/{many.pk}/") == count(client, f"/api/v2/pages/{one.pk}/")


def test_an_image_whose_file_is_gone_has_no_sizes_and_no_error(demo, treatment_index, client, make_image):
    image = make_image(size=(120, 80))
    image.file.storage.delete(image.file.name)
    page = make_treatment(treatment_index, hero_image=image)
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    assert response.json()["hero_image"]["srcset"] == []
