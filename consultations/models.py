"""A visitor's request to be contacted about a consultation."""

import secrets

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from clinic.models import PHONE_VALIDATOR

from .text import PlainTextValidator

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
    # Text fields refuse control and bidirectional-override characters (consultations/text.py).
    name = models.CharField(max_length=100, validators=[PlainTextValidator()])
    email = models.EmailField(blank=True, validators=[PlainTextValidator()])
    phone = models.CharField(max_length=30, blank=True, validators=[PHONE_VALIDATOR, PlainTextValidator()])
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
    message = models.TextField(max_length=2000, blank=True, validators=[PlainTextValidator(multiline=True)])
    consent = models.BooleanField("consent to be contacted", default=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.SITE, editable=False)
    source_page = models.CharField(
        "came from", max_length=300, blank=True, editable=False, help_text="The site page the request was sent from."
    )
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    notes = models.TextField(
        "staff notes", blank=True, max_length=5000, validators=[PlainTextValidator(multiline=True)]
    )

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


class IdempotencyKey(models.Model):
    """An ``Idempotency-Key`` sent with ``POST /api/v2/consultations/`` and the answer it got.

    Kept 24 hours (``purge_consultation_requests`` deletes older ones): a retry with the same key
    and body gets the first answer again instead of a second request. The unique key makes the
    database the judge when two copies of a request arrive at the same moment.
    """

    key = models.CharField(max_length=255, unique=True)
    # A keyed hash of the body (never the body itself): tells a retry from a different request.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField()
    response = models.JSONField(encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"Idempotency key received {self.created_at:%Y-%m-%d %H:%M}"
