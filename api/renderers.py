"""The API's JSON renderer: DRF's, written by orjson.

Same JSON as DRF's compact renderer (UTF-8, U+2028/U+2029 escaped for embedding in scripts,
anything orjson does not know handed to DRF's own encoder), a few times faster to write.
Always compact, whatever indent a client asks for (``application/json; indent=N``): a response
must not vary with the Accept header, or the shared response cache would mix the two.
"""

import orjson
from rest_framework import renderers

# Types DRF's encoder formats its own way (e.g. datetimes ending in "Z"): orjson passes them on.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME


class JSONRenderer(renderers.JSONRenderer):
    """DRF's compact ``JSONRenderer``, written by orjson."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if self.ensure_ascii or not self.compact:  # DRF settings asking for another format
            return super().render(data, accepted_media_type, renderer_context)
        content = orjson.dumps(data, default=self.encoder_class().default, option=_OPTIONS)
        # As DRF: the two line separators JSON allows but JavaScript source does not.
        return content.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")
