"""A treatment page with a before-and-after pair is valid HTML (Nu Html Checker), scriptless."""

import pytest

from tests.treatments.factories import make_treatment

from .helpers import pair_block

pytestmark = pytest.mark.django_db


def test_the_pair_page_is_valid_html_without_script_for_the_pair(pair_page, client, vnu, tmp_path):
    html = client.get("/treatments/forehead/").content.decode()
    pair = html[html.index('<section class="before-after"') : html.index("</section>", html.index("before-after"))]
    assert "<script" not in pair and pair.count("<figcaption>") == 2 and pair.count("<picture>") == 2
    page = tmp_path / "forehead.html"
    page.write_text(html)
    messages = vnu([page])
    problems = [m for m in messages if m["type"] == "error" or m.get("subType") in ("fatal", "warning")]
    assert not problems, "\n".join(f"{m.get('lastLine')}: {m['message']}" for m in problems)


def test_a_pairs_words_never_reach_a_search_excerpt(client, treatment_index, photos, authorization):
    # The page is found by a word its FAQ holds; the excerpt, the first text holding the word, never
    # quotes the pair before it (a pair may be revoked without the page being indexed again).
    faq = {
        "type": "faq",
        "value": {
            "heading": "Questions",
            "items": [{"question": "Does it smooth the forehead?", "answer": "<p>Yes.</p>"}],
        },
    }
    pair = pair_block(*photos, authorization, caption="Forehead lines of patient Quill.")
    make_treatment(treatment_index, slug="forehead", summary="A calm page.", body=[pair, faq])
    html = client.get("/search/", {"q": "forehead"}).content.decode()
    assert "/treatments/forehead/" in html
    assert "Quill" not in html
    assert "smooth the <mark>forehead</mark>" in html
