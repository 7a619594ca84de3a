"""Listing query parameters that Wagtail accepts too loosely: checked here, and described the same way.

Wagtail ignores a ``search_operator`` outside ``and``/``or`` when there is no search, answers an
unknown ``locale`` or ``site`` with 404, and takes the last of a repeated parameter. The public API
answers each with a 400 that says what was wrong, and the OpenAPI document (``api/openapi``)
describes the parameters with the schemas below, so the document and the server agree.
"""

from django.db.models import AutoField, BooleanField, DateField, DateTimeField, ForeignKey, IntegerField
from django.http import Http404
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.validators import SiteFilterValidator
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale

from core.prefetch import model_field

from .errors import MAX_ID

SEARCH_OPERATORS = ["and", "or"]
RICH_TEXT_FORMATS = ["db_html", "html", "db_markdown", "markdown"]
INTEGER_FILTER = {"type": "integer", "minimum": 0, "maximum": MAX_ID}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}


def check_query_parameters(request):
    """Raise ``BadRequestError`` for what no endpoint accepts: a parameter given more than once (none of
    ours is a list), an ``id`` that is not a whole number, or a ``rich_text_format`` outside its enum
    (``find/`` would otherwise ignore both when ``html_path`` is given)."""
    for name in request.GET:
        if len(request.GET.getlist(name)) > 1:
            raise BadRequestError(f"{name} is given more than once")
    identifier = request.GET.get("id")
    if identifier is not None and not (identifier.isascii() and identifier.isdigit() and 0 < int(identifier) <= MAX_ID):
        raise BadRequestError(f"id must be a whole number from 1 to {MAX_ID}")
    rich_text_format = request.GET.get("rich_text_format")
    if rich_text_format is not None and rich_text_format not in RICH_TEXT_FORMATS:
        raise BadRequestError("rich_text_format must be one of " + ", ".join(RICH_TEXT_FORMATS))


def check_listing_parameters(request, model):
    """Raise ``BadRequestError`` (400) for a listing parameter outside what the document allows."""
    operator = request.GET.get("search_operator")
    if operator is not None and operator not in SEARCH_OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    locale = request.GET.get("locale")
    if locale is not None and not (
        locale in get_content_languages() and Locale.objects.filter(language_code=locale).exists()
    ):
        raise BadRequestError(f"locale {locale!r} is not one of the site's languages")
    site = request.GET.get("site")
    if site:
        try:
            SiteFilterValidator(site=site, request=request).site_obj  # noqa: B018 (looked up to be checked)
        except Http404 as e:
            raise BadRequestError(f"site {site!r} is not one of the sites (hostname, or hostname:port)") from e
    for name, value in request.GET.items():
        if filter_schema(model, name) is INTEGER_FILTER and value.lstrip("-").isdigit() and int(value) < 0:
            raise BadRequestError(f"{name} must be a whole number from 0 to {MAX_ID}")


def filter_schema(model, name):
    """The schema of the field filter ``?name=value`` for ``model``, typed like the field it compares."""
    field = model_field(model, name)
    if name == "locale":
        return {
            "type": "string",
            "enum": sorted(get_content_languages()),
            "description": "A language code of the site's content; 400 for any other.",
        }
    if getattr(field, "primary_key", False):
        return ID
    if isinstance(field, BooleanField):
        return {"type": "boolean"}
    if isinstance(field, IntegerField | AutoField | ForeignKey):
        return INTEGER_FILTER
    if isinstance(field, DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, DateField):
        return {"type": "string", "format": "date"}
    return None
