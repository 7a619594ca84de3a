"""Subscriber-only work (issue 18): nothing without an endpoint, constant queries with one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clinic.models import Practitioner
from tests.treatments.factories import faq_block, make_treatment
from tests.webhooks.conftest import SECRET
from treatments.models import TreatmentPage
from webhooks import events
from webhooks.models import WebhookDelivery
from webhooks.signal_handlers import on_content_changed


def queries_to(action):
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def practitioner_shown_on(parent, n_pages):
    practitioner = Practitioner.objects.create(name="Dr. Ada Byron")
    for _ in range(n_pages):
        make_treatment(parent, reviewed_by=practitioner)
    return practitioner


def announce(practitioner):
    on_content_changed(sender=Practitioner, event="snippet.saved", kind="snippet", instance=practitioner)


@pytest.fixture
def no_payloads(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a payload was built with no endpoint configured")

    monkeypatch.setattr(events, "page_payload", refuse)
    monkeypatch.setattr(events, "object_payload", refuse)


@pytest.mark.parametrize("n_pages", [1, 30])
def test_without_endpoints_nothing_is_built(treatment_index, settings, no_payloads, n_pages, django_assert_num_queries):
    settings.CMS_WEBHOOKS = ""
    practitioner = practitioner_shown_on(treatment_index, n_pages)
    with django_assert_num_queries(0):
        announce(practitioner)
    practitioner.save()  # through every subscriber: the payload builders are never reached
    treatment_index.unpublish()
    assert not WebhookDelivery.objects.exists()


def test_without_endpoints_a_snippet_save_costs_the_same_for_1_or_30_pages(
    treatment_index, settings, no_payloads, django_assert_num_queries
):
    settings.CMS_WEBHOOKS = ""
    one = practitioner_shown_on(treatment_index, 1)
    baseline = queries_to(one.save)
    many = practitioner_shown_on(treatment_index, 30)
    with django_assert_num_queries(baseline):
        many.save()


@pytest.mark.parametrize("n_pages", [1, 30])
def test_with_an_endpoint_paths_cost_three_queries(treatment_index, settings, n_pages, django_assert_num_queries):
    practitioner = practitioner_shown_on(treatment_index, n_pages)
    settings.CMS_WEBHOOKS = [{"url": "http://127.0.0.1:9/hooks", "secret": SECRET}]
    # One ReferenceIndex query, one pages query, one outbox insert; no query per page.
    with django_assert_num_queries(3):
        announce(practitioner)
    row = WebhookDelivery.objects.get()
    assert len(row.payload["paths"]) == len(row.payload["pages"]) == n_pages


@pytest.mark.parametrize("n_pages", [1, 30])
def test_a_page_event_costs_the_same_for_1_or_30_linking_pages(
    treatment_index, settings, n_pages, django_assert_num_queries
):
    target = make_treatment(treatment_index, title="Dysport", slug="dysport")
    link = [faq_block(1, answer=f'<p><a linktype="page" id="{target.pk}">Dysport</a></p>')]
    for _ in range(n_pages):
        make_treatment(treatment_index, body=link)
    page = TreatmentPage.objects.get(pk=target.pk)
    settings.CMS_WEBHOOKS = [{"url": "http://127.0.0.1:9/hooks", "secret": SECRET}]
    with django_assert_num_queries(3):
        on_content_changed(sender=TreatmentPage, event="page.published", kind="page", instance=page)
    paths = WebhookDelivery.objects.get().payload["paths"]
    assert len(paths) == 2 + n_pages  # the page, its listing, every linking page


def test_a_practitioner_save_is_small_and_flat_with_or_without_endpoints(treatment_index, settings, no_payloads):
    # The whole save (search index, cache stamps, reference index): nothing for webhooks without
    # an endpoint, whatever the number of pages that show the practitioner (issue 18's 672 ms).
    settings.CMS_WEBHOOKS = ""
    many = practitioner_shown_on(treatment_index, 30)
    without = queries_to(many.save)
    assert without <= 16


@pytest.mark.parametrize("n_pages", [1, 30])
def test_a_practitioner_save_with_an_endpoint_adds_three_queries_for_any_number_of_pages(
    treatment_index, settings, n_pages
):
    practitioner = practitioner_shown_on(treatment_index, n_pages)
    settings.CMS_WEBHOOKS = ""
    without = queries_to(practitioner.save)
    settings.CMS_WEBHOOKS = [{"url": "http://127.0.0.1:9/hooks", "secret": SECRET}]
    # ReferenceIndex, the live pages with their URL fields, the outbox insert: no query per page.
    assert queries_to(practitioner.save) == without + 3
    assert len(WebhookDelivery.objects.get().payload["paths"]) == n_pages
