"""Reading a JSON request body within a size limit, with or without a Content-Length.

A client may send its body chunked (``Transfer-Encoding: chunked``, no Content-Length). Django
reads a body only as far as Content-Length says, so a chunked body looks empty to it. WSGI
servers that decode chunked bodies say so with ``wsgi.input_terminated`` (gunicorn, the production
server, does): the decoded stream then ends by itself and is read here directly, never past the
limit. Servers that do not (Django's runserver) cannot hand the body over at all: 411, so the client
knows to send a Content-Length instead of being told its JSON is invalid.
"""


class BodyTooLarge(Exception):
    """The body is over the limit."""


class LengthRequired(Exception):
    """A chunked body this server cannot read."""


def _is_chunked(request):
    return "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower()


def _read_until(stream, limit):
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(limit + 1 - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise BodyTooLarge
    return b"".join(chunks)


def read_body(request, limit):
    """The request body, at most ``limit`` bytes; raises ``BodyTooLarge`` or ``LengthRequired``."""
    if request.META.get("CONTENT_LENGTH") or not _is_chunked(request):
        return _read_until(request, limit)
    if not request.META.get("wsgi.input_terminated"):
        raise LengthRequired
    return _read_until(request.META["wsgi.input"], limit)
