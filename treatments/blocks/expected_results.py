"""The page's own typical results, for the sections that must be shown with them.

A testimonial or a before-and-after photo tells one patient's experience; the Endorsement Guides
(16 CFR 255.2) ask that it come with the results patients can generally expect. Those are read
from the page's ``results`` section, so the statement is never out of step with it.
"""


def results_section(stream_value):
    """The first ``results`` section of a treatment body, or None."""
    return next((child.value for child in stream_value or [] if child.block_type == "results"), None)


def expected_results(stream_value):
    """E.g. "Generally expected results: the full effect shows after about 7 days; results typically
    last 3–4 months." ("" when the page has no results section)."""
    results = results_section(stream_value)
    return results.expected_results() if results is not None else ""
