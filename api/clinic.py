"""``/api/v2/clinic/``: the clinic's public contact details for the requested site."""

from rest_framework.response import Response

from treatments.api import clinic_representation
from treatments.models import ClinicSettings

from .mixins import PublicAPIView


class ClinicAPIView(PublicAPIView):
    """The clinic's public contact details for the requested site."""

    def get(self, request):
        return Response(clinic_representation(ClinicSettings.for_request(request)))
