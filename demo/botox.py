"""The demo clinic and its BOTOX page, fact for fact from the clinic's own page.

Readable data, not a database dump: ``load_demo_content`` turns it into pages.
Block values use the StreamField's raw JSON shape, so they are validated by the
same block definitions an editor's input goes through.
"""

from treatments.blocks import OffLabelUsesBlock

CLINIC = {
    "name": "Dr. Michael Kim",
    "phone": "503-850-0414",
    "city": "Portland",
    "region": "OR",
    "country": "US",
    "consultation_url": "/consultation/",
    "consultation_label": "Schedule Consultation",
}

# The clinic's page names Dr. Kim but gives no credentials, job title or biography: left for the
# clinic to complete (the admin's Practitioners listing says so), nothing is made up.
PRACTITIONER = {
    "name": "Dr. Michael Kim",
    "credentials": "",
    "job_title": "",
    "bio": "",
}

HOME = {
    "title": "BOTOX Portland",
    # The phone number and booking link are Clinic details: the home page adds them itself.
    "intro": "BOTOX in Portland with Dr. Michael Kim.",
}

INDEX = {
    "title": "Treatments",
    "slug": "treatments",
    "intro": "",  # the clinic's page has no treatments overview: left for the clinic to write
}

TREATMENT_AREAS = [
    {"name": "Forehead lines", "description": ""},
    {"name": "Scowl lines", "description": ""},
    {"name": "Crow's feet", "description": ""},
]

BOTOX = {
    "title": "BOTOX",
    "slug": "botox",
    "seo_title": "BOTOX in Portland",
    # Two of the clinic's own sentences (listings and search engines show the summary).
    "summary": (
        "BOTOX is a brand name for a product based on botulinum toxin type A, a product made from the "
        "bacterial toxin botulin. The procedure requires no anesthesia and only takes a few minutes to perform."
    ),
    "category": "neuromodulator",
    "review_interval_months": 12,
}

# The product record the page chooses: only the names the clinic's page gives. The manufacturer,
# prescription status, boxed warning and Important Safety Information are not on the clinic's page:
# they stay empty, listed in the admin as "to be completed by the clinic" (quoted word for word
# from the manufacturer, with its source and the date checked), and the product does not yet
# require them.
PRODUCT = {
    "brand_name": "BOTOX",
    "generic_name": "botulinum toxin type A",
    "category": "neuromodulator",
}

# The testimonial's consent record is not on the clinic's page: placeholders, marked in the admin.
DEMO_PLACEHOLDER = "demo_placeholder"
DEMO_CONSENT_DATE = "2026-11-01"

