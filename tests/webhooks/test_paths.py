"""Every event names the site paths whose content changed, so a front end revalidates exactly those."""

import json

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.treatments.factories import faq_block, make_treatment
from treatments.models import TreatmentPage


def bodies(receiver):
    return [json.loads(body) for _headers, body in receiver.requests]


def linking_to(target_type, target_id):
    return [faq_block(1, answer=f'<p>See <a linktype="{target_type}" id="{target_id}">this</a>.</p>')]


def test_publish_names_the_page_its_listing_and_the_live_pages_that_link_to_it(treatment_index, receiver, committed):
    target = make_treatment(treatment_index, title="Dysport", slug="dysport")
    make_treatment(treatment_index, title="Filler", slug="filler", body=linking_to("page", target.pk))
    make_treatment(treatment_index, publish=False, title="Draft", slug="draft", body=linking_to("page", target.pk))
    receiver.requests.clear()

    page = TreatmentPage.objects.get(pk=target.pk)
    page.summary = "Updated."
    committed(lambda: page.save_revision().publish())

    (event,) = bodies(receiver)
    assert event["event"] == "page.published"
    assert event["url_path"] == "/treatments/dysport/"  # existing fields stay
    # The draft that links to it is not a site path yet.
    assert event["paths"] == ["/treatments/dysport/", "/treatments/", "/treatments/filler/"]


def test_move_names_the_old_and_new_paths_and_both_listings_are_covered(demo, receiver, committed):
    home = demo.get_parent().get_parent()
    committed(lambda: demo.move(home, pos="last-child"))
    (event,) = bodies(receiver)
    assert event["event"] == "page.moved"
    assert event["paths"][:2] == ["/botox/", "/treatments/botox/"]
    assert "/" in event["paths"]  # the new parent's listing (the home page)


def test_unpublish_names_the_pages_that_linked_to_it(treatment_index, receiver, committed):
    target = make_treatment(treatment_index, title="Dysport", slug="dysport")
    make_treatment(treatment_index, title="Filler", slug="filler", body=linking_to("page", target.pk))
    receiver.requests.clear()
    committed(lambda: target.unpublish())
    (event,) = bodies(receiver)
    assert event["event"] == "page.unpublished"
    assert event["paths"] == ["/treatments/dysport/", "/treatments/", "/treatments/filler/"]


def test_practitioner_change_names_every_live_page_that_shows_them(reviewed_demo, receiver, committed):
    practitioner = reviewed_demo.reviewed_by
    practitioner.job_title = "Medical director"
    committed(lambda: practitioner.save())
    (event,) = bodies(receiver)
    assert event["event"] == "snippet.saved"
    assert "/treatments/botox/" in event["paths"]
    assert {"page_id": reviewed_demo.pk, "url_path": "/treatments/botox/"} in event["pages"]


def test_image_change_names_the_pages_that_show_it(treatment_index, make_image, receiver, committed):
    image = make_image(title="Before and after")
    shown = make_treatment(treatment_index, title="Dysport", slug="dysport", hero_image=image)
    make_treatment(treatment_index, publish=False, title="Draft", slug="draft", hero_image=image)
    receiver.requests.clear()

    image.title = "Before and after, cropped"
    committed(lambda: image.save())
    (event,) = bodies(receiver)
    assert event["event"] == "image.saved"
    assert event["object_id"] == image.pk
    assert event["paths"] == ["/treatments/dysport/"]
    assert event["pages"] == [{"page_id": shown.pk, "url_path": "/treatments/dysport/"}]

    receiver.requests.clear()
    committed(lambda: image.delete())
    (event,) = bodies(receiver)
    assert (event["event"], event["paths"]) == ("image.deleted", ["/treatments/dysport/"])


def test_document_change_names_the_pages_that_link_to_it(treatment_index, receiver, committed):
    document = get_document_model().objects.create(
        title="Aftercare leaflet", file=ContentFile(b"%PDF-1.4 aftercare", name="aftercare.pdf")
    )
    make_treatment(treatment_index, title="Dysport", slug="dysport", body=linking_to("document", document.pk))
    receiver.requests.clear()

    document.title = "Aftercare leaflet (2026)"
    committed(lambda: document.save())
    (event,) = bodies(receiver)
    assert event["event"] == "document.saved"
    assert event["paths"] == ["/treatments/dysport/"]


def test_clinic_settings_change_names_every_live_page(demo, receiver, committed):
    from clinic.models import ClinicSettings

    clinic = ClinicSettings.objects.get()
    clinic.phone = "503-555-0100"
    committed(lambda: clinic.save())
    (event,) = bodies(receiver)
    assert event["event"] == "setting.saved"
    assert {"/", "/treatments/", "/treatments/botox/"} <= set(event["paths"])
