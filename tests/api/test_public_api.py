"""Nothing leaks from the public API, and bad input is always a clear 4xx JSON answer."""

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from tests.api.content import every_block_body
from tests.treatments.factories import faq_block, make_treatment

LISTING = "/api/v2/pages/?type=treatments.TreatmentPage&fields=*&limit=100"


def everything_public(client):
    """All text the public endpoints send about pages, in one string."""
    urls = [LISTING, "/api/v2/pages/?fields=*&limit=100"]
    return "".join(client.get(url).content.decode() for url in urls)


def listed_ids(client):
    return {item["id"] for item in client.get(LISTING).json()["items"]}


def test_a_draft_never_appears(demo, treatment_index, client):
    draft = make_treatment(treatment_index, publish=False, title="Secret draft treatment")
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert draft.pk not in listed_ids(client)
    assert "Secret draft treatment" not in everything_public(client)
    find = client.get(f"/api/v2/pages/find/?html_path={draft.url_path.split('/', 2)[-1]}")
    assert find.status_code == 404


def test_unpublished_changes_stay_out_of_the_live_api(demo, client):
    live_summary = demo.summary
    demo.summary = "UNPUBLISHED EDIT"
    demo.save_revision()  # saved as a draft, not published
    detail = client.get(f"/api/v2/pages/{demo.pk}/").json()
    assert detail["summary"] == live_summary
    assert "UNPUBLISHED EDIT" not in everything_public(client)


def test_an_unpublished_page_disappears(demo, treatment_index, client):
    page = make_treatment(treatment_index, title="Soon gone")
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    page.unpublish()
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert page.pk not in listed_ids(client)


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_private_pages_never_appear_even_to_logged_in_users(demo, treatment_index, client, restriction_type):
    page = make_treatment(treatment_index, title="Members-only treatment")
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="s3cret")
    user = User.objects.create_user("member", password="pw-member-1")
    client.force_login(user)
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    assert page.pk not in listed_ids(client)
    assert "Members-only treatment" not in everything_public(client)


