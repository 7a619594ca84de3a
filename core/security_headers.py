"""Security headers on every response: Content-Security-Policy per part of the site, Permissions-Policy.

``ContentSecurityPolicyMiddleware`` is django-csp's middleware choosing the policy by path: the
site's (``CONTENT_SECURITY_POLICY`` or its report-only twin) everywhere, replaced under each prefix
of ``CMS_CSP_PATH_POLICIES`` (the admin, the API). A path choice covers every view under a prefix,
Wagtail's own included, which per-view decorators cannot without wrapping Wagtail's URL patterns.

A response whose template used the nonce is never stored in the page cache: the nonce changes
with every response, a stored page would carry a stale one (and its script would be blocked).
"""

from csp.middleware import CheckableLazyObject, CSPMiddleware
from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's and the API's own policies, chosen by path prefix."""

    def process_request(self, request):
        super().process_request(request)
        nonce = request.csp_nonce

        def nonce_for_this_response_only():
            # Read by core.page_cache after the template rendered: this page is not shareable.
            request.cms_shareable_page = False
            return str(nonce)

        request.csp_nonce = CheckableLazyObject(nonce_for_this_response_only)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        setting = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
        # A view's own @csp(...) wins; a mode that is off (its setting None) stays off.
        if parts.config is None and getattr(settings, setting, None):
            parts.config = path_directives(request.path_info)
        return parts


def path_directives(path):
    """The directives ``CMS_CSP_PATH_POLICIES`` gives ``path``, or None for the site's own."""
    for prefix, directives in settings.CMS_CSP_PATH_POLICIES.items():
        if path.startswith(prefix):
            return directives
    return None


def permissions_policy_value(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` -> ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in policy.items())


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` (setting ``PERMISSIONS_POLICY``) to every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        value = permissions_policy_value(settings.PERMISSIONS_POLICY)
        if value and PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = value
        return response
