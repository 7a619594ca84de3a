"""Roles run in their own processes, with Django set up: the editor and the final count."""

import json
import time
from pathlib import Path

from . import MARKER


def _django():
    import django

    django.setup()


def run_editor(seconds, out_path):
    """Publish a new revision of the BOTOX page every second for ``seconds``; log each attempt."""
    _django()
    from django.db import close_old_connections

    from treatments.models import TreatmentPage

    n = 0
    with open(out_path, "a", buffering=1) as out:
        # The load starts when the editor is ready: Django's start-up takes seconds on a busy machine.
        out.write(json.dumps({"event": "ready", "t": time.time()}) + "\n")
        until = time.time() + seconds
        while time.time() < until:
            started = time.time()
            n += 1
            marker = f"[bench-{n}]"
            # Logged before publishing: a commit whose answer is lost still counts as published.
            out.write(json.dumps({"marker": n, "event": "attempt", "t": started}) + "\n")
            try:
                close_old_connections()
                page = TreatmentPage.objects.get(slug="botox")
                page.summary = MARKER.sub("", page.summary).rstrip() + f" {marker}"
                page.save_revision().publish()
                out.write(json.dumps({"marker": n, "event": "published", "t": time.time()}) + "\n")
            except Exception as error:  # the database may be down on purpose: try again next second
                out.write(json.dumps({"marker": n, "event": "failed", "t": time.time(), "error": type(error).__name__}))
                out.write("\n")
                from django.db import connection

                connection.close()
            time.sleep(max(0.0, 1.0 - (time.time() - started)))


def read_editor(path):
    """The editor's log: markers attempted, markers published, failed attempts."""
    attempted, published, failed = set(), [], 0
    for line in Path(path).read_text().splitlines():
        entry = json.loads(line)
        if entry["event"] == "ready":
            continue
        if entry["event"] == "attempt":
            attempted.add(entry["marker"])
        elif entry["event"] == "published":
            published.append(entry["marker"])
        else:
            failed += 1
    return attempted, published, failed


def run_verify(references_path):
    """Print how many rows each accepted consultation reference has."""
    _django()
    from django.db.models import Count

    from consultations.models import ConsultationRequest

    references = json.loads(Path(references_path).read_text())
    counts = dict(
        ConsultationRequest.objects.filter(reference__in=references)
        .values_list("reference")
        .annotate(n=Count("pk"))
        .values_list("reference", "n")
    )
    bench_rows = ConsultationRequest.objects.filter(message__startswith="bench-token-").count()
    print(json.dumps({"counts": counts, "bench_rows": bench_rows}))
