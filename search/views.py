"""Site search over live, public treatment pages, text inside their sections included."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from treatments.models import TreatmentPage

from .highlight import excerpt

RESULTS_PER_PAGE = 10
MAX_QUERY_CHARS = 200


def clean_query(raw):
    """The visitor's query, trimmed; control characters (PostgreSQL rejects NUL) become spaces."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or "")[: MAX_QUERY_CHARS * 2])
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def searchable_texts(page):
    """The page's words in reading order, as the search index sees them."""
    body = page.body.stream_block.get_searchable_content(page.body)
    return [page.summary, *body]


@require_safe
def search(request):
    """Search treatments; ``?q=`` the words, ``?page=`` the result page (junk falls back to a valid page)."""
    query = clean_query(request.GET.get("q"))
    results = TreatmentPage.objects.live().public().search(query) if query else []
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    hits = [{"page": result, "excerpt": excerpt(searchable_texts(result), query)} for result in page]
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "hits": hits, "paginator": paginator},
    )
