"""``python manage.py export_openapi PATH``: write the API's OpenAPI 3.1 document."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from api.openapi import build_document
from cms.api import api_router


class Command(BaseCommand):
    """Writes the same document ``GET /api/v2/openapi.json`` serves (``-`` for stdout)."""

    help = "Write the OpenAPI 3.1 document of the JSON API to PATH (or '-' for standard output)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="File to write, e.g. openapi.json; '-' writes to standard output.")

    def handle(self, *args, path, **options):
        text = json.dumps(build_document(api_router), indent=2, ensure_ascii=False) + "\n"
        if path == "-":
            self.stdout.write(text, ending="")
            return
        Path(path).write_text(text, encoding="utf-8")
        self.stderr.write(f"Wrote {path}")
