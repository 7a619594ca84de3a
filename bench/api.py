#!/usr/bin/env python
"""API benchmark: our treatment detail (cold and warm cache), Wagtail's stock detail, the ceiling.

    .venv/bin/python bench/api.py                 # 3 rounds of 10 s per endpoint
    .venv/bin/python bench/api.py --seconds 20 --rounds 5 --workers 2 --connections 8

All on 127.0.0.1, bounded in time. The script:

1. Creates a temporary SQLite database, migrates it and loads the demo content (BOTOX page).
2. Serves the project with gunicorn (``--workers``) under ``bench.api_settings``, which adds two
   bench-only URLs: Wagtail's stock ``PagesAPIViewSet`` (``/bench/stock/pages/<id>/``) and a
   minimal Django view returning the exact bytes of our detail response (``/bench/ceiling/``).
3. Measures requests per second with ``wrk`` (Debian package ``wrk``; without it, a Python
   client with as many processes and connections: slower than wrk, so it caps the fast
   endpoints, but the same for every endpoint) for each of:
   our detail with the response cache off (cold: every request builds the response), Wagtail's
   stock detail of the same page, the ceiling, and our detail with the cache on (warm); in
   ``--rounds`` rounds, each endpoint once per round in a rotating order, keeping each
   endpoint's median round (a shared machine's noise moves single runs by 20% or more).
4. Prints the figures and their ratios to the ceiling, and checks the targets: warm >= 0.7x
   ceiling, cold >= 0.10x ceiling and >= 1.5x stock (issue 11: public extension points only,
   at least 1.5x stock). Exit status 0 when all are met.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"
SETTINGS = "bench.api_settings"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)


class Server:
    """gunicorn serving the project on a free loopback port until stopped."""

    def __init__(self, env, workers):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(GUNICORN), "cms.wsgi:application", "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers)]
            # Plain gunicorn (sync workers), not the project's gunicorn.conf.py: its threads and
            # worker recycling (max_requests) would restart workers in the middle of a measurement.
            + ["--config", os.devnull, "--worker-class", "sync"]
            + ["--access-logfile", "/dev/null", "--error-logfile", "-", "--log-level", "warning"],
            cwd=PROJECT,
            env=env,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/api/v2/clinic/", timeout=2).read()
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=10) as response:
            return response.status, response.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


def wrk(url, seconds, connections, threads):
    """Requests per second of ``url`` (errors counted: any non-2xx fails the run)."""
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"errors while measuring {url}:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    return rps, p99.group(1) if p99 else "?"


def python_load(url, seconds, connections, threads):
    """``wrk``'s figures without wrk: ``threads`` processes sharing ``connections`` client threads."""
    parts = urllib.parse.urlsplit(url)
    request = f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n".encode()
    shares = [connections // threads + (i < connections % threads) for i in range(threads)]
    with concurrent.futures.ProcessPoolExecutor(threads) as pool:
        futures = [pool.submit(_client_process, parts.hostname, parts.port, request, seconds, n) for n in shares]
        runs = [future.result() for future in futures]
    latencies = sorted(latency for run in runs for latency in run[0])
    errors = sum(run[1] for run in runs)
    if errors or not latencies:
        raise SystemExit(f"errors while measuring {url}: {errors} responses not 2xx or failed")
    return len(latencies) / seconds, f"{latencies[int(len(latencies) * 0.99)] * 1000:.2f}ms"


def _client_process(host, port, request, seconds, connections):
    deadline = time.monotonic() + seconds
    latencies, errors = [], []

    def client():
        # A new connection per request, as gunicorn's sync workers close each one.
        while (start := time.monotonic()) < deadline:
            try:
                with socket.create_connection((host, port), timeout=10) as s:
                    s.sendall(request)
                    head = s.recv(65536)
                    while s.recv(65536):
                        pass
            except OSError:
                errors.append(1)
                continue
            if head[9:10] == b"2":
                latencies.append(time.monotonic() - start)
            else:
                errors.append(1)

    workers = [threading.Thread(target=client) for _ in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return latencies, len(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="duration of each measurement")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--rounds", type=int, default=3, help="measurements per endpoint (the median counts)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    measure = wrk if shutil.which("wrk") else python_load

    tmp = Path(tempfile.mkdtemp(prefix="cms-bench-api-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "PYTHONPATH": str(PROJECT),
        "REDIS_URL": "",  # local memory cache: the bench measures the app, not the network
    }
    env.pop("BENCH_CEILING_FILE", None)
    servers = []
    try:
        print("Preparing a temporary database with the demo content...", flush=True)
        run(env, "migrate", "--noinput")
        run(env, "load_demo_content", "--no-superuser")

        # The page and the exact bytes of our detail response, for the ceiling view.
        probe = Server({**env, "CMS_API_CACHE_TIMEOUT": "0"}, 1)
        servers.append(probe)
        listing = json.loads(probe.get("/api/v2/pages/?type=treatments.TreatmentPage&slug=botox")[1])
        page_id = listing["items"][0]["id"]
        detail = f"/api/v2/pages/{page_id}/"
        status, body = probe.get(detail)
        assert status == 200 and b'"body"' in body
        stock_status, stock_body = probe.get(f"/bench/stock/pages/{page_id}/")
        assert stock_status == 200
        probe.stop()
        ceiling_file = tmp / "ceiling.json"
        ceiling_file.write_bytes(body)
        env["BENCH_CEILING_FILE"] = str(ceiling_file)

        # Both servers run side by side; each round measures every endpoint once, in a rotating
        # order, so a noisy neighbour on a shared machine hurts one round, not one endpoint.
        cold = Server({**env, "CMS_API_CACHE_TIMEOUT": "0"}, args.workers)
        servers.append(cold)
        warm = Server(env, args.workers)
        servers.append(warm)
        targets = {
            "cold": (cold, detail),
            "stock": (cold, f"/bench/stock/pages/{page_id}/"),
            "ceiling": (cold, "/bench/ceiling/"),
            "warm": (warm, detail),
        }
        for server, path in targets.values():
            for _ in range(args.workers * 4):
                server.get(path)  # warm up every worker (imports, renditions, the warm cache)
        rounds = {name: [] for name in targets}
        names = list(targets)
        for round_number in range(args.rounds):
            for name in names[round_number % len(names) :] + names[: round_number % len(names)]:
                server, path = targets[name]
                print(f"Round {round_number + 1}/{args.rounds}: {name} ({path}) for {args.seconds} s...", flush=True)
                rounds[name].append(measure(server.base + path, args.seconds, args.connections, args.threads))
        # Each endpoint's median round.
        results = {name: sorted(runs)[len(runs) // 2] for name, runs in rounds.items()}
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    ceiling = results["ceiling"][0]
    print()
    client = "wrk" if measure is wrk else "python client (no wrk)"
    print(f"gunicorn -w {args.workers}, {client} -t{args.threads} -c{args.connections} -d{args.seconds}s, SQLite")
    print(f"median of {args.rounds} rounds; every round's req/s:")
    for name, runs in rounds.items():
        print(f"  {name:<8}" + "".join(f"{rps:>9.0f}" for rps, _ in runs))
    print(f"our detail {len(body)} bytes; Wagtail's stock detail {len(stock_body)} bytes")
    print(f"{'endpoint':<34}{'req/s':>10}{'x ceiling':>12}{'p99':>10}")
    labels = {
        "ceiling": "ceiling (Django view, same bytes)",
        "warm": "our detail, warm cache",
        "cold": "our detail, cache off",
        "stock": "Wagtail stock detail",
    }
    for key in ["ceiling", "warm", "cold", "stock"]:
        rps, p99 = results[key]
        print(f"{labels[key]:<34}{rps:>10.0f}{rps / ceiling:>11.3f}x{p99:>10}")
    checks = {
        "warm >= 0.7x ceiling": results["warm"][0] >= 0.7 * ceiling,
        "cold >= 0.10x ceiling": results["cold"][0] >= 0.10 * ceiling,
        "cold >= 1.5x stock": results["cold"][0] >= 1.5 * results["stock"][0],
    }
    print(f"cold / stock: {results['cold'][0] / results['stock'][0]:.2f}x")
    for label, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    if args.json:
        figures = {k: {"rps": v[0], "p99": v[1], "rounds": [r[0] for r in rounds[k]]} for k, v in results.items()}
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
