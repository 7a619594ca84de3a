"""The Wagtail API v2 router: pages, images and documents, plus the clinic's details."""

from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from treatments.api import clinic_representation
from treatments.models import ClinicSettings

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)


class ClinicAPIView(APIView):
    """The clinic's public contact details for the requested site."""

    authentication_classes = []
    permission_classes = []

    def get(self, request):
        return Response(clinic_representation(ClinicSettings.for_request(request)))
