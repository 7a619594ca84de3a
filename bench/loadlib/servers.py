"""Servers the benchmark runs itself: Redis, a private PostgreSQL cluster, the benchmark database."""

import os
import shutil
import subprocess
import time
from pathlib import Path

from . import PROJECT, PYTHON

SHARED_POSTGRES = "postgres://postgres@127.0.0.1:5432"
PRIVATE_PG_DIR = Path("/var/tmp/cms-bench-pg")
PRIVATE_PG_PORT = 5439
# BENCH_DB lets two runs share one PostgreSQL server without dropping each other's database.
BENCH_DB = os.environ.get("BENCH_DB", "cms_bench")


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
        wait(lambda: succeeds(["redis-cli", "-p", str(self.port), "ping"]), "Redis")

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
        if not succeeds([str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port)]):
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


def succeeds(command):
    return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def wait(check, name, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.25)
    raise SystemExit(f"{name} did not come up within {seconds} s")


def healthy(base_url):
    import httpx

    try:
        return httpx.get(f"{base_url}/healthz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def recreate_database(server_url):
    import psycopg

    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {BENCH_DB}")


def manage(env, *args):
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=PROJECT, env=env, check=True, stdout=subprocess.DEVNULL)
