"""Reading an export folder back: refusing, with a clear message, what does not fit the format."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError

from .format import DATA_FILE, FORMAT, TEXT_FIELDS, VERSION, PortabilityError


def require(record, fields, what):
    """Refuse ``record`` unless it is an object holding ``fields`` (text fields as strings)."""
    if not isinstance(record, dict):
        raise PortabilityError(f"Each entry of {what} must be an object.")
    missing = [field for field in fields if field not in record]
    if missing:
        raise PortabilityError(f"An entry of {what} lacks {', '.join(missing)}.")
    for field in fields:
        if field in TEXT_FIELDS and not isinstance(record[field], str):
            raise PortabilityError(f"In {what}, '{field}' must be a string.")


def read_export(path):
    """The data of the export folder ``path``, its overall shape checked."""
    path = Path(path)
    data_file = path / DATA_FILE
    if not data_file.is_file():
        raise PortabilityError(f"{data_file} not found: PATH must be a folder written by export_treatments.")
    try:
        data = json.loads(data_file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PortabilityError(f"{data_file} is not valid JSON: {error}") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PortabilityError(f"{data_file} is not a treatment export (format '{FORMAT}').")
    if data.get("version") != VERSION:
        raise PortabilityError(f"Export version {data.get('version')!r} is not supported (expected {VERSION}).")
    for name in ("images", "practitioners", "treatments"):
        if not isinstance(data.get(name), list):
            raise PortabilityError(f"'{name}' must be a list.")
    if not isinstance(data.get("index"), dict | None):
        raise PortabilityError("'index' must be an object or null.")
    for record in data["images"]:
        require(record, ["key", "title", "file", "sha256"], "images")
    for record in data["practitioners"]:
        require(record, ["key", "name"], "practitioners")
    for record in data["treatments"]:
        require(record, ["title", "slug", "summary", "body"], "treatments")
    slugs = [record["slug"] for record in data["treatments"]]
    if len(slugs) != len(set(slugs)):
        raise PortabilityError("Two treatments in the export share a slug.")
    return data


def messages(error):
    """A ValidationError (of a model or of a block) as one line of text."""
    if hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    if hasattr(error, "block_errors") or hasattr(error, "as_json_data"):
        return json.dumps(error.as_json_data())
    return " ".join(error.messages)


def clean(instance, label, exclude=None):
    """Validate a model instance; refuse it under ``label`` when it is not valid."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise PortabilityError(f"{label}: {messages(error)}") from error


def clean_fields(instance, fields, label):
    """Validate only ``fields`` of a model instance (the rest is not the export's to set)."""
    try:
        instance.clean_fields(exclude=[f.name for f in instance._meta.fields if f.name not in fields])
    except ValidationError as error:
        raise PortabilityError(f"{label}: {messages(error)}") from error
