"""The API v2 router: Wagtail's, with its endpoints listed for the OpenAPI document."""

from wagtail.api.v2.router import WagtailAPIRouter


class APIRouter(WagtailAPIRouter):
    """Wagtail's router that also keeps ``endpoints``, name -> viewset, in registration order."""

    def __init__(self, url_namespace):
        super().__init__(url_namespace)
        self.endpoints = {}

    def register_endpoint(self, name, class_):
        super().register_endpoint(name, class_)
        self.endpoints[name] = class_
