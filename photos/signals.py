"""``authorization_withdrawn``: a patient's photo authorization no longer lets the site show their photos.

Sent inside the change's transaction, once per authorization, with ``authorization``, ``reason``
(``"revoked"`` or ``"expired"``) and ``user`` (who revoked it; None for an expiry). Treatment pages
subscribe (``treatments.photo_review``): each page using it goes back to Medical review, logged.
"""

from django.dispatch import Signal

authorization_withdrawn = Signal()
