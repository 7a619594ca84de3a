"""Who may see the outbox: superusers only, and nobody may change it by hand."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy


class SuperuserReadOnlyPolicy(BasePermissionPolicy):
    """Superusers may view; no one may add, edit or delete (the outbox is an audit trail)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