BODY = [
    {
        "type": "overview",
        "value": {
            "heading": "What is BOTOX and How Does it Work?",
            "what_it_is": (
                "<p>BOTOX is a brand name for a product based on botulinum toxin type A, a product made "
                "from the bacterial toxin botulin.</p>"
            ),
            "how_it_works": (
                "<p>It is widely used to treat certain medical conditions, but cosmetically, neuromodulators "
                "are used to temporarily remove wrinkles by blocking signals from the nerves to specific "
                "facial muscles.</p>"
            ),
            "image": None,
        },
    },
    {
        "type": "candidate_criteria",
        "value": {
            "heading": "Who Is a Good Candidate for BOTOX?",
            "intro": (
                "Most patients of adult age who show signs of aging are candidates for BOTOX in Portland "
                "with Dr. Michael Kim."
            ),
            # The lists quote the clinic's sentences; their headings are the product's (template).
            "good_candidates": ["Patients of adult age who show signs of aging"],
            "contraindications_intro": "",
            "contraindications": [
                "Women who are pregnant or breastfeeding",
                "People with certain neuromuscular medical conditions",
            ],
            "possible_exclusions_intro": "",
            "possible_exclusions": [
                "Have had facial surgery",
                "Have difficulty swallowing",
                "Have weakness in your forehead muscles",
            ],
            "closing_note": (
                "After a consultation and evaluation of your facial structure, Dr. Kim can tell you if "
                "BOTOX injections are recommended."
            ),
        },
    },
    {
        "type": "what_to_expect",
        "value": {
            "heading": "What Can You Expect with BOTOX Injections?",
            "setting": "outpatient",
            "anesthesia": "none",
            "duration": "A few minutes",
            "description": (
                "<p>BOTOX injections are administered on an outpatient basis. The procedure requires no "
                "anesthesia and only takes a few minutes to perform. Using very fine needles, BOTOX is "
                "injected into specific muscles with minimal discomfort.</p>"
            ),
        },
    },
    {
        "type": "dosage",
        "value": {
            "heading": "How Many Units Will I Need?",
            "unit_name": "units",
            "typical_min": 30,
            "typical_max": 50,
            "explanation": (
                "<p>After the initial consultation, Dr. Kim will formulate a plan that will take into "
                "account each patient’s anatomy and treatment goals. This plan is customized for each "
                "individual patient and therefore the amount of units administered can vary greatly. On "
                "average, most patients receive 30-50 units of Botox.</p>"
            ),
        },
    },
    {
        "type": "results",
        "value": {
            "heading": "How Long Do the Results Last?",
            "days_to_full_effect": 7,
            "duration_min_months": 3,
            "duration_max_months": 4,
            "visits_per_year_min": 3,
            "visits_per_year_max": 4,
            "description": (
                "<p>The full effects of BOTOX injections can last for three to four months, and therefore "
                "most patients return to our clinic three to four times a year. As the muscles gradually "
                "regain the ability to contract, lines and wrinkles begin to reappear. Over time, wrinkles "
                "may be diminished, as the muscles are being trained to relax and atrophy of the target "
                "muscle takes place.</p>"
            ),
        },
    },
    {
        "type": "off_label_uses",
        "value": {
            "heading": "Can BOTOX Be Used to Treat More than Forehead Lines, Scowl Lines, and Crow’s Feet?",
            "intro": "BOTOX has a number of off-label cosmetic uses. For example, it can be used to:",
            "uses": [
                "Lift the mouth corners",
                "Soften vertical lines around the mouth",
                "Smooth out the chin",
                "Relax vertical cords in the neck",
                "Reshape and reduce the width of the jaw",
            ],
            # The clinic's page gives none: the product's own off-label disclaimer.
            "disclaimer": OffLabelUsesBlock.DEFAULT_DISCLAIMER,
        },
    },
    {
        "type": "testimonial",
        "value": {
            "quote": (
                "Dr. Kim is my go to person for Botox since I moved. He is charming, talented and extremely "
                "good at what he does. He will let you take your time to tell him what exactly you have in "
                "mind and he will give his honest and professional opinion generously. The results are "
                "always satisfying."
            ),
            "attribution": "Monica Z.",
            # The clinic's page does not say when or how Monica Z. consented. Publishing needs a
            # record, so the demo carries a placeholder the admin labels as one; it is never public.
            "consent_on_file": True,
            "consent_date": DEMO_CONSENT_DATE,
            "consent_method": DEMO_PLACEHOLDER,
            "material_connection": False,
        },
    },
    {
        "type": "call_to_action",
        "value": {
            "heading": "Schedule Consultation",
            "text": "",
            "button_label": "Schedule Consultation",
        },
    },
    {
        "type": "safety",
        "value": {
            "heading": "How Safe Is BOTOX?",
            "intro": "As stated by the manufacturer:",
            "claims": [
                {
                    "claim": (
                        "BOTOX is backed by more than 15 years of clinical studies and approved for use in "
                        "96 countries."
                    ),
                    "source": "The manufacturer",
                    "source_url": "",
                },
                {
                    "claim": (
                        "The safety and efficacy of these products have been described in nearly 500 "
                        "articles in medical and scientific journals."
                    ),
                    "source": "The manufacturer",
                    "source_url": "",
                },
            ],
            "summary": (
                "BOTOX is one of the safest and most effective aesthetic procedures offered, and therefore "
                "continue to enjoy great popularity and patient satisfaction."
            ),
        },
    },
    {
        "type": "side_effects",
        "value": {
            "heading": "What Are the Side Effects of BOTOX Injections?",
            "common": ["Temporary bruising"],
            "rare": ["Drooping of an eyelid", "Headaches"],
            "note": (
                "The most common side effect with BOTOX is temporary bruising. Although it is rare, "
                "neuromodulator injections may cause drooping of an eyelid or headaches."
            ),
        },
    },
    {
        "type": "prep_instructions",
        "value": {
            "heading": "What Should I Do to Prepare for BOTOX Injections?",
            "steps": [
                {
                    "instruction": "Stop taking aspirin or anti-inflammatory medications.",
                    "timing": "two weeks before",
                    "days_before": 14,
                    "reason": "To help reduce bruising from the procedure.",
                },
                {
                    "instruction": (
                        "Refrain from taking blood-thinning supplements such as fish oil, gingko, ginger, "
                        "garlic, and ginseng."
                    ),
                    "timing": "",
                    "days_before": None,
                    "reason": "",
                },
            ],
            "substances_intro": "",  # the list's heading is the product's ("Substances to avoid")
            "substances_to_avoid": ["Fish oil", "Ginkgo", "Ginger", "Garlic", "Ginseng"],
        },
    },
    {
        "type": "faq",
        "value": {
            "heading": "Botox FAQ's",
            "items": [
                {
                    "question": "Are BOTOX Injections Painful?",
                    "answer": (
                        "<p>Many patients say that neuromodulator injections feel like a series of small "
                        "pinches. If you are concerned about discomfort, ice or topical numbing cream can be "
                        "applied before the procedure.</p>"
                    ),
                },
                {
                    "question": "How Soon Will I See Results?",
                    "answer": (
                        "<p>It takes about seven days after the treatment to see the full effects of BOTOX "
                        "injections.</p>"
                    ),
                },
                {
                    "question": ("Can BOTOX Be Used to Treat More than Forehead Lines, Scowl Lines, and Crow’s Feet?"),
                    "answer": (
                        "<p>BOTOX has a number of off-label cosmetic uses. For example, it can be used to:</p>"
                        "<ul><li>Lift the mouth corners</li><li>Soften vertical lines around the mouth</li>"
                        "<li>Smooth out the chin</li><li>Relax vertical cords in the neck</li>"
                        "<li>Reshape and reduce the width of the jaw</li></ul>"
                    ),
                },
                {
                    "question": "What Are the Side Effects of BOTOX Injections?",
                    "answer": (
                        "<p>The most common side effect with BOTOX is temporary bruising. Although it is "
                        "rare, neuromodulator injections may cause drooping of an eyelid or headaches.</p>"
                    ),
                },
                {
                    "question": "What Should I Do to Prepare for BOTOX Injections?",
                    "answer": (
                        "<p>Stop taking aspirin or anti-inflammatory medications two weeks before your "
                        "Portland BOTOX injections to help reduce bruising from the procedure. Also refrain "
                        "from taking blood-thinning supplements such as fish oil, gingko, ginger, garlic, "
                        "and ginseng.</p>"
                    ),
                },
            ],
        },
    },
    {
        "type": "call_to_action",
        "value": {
            "heading": "BOTOX Portland",
            "text": "",
            "button_label": "Schedule a Consultation",
        },
    },
]
