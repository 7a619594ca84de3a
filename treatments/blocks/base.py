"""What every section of a treatment page shares: rich-text features, field errors, publish rules."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def reject_field(field, message):
    """Raise a StructBlock error attached to one child field, as the admin shows it."""
    raise StructBlockValidationError(block_errors={field: ErrorList([ValidationError(message)])})


def check_range(value, low, high, label):
    """Reject a minimum that exceeds its maximum, naming the fields involved."""
    if value.get(low) is not None and value.get(high) is not None and value[low] > value[high]:
        reject_field(high, f"The maximum {label} must be at least the minimum ({value[low]}).")


class SectionBlock(blocks.StructBlock):
    """A section of a treatment page; it may say what publishing requires of it.

    ``validate_for_publish`` is asked by ``treatments.publish_checks.publish_problems`` when a
    page is published or submitted for review (never for drafts). ``json_ld``, where a section
    defines it, is its piece of the page's structured data (``treatments.structured_data``).
    ``records`` names child fields that are the clinic's governance records (e.g. a patient's
    consent): editors fill them in the admin, but no public JSON or schema ever carries them.
    A section renders through ``treatments/blocks/<its type name>.html`` (its name in the
    treatment body), unless its ``Meta`` names another template.
    """

    records = ()
    #: False keeps the section's words out of the search index and out of search excerpts (a
    #: section that may vanish without the page being indexed again).
    searchable = True
    #: False leaves the section out of ``export_treatments`` (said in the command's output): it
    #: depends on a record that must not leave the clinic holding it (a patient's authorization).
    portable = True
    #: The section's entry in the page's "On this page" navigation: short, as patients scan it.
    #: Empty (a testimonial, say) leaves the section out of the navigation.
    nav_label = ""

    def nav_text(self, value):
        """This section's entry in "On this page": ``nav_label`` unless the section says more."""
        return self.nav_label

    def get_searchable_content(self, value):
        return super().get_searchable_content(value) if self.searchable else []

    def get_template(self, value=None, context=None):
        # Pages and the admin's block previews both render through this method.
        return super().get_template(value, context=context) or f"treatments/blocks/{self.name}.html"

    def get_api_representation(self, value, context=None):
        shown = super().get_api_representation(value, context=context)
        return {name: item for name, item in shown.items() if name not in self.records}

    def validate_for_publish(self, value, name):
        """Messages for what stops this section being published, each starting with ``name``
        (how an editor recognises it, e.g. "Testimonial 2 (Monica Z.)"). Nothing by default."""
        return []
