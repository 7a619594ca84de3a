"""A form sent without its security token gets the site's own page, not a bare error."""

from bs4 import BeautifulSoup
from django.test import Client


def test_post_without_csrf_token_gets_a_friendly_403(demo):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/consultation/", {"name": "Ana", "email": "ana@example.com", "consent": "on"})
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Please try again"
    assert soup.select_one('a[href="tel:+15038500414"]')
    assert soup.select_one('a[href="/consultation/"]')
