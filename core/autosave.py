"""Autosave never replaces a draft the editor saved while the autosave was on its way.

Wagtail's page editor autosaves in the background: it snapshots the form, waits for its
interval, then posts the snapshot with the id of the revision it last wrote. The edit view
refuses a snapshot whose revision is no longer the latest, but it decides that from the page
row read when the request started. When the editor clicks "Save draft" while a snapshot is in
flight, both requests run at once: the full save writes a new revision, and the autosave, still
believing its own revision is the latest, rewrites that older revision with the older snapshot
and points the working draft back at it. The editor's confirmed save is then hidden.

`keep_the_editors_save` runs after every autosave (Wagtail's `after_edit_page` hook) and
settles that race: when another revision was written since the one the autosave started from,
the newest such revision (the editor's save) becomes the working draft again and the autosave
is answered as refused, so the editor's browser stops autosaving and says a newer version exists.
"""

from django.db import transaction
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

REFUSED = _("Saving will overwrite a newer version.")


def base_revision_id(request):
    """The revision the autosaving browser started from (the one it overwrites, or the one it loaded)."""
    value = request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")
    return int(value) if value and value.isdigit() else None


def newer_revision(page, base_id, written_id):
    """The newest revision of the page written by someone else since `base_id`, if any."""
    return page.revisions.filter(pk__gt=base_id).exclude(pk=written_id).order_by("-pk").first()


def restore_working_draft(page, revision):
    """Point the page's working draft at `revision`, as Wagtail's own save would have left it."""
    draft = revision.as_object()
    if page.live:
        # The row holds the live content: only the draft pointer and title move.
        Page.objects.filter(pk=page.pk).update(latest_revision=revision, draft_title=draft.title)
        return
    # A page never published keeps its draft on the row too (Wagtail writes it on every save).
    draft.latest_revision = revision
    draft.draft_title = draft.title
    draft.save(clean=False)


def keep_the_editors_save(request, page):
    """Undo an autosave that raced a full save; answer it as refused (see the module docstring)."""
    if request.method != "POST" or request.accepts("text/html"):
        return None  # only background autosaves answer in JSON
    base_id = base_revision_id(request)
    if base_id is None:
        return None
    written_id = page.latest_revision_id  # the revision this autosave just wrote
    with transaction.atomic():
        record = Page.objects.select_for_update().get(pk=page.pk).specific
        newer = newer_revision(record, base_id, written_id)
        if newer is None:
            return None
        if record.latest_revision_id == written_id:
            # The autosave finished last: the editor's save becomes the working draft again.
            restore_working_draft(record, newer)
    return JsonResponse(
        {"success": False, "error_code": "invalid_revision", "error_message": str(REFUSED)},
        status=400,
    )
