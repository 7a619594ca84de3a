"""Two-step verification with real sign-ins: who must set it up, what it guards, recovery codes."""

import re

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time
from wagtail.models import ModelLogEntry

from consultations.models import ConsultationRequest

from .conftest import CODES, INBOX, SETUP, VERIFY, current_code, sign_in


def _enrol(client, user):
    """Open the set-up page, confirm with the app's code; returns the recovery codes page."""
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(f"{SETUP}?next=/admin/", {"code": current_code(device), "next": "/admin/"}, follow=True)
    assert response.redirect_chain[0][0].startswith(CODES)
    return response


def _recovery_codes(html):
    return re.findall(r"<li><code>([a-z2-7]+)</code></li>", html)


@pytest.mark.parametrize("who", ["superuser", "staff_user"])
def test_who_must_set_it_up_is_sent_to_the_set_up_page(db, client, who, request):
    user = request.getfixturevalue(who)
    response = sign_in(client, user.username)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "QR code of your sign-in key" in page
    key = re.search(r'<code id="two-step-key">([A-Z2-7 ]+)</code>', page).group(1).replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert len(key) == 32 and device.config_url.count(key) == 1, "the key typed by hand is the QR code's"
    assert "can open patients' consultation requests" in page
    # The same key on every visit: a code scanned before a reload still works.
    assert client.get(SETUP).content.decode().count(f"{key[:4]} {key[4:8]}") == 1
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_clinic_staff_cannot_open_the_inbox_or_export_without_a_second_factor(client, staff_user, demo):
    ConsultationRequest.objects.create(name="Jane Doe", email="jane@example.com", consent=True)
    sign_in(client, "reception")
    for url in [INBOX, f"{INBOX}?export=csv", f"{INBOX}inspect/1/", "/admin/", "/admin/pages/", "/admin/no-such-page/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(SETUP), url
        assert b"Jane Doe" not in response.content
    # POSTs too (a work-in-progress status change cannot slip through).
    response = client.post(f"{INBOX}edit/1/", {"status": "closed"})
    assert response.status_code == 302 and response["Location"].startswith(SETUP)

    _enrol(client, staff_user)
    assert b"Jane Doe" in client.get(INBOX).content
    export = client.get(f"{INBOX}?export=csv")
    assert export.status_code == 200 and b"Jane Doe" in b"".join(export.streaming_content)


def test_set_up_shows_ten_recovery_codes_once_and_reaches_the_dashboard(client, superuser):
    sign_in(client, "boss")
    response = client.get(SETUP)
    wrong = client.post(SETUP, {"code": "000000"})
    assert wrong.status_code == 200 and "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.get(user=superuser).confirmed

    with freeze_time() as clock:
        clock.tick(2)  # django-otp makes a wrong code wait a second before the next try
        response = _enrol(client, superuser)
    codes = _recovery_codes(response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert "no-store" in response["Cache-Control"]
    assert 'href="/admin/"' in response.content.decode()
    assert client.get(CODES).status_code == 302, "shown once only"
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.filter(action="accounts.two_step_enrolled", object_id=str(superuser.pk)).exists()


def test_next_sign_in_asks_for_the_code_then_a_recovery_code_works_once(client, staff_user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    with freeze_time() as clock:
        sign_in(client, "reception")
        codes = _recovery_codes(_enrol(client, staff_user).content.decode())
        client.post("/admin/logout/")

        sign_in(client, "reception")
        response = client.get(INBOX)
        assert response.status_code == 302 and response["Location"] == f"{VERIFY}?next={INBOX.replace('/', '%2F')}"
        assert client.get(SETUP)["Location"] == VERIFY, "no second app from a half-signed-in session"
        # The code just used for set-up is spent; the app's next one works.
        device = TOTPDevice.objects.get(user=staff_user)
        assert "not right" in client.post(VERIFY, {"code": current_code(device), "next": INBOX}).content.decode()
        clock.tick(30)
        response = client.post(VERIFY, {"code": current_code(device), "next": INBOX})
        assert response.status_code == 302 and response["Location"] == INBOX
        assert client.get(INBOX).status_code == 200

        client.post("/admin/logout/")
        sign_in(client, "reception")
        spaced = f"{codes[0][:4]} {codes[0][4:]}".upper()
        response = client.post(VERIFY, {"code": spaced, "next": "/admin/"}, follow=True)
        assert response.redirect_chain[-1][0] == "/admin/"
        assert "recovery code; 9 left" in response.content.decode()
        client.post("/admin/logout/")
        sign_in(client, "reception")
        assert "not right" in client.post(VERIFY, {"code": codes[0]}).content.decode(), "each code works once"
        assert StaticToken.objects.filter(device__user=staff_user).count() == 9


def test_wrong_codes_are_slowed_down(client, staff_user):
    with freeze_time() as clock:
        sign_in(client, "reception")
        _enrol(client, staff_user)
        client.post("/admin/logout/")
        sign_in(client, "reception")
        device = TOTPDevice.objects.get(user=staff_user)
        clock.tick(30)
        assert "not right" in client.post(VERIFY, {"code": "123456"}).content.decode()
        refused = client.post(VERIFY, {"code": current_code(device)}).content.decode()
        assert "Too many wrong codes. Wait 1 second," in refused, "even the right code waits after a wrong one"
        clock.tick(2)
        assert client.post(VERIFY, {"code": current_code(device)}).status_code == 302


def test_editors_may_work_without_it_and_may_turn_it_on(client, editor_user, settings):
    sign_in(client, "writer")
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "Set up two-step verification" in account
    with freeze_time() as clock:
        page = client.get(SETUP).content.decode()
        assert "signing in will ask for a code" in page
        _enrol(client, editor_user)
        assert "Set up two-step verification" not in client.get("/admin/account/").content.decode()
        client.post("/admin/logout/")
        clock.tick(30)
        sign_in(client, "writer")
        assert client.get("/admin/")["Location"].startswith(VERIFY), "once set up, always asked"


def test_the_verify_page_refuses_another_site_as_next(client, staff_user):
    with freeze_time() as clock:
        sign_in(client, "reception")
        _enrol(client, staff_user)
        client.post("/admin/logout/")
        clock.tick(30)
        sign_in(client, "reception")
        device = TOTPDevice.objects.get(user=staff_user)
        response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
        assert response["Location"] == "/admin/"


def test_reset_command_removes_the_app_and_codes_and_is_audit_logged(client, staff_user, superuser):
    with freeze_time() as clock:
        sign_in(client, "reception")
        _enrol(client, staff_user)
        assert client.get(INBOX).status_code == 200
        call_command("reset_second_factor", "reception", "--by", "boss", "--reason", "lost phone", verbosity=0)
        assert not TOTPDevice.objects.filter(user=staff_user).exists()
        assert not StaticToken.objects.filter(device__user=staff_user).exists()
        # The session verified by the old phone is verified no more.
        assert client.get(INBOX)["Location"].startswith(SETUP)
        clock.tick(30)
        _enrol(client, staff_user)
    entry = ModelLogEntry.objects.get(action="accounts.two_step_reset")
    assert (entry.object_id, entry.user_id) == (str(staff_user.pk), superuser.pk)
    assert entry.data == {"devices": 2, "reason": "lost phone", "via": "reset_second_factor"}


def test_reset_command_names_an_unknown_user(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user named 'ghost'"):
        call_command("reset_second_factor", "ghost")


def test_public_pages_and_the_api_are_untouched(client, staff_user, demo):
    sign_in(client, "reception")
    assert client.get(demo.url).status_code == 200
    assert client.get("/api/v2/pages/").status_code == 200


def test_private_documents_need_the_second_factor_too(client, staff_user):
    sign_in(client, "reception")
    response = client.get("/documents/1/private.pdf")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)


def test_switched_off_by_the_test_settings(client, staff_user, settings):
    settings.CMS_REQUIRE_2FA = False
    sign_in(client, "reception")
    assert client.get(INBOX).status_code == 200
