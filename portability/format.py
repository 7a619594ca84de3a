"""What an export folder holds: its file names, version, and the fields written for each record."""

FORMAT = "treatment-cms/treatments"
VERSION = 1
DATA_FILE = "treatments.json"
IMAGES_DIR = "images"
# Fields that must be strings wherever they are required: keys, names and references.
TEXT_FIELDS = {"key", "title", "file", "sha256", "name", "slug", "summary"}
IMAGE_EXTENSIONS = {".avif", ".gif", ".jpeg", ".jpg", ".png", ".webp"}

PAGE_FIELDS = ["title", "slug", "seo_title", "search_description", "show_in_menus"]
TREATMENT_FIELDS = [
    "summary",
    "brand_name",
    "generic_name",
    "category",
    "review_interval_months",
    "show_faq_structured_data",
]
INDEX_FIELDS = ["title", "slug", "seo_title", "search_description", "intro"]
PRACTITIONER_FIELDS = ["name", "credentials", "job_title", "bio"]


class PortabilityError(Exception):
    """An export or import that cannot be done; the message says why, for the person running it."""
