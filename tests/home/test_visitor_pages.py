"""What issue 16 asks of the home page, the treatments index and the links to a practitioner."""

import pytest
from bs4 import BeautifulSoup

from tests.treatments.factories import make_treatment

pytestmark = pytest.mark.django_db


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def test_home_has_hero_featured_treatments_practitioners_and_location(client, demo):
    main = soup_of(client, "/").find("main")
    hero = main.select_one(".hero")
    assert hero.find("h1").get_text() == "Dr. Michael Kim"
    assert hero.select_one('a.button[href="/consultation/"]') and hero.find("img")
    headings = [h.get_text() for h in main.find_all("h2")]
    assert headings[:1] == ["Featured treatments"] and "Visit us" in headings
    card = main.select_one("#featured-heading").find_parent("section").select_one(".card")
    assert card.select_one('h3 a[href="/treatments/botox/"]') and card.find("img") and demo.summary in card.get_text()
    assert main.select_one('.people a[href="/practitioners/dr-michael-kim/"]')
    assert main.select_one('a[href="/location/"]')


def test_treatments_index_is_grouped_by_category_with_summaries_and_images(client, demo, treatment_index):
    make_treatment(treatment_index, title="Chemical peel", slug="chemical-peel", category="skin", summary="Peels.")
    main = soup_of(client, "/treatments/").find("main")
    groups = {
        section.find("h2").get_text(): [card.select_one("h3 a").get_text() for card in section.select(".card")]
        for section in main.select("section.section")
    }
    assert groups == {"Neuromodulator": ["BOTOX"], "Skin treatment": ["Chemical peel"]}
    botox = main.select_one('.card:has(a[href="/treatments/botox/"])')
    assert demo.summary in botox.get_text() and botox.find("img")["alt"]
    assert "Peels." in main.select_one('.card:has(a[href="/treatments/chemical-peel/"])').get_text()


def test_the_testimonial_and_review_line_link_the_practitioner(client, reviewed_demo):
    page = soup_of(client, "/treatments/botox/")
    assert page.select_one('.testimonial__attribution a[href="/practitioners/dr-michael-kim/"]').get_text() == (
        "Dr. Michael Kim"
    )
    assert page.select_one('.review a[href="/practitioners/dr-michael-kim/"]')
