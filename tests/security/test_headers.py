"""Content-Security-Policy and Permissions-Policy on the site, the API, the consultation form and the admin."""

import re
from html.parser import HTMLParser

import pytest
from csp.constants import NONCE
from django.http import HttpResponse
from django.test import RequestFactory

from cms.settings.security import security_header_settings
from core.security_headers import ContentSecurityPolicyMiddleware
from tests.site.pages import reachable_pages

CSP = "Content-Security-Policy"
CSP_REPORT_ONLY = "Content-Security-Policy-Report-Only"
PUBLIC_PAGES = ["/", "/treatments/", "/treatments/botox/", "/consultation/", "/search/?q=botox"]
# Script types a browser runs; JSON-LD and other data blocks are not scripts to CSP.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def directives(header):
    """``"a x y; b z"`` -> ``{"a": ["x", "y"], "b": ["z"]}``."""
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def pages(demo, client):
    return reachable_pages(lambda path: client.get(path).status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/treatments/botox/",
        "/consultation/",
        "/api/v2/pages/",
        "/api/v2/pages/find/?html_path=/treatments/botox/",
        "/api/v2/openapi.json",
        "/admin/login/",
        "/no-such-page/",
    ],
)
def test_every_part_of_the_site_sends_both_headers(demo, client, path):
    response = client.get(path, follow=True)
    assert response.has_header(CSP), path
    permissions = response["Permissions-Policy"]
    for denied in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "browsing-topics=()"):
        assert denied in permissions.split(", "), (path, permissions)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_allow_this_origin_only_and_no_inline_script(demo, client, path):
    policy = directives(client.get(path)[CSP])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    for name in ("script-src", "style-src", "connect-src", "form-action", "img-src"):
        values = policy[name]
        assert "'unsafe-inline'" not in values and "'unsafe-eval'" not in values, (name, values)
        # Nothing from another host: no tracker can load, and nothing can be sent elsewhere.
        assert all(v.startswith("'") or v == "data:" for v in values), (name, values)


def test_the_api_lets_nothing_load(demo, client):
    policy = directives(client.get("/api/v2/pages/")[CSP])
    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_the_admin_allows_inline_code_but_no_other_host(db, client):
    policy = directives(client.get("/admin/login/")[CSP])
    # Wagtail's editor writes inline <script> and style attributes (docs/security-headers.md).
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    for name, values in policy.items():
        assert all(v.startswith("'") or v in ("data:", "blob:") for v in values), (name, values)
    assert policy["frame-ancestors"] == ["'self'"]  # the preview panel is a frame of the admin


class _InlineCode(HTMLParser):
    """Collects inline scripts (with their nonce), event-handler and style attributes."""

    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.styles = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in EXECUTABLE_TYPES:
            self.scripts.append(attrs.get("nonce"))
        self.handlers += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]
        if "style" in attrs:
            self.styles.append(f"<{tag} style={attrs['style']!r}>")
        if tag == "a" and (attrs.get("href") or "").strip().lower().startswith("javascript:"):
            self.handlers.append(f"<a href={attrs['href']!r}>")


def test_public_pages_have_no_inline_script_without_the_nonce(pages, client):
    checked = 0
    for name, (path, status) in pages.items():
        response = client.get(path)
        assert response.status_code == status, path
        nonce = re.search(r"'nonce-([^']+)'", response[CSP])
        found = _InlineCode()
        found.feed(response.content.decode())
        for script_nonce in found.scripts:
            assert nonce and script_nonce == nonce.group(1), f"{name}: inline <script> without this response's nonce"
        # The policy blocks these outright (no nonce can allow them): none may be written.
        assert not found.handlers, f"{name}: {found.handlers}"
        assert not found.styles, f"{name}: {found.styles}"
        checked += 1
    assert checked >= len(PUBLIC_PAGES)


def test_json_ld_is_data_not_script(demo, client):
    # The treatment page's JSON-LD stays without a nonce: browsers never run it, and a nonce
    # would keep the page out of the page cache.
    html = client.get("/treatments/botox/").content.decode()
    assert '<script type="application/ld+json">' in html


def test_cached_pages_get_the_headers_too(demo, client):
    first = client.get("/treatments/botox/")
    second = client.get("/treatments/botox/")
    assert first.content == second.content
    assert second[CSP] == first[CSP]
    assert second.has_header("Permissions-Policy")


def test_report_only_mode_reports_without_blocking(demo, client, settings):
    for name, value in security_header_settings(report_only=True, report_uri="/csp-reports/").items():
        setattr(settings, name, value)
    for path in ("/treatments/botox/", "/api/v2/pages/", "/admin/login/"):
        response = client.get(path, follow=True)
        assert not response.has_header(CSP), path
        assert "report-uri /csp-reports/" in response[CSP_REPORT_ONLY], path
    assert "'unsafe-inline'" in client.get("/admin/login/")[CSP_REPORT_ONLY]


def test_production_settings_apply_the_same_policies_with_the_media_host(tmp_path):
    from tests.cms.test_production import _secret, _settings_probe

    values = _settings_probe(
        "[settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], "
        "settings.CMS_CSP_PATH_POLICIES['/admin/']['img-src'], settings.CONTENT_SECURITY_POLICY_REPORT_ONLY, "
        "settings.WAGTAILDOCS_SERVE_METHOD, storages['default'].default_acl]",
        tmp_path,
        SECRET_KEY=_secret(),
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_CUSTOM_DOMAIN="media.clinic.example",
    )
    site_images, admin_images, report_only, serve_method, acl = values
    assert site_images == ["'self'", "data:", "https://media.clinic.example"]
    assert "https://media.clinic.example" in admin_images
    assert report_only is None
    assert (serve_method, acl) == ("serve_view", "private")


def test_a_page_that_uses_the_nonce_gets_it_and_is_never_cached(settings):
    request = RequestFactory().get("/treatments/botox/")
    request.cms_shareable_page = True

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    response = ContentSecurityPolicyMiddleware(view)(request)
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in directives(response[CSP])["script-src"]
    assert request.cms_shareable_page is False
    assert NONCE in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]


def test_a_page_that_does_not_use_the_nonce_stays_cacheable():
    request = RequestFactory().get("/treatments/botox/")
    request.cms_shareable_page = True
    response = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("<p>Hi</p>"))(request)
    assert "nonce" not in response[CSP]
    assert request.cms_shareable_page is True
