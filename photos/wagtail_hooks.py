"""Snippets > Photo authorizations: for superusers and Clinic managers, with a Revoke action.

Who sees what:
- Superusers and Clinic managers (model permissions given by migration 0002) list, add and edit
  authorizations, see the patient reference, and revoke.
- Editors have no permission on the model, so no menu item and no list; they choose an
  authorization in a before-and-after block through Wagtail's chooser (no permission needed),
  which offers only those current today and covering the website, by label, number and status
  (``PhotoAuthorization.__str__``), never the patient reference.
"""

from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.history import register_sent_to_review

from . import views
from .models import EXPIRED_ACTION, REVOKED_ACTION, WITHDRAWN_ACTION, PhotoAuthorization


class PhotoAuthorizationForm(WagtailAdminModelForm):
    """Records who entered the authorization (the signed-in user), once, when it is added."""

    def save(self, commit=True):
        if self.instance.pk is None and self.for_user is not None:
            self.instance.recorded_by = self.for_user
        return super().save(commit=commit)


class WebsiteCurrentMixin:
    """The chooser offers only authorizations a pair may be published with today."""

    def get_object_list(self):
        return super().get_object_list().website_current(timezone.localdate())


class AuthorizationChooseView(WebsiteCurrentMixin, ChooseView):
    pass


class AuthorizationChooseResultsView(WebsiteCurrentMixin, ChooseResultsView):
    pass


class PhotoAuthorizationChooserViewSet(SnippetChooserViewSet):
    choose_view_class = AuthorizationChooseView
    choose_results_view_class = AuthorizationChooseResultsView


class PhotoAuthorizationViewSet(SnippetViewSet):
    """The clinic's record of each patient's authorization to publish their photos."""

    model = PhotoAuthorization
    icon = "image"
    menu_label = "Photo authorizations"
    add_to_admin_menu = True
    list_display = ["label", "patient_reference", "covered", "signed_on", "expires_on", "status_today", "recorded_by"]
    list_filter = ["covers_website", "revoked"]
    chooser_viewset_class = PhotoAuthorizationChooserViewSet
    edit_handler = ObjectList(
        [
            HelpPanel(
                "Enter the authorization exactly as the patient signed it. The patient reference is where "
                "the clinic finds the patient and the form (e.g. 'chart 4411'): never the patient's name. "
                "Editors choosing the photos see only the label. To withdraw it, use Revoke in the list."
            ),
            FieldRowPanel([FieldPanel("patient_reference"), FieldPanel("label")]),
            MultiFieldPanel(
                [FieldPanel("covers_website"), FieldPanel("covers_social"), FieldPanel("covers_print")],
                heading="What the authorization covers",
            ),
            FieldRowPanel([FieldPanel("signed_on"), FieldPanel("expires_on")]),
        ],
        base_form_class=PhotoAuthorizationForm,
    )


register_snippet(PhotoAuthorizationViewSet)


@hooks.register("register_admin_urls")
def revoke_urls():
    return [
        path("photo-authorizations/<int:pk>/revoke/confirm/", views.confirm_revoke, name="photos_confirm_revoke"),
        path("photo-authorizations/<int:pk>/revoke/", views.revoke, name="photos_revoke"),
    ]


@hooks.register("register_snippet_listing_buttons")
def revoke_button(snippet, user, next_url=None):
    if isinstance(snippet, PhotoAuthorization) and not snippet.revoked and views.may_revoke(user):
        yield Button(
            "Revoke",
            url=reverse("photos_confirm_revoke", args=[snippet.pk]),
            icon_name="warning",
            priority=50,
        )


@hooks.register("register_log_actions")
def register_photo_log_actions(actions):
    # Written on each treatment page that showed the photos (treatments.photo_review): never the
    # patient reference, which editors reading the page's history must not see.
    register_sent_to_review(
        actions,
        WITHDRAWN_ACTION,
        "Photo authorization withdrawn",
        "the patient's photo authorization {authorization_id} ({label}) was {reason}; its before-and-after photos "
        "no longer show",
        authorization_id="?",
        label="",
        reason="withdrawn",
    )

    actions.register_action(REVOKED_ACTION, "Photo authorization revoked", "Revoked by the patient")
    actions.register_action(EXPIRED_ACTION, "Photo authorization expired", "Expired: its photos no longer show")
