"""Every page of the demo site is valid HTML: zero errors from the Nu Html Checker (vnu.jar)."""

import json

from django.template.loader import render_to_string
from django.test import Client

# Warnings the checker gives for choices we keep on purpose: none so far; add with a reason.
ALLOWED_WARNINGS = ()


def test_every_page_is_valid_html(client, site_pages, fill_clinic_details, vnu, tmp_path, artifacts_dir):
    files = []
    for name, (path, status) in site_pages.items():
        response = client.get(path)
        assert response.status_code == status, path
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    # The treatment page with every kind of section really shows the newer ones.
    full = (tmp_path / "treatment-full.html").read_text()
    assert '<section class="before-after"' in full and '<div class="boxed-warning"' in full
    # Then with the Clinic details the demo leaves empty: address, hours, position, privacy notice.
    fill_clinic_details()
    for name, path in [("home-full-details", "/"), ("location-full-details", "/location/")]:
        response = client.get(path)
        assert response.status_code == 200 and b"1 Example Street" in response.content, path
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(response.content)
    files.append(tmp_path / "server-error.html")
    files[-1].write_text(render_to_string("500.html"))
    refused = Client(enforce_csrf_checks=True).post("/consultation/", {"name": "Ana"})
    assert refused.status_code == 403
    files.append(tmp_path / "csrf-refused.html")
    files[-1].write_bytes(refused.content)

    messages = vnu(files)
    (artifacts_dir / "vnu.json").write_text(json.dumps(messages, indent=2))
    errors = [m for m in messages if m["type"] in ("error", "non-document-error") or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning" and m["message"] not in ALLOWED_WARNINGS]
    report = "\n".join(f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors + warnings)
    assert not errors and not warnings, report
    assert {f.name for f in files} >= {
        "home.html",
        "botox.html",
        "treatment-full.html",
        "practitioner.html",
        "location.html",
        "consultation.html",
        "consultation-thanks.html",
        "location-full-details.html",
        "not-found.html",
        "server-error.html",
        "csrf-refused.html",
    }


def test_checker_finds_real_errors(vnu, tmp_path):
    # The check above cannot pass by accident: broken HTML is reported.
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div></p></body></html>')
    assert any(m["type"] == "error" for m in vnu([broken]))
