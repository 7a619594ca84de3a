"""Sign-in and password reset lockout (django-axes): per username, per address, behind proxies, unlocked by command."""

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory

from accounts.throttling import client_ip
from consultations.ratelimit import client_address

from .conftest import LOGIN, sign_in

LOCKED = "Too many failed attempts. Try again in 15 minutes or ask a clinic manager to unlock your account."
RESET = "/admin/password_reset/"


def _locked(response):
    return response.status_code == 429 and response.content.decode().count(LOCKED) == 1


def test_five_wrong_passwords_lock_the_username_then_axes_reset_unlocks(client, superuser):
    answers = [sign_in(client, "boss", "wrong-guess") for _ in range(5)]
    assert [r.status_code for r in answers[:4]] == [200] * 4, "the first four are ordinary failures"
    assert "password didn&#x27;t match" in answers[0].content.decode()
    assert _locked(answers[4])
    assert answers[4]["Retry-After"] == "900"
    # The right password changes nothing while locked, and the page says why.
    assert _locked(sign_in(client, "boss"))
    assert not client.session.get("_auth_user_id")

    call_command("axes_reset", verbosity=0)
    response = sign_in(client, "boss")
    assert response.status_code == 302 and client.session.get("_auth_user_id") == str(superuser.pk)


def test_lockout_page_is_the_sign_in_page_with_a_message(client, superuser):
    for _ in range(5):
        response = sign_in(client, "boss", "wrong-guess")
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert '<form class="login-form"' in html and 'name="password"' in html
    assert LOCKED in html


def test_a_username_is_locked_whatever_the_address(client, superuser, settings):
    settings.CONSULTATION_TRUSTED_PROXIES = 1
    for n in range(5):
        sign_in(client, "boss", "wrong-guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert _locked(sign_in(client, "boss", HTTP_X_FORWARDED_FOR="203.0.113.77"))

    call_command("axes_reset_username", "boss", verbosity=0)
    assert sign_in(client, "boss", HTTP_X_FORWARDED_FOR="203.0.113.77").status_code == 302


def test_an_address_guessing_many_usernames_is_locked_for_all(client, superuser, editor_user, settings):
    settings.CONSULTATION_TRUSTED_PROXIES = 1
    attacker = {"HTTP_X_FORWARDED_FOR": "198.51.100.9"}
    for name in ["admin", "root", "manager", "frontdesk", "writer"]:
        sign_in(client, name, "Winter2024!", **attacker)
    assert _locked(sign_in(client, "boss", **attacker)), "the attacking address is out, for every username"
    # Behind the same proxy (same REMOTE_ADDR), another visitor's address is counted on its own.
    assert sign_in(client, "boss", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 302

    call_command("axes_reset_ip", "198.51.100.9", verbosity=0)
    client.logout()
    assert sign_in(client, "writer", **attacker).status_code == 302


def test_without_trusted_proxies_the_forwarded_header_is_ignored(client, superuser, settings):
    settings.CONSULTATION_TRUSTED_PROXIES = 0
    for n in range(5):
        sign_in(client, f"guess{n}", "x", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    assert _locked(sign_in(client, "boss", HTTP_X_FORWARDED_FOR="203.0.113.5")), "a spoofed header buys nothing"


@pytest.mark.parametrize(
    "proxies, remote, forwarded",
    [
        (0, "192.0.2.1", ""),
        (0, "192.0.2.1", "198.51.100.1"),
        (1, "192.0.2.1", "198.51.100.1"),
        (2, "192.0.2.1", "6.6.6.6, 198.51.100.1, 10.0.0.2"),
        (1, "192.0.2.1", "2001:db8:1:2:3:4:5:6"),
        (1, "192.0.2.1", "not-an-address"),
    ],
)
def test_axes_and_the_consultation_limit_see_the_same_client(settings, proxies, remote, forwarded):
    settings.CONSULTATION_TRUSTED_PROXIES = proxies
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    expected = client_address(None, request)
    assert client_ip(request) == (None if expected == "unknown" else expected)


def test_password_reset_requests_are_throttled(client, superuser):
    answers = [client.post(RESET, {"email": "Boss@clinic.example"}) for _ in range(5)]
    assert [r.status_code for r in answers[:4]] == [302] * 4
    assert _locked(answers[4])
    assert len(mail.outbox) == 4, "the locked request sends nothing"


def test_a_locked_out_address_cannot_turn_to_password_reset(client, superuser):
    for _ in range(5):
        sign_in(client, "boss", "wrong-guess")
    assert _locked(client.post(RESET, {"email": "someone-else@clinic.example"}))
    assert mail.outbox == []
    # Reading the forms stays possible: only attempts are counted.
    assert client.get(RESET).status_code == 200 and client.get(LOGIN).status_code == 200


def test_a_successful_sign_in_forgets_earlier_typos(client, superuser):
    for _ in range(4):
        sign_in(client, "boss", "typo")
    assert sign_in(client, "boss").status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "boss", "typo").status_code == 200, "four more typos are not a lockout"
