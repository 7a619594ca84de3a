#!/usr/bin/env python
"""Does a worker's memory grow with the requests it serves? (gunicorn's max_requests, issue 18)

    DATABASE_URL=sqlite:////path/to/catalogue.sqlite3 .venv/bin/python bench/worker_memory.py --requests 3000

Serves ``--requests`` requests in this process (Django's test client, every response cache
off, as bench/scale.py), rotating over the treatments index and its pages, treatment pages,
the API listing, detail and search, the site's search and the sitemap, and prints the resident
memory (RSS, not the peak) every ``--every`` requests. Growth per 1,000 requests, after the first
few hundred have filled what a worker keeps (templates, remembered lookups), is what
``GUNICORN_MAX_REQUESTS`` has to fit in.
"""

import argparse
import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--every", type=int, default=500)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.scale_settings")
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    from django.test import Client

    from treatments.models import TreatmentPage

    pages = list(TreatmentPage.objects.live().order_by("path").values_list("pk", "url_path")[:30])
    slugs = [path.split("/")[-2] for _pk, path in pages]
    urls = [f"/treatments/{slug}/" for slug in slugs] + [f"/api/v2/pages/{pk}/" for pk, _path in pages[:10]]
    urls += ["/treatments/", "/treatments/?page=2", "/api/v2/pages/?type=treatments.TreatmentPage"]
    urls += ["/api/v2/pages/?search=botox", "/search/?q=botox", "/search/?q=botox&page=3", "/sitemap.xml", "/"]
    client = Client(HTTP_HOST="127.0.0.1")
    start, figures = time.perf_counter(), []
    print(f"{len(urls)} URLs; RSS at start {rss_mb():.0f} MB", flush=True)
    for n in range(1, args.requests + 1):
        response = client.get(urls[n % len(urls)])
        if response.status_code != 200:
            raise SystemExit(f"{urls[n % len(urls)]} answered {response.status_code}")
        if n % args.every == 0:
            figures.append((n, rss_mb()))
            print(f"{n:>7} requests  RSS {figures[-1][1]:6.1f} MB  ({time.perf_counter() - start:.0f} s)", flush=True)
    if len(figures) >= 3:
        (n0, m0), (n1, m1) = figures[1], figures[-1]
        print(f"growth after {n0} requests: {(m1 - m0) / (n1 - n0) * 1000:+.2f} MB per 1,000 requests")


if __name__ == "__main__":
    main()
