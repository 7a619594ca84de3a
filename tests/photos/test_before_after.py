"""Before-and-after photos under a patient's authorization (issue 17): publish rules, revocation,
expiry with a frozen clock, caches, privacy of the patient reference."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from freezegun import freeze_time
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

from photos.models import PhotoAuthorization
from tests.core.cache_backends import caches_setting
from tests.treatments.factories import make_treatment
from treatments.models import TreatmentPage

from .helpers import EXPECTED, PATIENT_REFERENCE, RESULTS, make_authorization, pair_block

pytestmark = pytest.mark.django_db

PAGE = "/treatments/forehead/"


@pytest.fixture
def caches_on(settings):
    settings.CMS_PAGE_CACHE_TIMEOUT = 300
    settings.CMS_API_CACHE_TIMEOUT = 600


def pair_in_api(client, page):
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    return [block for block in body if block["type"] == "before_after"]


@pytest.mark.parametrize(
    "fields",
    [
        None,  # no authorization chosen
        {"expires_on": datetime.date(2026, 1, 31), "signed_on": datetime.date(2025, 2, 1)},  # expired
        {"covers_website": False, "covers_social": True},  # social media only
        "revoked",
    ],
    ids=["none", "expired", "social-only", "revoked"],
)
def test_a_pair_cannot_be_published_without_a_current_website_authorization(treatment_index, photos, fields):
    authorization = None
    if fields == "revoked":
        authorization = make_authorization()
        authorization.revoke()
    elif fields is not None:
        authorization = make_authorization(**fields)
    page = make_treatment(treatment_index, body=[RESULTS, pair_block(*photos, authorization)], publish=False)
    with freeze_time("2026-06-01"), pytest.raises(ValidationError, match=r"Before and after 1: a patient's photo"):
        page.get_latest_revision().publish()
    assert not TreatmentPage.objects.get(pk=page.pk).live


def test_a_current_website_authorization_publishes_and_shows_the_pair(pair_page, client):
    html = client.get(PAGE).content.decode()
    assert html.count('<figure class="before-after__photo">') == 2
    assert "<figcaption>Before treatment</figcaption>" in html
    assert f"Individual results vary. {EXPECTED}" in html
    [pair] = pair_in_api(client, pair_page)
    assert pair["value"]["authorized"] is True
    assert pair["value"]["disclosure"] == f"Individual results vary. {EXPECTED}"
    assert "authorization" not in pair["value"]


def test_revoking_hides_the_pair_at_once_with_warm_caches(pair_page, client, caches_on, authorization):
    api = f"/api/v2/pages/{pair_page.pk}/"
    for _ in range(2):  # built, then from the caches
        assert "before-after" in client.get(PAGE).content.decode()
        assert pair_in_api(client, pair_page)
    assert client.get(api)["X-CMS-Cache"] == "hit" and client.get(PAGE)["X-CMS-Cache"] == "hit"

    assert authorization.revoke() is True

    page_response, api_response = client.get(PAGE), client.get(api)
    assert page_response["X-CMS-Cache"] == "miss" and api_response["X-CMS-Cache"] == "miss"
    assert "before-after" not in page_response.content.decode()
    assert not [block for block in api_response.json()["body"] if block["type"] == "before_after"]
    # The page stays live, with its other sections.
    assert TreatmentPage.objects.get(pk=pair_page.pk).live
    assert "How long do results last?" in page_response.content.decode()


def test_revoking_flags_each_page_for_review_and_logs_why(pair_page, treatment_index, photos, authorization):
    other = make_treatment(treatment_index, body=[RESULTS, pair_block(*photos, authorization)])
    unrelated = make_treatment(treatment_index, body=[RESULTS])
    authorization.revoke()
    for page in (pair_page, other):
        assert WorkflowState.objects.for_instance(page).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
        entry = PageLogEntry.objects.filter(page=page, action="photos.authorization_withdrawn").get()
        assert entry.data == {"authorization_id": authorization.pk, "label": authorization.label, "reason": "revoked"}
        assert "was revoked" in entry.message and PATIENT_REFERENCE not in entry.message
    assert not PageLogEntry.objects.filter(page=unrelated, action="photos.authorization_withdrawn").exists()
    assert ModelLogEntry.objects.filter(action="photos.authorization_revoked", object_id=str(authorization.pk)).exists()
    # A second revocation changes nothing.
    assert authorization.revoke() is False
    assert PageLogEntry.objects.filter(action="photos.authorization_withdrawn").count() == 2


def test_expiry_by_the_command_with_a_frozen_clock(treatment_index, photos, client, caches_on):
    with freeze_time("2026-03-10"):
        authorization = make_authorization(expires_on=datetime.date(2026, 3, 31))
        page = make_treatment(treatment_index, body=[RESULTS, pair_block(*photos, authorization)], slug="forehead")
    with freeze_time("2026-03-31 12:00"):  # its last day
        call_command("expire_photo_authorizations", verbosity=0)
        assert pair_in_api(client, page) and "before-after" in client.get(PAGE).content.decode()
        assert not PageLogEntry.objects.filter(action="photos.authorization_withdrawn").exists()
    with freeze_time("2026-04-01 09:00"):  # the next day (America/Los_Angeles)
        call_command("expire_photo_authorizations", verbosity=0)
        assert not pair_in_api(client, page)
        assert "before-after" not in client.get(PAGE).content.decode()
        entry = PageLogEntry.objects.get(page=page, action="photos.authorization_withdrawn")
        assert entry.data["reason"] == "expired"
        assert WorkflowState.objects.for_instance(page).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
        assert PhotoAuthorization.objects.get(pk=authorization.pk).withdrawal_handled_at is not None
        # A rerun (cron runs it again) does nothing.
        call_command("expire_photo_authorizations", verbosity=0)
        assert PageLogEntry.objects.filter(action="photos.authorization_withdrawn").count() == 1
        assert ModelLogEntry.objects.filter(action="photos.authorization_expired").count() == 1


def test_an_expired_pair_is_left_out_even_before_the_command_runs(pair_page, client):
    PhotoAuthorization.objects.update(expires_on=datetime.date(2026, 4, 30))
    with freeze_time("2026-05-01 10:00"):
        assert not pair_in_api(client, pair_page)
        assert "before-after" not in client.get(PAGE).content.decode()


@pytest.mark.parametrize("kind", ["DroppingCache", "StaleCache"])
def test_revoking_hides_the_pair_whatever_the_cache_does(pair_page, client, caches_on, authorization, settings, kind):
    settings.CACHES = caches_setting(kind)
    try:
        for _ in range(2):
            assert pair_in_api(client, pair_page) and "before-after" in client.get(PAGE).content.decode()
        authorization.revoke()
        assert not pair_in_api(client, pair_page)
        assert "before-after" not in client.get(PAGE).content.decode()
    finally:
        cache.clear()


def test_the_block_refuses_next_to_the_chooser_when_publishing(pair_page, authorization):
    block = TreatmentPage.body.field.stream_block.child_blocks["before_after"]
    raw = pair_page.body.raw_data[1]["value"]
    authorization.revoke()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python(raw))
    assert "authorization" in refused.value.block_errors
    block.defer_required_validation()  # saving a draft: it may wait
    try:
        block.clean(block.to_python(raw))
    finally:
        block.restore_deferred_validation()


def test_the_admin_editor_opens_a_page_with_a_pair(pair_page, admin_client):
    response = admin_client.get(f"/admin/pages/{pair_page.pk}/edit/")
    assert response.status_code == 200
    assert "Before and after" in response.content.decode()


def test_the_demo_has_no_pair(demo):
    assert not [block for block in demo.body if block.block_type == "before_after"]


def test_the_patient_reference_never_reaches_a_public_response(pair_page, client):
    urls = [
        PAGE,
        f"/api/v2/pages/{pair_page.pk}/",
        "/api/v2/pages/?type=treatments.TreatmentPage&fields=*",
        "/api/v2/openapi.json",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert PATIENT_REFERENCE not in response.content.decode(), url


def test_striking_the_website_from_an_authorization_withdraws_its_photos(pair_page, client, authorization):
    authorization.covers_website = False
    authorization.save()
    assert "before-after" not in client.get("/treatments/forehead/").content.decode()
    assert WorkflowState.objects.for_instance(pair_page).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    entry = PageLogEntry.objects.filter(page=pair_page, action="photos.authorization_withdrawn").get()
    assert "was changed to no longer cover the website" in entry.message
    # Saving it again (a typo fixed in the label) sends nothing more.
    authorization.label = "Forehead lines, March 2026 (form 2)"
    authorization.save()
    assert PageLogEntry.objects.filter(page=pair_page, action="photos.authorization_withdrawn").count() == 1


def test_no_cached_answer_outlives_the_expiry_even_before_the_command_runs(treatment_index, photos, client, caches_on):
    with freeze_time("2026-03-10"):
        authorization = make_authorization(expires_on=datetime.date(2026, 3, 31))
        page = make_treatment(treatment_index, body=[RESULTS, pair_block(*photos, authorization)], slug="forehead")
    # One minute before midnight in Portland (07:00 UTC): the answers are cached, for that minute only.
    with freeze_time("2026-04-01 06:59:00"):
        response = client.get(PAGE)
        assert "before-after" in response.content.decode() and pair_in_api(client, page)
        assert "s-maxage=60" in response["Cache-Control"]
        assert client.get(PAGE)["X-CMS-Cache"] == "hit"
    # Just after midnight: nothing ran, yet no cache serves the pair.
    with freeze_time("2026-04-01 07:00:30"):
        assert "before-after" not in client.get(PAGE).content.decode()
        assert not pair_in_api(client, page)
