"""Site search over live, public treatment pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from treatments.models import TreatmentPage

RESULTS_PER_PAGE = 10


def search(request):
    """Search treatments, including the text inside their sections."""
    query = request.GET.get("q", "").strip()[:200]
    results = TreatmentPage.objects.none()
    if query:
        results = TreatmentPage.objects.live().public().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
