"""The public JSON API (Wagtail API v2): pages, images, documents, the clinic's details and
the OpenAPI document describing them.

Every public endpoint shares ``PublicAPIMixin``: anonymous and identical for everyone (logins
are ignored, private pages and collections never appear), JSON only, bad input answered with a
4xx JSON ``{"message": ...}``, responses cached with ETag / Cache-Control (``caching.py``) and
what they reference fetched in bulk (``prefetch.py``).
"""

import functools
import threading

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.db.models import ForeignKey, IntegerField
from django.http import Http404, JsonResponse
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import cached_property
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageAliasOfField, PageParentField, PageSerializer, get_serializer_class
from wagtail.api.v2.serializers import StreamField as StreamFieldSerializer
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page

from treatments.api import clinic_representation
from treatments.models import ClinicSettings

from .caching import CachedResponsesMixin, remembered
from .prefetch import (
    joined_fields,
    model_field,
    optimize_queryset,
    prefetch_related_images,
    prefetch_scope,
    prefetch_streams,
    remember_loaded,
)
from .prepared import PreparedQuery
from .public_pages import is_public_in_site, public_pages, public_parent
from .renderers import JSONRenderer

# Ids beyond this are not ids (and overflow SQLite/PostgreSQL integers): answered 404.
MAX_ID = 2**31 - 1
# Query parameters that only make sense on listings; the detail view refuses them.
LISTING_ONLY_PARAMETERS = frozenset(
    ["limit", "offset", "order", "search", "search_operator", "type", "child_of", "ancestor_of"]
    + ["descendant_of", "translation_of", "locale"]
)
# Listing parameters that take an id or a count.
INTEGER_PARAMETERS = frozenset(["offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of"])
# Bad values that reach the database or a converter: the client's mistake, never a 500.
BAD_INPUT_ERRORS = (BadRequestError, OverflowError, DataError, DjangoValidationError, ValueError)


def _is_integer_field(model, name):
    return isinstance(model_field(model, name), IntegerField | ForeignKey)


def _frozen(config):
    """``parse_fields_parameter`` output as a hashable key."""
    return tuple((name, negated, _frozen(sub) if sub else None) for name, negated, sub in config)


@functools.lru_cache(maxsize=256)
def _serializer_class(viewset, router, model, fields_key, show_details, nested):
    # Wagtail builds a new serializer class (and DRF its fields) on every request; the class
    # depends only on these arguments, so build each once per process.
    fields_config = [(name, negated, list(sub) if sub else sub) for name, negated, sub in fields_key]
    return super(PublicAPIMixin, viewset)._get_serializer_class(router, model, fields_config, show_details, nested)


class FieldsMappedOnce:
    """A read-only serializer whose fields are built once per class and thread, not per instance.

    DRF maps the model and deep-copies every field for each serializer instance, though the
    fields depend only on the class. Each thread keeps the fields of its first instance of a
    class and lends them to every later one, pointed at it as their parent (where DRF fields
    find the context). So a thread serializes with one instance of a class at a time: never
    nest a class in itself.
    """

    @cached_property
    def fields(self):
        built = _fields_built.__dict__.setdefault("by_class", {})
        cls = type(self)
        fields = built.get(cls)
        if fields is None:
            if len(built) > 512:  # a class per field selection: bounded by the serializer cache anyway
                built.clear()
            fields = built[cls] = super().fields
        else:
            for field in fields.values():
                field.parent = self
        return fields


_fields_built = threading.local()


# What LinkedPageSerializer reads from a page: nothing else needs loading.
LINKED_PAGE_COLUMNS = ("id", "title", "content_type", "url_path", "path", "depth", "locale")


class LinkedPageSerializer(FieldsMappedOnce, PageSerializer):
    """A page another page points at (``meta.parent``, ``meta.alias_of``): id, type, URLs, title."""


@functools.lru_cache(maxsize=64)
def _linked_page_serializer_class(model):
    # Wagtail builds this class anew for every parent it serializes; build it once per model.
    return get_serializer_class(
        model,
        ["id", "type", "detail_url", "html_url", "title"],
        meta_fields=["type", "detail_url", "html_url"],
        base=LinkedPageSerializer,
    )


