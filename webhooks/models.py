"""The webhook outbox: one row per event and endpoint, the source of truth for delivery."""

import uuid

from django.db import models
from django.utils import timezone


class WebhookDelivery(models.Model):
    """One event owed to one endpoint: written with the content change, kept after delivery."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"

    delivery_id = models.UUIDField(
        default=uuid.uuid4, unique=True, editable=False, help_text="Sent as X-CMS-Delivery; receivers dedupe on it."
    )
    event = models.CharField(max_length=50, help_text="e.g. page.published")
    payload = models.JSONField(help_text="The JSON body sent to the endpoint.")
    endpoint_url = models.URLField(max_length=500)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now, help_text="Not attempted again before this time.")
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_due_idx")]

    def __str__(self):
        return f"{self.event} → {self.endpoint_url} ({self.get_status_display()})"
