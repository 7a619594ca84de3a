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
"""

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"
MARKER = re.compile(r"\[bench-(\d+)\]")
SHARED_POSTGRES = "postgres://postgres@127.0.0.1:5432"
PRIVATE_PG_DIR = Path("/var/tmp/cms-bench-pg")
PRIVATE_PG_PORT = 5439
BENCH_DB = "cms_bench"
# Text every whole BOTOX page and API body contains (the dosage section of the demo).
WHOLE_PAGE_TEXT = "How Many Units Will I Need?"
# Requests answered 503 are expected from the moment PostgreSQL stops until shortly after it is back.
RECOVERY_GRACE_SECONDS = 5


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# Servers the benchmark runs itself.


class Redis:
    """A private, non-persistent Redis on its own port."""

    def __init__(self, port, workdir):
        self.port, self.workdir, self.process = port, workdir, None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait(lambda: _succeeds(["redis-cli", "-p", str(self.port), "ping"]), "Redis")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


class PrivatePostgres:
    """A PostgreSQL cluster only the benchmark uses, so stopping it disturbs nobody else."""

    def __init__(self, port=PRIVATE_PG_PORT, data=PRIVATE_PG_DIR):
        self.port, self.data = port, data
        self.bin = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1])

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}"

    def _as_postgres(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL)

    def start(self):
        if not (self.data / "PG_VERSION").exists():
            self.data.mkdir(parents=True, exist_ok=True)
            if os.geteuid() == 0:
                shutil.chown(self.data, "postgres", "postgres")
            self._as_postgres(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust")
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k /tmp"
        if not _succeeds([str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]):
            self._as_postgres(
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.data / "log"),
                "-o",
                options,
                "-w",
                "start",
            )

    def stop(self):
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


def _succeeds(command):
    return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def _wait(check, name, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise SystemExit(f"{name} did not come up within {seconds} s")


def _recreate_database(server_url):
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")


def _manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)


# Roles run in their own processes, with Django set up.


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


# The load itself.


class Recorder:
    """Every request's outcome, by endpoint."""

    def __init__(self):
        self.results = defaultdict(list)  # endpoint -> [(t, status, seconds, problem, retry_after)]
        self.markers_seen = defaultdict(set)
        self.references = []
        self.health = []  # (t, status)

    def add(self, endpoint, t, status, seconds, problem=None, retry_after=None):
        self.results[endpoint].append((t, status, seconds, problem, retry_after))


def _marker(text):
    found = MARKER.findall(text)
    return int(found[-1]) if found else 0


def _check_html(text):
    if "</html>" not in text or WHOLE_PAGE_TEXT not in text:
        return None, "page incomplete"
    return _marker(text), None


def _check_index(text):
    if "</html>" not in text or "BOTOX" not in text:
        return None, "index incomplete"
    return _marker(text), None


def _check_detail(text):
    data = json.loads(text)
    if not any(block["type"] == "dosage" for block in data["body"]):
        return None, "body incomplete"
    return _marker(data["summary"]), None


def _check_listing(text):
    data = json.loads(text)
    botox = [item for item in data["items"] if item["meta"]["slug"] == "botox"]
    if len(botox) != 1 or WHOLE_PAGE_TEXT not in json.dumps(botox[0]["body"]):
        return None, "listing incomplete"
    return _marker(botox[0]["summary"]), None


async def reader(client, recorder, endpoints, deadline):
    while time.monotonic() < deadline:
        name, url, check = random.choice(endpoints)
        started = time.monotonic()
        t = time.time()
        try:
            response = await client.get(url)
        except Exception as error:
            recorder.add(name, t, None, time.monotonic() - started, f"transport: {type(error).__name__}")
            await asyncio.sleep(0.05)
            continue
        elapsed = time.monotonic() - started
        problem = None
        if response.status_code == 200:
            try:
                marker, problem = check(response.text)
            except (ValueError, KeyError, TypeError) as error:
                marker, problem = None, f"unparsable: {type(error).__name__}"
            if marker is not None:
                recorder.markers_seen[name].add(marker)
        recorder.add(name, t, response.status_code, elapsed, problem, response.headers.get("Retry-After"))


async def submitter(client, recorder, treatment_id, deadline):
    while time.monotonic() < deadline:
        token = f"bench-token-{secrets.token_hex(8)}"
        payload = {
            "name": "Bench Patient",
            "email": "patient@example.com",
            "treatment": treatment_id,
            "preferred_time": "morning",
            "message": token,
            "consent": True,
        }
        started = time.monotonic()
        t = time.time()
        try:
            response = await client.post("/api/v2/consultations/", json=payload)
        except Exception as error:
            recorder.add("POST consultation", t, None, time.monotonic() - started, f"transport: {type(error).__name__}")
            await asyncio.sleep(0.05)
            continue
        problem = None
        if response.status_code == 201:
            try:
                recorder.references.append(response.json()["reference"])
            except (ValueError, KeyError):
                problem = "201 without a reference"
        elif response.status_code < 500:
            problem = f"refused: {response.text[:120]}"
        recorder.add(
            "POST consultation",
            t,
            response.status_code,
            time.monotonic() - started,
            problem,
            response.headers.get("Retry-After"),
        )


