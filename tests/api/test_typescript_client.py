"""A typed front end compiles against the document (issue 15): openapi-typescript + ``tsc --strict``.

``tests/api/ts_client/client.ts`` reads a treatment page's ``body`` (an exhaustive switch over the
block types), ``structured_data["@graph"]`` and an image, narrowing the page union with a guard
keyed on ``meta.type``; it asserts at compile time that ``Extract<Detail, {meta: {type:
"treatments.TreatmentPage"}}>`` is exactly the treatment page's schema. No cast, no ``!``.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from api.openapi import build_document
from cms.api import api_router

ROOT = Path(__file__).resolve().parents[2]
CLIENT = Path(__file__).resolve().parent / "ts_client"
BIN = ROOT / "node_modules" / ".bin"


def _tool(name):
    return BIN / name


def _missing():
    if shutil.which("node") is None:
        return "node is not installed"
    for name in ("openapi-typescript", "tsc"):
        if not _tool(name).exists():
            return f"node_modules/.bin/{name} is missing: run `npm install` (package.json devDependencies)"
    return None


def _run(*command, cwd):
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_client_uses_no_casts_or_non_null_assertions():
    code = "\n".join(line.split("//")[0] for line in (CLIENT / "client.ts").read_text().splitlines())
    assert not re.search(r"\bas\s+[A-Za-z{(\[]", code), "a cast (`as`) in client.ts"
    assert not re.search(r"[\w)\]]!\s*[.;,)\[]", code), "a non-null assertion (`!`) in client.ts"


@pytest.mark.skipif(_missing() is not None, reason=_missing() or "")
def test_generated_types_compile_a_strict_client(db, tmp_path):
    (tmp_path / "openapi.json").write_text(json.dumps(build_document(api_router)))
    for name in ("client.ts", "tsconfig.json"):
        shutil.copy(CLIENT / name, tmp_path / name)
    generate = _run(str(_tool("openapi-typescript")), "openapi.json", "-o", "api.d.ts", cwd=tmp_path)
    assert generate.returncode == 0, generate.stdout + generate.stderr
    types = (tmp_path / "api.d.ts").read_text()
    # A schema of `{type: object}` alone becomes Record<string, never>: unusable. None is left but
    # the empty `webhooks` and `$defs` sections openapi-typescript always writes.
    unusable = [line for line in types.splitlines() if "Record<string, never>" in line]
    assert all(line.startswith(("export type webhooks", "export type $defs")) for line in unusable), unusable
    compiled = _run(str(_tool("tsc")), "-p", str(tmp_path), cwd=ROOT)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
