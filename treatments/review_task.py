"""The "Practitioner approval" task of the Medical review workflow: approved by practitioners only.

Wagtail's group approval lets every superuser approve; a medical review needs a practitioner
with a linked profile (``review.signs_off_reviews``), whose name the approval stamps on the page.
Others in the task's groups, and superusers, may still request changes.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import GroupApprovalTask

from .review import signs_off_reviews, who_may_approve


class PractitionerApprovalTask(GroupApprovalTask):
    """Group approval in which only a practitioner with a linked profile may approve."""

    def may_approve(self, user):
        """True if ``user`` may approve: in the task's groups (or superuser) and a practitioner."""
        return signs_off_reviews(user) and any(
            name == "approve" for name, _label, _modal in super().get_actions(None, user)
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if signs_off_reviews(user):
            return actions
        return [action for action in actions if action[0] != "approve"]

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin offers approval only to practitioners; this guards code that calls the task directly.
        if action_name == "approve" and not self.may_approve(user):
            raise PermissionDenied(who_may_approve())
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups who are practitioners with a linked profile can approve."

    class Meta:
        verbose_name = "practitioner approval task"
        verbose_name_plural = "practitioner approval tasks"
