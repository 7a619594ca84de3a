"""Uploaded files on the local server (`make run`): image files only, and a private collection's only to editors.

Production never routes /media/ through Django (the web server or the bucket serves it, see
docs/security-files.md); this is the local server's stand-in, with the same promise:

- ``documents/``: never. Documents go through ``/documents/<id>/<file>``, Wagtail's serve view,
  which checks the collection's privacy on every download.
- ``original_images/`` and ``images/`` (renditions): only files of a known image; those of an image
  in a collection with view restrictions only to users who may use the admin (its thumbnails).
- anything else: never.
"""

from django.http import Http404
from django.views.static import serve
from wagtail.images import get_image_model

IMAGE_FOLDERS = {"original_images": "file", "images": "renditions__file"}


def serve_media(request, path, document_root):
    """``django.views.static.serve`` for the image files a visitor (or editor) may see; 404 otherwise."""
    folder = path.split("/", 1)[0]
    if folder not in IMAGE_FOLDERS:
        raise Http404("Not a public media file.")
    image = get_image_model().objects.filter(**{IMAGE_FOLDERS[folder]: path}).select_related("collection").first()
    if image is None or (image.collection.get_view_restrictions().exists() and not _is_editor(request.user)):
        raise Http404("Not a public media file.")
    return serve(request, path, document_root=document_root)


def _is_editor(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
