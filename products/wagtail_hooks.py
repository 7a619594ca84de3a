"""Products in the admin (Snippets > Products), with what the clinic still has to complete."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.history import register_sent_to_review

from .models import TO_COMPLETE, Product


class ProductViewSet(SnippetViewSet):
    """Snippets > Products: the list says which products still lack their safety text."""

    model = Product
    icon = "pick"
    menu_label = "Products"
    list_display = ["brand_name", "generic_name", "manufacturer", "safety_status", "safety_version"]
    search_fields = ["brand_name", "generic_name"]
    panels = [
        FieldRowPanel([FieldPanel("brand_name"), FieldPanel("generic_name")]),
        FieldPanel("manufacturer"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("prescription_status")]),
        FieldPanel("approved_indications"),
        FieldPanel("units_note"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Quote the manufacturer's published text word for word, never from memory and never "
                    "paraphrased, with the page it comes from and the date you compared it. Left empty, the "
                    f"product shows '{TO_COMPLETE}' in the list of products. Every change here sends each "
                    "treatment page using the product to Medical review."
                ),
                FieldPanel("boxed_warning"),
                FieldPanel("safety_information"),
                FieldRowPanel([FieldPanel("safety_source_url"), FieldPanel("safety_checked_on")]),
                FieldPanel("requires_safety_information"),
            ],
            heading="Boxed warning and Important Safety Information",
        ),
    ]


register_snippet(ProductViewSet)


@hooks.register("register_log_actions")
def register_safety_log_action(actions):
    # Written on each page using a product whose safety information changed (treatments.safety).
    register_sent_to_review(
        actions,
        "products.safety_information_changed",
        "Product safety information changed",
        "the Important Safety Information of {product} changed (version {version})",
        product="its product",
        version="?",
    )