async def prober(client, recorder, deadline):
    while time.monotonic() < deadline:
        try:
            response = await client.get("/healthz")
            recorder.health.append((time.time(), response.status_code))
        except Exception:
            recorder.health.append((time.time(), None))
        await asyncio.sleep(0.5)


async def fault(kind, services, at, outage, windows):
    await asyncio.sleep(at)
    down = time.time()
    log(f"fault: stopping {kind}")
    await asyncio.to_thread(services[kind].stop)
    await asyncio.sleep(outage)
    log(f"fault: starting {kind}")
    await asyncio.to_thread(services[kind].start)
    windows[kind] = (down, time.time())
    log(f"fault: {kind} back after {windows[kind][1] - down:.1f} s")


async def run_load(args, base_url, treatment_id, services, windows):
    import httpx

    recorder = Recorder()
    endpoints = [
        ("GET /treatments/botox/", "/treatments/botox/", _check_html),
        ("GET /treatments/", "/treatments/", _check_index),
        ("GET api detail", f"/api/v2/pages/{treatment_id}/", _check_detail),
        ("GET api listing", "/api/v2/pages/?type=treatments.TreatmentPage&fields=*", _check_listing),
    ]
    limits = httpx.Limits(max_connections=args.readers + args.submitters + 2)
    headers = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    deadline = time.monotonic() + args.seconds
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits, timeout=15) as client:
        tasks = [reader(client, recorder, endpoints, deadline) for _ in range(args.readers)]
        tasks += [submitter(client, recorder, treatment_id, deadline) for _ in range(args.submitters)]
        tasks.append(prober(client, recorder, deadline))
        for kind in ("redis", "postgres"):
            if getattr(args, f"restart_{kind}"):
                tasks.append(fault(kind, services, args.seconds / 3, args.outage, windows))
        await asyncio.gather(*tasks)
    return recorder


# Checking and reporting.


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def summarize(recorder, seconds, windows):
    """Figures per endpoint, and every failed rule."""
    postgres_window = windows.get("postgres")
    failures, table = [], []

    def in_outage(t, seconds):
        # A request in flight when the database stopped counts too: its answer comes during the outage.
        return (
            postgres_window and t + seconds >= postgres_window[0] and t <= postgres_window[1] + RECOVERY_GRACE_SECONDS
        )

    for endpoint, rows in sorted(recorder.results.items()):
        ok = [row for row in rows if row[1] is not None and row[1] < 400 and row[3] is None]
        counts = defaultdict(int)
        for t, status, elapsed, problem, retry_after in rows:
            counts[status] += 1
            if status is None or status >= 500:
                if status == 503 and in_outage(t, elapsed) and retry_after:
                    continue
                failures.append(f"{endpoint}: {status or problem} at +{t - rows[0][0]:.1f} s")
            elif problem:
                failures.append(f"{endpoint}: {status} {problem}")
        latencies = [row[2] * 1000 for row in ok]
        table.append(
            {
                "endpoint": endpoint,
                "requests": len(rows),
                "rps": round(len(rows) / seconds, 1),
                "p50_ms": round(_percentile(latencies, 0.50), 1),
                "p99_ms": round(_percentile(latencies, 0.99), 1),
                "errors": len(rows) - len(ok),
                "status": {str(k): v for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))},
            }
        )
    return table, failures


def _read_editor(path):
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


def print_table(table):
    print(f"\n{'endpoint':<24}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}  statuses")
    for row in table:
        statuses = ", ".join(f"{k}: {v}" for k, v in row["status"].items())
        print(
            f"{row['endpoint']:<24}{row['requests']:>9}{row['rps']:>8}{row['p50_ms']:>9}{row['p99_ms']:>9}"
            f"{row['errors']:>8}  {statuses}"
        )


