"""The Medical review tab: the review record is stamped by a practitioner's approval, not typed in.

Everyone sees "Reviewed by" and "Last reviewed"; only users holding
``treatments.correct_medical_review`` (Clinic managers) may change them, and each such
correction leaves an entry in the page's history naming the old and new values. For everyone
else the fields are not part of the form at all (Wagtail's ``FieldPanel(permission=...)``),
so a crafted POST cannot set them.

The record is not content: "Review this version" in the page history opens the editor with an
old revision, which carries the review record of its day. The form starts from the current
record instead (the latest revision's: what the last approval or correction left), so
reverting, then saving, submitting or publishing, never brings an old review back; a clinic
manager who types it back in makes a correction like any other, logged.
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.log_actions import LogFormatter, log

CORRECT_REVIEW = "treatments.correct_medical_review"
CORRECTION_ACTION = "treatments.correct_medical_review"
REVIEW_FIELDS = ["reviewed_by", "last_reviewed"]


class ReviewRecordPanel(FieldPanel):
    """A review field shown read-only to users who may not correct it (the editable panel is separate)."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            # Those who may correct the record see the editable panel instead.
            if self.request and self.request.user.has_perm(CORRECT_REVIEW):
                return False
            return super().is_shown()


def review_record_panels(field_name):
    """The editable panel for correctors and the read-only one for everyone else."""
    return [FieldPanel(field_name, permission=CORRECT_REVIEW), ReviewRecordPanel(field_name)]


def keep_current_review_record(page):
    """Give ``page`` (maybe an old revision's content) the review record of the page's latest revision."""
    if page.pk is None:
        return  # a new page has no record yet
    latest = page.revisions.order_by("-created_at", "-id").first()
    if latest is None:
        return  # never saved as a revision: the page row is the record
    current = latest.as_object()
    page.reviewed_by_id = current.reviewed_by_id
    page.last_reviewed = current.last_reviewed


def _shown(value):
    return "" if value is None else str(value)


class TreatmentPageForm(WagtailAdminPageForm):
    """The treatment page form: logs every correction of the review record."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keep_current_review_record(self.instance)
        current = {"reviewed_by": self.instance.reviewed_by_id, "last_reviewed": self.instance.last_reviewed}
        for name, value in current.items():
            if name in self.fields:  # the editable fields show the current record, too
                self.initial[name] = value
        self.review_before = {name: getattr(self.instance, name) for name in REVIEW_FIELDS}

    def save(self, commit=True):
        page = super().save(commit=commit)
        changes = [
            {"field": name, "old": _shown(self.review_before[name]), "new": _shown(getattr(page, name))}
            for name in REVIEW_FIELDS
            if name in self.fields and self.review_before[name] != getattr(page, name)
        ]
        if changes and page.pk:
            log(instance=page, action=CORRECTION_ACTION, user=self.for_user, data={"changes": changes})
        return page


def correction_message(data):
    """How the page history words a correction: each field's old and new value."""
    labels = {"reviewed_by": "Reviewed by", "last_reviewed": "Last reviewed"}
    parts = [
        f"{labels.get(c['field'], c['field'])}: '{c['old'] or 'none'}' → '{c['new'] or 'none'}'"
        for c in data.get("changes", [])
    ]
    return "Medical review record corrected: " + "; ".join(parts)


class ReviewCorrectionFormatter(LogFormatter):
    """The page history's line for a correction of the review record."""

    label = "Correct medical review"

    def format_message(self, log_entry):
        return correction_message(log_entry.data or {})
