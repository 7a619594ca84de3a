"""The OpenAPI 3.1 document of the JSON API, assembled from what is really served.

- Endpoints registered on the API v2 router: listing, detail and find, typed from the
  serializers they use (``fields.py``); StreamFields typed block by block (``blocks.py``).
- Every installed project app whose ``<app>/api.py`` defines ``openapi_paths()`` adds its
  own paths; this is how endpoints outside the router (consultation requests) appear.
  ``openapi_webhooks()`` there adds to the document's ``webhooks`` (the publish events).
  An ``openapi_components`` list of shape serializers there adds their components (named
  and derived as in ``fields.py``), besides the shared image and page link shapes.
- A router endpoint with its own URL layout describes itself with a classmethod
  ``openapi_paths(prefix, components)``.
"""

import importlib
import importlib.util
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from core.errors import MAX_ID
from core.representations import ImageSerializer, PageLinkSerializer

from ..parameters import RICH_TEXT_FORMATS, filter_schema
from .blocks import BlockSchemas
from .fields import object_schema, shape_reference
from .pages import page_schema, page_union, served_page_models, type_filters

OPENAPI_VERSION = "3.1.0"
JSON = "application/json"

# Shapes every API shows: blocks and apps refer to them by name.
SHARED_SHAPES = (ImageSerializer, PageLinkSerializer)


