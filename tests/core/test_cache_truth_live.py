"""A publish in another process shows in the running server's very next answer (issue 12)."""

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]

PUBLISH = (
    "from treatments.models import TreatmentPage; page = TreatmentPage.objects.get(slug='botox'); "
    "revision = page.get_latest_revision_as_object(); revision.summary = 'Published from another process.'; "
    "revision.save_revision().publish()"
)


def database_url():
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers, response.read().decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_in_another_process_shows_at_once(demo, live_server, settings):
    if connection.vendor != "postgresql":
        pytest.skip("another process needs a database it can open: the SQLite test database lives in memory")
    settings.CMS_PAGE_CACHE_TIMEOUT = 300
    api, page = f"{live_server.url}/api/v2/pages/{demo.pk}/", f"{live_server.url}/treatments/botox/"
    for url in (api, page):
        get(url)
        assert get(url)[0]["X-CMS-Cache"] == "hit"

    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=database_url())
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PUBLISH], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr

    assert "Published from another process." in get(api)[1]
    assert "Published from another process." in get(page)[1]
