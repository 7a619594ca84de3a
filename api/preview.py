"""``GET /api/v2/page_preview/?content_type=...&token=...``: a draft in the live detail's JSON shape.

The endpoint subclasses the viewset that serves ``pages``, so the draft goes
through the very serializer the live detail endpoint uses: same fields, same block JSON.
"""

from django.urls import path
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.preview import PreviewTokenError, page_from_preview_request

from .errors import error
from .openapi.document import common_parameters, error_responses, json_response, query
from .pages import TreatmentPagesAPIViewSet


class PagePreviewAPIViewSet(TreatmentPagesAPIViewSet):
    """The draft behind a preview token, serialized exactly as ``/api/v2/pages/<id>/`` would."""

    known_query_parameters = frozenset(["content_type", "token", "fields", "rich_text_format", "format"])
    # Drafts never enter the shared response cache of the public endpoints.
    cache_responses = False

    @classmethod
    def get_urlpatterns(cls):
        # One URL only; routed to the detail action so the serializer picks detail fields.
        return [path("", cls.as_view({"get": "detail_view"}), name="listing")]

    def detail_view(self, request, pk=None):
        unknown = set(request.GET) - self.known_query_parameters
        if unknown:
            return error(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown)), 400
            )
        return super().detail_view(request, pk=pk)

    def load_object(self):
        return page_from_preview_request(self.request.GET.get("content_type", ""), self.request.GET.get("token", ""))

    def handle_exception(self, exc):
        if isinstance(exc, PreviewTokenError):
            return error(str(exc), exc.status, exc.code)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # A draft is for one editor's eyes: no shared cache, no browser cache may keep it.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    @classmethod
    def openapi_paths(cls, prefix, document):
        """The preview endpoint in the OpenAPI document: the live detail's shape, never cached."""
        parameters = [
            query("content_type", {"type": "string"}, "`app_label.modelname` of the previewed page.", required=True),
            query("token", {"type": "string"}, "The signed token of the editor's preview.", required=True),
            *common_parameters(),
        ]
        return {
            prefix: {
                "get": {
                    "operationId": "page_preview",
                    "tags": ["page_preview"],
                    "summary": "A draft, in the live detail's shape (for a front end's preview route)",
                    "description": "Never cached (`Cache-Control: private, no-store`); the token is the authorisation.",
                    "security": [],
                    "parameters": parameters,
                    "responses": {
                        "200": json_response("The draft, serialized as the live detail.", document.page_item()),
                        **error_responses(400, 403, 404),
                    },
                }
            }
        }
