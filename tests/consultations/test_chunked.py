"""Chunked request bodies (no Content-Length), sent over real sockets: the test client never chunks.

gunicorn (the production server, started here with the project's gunicorn.conf.py) decodes chunked
bodies: they are accepted up to the size limit. Django's runserver (pytest-django's live_server)
cannot hand them to the application: the endpoint says so with 411 instead of "not valid JSON".
"""

import http.client
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from consultations.models import ConsultationRequest

from .conftest import API

PROJECT = Path(__file__).resolve().parents[2]
REQUEST = {"name": "Jane Doe", "phone": "503-555-0100", "consent": True}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(tmp_path):
    """A URL for another process to reach this test's database (committed rows: transactional_db)."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database lives in this process's memory: hand gunicorn a copy on disk.
        path = tmp_path / "gunicorn.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}", path
    user = settings_dict["USER"] + (f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else "")
    host = f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
    return f"postgres://{user}@{host}/{settings_dict['NAME']}", None


@pytest.fixture
def gunicorn(transactional_db, tmp_path):
    """gunicorn with the project's config, one worker, on a free port; yields (port, rows)."""
    url, sqlite_path = _database_url(tmp_path)
    port = _free_port()
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; the deploy check gunicorn runs refuses it.
    environment = {
        k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=url,
        CONSULTATION_RATE_LIMIT="",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        GUNICORN_ACCESS_LOG="",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi"],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "gunicorn.log", "w"),  # noqa: SIM115 (closed with the process)
    )
    try:
        _wait_until_up(port, server, tmp_path)

        def rows():
            if sqlite_path is None:
                return ConsultationRequest.objects.count()
            with sqlite3.connect(sqlite_path) as db:
                return db.execute("SELECT count(*) FROM consultations_consultationrequest").fetchone()[0]

        yield port, rows
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(port, server, tmp_path):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail("gunicorn exited: " + (tmp_path / "gunicorn.log").read_text())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not start: " + (tmp_path / "gunicorn.log").read_text())


def _post_chunked(port, pieces):
    """POST the byte strings as chunks (Transfer-Encoding: chunked) and return the status and JSON body.

    A server may answer before it has read the body (411, 413) and close: sending further chunks then
    fails with a broken pipe, which is the server's right, so the response is read whatever the send did.
    """
    head = (
        f"POST {API} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    ).encode()
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            sock.sendall(head)
            for start in range(0, len(chunks), 64):
                sock.sendall(chunks[start : start + 64])
        except (BrokenPipeError, ConnectionResetError):
            pass
        response = http.client.HTTPResponse(sock)
        response.begin()
        return response.status, json.loads(response.read() or b"null")


def _pieces(data, size):
    body = json.dumps(data).encode()
    return [body[i : i + size] for i in range(0, len(body), size)]


# Like every live-server test here: restore the snapshot, so later such tests find the content
# types at the ids they were created with.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gunicorn_reads_chunked_bodies_up_to_the_limit(gunicorn):
    # One server for the three cases: starting gunicorn is the slow part.
    port, rows = gunicorn
    status, body = _post_chunked(port, _pieces(REQUEST, 7))
    assert status == 201, body
    assert body["reference"].startswith("CR-")
    assert rows() == 1

    status, body = _post_chunked(port, _pieces({**REQUEST, "message": "x" * 20_000}, 1024))
    assert (status, body["code"]) == (413, "too_large")

    status, body = _post_chunked(port, [b'{"name": ', b"nope"])
    assert (status, body["code"]) == (400, "invalid_json")
    assert rows() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_runserver_says_it_cannot_read_a_chunked_body(live_server, settings):
    settings.CONSULTATION_RATE_LIMIT = ""
    port = int(live_server.url.rsplit(":", 1)[1])
    status, body = _post_chunked(port, _pieces(REQUEST, 7))
    assert (status, body["code"]) == (411, "length_required")
    assert "Content-Length" in body["message"]
    assert not ConsultationRequest.objects.exists()
