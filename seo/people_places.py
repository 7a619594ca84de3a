"""JSON-LD of the clinic's people and place: a practitioner's profile and the location page.

Built from the same pieces as a treatment page's document (``treatments.structured_data``), so the
clinic is described the same way everywhere; this module only adds what those pages say more.
"""

from treatments.structured_data import SCHEMA_ORG, clinic_json_ld, person_json_ld


def location_json_ld(clinic, site_url, page_url, logo_url=""):
    """The clinic as ``MedicalClinic`` with opening hours, map position and map link when given."""
    data = {"@context": SCHEMA_ORG, **clinic_json_ld(clinic, site_url)}
    hours = [child.block.json_ld(child.value) for child in clinic.opening_hours]
    if hours:
        data["openingHoursSpecification"] = hours
    if clinic.latitude is not None and clinic.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(clinic.latitude),
            "longitude": float(clinic.longitude),
        }
    if clinic.directions_url:
        data["hasMap"] = clinic.directions_url
    if logo_url:
        data["logo"] = logo_url
    data["mainEntityOfPage"] = page_url
    return data


def practitioner_json_ld(practitioner, clinic, site_url, page_url, image_url="", treatments=()):
    """A practitioner as a ``Person`` who works for the clinic.

    ``Person``, not ``Physician``: schema.org's ``Physician`` is an organisation, and a profile
    does not say which practitioners are physicians; the credentials field says what they hold.
    """
    data = {
        "@context": SCHEMA_ORG,
        **person_json_ld(practitioner),
        "@id": f"{page_url}#person",
        "url": page_url,
        "description": practitioner.bio,
        "image": image_url,
        "worksFor": {"@id": f"{site_url}/#clinic", "@type": "MedicalClinic", "name": clinic.name},
    }
    if treatments:
        data["knowsAbout"] = [{"@type": "MedicalTherapy", "name": page.title, "url": url} for page, url in treatments]
    return {k: v for k, v in data.items() if v not in (None, "", [])}
