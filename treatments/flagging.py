"""Sending a live treatment page back to Medical review because something it shows changed.

Shared by the changes that make a page's content need a practitioner's eyes again without an
edit of the page itself: a product's safety information (``treatments.safety``) and a patient's
photo authorization withdrawn (``treatments.photo_review``). Each writes the page's audit log
entry saying why, starts the page's workflow and raises ``content_changed`` (``page.changed``)
so caches, CDNs and webhooks forget the page at once.
"""

from wagtail.log_actions import LogContext, get_active_log_context, log
from wagtail.models import WorkflowState

from core.signals import send


def send_back_to_review(page, action, data, user=None):
    """Log ``action`` (a registered log action) on ``page``, start its review, tell its caches."""
    # Each page's entries under their own log id: a page's History shows one entry per id and action
    # across all pages, so under the change's one id only the last page sent back would show why.
    with LogContext(user=user or get_active_log_context().user):
        log(instance=page, action=action, data=data)
        start_medical_review(page)
    send("page.changed", page)


def start_medical_review(page):
    """Start the page's workflow (Medical review) unless one is already in progress."""
    if WorkflowState.objects.for_instance(page).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
        return
    workflow = page.get_workflow()
    if workflow is None or not workflow.active:
        return
    if page.get_latest_revision() is None:
        page.save_revision(log_action=False)
    workflow.start(page, None)
