"""Builds what is missing of the demo clinic, and knows what a reset would remove.

Create-only: anything that exists (a page, Clinic details, a login) belongs to whoever
changed it last, so the loader never rewrites it and never publishes over an editor's draft.
"""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from clinic.models import ClinicSettings, Practitioner
from demo import botox, images
from home.models import HomePage
from products.models import Product
from treatments.models import TreatmentIndexPage, TreatmentPage
from treatments.review import PRACTITIONERS_GROUP

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "botox-demo"
PRACTITIONER_USERNAME = "dr.kim"
PRACTITIONER_PASSWORD = "botox-review"


class DemoLoader:
    """Creates the demo's missing pieces; ``log`` receives one line per thing created."""

    def __init__(self, log=lambda line: None):
        self.log = log
        self.images = {}

    def image(self, spec):
        """The demo image of ``spec`` (``demo.images``), drawn and created when no image has its title.

        Only called for something being created, so an image the clinic deleted comes back
        only with the page (or details) that shows it.
        """
        if spec["title"] not in self.images:
            image = get_image_model().objects.filter(title=spec["title"]).first()
            if image is None:
                x, y, width, height = spec["focal_point"]
                image = get_image_model().objects.create(
                    title=spec["title"],
                    description=spec["description"],
                    file=images.image_file(spec),
                    focal_point_x=x,
                    focal_point_y=y,
                    focal_point_width=width,
                    focal_point_height=height,
                )
                self.log(f"Created the image '{image.title}'.")
            self.images[spec["title"]] = image
        return self.images[spec["title"]]

    def load(self, hostname=None, port=None, logins=True):
        home = self.home()
        site = self.site(home, hostname, port)
        self.clinic(site)
        practitioner = self.practitioner()
        index = self.child(home, TreatmentIndexPage, botox.INDEX)
        treatment = self.treatment(index, practitioner)
        if logins:
            self.superuser()
            self.practitioner_login(practitioner)
        return site, treatment

    def home(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's install creates a plain welcome page; the clinic's home replaces it.
            for welcome in root.get_children().filter(content_type__model="page", slug="home"):
                welcome.delete()
            home = root.add_child(instance=HomePage(slug="home", hero_image=self.image(images.HERO), **botox.HOME))
            home.save_revision().publish()
            self.log(f"Created the home page '{home.title}'.")
        return home

    def site(self, home, hostname=None, port=None):
        """The default Site, pointed at the home page when it serves none; explicit flags apply."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True, site_name=botox.CLINIC["name"])
        changed = site.pk is None
        if not site.site_name:
            site.site_name, changed = botox.CLINIC["name"], True
        if not Page.objects.filter(pk=site.root_page_id).type(HomePage).exists():
            site.root_page_id, changed = home.pk, True
        for field, wanted in (("hostname", hostname), ("port", port)):
            if wanted and getattr(site, field) != wanted:
                setattr(site, field, wanted)
                changed = True
        if changed:
            site.save()
        return site

    def clinic(self, site):
        clinic = ClinicSettings.objects.filter(site=site).first() or ClinicSettings(site=site)
        # A blank record (made by the first page view) is missing details, not the clinic's own.
        if clinic.pk is None or not (clinic.name or clinic.phone):
            for key, value in botox.CLINIC.items():
                setattr(clinic, key, value)
            clinic.logo = clinic.logo or self.image(images.LOGO)
            clinic.full_clean()
            clinic.save()
            self.log("Filled in Clinic details.")

    def practitioner(self):
        practitioner = Practitioner.objects.filter(name=botox.PRACTITIONER["name"]).first()
        created = practitioner is None
        if created:
            practitioner = Practitioner.objects.create(**botox.PRACTITIONER, photo=self.image(images.PORTRAIT))
        if created:
            self.log(f"Created the practitioner '{practitioner.name}'.")
        return practitioner

    def child(self, parent, model, data):
        page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if page is None:
            page = parent.add_child(instance=model(**data))
            page.save_revision().publish()
            self.log(f"Created the page '{page.title}'.")
        return page

    def treatment(self, index, practitioner):
        page = TreatmentPage.objects.child_of(index).filter(slug=botox.BOTOX["slug"]).first()
        if page is not None:
            return page
        stream_block = TreatmentPage.body.field.stream_block
        body = stream_block.to_python(botox.BODY)
        stream_block.clean(body)  # the demo obeys the same rules as an editor
        # Not medically reviewed: reviewed_by and last_reviewed stay empty, so the page is due.
        page = TreatmentPage(**botox.BOTOX, body=body, hero_image=self.image(images.HERO))
        # "BOTOX in Portland with Dr. Michael Kim": he performs it (his profile lists it).
        page.practitioners = [practitioner]
        page.product_links.add(page.product_links.model(sort_order=0, product=self.product()))
        for order, area in enumerate(botox.TREATMENT_AREAS):
            page.treatment_areas.add(page.treatment_areas.model(sort_order=order, **area))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"Created the page '{page.title}'.")
        # Not featured by hand: the home page's empty list shows the newest live treatments, so a
        # treatment the clinic adds appears there too, and the home page (maybe with an editor's
        # draft) gets no revision from the loader.
        return page

    def product(self):
        """The BOTOX product record (names only; the safety text is the clinic's to quote)."""
        product = Product.objects.filter(brand_name=botox.PRODUCT["brand_name"]).first()
        if product is None:
            product = Product.objects.create(**botox.PRODUCT)
            self.log(f"Created the product '{product}'.")
        return product

    def superuser(self):
        username = os.environ.get("DEMO_ADMIN_USERNAME", ADMIN_USERNAME)
        password = os.environ.get("DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username=username, email="admin@example.com", password=password)
            self.log(f"Created superuser '{username}' (local development only).")

    def practitioner_login(self, practitioner):
        """Dr. Kim's own login, in the Practitioners group, so the medical review can be tried."""
        password = os.environ.get("DEMO_PRACTITIONER_PASSWORD", PRACTITIONER_PASSWORD)
        User = get_user_model()
        user = User.objects.filter(username=PRACTITIONER_USERNAME).first()
        if user is None:
            user = User.objects.create_user(
                username=PRACTITIONER_USERNAME,
                email="dr.kim@example.com",
                password=password,
                first_name="Michael",
                last_name="Kim",
            )
            user.groups.add(Group.objects.get(name=PRACTITIONERS_GROUP))
            self.log(f"Created the practitioner login '{PRACTITIONER_USERNAME}' (local development only).")
        if practitioner.user_id is None and not Practitioner.objects.filter(user=user).exists():
            practitioner.user = user
            practitioner.save(update_fields=["user"])


def demo_content():
    """What a reset removes, as (description, queryset) pairs."""
    home = HomePage.objects.first()
    pages = Page.objects.descendant_of(home, inclusive=True) if home else Page.objects.none()
    return [
        ("page", pages),
        ("Clinic details", ClinicSettings.objects.all()),
        ("practitioner", Practitioner.objects.filter(name=botox.PRACTITIONER["name"])),
        ("image", demo_images()),
        ("product", Product.objects.filter(brand_name=botox.PRODUCT["brand_name"])),
    ]


def demo_images():
    """The images the demo drew (``demo.images``), found by their titles."""
    return get_image_model().objects.filter(title__in=[spec["title"] for spec in images.IMAGES])


def delete_demo_content():
    """Delete what ``demo_content`` lists: the home page with every page under it, and the rest."""
    home = HomePage.objects.first()
    if home is not None:
        home.delete()  # Wagtail deletes the subtree (and the Site rooted there) with it
    ClinicSettings.objects.all().delete()
    Practitioner.objects.filter(name=botox.PRACTITIONER["name"]).delete()
    demo_images().delete()
    # After the pages: a product stays while a page uses it.
    Product.objects.filter(brand_name=botox.PRODUCT["brand_name"], treatment_links__isnull=True).delete()
