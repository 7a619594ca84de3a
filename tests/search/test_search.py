"""Site search at /search/ and the API's ?search=: live public treatments, words inside blocks."""

import re

import pytest
from wagtail.models import PageViewRestriction

from tests.treatments.factories import make_treatment


def _results(response):
    return re.findall(r'<li class="result">\s*<h3><a href="([^"]+)">', response.content.decode())


@pytest.mark.parametrize("word", ["ginseng", "jaw", "pinches"])
def test_finds_words_that_only_appear_inside_blocks(client, demo, word):
    response = client.get("/search/", {"q": word})
    assert response.status_code == 200
    assert _results(response) == ["/treatments/botox/"]
    assert "1 result for “" in response.content.decode()


def test_result_shows_the_matching_text_with_the_word_marked(client, demo):
    html = client.get("/search/", {"q": "jaw"}).content.decode()
    excerpt = re.search(r'<p class="result__excerpt">(.*?)</p>', html, re.S).group(1)
    assert "<mark>jaw</mark>" in excerpt
    assert "reduce the width of the" in excerpt


def test_excerpt_escapes_content_and_query(client, treatment_index):
    make_treatment(
        treatment_index,
        title="Peel",
        body=[
            {
                "type": "faq",
                "value": {
                    "heading": "Q",
                    "items": [{"question": "Is <b>zyx</b> safe?", "answer": "<p>Zyx &lt;script&gt; yes.</p>"}],
                },
            }
        ],
    )
    html = client.get("/search/", {"q": "zyx <script>"}).content.decode()
    assert "<script>" not in html.split("<main", 1)[1]
    assert "<mark>zyx</mark>" in html.lower()
    assert "&lt;b&gt;" in html  # the question's markup is text, shown escaped


def test_drafts_and_private_pages_are_never_found(client, treatment_index):
    make_treatment(treatment_index, title="Draft peel", summary="Quixotic draft.", publish=False)
    private = make_treatment(treatment_index, title="Private peel", summary="Quixotic private.")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    response = client.get("/search/", {"q": "quixotic"})
    assert _results(response) == []
    assert "No results for “quixotic”" in response.content.decode()


def test_empty_query_shows_a_clear_invitation(client, demo):
    html = client.get("/search/").content.decode()
    assert "Type a word above to search every treatment page" in html
    assert 'class="result"' not in html


def test_paginates_ten_results_and_survives_junk_page_numbers(client, treatment_index):
    for n in range(12):
        make_treatment(treatment_index, title=f"Peel {n}", summary="Glycolic peel for the face.")
    first = client.get("/search/", {"q": "glycolic"})
    assert len(_results(first)) == 10
    html = first.content.decode()
    assert '<nav class="pagination" aria-label="Result pages">' in html
    assert 'href="?q=glycolic&amp;page=2" rel="next"' in html
    second = client.get("/search/", {"q": "glycolic", "page": "2"})
    assert len(_results(second)) == 2
    assert 'rel="prev"' in second.content.decode()
    for junk in ["zz", "-1", "0", "999", "1.5", "", "9" * 40]:
        response = client.get("/search/", {"q": "glycolic", "page": junk})
        assert response.status_code == 200, junk
        assert len(_results(response)) in (10, 2)


@pytest.mark.parametrize(
    "query", ['"', '"jaw', "(", "NEAR(", "AND", "\x00jaw", "   ", "*", "'", "\\", "jaw" * 200, "日本語", "<script>"]
)
def test_any_text_a_visitor_types_gets_a_page_not_an_error(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_post_is_refused(client, demo):
    assert client.post("/search/", {"q": "jaw"}).status_code == 405


def test_search_page_queries_are_bounded(client, treatment_index, django_assert_max_num_queries):
    for n in range(10):
        make_treatment(treatment_index, title=f"Peel {n}", summary="Glycolic peel for the face.")
    client.get("/search/", {"q": "glycolic"})
    with django_assert_max_num_queries(12):
        response = client.get("/search/", {"q": "glycolic"})
    assert len(_results(response)) == 10


@pytest.mark.parametrize("word", ["ginseng", "jaw"])
def test_api_search_finds_treatments_by_words_inside_blocks(client, demo, word):
    response = client.get("/api/v2/pages/", {"type": "treatments.TreatmentPage", "search": word})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [demo.pk]


@pytest.mark.parametrize("query", ['"', '"jaw', "   ", "\x00"])
def test_api_search_answers_junk_without_a_server_error(client, demo, query):
    response = client.get("/api/v2/pages/", {"type": "treatments.TreatmentPage", "search": query})
    assert response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