def final_state(base_url, treatment_id, expected, wait_seconds):
    """Seconds until the API and the page show revision ``expected`` (None if they never do)."""
    import httpx

    headers = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    started = time.monotonic()
    seen = {}
    with httpx.Client(base_url=base_url, headers=headers, timeout=15) as client:
        while time.monotonic() - started <= wait_seconds:
            detail = client.get(f"/api/v2/pages/{treatment_id}/")
            page = client.get("/treatments/botox/")
            seen = {
                "api": _marker(detail.json().get("summary", "")) if detail.status_code == 200 else detail.status_code,
                "page": _marker(page.text) if page.status_code == 200 else page.status_code,
            }
            if seen == {"api": expected, "page": expected}:
                return time.monotonic() - started, seen
            time.sleep(1)
    return None, seen


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
        _recreate_database(server_url)
        env = {
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
        log(f"preparing {BENCH_DB} on {server_url} (migrate, demo content, collectstatic)")
        _manage(env, "migrate", "--noinput")
        _manage(env, "load_demo_content", "--no-superuser")
        _manage(env, "collectstatic", "--noinput")

        server_log = open(workdir / "gunicorn.log", "w")
        gunicorn = subprocess.Popen(
            [str(GUNICORN), "cms.wsgi"], cwd=PROJECT, env=env, stdout=server_log, stderr=subprocess.STDOUT
        )
        base_url = f"http://127.0.0.1:{args.port}"
        import httpx

        _wait(lambda: _healthy(httpx, base_url), "gunicorn")
        listing = httpx.get(
            f"{base_url}/api/v2/pages/?type=treatments.TreatmentPage&slug=botox",
            headers={"X-Forwarded-Proto": "https"},
        ).json()
        treatment_id = listing["items"][0]["id"]

        editor_log = workdir / "editor.jsonl"
        editor = subprocess.Popen(
            [str(PYTHON), __file__, "--role", "editor", "--seconds", str(args.seconds), "--out", str(editor_log)],
            cwd=PROJECT,
            env=env,
        )
        _wait(lambda: editor_log.exists() and "ready" in editor_log.read_text(), "the editor")
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

        table, failures = summarize(recorder, args.seconds, windows)
        attempted, published, failed_publishes = _read_editor(editor_log)
        for endpoint, markers in recorder.markers_seen.items():
            unknown = markers - attempted - {0}
            if unknown:
                failures.append(f"{endpoint}: showed revisions never published: {sorted(unknown)[:5]}")

        (workdir / "references.json").write_text(json.dumps(recorder.references))
        verify = subprocess.run(
            [str(PYTHON), __file__, "--role", "verify", "--references", str(workdir / "references.json")],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        found = json.loads(verify.stdout.strip().splitlines()[-1])
        missing = [ref for ref in recorder.references if found["counts"].get(ref) != 1]
        if missing:
            failures.append(f"consultations: {len(missing)} accepted references not stored exactly once: {missing[:5]}")
        if len(set(recorder.references)) != len(recorder.references):
            failures.append("consultations: a reference was handed out twice")

        last = published[-1] if published else 0
        waited, seen = final_state(base_url, treatment_id, last, args.final_wait)
        if waited is None:
            failures.append(f"final state: expected revision {last}, the site shows {seen}")

        health = defaultdict(int)
        for _, status in recorder.health:
            health[str(status)] += 1
        print_table(table)
        total = sum(row["requests"] for row in table)
        print(f"\ntotal: {total} requests, {total / args.seconds:.0f} req/s over {args.seconds} s")
        print(f"machine: {os.cpu_count()} cores, load average {load_before:.1f} before, {load_after:.1f} after")
        print(f"editor: {len(published)} revisions published, {failed_publishes} attempts failed (database down)")
        print(
            f"consultations: {len(recorder.references)} accepted, all stored exactly once: {not missing} "
            f"(bench rows in the database: {found['bench_rows']})"
        )
        print(f"/healthz answers: {dict(health)}")
        for kind, (down, up) in windows.items():
            print(f"{kind}: down {up - down:.1f} s")
        if waited is not None:
            print(f"final state: API and page show the last published revision ({last}) after {waited:.1f} s")
        print("\nchecks: " + ("all passed" if not failures else f"{len(failures)} FAILED"))
        for failure in failures[:30]:
            print(f"  - {failure}")
        if failures:
            server_log.flush()
            tail = (workdir / "gunicorn.log").read_text(errors="replace").splitlines()[-40:]
            print("\nlast lines of gunicorn's log:\n" + "\n".join(tail))
        if args.json:
            Path(args.json).write_text(
                json.dumps(
                    {
                        "seconds": args.seconds,
                        "readers": args.readers,
                        "submitters": args.submitters,
                        "workers": args.workers,
                        "faults": faults,
                        "cores": os.cpu_count(),
                        "load_average": [round(load_before, 1), round(load_after, 1)],
                        "endpoints": table,
                        "published": len(published),
                        "consultations_accepted": len(recorder.references),
                        "health": dict(health),
                        "failures": failures,
                    },
                    indent=2,
                )
            )
        return 0 if not failures else 1
    finally:
        for process in (editor, gunicorn):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
        redis.stop()
        if "postgres" in services:
            services["postgres"].stop()  # the private cluster runs only while the benchmark does
        shutil.rmtree(workdir, ignore_errors=True)


def _healthy(httpx, base_url):
    try:
        return httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


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
