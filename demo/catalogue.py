"""A large catalogue made of copies of one treatment page, for benchmarks and tests of scale.

Not demo content: ``bench/scale.py`` and the query-count tests use it to see how the site,
the API and the admin behave with hundreds or thousands of treatments. Each copy says what
the source page says, under the title "<title> copy <n>"; the copies are live (the search
index and the reference index learn them as any saved page) and have no revisions.
"""

from django.db import transaction
from django.utils import timezone

from core.statistics import refresh_planner_statistics
from treatments.models import TreatmentArea, TreatmentPage

# Fields copied as they are; the tree position, title and slug are each copy's own.
COPIED_FIELDS = (
    "summary",
    "brand_name",
    "generic_name",
    "category",
    "hero_image_id",
    "reviewed_by_id",
    "last_reviewed",
    "review_interval_months",
    "show_faq_structured_data",
    "seo_title",
    "search_description",
)


def copy_treatment(source, count, start=1):
    """Add ``count`` live copies of ``source`` beside it, numbered from ``start``, in one transaction.

    Returns the copies. A copy's body is the source's stored JSON (its blocks load lazily, as
    a page read from the database does); its treatment areas are the source's, created in bulk.
    """
    parent = source.get_parent()
    areas = list(source.treatment_areas.order_by("sort_order").values("name", "description", "sort_order"))
    raw_body = list(source.body.raw_data)
    now = timezone.now()
    copies = []
    with transaction.atomic():
        for n in range(start, start + count):
            page = TreatmentPage(
                title=f"{source.title} copy {n}",
                slug=f"{source.slug}-copy-{n}",
                live=True,
                first_published_at=now,
                last_published_at=now,
                **{name: getattr(source, name) for name in COPIED_FIELDS},
            )
            page.body = raw_body
            parent.add_child(instance=page)
            copies.append(page)
        TreatmentArea.objects.bulk_create(
            [TreatmentArea(page_id=page.pk, **area) for page in copies for area in areas], batch_size=500
        )
    # Many rows at once: the planner's statistics must say so (SQLite gathers none by itself).
    refresh_planner_statistics()
    return copies
