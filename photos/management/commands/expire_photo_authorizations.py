"""``manage.py expire_photo_authorizations``: withdraw the photos of every authorization past its expiry.

Run by cron daily, shortly after midnight in the clinic's time zone (``TIME_ZONE``), or more often:
it is idempotent. Each authorization whose last day (``expires_on``) has passed and whose
withdrawal was not yet sent gets it now (pages to Medical review, logged, caches told), in its
own transaction; a rerun finds nothing left to do. A page or API answer built after midnight
already leaves the pair out (rendering checks the date itself); an answer cached before
midnight is replaced when this command runs, since it changes the authorization and each page
(at worst it lives until ``CMS_PAGE_CACHE_TIMEOUT`` / ``CMS_API_CACHE_TIMEOUT`` run out).
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from photos.models import PhotoAuthorization


class Command(BaseCommand):
    help = "Withdraw the before-and-after photos of every photo authorization past its expiry date."

    def handle(self, *args, **options):
        today = timezone.localdate()
        withdrawn = [
            authorization.pk
            for authorization in PhotoAuthorization.objects.expired_unhandled(today)
            if authorization.withdraw_expired(today)
        ]
        if withdrawn:
            self.stdout.write(
                f"Withdrew {len(withdrawn)} expired photo authorization(s): {', '.join(map(str, withdrawn))}."
            )
        else:
            self.stdout.write("No expired photo authorization left to withdraw.")
