"""The rendered BOTOX page, as a visitor's browser receives it."""

import pytest
from bs4 import BeautifulSoup

from tests.treatments.factories import faq_block, make_treatment


@pytest.fixture
def soup(demo, client):
    response = client.get("/treatments/botox/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(node):
    return " ".join(node.get_text(" ").split())


def test_one_h1_and_headings_in_order(soup):
    assert [h.get_text() for h in soup.find_all("h1")] == ["BOTOX"]
    levels = [int(h.name[1]) for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading level jumps from h{previous} to h{current}"


def test_every_section_is_present(soup):
    main = soup.find("main")
    kinds = [div["class"][1].removeprefix("block--") for div in main.select("div.block")]
    # The patient's reading order (issue 16): what it is, who it suits, what to expect, results,
    # safety, side effects, preparation, FAQ, consultation.
    assert kinds == [
        "overview",
        "candidate_criteria",
        "what_to_expect",
        "dosage",
        "results",
        "off_label_uses",
        "testimonial",
        "call_to_action",
        "safety",
        "side_effects",
        "prep_instructions",
        "faq",
        "call_to_action",
    ]
    text = text_of(main)
    for fact in [
        "30–50",
        "15 years",
        "96 countries",
        "nearly 500 articles",
        "about 7 days",
        "3–4 months",
        "Monica Z.",
        "Dr. Michael Kim",
        "Fish oil",
        "Ginseng",
        "Temporary bruising",
        "Women who are pregnant or breastfeeding",
        "Reshape and reduce the width of the jaw",
    ]:
        assert fact in text, fact


def test_faq_is_details_and_summary(soup):
    faq = soup.select_one(".block--faq")
    summaries = [s.get_text(strip=True) for s in faq.select("details > summary")]
    assert len(summaries) == 5
    assert summaries[0] == "Are BOTOX Injections Painful?"


def test_lists_are_lists(soup):
    off_label = soup.select_one(".block--off_label_uses")
    assert len(off_label.select("ul > li")) == 5
    prep = soup.select_one(".block--prep_instructions")
    assert len(prep.select("ol > li")) == 2
    assert [li.get_text(strip=True) for li in prep.select("ul > li")] == [
        "Fish oil",
        "Ginkgo",
        "Ginger",
        "Garlic",
        "Ginseng",
    ]


def test_phone_is_a_tel_link_and_cta_everywhere(soup):
    tel_links = soup.select('a[href="tel:+15038500414"]')
    assert tel_links and all("503-850-0414" in a.get_text() for a in tel_links)
    assert soup.select_one("header").select('a[href^="/consultation/"]')
    assert soup.select(".block--call_to_action a.button")


def test_off_label_is_labelled(soup):
    off_label = soup.select_one(".block--off_label_uses")
    assert "off-label" in text_of(off_label).lower()
    assert off_label.select_one(".disclaimer")


def test_skip_link_and_landmarks(soup):
    assert soup.select_one('a.skip-link[href="#main"]')
    assert soup.find("main", id="main")
    assert soup.find("html")["lang"] == "en"


def test_index_lists_live_treatments_only(demo, treatment_index, client):
    make_treatment(treatment_index, title="Fillers", slug="fillers")
    make_treatment(treatment_index, title="Secret draft", slug="draft", publish=False)
    html = client.get("/treatments/").content.decode()
    assert "BOTOX" in html and "Fillers" in html
    assert "Secret draft" not in html


def test_home_page_features_botox(demo, client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.find("h1")
    assert soup.select_one('a[href="/treatments/botox/"]')


def test_block_content_is_escaped(demo, treatment_index, client):
    page = make_treatment(
        treatment_index,
        body=[
            {
                "type": "testimonial",
                "value": {
                    "quote": "<script>alert(1)</script>",
                    "attribution": "<b>X</b>",
                    "consent_on_file": True,
                    "consent_date": "2026-11-01",
                    "consent_method": "written",
                },
            },
            faq_block(),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_rendered_page_queries_do_not_grow_with_blocks(
    settings, demo, treatment_index, client, django_assert_max_num_queries
):
    settings.CMS_PAGE_CACHE_TIMEOUT = 0  # measure rendering, not the page cache
    small = make_treatment(treatment_index, body=[faq_block()] * 2)
    large = make_treatment(treatment_index, body=[faq_block()] * 20)
    client.get(small.url)  # warm per-process caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small_queries:
        client.get(small.url)
    with django_assert_max_num_queries(len(small_queries)):
        client.get(large.url)
