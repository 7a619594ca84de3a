"""The BOTOX page's design (issue 16): hero, "On this page", footnoted sources, one off-label notice."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def soup(demo, client):
    response = client.get("/treatments/botox/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_hero_has_summary_and_consultation(soup, demo):
    hero = soup.select_one(".hero")
    assert hero.find("h1").get_text() == "BOTOX"
    assert "based on botulinum toxin type A" in hero.get_text()
    assert hero.select_one(f'a.button[href="/consultation/?treatment={demo.pk}"]')
    assert hero.select_one('a[href="/practitioners/dr-michael-kim/"]')


def test_on_this_page_links_every_section_with_a_heading(soup):
    toc = soup.find("nav", attrs={"aria-labelledby": "toc-heading"})
    targets = [a["href"].lstrip("#") for a in toc.find_all("a")]
    sections = [el["id"] for el in soup.select(".treatment__body > [id]") if el.find("h2")]
    assert targets == sections
    labels = [a.get_text() for a in toc.find_all("a")]
    assert labels[:6] == ["At a glance", "What it is", "Who it suits", "What to expect", "Units", "Results"]
    # Two invitations to book: each named by its own heading, so no two links share a name.
    assert len(set(labels)) == len(labels)
    assert {"Schedule Consultation", "BOTOX Portland"} <= set(labels)


def test_sources_are_footnotes_listed_once(soup):
    safety = soup.select_one(".block--safety")
    assert "(Source:" not in safety.get_text()
    markers = safety.select(".claims a.ref")
    assert [a.get_text() for a in markers] == ["[1]", "[1]"]
    references = safety.select(".references li")
    assert [li.get_text() for li in references] == ["The manufacturer"]
    assert markers[0]["href"] == f"#{references[0]['id']}"


def test_one_off_label_notice_for_the_list(soup):
    off_label = soup.select_one(".block--off_label_uses")
    assert not off_label.select(".badge")
    assert len(off_label.select(".notice")) == 1
    assert len(off_label.select("ul > li")) == 5
