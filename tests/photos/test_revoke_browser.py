"""A clinic manager records and revokes a photo authorization in headless Chromium; the pair leaves the page.

Screenshots land in artifacts/test_a_manager_records_and_revokes_an_authorization/.
"""

import pytest

from photos.models import PhotoAuthorization
from tests.treatments.editorial import PASSWORD, make_user
from tests.treatments.factories import make_treatment

from .helpers import PATIENT_REFERENCE, RESULTS, make_authorization, pair_block

TIMEOUT = 20_000  # ms; the admin is a JS app on a 2-core machine


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_manager_records_and_revokes_an_authorization(demo, live_server, browser_page, make_image, artifacts_dir):
    manager = make_user("mo", "Clinic managers")
    authorization = make_authorization()
    make_treatment(
        demo.get_parent(), body=[RESULTS, pair_block(make_image("B"), make_image("A"), authorization)], slug="forehead"
    )
    page, base = browser_page, live_server.url
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{base}/treatments/forehead/")
    assert page.locator(".before-after figure").count() == 2

    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("mo")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")

    # Recording a new authorization: who recorded it comes from the login.
    page.goto(f"{base}/admin/snippets/photos/photoauthorization/add/")
    page.locator("#id_patient_reference").fill("chart 5120")
    page.locator("#id_label").fill("Crow's feet, May 2026")
    page.locator("#id_covers_website").check()
    page.locator("#id_signed_on").fill("2026-05-02")
    page.screenshot(path=str(artifacts_dir / "01-add.png"), full_page=True)
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/snippets/photos/photoauthorization/")
    assert PhotoAuthorization.objects.get(patient_reference="chart 5120").recorded_by_id == manager.pk

    # Revoking the first one from the list, through its confirmation page.
    page.get_by_role("button", name=f"More options for '{authorization}'").click()
    page.get_by_role("link", name="Revoke").click()
    page.wait_for_url(f"{base}/admin/photo-authorizations/{authorization.pk}/revoke/confirm/")
    assert PATIENT_REFERENCE in page.content()
    page.screenshot(path=str(artifacts_dir / "02-confirm.png"), full_page=True)
    page.get_by_role("button", name="Revoke the authorization").click()
    page.wait_for_url(f"{base}/admin/snippets/photos/photoauthorization/")
    assert "revoked" in page.locator(".messages").inner_text()
    page.screenshot(path=str(artifacts_dir / "03-revoked.png"), full_page=True)

    page.goto(f"{base}/treatments/forehead/")
    assert page.locator(".before-after").count() == 0
    assert PhotoAuthorization.objects.get(pk=authorization.pk).revoked
