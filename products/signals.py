"""``safety_information_changed``: a product's boxed warning or Important Safety Information changed.

Sent (inside the save's transaction) with ``product`` and its new ``version`` whenever the safety
text, its source or the date it was checked changes. Treatment pages subscribe
(``treatments.safety``): each page using the product goes back to Medical review.
"""

from django.dispatch import Signal

safety_information_changed = Signal()
