"""JSON-LD (schema.org) for treatment pages, composed from the blocks' own pieces.

Each block that says something to search engines has a ``json_ld(value, context)`` method
returning ``{schema.org type: {property: value}}`` (e.g. ``{"MedicalTherapy": {"contraindication":
[...]}}``). The page merges the pieces of its blocks with its own fields into one document: a
``MedicalWebPage`` whose ``mainEntity`` is the treatment (``MedicalTherapy``), an ``FAQPage`` and
the clinic as ``MedicalClinic``. Nothing here knows a block's fields.
"""

import html
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from core.hosts import frontend_root
from core.timestamps import utc_timestamp

SCHEMA_ORG = "https://schema.org"
THERAPY = "MedicalTherapy"
WEB_PAGE = "MedicalWebPage"
FAQ_PAGE = "FAQPage"

# The same escapes as Django's json_script: "</script>" or "<!--" in content cannot end the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def plain_text(value):
    """Text of a rich text value (or a string of HTML), tags dropped, whitespace collapsed."""
    if hasattr(value, "source"):
        # Rich text as Wagtail stores it is well-formed HTML with every "<" of the text escaped,
        # so dropping its tags takes a regex, not an HTML parser (this runs on every read).
        text = _TAG.sub("", value.source or "")
    else:
        text = strip_tags(str(value or ""))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def named(schema_type, names, **extra):
    """One schema.org thing per name, e.g. ``named("MedicalEntity", ["Headaches"])``."""
    return [{"@type": schema_type, "name": name, **extra} for name in names if name]


def merge_pieces(pieces):
    """Merge ``{type: {property: value}}`` pieces: lists add up, the first scalar wins."""
    merged = {}
    for piece in pieces:
        for schema_type, properties in (piece or {}).items():
            target = merged.setdefault(schema_type, {})
            for name, value in properties.items():
                if value in (None, "", []):
                    continue
                if isinstance(value, list):
                    target.setdefault(name, []).extend(value)
                else:
                    target.setdefault(name, value)
    return merged


def block_pieces(stream_value, context=None):
    """The JSON-LD pieces of every block in a StreamField that contributes any."""
    for child in stream_value:
        json_ld = getattr(child.block, "json_ld", None)
        if json_ld is not None:
            yield json_ld(child.value, context)


def clinic_json_ld(clinic, site_url):
    """The clinic (``ClinicSettings``) as a ``MedicalClinic`` with telephone and postal address."""
    address = {
        "streetAddress": clinic.street_address,
        "addressLocality": clinic.city,
        "addressRegion": clinic.region,
        "postalCode": clinic.postal_code,
        "addressCountry": clinic.country,
    }
    clinic_ld = {
        "@type": "MedicalClinic",
        "@id": f"{site_url}/#clinic",
        "name": clinic.name,
        "url": f"{site_url}/",
        "telephone": clinic.phone,
        "email": clinic.public_email,
    }
    if any(address.values()):
        clinic_ld["address"] = {"@type": "PostalAddress", **{k: v for k, v in address.items() if v}}
    return {k: v for k, v in clinic_ld.items() if v}


def person_json_ld(practitioner):
    """A practitioner as the ``Person`` who reviewed a page."""
    person = {
        "@type": "Person",
        "name": practitioner.name,
        "honorificSuffix": practitioner.credentials,
        "jobTitle": practitioner.job_title,
    }
    return {k: v for k, v in person.items() if v}


def drug_json_ld(product, brand_name="", generic_name=""):
    """A product as a schema.org ``Drug``: names, prescription status, boxed warning, manufacturer."""
    if product is None:
        drug = {"name": brand_name, "nonProprietaryName": generic_name}
    else:
        drug = {
            "name": product.brand_name,
            "nonProprietaryName": product.generic_name,
            # schema.org's DrugPrescriptionStatus members: PrescriptionOnly, OTC.
            "prescriptionStatus": f"{SCHEMA_ORG}/{product.prescription_status}" if product.prescription_status else "",
            "warning": plain_text(product.boxed_warning),
            "manufacturer": {"@type": "Organization", "name": product.manufacturer} if product.manufacturer else None,
        }
    return {"@type": "Drug", **{k: v for k, v in drug.items() if v}}


