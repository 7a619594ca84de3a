"""The load: readers, consultation senders, a health prober and the faults, all recorded."""

import asyncio
import json
import random
import secrets
import time
from collections import defaultdict

from . import HEADERS, log, marker_of

# Text every whole BOTOX page and API body contains (the dosage section of the demo).
WHOLE_PAGE_TEXT = "How Many Units Will I Need?"


class Recorder:
    """Every request's outcome, by endpoint."""

    def __init__(self):
        self.results = defaultdict(list)  # endpoint -> [(t, status, seconds, problem, retry_after)]
        self.markers_seen = defaultdict(set)
        self.references = []
        self.health = []  # (t, status)
        self.cached = defaultdict(int)  # endpoint -> answers the server took from its cache

    def add(self, endpoint, t, status, seconds, problem=None, retry_after=None):
        self.results[endpoint].append((t, status, seconds, problem, retry_after))


def _check_html(text):
    if "</html>" not in text or WHOLE_PAGE_TEXT not in text:
        return None, "page incomplete"
    return marker_of(text), None


def _check_index(text):
    if "</html>" not in text or "BOTOX" not in text:
        return None, "index incomplete"
    return marker_of(text), None


def _check_detail(text):
    data = json.loads(text)
    if not any(block["type"] == "dosage" for block in data["body"]):
        return None, "body incomplete"
    return marker_of(data["summary"]), None


def _check_listing(text):
    data = json.loads(text)
    botox = [item for item in data["items"] if item["meta"]["slug"] == "botox"]
    if len(botox) != 1 or WHOLE_PAGE_TEXT not in json.dumps(botox[0]["body"]):
        return None, "listing incomplete"
    return marker_of(botox[0]["summary"]), None


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
        if response.headers.get("X-CMS-Cache") == "hit":  # core/caching.py: served from the server's cache
            recorder.cached[name] += 1


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
    deadline = time.monotonic() + args.seconds
    async with httpx.AsyncClient(base_url=base_url, headers=HEADERS, limits=limits, timeout=15) as client:
        tasks = [reader(client, recorder, endpoints, deadline) for _ in range(args.readers)]
        tasks += [submitter(client, recorder, treatment_id, deadline) for _ in range(args.submitters)]
        tasks.append(prober(client, recorder, deadline))
        for kind in ("redis", "postgres"):
            if getattr(args, f"restart_{kind}"):
                tasks.append(fault(kind, services, args.seconds / 3, args.outage, windows))
        await asyncio.gather(*tasks)
    return recorder
