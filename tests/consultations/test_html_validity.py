"""The consultation pages in every state (errors, confirmation, rate-limited) are valid HTML (Nu checker)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from freezegun import freeze_time

from .conftest import FORM

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def vnu():
    if not shutil.which("java"):
        pytest.skip("Java is not installed (the Nu Html Checker needs it)")
    if not VNU_JAR.exists():
        pytest.skip(f"{VNU_JAR} missing: run .ci/setup-browser (npm ci) to install vnu-jar")

    def check(files):
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *map(str, files)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        return json.loads(result.stderr or result.stdout)["messages"]

    return check


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
