"""The API v2 router: which viewset serves which endpoint (registration only; see ``api/``)."""

from api.media import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from api.pages import TreatmentPagesAPIViewSet
from api.preview import PagePreviewAPIViewSet
from api.router import APIRouter

api_router = APIRouter("wagtailapi")
api_router.register_endpoint("pages", TreatmentPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
# After "pages", so chosen pages and detail URLs still resolve to the live endpoint.
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
