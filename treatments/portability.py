"""Treatment pages as a portable, readable folder: ``treatments.json`` plus image files.

``export_treatments`` and ``import_treatments`` are thin commands around this module.

The folder::

    treatments.json      every treatment page, the practitioners and images they use
    images/image-1.png   each image's original file, named by its key in treatments.json

Database ids never leave the site they belong to. References are written as keys
that mean the same thing on any site:

- an image: ``"image-1"`` (its record in ``images``),
- a practitioner: ``"practitioner-1"`` (its record in ``practitioners``),
- a treatment page: ``"treatment:botox"`` (its slug; all treatments share one index),
- the treatment index: ``"index"``; any other page: ``"path:/about/"`` (its path on the site).

StreamField bodies keep their stored JSON shape (block ids included), with chooser
values and rich-text links rewritten to those keys. Which values are references is
read from the block definitions themselves, so a new block needs no change here.
"""

import hashlib
import json
import re
from io import BytesIO
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs
from wagtail.utils.file import hash_filelike

from clinic.models import Practitioner

from .models import TreatmentArea, TreatmentIndexPage, TreatmentPage

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

_ID_ATTR = re.compile(r'\bid="([^"]*)"')


class PortabilityError(Exception):
    """An export or import that cannot be done; the message says why, for the person running it."""


# Walking block values.


