"""``/api/v2/pages/``: live, public pages only; the published revision, never a draft."""

import functools

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page

from core.caching import remembered
from core.prefetch import (
    joined_fields,
)
from core.prepared import PreparedQuery

from .mixins import PublicAPIMixin
from .public_pages import is_public_in_site, public_pages, public_parent
from .serializers import LINKED_PAGE_COLUMNS, PublicPageSerializer


@functools.lru_cache(maxsize=64)
def _detail_query(model, shown):
    # The same SQL for every page of a type and set of fields: built once, run with each pk.
    joined = model._default_manager.select_related(*joined_fields(model, shown))
    return PreparedQuery(lambda pk: joined.filter(pk=pk), pk=1)


class TreatmentPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """``/api/v2/pages/``: live, public pages only; the published revision, never a draft.

    Listing, detail and find share one serializer (Wagtail's, built from ``api_fields``).
    """

    base_serializer_class = PublicPageSerializer

    def get_object(self):
        # Wagtail's detail runs 12 queries for the demo page, each through a filtered queryset.
        # Here: the specific page by key with what its API fields show joined, then its parent,
        # both prepared queries (cms/prepared.py); the public-page rule (cms/public_pages.py) is
        # checked on what was loaded, and the page's type, the site and the view restrictions
        # are remembered lookups.
        pk = self.requested_pk()
        site = self.site()
        # A page's type is set when it is created: remembered, like the site, per content version.
        content_type_id = remembered(
            f"page-type:{pk}",
            lambda: Page.objects.filter(pk=pk).values_list("content_type_id", flat=True).first(),
            remember_none=False,
        )
        model = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
        if model is None:
            raise Http404("No Page matches the given query.")
        serializer_class = self.get_serializer_class_for(model)
        # Not alias_of: nearly always empty, and an empty foreign key costs no query, while
        # joining it adds a whole page's columns to every detail.
        shown = [name for name in serializer_class.Meta.fields if name != "alias_of"]
        page = _detail_query(model, tuple(shown)).first(pk=pk)
        if page is None or not is_public_in_site(page, site):
            raise Http404("No Page matches the given query.")
        page._api_public_parent = public_parent(page, site, LINKED_PAGE_COLUMNS)
        self.check_object_permissions(self.request, page)
        self._detail_object = page
        return page

    def get_serializer_class(self):
        if getattr(self, "action", None) == "detail_view" and hasattr(self, "_detail_object"):
            return self.get_serializer_class_for(type(self._detail_object))
        return super().get_serializer_class()

    def get_serializer_class_for(self, model):
        fields = self.request.GET.get("fields")
        fields_config = parse_fields_parameter(fields) if fields else []
        return self._get_serializer_class(self.request.wagtailapi_router, model, fields_config, show_details=True)

    def get_serializer_context(self):
        # Wagtail adds the base queryset for the parent field; get_object fetched the detail's
        # parent with the page, so only the other actions (and the preview) pay for building it.
        if hasattr(self, "_detail_object"):
            return super(PagesAPIViewSet, self).get_serializer_context()
        return super().get_serializer_context()

    def get_base_queryset(self):
        # Like Wagtail's get_public_pages_queryset, but a login never unlocks a private page:
        # the API serves the same bytes to everyone, which is what makes it cacheable.
        # Built once per request (Wagtail asks for it up to three times).
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = public_pages(self.site())
        return self._base_queryset

    def site(self):
        """The site whose pages this request may see (``?site=`` or the request's host)."""
        try:
            return SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as e:
            raise BadRequestError(str(e)) from e
