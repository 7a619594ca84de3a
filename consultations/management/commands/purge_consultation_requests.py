"""Delete closed consultation requests older than the clinic's retention period, and expired idempotency keys."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from consultations import idempotency
from consultations.models import ConsultationRequest


def _days(value):
    try:
        days = int(value)
    except ValueError:
        raise CommandError(f"--older-than needs a whole number of days, not {value!r}.") from None
    if days < 1:
        raise CommandError("--older-than must be at least 1 day.")
    return days


class Command(BaseCommand):
    help = (
        "Delete closed consultation requests received more than DAYS days ago "
        "(default: CONSULTATION_RETENTION_DAYS). Open requests are never deleted. "
        "Also deletes the API's Idempotency-Key records older than 24 hours."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=_days,
            metavar="DAYS",
            help="Retention period in days (default: the CONSULTATION_RETENTION_DAYS setting, 365).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only show what would be deleted.")

    def handle(self, *args, **options):
        days = options["older_than"] or settings.CONSULTATION_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        expired = ConsultationRequest.objects.filter(status=ConsultationRequest.Status.CLOSED, created_at__lt=cutoff)
        if options["dry_run"]:
            rows = list(expired.order_by("created_at").values_list("reference", "created_at"))
            for reference, created_at in rows:
                # References and dates only: the output ends up in cron mail and logs.
                self.stdout.write(f"{reference}  received {created_at:%Y-%m-%d}")
            self.stdout.write(f"Would delete {len(rows)} closed request(s) older than {days} days (dry run).")
            self.stdout.write(f"Would delete {idempotency.expired().count()} expired idempotency key(s) (dry run).")
            return
        with transaction.atomic():
            deleted, _ = expired.delete()
            keys, _ = idempotency.expired().delete()
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} closed request(s) older than {days} days."))
        self.stdout.write(self.style.SUCCESS(f"Deleted {keys} expired idempotency key(s)."))