def ref(name):
    """A reference to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def json_response(description, schema, headers=None):
    """An OpenAPI response with a JSON body."""
    response = {"description": description, "content": {JSON: {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


ERROR = {
    "type": "object",
    "description": (
        "Every 4xx and 5xx of the API: `message` says what was wrong, `code` is stable for programs "
        "(`bad_request`, `not_found`, `method_not_allowed`, `not_acceptable`, `preview_token_invalid`, "
        "`preview_token_expired`, `preview_not_found`, and the consultation codes), `errors` lists "
        "problems per field when there are any."
    ),
    "properties": {
        "message": {"type": "string"},
        "code": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"message": {"type": "string"}, "code": {"type": "string"}},
                    "required": ["message", "code"],
                },
            },
        },
    },
    "required": ["message", "code"],
}


def error_responses(*codes):
    """The JSON error bodies every endpoint answers bad input with."""
    descriptions = {
        400: "Bad request: unknown parameter, field or type, or a malformed value.",
        403: "The preview token is not valid or has expired.",
        404: "Not found, not live, or not public.",
        405: "Method not allowed.",
    }
    return {str(code): json_response(descriptions[code], ref("Error")) for code in codes}


CACHE_HEADERS = {
    "ETag": {
        "description": "Validator of this exact body; send it back in If-None-Match.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {"description": "public, max-age=CMS_API_CACHE_MAX_AGE", "schema": {"type": "string"}},
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "An ETag from an earlier response: answered with 304 when unchanged.",
    "schema": {"type": "string"},
}
NOT_MODIFIED = {"304": {"description": "Not modified since the ETag sent in If-None-Match.", "headers": CACHE_HEADERS}}


def cached_ok(description, schema):
    """A cacheable 200 response plus the 304 that answers a matching If-None-Match."""
    return {"200": json_response(description, schema, CACHE_HEADERS), **NOT_MODIFIED}


def query(name, schema, description="", required=False):
    """A query parameter."""
    parameter = {"name": name, "in": "query", "required": required, "schema": schema}
    if description:
        parameter["description"] = description
    return parameter


def _id_schema(minimum=1):
    return {"type": "integer", "minimum": minimum, "maximum": MAX_ID}


# Wagtail's own rule, kept by the image and document endpoints.
WAGTAIL_FIELDS = (
    "Fields to add or remove, e.g. `*`, `title,-tags`, `_,title` (Wagtail's rule). An unknown name is a 400."
)


def common_parameters(viewset=None):
    """``fields`` and ``rich_text_format``; ``fields`` as the endpoint reads it (``api.selection`` or Wagtail's)."""
    if not getattr(viewset, "selects_fields", False):
        fields = query("fields", {"type": "string"}, WAGTAIL_FIELDS)
    else:
        fields = query(
            "fields",
            {"type": "string"},
            "Which fields to send, on the listing and the detail alike: names add to the listing's default "
            "fields, `_` starts from none, `*` from all, `-name` removes one; `id`, `type` and `title` are "
            "always sent. `name(a,b)` keeps some keys of an object (`reviewed_by(name)`), "
            "`body(faq,testimonial)` some block types. The detail without `fields` sends every field. "
            "An unknown name is a 400.",
        )
    return [
        fields,
        query("rich_text_format", {"type": "string", "enum": RICH_TEXT_FORMATS}, "Rich text output format."),
    ]


def _listing_parameters(viewset, model):
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    parameters = [
        query("limit", {"type": "integer", "minimum": 0, "maximum": limit_max}, "Items per page."),
        query("offset", {"type": "integer", "minimum": 0, "maximum": MAX_ID}, "Items to skip."),
        query("order", {"type": "string"}, "A field to order by (`-field` descending, `random`)."),
        query("search", {"type": "string"}, "Full-text search terms."),
        query("search_operator", {"type": "string", "enum": ["and", "or"]}),
        *common_parameters(viewset),
    ]
    if issubclass(viewset, PagesAPIViewSet):
        parameters += [
            query("type", {"type": "string"}, "Page type(s), e.g. `treatments.TreatmentPage`."),
            query("child_of", {"type": "string"}, "A page id, or `root` for the site's root page."),
            query("descendant_of", _id_schema()),
            query("ancestor_of", _id_schema()),
            query("translation_of", _id_schema(), "The page's translations in other locales (a 400 if no such page)."),
            query("site", {"type": "string"}, "A site's hostname (and port) to scope the pages to."),
            query(
                "html_path",
                {"type": "string"},
                "The page at this path on the site (e.g. `/treatments/botox/`): 0 or 1 items, of the page's "
                "own type, so `fields=*` shows all of its fields.",
            ),
        ]
    known = {parameter["name"] for parameter in parameters}
    for name in viewset.get_available_fields(model, db_fields_only=True):
        if name not in known:
            schema = filter_schema(model, name) or {"type": "string"}
            parameters.append(query(name, schema, f"Only items whose `{name}` equals this value."))
            known.add(name)
    if issubclass(viewset, PagesAPIViewSet):
        parameters += type_filters(viewset, known, query)
    return parameters


class DocumentBuilder:
    """Builds the document for one API router."""

    def __init__(self, router):
        self.router = router
        self.components = {"Error": ERROR}
        self.blocks = BlockSchemas(self.components)
        self.paths = {}

    def build(self):
        self._add_app_components()
        for name, viewset in self.router.endpoints.items():
            self._add_endpoint(name, viewset)
        self._add_app_paths()
        return {
            "openapi": OPENAPI_VERSION,
            "info": {
                "title": f"{getattr(settings, 'WAGTAIL_SITE_NAME', 'Wagtail')} API",
                "version": "2",
                "description": (
                    "Wagtail API v2 of the clinic's treatment content. StreamFields are typed block by block: "
                    "`body` is an array whose items are discriminated by `type`. Generated from the block "
                    "and serializer definitions; never edited by hand."
                ),
            },
            "servers": [{"url": "/"}],
            "paths": dict(sorted(self.paths.items())),
            "webhooks": self._app_webhooks(),
            "components": {"schemas": dict(sorted(self.components.items()))},
        }

    # Router endpoints.

    def _prefix(self, name):
        try:
            return reverse(f"{self.router.url_namespace}:{name}:listing")
        except NoReverseMatch:
            return None

    def _add_endpoint(self, name, viewset):
        prefix = self._prefix(name)
        if prefix is None:
            return
        if hasattr(viewset, "openapi_paths"):
            # An endpoint with its own URL layout describes itself, with this builder's help.
            self.paths.update(viewset.openapi_paths(prefix, self))
            return
        if viewset.get_urlpatterns.__func__ is not BaseAPIViewSet.get_urlpatterns.__func__:
            return  # its own URL layout and no description of it: better absent than wrong
        item = self._item_schema(name, viewset)
        tag = [name]
        self.paths[prefix] = {
            "get": {
                "operationId": f"{name}_listing",
                "tags": tag,
                "summary": f"List {name}",
                "parameters": [*_listing_parameters(viewset, viewset.model), IF_NONE_MATCH],
                "responses": {
                    **cached_ok(
                        f"A page of {name}.",
                        {
                            "type": "object",
                            "properties": {
                                "meta": {
                                    "type": "object",
                                    "properties": {"total_count": {"type": "integer", "minimum": 0}},
                                    "required": ["total_count"],
                                },
                                "items": {"type": "array", "items": item},
                            },
                            "required": ["meta", "items"],
                        },
                    ),
                    **error_responses(400),
                },
            }
        }
        self.paths[f"{prefix}{{id}}/"] = {
            "get": {
                "operationId": f"{name}_detail",
                "tags": tag,
                "summary": f"One of the {name}",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": _id_schema()},
                    *common_parameters(viewset),
                    *([query("site", {"type": "string"})] if issubclass(viewset, PagesAPIViewSet) else []),
                    IF_NONE_MATCH,
                ],
                "responses": {**cached_ok(f"One of the {name}, every field.", item), **error_responses(400, 404)},
            }
        }
        find_parameters = [query("id", _id_schema())]
        if issubclass(viewset, PagesAPIViewSet):
            find_parameters.append(query("html_path", {"type": "string"}, "The page's path on the site."))
        self.paths[f"{prefix}find/"] = {
            "get": {
                "operationId": f"{name}_find",
                "tags": tag,
                "summary": f"Find one of the {name}: redirects to its detail URL",
                "parameters": [*find_parameters, *common_parameters(viewset)],
                "responses": {
                    "302": {
                        "description": "Found: the Location header holds the detail URL.",
                        "headers": {"Location": {"schema": {"type": "string"}}},
                    },
                    **error_responses(400, 404),
                },
            }
        }

    def _item_schema(self, name, viewset):
        if issubclass(viewset, PagesAPIViewSet):
            for model in served_page_models():
                label = model._meta.label
                if label not in self.components:
                    self.components[label] = {}
                    self.components[label] = page_schema(viewset, self.router, model, self.blocks)
            return page_union(self.components)
        label = viewset.model._meta.label
        if label not in self.components:
            self.components[label] = object_schema(viewset, self.router, viewset.model, self.blocks)
        return ref(label)

    def page_item(self):
        """The schema of one page, any type (the pages endpoint's detail and listing item)."""
        return self._item_schema("pages", self.router.endpoints["pages"])

    # Contributions of apps.

    def _app_api_modules(self):
        base_dir = Path(settings.BASE_DIR).resolve()
        for app_config in apps.get_app_configs():
            if base_dir not in Path(app_config.path).resolve().parents:
                continue  # only this project's apps take part in the contract
            module_name = f"{app_config.name}.api"
            if importlib.util.find_spec(module_name) is None:
                continue
            yield importlib.import_module(module_name)

    def _add_app_components(self):
        shapes = list(SHARED_SHAPES)
        for module in self._app_api_modules():
            shapes += getattr(module, "openapi_components", [])
        for shape in shapes:
            shape_reference(shape(), self.blocks)

    def _app_webhooks(self):
        webhooks = {}
        for module in self._app_api_modules():
            webhooks.update(getattr(module, "openapi_webhooks", dict)())
        return dict(sorted(webhooks.items()))

    def _add_app_paths(self):
        for path, item in own_paths().items():
            self.paths.setdefault(path, {}).update(item)
        for module in self._app_api_modules():
            if hasattr(module, "openapi_paths"):
                for path, item in module.openapi_paths().items():
                    self.paths.setdefault(path, {}).update(item)


def build_document(router):
    """The OpenAPI document of ``router``, the project's API v2 router (an ``api.router.APIRouter``)."""
    return DocumentBuilder(router).build()


def own_paths():
    """The API package's endpoints outside the router (clinic details, this document)."""

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
                    **cached_ok("The OpenAPI 3.1 document.", {"type": "object", "additionalProperties": True}),
                    **error_responses(400),
                },
            }
        },
    }
