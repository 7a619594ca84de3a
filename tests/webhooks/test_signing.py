"""Timestamped signatures: the exact header format, and the receiver's check that never raises."""

import hashlib
import hmac
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from webhooks import verify as verify_module
from webhooks.signing import sign
from webhooks.verify import TOLERANCE_SECONDS, verify_signature

BODY = b'{"event":"page.published","paths":["/treatments/botox/"]}'
SECRET = "s3cret"
NOW = 1_780_000_000
DOCS = Path(__file__).resolve().parents[2] / "docs" / "frontend.md"


def test_header_is_t_and_v1_over_timestamp_dot_body():
    header = sign(BODY, SECRET, timestamp=NOW)
    assert re.fullmatch(r"t=\d+,v1=[0-9a-f]{64}", header)
    digest = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert header == f"t={NOW},v1={digest}"


def test_fresh_signature_verifies_within_five_minutes_either_way():
    header = sign(BODY, SECRET, timestamp=NOW)
    assert TOLERANCE_SECONDS == 300
    assert verify_signature(header, BODY, SECRET, now=NOW)
    assert verify_signature(header, BODY, SECRET, now=NOW + 300)
    assert verify_signature(header, BODY, SECRET, now=NOW - 300)
    assert not verify_signature(header, BODY, SECRET, now=NOW + 301)  # replayed later
    assert not verify_signature(header, BODY, SECRET, now=NOW - 301)  # stamped in the future


def test_default_clock_is_now():
    assert verify_signature(sign(BODY, SECRET), BODY, SECRET)
    assert not verify_signature(sign(BODY, SECRET, timestamp=NOW - 3600), BODY, SECRET, now=NOW)


def test_forgeries_fail():
    header = sign(BODY, SECRET, timestamp=NOW)
    assert not verify_signature(header, BODY + b" ", SECRET, now=NOW)
    assert not verify_signature(header, BODY, "another secret", now=NOW)
    # The timestamp is signed: moving it forward breaks the signature.
    digest = header.split("v1=")[1]
    assert not verify_signature(f"t={NOW + 10},v1={digest}", BODY, SECRET, now=NOW)


VALID_DIGEST = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        b"t=1,v1=00",
        42,
        "garbage",
        "sha256=" + hmac.new(SECRET.encode(), BODY, hashlib.sha256).hexdigest(),  # the old format
        f"t={NOW}",
        f"v1={VALID_DIGEST}",
        f"t={NOW},v1={VALID_DIGEST[:63]}",  # short
        f"t={NOW},v1={VALID_DIGEST[:32]}",
        f"t={NOW},v1={VALID_DIGEST}00",  # long
        f"t={NOW},v1={VALID_DIGEST.upper()}",
        f"t={NOW},v1={'z' * 64}",
        f"t=abc,v1={VALID_DIGEST}",
        f"t=-{NOW},v1={VALID_DIGEST}",
        f"t={NOW}.5,v1={VALID_DIGEST}",
        f"t=1{'0' * 40},v1={VALID_DIGEST}",
        ",,,==,",
        "t=,v1=",
    ],
)
def test_missing_short_or_malformed_headers_are_rejected_without_raising(header):
    assert verify_signature(header, BODY, SECRET, now=NOW) is False


def test_wrong_argument_types_do_not_raise():
    header = sign(BODY, SECRET, timestamp=NOW)
    assert verify_signature(header, BODY.decode(), SECRET, now=NOW) is False
    assert verify_signature(header, BODY, "", now=NOW) is False
    assert verify_signature(header, BODY, None, now=NOW) is False


def test_spaces_after_commas_are_accepted():
    assert verify_signature(f"t={NOW}, v1={VALID_DIGEST}", BODY, SECRET, now=NOW)


def test_docs_show_the_tested_module_verbatim():
    docs = DOCS.read_text()
    source = Path(verify_module.__file__).read_text()
    assert f"```python\n{source}```" in docs


def typescript_snippet_as_javascript():
    """The docs' TypeScript ``verifySignature``, its few type annotations removed, as an ES module."""
    blocks = [part.split("```", 1)[0] for part in DOCS.read_text().split("```ts\n")[1:]]
    (block,) = [block for block in blocks if "function verifySignature" in block]
    code = block.split("// app/api/revalidate/route.ts", 1)[0]
    for pattern, replacement in [
        (r"header: string \| null \| undefined,", "header,"),
        (r"body: string \| Buffer,", "body,"),
        (r"secret: string,", "secret,"),
        (r"now: number =", "now ="),
        (r"\): boolean \{", ") {"),
        (r"\(part\): \[string, string\] =>", "(part) =>"),
    ]:
        code, count = re.subn(pattern, replacement, code)
        assert count == 1, pattern
    return code


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js")
def test_docs_typescript_snippet_agrees_with_python(tmp_path):
    good = sign(BODY, SECRET, timestamp=NOW)
    cases = [good, f"t={NOW},v1={VALID_DIGEST[:63]}", "", "garbage", f"t={NOW}", sign(BODY, "other", timestamp=NOW)]
    cases += [f"t={NOW},v1={VALID_DIGEST.upper()}", f"t=abc,v1={VALID_DIGEST}", ",,,==,"]
    clocks = [NOW, NOW + 300, NOW + 301, NOW - 301]
    script = tmp_path / "check.mjs"
    script.write_text(
        typescript_snippet_as_javascript()
        + f"\nconst cases = {json.dumps(cases)};\nconst clocks = {json.dumps(clocks)};\n"
        + f"const body = Buffer.from({json.dumps(BODY.decode())});\n"
        + "const out = [verifySignature(undefined, body, 's'), verifySignature(null, body, 's')];\n"
        + f"for (const h of cases) for (const c of clocks) out.push(verifySignature(h, body, {json.dumps(SECRET)}, c));\n"
        + "console.log(JSON.stringify(out));\n"
    )
    result = subprocess.run(["node", str(script)], capture_output=True, text=True, timeout=60, check=True)
    expected = [False, False] + [verify_signature(h, BODY, SECRET, now=c) for h in cases for c in clocks]
    assert json.loads(result.stdout) == expected
    assert expected[2:4] == [True, True]  # the fresh signature verifies in both
