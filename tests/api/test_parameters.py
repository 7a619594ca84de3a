"""Listing parameters Wagtail takes too loosely answer 400, and the document describes them as checked."""

import pytest

from api.openapi import build_document
from cms.api import api_router


@pytest.mark.parametrize(
    "url, message",
    [
        ("/api/v2/pages/?search_operator=xor", "search_operator must be 'and' or 'or'"),
        ("/api/v2/images/?search_operator=", "search_operator must be 'and' or 'or'"),
        ("/api/v2/pages/?locale=xx", "locale 'xx' is not one of the site's languages"),
        ("/api/v2/pages/?locale=", "is not one of the site's languages"),
        ("/api/v2/pages/?site=nonexistent.example", "is not one of the sites"),
        ("/api/v2/pages/?limit=1&limit=2", "limit is given more than once"),
        ("/api/v2/pages/find/?id=%(demo)s&id=abc", "id is given more than once"),
        ("/api/v2/pages/find/?id=true&html_path=/", "id must be a whole number from 1 to"),
        ("/api/v2/pages/find/?html_path=/&rich_text_format=", "rich_text_format must be one of"),
        ("/api/v2/pages/?id=-1", "id must be a whole number from 1 to"),
        ("/api/v2/pages/?id=0", "id must be a whole number from 1 to"),
        ("/api/v2/pages/find/?html_path=/&id=3855552867", "id must be a whole number from 1 to"),
        ("/api/v2/images/?width=-5", "width must be a whole number from 0 to"),
    ],
)
def test_loose_values_are_a_400(demo, client, url, message):
    response = client.get(url % {"demo": demo.pk})
    assert response.status_code == 400, response.content
    assert message in response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?search_operator=or&search=botox",
        "/api/v2/pages/?search_operator=and",
        "/api/v2/pages/?locale=en",
        "/api/v2/pages/?site=localhost",
        "/api/v2/pages/?id=1",
        "/api/v2/pages/?show_in_menus=true",
    ],
)
def test_valid_values_still_answer(demo, client, url):
    assert client.get(url).status_code == 200, url


def test_filters_are_typed_like_their_fields(db):
    document = build_document(api_router)
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert parameters["id"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    assert parameters["alias_of"] == {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}
    assert parameters["show_in_menus"] == {"type": "boolean"}
    assert parameters["first_published_at"] == {"type": "string", "format": "date-time"}
    assert parameters["locale"]["enum"] == ["en"]
    assert parameters["search_operator"]["enum"] == ["and", "or"]
    assert parameters["title"] == {"type": "string"}


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_every_query_parameter_a_listing_takes_is_in_the_document(db, endpoint):
    # Issue 15: a filter that works but is not listed lets a typo through a typed client.
    document = build_document(api_router)
    listed = {p["name"] for p in document["paths"][f"/api/v2/{endpoint}/"]["get"]["parameters"]}
    taken = set(api_router.endpoints[endpoint].known_query_parameters) - {"format", "_"}
    assert taken - listed == set()


def test_translation_of_is_a_checked_page_id(demo, client):
    document = build_document(api_router)
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert parameters["translation_of"] == {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
    assert client.get(f"/api/v2/pages/?translation_of={demo.pk}").json() == {"meta": {"total_count": 0}, "items": []}
    assert client.get("/api/v2/pages/?translation_of=999999").status_code == 400
