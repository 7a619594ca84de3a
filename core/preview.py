"""Headless preview: editors see their draft in the front end, through a signed, expiring token.

Built on wagtail-headless-preview (Wagtail 8 has no headless preview of its own). The library
stores the draft as a ``PagePreview`` row keyed by a ``TimestampSigner`` token but never checks the
token's age; ``HeadlessPreviewPage`` enforces ``CMS_PREVIEW_TOKEN_MAX_AGE``. The site's own preview
stays the default mode; the front-end mode appears once ``CMS_PREVIEW_CLIENT_URL`` is set.
"""

from django.apps import apps
from django.conf import settings
from django.core import signing
from wagtail_headless_preview.models import HeadlessPreviewMixin

HEADLESS_PREVIEW_MODE = "headless"


class PreviewTokenError(Exception):
    """A preview request that cannot be answered; ``status`` is the HTTP status to answer with."""

    def __init__(self, message, status=400, code="bad_request"):
        super().__init__(message)
        self.status = status
        self.code = code


class HeadlessPreviewPage(HeadlessPreviewMixin):
    """Page mixin: adds a "Front end" preview mode next to the site's own preview."""

    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if settings.CMS_PREVIEW_CLIENT_URL:
            modes.append((HEADLESS_PREVIEW_MODE, "Front end"))
        return modes

    @property
    def default_preview_mode(self):
        # The rendered site stays the default: the admin's preview panel keeps showing real HTML.
        return ""

    def serve_preview(self, request, preview_mode):
        if preview_mode == HEADLESS_PREVIEW_MODE:
            return HeadlessPreviewMixin.serve_preview(self, request, preview_mode)
        # Skip the library's override and render the page as the site would.
        return super(HeadlessPreviewMixin, self).serve_preview(request, preview_mode)

    @classmethod
    def get_page_from_preview_token(cls, token):
        """The draft stored under ``token``, or ``PreviewTokenError`` if forged, expired or unknown."""
        try:
            cls.get_preview_signer().unsign(token, max_age=settings.CMS_PREVIEW_TOKEN_MAX_AGE)
        except signing.SignatureExpired as exc:
            raise PreviewTokenError(
                "The preview token has expired; preview the page again.", 403, "preview_token_expired"
            ) from exc
        except signing.BadSignature as exc:
            raise PreviewTokenError("The preview token is not valid.", 403, "preview_token_invalid") from exc
        page = super().get_page_from_preview_token(token)
        if page is None:
            raise PreviewTokenError("No preview exists for this token and content type.", 404, "preview_not_found")
        return page


def page_from_preview_request(content_type, token):
    """Resolve ``?content_type=app.model&token=...`` to the previewed draft page."""
    if not content_type or not token:
        raise PreviewTokenError("Both 'content_type' and 'token' query parameters are required.")
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError) as exc:
        raise PreviewTokenError(f"Unknown content type: {content_type!r}.") from exc
    if not issubclass(model, HeadlessPreviewPage):
        raise PreviewTokenError(f"Pages of type {content_type!r} have no headless preview.")
    page = model.get_page_from_preview_token(token)
    if page.pk is None:
        # A page being created has no id yet; the serializer's URLs need one.
        page.pk = page.id = 0
    else:
        # The stored JSON keeps timestamps to the millisecond; the live endpoint shows the database's.
        page.first_published_at = (
            model.objects.filter(pk=page.pk).values_list("first_published_at", flat=True).first()
            or page.first_published_at
        )
    return page
