"""Who may publish under a treatments index: practitioners only; everyone else submits for Medical review.

Wagtail's page permissions come from the tree (Moderators keep ``publish_page`` on the root),
so the rule lives in the pages' permission testers: the edit view, the bulk publish action,
"publish copies", scheduled publishing from the editor and ``Page.publish(user=...)`` all ask
``permissions_for_user``. Unpublishing stays as Wagtail grants it: taking a page down never
shows patients anything unreviewed, and the clinic may need to do it quickly.
"""

from wagtail.models import PagePermissionTester

from .review import signs_off_reviews


class TreatmentPagePermissionTester(PagePermissionTester):
    """A treatment page: publishing (and what Wagtail derives from it) needs a practitioner."""

    def can_publish(self):
        return super().can_publish() and signs_off_reviews(self.user)


class TreatmentIndexPermissionTester(PagePermissionTester):
    """A treatments index: creating and publishing a treatment in one go needs a practitioner."""

    def can_publish_subpage(self):
        return super().can_publish_subpage() and signs_off_reviews(self.user)
