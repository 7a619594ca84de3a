"""The clinic's people and place: a profile page per practitioner and the location page."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from wagtail.models import Site

from clinic.models import ClinicSettings, Practitioner
from core.hosts import frontend_root
from core.visibility import public_or_none
from seo.people_places import location_json_ld, practitioner_json_ld
from treatments.models import TreatmentPage
from treatments.structured_data import json_ld_script

PHOTO_SPEC = "fill-480x480"  # for the JSON-LD image; the page shows a <picture>


def _site_url(request):
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def _absolute(site_url, url):
    return url if url.startswith(("http://", "https://")) else f"{site_url}{url}"


@require_safe
def practitioner_detail(request, slug):
    """``/practitioners/<slug>/``: photo, credentials, bio, treatments performed and pages reviewed."""
    practitioner = get_object_or_404(Practitioner.objects.select_related("photo"), slug=slug)
    clinic = ClinicSettings.for_request(request)
    site_url = _site_url(request)  # images are served here; pages by the front end when there is one
    public_url = frontend_root(site_url)
    live = TreatmentPage.objects.live().public().order_by("title")
    performs = list(live.filter(practitioners=practitioner))
    reviewed = list(live.filter(reviewed_by=practitioner))
    page_url = f"{public_url}{practitioner.get_absolute_url()}"
    # A photo in a private collection is left out, as if none were chosen (core.visibility).
    photo = public_or_none(practitioner.photo)
    photo = photo.get_rendition(PHOTO_SPEC) if photo else None
    json_ld = practitioner_json_ld(
        practitioner,
        clinic,
        public_url,
        page_url,
        image_url=_absolute(site_url, photo.url) if photo else "",
        treatments=[(page, _absolute(public_url, page.url)) for page in performs],
    )
    context = {
        "practitioner": practitioner,
        "performs": performs,
        "reviewed": reviewed,
        "canonical": page_url,
        "json_ld": json_ld_script(json_ld),
    }
    return render(request, "home/practitioner.html", context)


@require_safe
def location(request):
    """``/location/``: address, opening hours, phone and a plain directions link, from Clinic details."""
    clinic = ClinicSettings.for_request(request)
    if not clinic.pk:
        raise Http404("No clinic details yet.")
    site_url = _site_url(request)
    page_url = f"{frontend_root(site_url)}/location/"
    logo = public_or_none(clinic.logo)
    logo_url = _absolute(site_url, logo.get_rendition("max-400x400").url) if logo else ""
    context = {
        "hours": [child.value for child in clinic.opening_hours],
        "practitioners": Practitioner.objects.select_related("photo"),
        "canonical": page_url,
        "json_ld": json_ld_script(location_json_ld(clinic, frontend_root(site_url), page_url, logo_url)),
    }
    return render(request, "home/location.html", context)
