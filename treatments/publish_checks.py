"""What a treatment page must carry before it is published (drafts may be incomplete).

A testimonial needs the patient's consent on file (when and how it was given); every
safety or efficacy claim needs its source. Each problem names the block as an editor
sees it, e.g. "Testimonial 2 (Monica Z.): ...". The StreamField's own validation
(admin publish and submit), the page model's publish (ORM, workflow, scheduled
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


def testimonial_consent_missing(value):
    """The consent facts a testimonial lacks, in the clinic's words (empty when complete)."""
    missing = []
    if not value.get("consent_on_file"):
        missing.append("consent on file")
    if not value.get("consent_date"):
        missing.append("consent date")
    if not value.get("consent_method"):
        missing.append("how it was given")
    return missing


def _join(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def publish_problems(stream_value):
    """Messages for every block that may not be published as it stands."""
    problems = []
    for child, number in numbered_blocks(stream_value):
        if child.block_type == "testimonial":
            missing = testimonial_consent_missing(child.value)
            if missing:
                verb = "is" if len(missing) == 1 else "are"
                problems.append(
                    f"{block_name(child, number)}: {_join(missing)} {verb} required before publishing "
                    "(the patient's consent to publish their words)."
                )
        elif child.block_type == "safety":
            for position, claim in enumerate(child.value.get("claims") or [], start=1):
                if not (claim.get("source") or "").strip():
                    problems.append(
                        f"{block_name(child, number)}, claim {position}: a source (citation or URL) "
                        "is required before publishing."
                    )
    return problems


def check_ready_to_publish(page):
    """Raise ValidationError naming every block that blocks publishing ``page``."""
    problems = publish_problems(page.body)
    if problems:
        raise ValidationError(problems)
