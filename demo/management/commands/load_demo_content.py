"""Create or update the demo clinic site: home, /treatments/ and the BOTOX page.

Idempotent: a second run finds everything in place and changes nothing.
"""

import json
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.models import Page, Site

from clinic.models import ClinicSettings, Practitioner
from demo import botox
from home.models import FeaturedTreatment, HomePage
from treatments.models import TreatmentIndexPage, TreatmentPage

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "botox-demo"


def _strip_ids(data):
    """Raw StreamField data without the block ids Wagtail assigns, for comparison.

    Stored ListBlock items are ``{"type": "item", "value": ..., "id": ...}``, while the
    demo data writes plain lists; both reduce to the plain values.
    """
    if isinstance(data, dict) and data.get("type") == "item" and set(data) <= {"type", "value", "id"}:
        return _strip_ids(data["value"])
    if isinstance(data, dict):
        return {k: _strip_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_strip_ids(v) for v in data]
    return data


def _comparable(prep_value):
    """StreamField data as it is stored (JSON), minus block ids."""
    return _strip_ids(json.loads(json.dumps(prep_value, cls=DjangoJSONEncoder)))


class Command(BaseCommand):
    help = "Load the demo clinic (BOTOX page, practitioner, clinic details) and a local superuser."

    def add_arguments(self, parser):
        parser.add_argument("--no-superuser", action="store_true", help="Do not create the local superuser.")
        parser.add_argument(
            "--hostname",
            help="The site's hostname, for canonical URLs and the sitemap (default: keep; new: localhost).",
        )
        parser.add_argument("--port", type=int, help="The site's port (default: keep; new: 80).")

    @transaction.atomic
    def handle(self, *args, **options):
        home = self._home()
        site = self._site(home, options["hostname"], options["port"])
        self._clinic(site)
        practitioner = self._practitioner()
        index = self._child(home, TreatmentIndexPage, botox.INDEX)
        treatment = self._treatment(index, practitioner)
        self._feature(home, treatment)
        if not options["no_superuser"]:
            self._superuser()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {treatment.get_url()} (site {site})"))

    def _home(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's install creates a plain welcome page; the clinic's home replaces it.
            for welcome in root.get_children().filter(content_type__model="page", slug="home"):
                welcome.delete()
            home = root.add_child(instance=HomePage(slug="home", **botox.HOME))
            home.save_revision().publish()
        else:
            self._update(home, botox.HOME)
        return home

    def _site(self, home, hostname=None, port=None):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        wanted = {
            "root_page_id": home.pk,
            "site_name": botox.CLINIC["name"],
            "hostname": hostname or site.hostname,
            "port": port or site.port,
        }
        if site.pk is None or any(getattr(site, k) != v for k, v in wanted.items()):
            for key, value in wanted.items():
                setattr(site, key, value)
            site.save()
        return site

    def _clinic(self, site):
        clinic = ClinicSettings.for_site(site)
        if any(getattr(clinic, k) != v for k, v in botox.CLINIC.items()):
            for key, value in botox.CLINIC.items():
                setattr(clinic, key, value)
            clinic.full_clean()
            clinic.save()

    def _practitioner(self):
        practitioner, _ = Practitioner.objects.get_or_create(
            name=botox.PRACTITIONER["name"], defaults=botox.PRACTITIONER
        )
        return practitioner

    def _child(self, parent, model, data):
        page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if page is None:
            page = parent.add_child(instance=model(**data))
            page.save_revision().publish()
        else:
            self._update(page, data)
        return page

    def _treatment(self, index, practitioner):
        body = [
            {**block, "value": {**block["value"], "practitioner": practitioner.pk}}
            if block["value"].get("practitioner") == botox.PRACTITIONER_REF
            else block
            for block in botox.BODY
        ]
        stream_block = TreatmentPage.body.field.stream_block
        stream_value = stream_block.to_python(body)
        stream_block.clean(stream_value)  # the demo obeys the same rules as an editor

        fields = {**botox.BOTOX, "reviewed_by": practitioner}
        page = TreatmentPage.objects.child_of(index).filter(slug=fields["slug"]).first()
        areas = [(a["name"], a["description"]) for a in botox.TREATMENT_AREAS]
        if page is None:
            page = TreatmentPage(**fields, body=stream_value)
            index.add_child(instance=page)
        elif (
            all(getattr(page, k) == v for k, v in fields.items())
            and _comparable(page.body.get_prep_value()) == _comparable(stream_block.get_prep_value(stream_value))
            and [(a.name, a.description) for a in page.treatment_areas.all()] == areas
            and page.live
            and not page.has_unpublished_changes
        ):
            return page
        for key, value in fields.items():
            setattr(page, key, value)
        page.body = stream_value
        page.treatment_areas.clear()
        for order, (name, description) in enumerate(areas):
            page.treatment_areas.add(page.treatment_areas.model(name=name, description=description, sort_order=order))
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    def _feature(self, home, treatment):
        if not home.featured_treatments.filter(treatment=treatment).exists():
            # Through a revision, so the editor sees what the site shows.
            home.featured_treatments.add(FeaturedTreatment(treatment=treatment))
            home.save_revision().publish()

    def _update(self, page, data):
        """Bring a page's fields to ``data``, publishing only when something differs."""
        if all(getattr(page, k) == v for k, v in data.items()) and page.live and not page.has_unpublished_changes:
            return
        for key, value in data.items():
            setattr(page, key, value)
        page.save_revision().publish()

    def _superuser(self):
        username = os.environ.get("DEMO_ADMIN_USERNAME", DEMO_USERNAME)
        password = os.environ.get("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD)
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username=username, email="admin@example.com", password=password)
            self.stdout.write(f"Created superuser '{username}' (local development only).")