def _map_references(block, value, leaf):
    """Return stored StreamField JSON with every chooser and rich-text value passed through ``leaf``."""
    if isinstance(block, blocks.StreamBlock):
        if not isinstance(value, list):
            raise PortabilityError(f"Expected a list of blocks, got {type(value).__name__}.")
        items = []
        for item in value:
            if not isinstance(item, dict) or item.get("type") not in block.child_blocks:
                raise PortabilityError(f"Unknown block {item.get('type') if isinstance(item, dict) else item!r}.")
            items.append({**item, "value": _map_references(block.child_blocks[item["type"]], item.get("value"), leaf)})
        return items
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            return value
        return {
            name: _map_references(block.child_blocks[name], child, leaf) if name in block.child_blocks else child
            for name, child in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(value, list):
            return value
        return [
            {**item, "value": _map_references(block.child_block, item.get("value"), leaf)}
            if block._item_is_in_block_format(item)
            else _map_references(block.child_block, item, leaf)
            for item in value
        ]
    if isinstance(block, blocks.ChooserBlock | blocks.RichTextBlock):
        return leaf(block, value)
    return value


def _rewrite_rich_text(html, link, embed):
    """Replace the ``id`` of Wagtail's ``<a linktype=...>`` and ``<embed embedtype=...>`` tags."""

    def rewrite(match, kind, mapper):
        attrs = extract_attrs(match.group(1))
        tag_type = attrs.get(kind)
        if tag_type is None or "id" not in attrs:
            return match.group(0)
        new_id = mapper(tag_type, attrs["id"])
        return match.group(0).replace(match.group(1), _ID_ATTR.sub(f'id="{new_id}"', match.group(1), count=1))

    html = FIND_A_TAG.sub(lambda m: rewrite(m, "linktype", link), html)
    return FIND_EMBED_TAG.sub(lambda m: rewrite(m, "embedtype", embed), html)


def _chooser_kind(block):
    """'image', 'page' or 'practitioner': which kind of object a chooser block refers to."""
    if isinstance(block, blocks.PageChooserBlock):
        return "page"
    model = block.target_model
    if model is get_image_model():
        return "image"
    if model is Practitioner:
        return "practitioner"
    raise PortabilityError(f"Blocks choosing {model._meta.verbose_name_plural} cannot be exported yet.")


# Export.


class _Exporter:
    """Collects the records of one export, giving each referenced object a stable key."""

    def __init__(self, treatments):
        self.treatments = treatments
        self.treatment_refs = {page.pk: f"treatment:{page.slug}" for page in treatments}
        self.index_ids = {page.get_parent().pk for page in treatments}
        self.images = {}  # image id -> record, in first-use order
        self.practitioners = {}  # practitioner id -> record, in first-use order

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
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value)
        kind = _chooser_kind(block)
        return self.ref(kind, value)

    def rich_text(self, html):
        if not html:
            return html
        return _rewrite_rich_text(
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
        try:
            record["body"] = _map_references(stream_block, list(page.body.raw_data), self.leaf)
        except PortabilityError as error:
            raise PortabilityError(f"Treatment '{page.slug}': {error}") from error
        return record


def _image_filename(key, image):
    extension = PurePosixPath(image.file.name).suffix.lower()
    return f"{IMAGES_DIR}/{key}{extension if extension in IMAGE_EXTENSIONS else '.bin'}"


def export_treatments(path):
    """Write every treatment page to the folder ``path``; returns the number of pages written."""
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

    exporter = _Exporter(treatments)
    records = [exporter.treatment_record(page) for page in treatments]
    index = treatments[0].get_parent().specific if treatments else TreatmentIndexPage.objects.first()

    images_dir = path / IMAGES_DIR
    images_dir.mkdir(parents=True, exist_ok=True)
    for stale in images_dir.iterdir():
        stale.unlink()
    image_records = []
    for entry in exporter.images.values():
        image = entry["image"]
        with image.open_file() as handle:
            content = handle.read()
        filename = _image_filename(entry["key"], image)
        (path / filename).write_bytes(content)
        focal_point = None
        if image.has_focal_point():
            focal_point = {
                "x": image.focal_point_x,
                "y": image.focal_point_y,
                "width": image.focal_point_width,
                "height": image.focal_point_height,
            }
        image_records.append(
            {
                "key": entry["key"],
                "title": image.title,
                "description": image.description,
                "file": filename,
                "sha256": hashlib.sha256(content).hexdigest(),
                "focal_point": focal_point,
            }
        )

    data = {
        "format": FORMAT,
        "version": VERSION,
        "index": {field: getattr(index, field) for field in INDEX_FIELDS} if index else None,
        "images": image_records,
        "practitioners": list(exporter.practitioners.values()),
        "treatments": records,
    }
    (path / DATA_FILE).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(records)


# Import.


def _require(record, fields, what):
    if not isinstance(record, dict):
        raise PortabilityError(f"Each entry of {what} must be an object.")
    missing = [field for field in fields if field not in record]
    if missing:
        raise PortabilityError(f"An entry of {what} lacks {', '.join(missing)}.")
    for field in fields:
        if field in TEXT_FIELDS and not isinstance(record[field], str):
            raise PortabilityError(f"In {what}, '{field}' must be a string.")


def _read(path):
    path = Path(path)
    data_file = path / DATA_FILE
    if not data_file.is_file():
        raise PortabilityError(f"{data_file} not found: PATH must be a folder written by export_treatments.")
    try:
        data = json.loads(data_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PortabilityError(f"{data_file} is not valid JSON: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PortabilityError(f"{data_file} is not a treatment export (format '{FORMAT}').")
    if data.get("version") != VERSION:
        raise PortabilityError(f"Export version {data.get('version')!r} is not supported (expected {VERSION}).")
    for name in ("images", "practitioners", "treatments"):
        if not isinstance(data.get(name), list):
            raise PortabilityError(f"'{name}' must be a list.")
    if not isinstance(data.get("index"), dict | None):
        raise PortabilityError("'index' must be an object or null.")
    for record in data["images"]:
        _require(record, ["key", "title", "file", "sha256"], "images")
    for record in data["practitioners"]:
        _require(record, ["key", "name"], "practitioners")
    for record in data["treatments"]:
        _require(record, ["title", "slug", "summary", "body"], "treatments")
    slugs = [record["slug"] for record in data["treatments"]]
    if len(slugs) != len(set(slugs)):
        raise PortabilityError("Two treatments in the export share a slug.")
    return data


def _read_image_file(root, record):
    relative = PurePosixPath(str(record["file"]))
    if relative.parent != PurePosixPath(IMAGES_DIR) or relative.suffix.lower() not in IMAGE_EXTENSIONS:
        raise PortabilityError(f"Image {record['key']}: '{relative}' is not an image file in {IMAGES_DIR}/.")
    file_path = Path(root) / relative
    if not file_path.is_file():
        raise PortabilityError(f"Image {record['key']}: {relative} is missing.")
    content = file_path.read_bytes()
    if hashlib.sha256(content).hexdigest() != record["sha256"]:
        raise PortabilityError(f"Image {record['key']}: {relative} does not match its checksum.")
    try:
        with PILImage.open(file_path) as picture:
            picture.verify()
    except Exception as error:
        raise PortabilityError(f"Image {record['key']}: {relative} is not a readable image.") from error
    return content


class _Importer:
    """Recreates one export's objects on a site, mapping keys to the new database ids."""

    def __init__(self, root, data, site):
        self.root = root
        self.data = data
        self.site = site
        self.images = {}  # key -> image id
        self.practitioners = {}  # key -> practitioner id
        self.pages = {}  # "treatment:<slug>" / "index" -> page id
        self.saved_files = []

    def index(self):
        home = self.site.root_page.specific
        index = TreatmentIndexPage.objects.descendant_of(home).order_by("path").first()
        if index is not None:
            return index
        from home.models import HomePage

        if not isinstance(home, HomePage):
            home = self._replace_welcome_page(home)
        fields = {field: value for field, value in (self.data.get("index") or {}).items() if field in INDEX_FIELDS}
        index = home.add_child(instance=TreatmentIndexPage(**{"title": "Treatments", "slug": "treatments", **fields}))
        index.save_revision().publish()
        return index

    def _replace_welcome_page(self, root_page):
        """A fresh Wagtail install's placeholder root becomes the clinic's home page."""
        from home.models import HomePage

        if root_page.specific_class is not Page or root_page.get_children().exists():
            raise PortabilityError(
                f"The site's root page '{root_page.title}' is not a clinic home page; treatments need one."
            )
        tree_root = root_page.get_parent()
        title = self.site.site_name or "Home"
        slug = root_page.slug
        root_page.delete()
        home = tree_root.add_child(instance=HomePage(title=title, slug=slug))
        home.save_revision().publish()
        self.site.root_page = home
        self.site.save()
        return home

    def import_images(self):
        Image = get_image_model()
        for record in self.data["images"]:
            content = _read_image_file(self.root, record)
            # The same file under the same title is the same image: importing twice adds nothing.
            image = Image.objects.filter(file_hash=hash_filelike(BytesIO(content)), title=record["title"]).first()
            if image is None:
                extension = PurePosixPath(record["file"]).suffix.lower()
                name = f"{slugify(record['title']) or 'image'}{extension}"
                image = Image(title=record["title"], file=ImageFile(BytesIO(content), name=name))
                image._set_image_file_metadata()  # size and hash, as the admin's upload form sets them
            image.description = record.get("description") or ""
            focal_point = record.get("focal_point") or {}
            if not isinstance(focal_point, dict):
                raise PortabilityError(f"Image {record['key']}: 'focal_point' must be an object or null.")
            image.focal_point_x = focal_point.get("x")
            image.focal_point_y = focal_point.get("y")
            image.focal_point_width = focal_point.get("width")
            image.focal_point_height = focal_point.get("height")
            fields = [
                "title",
                "description",
                "focal_point_x",
                "focal_point_y",
                "focal_point_width",
                "focal_point_height",
            ]
            self._clean_fields(image, fields, f"Image {record['key']}")
            is_new = image.pk is None
            image.save()
            if is_new:
                self.saved_files.append(image.file)
            self.images[record["key"]] = image.pk

    def import_practitioners(self):
        for record in self.data["practitioners"]:
            fields = {field: record.get(field) or "" for field in PRACTITIONER_FIELDS}
            practitioner = Practitioner.objects.filter(name=fields["name"], credentials=fields["credentials"]).first()
            practitioner = practitioner or Practitioner()
            for field, value in fields.items():
                setattr(practitioner, field, value)
            practitioner.photo_id = self.resolve("image", record.get("photo"))
            self._clean(practitioner, f"Practitioner '{fields['name']}'")
            practitioner.save()
            self.practitioners[record["key"]] = practitioner.pk

    def import_treatments(self, index):
        self.pages["index"] = index.pk
        pages = []
        # Every page exists before any body is written, so treatments may link to each other.
        for record in self.data["treatments"]:
            page = TreatmentPage.objects.child_of(index).filter(slug=record["slug"]).first()
            if page is None:
                page = TreatmentPage(title=record["title"], slug=record["slug"], summary=record["summary"], live=False)
                self._save_page(lambda page=page: index.add_child(instance=page), record)
            self.pages[f"treatment:{record['slug']}"] = page.pk
            pages.append((page, record))
        for page, record in pages:
            self._fill(page, record)
        return len(pages)

    def _fill(self, page, record):
        stream_block = TreatmentPage.body.field.stream_block
        label = f"Treatment '{record['slug']}'"
        for field in PAGE_FIELDS + TREATMENT_FIELDS:
            if field in record:
                setattr(page, field, record[field])
        page.hero_image_id = self.resolve("image", record.get("hero_image"))
        page.reviewed_by_id = self.resolve("practitioner", record.get("reviewed_by"))
        page.last_reviewed = record.get("last_reviewed")
        try:
            raw_body = _map_references(stream_block, record["body"], self.leaf)
            stream_block.clean(stream_block.to_python(raw_body))
        except PortabilityError as error:
            raise PortabilityError(f"{label}: {error}") from error
        except ValidationError as error:
            raise PortabilityError(f"{label}: the body is not valid: {_messages(error)}") from error
        # Stored exactly as exported (block ids, list shapes), so exporting again gives the same file.
        page.body = StreamValue(stream_block, raw_body, is_lazy=True)
        page.treatment_areas.clear()
        for order, area in enumerate(record.get("treatment_areas") or []):
            _require(area, ["name"], f"{label} treatment_areas")
            area = TreatmentArea(name=area["name"], description=area.get("description") or "", sort_order=order)
            self._clean(area, f"{label}, treatment area {order + 1}", exclude=["page"])
            page.treatment_areas.add(area)
        live = bool(record.get("live", True))
        if live or not page.live:
            # The page record holds the content of a draft, and publish() copies it for a live one.
            self._save_page(page.save, record)
        revision = page.save_revision()
        if live:
            revision.publish()

    def _save_page(self, save, record):
        try:
            save()
        except ValidationError as error:
            raise PortabilityError(f"Treatment '{record['slug']}': {_messages(error)}") from error

    def _clean_fields(self, instance, fields, label):
        try:
            instance.clean_fields(exclude=[f.name for f in instance._meta.fields if f.name not in fields])
        except ValidationError as error:
            raise PortabilityError(f"{label}: {_messages(error)}") from error

    def _clean(self, instance, label, exclude=None):
        try:
            instance.full_clean(exclude=exclude)
        except ValidationError as error:
            raise PortabilityError(f"{label}: {_messages(error)}") from error

    def resolve(self, kind, ref):
        if ref is None:
            return None
        if kind == "image":
            found = self.images.get(ref)
        elif kind == "practitioner":
            found = self.practitioners.get(ref)
        elif isinstance(ref, str) and ref.startswith("path:"):
            found = self._page_at(ref.removeprefix("path:"))
        else:
            found = self.pages.get(ref)
        if found is None:
            raise PortabilityError(f"The {kind} '{ref}' is not in the export or on this site.")
        return found

    def _page_at(self, path):
        route = [part for part in path.split("/") if part]
        page = self.site.root_page
        for slug in route:
            page = page.get_children().filter(slug=slug).first()
            if page is None:
                return None
        return page.pk

    def leaf(self, block, value):
        if isinstance(block, blocks.RichTextBlock):
            if not isinstance(value, str):
                raise PortabilityError("Rich text must be a string.")
            return _rewrite_rich_text(
                value,
                link=lambda linktype, ref: str(self.resolve(linktype, ref)),
                embed=lambda embedtype, ref: str(self.resolve(embedtype, ref)),
            )
        return self.resolve(_chooser_kind(block), value)


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    if hasattr(error, "block_errors") or hasattr(error, "as_json_data"):
        return json.dumps(error.as_json_data())
    return " ".join(error.messages)


def _site(hostname):
    sites = Site.objects.select_related("root_page")
    if hostname:
        site = sites.filter(hostname=hostname).first()
        if site is None:
            raise PortabilityError(f"No site with hostname '{hostname}'.")
        return site
    site = sites.filter(is_default_site=True).first() or sites.order_by("pk").first()
    if site is None:
        raise PortabilityError("This database has no site; run migrations first.")
    return site


def import_treatments(path, site_hostname=None):
    """Recreate an export's treatments under the site's treatment index; returns the number of pages.

    All or nothing: on any error the database is unchanged and uploaded files are removed.
    """
    data = _read(path)
    importer = _Importer(Path(path), data, _site(site_hostname))
    try:
        with transaction.atomic():
            index = importer.index()
            importer.import_images()
            importer.import_practitioners()
            return importer.import_treatments(index)
    except DatabaseError as error:
        # A value the checks above let through but a column refuses (e.g. too long for PostgreSQL).
        _delete_files(importer.saved_files)
        raise PortabilityError(f"The database refused the import: {error}") from error
    except Exception:
        _delete_files(importer.saved_files)
        raise


def _delete_files(files):
    for stored in files:
        stored.storage.delete(stored.name)
