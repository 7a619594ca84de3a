"""A patient's authorization to publish their before-and-after photos (45 CFR 164.508).

The record says what the signed form covers (website, social media, print), when it was signed
and until when it runs. The patient reference (e.g. "chart 4411") tells the clinic where the form
and the patient are; it is the clinic's record, never shown to the public or to editors.

An authorization is *current* on a day when it is signed, not revoked and not past its expiry
date (``expires_on`` is the last day it covers). The site shows a pair only while its
authorization is current and covers the website, read from the database at every render.
A revocation (the admin's Revoke action) or an expiry (``manage.py expire_photo_authorizations``)
sends :data:`photos.signals.authorization_withdrawn` once, inside its transaction, and records
when (``withdrawal_handled_at``) so it is never sent twice.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log

from .signals import authorization_withdrawn

REVOKED = "revoked"
EXPIRED = "expired"
NARROWED = "changed to no longer cover the website"
# Log actions (registered in wagtail_hooks): on the authorization, and on each page that showed it.
REVOKED_ACTION = "photos.authorization_revoked"
EXPIRED_ACTION = "photos.authorization_expired"
WITHDRAWN_ACTION = "photos.authorization_withdrawn"


class PhotoAuthorizationQuerySet(models.QuerySet):
    def website_current(self, today):
        """Authorizations that let the website show photos on ``today`` (as ``covers_website_on``)."""
        return self.filter(covers_website=True, revoked=False, signed_on__lte=today).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today)
        )

    def expired_unhandled(self, today):
        """Authorizations past their expiry date on ``today`` whose withdrawal was not yet sent."""
        return self.filter(expires_on__lt=today, withdrawal_handled_at__isnull=True).order_by("pk")


class PhotoAuthorization(models.Model):
    """A patient's signed authorization to use their photos in the clinic's marketing."""

    patient_reference = models.CharField(
        max_length=100,
        help_text=(
            "Where the clinic finds the patient and the signed form, e.g. 'chart 4411'. Never the patient's "
            "name. Shown only to clinic managers, never on the site, in the API or to editors."
        ),
    )
    label = models.CharField(
        max_length=120,
        help_text=(
            "How editors recognise these photos when they choose them, without naming the patient, "
            "e.g. 'Forehead lines, photos of March 2026'."
        ),
    )
    covers_website = models.BooleanField("Covers the website", default=False)
    covers_social = models.BooleanField("Covers social media", default=False)
    covers_print = models.BooleanField("Covers print", default=False)
    signed_on = models.DateField(help_text="The date the patient signed the authorization.")
    expires_on = models.DateField(
        null=True,
        blank=True,
        help_text="The last day the authorization covers, as the signed form states. Empty: no expiry date.",
    )
    revoked = models.BooleanField(default=False, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawal_handled_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When pages using it were sent back to review after a revocation or expiry.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PhotoAuthorizationQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = "photo authorization"

    def __str__(self):
        # Editors see this in the chooser: the label and status, never the patient reference.
        return f"{self.label} (authorization {self.pk}, {self.status(timezone.localdate())})"

    def save(self, *args, **kwargs):
        narrowed = False
        if self.pk is not None and not self.revoked and "update_fields" not in kwargs:
            stored = type(self).objects.filter(pk=self.pk).values("expires_on", "covers_website").first()
            # A new expiry date (the patient signed an extension) is watched again by the command.
            if stored and stored["expires_on"] != self.expires_on:
                self.withdrawal_handled_at = None
            # The website struck from what it covers withdraws the photos, as a revocation does.
            narrowed = bool(stored and stored["covers_website"] and not self.covers_website)
        with transaction.atomic():
            super().save(*args, **kwargs)
            if narrowed:
                authorization_withdrawn.send(sender=type(self), authorization=self, reason=NARROWED, user=None)

    def clean(self):
        super().clean()
        if self.expires_on and self.signed_on and self.expires_on < self.signed_on:
            raise ValidationError({"expires_on": "The expiry date cannot come before the date it was signed."})

    def is_current(self, today):
        """Signed, not revoked and not past its expiry date on ``today``."""
        return not self.revoked and self.signed_on <= today and (self.expires_on is None or today <= self.expires_on)

    def covers_website_on(self, day):
        """The website may show the photos on ``day``."""
        return self.covers_website and self.is_current(day)

    def website_changes_on(self, today):
        """The next day (after ``today``) on which the website may start or stop showing the photos
        by the calendar alone: the signing day ahead, or the day after the expiry date; else None."""
        if self.revoked or not self.covers_website:
            return None
        if self.signed_on > today:
            return self.signed_on
        if self.expires_on is not None and today <= self.expires_on:
            return self.expires_on + datetime.timedelta(days=1)
        return None

    def status(self, today):
        """In the clinic's words: current, revoked, expired or not yet signed on ``today``."""
        if self.revoked:
            return "revoked"
        if self.expires_on is not None and today > self.expires_on:
            return "expired"
        if self.signed_on > today:
            return "not yet in force"
        return "current"

    @property
    def status_today(self):
        return self.status(timezone.localdate())

    @property
    def covered(self):
        """For the admin's list, e.g. "website, print"."""
        return ", ".join(self.covers()) or "nothing"

    def covers(self):
        """What it covers, e.g. ["website", "social media"]."""
        flags = {"website": self.covers_website, "social media": self.covers_social, "print": self.covers_print}
        return [name for name, covered in flags.items() if covered]

    def revoke(self, user=None):
        """Record the patient's revocation and withdraw the photos; False if it was already revoked."""
        with transaction.atomic():
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            if locked.revoked:
                return False
            now = timezone.now()
            self.revoked, self.revoked_at = True, now
            # An expiry already handled leaves the record as it was: pages went to review then.
            already_handled = locked.withdrawal_handled_at is not None
            self.withdrawal_handled_at = locked.withdrawal_handled_at or now
            self.save(update_fields=["revoked", "revoked_at", "withdrawal_handled_at"])
            log(instance=self, action=REVOKED_ACTION, user=user)
            if not already_handled:
                authorization_withdrawn.send(sender=type(self), authorization=self, reason=REVOKED, user=user)
        return True

    def withdraw_expired(self, today):
        """Send the withdrawal of an authorization past its expiry; False if not expired or already handled."""
        with transaction.atomic():
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            if locked.withdrawal_handled_at is not None or locked.expires_on is None or today <= locked.expires_on:
                return False
            self.withdrawal_handled_at = timezone.now()
            self.save(update_fields=["withdrawal_handled_at"])
            log(instance=self, action=EXPIRED_ACTION)
            authorization_withdrawn.send(sender=type(self), authorization=self, reason=EXPIRED, user=None)
        return True
