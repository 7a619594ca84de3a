"""The outbox in the Wagtail admin: Settings → Webhook deliveries, read-only, for superusers."""

from wagtail.admin.viewsets.model import ModelViewSet

from .models import WebhookDelivery


class WebhookDeliveryViewSet(ModelViewSet):
    """Every delivery with its status, attempts and last error; the inspect view shows the payload."""

    model = WebhookDelivery
    icon = "resubmit"
    menu_label = "Webhook deliveries"
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    # Never used: the permission policy denies add and edit to everyone.
    form_fields = []
    list_display = ["event", "endpoint_url", "status", "attempts", "created_at", "next_attempt_at", "delivered_at"]
    list_filter = ["status", "event"]
    inspect_view_fields = [
        "delivery_id",
        "event",
        "endpoint_url",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "last_status_code",
        "last_error",
        "payload",
    ]