def treatment_page_json_ld(page, clinic, context=None):
    """The whole JSON-LD document of a treatment page (an ``@graph`` of three nodes at most)."""
    request = context.get("request") if context else None
    _site_id, site_url, page_path = page.get_url_parts(request) or (None, "", "")
    site_url = frontend_root(site_url)  # the front end's host when one serves the pages
    url = f"{site_url}{page_path}"
    pieces = merge_pieces(block_pieces(page.body, context))

    therapy = {
        "@type": THERAPY,
        "@id": f"{url}#treatment",
        "name": page.title,
        "alternateName": page.generic_name,
        **pieces.get(THERAPY, {}),
    }
    therapy.setdefault("description", page.summary)
    drugs = [drug_json_ld(product) for product in page.products]
    if not drugs and (page.brand_name or page.generic_name):
        # A page without a chosen product (e.g. imported) still names what it uses.
        drugs = [drug_json_ld(None, page.brand_name, page.generic_name)]
    if drugs:
        therapy["drug"] = drugs[0] if len(drugs) == 1 else drugs
    approved = named("ApprovedIndication", [area.name for area in page.areas])
    therapy["indication"] = approved + therapy.get("indication", [])
    therapy = {k: v for k, v in therapy.items() if v not in (None, "", [])}

    web_page = {
        "@type": WEB_PAGE,
        "@id": f"{url}#webpage",
        "url": url,
        "name": page.seo_title or page.title,
        "description": page.search_description or page.summary,
        "inLanguage": "en",
        "mainEntity": therapy,
        "publisher": {"@id": f"{site_url}/#clinic"},
        **pieces.get(WEB_PAGE, {}),
    }
    if page.last_reviewed:
        web_page["lastReviewed"] = page.last_reviewed.isoformat()
    if page.reviewed_by:
        web_page["reviewedBy"] = person_json_ld(page.reviewed_by)
    if page.last_published_at:
        web_page["dateModified"] = utc_timestamp(page.last_published_at)

    graph = [web_page]
    faq = pieces.get(FAQ_PAGE)
    if faq and page.show_faq_structured_data:
        graph.append({"@type": FAQ_PAGE, "@id": f"{url}#faq", "url": url, "isPartOf": {"@id": web_page["@id"]}, **faq})
    graph.append(clinic_json_ld(clinic, site_url))
    return {"@context": SCHEMA_ORG, "@graph": graph}


