"""The Revoke action: a confirmation page (GET) and the revocation itself (POST only).

Only users who may change photo authorizations (superusers, Clinic managers) may revoke; a
revocation is final: the patient signs a new authorization to allow their photos again.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from .models import PhotoAuthorization

CHANGE_PERMISSION = "photos.change_photoauthorization"


def may_revoke(user):
    """Superusers and users allowed to change authorizations (Clinic managers)."""
    return user.is_active and user.has_perm(CHANGE_PERMISSION)


def _authorization_for(request, pk):
    if not may_revoke(request.user):
        raise PermissionDenied
    return get_object_or_404(PhotoAuthorization, pk=pk)


@require_GET
def confirm_revoke(request, pk):
    """Asks before revoking, and says what will happen to the pages."""
    authorization = _authorization_for(request, pk)
    return TemplateResponse(
        request,
        "photos/confirm_revoke.html",
        {
            "authorization": authorization,
            "status": authorization.status(timezone.localdate()),
            "revoke_url": reverse("photos_revoke", args=[authorization.pk]),
            "index_url": reverse(PhotoAuthorization.snippet_viewset.get_url_name("list")),
        },
    )


@require_POST
def revoke(request, pk):
    """Revoke (idempotent: a second POST changes nothing) and return to the list."""
    authorization = _authorization_for(request, pk)
    if authorization.revoke(user=request.user):
        messages.success(
            request,
            f"Authorization {authorization.pk} revoked: its photos no longer show on the site, and the pages "
            "using them were sent to Medical review.",
        )
    else:
        messages.warning(request, f"Authorization {authorization.pk} was already revoked.")
    return redirect(PhotoAuthorization.snippet_viewset.get_url_name("list"))
