"""Telling the clinic about a new request by email."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from core.hosts import admin_base_url

from .models import ConsultationRequest

logger = logging.getLogger(__name__)


def notify_clinic(consultation_pk, recipient):
    """Email the clinic about a request. Never raises: the request is already safely stored."""
    if not recipient:
        logger.warning("No notification email in Clinic details; request %s is in the inbox only.", consultation_pk)
        return False
    try:
        consultation = ConsultationRequest.objects.select_related("treatment").get(pk=consultation_pk)
        context = {
            "consultation": consultation,
            # WAGTAILADMIN_BASE_URL, else the default Site: sent after the request, never a default port.
            "admin_url": admin_base_url()
            + reverse("consultations_consultationrequest_modeladmin_inspect", args=[consultation.pk]),
        }
        subject = f"New consultation request {consultation.reference}"
        if consultation.treatment:
            subject += f" ({consultation.treatment.title})"
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("consultations/email/notification.txt", context),
            to=[recipient],
            reply_to=[consultation.email] if consultation.email else None,
        )
        message.attach_alternative(render_to_string("consultations/email/notification.html", context), "text/html")
        message.send()
    except Exception:
        # Logged for the operator; the request stays in the staff inbox either way.
        logger.exception("Could not send the notification for consultation request %s.", consultation_pk)
        return False
    return True