def json_ld_script(data):
    """``<script type="application/ld+json">`` holding ``data``, escaped like ``json_script``."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


# The JSON Schema of what ``treatment_page_json_ld`` writes: the API's ``structured_data`` field is
# typed with it (``api.openapi`` registers each named part as a component), and a test checks every
# page's JSON-LD against it. Properties the builder omits when empty are optional; the medical
# therapy may carry further schema.org properties a new block contributes (its ``json_ld``).
def _thing(schema_type, properties, required=(), extra=False):
    return {
        "type": "object",
        "properties": {"@type": {"const": schema_type}, **properties},
        "required": ["@type", *required],
        "additionalProperties": extra,
    }


_TEXT = {"type": "string"}
_URL = {"type": "string", "format": "uri"}
_ID = {"type": "object", "properties": {"@id": _URL}, "required": ["@id"], "additionalProperties": False}


def _named(schema_type, description=False):
    properties = {"name": _TEXT, **({"description": _TEXT} if description else {})}
    return {"type": "array", "items": _thing(schema_type, properties, ["name"])}


def json_ld_schemas():
    """``{component name: JSON Schema}`` of the JSON-LD document; ``JsonLd`` is the document itself."""

    def ref(name):
        return {"$ref": f"#/components/schemas/{name}"}

    therapy = _thing(
        THERAPY,
        {
            "@id": _URL,
            "name": _TEXT,
            "alternateName": _TEXT,
            "description": _TEXT,
            "howPerformed": _TEXT,
            "drug": _thing(
                "Drug",
                {
                    "name": _TEXT,
                    "nonProprietaryName": _TEXT,
                    "prescriptionStatus": _URL,
                    "warning": _TEXT,
                    "manufacturer": _thing("Organization", {"name": _TEXT}, ["name"]),
                },
            ),
            "indication": {
                "type": "array",
                "items": {
                    "oneOf": [
                        _thing("ApprovedIndication", {"name": _TEXT}, ["name"]),
                        _thing("MedicalIndication", {"name": _TEXT, "description": _TEXT}, ["name"]),
                    ]
                },
            },
            "contraindication": _named("MedicalContraindication"),
            "adverseOutcome": _named("MedicalEntity"),
            "doseSchedule": _thing(
                "DoseSchedule",
                {"doseValue": {"type": "number"}, "doseUnit": _TEXT, "description": _TEXT},
                ["doseValue", "doseUnit"],
            ),
            "preparation": {"type": "array", "items": _TEXT},
        },
        ["@id", "name"],
        extra=True,
    )
    person = _thing("Person", {"name": _TEXT, "honorificSuffix": _TEXT, "jobTitle": _TEXT}, ["name"])
    web_page = _thing(
        WEB_PAGE,
        {
            "@id": _URL,
            "url": _URL,
            "name": _TEXT,
            "description": _TEXT,
            "inLanguage": _TEXT,
            "mainEntity": ref("JsonLd.MedicalTherapy"),
            "publisher": _ID,
            "lastReviewed": {"type": "string", "format": "date"},
            "reviewedBy": person,
            "dateModified": {"type": "string", "format": "date-time"},
        },
        ["@id", "url", "name", "inLanguage", "mainEntity", "publisher"],
    )
    question = _thing(
        "Question",
        {"name": _TEXT, "acceptedAnswer": _thing("Answer", {"text": _TEXT}, ["text"])},
        ["name", "acceptedAnswer"],
    )
    faq = _thing(
        FAQ_PAGE,
        {"@id": _URL, "url": _URL, "isPartOf": _ID, "mainEntity": {"type": "array", "items": question}},
        ["@id", "url", "isPartOf", "mainEntity"],
    )
    address = _thing(
        "PostalAddress",
        {name: _TEXT for name in ["streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"]},
    )
    clinic = _thing(
        "MedicalClinic",
        {"@id": _URL, "name": _TEXT, "url": _URL, "telephone": _TEXT, "email": _TEXT, "address": address},
        ["@id", "url"],
    )
    node_names = {
        WEB_PAGE: "JsonLd.MedicalWebPage",
        FAQ_PAGE: "JsonLd.FAQPage",
        "MedicalClinic": "JsonLd.MedicalClinic",
    }
    document = {
        "type": "object",
        "description": "The page's schema.org JSON-LD, as embedded in its HTML: one @graph of typed nodes.",
        "properties": {
            "@context": {"const": SCHEMA_ORG},
            "@graph": {
                "type": "array",
                "items": {
                    "oneOf": [ref(name) for name in node_names.values()],
                    "discriminator": {
                        "propertyName": "@type",
                        "mapping": {schema_type: ref(name)["$ref"] for schema_type, name in node_names.items()},
                    },
                },
            },
        },
        "required": ["@context", "@graph"],
        "additionalProperties": False,
    }
    return {
        "JsonLd": document,
        "JsonLd.MedicalWebPage": web_page,
        "JsonLd.MedicalTherapy": therapy,
        "JsonLd.FAQPage": faq,
        "JsonLd.MedicalClinic": clinic,
    }
