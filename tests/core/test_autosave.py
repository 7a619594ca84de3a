"""An autosave that raced the editor's "Save draft" never becomes the working draft.

The race is made deterministic: while the autosave request is being handled (after Wagtail read
the page, before it saves), the editor's full save lands, exactly as two concurrent requests do.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail import hooks

from treatments.models import TreatmentIndexPage


def form(page, intro, **extra):
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": intro,
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


@pytest.fixture
def editor_client(client, treatment_index):
    user = get_user_model().objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(user)
    return client, user


def autosave(client, page, intro, **extra):
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        form(page, intro, **extra),
        HTTP_ACCEPT="application/json",
    )


@pytest.mark.django_db
def test_an_autosave_racing_save_draft_leaves_the_saved_draft(editor_client, treatment_index):
    client, user = editor_client
    first = autosave(client, treatment_index, "Typed so far")
    assert first.status_code == 200, first.content
    autosaved_id = first.json()["revision_id"]

    def editor_saves_draft_meanwhile(request, page):
        # The full "Save draft" lands after Wagtail read the page for the autosave.
        if request.accepts("text/html"):
            return
        saved = TreatmentIndexPage.objects.get(pk=page.pk)
        saved.intro = "Everything the editor typed"
        saved.save_revision(user=user)

    with hooks.register_temporarily("before_edit_page", editor_saves_draft_meanwhile):
        late = autosave(client, treatment_index, "Typed so far", overwrite_revision_id=str(autosaved_id))

    assert late.status_code == 400
    assert late.json()["error_code"] == "invalid_revision"
    page = TreatmentIndexPage.objects.get(pk=treatment_index.pk)
    assert page.latest_revision_id != autosaved_id
    assert page.get_latest_revision_as_object().intro == "Everything the editor typed"


@pytest.mark.django_db
def test_an_autosave_alone_still_saves(editor_client, treatment_index):
    client, _user = editor_client
    first = autosave(client, treatment_index, "One")
    second = autosave(client, treatment_index, "Two", overwrite_revision_id=str(first.json()["revision_id"]))
    assert second.status_code == 200, second.content
    assert second.json()["revision_id"] == first.json()["revision_id"]
    page = TreatmentIndexPage.objects.get(pk=treatment_index.pk)
    assert page.get_latest_revision_as_object().intro == "Two"