class LinkedPageRepresentation:
    """Serializes a linked page with a serializer class built once per model."""

    def to_representation(self, value):
        return _linked_page_serializer_class(type(value))(context=self.context).to_representation(value)


class PublicParentField(LinkedPageRepresentation, PageParentField):
    """``meta.parent``: the parent the view already fetched from the public pages, if it did."""

    def get_attribute(self, instance):
        if hasattr(instance, "_api_public_parent"):
            return instance._api_public_parent
        return super().get_attribute(instance)


class PublicAliasOfField(LinkedPageRepresentation, PageAliasOfField):
    """``meta.alias_of``: the page this one mirrors."""


class PublicPageSerializer(FieldsMappedOnce, PageSerializer):
    """Wagtail's page serializer, reading the parent fetched with the page."""

    parent = PublicParentField(read_only=True)
    alias_of = PublicAliasOfField(read_only=True)


def error(message, status):
    return Response({"message": message}, status=status)


# An id no URL holds otherwise: reversed once, then replaced by each real id.
_ID_MARK = 987654321012


@functools.lru_cache(maxsize=64)
def _detail_url_parts(viewset, model, namespace, urlconf, script_prefix):
    path = super(PublicAPIMixin, viewset).get_object_detail_urlpath(model, _ID_MARK, namespace)
    prefix, _, suffix = path.partition(str(_ID_MARK))
    return prefix, suffix


@functools.lru_cache(maxsize=64)
def _detail_query(model, shown):
    # The same SQL for every page of a type and set of fields: built once, run with each pk.
    joined = model._default_manager.select_related(*joined_fields(model, shown))
    return PreparedQuery(lambda pk: joined.filter(pk=pk), pk=1)


