"""``/api/v2/clinic/``: the clinic's public contact details for the requested site."""

from rest_framework.response import Response

from clinic.api import ClinicSerializer
from clinic.models import ClinicSettings

from .mixins import PublicAPIView


class ClinicAPIView(PublicAPIView):
    """The clinic's public contact details for the requested site."""

    def get(self, request):
        return Response(ClinicSerializer.represent(ClinicSettings.for_request(request)))
