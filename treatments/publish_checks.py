"""What a treatment page must carry before it is published (drafts may be incomplete).

Each block says what publishing requires of it (``validate_for_publish``, see
``treatments.blocks.base.SectionBlock``): a testimonial needs the patient's consent on file
(when and how it was given), every safety or efficacy claim its source. Each problem names the
block as an editor sees it, e.g. "Testimonial 2 (Monica Z.): ...". The StreamField's own
validation (admin publish and submit), the page model's publish (ORM, workflow, scheduled
publishing) and the demo loader all ask :func:`publish_problems`.
"""

from collections import Counter

from django.core.exceptions import ValidationError


def block_name(child, number):
    """How an editor recognises a block: its label, its number among its kind, its heading or name."""
    value = child.value
    label = child.block.label
    detail = ""
    if hasattr(value, "get"):
        detail = value.get("attribution") or value.get("heading") or ""
    return f"{label} {number} ({detail})" if detail else f"{label} {number}"


def numbered_blocks(stream_value):
    """Each block of a stream with its number among blocks of its type (1-based)."""
    seen = Counter()
    for child in stream_value:
        seen[child.block_type] += 1
        yield child, seen[child.block_type]


def publish_problems(stream_value):
    """Messages for every block that may not be published as it stands, asked of each block."""
    problems = []
    for child, number in numbered_blocks(stream_value):
        validate_for_publish = getattr(child.block, "validate_for_publish", None)
        if validate_for_publish is not None:
            problems.extend(validate_for_publish(child.value, block_name(child, number)))
    return problems


def check_ready_to_publish(page):
    """Raise ValidationError naming every block that blocks publishing ``page``."""
    problems = publish_problems(page.body) + page.safety_problems()
    if problems:
        raise ValidationError(problems)
