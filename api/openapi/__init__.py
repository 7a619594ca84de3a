"""OpenAPI 3.1 description of the JSON API, generated from block and serializer definitions."""

from .document import build_document

__all__ = ["build_document"]
