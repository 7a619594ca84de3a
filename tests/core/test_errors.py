"""The one JSON error body: message first, then code (always) and any extra keys, in that order."""

from core.errors import MAX_ID, error_body, json_error


def test_error_body_shapes():
    assert error_body("not found", "not_found") == {"message": "not found", "code": "not_found"}
    body = error_body("Some fields are not valid.", "invalid", errors={"email": []})
    assert list(body) == ["message", "code", "errors"]


def test_json_error_bytes():
    response = json_error("not found", 404)
    assert response.status_code == 404
    assert response.content == b'{"message": "not found", "code": "not_found"}'


def test_max_id_fits_a_32_bit_integer_column():
    assert MAX_ID == 2**31 - 1
