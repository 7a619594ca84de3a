"""Behaviour every public endpoint shares: anonymous, JSON only, 4xx for bad input, cached, prefetched."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ForeignKey, IntegerField
from django.http import Http404, HttpRequest, QueryDict
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.serializers import StreamField as StreamFieldSerializer
from wagtail.api.v2.utils import BadRequestError

from core.caching import CachedResponsesMixin
from core.prefetch import (
    model_field,
    optimize_queryset,
    prefetch_related_images,
    prefetch_scope,
    prefetch_streams,
    remember_loaded,
)

from . import selection
from .errors import BAD_INPUT_ERRORS, MAX_ID, error
from .parameters import check_listing_parameters, check_query_parameters
from .renderers import JSONRenderer

# Query parameters that only make sense on listings; the detail view refuses them.
LISTING_ONLY_PARAMETERS = frozenset(
    ["limit", "offset", "order", "search", "search_operator", "type", "child_of", "ancestor_of"]
    + ["descendant_of", "translation_of", "locale", "html_path"]
)
# Listing parameters that take an id or a count.
INTEGER_PARAMETERS = frozenset(["offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of"])


def _is_integer_field(model, name):
    return isinstance(model_field(model, name), IntegerField | ForeignKey)


# Serializer classes by endpoint, router, model, action and ``?fields=``; bounded, since clients
# pick the ``fields`` they send.
_serializer_classes = {}
SERIALIZER_CLASSES_KEPT = 256


class PublicAPIMixin(CachedResponsesMixin):
    """Behaviour shared by every public API v2 endpoint (see the module docstring)."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]

    # The object of a detail request, loaded once: Wagtail asks for it again to pick its serializer.
    detail_object = None
    # A listing's queryset, built once per request (see get_queryset).
    listing_queryset = None

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            return error(str(exc) or "not found", 404)
        if isinstance(exc, BAD_INPUT_ERRORS):
            message = "; ".join(exc.messages) if isinstance(exc, DjangoValidationError) else str(exc)
            return error(message or "bad request", 400)
        if isinstance(exc, APIException):
            response = error(str(exc.detail), exc.status_code, exc.default_code)
            for name, value in (self.get_exception_handler_context().get("headers") or {}).items():
                response[name] = value
            return response
        return super().handle_exception(exc)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_parameters(request)

    def get_renderer_context(self):
        # Wagtail pretty-prints with a 4-space indent: a third more bytes, and Python's slow
        # encoder instead of its C one. Clients parse JSON; compact it is.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    # Set on the throwaway view that builds a serializer class (see build_serializer_class).
    building_serializer = False
    # Endpoints whose ``fields`` follow api.selection's rules (pages); others keep Wagtail's.
    selects_fields = False

    def get_serializer_class(self):
        if self.building_serializer:
            return super().get_serializer_class()
        # Wagtail builds a new serializer class (and DRF its fields' classes) on every request,
        # though the class depends only on what the key holds: build each one once per process.
        model = self.get_queryset().model if self.action == "listing_view" else type(self.get_object())
        router = self.request.wagtailapi_router
        fields = self.request.GET.get("fields")
        key = (type(self), router, model, self.action, fields)
        serializer_class = _serializer_classes.get(key)
        if serializer_class is None:
            serializer_class = self.build_serializer_class(router, model, self.action, fields)
            if len(_serializer_classes) >= SERIALIZER_CLASSES_KEPT:
                _serializer_classes.clear()
            _serializer_classes[key] = serializer_class
        return serializer_class

    @classmethod
    def build_serializer_class(cls, router, model, action, fields):
        """The serializer class of ``action`` on a ``model`` object with ``?fields=fields``.

        Asked of a throwaway view of this endpoint as a request would ask it, with the ``fields``
        Wagtail is to read (``api.selection``) and no request or object stored.
        """
        nested = {}
        if cls.selects_fields:
            defaults = cls.get_listing_default_fields(model)
            fields, nested = selection.wagtail_fields(fields, defaults, detail=action != "listing_view")
        request = HttpRequest()
        request.GET = QueryDict(urlencode({"fields": fields}) if fields is not None else "")
        request.wagtailapi_router = router
        view = cls(request=request, action=action, detail_object=model(), listing_queryset=model.objects.none())
        view.building_serializer = True
        serializer_class = view.get_serializer_class()
        if nested:
            resolved = selection.resolve_nested(serializer_class(), model, nested)
            serializer_class = type(serializer_class.__name__, (serializer_class,), {"nested_selection": resolved})
        return serializer_class

    @classmethod
    def serializer_class_for(cls, router, model, fields=""):
        """The serializer class of this endpoint's detail of a ``model`` object with ``?fields=``."""
        return cls.build_serializer_class(router, model, "detail_view", fields or None)

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
        if self.detail_object is None:
            self.detail_object = self.load_object()
        return self.detail_object

    def load_object(self):
        """The object of this detail request (404 for an id that cannot be one)."""
        self.requested_pk()
        return super().get_object()

    def get_queryset(self):
        if getattr(self, "action", None) != "listing_view":
            return super().get_queryset()
        # A listing asks for its queryset three times (Wagtail twice, listing_view for the model);
        # it is lazy and every use clones it, so build it once per request.
        if self.listing_queryset is None:
            self.listing_queryset = self.listing_items()
            # Join what the requested fields show, so the listing costs the same for 20 or 100
            # items. (The serializer class reads its model from the queryset just kept.)
            shown = self.get_serializer_class().Meta.fields
            self.listing_queryset = optimize_queryset(self.listing_queryset, shown)
        return self.listing_queryset

    def listing_items(self):
        """The listing's queryset before it is optimized for the fields shown (Wagtail's, by default)."""
        return super().get_queryset()

    def listing_view(self, request):
        # A number beyond any database integer is the client's mistake on every database (SQLite
        # overflows, PostgreSQL quietly matches nothing): refuse it the same way everywhere.
        check_listing_parameters(request, self.model)
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


class PublicAPIView(PublicAPIMixin, APIView):
    """A public endpoint outside the router: no query parameters unless listed."""

    known_query_parameters = frozenset(["format", "_"])

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            self.check_detail_parameters()
