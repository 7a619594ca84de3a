"""The sign-in screens added here (set-up, recovery codes, code, lockout) are valid HTML with labelled fields."""

import re

from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import SETUP, VERIFY, current_code, sign_in


def test_two_step_and_lockout_pages_are_valid_html(client, staff_user, superuser, vnu, tmp_path):
    pages = {}
    sign_in(client, "reception")
    pages["setup"] = client.get(SETUP)
    pages["setup-error"] = client.post(SETUP, {"code": "12"})
    device = TOTPDevice.objects.get(user=staff_user)
    device.throttle_reset()
    pages["recovery-codes"] = client.post(SETUP, {"code": current_code(device)}, follow=True)
    client.post("/admin/logout/")
    sign_in(client, "reception")
    pages["verify"] = client.get(VERIFY)
    pages["verify-error"] = client.post(VERIFY, {"code": "not-a-code"})
    client.post("/admin/logout/")
    for _ in range(5):
        pages["locked-out"] = sign_in(client, "boss", "wrong-guess")
    assert [r.status_code for r in pages.values()] == [200, 200, 200, 200, 200, 429]

    for name, response in pages.items():
        html = response.content.decode()
        fields = re.findall(r'<input[^>]+type="text"[^>]+id="([^"]+)"', html)
        assert fields or name == "recovery-codes", name
        for field_id in fields:
            assert f'for="{field_id}"' in html, f"{name}: #{field_id} has no label"
    files = []
    for name, response in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    problems = [m for m in vnu(files) if m["type"] == "error" or m.get("subType") in ("fatal", "warning")]
    assert not problems, "\n".join(
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in problems
    )
