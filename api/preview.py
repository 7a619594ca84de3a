"""``GET /api/v2/page_preview/?content_type=...&token=...``: a draft in the live detail's JSON shape.

The endpoint subclasses the viewset that serves ``pages``, so the draft goes
through the very serializer the live detail endpoint uses: same fields, same block JSON.
"""

from django.urls import path
from django.utils.cache import add_never_cache_headers, patch_cache_control
from rest_framework.response import Response

from core.errors import error_body
from core.preview import PreviewTokenError, page_from_preview_request

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
            return Response(
                error_body("query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))),
                status=400,
            )
        return super().detail_view(request, pk=pk)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            self._cached_object = page_from_preview_request(
                self.request.GET.get("content_type", ""), self.request.GET.get("token", "")
            )
        return self._cached_object

    def handle_exception(self, exc):
        if isinstance(exc, PreviewTokenError):
            return Response(error_body(str(exc)), status=exc.status)
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # A draft is for one editor's eyes: no shared cache, no browser cache may keep it.
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response
