from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import WebhookDelivery
from .permissions import SuperuserReadOnlyPolicy
from .views import WebhookDeliveryViewSet

register_permission_policy(WebhookDelivery, SuperuserReadOnlyPolicy(WebhookDelivery))


@hooks.register("register_admin_viewset")
def register_webhook_deliveries():
    return WebhookDeliveryViewSet("webhook_deliveries")
