"""The one definition of a valid consultation request, used by the site form and the JSON API."""

from django import forms

from treatments.models import TreatmentPage

from .models import ConsultationRequest
from .text import CheckedEmailField, MultiLineTextField, OneLineTextField

HONEYPOT_FIELD = "website"
CONTACT_ERROR_ID = "contact-error"


class ConsultationForm(forms.ModelForm):
    """What a visitor (or a front end on their behalf) may send, and how it is checked."""

    treatment = forms.ModelChoiceField(
        queryset=TreatmentPage.objects.none(),
        required=False,
        empty_label="Not sure yet",
        label="Treatment of interest",
    )
    consent = forms.BooleanField(
        label="I agree that the clinic may contact me about this request.",
        error_messages={"required": "Please agree to be contacted, or we cannot reply to your request."},
    )
    # Honeypot: hidden from people by CSS, filled in by form-filling bots.
    website = forms.CharField(
        required=False,
        max_length=200,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = ConsultationRequest
        fields = ["name", "email", "phone", "treatment", "preferred_time", "message", "consent"]
        labels = {
            "name": "Your name",
            "email": "Email address",
            "phone": "Phone number",
            "preferred_time": "Best time to contact you",
            "message": "Message",
        }
        help_texts = {"message": "Optional. Up to 2,000 characters; please leave out detailed medical history."}
        error_messages = {"name": {"required": "Please tell us your name."}}
        # Control and text-direction characters are refused as sent (consultations/text.py).
        field_classes = {
            "name": OneLineTextField,
            "email": CheckedEmailField,
            "phone": OneLineTextField,
            "message": MultiLineTextField,
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        # Only treatments a visitor can see may be asked about: no drafts, no private pages.
        self.fields["treatment"].queryset = TreatmentPage.objects.live().public().order_by("title")
        self.fields["preferred_time"].choices = [("", "No preference")] + list(
            ConsultationRequest.PreferredTime.choices
        )

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError("This field must be left empty.", code="honeypot")
        return ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.has_error("email"):
            if not self.has_error("phone"):
                raise forms.ValidationError(
                    "Please give an email address or a phone number so we can reach you.", code="contact_required"
                )
        return cleaned

    def is_bot(self):
        """True when the honeypot was filled: the sender is a bot, not a visitor."""
        return self.has_error(HONEYPOT_FIELD, "honeypot")

    def contact_error(self):
        """The "email or phone" error, shown next to both contact fields."""
        return next((e for e in self.non_field_errors().as_data() if e.code == "contact_required"), None)

    def full_clean(self):
        super().full_clean()
        if self.contact_error():
            # Both contact fields point at the shared error, so screen readers announce it on either.
            for name in ("email", "phone"):
                self.fields[name].widget.attrs.update({"aria-invalid": "true", "aria-describedby": CONTACT_ERROR_ID})
