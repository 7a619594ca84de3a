"""The parts of ``bench/load.py``: its servers, its Django roles, the traffic, the report."""

import re
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent
PYTHON = PROJECT / ".venv" / "bin" / "python"
GUNICORN = PROJECT / ".venv" / "bin" / "gunicorn"
# The entry point, run again in child processes for its Django roles (--role editor|verify).
SCRIPT = PROJECT / "bench" / "load.py"
MARKER = re.compile(r"\[bench-(\d+)\]")
# Headers of every request: behind a pretend TLS proxy.
HEADERS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def marker_of(text):
    """The number of the last ``[bench-N]`` marker in ``text`` (0 if none)."""
    found = MARKER.findall(text)
    return int(found[-1]) if found else 0
