"""A patient's photo authorization withdrawn (revoked or expired): every page showing the photos reacts.

The pair itself disappears from the site and the API by itself: rendering asks the database
whether its authorization is current (``treatments.blocks.before_after``). Here, on
:data:`photos.signals.authorization_withdrawn` (inside the revocation's or expiry's transaction),
each treatment page referring to the authorization (Wagtail's ``ReferenceIndex``) goes back to
Medical review with an audit log entry saying why, and ``content_changed`` is raised for it.
The log says which authorization (number and label), never the patient reference.
"""

from django.contrib.contenttypes.models import ContentType
from django.dispatch import receiver
from wagtail.models import Page, ReferenceIndex

from photos.models import WITHDRAWN_ACTION
from photos.signals import authorization_withdrawn

from .flagging import send_back_to_review
from .models import TreatmentPage


def pages_showing(authorization):
    """Every treatment page (live or draft) whose content refers to ``authorization``."""
    references = ReferenceIndex.get_references_to(authorization).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = references.values_list("object_id", flat=True)
    return TreatmentPage.objects.filter(pk__in=[int(pk) for pk in page_ids]).order_by("path")


@receiver(authorization_withdrawn, dispatch_uid="treatments-photo-review")
def send_pages_to_review(sender, authorization, reason, user=None, **kwargs):
    """Each page showing the withdrawn authorization's photos: back to Medical review, logged."""
    data = {"authorization_id": authorization.pk, "label": authorization.label, "reason": reason}
    for page in pages_showing(authorization):
        send_back_to_review(page, WITHDRAWN_ACTION, data, user=user)
