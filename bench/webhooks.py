#!/usr/bin/env python
"""Webhook benchmark (issue 12): how long an editor waits when every webhook receiver hangs.

    .venv/bin/python bench/webhooks.py                   # SQLite in a temporary file
    .venv/bin/python bench/webhooks.py --pages 5 --endpoints 2 --hang 10

Creates a fresh SQLite database, migrates it and loads the demo, then points ``CMS_WEBHOOKS`` at
receivers on 127.0.0.1 that accept a request and answer only after ``--hang`` seconds. It times,
in-process through the admin (Django's test client, a signed-in superuser, real commits):

1. one page published (``save_revision().publish()``, as the editor's "Publish" does);
2. a bulk unpublish of ``--pages`` pages (the admin's bulk action, one POST);

and counts the requests the receivers got meanwhile (none: delivery waits for the worker). Then
it runs the worker once (``db_worker --batch``) and reports how many deliveries it attempted.
Before issue 12, each endpoint cost the editor the full timeout (5 s) per event.
"""

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


class HangingReceiver:
    """Counts each POST on 127.0.0.1 and answers 200 after ``hang`` seconds (or when closed)."""

    def __init__(self, hang):
        self.hang, self.count, self.closed = hang, 0, threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                receiver.count += 1
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.closed.wait(timeout=receiver.hang)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/revalidate"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.closed.set()
        self.server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=5, help="pages in the bulk unpublish")
    parser.add_argument("--endpoints", type=int, default=2, help="hanging receivers")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds each receiver waits")
    args = parser.parse_args()

    receivers = [HangingReceiver(args.hang) for _ in range(args.endpoints)]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.scale_settings",
        DATABASE_URL=f"sqlite:///{Path(tempfile.mkdtemp(prefix='cms-bench-hooks-')) / 'bench.sqlite3'}",
        CMS_WEBHOOKS=json.dumps([{"url": r.url, "secret": "bench-secret"} for r in receivers]),
        CMS_WEBHOOK_TIMEOUT="1",  # the worker's wait per request; the editor never waits on it
    )
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from clinic.models import Practitioner
    from tests.treatments.factories import make_treatment
    from treatments.models import TreatmentPage
    from webhooks.models import WebhookDelivery

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-superuser", verbosity=0)
    botox = TreatmentPage.objects.get(slug="botox")
    index = botox.get_parent().specific
    pages = [make_treatment(index, title=f"Bench {n}", slug=f"bench-{n}") for n in range(args.pages)]
    admin = get_user_model().objects.create_superuser("bench", "bench@example.com", "bench-password")
    # Only a practitioner publishes treatment pages: the bench's admin signs in as the demo's.
    practitioner = Practitioner.objects.order_by("pk").first()
    practitioner.user = admin
    practitioner.save()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    WebhookDelivery.objects.all().delete()
    for receiver in receivers:
        receiver.count = 0

    start = time.perf_counter()
    botox.save_revision(user=admin).publish(user=admin)
    publish_s = time.perf_counter() - start

    query = "&".join(f"id={page.pk}" for page in pages)
    start = time.perf_counter()
    response = client.post(f"/admin/bulk/wagtailcore/page/unpublish/?{query}", {"include_descendants": ""})
    bulk_s = time.perf_counter() - start
    contacted = sum(r.count for r in receivers)
    rows = WebhookDelivery.objects.count()

    start = time.perf_counter()
    call_command("db_worker", "--backend", "webhooks", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    worker_s = time.perf_counter() - start
    attempted = sum(r.count for r in receivers)
    for receiver in receivers:
        receiver.close()

    print(f"{args.endpoints} hanging receivers ({args.hang:g} s each), SQLite")
    print(f"  publish one page:            {publish_s * 1000:7.0f} ms")
    print(f"  bulk unpublish {args.pages} pages:     {bulk_s * 1000:7.0f} ms  (HTTP {response.status_code})")
    print(f"  receivers contacted by then: {contacted}; outbox rows: {rows}")
    print(f"  worker run (--batch):        {worker_s:7.1f} s, {attempted} deliveries attempted")
    ok = publish_s < 1 and bulk_s < 1 and contacted == 0 and attempted == rows
    print(
        "target (publish and bulk action under 1 s, no receiver contacted in the request):", "met" if ok else "NOT met"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
