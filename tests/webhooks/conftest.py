"""A real HTTP receiver on 127.0.0.1 and the settings that point webhooks at it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest import mock

import pytest
from django.core.management import call_command

SECRET = "receiver-shared-secret"


class Receiver:
    """Records every POST; answers 500 to the first ``fail_first`` of them, then 200.

    With ``hang=True`` it records a request and then does not answer until ``release()``
    (at most 30 s), like a receiver that hangs.
    """

    def __init__(self, fail_first=0, port=0, hang=False):
        self.fail_first = fail_first
        self.released = threading.Event()
        if not hang:
            self.released.set()
        self.requests = []
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        self.server.receiver = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/rebuild"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def events(self):
        import json

        return [json.loads(body)["event"] for _headers, body in self.requests]

    def release(self):
        self.released.set()

    def close(self):
        self.release()
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        receiver = self.server.receiver
        body = self.rfile.read(int(self.headers["Content-Length"]))
        receiver.requests.append((dict(self.headers), body))
        receiver.released.wait(timeout=30)
        status = 500 if len(receiver.requests) <= receiver.fail_first else 200
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"receiver is rebuilding" if status == 500 else b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver(settings):
    """A receiver that accepts everything, configured as the only endpoint."""
    receiver = Receiver()
    settings.CMS_WEBHOOKS = [{"url": receiver.url, "secret": SECRET}]
    yield receiver
    receiver.close()


@pytest.fixture
def flaky_receiver(settings):
    """A receiver that fails its first two requests with HTTP 500."""
    receiver = Receiver(fail_first=2)
    settings.CMS_WEBHOOKS = [{"url": receiver.url, "secret": SECRET}]
    yield receiver
    receiver.close()


@pytest.fixture(autouse=True)
def retry_policy(settings):
    # The shipped back-off; tests step the drain's clock instead of waiting for it.
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 30
    settings.CMS_WEBHOOK_RETRY_MAX_SECONDS = 3600
    settings.CMS_WEBHOOK_TIMEOUT = 2
    settings.CMS_WEBHOOK_MAX_ATTEMPTS = 4


def run_worker(max_tasks=None):
    """The webhook worker, in-process: runs every task that is due, then stops (``--batch``)."""
    args = ["db_worker", "--backend", "webhooks", "--batch", "--no-startup-delay", "--no-reload", "--verbosity", "0"]
    if max_tasks is not None:
        args += ["--max-tasks", str(max_tasks)]
    # The worker closes "old" database connections between tasks, as a long-running process should;
    # in-process it shares the test's connection, whose open transaction (the test's isolation) that
    # would end on PostgreSQL. Everything else is the real command against the real queue.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(*args)


@pytest.fixture
def committed_only(django_capture_on_commit_callbacks):
    """Run a change and then its on-commit callbacks, as a real commit would; no worker runs."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def committed(committed_only):
    """Run a change, commit it, and let the worker run the tasks that are due."""

    def run(change):
        result = committed_only(change)
        run_worker()
        return result

    return run
