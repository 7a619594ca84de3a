"""``manage.py deliver_webhooks``: send every due outbox row once (run it from cron or a timer)."""

from django.core.management.base import BaseCommand

from webhooks.delivery import drain, retry_failed
from webhooks.models import WebhookDelivery


class Command(BaseCommand):
    help = "Deliver due webhook outbox rows; failed attempts are rescheduled with back-off."

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed", action="store_true", help="First give rows that ran out of attempts a fresh start."
        )

    def handle(self, *args, **options):
        if options["retry_failed"]:
            self.stdout.write(f"Requeued {retry_failed()} failed deliveries.")
        rows = drain()
        delivered = sum(row.status == WebhookDelivery.Status.DELIVERED for row in rows)
        failed = sum(row.status == WebhookDelivery.Status.FAILED for row in rows)
        pending = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING).count()
        self.stdout.write(
            f"Attempted {len(rows)}: {delivered} delivered, {len(rows) - delivered - failed} to retry, "
            f"{failed} failed for good. {pending} pending in the outbox."
        )
