"""URL map: admin, API, search, then every other path is a Wagtail page."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts.throttling import ThrottledPasswordResetView
from api.clinic import ClinicAPIView
from api.errors import api_not_found
from api.schema import OpenAPIView
from consultations.api import ConsultationRequestAPIView
from core.health import healthz
from search import views as search_views

from .api import api_router

# A database outage answers 503 (retry later), any other crash Django's 500.
handler500 = "core.outage.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Wagtail's password reset form, counted by the sign-in lockout (docs/security-logins.md).
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/clinic/", ClinicAPIView.as_view(), name="api-clinic"),
    path("api/v2/openapi.json", OpenAPIView.as_view(router=api_router), name="api-openapi"),
    path("api/v2/consultations/", ConsultationRequestAPIView.as_view(), name="api-consultations"),
    path("consultation/", include("consultations.urls")),
    path("api/v2/", api_router.urls),
    # Anything else under /api/ is a JSON 404 (e.g. /api/v2/pages/abc/), never the site's HTML one.
    re_path(r"^api/", api_not_found),
    path("search/", search_views.search, name="search"),
    path("", include("seo.urls")),
    path("", include("home.urls")),
]

if getattr(settings, "SERVE_MEDIA", False):
    # The local server shows uploaded images itself (never documents, nor a private collection's
    # images to visitors: core/media_files.py); in production the web server or S3 does.
    from core.media_files import serve_media

    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns += [re_path(rf"^{media_prefix}/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
