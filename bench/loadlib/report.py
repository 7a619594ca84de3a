"""After the load: every rule checked, the figures printed (and written as JSON on request)."""

import json
import os
import subprocess
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import HEADERS, PROJECT, PYTHON, SCRIPT, marker_of
from .roles import read_editor

# Requests answered 503 are expected from the moment PostgreSQL stops until shortly after it is back.
RECOVERY_GRACE_SECONDS = 5


@dataclass
class Run:
    """What one run of the load leaves for the checks."""

    args: Any
    workdir: Path
    env: dict
    base_url: str
    treatment_id: int
    recorder: Any
    faults: list
    load_average: tuple
    server_log: Any
    windows: dict = field(default_factory=dict)


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
                "cached_pct": round(100 * recorder.cached[endpoint] / len(rows), 1) if rows else 0.0,
                "errors": len(rows) - len(ok),
                "status": {str(k): v for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))},
            }
        )
    return table, failures


def print_table(table):
    print(
        f"\n{'endpoint':<24}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'cached':>8}{'errors':>8}  statuses"
    )
    for row in table:
        statuses = ", ".join(f"{k}: {v}" for k, v in row["status"].items())
        print(
            f"{row['endpoint']:<24}{row['requests']:>9}{row['rps']:>8}{row['p50_ms']:>9}{row['p99_ms']:>9}"
            f"{row['cached_pct']:>7}%{row['errors']:>8}  {statuses}"
        )


def final_state(base_url, treatment_id, expected, wait_seconds):
    """Seconds until the API and the page show revision ``expected`` (None if they never do)."""
    import httpx

    started = time.monotonic()
    seen = {}
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=15) as client:
        while time.monotonic() - started <= wait_seconds:
            detail = client.get(f"/api/v2/pages/{treatment_id}/")
            page = client.get("/treatments/botox/")
            seen = {
                "api": marker_of(detail.json().get("summary", "")) if detail.status_code == 200 else detail.status_code,
                "page": marker_of(page.text) if page.status_code == 200 else page.status_code,
            }
            if seen == {"api": expected, "page": expected}:
                return time.monotonic() - started, seen
            time.sleep(1)
    return None, seen


def _stored_consultations(run):
    """How many rows each accepted reference has, counted by a Django process (``--role verify``)."""
    (run.workdir / "references.json").write_text(json.dumps(run.recorder.references))
    verify = subprocess.run(
        [str(PYTHON), str(SCRIPT), "--role", "verify", "--references", str(run.workdir / "references.json")],
        cwd=PROJECT,
        env=run.env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(verify.stdout.strip().splitlines()[-1])


def check_and_report(run):
    """Check every rule, print the figures; 0 when every check passes, else 1."""
    args, recorder, windows = run.args, run.recorder, run.windows
    table, failures = summarize(recorder, args.seconds, windows)
    attempted, published, failed_publishes = read_editor(run.workdir / "editor.jsonl")
    for endpoint, markers in recorder.markers_seen.items():
        unknown = markers - attempted - {0}
        if unknown:
            failures.append(f"{endpoint}: showed revisions never published: {sorted(unknown)[:5]}")

    found = _stored_consultations(run)
    missing = [ref for ref in recorder.references if found["counts"].get(ref) != 1]
    if missing:
        failures.append(f"consultations: {len(missing)} accepted references not stored exactly once: {missing[:5]}")
    if len(set(recorder.references)) != len(recorder.references):
        failures.append("consultations: a reference was handed out twice")

    last = published[-1] if published else 0
    waited, seen = final_state(run.base_url, run.treatment_id, last, args.final_wait)
    if waited is None:
        failures.append(f"final state: expected revision {last}, the site shows {seen}")

    health = defaultdict(int)
    for _, status in recorder.health:
        health[str(status)] += 1
    load_before, load_after = run.load_average
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
        run.server_log.flush()
        tail = (run.workdir / "gunicorn.log").read_text(errors="replace").splitlines()[-40:]
        print("\nlast lines of gunicorn's log:\n" + "\n".join(tail))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "seconds": args.seconds,
                    "readers": args.readers,
                    "submitters": args.submitters,
                    "workers": args.workers,
                    "faults": run.faults,
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
