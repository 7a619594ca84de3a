"""Property-based fuzzing of POST /api/v2/consultations/: never a 5xx, a row if and only if 201."""

import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from consultations.models import ConsultationRequest

from .conftest import API

FIELDS = ["name", "email", "phone", "treatment", "preferred_time", "message", "consent", "website"]
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=300)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
plausible = {
    "name": st.text(max_size=120),
    "email": st.emails() | st.text(max_size=40),
    "phone": st.from_regex(r"\+?[0-9][0-9 ().-]{6,20}", fullmatch=True) | st.text(max_size=40),
    "treatment": st.integers(min_value=-2, max_value=2**40) | json_values,
    "preferred_time": st.sampled_from(["", "morning", "afternoon", "evening", "noon"]) | json_values,
    "message": st.text(max_size=2100),
    "consent": st.booleans() | json_values,
    "website": st.just("") | st.text(max_size=10),
}
bodies = st.fixed_dictionaries({}, optional={name: plausible[name] | json_values for name in FIELDS}) | st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=12), json_values, max_size=10
)

HYPOTHESIS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@pytest.fixture
def unlimited(settings):
    settings.CONSULTATION_RATE_LIMIT = ""


# Changes to a valid request, so that accepted requests are explored as well as refused ones.
changes = st.dictionaries(st.sampled_from(FIELDS[:-1]), st.one_of(*plausible.values()), max_size=3)


@HYPOTHESIS
@given(body=bodies, base_changes=st.none() | changes)
def test_json_objects_never_5xx_and_write_iff_201(client, demo, unlimited, body, base_changes):
    if base_changes is not None:
        body = {"name": "Jane", "email": "jane@example.com", "consent": True, "treatment": demo.pk, **base_changes}
    before = ConsultationRequest.objects.count()
    response = client.post(API, data=json.dumps(body), content_type="application/json")
    event(f"status {response.status_code}")
    assert response.status_code < 500, response.content
    assert response["Content-Type"] == "application/json"
    written = ConsultationRequest.objects.count() - before
    assert written == (1 if response.status_code == 201 else 0), (response.status_code, response.content)


@HYPOTHESIS
@given(
    raw=st.binary(max_size=2000),
    content_type=st.sampled_from(["application/json", "text/plain", "", "application/json; charset=utf-16"]),
)
def test_raw_bytes_never_5xx(client, demo, unlimited, raw, content_type):
    before = ConsultationRequest.objects.count()
    response = client.generic("POST", API, data=raw, content_type=content_type)
    assert 400 <= response.status_code < 500
    assert ConsultationRequest.objects.count() == before
