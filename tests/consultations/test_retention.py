"""purge_consultation_requests: closed requests older than the retention period go, nothing else."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from consultations.models import ConsultationRequest


def _request(days_old, status):
    consultation = ConsultationRequest.objects.create(name="P", email="p@example.com", consent=True, status=status)
    # created_at is auto_now_add: move it back with an update.
    ConsultationRequest.objects.filter(pk=consultation.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return consultation


@pytest.fixture
def inbox(db):
    return {
        "old_closed": _request(400, "closed"),
        "old_booked": _request(400, "booked"),
        "old_new": _request(800, "new"),
        "recent_closed": _request(30, "closed"),
        "month_closed": _request(100, "closed"),
    }


def _purge(*args):
    out = StringIO()
    call_command("purge_consultation_requests", *args, stdout=out)
    return out.getvalue()


def _left():
    return set(ConsultationRequest.objects.values_list("reference", flat=True))


def test_default_retention_is_365_days(inbox):
    output = _purge()
    assert "Deleted 1 closed request(s) older than 365 days." in output
    assert inbox["old_closed"].reference not in _left()
    assert _left() == {c.reference for k, c in inbox.items() if k != "old_closed"}


def test_older_than_overrides_the_setting(inbox):
    assert "Deleted 2 " in _purge("--older-than", "90")
    assert _left() == {inbox[k].reference for k in ("old_booked", "old_new", "recent_closed")}


def test_setting_changes_the_default(inbox, settings):
    settings.CONSULTATION_RETENTION_DAYS = 60
    assert "Deleted 2 closed request(s) older than 60 days." in _purge()


def test_dry_run_lists_and_keeps_everything(inbox):
    output = _purge("--older-than", "90", "--dry-run")
    assert "Would delete 2 closed request(s) older than 90 days (dry run)." in output
    assert inbox["old_closed"].reference in output and inbox["month_closed"].reference in output
    assert inbox["recent_closed"].reference not in output
    assert "p@example.com" not in output, "no personal data in the output"
    assert len(_left()) == 5


def test_open_requests_are_never_purged(inbox):
    _purge("--older-than", "1")
    assert _left() == {inbox["old_booked"].reference, inbox["old_new"].reference}


def test_nothing_to_purge(db):
    assert "Deleted 0 closed request(s)" in _purge()


@pytest.mark.parametrize("value", ["0", "-5", "abc"])
def test_bad_days_are_refused(inbox, value):
    with pytest.raises(CommandError):
        call_command("purge_consultation_requests", "--older-than", value)
    assert len(_left()) == 5
