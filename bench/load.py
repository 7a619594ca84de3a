#!/usr/bin/env python
"""Load and fault benchmark: the production stack under readers, patients and an editor at once.

    .venv/bin/python bench/load.py                      # 60 s against PostgreSQL + Redis
    .venv/bin/python bench/load.py --seconds 20 --restart-redis
    .venv/bin/python bench/load.py --restart-postgres

What it does, all on 127.0.0.1:

1. Creates the benchmark database ``cms_bench`` (dropped first), migrates it and loads the demo.
2. Starts its own Redis (port 6391, no persistence) and gunicorn with production settings
   (``gunicorn.conf.py``; behind a pretend TLS proxy: ``X-Forwarded-Proto: https``).
3. For ``--seconds``: ``--readers`` concurrent clients read the BOTOX page, the treatment index
   and the API (detail and listing); ``--submitters`` clients send consultation requests
   (``POST /api/v2/consultations/``); an editor process publishes a new revision of the BOTOX
   page every second (a marker ``[bench-N]`` in its summary); a prober polls ``/healthz``.
4. Reports requests per second, p50/p99 latency and errors per endpoint, then checks:
   no 5xx (503 only while PostgreSQL is down, always with Retry-After), every accepted
   consultation in the database exactly once, every page read whole and showing a revision the
   editor published, and the final API and page state equal to the last published revision.

Faults (the servers restarted are the benchmark's own, never the ones other work uses):

- ``--restart-redis``: Redis stops for ``--outage`` seconds mid-run; everything but /healthz must
  keep answering 200, uncached.
- ``--restart-postgres``: the benchmark runs a private PostgreSQL cluster (port 5439, created once
  under /var/tmp/cms-bench-pg) and stops it mid-run: clear 503s while it is down, recovery after,
  no accepted request lost.

Exit status 0 when every check passes. ``--json PATH`` also writes the figures as JSON.
The parts live in ``bench/loadlib/``: servers, roles (editor, verify), traffic, report.
"""

import argparse
import asyncio
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from loadlib import GUNICORN, HEADERS, PROJECT, PYTHON, SCRIPT, log
from loadlib.report import Run, check_and_report
from loadlib.roles import run_editor, run_verify
from loadlib.servers import (
    BENCH_DB,
    SHARED_POSTGRES,
    PrivatePostgres,
    Redis,
    healthy,
    manage,
    recreate_database,
    wait,
)
from loadlib.traffic import run_load


def production_env(args, server_url, redis, workdir):
    """The environment of every process of the run: production settings on the benchmark's servers."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"{server_url}/{BENCH_DB}",
        "REDIS_URL": redis.url,
        "CACHE_KEY_PREFIX": "bench",
        "SECURE_PROXY_SSL_HEADER": "true",
        "CONSULTATION_RATE_LIMIT": "1000000/m",
        "EMAIL_URL": "dummy://",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_ACCESS_LOG": "",
        "WEB_CONCURRENCY": str(args.workers),
        "LOG_LEVEL": "ERROR",
    }


def main(args):
    workdir = Path(tempfile.mkdtemp(prefix="cms-bench-"))
    redis = Redis(args.redis_port, workdir)
    services = {"redis": redis}
    if args.restart_postgres:
        postgres = PrivatePostgres()
        services["postgres"] = postgres
        postgres.start()
        server_url = postgres.url
    else:
        server_url = args.postgres
    gunicorn = editor = None
    try:
        redis.start()
        recreate_database(server_url)
        env = production_env(args, server_url, redis, workdir)
        log(f"preparing {BENCH_DB} on {server_url} (migrate, demo content, collectstatic)")
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo_content", "--no-superuser")
        manage(env, "collectstatic", "--noinput")

        server_log = open(workdir / "gunicorn.log", "w")
        gunicorn = subprocess.Popen(
            [str(GUNICORN), "cms.wsgi"], cwd=PROJECT, env=env, stdout=server_log, stderr=subprocess.STDOUT
        )
        base_url = f"http://127.0.0.1:{args.port}"
        import httpx

        wait(lambda: healthy(base_url), "gunicorn")
        listing = httpx.get(
            f"{base_url}/api/v2/pages/?type=treatments.TreatmentPage&slug=botox",
            headers={"X-Forwarded-Proto": HEADERS["X-Forwarded-Proto"]},
        ).json()
        treatment_id = listing["items"][0]["id"]

        editor_log = workdir / "editor.jsonl"
        editor = subprocess.Popen(
            [str(PYTHON), str(SCRIPT), "--role", "editor", "--seconds", str(args.seconds), "--out", str(editor_log)],
            cwd=PROJECT,
            env=env,
        )
        wait(lambda: editor_log.exists() and "ready" in editor_log.read_text(), "the editor")
        faults = [kind for kind in ("redis", "postgres") if getattr(args, f"restart_{kind}")]
        log(
            f"load: {args.seconds} s, {args.readers} readers, {args.submitters} submitters, 1 editor, "
            f"gunicorn {args.workers} workers; faults: {', '.join(faults) or 'none'}"
        )
        windows = {}
        # Client, server and databases share this machine: its load says how much the figures mean.
        load_before = os.getloadavg()[0]
        recorder = asyncio.run(run_load(args, base_url, treatment_id, services, windows))
        load_after = os.getloadavg()[0]
        editor.wait(timeout=30)

        run = Run(
            args=args,
            workdir=workdir,
            env=env,
            base_url=base_url,
            treatment_id=treatment_id,
            recorder=recorder,
            faults=faults,
            load_average=(load_before, load_after),
            server_log=server_log,
            windows=windows,
        )
        return check_and_report(run)
    finally:
        for process in (editor, gunicorn):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        redis.stop()
        if "postgres" in services:
            services["postgres"].stop()  # the private cluster runs only while the benchmark does
        shutil.rmtree(workdir, ignore_errors=True)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="how long the load runs (default 60)")
    parser.add_argument("--readers", type=int, default=24, help="concurrent readers (default 24)")
    parser.add_argument("--submitters", type=int, default=4, help="concurrent consultation senders (default 4)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes (default 3)")
    parser.add_argument("--port", type=int, default=8100, help="gunicorn's port on 127.0.0.1 (default 8100)")
    parser.add_argument("--redis-port", type=int, default=6391, help="the benchmark's own Redis port (default 6391)")
    parser.add_argument(
        "--postgres", default=SHARED_POSTGRES, help=f"PostgreSQL server URL (default {SHARED_POSTGRES})"
    )
    parser.add_argument("--restart-redis", action="store_true", help="stop Redis mid-run, then start it again")
    parser.add_argument("--restart-postgres", action="store_true", help="stop PostgreSQL mid-run (private cluster)")
    parser.add_argument("--outage", type=float, default=5, help="seconds a restarted server stays down (default 5)")
    parser.add_argument("--final-wait", type=int, default=30, help="seconds to wait for the final state (default 30)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--role", choices=["editor", "verify"], help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--references", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 3600:
        parser.error("--seconds must be between 1 and 3600")
    return args


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT))
    options = parse_args()
    if options.role == "editor":
        run_editor(options.seconds, options.out)
    elif options.role == "verify":
        run_verify(options.references)
    else:
        sys.exit(main(options))
