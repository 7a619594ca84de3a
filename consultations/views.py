"""The site's consultation form at /consultation/ and its confirmation page."""

from urllib.parse import urlsplit

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from .forms import HONEYPOT_FIELD, ConsultationForm
from .intake import accept
from .models import ConsultationRequest
from .ratelimit import retry_after

SESSION_KEY = "consultation_reference"


def _preselected_treatment(form, value):
    """The treatment named by ``?treatment=<page id>``, if a visitor may see it; bad values are ignored."""
    if not value or not value.isdigit() or len(value) > 9:
        return None
    return form.fields["treatment"].queryset.filter(pk=int(value)).first()


def _referring_page(request):
    """The site page that linked here (same host only), for "the page it came from"."""
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    return referer.path if referer.netloc == request.get_host() else ""


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def consultation(request):
    """Show the form; on a valid POST store the request and redirect to the confirmation."""
    if request.method == "POST":
        wait = retry_after(request)
        if wait:
            response = render(request, "consultations/rate_limited.html", {"retry_minutes": -(-wait // 60)}, status=429)
            response["Retry-After"] = str(wait)
            return response
        form = ConsultationForm(request.POST)
        came_from = request.POST.get("came_from", "")
        if form.is_valid():
            consultation = accept(form, request, ConsultationRequest.Channel.SITE, came_from)
            request.session[SESSION_KEY] = consultation.reference
            return redirect("consultations:thanks")
        if form.is_bot():
            # Looks like success to the bot; nothing is stored or sent.
            request.session.pop(SESSION_KEY, None)
            return redirect("consultations:thanks")
        status = 400
    else:
        form = ConsultationForm()
        treatment = _preselected_treatment(form, request.GET.get("treatment", ""))
        if treatment:
            form.initial["treatment"] = treatment.pk
        came_from = _referring_page(request) or (treatment.url if treatment else "")
        status = 200
    context = {"form": form, "came_from": came_from, "honeypot": form[HONEYPOT_FIELD]}
    return render(request, "consultations/consultation_form.html", context, status=status)


@never_cache
@require_GET
def thanks(request):
    """The confirmation: the request's reference and nothing personal."""
    return render(request, "consultations/thanks.html", {"reference": request.session.get(SESSION_KEY)})
