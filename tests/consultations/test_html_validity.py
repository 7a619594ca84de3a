"""The consultation pages in every state (errors, confirmation, rate-limited) are valid HTML (Nu checker)."""

from freezegun import freeze_time

from .conftest import FORM


def test_every_state_is_valid_html(client, form_data, vnu, tmp_path, settings):
    settings.CONSULTATION_RATE_LIMIT = "3/h"
    pages = {}
    with freeze_time():
        pages["errors"] = client.post(FORM, {**form_data, "name": "", "email": "x", "phone": "", "consent": ""})
        pages["contact-error"] = client.post(FORM, {**form_data, "email": "", "phone": ""})
        client.post(FORM, form_data)
        pages["thanks"] = client.get("/consultation/thanks/")
        pages["rate-limited"] = client.post(FORM, form_data)
    assert [r.status_code for r in pages.values()] == [400, 400, 200, 429]
    assert "CR-" in pages["thanks"].content.decode()
    files = []
    for name, response in pages.items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    messages = vnu(files)
    problems = [m for m in messages if m["type"] == "error" or m.get("subType") in ("fatal", "warning")]
    assert not problems, "\n".join(
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in problems
    )
