"""A treatment page's products: names read from them, their safety information shown and enforced.

- The page's ``brand_name`` and ``generic_name`` are copies of its first product's, refreshed at
  every clean and save of the page and whenever the product changes (so the API fields, search
  and exports keep reading plain columns, and no one types the names twice).
- A product that requires its Important Safety Information (ISI) stops a page from being
  published while its safety record is incomplete (:func:`product_problems`), at every publish
  path and in the admin form (:class:`TreatmentPageSafetyForm`).
- A change of a product's ISI (:data:`products.signals.safety_information_changed`) sends every
  treatment page using it to Medical review, logs why, and raises ``content_changed`` for each.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from core.signals import send
from products.models import Product
from products.signals import safety_information_changed

from .flagging import send_back_to_review
from .review_fields import TreatmentPageForm

SAFETY_CHANGED_ACTION = "products.safety_information_changed"


def product_problems(products):
    """Messages for each product whose required safety information is incomplete."""
    problems = []
    for product in products:
        if product.requires_safety_information:
            missing = product.safety_information_missing()
            if missing:
                problems.append(
                    f"Product {product.brand_name}: its {', '.join(missing)} must be completed (Snippets > "
                    "Products) before a page using it is published: pages show its Important Safety Information."
                )
    return problems


def copy_product_names(page):
    """Set the page's brand and generic names from its first product (left alone without one)."""
    links = [link for link in page.product_links.all() if link.product_id]
    if links:
        product = links[0].product
        page.brand_name, page.generic_name = product.brand_name, product.generic_name


class TreatmentPageSafetyForm(TreatmentPageForm):
    """Publishing or submitting names each chosen product whose required safety text is missing."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("product_links")
        if self.is_deferred_validation or formset is None or not formset.is_valid():
            return cleaned_data
        chosen = [
            form.cleaned_data["product"]
            for form in formset.forms
            if form.cleaned_data.get("product") and not form.cleaned_data.get("DELETE")
        ]
        for problem in product_problems(chosen):
            self.add_error(None, problem)
        return cleaned_data


def pages_using(product):
    """Every treatment page (live or draft) that chose ``product``."""
    from_links = product.treatment_links.values("page_id")
    # The page model is reached through the link model, so this file imports no model module.
    page_model = product.treatment_links.model._meta.get_field("page").related_model
    return page_model.objects.filter(pk__in=from_links).order_by("path")


@receiver(post_save, sender=Product, dispatch_uid="treatments-product-names")
def refresh_product_names(sender, instance, raw=False, **kwargs):
    # A renamed product renames every page that uses it first.
    if raw:
        return
    for page in pages_using(instance):
        before = (page.brand_name, page.generic_name)
        copy_product_names(page)
        if (page.brand_name, page.generic_name) != before:
            type(page).objects.filter(pk=page.pk).update(brand_name=page.brand_name, generic_name=page.generic_name)
            send("page.changed", page)


@receiver(safety_information_changed, dispatch_uid="treatments-safety-review")
def send_pages_to_review(sender, product, version, **kwargs):
    """Each page using ``product``: back to Medical review, logged, and its caches told."""
    data = {"product": product.brand_name, "product_id": product.pk, "version": version}
    for page in pages_using(product):
        send_back_to_review(page, SAFETY_CHANGED_ACTION, data)
