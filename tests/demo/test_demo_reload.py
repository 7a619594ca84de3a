"""`load_demo_content` keeps the clinic's work; `reset_demo_content` is the explicit way back."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Revision, Site

from clinic.models import ClinicSettings, Practitioner
from demo import botox
from home.models import HomePage
from tests.treatments.editorial import PASSWORD, make_user, page_form
from treatments import workflow
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def clinic():
    return ClinicSettings.objects.get(site=Site.objects.get(is_default_site=True))


def change_the_clinics_work(client):
    """A clinic manager changes the phone number; an editor saves a BOTOX draft."""
    make_user("mo", "Clinic managers")
    assert client.login(username="mo", password=PASSWORD)
    # "opening_hours-count": the opening hours field, sent empty as the admin's form does.
    details = {**botox.CLINIC, "phone": "503-555-0199", "opening_hours-count": "0"}
    site = Site.objects.get(is_default_site=True)
    response = client.post(reverse("wagtailsettings:edit", args=["clinic", "clinicsettings", site.pk]), details)
    assert response.status_code == 302
    make_user("erin", "Editors")
    assert client.login(username="erin", password=PASSWORD)
    page = TreatmentPage.objects.get(slug="botox")
    form = page_form(
        [("call_to_action", {"heading": "Book now", "text": "", "button_label": "Book"})],
        title="BOTOX (draft)",
        slug="botox",
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.has_unpublished_changes and page.latest_revision.user.username == "erin"
    return page


def test_loading_again_keeps_the_clinics_changes(client):
    call_command("load_demo_content", verbosity=0)
    page = change_the_clinics_work(client)
    revisions, latest = Revision.objects.count(), page.latest_revision_id
    call_command("load_demo_content", verbosity=0)
    page.refresh_from_db()
    assert clinic().phone == "503-555-0199"
    assert Revision.objects.count() == revisions and page.latest_revision_id == latest
    assert page.get_latest_revision_as_object().title == "BOTOX (draft)"
    assert page.live_revision.user is None and page.title == "BOTOX"  # the draft was not published


def test_loading_again_keeps_what_the_clinic_completed(client):
    # The demo leaves empty what the clinic's page does not say; the clinic fills it in later.
    call_command("load_demo_content", verbosity=0)
    kim = Practitioner.objects.get(name="Dr. Michael Kim")
    assert kim.job_title == kim.bio == ""
    kim.job_title, kim.bio = "Medical director", "Written by the clinic."
    kim.save()
    index = TreatmentPage.objects.get(slug="botox").get_parent().specific
    assert index.intro == ""
    index.intro = "Our treatments."
    index.save_revision().publish()
    call_command("load_demo_content", verbosity=0)
    kim.refresh_from_db()
    index.refresh_from_db()
    assert (kim.job_title, kim.bio, index.intro) == ("Medical director", "Written by the clinic.", "Our treatments.")


def test_loading_again_after_a_deletion_recreates_only_what_is_missing(client):
    # The clinic deleted the BOTOX page and an editor has a draft of the home page: loading again
    # brings the page back and leaves the home page's draft (and live version) as they were.
    call_command("load_demo_content", "--no-logins", verbosity=0)
    TreatmentPage.objects.get(slug="botox").delete()
    home = HomePage.objects.get()
    home.intro = "Welcome (draft)."
    draft = home.save_revision()
    call_command("load_demo_content", "--no-logins", verbosity=0)
    home.refresh_from_db()
    assert home.latest_revision_id == draft.pk and home.intro == botox.HOME["intro"]
    assert TreatmentPage.objects.get(slug="botox").live
    assert "BOTOX" in client.get("/").content.decode()  # the newest live treatments, no list kept


def test_the_demo_page_is_due_for_review_and_shows_no_review_line(client):
    call_command("load_demo_content", "--no-logins", verbosity=0)
    page = TreatmentPage.objects.get(slug="botox")
    assert page.reviewed_by is None and page.last_reviewed is None
    html = client.get(page.url).content.decode()
    assert "Medically reviewed" not in html and "patient of" not in html
    assert [p.title for p in workflow.pages_needing_review()] == ["BOTOX"]


def test_dr_kim_can_log_in_as_the_demo_practitioner(monkeypatch):
    monkeypatch.setenv("DEMO_PRACTITIONER_PASSWORD", "local-secret")
    call_command("load_demo_content", verbosity=0)
    user = get_user_model().objects.get(username="dr.kim")
    assert user.check_password("local-secret") and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Practitioners"]
    assert Practitioner.objects.get(name="Dr. Michael Kim").user == user


@pytest.mark.parametrize("flag", ["--no-superuser", "--no-logins"])
def test_no_logins(flag):
    call_command("load_demo_content", flag, verbosity=0)
    assert not get_user_model().objects.filter(username__in=["admin", "dr.kim"]).exists()


def test_reset_without_yes_lists_and_deletes_nothing(client, capsys):
    call_command("load_demo_content", verbosity=0)
    change_the_clinics_work(client)
    with pytest.raises(CommandError, match="--yes"):
        call_command("reset_demo_content")
    out = capsys.readouterr().out
    assert "page: BOTOX" in out and "Clinic details" in out and "practitioner: Dr. Michael Kim" in out
    assert clinic().phone == "503-555-0199"


def test_reset_brings_back_the_demo(client):
    call_command("load_demo_content", "--hostname", "127.0.0.1", "--port", "8000", verbosity=0)
    change_the_clinics_work(client)
    call_command("reset_demo_content", "--yes", verbosity=0)
    assert clinic().phone == botox.CLINIC["phone"]
    page = TreatmentPage.objects.get(slug="botox")
    assert page.title == "BOTOX" and not page.has_unpublished_changes
    assert Practitioner.objects.get(name="Dr. Michael Kim").user.username == "dr.kim"
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert client.get("/treatments/botox/", HTTP_HOST="127.0.0.1:8000").status_code == 200


def test_the_invented_consent_record_is_a_marked_placeholder_never_public(client, admin_client):
    call_command("load_demo_content", "--no-logins", verbosity=0)
    page = TreatmentPage.objects.get(slug="botox")
    (testimonial,) = [block.value for block in page.body if block.block_type == "testimonial"]
    assert testimonial["consent_method"] == botox.DEMO_PLACEHOLDER
    assert (
        "Demo placeholder (date and method): replace with the clinic"
        in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    )
    for url in (page.url, f"/api/v2/pages/{page.pk}/"):
        public = client.get(url).content.decode()
        # The consent record's marker and its admin label, not the word: the demo's logo image
        # (a "placeholder logo", shown in the header) has it in its file name.
        assert botox.DEMO_PLACEHOLDER not in public and "demo placeholder" not in public.lower()
        assert botox.DEMO_CONSENT_DATE not in public
