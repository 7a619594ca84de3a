"""The API reaches Wagtail, DRF and Django through their public extension points only."""

import re
from pathlib import Path

import pytest

from api.media import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet
from api.pages import TreatmentPagesAPIViewSet
from api.preview import PagePreviewAPIViewSet
from cms.api import api_router
from treatments.models import TreatmentPage

ROOT = Path(__file__).resolve().parents[2]
# The API and the shared machinery under it (core/: caches, sites, signals, prefetching).
PACKAGES = [ROOT / "api", ROOT / "core"]

# Ways into a framework's internals this package once used, and must not use again.
FORBIDDEN = {
    r"super\(\s*\w": "a super() that names its class can skip one",
    r"\._get_serializer_class\b": "Wagtail's private serializer factory",
    r"\._endpoints\b": "WagtailAPIRouter's private endpoint table",
    r"\bget_compiler\b|\bget_related_populators\b": "Django's SQL compiler",
    r"_prefetched_objects_cache|_cached_object\b|_wagtail_site\b": "a framework's private cache",
    r"\._get_raw_host\b|\._find_for_request\b": "Django's and Wagtail's private host and site lookups",
}


def test_no_private_framework_internals_in_the_api_and_core_packages():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {why}"
        for package in PACKAGES
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        for pattern, why in FORBIDDEN.items()
        if re.search(pattern, line)
    ]
    assert not found, "\n".join(found)


def test_router_lists_its_endpoints_in_registration_order():
    assert api_router.endpoints == {
        "pages": TreatmentPagesAPIViewSet,
        "images": PublicImagesAPIViewSet,
        "documents": PublicDocumentsAPIViewSet,
        "page_preview": PagePreviewAPIViewSet,
    }


@pytest.mark.django_db
def test_serializer_classes_are_built_once_per_model_and_fields():
    detail = TreatmentPagesAPIViewSet.serializer_class_for(api_router, TreatmentPage)
    assert TreatmentPagesAPIViewSet.serializer_class_for(api_router, TreatmentPage) is detail
    assert "body" in detail.Meta.fields and "locale" not in detail.Meta.fields  # Wagtail's detail defaults
    title_only = TreatmentPagesAPIViewSet.serializer_class_for(api_router, TreatmentPage, fields="_,title")
    # id, type and title are always sent (issue 15: a client narrows on meta.type).
    assert title_only is not detail and sorted(title_only.Meta.fields) == ["id", "title", "type"]
    everything = TreatmentPagesAPIViewSet.serializer_class_for(api_router, TreatmentPage, fields="*")
    assert "locale" in everything.Meta.fields


@pytest.mark.django_db
def test_each_serializer_binds_fields_of_its_own():
    serializer_class = TreatmentPagesAPIViewSet.serializer_class_for(api_router, TreatmentPage)
    first, second = serializer_class(context={"n": 1}), serializer_class(context={"n": 2})
    assert list(first.fields) == list(second.fields)
    for name in first.fields:
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name].parent is first and second.fields[name].parent is second
    assert first.fields["title"].context == {"n": 1} and second.fields["title"].context == {"n": 2}