class PublicAPIMixin(CachedResponsesMixin):
    """Behaviour shared by every public API v2 endpoint (see the module docstring)."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]

    @classmethod
    def get_object_detail_urlpath(cls, model, pk, namespace=""):
        # Wagtail reverses a detail URL for every object it links (about 30 µs each, so 3 ms
        # for a listing of 100); they differ only by the id: reverse once per namespace,
        # URLconf and script prefix, then fill in each id.
        prefix, suffix = _detail_url_parts(cls, model, namespace, get_urlconf(), get_script_prefix())
        return f"{prefix}{pk}{suffix}"

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return error(str(exc) or "not found", 404)
        if isinstance(exc, BAD_INPUT_ERRORS):
            message = "; ".join(exc.messages) if isinstance(exc, DjangoValidationError) else str(exc)
            return error(message or "bad request", 400)
        if isinstance(exc, APIException):
            response = error(str(exc.detail), exc.status_code)
            for name, value in (self.get_exception_handler_context().get("headers") or {}).items():
                response[name] = value
            return response
        return super().handle_exception(exc)

    def get_renderer_context(self):
        # Wagtail pretty-prints with a 4-space indent: a third more bytes, and Python's slow
        # encoder instead of its C one. Clients parse JSON; compact it is.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        return _serializer_class(cls, router, model, _frozen(fields_config), show_details, nested)

    def check_detail_parameters(self):
        allowed = self.known_query_parameters - LISTING_ONLY_PARAMETERS
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError("query parameter is not recognised here: " + ", ".join(sorted(unknown)))

    def requested_pk(self):
        """The ``pk`` of a detail URL as an int, or 404 for anything that cannot be an id."""
        try:
            pk = int(self.kwargs.get("pk"))
        except (TypeError, ValueError) as e:
            raise Http404("not found") from e
        if not 0 < pk <= MAX_ID:
            raise Http404("not found")
        return pk

    def get_object(self):
        self.requested_pk()
        return super().get_object()

    def get_queryset(self):
        if getattr(self, "action", None) != "listing_view":
            return super().get_queryset()
        # A listing asks for its queryset three times (Wagtail twice, listing_view for the model);
        # it is lazy and every use clones it, so build it once per request.
        if not hasattr(self, "_listing_queryset"):
            queryset = super().get_queryset()
            # Join what the requested fields show, so the listing costs the same for 20 or 100 items.
            fields = self.request.GET.get("fields")
            fields_config = parse_fields_parameter(fields) if fields else []
            serializer_class = self._get_serializer_class(self.request.wagtailapi_router, queryset.model, fields_config)
            self._listing_queryset = optimize_queryset(queryset, serializer_class.Meta.fields)
        return self._listing_queryset

    def listing_view(self, request):
        # A number beyond any database integer is the client's mistake on every database (SQLite
        # overflows, PostgreSQL quietly matches nothing): refuse it the same way everywhere.
        model = self.get_queryset().model
        for name, value in request.GET.items():
            if (name in INTEGER_PARAMETERS or _is_integer_field(model, name)) and value.lstrip("-").isdigit():
                if int(value) > MAX_ID:
                    raise BadRequestError(f"{name} must be at most {MAX_ID}")
        with prefetch_scope():
            return super().listing_view(request)

    def detail_view(self, request, pk=None):
        self.check_detail_parameters()
        with prefetch_scope():
            instance = self.get_object()
            serializer = self.get_serializer(instance)
            self.prefetch([instance], serializer)
            return Response(serializer.data)

    def get_serializer(self, *args, **kwargs):
        if not (kwargs.get("many") and args):
            return super().get_serializer(*args, **kwargs)
        # A listing page: fetch what all its items reference before any is serialized.
        items = list(args[0])
        serializer = super().get_serializer(items, *args[1:], **kwargs)
        self.prefetch(items, serializer)
        return serializer

    def prefetch(self, instances, serializer):
        fields = getattr(serializer, "child", serializer).fields
        stream_fields = [name for name, field in fields.items() if isinstance(field, StreamFieldSerializer)]
        remember_loaded(instances)
        prefetch_streams(instances, stream_fields)
        prefetch_related_images(instances, list(fields))


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


def _without_private_collections(queryset):
    """Images and documents outside collections with view restrictions."""
    restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    for path in restricted:
        queryset = queryset.exclude(collection__path__startswith=path)
    return queryset


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    """``/api/v2/images/``: images outside private collections."""

    def get_queryset(self):
        return _without_private_collections(super().get_queryset())


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    """``/api/v2/documents/``: documents outside private collections."""

    def get_queryset(self):
        return _without_private_collections(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", TreatmentPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)


class PublicAPIView(PublicAPIMixin, APIView):
    """A public endpoint outside the router: no query parameters unless listed."""

    known_query_parameters = frozenset(["format", "_"])

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            self.check_detail_parameters()


class ClinicAPIView(PublicAPIView):
    """The clinic's public contact details for the requested site."""

    def get(self, request):
        return Response(clinic_representation(ClinicSettings.for_request(request)))


@functools.cache
def _openapi_document():
    from .openapi import build_document

    return build_document(api_router)


class OpenAPIView(PublicAPIView):
    """The OpenAPI 3.1 document of this API (also: ``manage.py export_openapi PATH``)."""

    def get(self, request):
        return Response(_openapi_document())


def api_not_found(request, *args, **kwargs):
    """Any other URL under /api/: a JSON 404, like the endpoints' own."""
    return JsonResponse({"message": "not found"}, status=404)


def openapi_paths():
    """This package's endpoints outside the router, for the OpenAPI document."""
    from .openapi.document import cached_ok, error_responses

    return {
        reverse("api-clinic"): {
            "get": {
                "operationId": "clinic",
                "tags": ["clinic"],
                "summary": "The clinic's public contact details",
                "responses": {
                    **cached_ok("Contact details.", {"$ref": "#/components/schemas/Clinic"}),
                    **error_responses(400),
                },
            }
        },
        reverse("api-openapi"): {
            "get": {
                "operationId": "openapi",
                "tags": ["schema"],
                "summary": "This document",
                "responses": {
                    **cached_ok("The OpenAPI 3.1 document.", {"type": "object"}),
                    **error_responses(400),
                },
            }
        },
    }
