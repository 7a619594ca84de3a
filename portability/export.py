"""Export: every treatment page, with what it uses, written to a folder (see the package docstring)."""

import json
from pathlib import Path

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.models import Page

from clinic.models import Practitioner
from treatments.models import TreatmentIndexPage, TreatmentPage

from .format import (
    DATA_FILE,
    FORMAT,
    IMAGES_DIR,
    INDEX_FIELDS,
    PAGE_FIELDS,
    PRACTITIONER_FIELDS,
    TREATMENT_FIELDS,
    VERSION,
    PortabilityError,
)
from .images import write_image
from .references import chooser_kind, map_references, rewrite_rich_text


class Exporter:
    """Collects the records of one export, giving each referenced object a stable key."""

    def __init__(self, treatments):
        self.treatments = treatments
        self.treatment_refs = {page.pk: f"treatment:{page.slug}" for page in treatments}
        self.index_ids = {page.get_parent().pk for page in treatments}
        self.images = {}  # image id -> record, in first-use order
        self.practitioners = {}  # practitioner id -> record, in first-use order
        self.left_out = []  # sections that stay with this site, named for the command's output

    def image_ref(self, image_id):
        if image_id is None:
            return None
        if image_id not in self.images:
            image = get_image_model().objects.filter(pk=image_id).first()
            if image is None:
                return None  # a deleted image: the site shows nothing there either
            self.images[image_id] = {"key": f"image-{len(self.images) + 1}", "image": image}
        return self.images[image_id]["key"]

    def practitioner_ref(self, practitioner_id):
        if practitioner_id is None:
            return None
        if practitioner_id not in self.practitioners:
            practitioner = Practitioner.objects.filter(pk=practitioner_id).first()
            if practitioner is None:
                return None
            record = {"key": f"practitioner-{len(self.practitioners) + 1}"}
            record.update({field: getattr(practitioner, field) for field in PRACTITIONER_FIELDS})
            self.practitioners[practitioner_id] = record
            record["photo"] = self.image_ref(practitioner.photo_id)
        return self.practitioners[practitioner_id]["key"]

    def page_ref(self, page_id):
        if page_id is None:
            return None
        page_id = int(page_id)
        if page_id in self.treatment_refs:
            return self.treatment_refs[page_id]
        if page_id in self.index_ids:
            return "index"
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return None
        url_parts = page.get_url_parts()
        if url_parts is None:
            raise PortabilityError(f"A treatment links to page '{page.title}', which is not part of any site.")
        return f"path:{url_parts[2]}"

    def ref(self, kind, object_id):
        return {"image": self.image_ref, "page": self.page_ref, "practitioner": self.practitioner_ref}[kind](object_id)

    def leaf(self, block, value):
        """A body's chooser or rich-text value with its ids written as keys."""
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value)
        kind = chooser_kind(block)
        return self.ref(kind, value)

    def rich_text(self, html):
        if not html:
            return html
        return rewrite_rich_text(
            html,
            link=lambda linktype, value: self._rich_text_ref(linktype, value),
            embed=lambda embedtype, value: self._rich_text_ref(embedtype, value),
        )

    def _rich_text_ref(self, tag_type, value):
        if tag_type not in {"page", "image"}:
            raise PortabilityError(f"Rich text with '{tag_type}' links cannot be exported yet.")
        ref = self.ref(tag_type, int(value)) if value.isdigit() else None
        if ref is None:
            raise PortabilityError(f"Rich text links to a {tag_type} (id {value}) that no longer exists.")
        return ref

    def treatment_record(self, page):
        stream_block = TreatmentPage.body.field.stream_block
        record = {field: getattr(page, field) for field in PAGE_FIELDS}
        record["live"] = page.live
        record.update({field: getattr(page, field) for field in TREATMENT_FIELDS})
        record["hero_image"] = self.image_ref(page.hero_image_id)
        record["reviewed_by"] = self.practitioner_ref(page.reviewed_by_id)
        record["last_reviewed"] = page.last_reviewed.isoformat() if page.last_reviewed else None
        record["treatment_areas"] = [
            {"name": area.name, "description": area.description} for area in page.treatment_areas.all()
        ]
        kept = []
        for item in page.body.raw_data:
            section = stream_block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if section is not None and not getattr(section, "portable", True):
                self.left_out.append(f"Treatment '{page.slug}': a {section.label} section")
                continue
            kept.append(item)
        try:
            record["body"] = map_references(stream_block, kept, self.leaf)
        except PortabilityError as error:
            raise PortabilityError(f"Treatment '{page.slug}': {error}") from error
        return record


def export_treatments(path, notice=None):
    """Write every treatment page to the folder ``path``; returns the number of pages written.

    Sections that stay with this site (a before-and-after pair, whose patient's authorization is
    this clinic's record) are left out, each named through ``notice(message)``.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise PortabilityError(f"{path} exists and is not a folder.")
    leftovers = {p.name for p in path.iterdir()} - {DATA_FILE, IMAGES_DIR} if path.exists() else set()
    if leftovers:
        raise PortabilityError(f"{path} holds other files ({', '.join(sorted(leftovers))}); choose an empty folder.")

    treatments = list(
        TreatmentPage.objects.order_by("path").select_related("hero_image").prefetch_related("treatment_areas")
    )
    slugs = [page.slug for page in treatments]
    duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
    if duplicates:
        raise PortabilityError(f"Several treatments share the slug {', '.join(duplicates)}; make the slugs unique.")

    exporter = Exporter(treatments)
    records = [exporter.treatment_record(page) for page in treatments]
    index = treatments[0].get_parent().specific if treatments else TreatmentIndexPage.objects.first()

    images_dir = path / IMAGES_DIR
    images_dir.mkdir(parents=True, exist_ok=True)
    for stale in images_dir.iterdir():
        stale.unlink()
    image_records = [write_image(path, entry["key"], entry["image"]) for entry in exporter.images.values()]

    data = {
        "format": FORMAT,
        "version": VERSION,
        "index": {field: getattr(index, field) for field in INDEX_FIELDS} if index else None,
        "images": image_records,
        "practitioners": list(exporter.practitioners.values()),
        "treatments": records,
    }
    (path / DATA_FILE).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for left_out in exporter.left_out:
        if notice is not None:
            notice(f"{left_out} was left out: its patient's photo authorization stays with this site.")
    return len(records)
