"""CORS preflights that advertise only the methods the requested endpoint serves.

django-cors-headers answers every preflight with one global ``CORS_ALLOW_METHODS``. The read-only
endpoints serve GET, HEAD and OPTIONS; the consultation intake POST and OPTIONS. This middleware
sits outside ``CorsMiddleware`` and narrows ``Access-Control-Allow-Methods`` to what the view at
the path answers (the methods its ``Allow`` header names), so a browser is never told a method
exists that would be refused.
"""

from django.urls import Resolver404, resolve

ALLOW_METHODS = "access-control-allow-methods"
READ_ONLY = ("GET", "HEAD", "OPTIONS")


def served_methods(path):
    """The methods the view at ``path`` serves, upper case, in a stable order."""
    try:
        match = resolve(path)
    except Resolver404:
        return READ_ONLY
    func = match.func
    actions = getattr(func, "actions", None)  # a DRF viewset's {method: action}
    if actions:
        methods = {method.upper() for method in actions}
    else:
        view_class = getattr(func, "view_class", None) or getattr(func, "cls", None)
        if view_class is None:
            return READ_ONLY
        methods = {method.upper() for method in view_class.http_method_names if hasattr(view_class, method)}
    if "GET" in methods:
        methods.add("HEAD")
    methods.add("OPTIONS")
    return tuple(method for method in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") if method in methods)


class EndpointMethodsCorsMiddleware:
    """Narrows a CORS preflight's ``Access-Control-Allow-Methods`` to the endpoint's methods."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if ALLOW_METHODS in response.headers:
            response.headers[ALLOW_METHODS] = ", ".join(served_methods(request.path_info))
        return response
