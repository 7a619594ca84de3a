"""Raw StreamField content with every block type, for API tests."""

import datetime


def every_block_body(image=None, practitioner=None, linked_page=None, authorization=None):
    """One item of every block type of a treatment body, optional fields filled where given
    (a before-and-after pair only with an ``image`` and a photo ``authorization``)."""
    link = f'<p>See <a linktype="page" id="{linked_page.pk}">this</a>.</p>' if linked_page else "<p>Text.</p>"
    pair = []
    if image is not None and authorization is not None:
        pair = [
            {
                "type": "before_after",
                "value": {
                    "before_image": image.pk,
                    "after_image": image.pk,
                    "treatment_area": "Forehead lines",
                    "time_since_treatment": "2 weeks after treatment",
                    "sessions": 2,
                    "practitioner": practitioner and practitioner.pk,
                    "caption": "",
                    "authorization": authorization.pk,
                },
            }
        ]
    return pair + [
        {
            "type": "overview",
            "value": {"heading": "What is it?", "what_it_is": link, "how_it_works": "", "image": image and image.pk},
        },
        {
            "type": "what_to_expect",
            "value": {
                "heading": "Expect",
                "setting": "in_office",
                "anesthesia": "topical",
                "duration": "20 minutes",
                "description": link,
            },
        },
        {
            "type": "candidate_criteria",
            "value": {
                "heading": "Who",
                "intro": "",
                "good_candidates": ["Adults"],
                "contraindications": ["Pregnancy"],
                "possible_exclusions": [],
                "closing_note": "",
            },
        },
        {
            "type": "dosage",
            "value": {
                "heading": "Units",
                "unit_name": "units",
                "typical_min": 10,
                "typical_max": 20,
                "explanation": "",
            },
        },
        {
            "type": "safety",
            "value": {
                "heading": "Safety",
                "claims": [
                    {"claim": "Approved", "source": "FDA", "source_url": "https://www.fda.gov/"},
                    {"claim": "Studied", "source": "A study", "source_url": ""},
                ],
            },
        },
        {
            "type": "results",
            "value": {
                "heading": "Results",
                "days_to_full_effect": 7,
                "duration_min_months": 3,
                "duration_max_months": 4,
                "visits_per_year_min": None,
                "visits_per_year_max": None,
            },
        },
        {"type": "side_effects", "value": {"heading": "Side effects", "common": ["Bruising"], "rare": []}},
        {
            "type": "prep_instructions",
            "value": {
                "heading": "Prepare",
                "steps": [{"instruction": "No aspirin", "timing": "", "days_before": None, "reason": ""}],
                "substances_to_avoid": ["Fish oil"],
            },
        },
        {"type": "off_label_uses", "value": {"heading": "Off-label", "uses": ["Jaw"], "disclaimer": "Off-label."}},
        {"type": "faq", "value": {"heading": "FAQ", "items": [{"question": "Hurt?", "answer": link}]}},
        {
            "type": "testimonial",
            "value": {
                "quote": "Great.",
                "attribution": "A. B.",
                "practitioner": practitioner and practitioner.pk,
                "consent_on_file": True,
                "consent_date": datetime.date(2024, 5, 1).isoformat(),
                "consent_method": "written",
                "material_connection": False,
            },
        },
        {"type": "call_to_action", "value": {"heading": "Book", "text": "", "button_label": "Book now"}},
        {
            "type": "related_treatments",
            "value": {"heading": "Related", "treatments": [linked_page.pk] if linked_page else []},
        },
    ]
