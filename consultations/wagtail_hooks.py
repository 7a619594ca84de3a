"""The staff inbox (wagtail-modeladmin) and the audit log actions of consultation requests."""

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from .admin_views import (
    EXPORT_ACTION,
    VIEW_ACTION,
    ConsultationEditView,
    ConsultationIndexView,
    ConsultationInspectView,
    ConsultationPermissionHelper,
)
from .models import ConsultationRequest


class ConsultationRequestAdmin(ModelAdmin):
    """Consultation requests for clinic staff: list, filter, search, work, export."""

    model = ConsultationRequest
    menu_label = "Consultation requests"
    menu_icon = "mail"
    menu_order = 250
    list_display = ("reference", "name", "status", "treatment", "created_at")
    list_filter = ("status", "treatment", "created_at")
    list_select_related = ("treatment",)
    search_fields = ("name", "email", "phone")
    list_export = (
        "reference",
        "created_at",
        "status",
        "treatment",
        "name",
        "email",
        "phone",
        "preferred_time",
        "message",
        "consent",
        "channel",
        "source_page",
        "notes",
    )
    export_filename = "consultation-requests"
    inspect_view_enabled = True
    inspect_view_fields = list_export
    permission_helper_class = ConsultationPermissionHelper
    index_view_class = ConsultationIndexView
    inspect_view_class = ConsultationInspectView
    edit_view_class = ConsultationEditView


modeladmin_register(ConsultationRequestAdmin)


@hooks.register("register_log_actions")
def register_consultation_log_actions(actions):
    actions.register_action(VIEW_ACTION, "View consultation request", "Viewed")
    actions.register_action(EXPORT_ACTION, "Export consultation request", "Exported")
