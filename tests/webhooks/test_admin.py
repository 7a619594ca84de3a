"""The outbox in the Wagtail admin: visible to superusers, read-only, hidden from editors."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.treatments.factories import make_treatment
from webhooks.models import WebhookDelivery


@pytest.fixture
def failed_delivery(treatment_index, settings, django_capture_on_commit_callbacks):
    settings.CMS_WEBHOOKS = [{"url": "http://127.0.0.1:9/rebuild", "secret": "s"}]
    with django_capture_on_commit_callbacks(execute=False):
        page = make_treatment(treatment_index, publish=False, title="Dysport", slug="dysport")
        page.save_revision().publish()
    row = WebhookDelivery.objects.get()
    row.status, row.attempts, row.last_error = "failed", 10, "ConnectionError: refused"
    row.save()
    return row


@pytest.fixture
def editor(django_user_model):
    """A staff editor of the clinic with Wagtail's standard Editors permissions."""
    user = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_superuser_sees_deliveries_and_their_errors(failed_delivery, client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("webhook_deliveries:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "page.published" in page
    assert "http://127.0.0.1:9/rebuild" in page
    assert "Failed" in page

    inspect = client.get(reverse("webhook_deliveries:inspect", args=[failed_delivery.pk]))
    assert inspect.status_code == 200
    assert "ConnectionError: refused" in inspect.content.decode()
    assert "/treatments/dysport/" in inspect.content.decode()


def test_settings_menu_links_to_the_outbox(client, admin_user, db):
    client.force_login(admin_user)
    assert reverse("webhook_deliveries:index") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_nobody_edits_the_outbox(failed_delivery, client, admin_user):
    client.force_login(admin_user)
    for url in [
        reverse("webhook_deliveries:add"),
        reverse("webhook_deliveries:edit", args=[failed_delivery.pk]),
        reverse("webhook_deliveries:delete", args=[failed_delivery.pk]),
    ]:
        assert client.get(url).status_code in (302, 403), url
        client.post(url, {"event": "forged"})
    failed_delivery.refresh_from_db()
    assert failed_delivery.event == "page.published"
    assert WebhookDelivery.objects.count() == 1


def test_editors_do_not_see_the_outbox(failed_delivery, client, editor):
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    for url in [
        reverse("webhook_deliveries:index"),
        reverse("webhook_deliveries:inspect", args=[failed_delivery.pk]),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "rebuild" not in response.content.decode()
    assert reverse("webhook_deliveries:index") not in client.get(reverse("wagtailadmin_home")).content.decode()
