"""A treatment page with a before-and-after pair is valid HTML (Nu Html Checker), scriptless."""

import pytest

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
