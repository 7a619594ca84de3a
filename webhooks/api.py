"""The webhook events in the API's OpenAPI document (its 3.1 ``webhooks`` section).

The API app collects ``openapi_webhooks()`` from every app's ``api.py``, as it collects
``openapi_paths()``: the payloads are written here, beside the code that builds them
(``events.py``), and tests validate every payload sent against these schemas.
"""

from .signal_handlers import OBJECT_EVENTS, PAGE_EVENTS

SIGNATURE = (
    '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the endpoint\'s secret; '
    "reject timestamps more than 300 s away (docs/frontend.md shows the check)."
)

_PATHS = {
    "type": "array",
    "items": {"type": "string"},
    "description": "Every site path whose content changed: rebuild or revalidate each.",
}
_TIMESTAMP = {"type": "string", "format": "date-time", "description": "When the change was recorded, UTC (`Z`)."}


def _page_event():
    return {
        "type": "object",
        "properties": {
            "event": {"enum": sorted(PAGE_EVENTS)},
            "timestamp": _TIMESTAMP,
            "page_id": {"type": "integer"},
            "type": {"type": "string", "description": "The page type, `app_label.ModelName`."},
            "title": {"type": "string"},
            "url_path": {"type": ["string", "null"], "description": "The page's path on its site."},
            "url": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "The page's address: on CMS_FRONTEND_BASE_URL's host when set, else its Site's.",
            },
            "old_url_path": {"type": ["string", "null"], "description": "On `page.moved`: the path before."},
            "old_url": {"type": ["string", "null"], "format": "uri"},
            "paths": _PATHS,
        },
        "required": ["event", "timestamp", "page_id", "type", "title", "url_path", "url", "paths"],
    }


def _object_event():
    return {
        "type": "object",
        "properties": {
            "event": {"enum": sorted(OBJECT_EVENTS)},
            "timestamp": _TIMESTAMP,
            "page_id": {"type": "null"},
            "type": {"type": "string", "description": "The model, `app_label.ModelName`."},
            "object_id": {"type": "integer"},
            "url_path": {"type": "null"},
            "site_id": {"type": "integer", "description": "For a site setting: the site it belongs to."},
            "pages": {
                "type": "array",
                "description": "The live pages that show the object.",
                "items": {
                    "type": "object",
                    "properties": {"page_id": {"type": "integer"}, "url_path": {"type": ["string", "null"]}},
                    "required": ["page_id", "url_path"],
                },
            },
            "paths": _PATHS,
        },
        "required": ["event", "timestamp", "page_id", "type", "object_id", "url_path", "paths"],
    }


def _webhook(summary, schema):
    return {
        "post": {
            "operationId": f"webhook_{summary.split()[0].lower()}",
            "summary": summary,
            "description": "Sent by the worker to every endpoint in `CMS_WEBHOOKS`, after the change commits.",
            "parameters": [
                {
                    "name": "X-CMS-Signature",
                    "in": "header",
                    "required": True,
                    "description": SIGNATURE,
                    "schema": {"type": "string", "pattern": "^t=[0-9]+,v1=[0-9a-f]{64}$"},
                },
            ],
            "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
            "responses": {"2XX": {"description": "Received; any other answer is retried with back-off."}},
        }
    }


def openapi_webhooks():
    """The ``webhooks`` section: one entry for page events, one for object events."""
    return {
        "page": _webhook("Page published, unpublished, moved or deleted", _page_event()),
        "object": _webhook("Snippet, setting, image or document saved or deleted", _object_event()),
    }
