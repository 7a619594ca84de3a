"""Admin addresses from before the clinic had its own app keep working (bookmarks, old emails)."""

from django.http import HttpResponsePermanentRedirect
from django.urls import re_path
from wagtail import hooks

# Old admin path -> new one: the models moved from ``treatments`` to ``clinic``.
MOVED_ADMIN_PATHS = {
    "snippets/treatments/practitioner/": "snippets/clinic/practitioner/",
    "settings/treatments/clinicsettings/": "settings/clinic/clinicsettings/",
}


def _moved(old, new):
    def redirect(request):
        return HttpResponsePermanentRedirect(request.get_full_path().replace(f"/{old}", f"/{new}", 1))

    return redirect


# Before Wagtail's own settings URLs, which would answer the old address with a 404.
@hooks.register("register_admin_urls", order=-1)
def moved_admin_urls():
    return [re_path(rf"^{old}", _moved(old, new)) for old, new in MOVED_ADMIN_PATHS.items()]
