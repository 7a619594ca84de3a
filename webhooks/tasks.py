"""django-tasks entry point: deliver one outbox row (enqueued once the change commits)."""

from django_tasks import default_task_backend, task

from .delivery import deliver
from .models import WebhookDelivery


@task()
def deliver_webhook(row_id):
    """Attempt the row; with a backend that can defer, schedule its retry, else the drain command does."""
    row = deliver(row_id)
    if row is not None and row.status == WebhookDelivery.Status.PENDING and default_task_backend.supports_defer:
        deliver_webhook.using(run_after=row.next_attempt_at).enqueue(row_id)
    return row.status if row is not None else None
