"""Files of private collections are never served from a public URL (docs/security-files.md).

Documents go through Wagtail's serve view (``/documents/<id>/<file>``), which checks the
collection's privacy; the local server's /media/ (``make run``, SERVE_MEDIA) never serves
documents, nor a private collection's images to visitors.
"""

import importlib
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.treatments.editorial import make_user

PATIENT_FORM = b"%PDF-1.4 consent form of a patient\n"


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Patient files (private)")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    return collection


def make_document(title, collection=None):
    document = get_document_model()(title=title, **({"collection": collection} if collection else {}))
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PATIENT_FORM), save=False)
    document.save()
    return document


@pytest.fixture
def make_run_urls(settings):
    """The URL map as `make run` builds it (cms.settings.dev: SERVE_MEDIA on)."""
    import cms.urls

    settings.SERVE_MEDIA = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(cms.urls)
    clear_url_caches()


def test_documents_are_served_by_wagtails_view(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_private_document_asks_visitors_to_log_in(private_collection, client):
    document = make_document("Consent form", private_collection)
    response = client.get(document.url)
    assert document.url == f"/documents/{document.pk}/{document.filename}"
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/admin/login/"
    assert PATIENT_FORM not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_private_document_downloads_for_a_logged_in_editor(private_collection, client):
    document = make_document("Consent form", private_collection)
    client.force_login(make_user("erin", "Editors"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PATIENT_FORM


def test_a_public_document_still_downloads(db, client):
    document = make_document("Aftercare sheet")
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PATIENT_FORM


def test_the_local_server_never_serves_documents_from_media(private_collection, make_run_urls, client):
    private = make_document("Consent form", private_collection)
    public = make_document("Aftercare sheet")
    for document in (private, public):
        assert document.file.name.startswith("documents/")
        assert client.get(f"/media/{document.file.name}").status_code == 404
    # Logged in or not: the serve view is the only way to a document.
    client.force_login(make_user("erin", "Editors"))
    assert client.get(f"/media/{private.file.name}").status_code == 404


def test_the_local_server_serves_a_private_collections_images_to_editors_only(
    private_collection, make_run_urls, client, make_image
):
    public = make_image(title="Clinic entrance")
    private = make_image(title="Before and after")
    private.collection = private_collection
    private.save()
    public_rendition = public.get_rendition("max-165x165").file.name
    private_rendition = private.get_rendition("max-165x165").file.name

    for name in (public.file.name, public_rendition):
        assert client.get(f"/media/{name}").status_code == 200, name
    for name in (private.file.name, private_rendition):
        assert name.startswith(("original_images/", "images/"))
        assert client.get(f"/media/{name}").status_code == 404, name
    # Unknown files and other folders are never served.
    assert client.get("/media/original_images/no-such-file.png").status_code == 404
    assert client.get("/media/../cms/settings/base.py").status_code == 404

    client.force_login(make_user("erin", "Editors"))
    for name in (private.file.name, private_rendition):
        assert client.get(f"/media/{name}").status_code == 200, name
