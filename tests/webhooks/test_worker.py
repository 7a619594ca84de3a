"""Delivery off the request path: the database queue and its worker (django-tasks-db)."""

import pytest
from django_tasks_db.models import DBTaskResult

from tests.treatments.factories import make_treatment
from tests.webhooks.conftest import SECRET, Receiver, run_worker
from webhooks.models import WebhookDelivery
from webhooks.signing import verify
from webhooks.tasks import deliver_webhook


@pytest.fixture
def hanging_receiver(settings):
    receiver = Receiver(hang=True)
    settings.CMS_WEBHOOKS = [{"url": receiver.url, "secret": SECRET}]
    yield receiver
    receiver.close()


def publish(parent, committed_only, **fields):
    page = make_treatment(parent, publish=False, **fields)
    committed_only(lambda: page.save_revision().publish())
    return page


def test_the_webhook_task_runs_on_the_database_queue():
    backend = deliver_webhook.get_backend()
    assert type(backend).__module__.startswith("django_tasks_db")
    assert backend.supports_defer


def test_publishing_contacts_no_receiver_until_the_worker_runs(treatment_index, hanging_receiver, committed_only):
    # Committed, on-commit callbacks run, as at the end of the editor's request: the publish
    # returned although the receiver would hang, and no request was made to it.
    page = publish(treatment_index, committed_only, title="Dysport", slug="dysport")
    assert hanging_receiver.requests == []
    row = WebhookDelivery.objects.get()
    assert (row.status, row.attempts) == ("pending", 0)
    (task,) = DBTaskResult.objects.ready()
    assert task.args_kwargs["args"] == [row.pk]

    hanging_receiver.release()  # the receiver recovers; the worker (not the request) delivers
    run_worker()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("delivered", 1)
    ((headers, body),) = hanging_receiver.requests
    assert verify(body, SECRET, headers["X-CMS-Signature"])
    assert row.payload["page_id"] == page.pk
    assert not DBTaskResult.objects.ready().exists()


def test_retries_survive_a_worker_restart(treatment_index, settings, committed_only):
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 0  # retries due at once: the test needs no clock
    flaky = Receiver(fail_first=2)
    settings.CMS_WEBHOOKS = [{"url": flaky.url, "secret": SECRET}]
    try:
        publish(treatment_index, committed_only)
        row = WebhookDelivery.objects.get()

        run_worker(max_tasks=1)  # first attempt: HTTP 500; the worker stops (a restart, a deploy)
        row.refresh_from_db()
        assert (row.status, row.attempts, row.last_status_code) == ("pending", 1, 500)
        assert DBTaskResult.objects.ready().count() == 1  # the retry waits in the database

        run_worker(max_tasks=1)  # a new worker process: second attempt, 500 again
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("pending", 2)

        run_worker()  # and the next one delivers
        row.refresh_from_db()
        assert (row.status, row.attempts, row.last_status_code) == ("delivered", 3, 200)
        assert flaky.events == ["page.published"] * 3
        assert not DBTaskResult.objects.ready().exists()
    finally:
        flaky.close()


def test_a_retry_is_not_run_before_its_back_off(treatment_index, flaky_receiver, committed_only):
    publish(treatment_index, committed_only)
    run_worker()
    row = WebhookDelivery.objects.get()
    assert (row.status, row.attempts) == ("pending", 1)
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.run_after == row.next_attempt_at  # 30 s later: not due for this worker
    run_worker()
    assert len(flaky_receiver.requests) == 1
