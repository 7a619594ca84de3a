"""django-tasks entry point: deliver one outbox row, in the worker (``db_worker --backend webhooks``).

Enqueued once the change commits, on the ``webhooks`` backend (``TASKS`` in settings: the
database queue of ``django-tasks-db``), so no receiver is contacted in the publishing request.
A failed attempt enqueues its retry with ``run_after`` set to the row's back-off: the retry is
a row in the database and survives a worker restart.
"""

from django_tasks import task

from .delivery import deliver
from .models import WebhookDelivery

BACKEND = "webhooks"


@task(backend=BACKEND)
def deliver_webhook(row_id):
    """Attempt the row; if it must be retried, schedule the retry (else ``deliver_webhooks`` sweeps it)."""
    row = deliver(row_id)
    if (
        row is not None
        and row.status == WebhookDelivery.Status.PENDING
        and deliver_webhook.get_backend().supports_defer
    ):
        deliver_webhook.using(run_after=row.next_attempt_at).enqueue(row_id)
    return row.status if row is not None else None
