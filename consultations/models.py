"""A visitor's request to be contacted about a consultation."""

import secrets

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from clinic.models import PHONE_VALIDATOR

# No 0/O, 1/I/L: staff read references out over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "CR-"


def new_reference():
    """A random, unguessable reference such as ``CR-7K3M9Q2X`` (never the row id)."""
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))


class ConsultationRequest(models.Model):
    """A request for a consultation: who, how to reach them, about what, and how staff handle it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        BOOKED = "booked", "Booked"
        CLOSED = "closed", "Closed"

    class PreferredTime(models.TextChoices):
        MORNING = "morning", "Morning (9am to noon)"
        AFTERNOON = "afternoon", "Afternoon (noon to 5pm)"
        EVENING = "evening", "Evening (5pm to 8pm)"

    class Channel(models.TextChoices):
        SITE = "site", "Website form"
        API = "api", "API"

    reference = models.CharField(max_length=11, unique=True, editable=False, default=new_reference)
    name = models.CharField(max_length=100)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True, validators=[PHONE_VALIDATOR])
    treatment = models.ForeignKey(
        "treatments.TreatmentPage",
        verbose_name="treatment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_requests",
    )
    preferred_time = models.CharField(
        "preferred contact time", max_length=20, blank=True, choices=PreferredTime.choices
    )
    message = models.TextField(max_length=2000, blank=True)
    consent = models.BooleanField("consent to be contacted", default=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.SITE, editable=False)
    source_page = models.CharField(
        "came from", max_length=300, blank=True, editable=False, help_text="The site page the request was sent from."
    )
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    notes = models.TextField("staff notes", blank=True, max_length=5000)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("reference", read_only=True), FieldPanel("created_at", read_only=True)]),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("treatment", read_only=True)]),
                FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("phone", read_only=True)]),
                FieldRowPanel([FieldPanel("preferred_time", read_only=True), FieldPanel("consent", read_only=True)]),
                FieldPanel("message", read_only=True),
                FieldRowPanel([FieldPanel("channel", read_only=True), FieldPanel("source_page", read_only=True)]),
            ],
            heading="Request (as sent, read-only)",
        ),
        FieldPanel("status"),
        FieldPanel("notes"),
    ]

    # Keep requests out of Wagtail's reference index: a page's "usage" must not list who asked about it.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "consultation request"

    def __str__(self):
        # Audit log entries and admin titles show this: the reference, no personal data.
        return self.reference
