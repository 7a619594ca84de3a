"""``content_changed``: one signal, raised once per change, from the one list in core/signals.py."""

import pytest
from django.db import connection
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, PageViewRestriction

from core.signals import content_changed
from tests.treatments.factories import make_treatment


@pytest.fixture
def heard():
    """Every content_changed as (event, id, old_url_path, transactions opened since the test began)."""
    events = []
    depth = len(connection.atomic_blocks)

    def listen(sender, event, kind, instance, old_url_path=None, **kwargs):
        assert event.startswith(f"{kind}.")
        events.append((event, instance.pk, old_url_path, len(connection.atomic_blocks) - depth))

    content_changed.connect(listen, dispatch_uid="test-heard")
    yield events
    content_changed.disconnect(dispatch_uid="test-heard")


def names(heard):
    return [event for event, *_ in heard]


def test_publishing_a_page_is_one_event(treatment_index, heard):
    page = make_treatment(treatment_index, publish=False)
    assert heard == []  # creating a draft and saving revisions changes nothing public
    page.save_revision().publish()
    assert names(heard) == ["page.published"]


def test_unpublishing(demo, heard):
    demo.unpublish()
    assert heard == [("page.unpublished", demo.pk, None, 0)]


def test_a_move_is_told_inside_the_move_transaction(demo, heard):
    home = demo.get_parent().get_parent()
    demo.move(home, pos="last-child")
    # Inside Wagtail's move transaction: a webhook row written then commits or rolls back with it.
    [(event, pk, old_url_path, transactions)] = heard
    assert (event, pk, old_url_path) == ("page.moved", demo.pk, "/home/treatments/botox/")
    assert transactions >= 1


def test_a_draft_move_is_told_too(treatment_index, heard):
    draft = make_treatment(treatment_index, publish=False, slug="draft")
    draft.move(treatment_index.get_parent(), pos="last-child")
    assert names(heard) == ["page.moved"]


def test_a_slug_change_is_a_move(demo, heard, django_capture_on_commit_callbacks):
    demo.slug = "botox-cosmetic"
    with django_capture_on_commit_callbacks(execute=True):
        demo.save_revision().publish()
    assert ("page.moved", demo.pk, "/home/treatments/botox/", 0) in heard
    assert sorted(names(heard)) == ["page.moved", "page.published"]


def test_deleting_a_section_tells_each_page_once(demo, treatment_index, heard):
    draft = make_treatment(treatment_index, publish=False, slug="draft")
    treatment_index.delete()
    deleted = sorted(pk for event, pk, *_ in heard if event == "page.deleted")
    assert deleted == sorted([treatment_index.pk, demo.pk, draft.pk])


def test_images(db, make_image, heard):
    image = make_image()
    image.delete()
    assert names(heard) == ["image.saved", "image.deleted"]


def test_snippets_and_settings(reviewed_demo, heard):
    reviewed_demo.reviewed_by.save()
    for model in settings_registry:
        for setting in model.objects.all():
            setting.save()
    assert names(heard)[0] == "snippet.saved"
    assert set(names(heard)[1:]) == {"setting.saved"}


def test_privacy(demo, heard):
    PageViewRestriction.objects.create(page=demo, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert names(heard) == ["privacy.saved"]


def test_plain_page_saves_change_nothing(demo, heard):
    Page.objects.get(pk=demo.pk).save()
    assert heard == []
