"""Real users and admin form data for the editorial governance tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from clinic.models import Practitioner

PASSWORD = "correct horse battery staple"


def make_user(username, *groups, practitioner=None):
    """A staff login in the named Wagtail groups, optionally linked to a Practitioner snippet."""
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@clinic.test")
    user.groups.set(Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups), f"missing group among {groups}"
    if practitioner:
        Practitioner.objects.update_or_create(name=practitioner, defaults={"user": user})
    return user


def patient_quote(consent=True, attribution="Monica Z.", quote="The results are always satisfying."):
    value = {"quote": quote, "attribution": attribution, "practitioner": "", "material_connection": ""}
    if consent:
        value.update({"consent_on_file": "on", "consent_date": "2026-11-01", "consent_method": "written"})
    else:
        value.update({"consent_on_file": "", "consent_date": "", "consent_method": ""})
    return ("testimonial", value)


def page_form(body, action=None, title="Chemical peel", slug="chemical-peel", **fields):
    """POST data for the TreatmentPage add/edit form with a body of (type, value) blocks."""
    data = {
        "title": title,
        "slug": slug,
        "summary": "A chemical peel renews the skin's surface.",
        "brand_name": "",
        "generic_name": "",
        "category": "skin",
        "body": streamfield(body),
        "treatment_areas": inline_formset([]),
        "product_links": inline_formset([]),
        "reviewed_by": "",
        "last_reviewed": "",
        "review_interval_months": "12",
        "show_faq_structured_data": "on",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        **fields,
    }
    data = nested_form_data(data)
    if action:
        data[f"action-{action}"] = action
    return data
