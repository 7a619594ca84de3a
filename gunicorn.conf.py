"""gunicorn's settings for `make serve-prod` and bench/load.py (gunicorn reads this file by itself).

Every value can be changed from the environment; docs/operations.md lists the variables.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two cores: a few processes, each with threads, so a slow client or query does not block the rest.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak never grows into an outage. Since issue 18 no
# request's memory grows with the catalogue, and a warm worker gained about 2 MB per 1,000
# requests (bench/worker_memory.py; docs/operations.md, "Scale"): at most ~140 MB by request
# 62,500. So recycling is rare: every 50,000 requests, spread by up to a quarter so the workers
# never restart together (a restart costs a cold worker: imports, remembered lookups).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", str(max_requests // 4)))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# No shared control socket in $HOME: several servers (serve-prod, the benchmark) may run at once.
control_socket_disable = True


def on_starting(server):
    """Refuse to start on settings that fail a deploy check at Error level (e.g. a per-process cache)."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("check", deploy=True, fail_level="ERROR")
