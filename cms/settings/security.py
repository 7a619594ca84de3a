"""The security headers' policies: one Content-Security-Policy per part of the site, and Permissions-Policy.

``base.py`` applies them with no media host (files under /media/ on this origin); ``production.py``
again with the storage's origin. Why each directive is there: docs/security-headers.md.
"""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

# Browser features no page of a clinic's site needs: denied to the page and to anything it embeds.
# `browsing-topics` is the interest-based advertising API that replaced FLoC's `interest-cohort`
# (which current browsers no longer recognise and only log an error for); features Chromium does not
# know (ambient-light-sensor, bluetooth) are left out for the same reason.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}


def site_directives(media_origins=()):
    """Visitors' pages: scripts and styles from this origin only, inline script only with the response's nonce.

    Public templates have no inline script today (JSON-LD is data, which CSP does not govern): the
    nonce is there for the day one is needed, and a page that uses it is never kept in the page cache.
    """
    return {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *media_origins],
        "media-src": [SELF, *media_origins],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "frame-src": [NONE],
        "worker-src": [NONE],
        "manifest-src": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_directives(media_origins=()):
    """The Wagtail admin: this origin only, but inline script and style allowed.

    Wagtail 8's admin still writes inline ``<script>`` for some widgets (date pickers, inline
    panels, multiple choosers) and ``style`` attributes, and a nonce would switch
    ``'unsafe-inline'`` off. Third-party hosts stay blocked for scripts, styles, frames and
    connections, so nothing can be loaded into, or send data out of, the admin.
    """
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *media_origins],
        "media-src": [SELF, *media_origins],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # The preview panel shows the page in a frame of this origin.
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def api_directives():
    """JSON answers: nothing in them may load or run, and no page may frame them."""
    return {
        "default-src": [NONE],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [NONE],
    }


def security_header_settings(*, media_origins=(), report_only=False, report_uri=""):
    """The settings django-csp and ``core.security_headers`` read, as a dict for ``vars().update``.

    ``report_only``: browsers report violations (to ``report_uri``, if given) but block nothing.
    """
    media_origins = list(media_origins)
    reporting = {"report-uri": [report_uri]} if report_uri else {}
    policies = {
        "/admin/": {**admin_directives(media_origins), **reporting},
        "/api/": {**api_directives(), **reporting},
    }
    site = {"DIRECTIVES": {**site_directives(media_origins), **reporting}}
    return {
        "CONTENT_SECURITY_POLICY": None if report_only else site,
        "CONTENT_SECURITY_POLICY_REPORT_ONLY": site if report_only else None,
        # Path prefix -> the directives that replace the site's there (core.security_headers).
        "CMS_CSP_PATH_POLICIES": policies,
        "PERMISSIONS_POLICY": PERMISSIONS_POLICY,
    }
