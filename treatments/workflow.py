"""The "Medical review" workflow on the treatments section.

Migration 0003 creates the "Practitioners" group, its approval task and the workflow, and
assigns it to every /treatments/ index that exists then. An index page created later (a new
site, or the demo loader on an empty database) is assigned here, when it is first saved.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import F, Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from .models import TreatmentIndexPage, TreatmentPage
from .review import MEDICAL_REVIEW_WORKFLOW, PRACTITIONERS_GROUP, due_soon_limit

# What practitioners may do under /treatments/: approving a review publishes the page.
PRACTITIONER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
# Clinic managers edit treatment pages to correct the review record (migration 0006).
MANAGERS_GROUP = "Clinic managers"


def assign_medical_review(index_page):
    """Put ``index_page`` (and the treatments under it) under the Medical review workflow."""
    workflow = Workflow.objects.filter(name=MEDICAL_REVIEW_WORKFLOW, active=True).first()
    group = Group.objects.filter(name=PRACTITIONERS_GROUP).first()
    if workflow is None or group is None:
        return  # removed on purpose by the clinic: respect that
    WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PRACTITIONER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=index_page, permission=permission)
    managers = Group.objects.filter(name=MANAGERS_GROUP).first()
    if managers is not None:
        change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
        GroupPagePermission.objects.get_or_create(group=managers, page=index_page, permission=change)


@receiver(post_save, sender=TreatmentIndexPage)
def assign_on_create(sender, instance, created, raw=False, **kwargs):
    # Only a new index: a clinic that later unassigns the workflow keeps its choice.
    if created and not raw:
        assign_medical_review(instance)


# What the review panel shows of a page: never its body.
REVIEW_COLUMNS = ("id", "title", "draft_title", "path", "depth", "last_reviewed", "review_interval_months")
REVIEW_COLUMNS += ("review_due", "reviewed_by__name")


def needing_review(today=None):
    """Live treatment pages whose review is overdue or due soon, most urgent first, as a queryset.

    Filtered and ordered in the database on the stored due date (never reviewed first, then
    by due date, then in menu order), reading only what a report shows. Drafts never
    published are left out: the workflow reviews them before they go live.
    """
    return (
        TreatmentPage.objects.live()
        .filter(Q(review_due__isnull=True) | Q(review_due__lte=due_soon_limit(today)))
        .select_related("reviewed_by")
        .only(*REVIEW_COLUMNS)
        .order_by(F("review_due").asc(nulls_first=True), "path")
    )


def pages_needing_review(today=None, limit=None):
    """The first ``limit`` (default: all) pages of ``needing_review``, in one query."""
    pages = needing_review(today)
    return list(pages[:limit] if limit is not None else pages)
