"""Delivery: retries with back-off against a failing receiver, nothing lost, the drain command."""

import json
import socket
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from tests.treatments.factories import make_treatment
from tests.webhooks.conftest import SECRET, Receiver
from webhooks import delivery
from webhooks.config import WebhookConfigError, parse_endpoints
from webhooks.delivery import retry_delay
from webhooks.models import WebhookDelivery
from webhooks.signing import verify


def publish_new_page(parent, committed, **fields):
    page = make_treatment(parent, publish=False, **fields)
    committed(lambda: page.save_revision().publish())
    page.refresh_from_db()
    return page


def drain(now=None):
    """The outbox drained as it would be at ``now`` (by default, the real now)."""
    return delivery.drain(now)


def just_before(moment):
    return moment - timedelta(milliseconds=1)


def test_retries_with_back_off_until_the_receiver_answers(treatment_index, flaky_receiver, committed):
    publish_new_page(treatment_index, committed, title="Dysport", slug="dysport")

    # The first attempt ran after commit and got a 500: the row waits for its back-off.
    row = WebhookDelivery.objects.get()
    assert (row.status, row.attempts, row.last_status_code) == ("pending", 1, 500)
    assert "HTTP 500" in row.last_error
    assert (row.next_attempt_at - row.last_attempt_at).total_seconds() == 30

    assert drain(just_before(row.next_attempt_at)) == []  # not due yet: nothing is sent
    assert len(flaky_receiver.requests) == 1

    second_try = row.next_attempt_at
    drain(second_try)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_attempt_at) == ("pending", 2, second_try)
    assert (row.next_attempt_at - second_try).total_seconds() == 60  # doubled

    assert drain(just_before(row.next_attempt_at)) == []
    drain(row.next_attempt_at)
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_status_code, row.last_error) == ("delivered", 3, 200, "")
    assert row.delivered_at is not None

    # Three identical, verifiable requests for one event: the receiver dedupes on X-CMS-Delivery.
    assert len(flaky_receiver.requests) == 3
    assert len({body for _headers, body in flaky_receiver.requests}) == 1
    assert {headers["X-CMS-Delivery"] for headers, _body in flaky_receiver.requests} == {str(row.delivery_id)}
    for headers, body in flaky_receiver.requests:
        assert verify(body, SECRET, headers["X-CMS-Signature"])
        assert not verify(body, "another secret", headers["X-CMS-Signature"])
        assert not verify(body + b" ", SECRET, headers["X-CMS-Signature"])
    assert json.loads(flaky_receiver.requests[0][1])["url_path"] == "/treatments/dysport/"

    assert drain(row.next_attempt_at + timedelta(days=1)) == []  # delivered rows are never sent again
    assert len(flaky_receiver.requests) == 3


def test_back_off_doubles_up_to_a_cap(settings):
    settings.CMS_WEBHOOK_RETRY_BASE_SECONDS = 30
    settings.CMS_WEBHOOK_RETRY_MAX_SECONDS = 3600
    assert [retry_delay(n) for n in range(1, 10)] == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/hooks"


def test_receiver_down_loses_nothing(treatment_index, settings, committed):
    url = closed_port_url()
    settings.CMS_WEBHOOKS = [{"url": url, "secret": SECRET}]
    settings.CMS_WEBHOOK_MAX_ATTEMPTS = 3
    page = publish_new_page(treatment_index, committed)
    committed(lambda: page.unpublish())

    rows = WebhookDelivery.objects.order_by("id")
    assert [(r.event, r.status, r.attempts) for r in rows] == [
        ("page.published", "pending", 1),
        ("page.unpublished", "pending", 1),
    ]
    assert "ConnectionError" in rows[0].last_error

    later = timezone.now()
    for _ in range(2):
        later += timedelta(hours=1)  # past any back-off
        assert len(drain(later)) == 2
    # Out of attempts: marked failed, kept, visible.
    assert [(r.status, r.attempts) for r in rows.all()] == [("failed", 3), ("failed", 3)]

    # The receiver comes back at the same address; an admin requeues the failed rows.
    back = Receiver(port=int(url.rsplit(":", 1)[1].split("/")[0]))
    try:
        call_command("deliver_webhooks", "--retry-failed", stdout=StringIO())
        assert [r.status for r in rows.all()] == ["delivered", "delivered"]
        assert back.events == ["page.published", "page.unpublished"]
    finally:
        back.close()


def test_drain_command_reports(treatment_index, flaky_receiver, committed, django_capture_on_commit_callbacks, capsys):
    publish_new_page(treatment_index, committed)  # attempted once, retry due in 30 s
    call_command("deliver_webhooks")
    assert (
        "Attempted 0: 0 delivered, 0 to retry, 0 failed for good. 1 pending in the outbox." in capsys.readouterr().out
    )

    with django_capture_on_commit_callbacks(execute=False):  # a row no task attempted: due now
        page = make_treatment(treatment_index, publish=False)
        page.save_revision().publish()
    call_command("deliver_webhooks")
    out = capsys.readouterr().out
    assert "Attempted 1: 0 delivered, 1 to retry, 0 failed for good. 2 pending in the outbox." in out


def test_rows_written_while_no_task_ran_are_drained(treatment_index, receiver, django_capture_on_commit_callbacks):
    # Commit callbacks lost (e.g. the process died right after the commit): the row is still there.
    with django_capture_on_commit_callbacks(execute=False):
        page = make_treatment(treatment_index, publish=False)
        page.save_revision().publish()
    assert WebhookDelivery.objects.get().attempts == 0
    assert receiver.requests == []
    call_command("deliver_webhooks", stdout=StringIO())
    assert WebhookDelivery.objects.get().status == "delivered"
    assert receiver.events == ["page.published"]


def test_removed_endpoint_is_recorded_not_sent(treatment_index, receiver, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        make_treatment(treatment_index, publish=False).save_revision().publish()
    settings.CMS_WEBHOOKS = []
    drain()
    row = WebhookDelivery.objects.get()
    assert (row.status, row.attempts) == ("pending", 1)
    assert "no longer configured" in row.last_error
    assert receiver.requests == []


@pytest.mark.parametrize(
    "raw, message",
    [
        ("not json", "not valid JSON"),
        ('{"url": "https://a.example"}', "must be a JSON list"),
        ('[{"url": "https://a.example"}]', "CMS_WEBHOOKS[0]"),
        ('[{"url": "ftp://a.example", "secret": "s"}]', "http(s) URL"),
        ('[{"url": "https://a.example", "secret": ""}]', "must not be empty"),
    ],
)
def test_bad_configuration_is_reported(raw, message):
    with pytest.raises(WebhookConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        parse_endpoints(raw)
    with override_settings(CMS_WEBHOOKS=raw):
        from webhooks.checks import check_webhook_endpoints

        (error,) = check_webhook_endpoints(None)
        assert error.id == "webhooks.E001"


def test_good_configuration_parses():
    endpoints = parse_endpoints('[{"url": "https://front.example/api/revalidate", "secret": "s3"}]')
    assert [(e.url, e.secret) for e in endpoints] == [("https://front.example/api/revalidate", "s3")]
    assert parse_endpoints("") == []
