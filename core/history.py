"""History lines of pages that a change elsewhere sent back to Medical review."""

from wagtail.log_actions import LogFormatter


class SentToReview(LogFormatter):
    """``Sent to Medical review: <because>``, ``because`` filled from the log entry's data.

    ``defaults`` stand in for data an entry lacks, so an older entry still reads as a sentence.
    """

    because = ""
    defaults = {}

    def format_message(self, log_entry):
        return "Sent to Medical review: " + self.because.format_map({**self.defaults, **(log_entry.data or {})})


def register_sent_to_review(actions, action, label, because, /, **defaults):
    """Register ``action``'s history line with Wagtail's ``register_log_actions`` registry."""
    formatter = type(
        "SentToReviewFormatter", (SentToReview,), {"label": label, "because": because, "defaults": defaults}
    )
    actions.register_action(action)(formatter)