def test_pages_under_a_private_section_are_hidden(demo, treatment_index, client):
    group = Group.objects.create(name="Staff only")
    restriction = PageViewRestriction.objects.create(page=treatment_index, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    assert client.get(f"/api/v2/pages/{demo.pk}/").status_code == 404
    assert client.get(LISTING).json()["meta"]["total_count"] == 0


def test_privacy_applies_at_once_to_a_page_already_served(demo, treatment_index, client, settings):
    # The detail remembers the view restrictions (and the page's type) per content version:
    # adding or removing one must show on the very next request, with no response cache to hide it.
    settings.CMS_API_CACHE_TIMEOUT = 0
    url = f"/api/v2/pages/{demo.pk}/"
    assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(page=treatment_index, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 404
    assert demo.pk not in listed_ids(client)
    restriction.delete()
    assert client.get(url).status_code == 200
    assert demo.pk in listed_ids(client)


def test_a_new_site_takes_its_host_at_once(demo, treatment_index, client, settings):
    # Which site serves a host is remembered per content version: a new site changes it at once.
    settings.CMS_API_CACHE_TIMEOUT = 0
    url = f"/api/v2/pages/{demo.pk}/"
    assert client.get(url, HTTP_HOST="other.example").status_code == 200  # the default site
    other_home = make_treatment(treatment_index, title="Elsewhere")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert client.get(url, HTTP_HOST="other.example").status_code == 404  # outside that site
    assert client.get(url).status_code == 200


def test_chosen_draft_page_is_not_exposed(demo, treatment_index, client):
    draft = make_treatment(treatment_index, publish=False, title="Unreleased treatment")
    page = make_treatment(treatment_index, body=every_block_body(linked_page=draft))
    body = client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    assert "Unreleased treatment" not in body


def test_images_and_documents_in_private_collections_are_hidden(demo, client, make_image):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Before-and-after (private)")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    public_image = make_image(title="Public photo")
    private_image = make_image(title="Private photo")
    private_image.collection = private
    private_image.save()
    ids = {item["id"] for item in client.get("/api/v2/images/?limit=100").json()["items"]}
    assert public_image.pk in ids and private_image.pk not in ids
    assert client.get(f"/api/v2/images/{private_image.pk}/").status_code == 404


def test_personal_settings_fields_are_not_exposed(demo, client):
    # ClinicSettings.notification_email is where consultation requests go: never public.
    from clinic.models import ClinicSettings

    clinic = ClinicSettings.objects.get()
    clinic.notification_email = "inbox-private@clinic.example"
    clinic.save()
    for url in ["/api/v2/clinic/", f"/api/v2/pages/{demo.pk}/", LISTING]:
        assert "inbox-private@clinic.example" not in client.get(url).content.decode()


BAD_REQUESTS = [
    "/api/v2/pages/?type=nope.Nope",
    "/api/v2/pages/?fields=nonsense",
    "/api/v2/pages/?fields=body(",
    "/api/v2/pages/?fields=title(id)",
    "/api/v2/pages/?limit=abc",
    "/api/v2/pages/?limit=-1",
    "/api/v2/pages/?limit=1000",
    "/api/v2/pages/?limit=99999999999999999999999",
    "/api/v2/pages/?offset=-5",
    "/api/v2/pages/?offset=99999999999999999999999",
    "/api/v2/pages/?offset=abc",
    "/api/v2/pages/?unknown=1",
    "/api/v2/pages/?order=nonsense",
    "/api/v2/pages/?order=random&offset=1",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?child_of=99999999999999999999999",
    "/api/v2/pages/?child_of=999999",
    "/api/v2/pages/?descendant_of=abc",
    "/api/v2/pages/?descendant_of=99999999999999999999999",
    "/api/v2/pages/?ancestor_of=-1",
    "/api/v2/pages/?ancestor_of=99999999999999999999999",
    "/api/v2/pages/?translation_of=abc",
    "/api/v2/pages/?search_operator=xor&search=botox",
    "/api/v2/pages/?rich_text_format=pdf",
    "/api/v2/pages/?id=abc",
    "/api/v2/pages/?show_in_menus=maybe",
    "/api/v2/pages/?type=treatments.TreatmentPage&last_reviewed=notadate",
    "/api/v2/pages/?type=treatments.TreatmentPage&review_interval_months=abc",
    "/api/v2/pages/?type=treatments.TreatmentPage&reviewed_by=abc",
    "/api/v2/pages/?type=treatments.TreatmentPage&hero_image=99999999999999999999999",
    "/api/v2/pages/?site=nonexistent.example",
    "/api/v2/pages/?locale=xx",
    "/api/v2/pages/%(demo)s/?unknown=1",
    "/api/v2/pages/%(demo)s/?limit=5",
    "/api/v2/pages/%(demo)s/?fields=nonsense",
    "/api/v2/pages/%(demo)s/?rich_text_format=pdf",
    "/api/v2/pages/find/",
    "/api/v2/pages/find/?id=abc",
    "/api/v2/pages/find/?id=99999999999999999999999",
    "/api/v2/pages/find/?html_path=/no/such/page/",
    "/api/v2/pages/999999/",
    "/api/v2/pages/99999999999999999999999/",
    "/api/v2/pages/0/",
    "/api/v2/pages/abc/",
    "/api/v2/pages/-1/",
    "/api/v2/images/?limit=abc",
    "/api/v2/images/?unknown=1",
    "/api/v2/images/?fields=nonsense",
    "/api/v2/images/?width=abc",
    "/api/v2/images/999999/",
    "/api/v2/images/99999999999999999999999/",
    "/api/v2/images/abc/",
    "/api/v2/images/find/?id=abc",
    "/api/v2/documents/?offset=abc",
    "/api/v2/documents/?unknown=1",
    "/api/v2/documents/999999/",
    "/api/v2/documents/find/?id=99999999999999999999999",
    "/api/v2/clinic/?unknown=1",
    "/api/v2/openapi.json?unknown=1",
    "/api/v2/nothing-here/",
    "/api/v2/pages/?format=api",
]


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_bad_input_is_a_clear_4xx_json(demo, client, url):
    response = client.get(url % {"demo": demo.pk})
    assert 400 <= response.status_code < 500, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/pages/%(demo)s/", "/api/v2/images/", "/api/v2/clinic/"])
def test_writes_are_refused(demo, client, method, url):
    response = getattr(client, method)(url % {"demo": demo.pk}, data="{}", content_type="application/json")
    assert response.status_code == 405
    assert response.json()["message"]


def test_bad_input_in_every_body_block_page_still_serializes(demo, treatment_index, client):
    # A page whose rich text links to a deleted page still answers, with the link neutralised.
    gone = make_treatment(treatment_index, title="Deleted later")
    page = make_treatment(treatment_index, body=[faq_block(answer=f'<p><a linktype="page" id="{gone.pk}">x</a></p>')])
    gone.delete()
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    assert "linktype" not in response.content.decode()
