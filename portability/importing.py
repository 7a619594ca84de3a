"""Import: an export folder's treatments recreated on a site, all or nothing."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.models import Page, Site

from clinic.models import Practitioner
from home.models import HomePage
from treatments.models import TreatmentArea, TreatmentIndexPage, TreatmentPage

from .format import INDEX_FIELDS, PAGE_FIELDS, PRACTITIONER_FIELDS, TREATMENT_FIELDS, PortabilityError
from .images import image_from_record
from .references import chooser_kind, map_references, rewrite_rich_text
from .validation import clean, messages, read_export, require


class Importer:
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
        if not isinstance(home, HomePage):
            home = self._replace_welcome_page(home)
        fields = {field: value for field, value in (self.data.get("index") or {}).items() if field in INDEX_FIELDS}
        index = home.add_child(instance=TreatmentIndexPage(**{"title": "Treatments", "slug": "treatments", **fields}))
        index.save_revision().publish()
        return index

    def _replace_welcome_page(self, root_page):
        """A fresh Wagtail install's placeholder root becomes the clinic's home page."""
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
        for record in self.data["images"]:
            image = image_from_record(self.root, record)
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
            clean(practitioner, f"Practitioner '{fields['name']}'")
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
            raw_body = map_references(stream_block, record["body"], self.leaf)
            stream_block.clean(stream_block.to_python(raw_body))
        except PortabilityError as error:
            raise PortabilityError(f"{label}: {error}") from error
        except ValidationError as error:
            raise PortabilityError(f"{label}: the body is not valid: {messages(error)}") from error
        # Stored exactly as exported (block ids, list shapes), so exporting again gives the same file.
        page.body = StreamValue(stream_block, raw_body, is_lazy=True)
        page.treatment_areas.clear()
        for order, area in enumerate(record.get("treatment_areas") or []):
            require(area, ["name"], f"{label} treatment_areas")
            area = TreatmentArea(name=area["name"], description=area.get("description") or "", sort_order=order)
            clean(area, f"{label}, treatment area {order + 1}", exclude=["page"])
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
            raise PortabilityError(f"Treatment '{record['slug']}': {messages(error)}") from error

    def resolve(self, kind, ref):
        """The database id on this site of what the export's key ``ref`` names."""
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
        """A body's chooser or rich-text value with its keys turned back into this site's ids."""
        if isinstance(block, blocks.RichTextBlock):
            if not isinstance(value, str):
                raise PortabilityError("Rich text must be a string.")
            return rewrite_rich_text(
                value,
                link=lambda linktype, ref: str(self.resolve(linktype, ref)),
                embed=lambda embedtype, ref: str(self.resolve(embedtype, ref)),
            )
        return self.resolve(chooser_kind(block), value)


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
    data = read_export(path)
    importer = Importer(Path(path), data, _site(site_hostname))
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
