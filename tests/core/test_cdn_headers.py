"""CDN-ready answers: tags, Cache-Control for shared caches, Last-Modified, gzip, and tag purges (issue 12)."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils.http import parse_http_date

from core.checks import shared_cache_for_several_workers
from tests.treatments.factories import faq_block, make_treatment

PAGE = "/treatments/botox/"


@pytest.fixture(autouse=True)
def _caches_on(settings):
    settings.CMS_PAGE_CACHE_TIMEOUT = 300
    settings.CMS_API_CACHE_TIMEOUT = 600
    settings.CMS_CACHE_S_MAXAGE = 900
    settings.CMS_CACHE_STALE_WHILE_REVALIDATE = 45


def test_answers_name_what_they_show(demo, client, make_image):
    demo.hero_image = image = make_image()
    demo.save_revision().publish()
    for url in (f"/api/v2/pages/{demo.pk}/", PAGE):
        for response in (client.get(url), client.get(url)):  # built, then from the cache
            tags = response["Cache-Tag"].split(",")
            assert {f"page-{demo.pk}", f"page-{demo.get_parent().pk}", f"image-{image.pk}"} <= set(tags)
            assert {"setting-clinic-clinicsettings", "site", "privacy"} <= set(tags)
            assert "pages" not in tags  # a detail does not list pages
            assert "s-maxage=900" in response["Cache-Control"] and "public" in response["Cache-Control"]
            assert "stale-while-revalidate=45" in response["Cache-Control"]
            assert parse_http_date(response["Last-Modified"]) > 0
    assert "max-age=0" in client.get(PAGE)["Cache-Control"]  # browsers ask again, with the ETag
    listing = client.get("/api/v2/pages/")
    assert "pages" in listing["Cache-Tag"].split(",")
    assert "images" in client.get("/api/v2/images/")["Cache-Tag"].split(",")


def test_the_tag_header_name_is_a_setting(demo, client, settings):
    settings.CMS_CACHE_TAG_HEADER = "Surrogate-Key"
    response = client.get(f"/api/v2/pages/{demo.pk}/")
    assert "Cache-Tag" not in response and f"page-{demo.pk}" in response["Surrogate-Key"].split(",")


def test_pages_that_are_not_shared_carry_no_cdn_headers(demo, client, admin_user):
    client.force_login(admin_user)
    response = client.get(PAGE)
    assert "Cache-Tag" not in response and "s-maxage" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/api/v2/pages/{pk}/", PAGE])
def test_gzip_when_the_client_accepts_it_and_etags_still_match(demo, client, url):
    url = url.format(pk=demo.pk)
    plain = client.get(url)
    for _ in range(2):  # built and from the cache
        zipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert zipped["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped["Vary"]
        assert gzip.decompress(zipped.content) == plain.content
        assert zipped["ETag"] == "W/" + plain["ETag"]  # weak once compressed
    assert client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=zipped["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


class PurgeReceiver:
    """An HTTP server on 127.0.0.1 that records every purge request it receives."""

    def __init__(self):
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((self.path, self.headers.get("Authorization"), json.loads(body)))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/purge"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def purge_receiver(settings):
    receiver = PurgeReceiver()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "core.purge.TagPurgeBackend", "LOCATION": receiver.url, "TOKEN": "t0ken"}
    }
    yield receiver
    receiver.close()


def test_a_change_purges_exactly_its_tags(demo, treatment_index, purge_receiver, django_capture_on_commit_callbacks):
    page = make_treatment(treatment_index, body=[faq_block()])
    purge_receiver.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.get_latest_revision_as_object()
        revision.summary = "Changed."
        revision.save_revision().publish()
    assert purge_receiver.requests == [("/purge", "Bearer t0ken", {"tags": sorted([f"page-{page.pk}", "pages"])})]


def test_an_image_change_purges_the_image_and_image_listings(
    db, make_image, purge_receiver, django_capture_on_commit_callbacks
):
    image = make_image()
    purge_receiver.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Renamed"
        image.save()
    assert [body for _, _, body in purge_receiver.requests] == [{"tags": sorted([f"image-{image.pk}", "images"])}]


def test_an_unreachable_purge_receiver_does_not_fail_the_change(demo, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "core.purge.TagPurgeBackend", "LOCATION": "http://127.0.0.1:9/purge", "TIMEOUT": 1}
    }
    with django_capture_on_commit_callbacks(execute=True):
        demo.save_revision().publish()


def test_several_workers_need_a_shared_cache(settings, monkeypatch):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert [error.id for error in shared_cache_for_several_workers()] == ["core.E001"]
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    assert shared_cache_for_several_workers() == []
