"""``/api/v2/openapi.json``: the OpenAPI 3.1 document of this API."""

import functools

from rest_framework.response import Response

from .mixins import PublicAPIView
from .openapi import build_document


@functools.cache
def _openapi_document(router):
    return build_document(router)


class OpenAPIView(PublicAPIView):
    """The OpenAPI 3.1 document of ``router`` (also: ``manage.py export_openapi PATH``)."""

    router = None

    def get(self, request):
        return Response(_openapi_document(self.router))
