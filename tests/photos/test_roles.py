"""Each role, logged in for real, against the photo authorizations: who sees them, who revokes."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from photos.models import PhotoAuthorization
from tests.treatments.editorial import make_user

from .helpers import PATIENT_REFERENCE

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/photos/photoauthorization/"
GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "practitioner": "Practitioners",
    "manager": "Clinic managers",
    "staff": "Clinic staff",
}
KEEPERS = ("manager", "superuser")  # the roles that hold the patients' records


def login(role):
    if role == "superuser":
        return get_user_model().objects.create_superuser("chief", "chief@clinic.test", "pw")
    return make_user(role, GROUPS[role])


@pytest.mark.parametrize("role", [*GROUPS, "superuser"])
def test_only_clinic_managers_and_superusers_see_and_revoke_authorizations(pair_page, authorization, client, role):
    client.force_login(login(role))
    listing = client.get(LIST)
    assert (listing.status_code == 200 and PATIENT_REFERENCE in listing.content.decode()) is (role in KEEPERS)
    client.post(reverse("photos_revoke", args=[authorization.pk]))
    assert PhotoAuthorization.objects.get(pk=authorization.pk).revoked is (role in KEEPERS)
    # Whoever asked, the public page agrees with the database.
    client.logout()
    assert ("before-after" in client.get("/treatments/forehead/").content.decode()) is (role not in KEEPERS)
