"""``/api/v2/pages/``: live, public pages only; the published revision, never a draft."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page

from core.caching import remembered
from core.prefetch import declared_prefetches, joined_fields
from search.ranking import MAX_MATCHES

from .mixins import PublicAPIMixin
from .public_pages import is_public_in_site, public_pages, public_parent
from .search import BestMatchesFilter
from .serializers import LINKED_PAGE_COLUMNS, PublicPageSerializer

# Matches a ``?search=`` listing reaches at most (docs/frontend.md).
SEARCH_RESULTS_MAX = MAX_MATCHES


class TreatmentPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """``/api/v2/pages/``: live, public pages only; the published revision, never a draft.

    Listing, detail and find share one serializer (Wagtail's, built from ``api_fields``).
    """

    base_serializer_class = PublicPageSerializer
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"html_path"}
    selects_fields = True
    # Wagtail's filters, searching last as Wagtail does, with the best matches only (search.py).
    filter_backends = [
        BestMatchesFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]
    # {detail page id: its parent if public too, else None}, looked up with the page (load_object).
    public_parents = None

    def load_object(self):
        # Wagtail's detail runs 12 queries for the demo page, each through a filtered queryset.
        # Here: the specific page by key with what its API fields show joined; the public-page
        # rule (public_pages.py) is checked on what was loaded, and the page's type, the site,
        # the view restrictions and the parent are remembered lookups.
        pk = self.requested_pk()
        site = self.site
        # A page's type is set when it is created: remembered, like the site, per content version.
        content_type_id = remembered(
            f"page-type:{pk}",
            lambda: Page.objects.filter(pk=pk).values_list("content_type_id", flat=True).first(),
            remember_none=False,
        )
        model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
        if model is None:
            raise Http404("No Page matches the given query.")
        try:
            page = self.detail_queryset(model).get(pk=pk)
        except model.DoesNotExist as e:
            raise Http404("No Page matches the given query.") from e
        if not is_public_in_site(page, site):
            raise Http404("No Page matches the given query.")
        self.public_parents = {page.pk: public_parent(page, site, LINKED_PAGE_COLUMNS)}
        self.check_object_permissions(self.request, page)
        return page

    def listing_items(self):
        # ``?html_path=/treatments/botox/``: the one page at that path, in the listing's shape, as its
        # own type (so ``fields=*`` shows all of its fields) unless ``type`` says otherwise.
        pages = super().listing_items()
        html_path = self.request.GET.get("html_path")
        if html_path is None:
            return pages
        if self.site is None:
            return pages.none()
        url_path = self.site.root_page.url_path + "".join(f"{part}/" for part in html_path.split("/") if part)
        pages = pages.filter(url_path=url_path)
        if "type" in self.request.GET:
            return pages
        found = self.get_base_queryset().filter(url_path=url_path).values_list("pk", "content_type_id").first()
        model = ContentType.objects.get_for_id(found[1]).model_class() if found else None
        return model.objects.filter(pk=found[0]) if model else pages

    def detail_queryset(self, model):
        """Pages of ``model`` with the foreign keys the detail can show joined.

        By default the detail shows its default fields; ``?fields=`` may pick any field.
        """
        if "fields" in self.request.GET:
            shown = self.get_available_fields(model)
        else:
            shown = self.get_detail_default_fields(model)
        # Not alias_of: nearly always empty, and an empty foreign key costs no query, while
        # joining it adds a whole page's columns to every detail.
        queryset = model.objects.select_related(*joined_fields(model, [f for f in shown if f != "alias_of"]))
        prefetches = declared_prefetches(model, shown)
        return queryset.prefetch_related(*prefetches) if prefetches else queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.public_parents is not None:
            context["public_parents"] = self.public_parents
        return context

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if "search" in self.request.GET:
            # The best SEARCH_RESULTS_MAX matches only: total_count (and paging) stops there,
            # so a common word in a large catalogue is never counted in full.
            queryset = queryset[:SEARCH_RESULTS_MAX]
        return queryset

    def get_base_queryset(self):
        # Like Wagtail's get_public_pages_queryset, but a login never unlocks a private page:
        # the API serves the same bytes to everyone, which is what makes it cacheable.
        return self.site_pages

    @cached_property
    def site_pages(self):
        """The pages this request may see (built once: Wagtail asks for them up to three times)."""
        return public_pages(self.site)

    @cached_property
    def site(self):
        """The site whose pages this request may see (``?site=`` or the request's host)."""
        try:
            return SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as e:
            raise BadRequestError(str(e)) from e
