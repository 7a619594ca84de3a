"""Every kind of page a visitor can reach on the demo site, for the checkers."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"

# name -> (path, expected status) of the demo site's pages
PAGES = {
    "home": ("/", 200),
    "treatments": ("/treatments/", 200),
    "botox": ("/treatments/botox/", 200),
    "search-results": ("/search/?q=botox", 200),
    "search-empty": ("/search/", 200),
    "search-no-results": ("/search/?q=zzyzx", 200),
    "not-found": ("/no-such-page/", 404),
    "practitioner": ("/practitioners/dr-michael-kim/", 200),
    "location": ("/location/", 200),
    "consultation": ("/consultation/", 200),
    "consultation-thanks": ("/consultation/thanks/", 200),
}
# Pages other apps may add; checked whenever they answer. None left: every page above is required.
OPTIONAL_PAGES = {}
# A treatment page with every kind of section, the newer ones too (before-and-after photos, a boxed
# warning): built by tests/site/conftest.py (full_treatment), not part of the demo.
FULL_TREATMENT_SLUG = "every-section"
FULL_TREATMENT = {"treatment-full": (f"/treatments/{FULL_TREATMENT_SLUG}/", 200)}


def reachable_pages(get_status):
    """PAGES plus each optional page that answers with its expected status (``get_status(path)``)."""
    pages = dict(PAGES)
    for name, (path, status) in OPTIONAL_PAGES.items():
        if get_status(path) == status:
            pages[name] = (path, status)
    return pages
